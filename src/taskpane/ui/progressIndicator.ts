/**
 * Progress during long steps: the step's name and a bar, indeterminate while the worker analyses
 * (it reports steps, not fractions) and determinate while sheets are written (done of total).
 */
export interface ProgressIndicator {
  step(text: string): void;
  fraction(text: string, done: number, total: number): void;
  stop(): void;
}

export function createProgressIndicator(
  container: HTMLElement,
  label: HTMLElement,
  bar: HTMLProgressElement,
): ProgressIndicator {
  return {
    step(text) {
      container.hidden = false;
      label.textContent = text;
      bar.removeAttribute('value');
    },
    fraction(text, done, total) {
      container.hidden = false;
      label.textContent = text;
      bar.max = Math.max(total, 1);
      bar.value = done;
    },
    stop() {
      container.hidden = true;
      label.textContent = '';
    },
  };
}
