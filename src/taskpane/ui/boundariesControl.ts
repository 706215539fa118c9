/**
 * Where ward boundaries come from: the workbook's ward vertex sheet (the default) or a GeoJSON
 * file the analyst picks, read locally. The control only reports the analyst's choice; reading
 * and checking the file is the host's job (readBoundaryFile).
 */
export interface BoundariesControl {
  /** Shows which boundaries the next turn will use. `fileName` null: the workbook's vertex sheet. */
  show(fileName: string | null): void;
}

export interface BoundariesElements {
  readonly fileInput: HTMLInputElement;
  readonly current: HTMLElement;
  readonly reset: HTMLButtonElement;
}

export function createBoundariesControl(
  elements: BoundariesElements,
  onPick: (file: File) => void,
  onReset: () => void,
): BoundariesControl {
  elements.fileInput.addEventListener('change', () => {
    const file = elements.fileInput.files?.[0];
    // Cleared so picking the same file again (after editing it) fires 'change' again.
    elements.fileInput.value = '';
    if (file) onPick(file);
  });
  elements.reset.addEventListener('click', onReset);
  return {
    show(fileName) {
      elements.current.textContent =
        fileName === null ? "The workbook's ward boundary sheet" : `GeoJSON file: ${fileName}`;
      elements.reset.hidden = fileName === null;
    },
  };
}
