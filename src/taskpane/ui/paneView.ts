import type { Command } from '../../conversation/commands';
import type { PaneView } from '../host/dialogueController';
import type { SessionSettings } from '../host/workerClient';
import type { SummaryLine } from '../protocol';
import { createBoundariesControl, type BoundariesControl } from './boundariesControl';
import { createComposer, type Composer } from './composer';
import { byId, element } from './dom';
import { createMessageList } from './messageList';
import { renderParameterSummary } from './parameterSummary';
import { createProgressIndicator } from './progressIndicator';
import { createSettingsForm } from './settingsForm';
import { settingsDigest } from './settingsDigest';

/** What the page does with the analyst's actions outside the conversation itself. */
export interface PaneActions {
  send(text: string): void;
  /** A change made in the settings form, as its Command and the line the conversation shows for it. */
  apply(command: Command, shownAs: string): void;
  cancel(): void;
  pickBoundaries(file: File): void;
  resetBoundaries(): void;
  rereadWorkbook(): void;
}

export interface Pane extends PaneView {
  readonly composer: Composer;
  readonly boundaries: BoundariesControl;
  /** The one-line status under the title (loading, ready, or why the pane cannot work here). */
  status(text: string): void;
  /** Shows or hides everything that needs a working host (the conversation and its controls). */
  enable(enabled: boolean): void;
}

/**
 * Binds the pane's parts to the elements of taskpane.html. The settings form, the boundaries
 * control and every choice in words fold into one line (a <details>) whose digest follows them,
 * so a narrow pane keeps its height for the conversation. Cancel shows beside the progress while a
 * turn can still be stopped; Escape presses it.
 */
export function createPane(root: Document, actions: PaneActions): Pane {
  const messages = createMessageList(byId(root, 'messages', HTMLOListElement));
  const progress = createProgressIndicator(
    byId(root, 'progress', HTMLDivElement),
    byId(root, 'progress-step', HTMLSpanElement),
    byId(root, 'progress-bar', HTMLProgressElement),
  );
  const composer = createComposer(
    byId(root, 'composer', HTMLFormElement),
    byId(root, 'utterance', HTMLInputElement),
    byId(root, 'send', HTMLButtonElement),
    actions.send,
  );
  const boundariesControl = createBoundariesControl(
    {
      fileInput: byId(root, 'boundaries-file', HTMLInputElement),
      current: byId(root, 'boundaries-current', HTMLSpanElement),
      reset: byId(root, 'boundaries-reset', HTMLButtonElement),
    },
    actions.pickBoundaries,
    actions.resetBoundaries,
  );
  const form = createSettingsForm(root, actions.apply);
  byId(root, 'reread', HTMLButtonElement).addEventListener('click', actions.rereadWorkbook);
  const cancel = byId(root, 'cancel', HTMLButtonElement);
  cancel.addEventListener('click', actions.cancel);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !cancel.hidden) {
      event.preventDefault();
      actions.cancel();
    }
  });
  const parameterList = byId(root, 'parameter-list', HTMLDListElement);
  const digest = byId(root, 'settings-digest', HTMLSpanElement);
  const status = byId(root, 'status', HTMLParagraphElement);
  const workspace = byId(root, 'workspace', HTMLDivElement);

  let summary: readonly SummaryLine[] = [];
  let boundaryFile: string | null = null;
  const showDigest = () => {
    const segments = settingsDigest(summary, boundaryFile).map((segment) =>
      element('span', { className: 'digest-segment', text: segment }),
    );
    digest.replaceChildren(...segments.flatMap((segment, index) => (index === 0 ? [segment] : [' ', segment])));
  };
  const boundaries: BoundariesControl = {
    show(fileName) {
      boundariesControl.show(fileName);
      boundaryFile = fileName;
      showDigest();
    },
  };

  return {
    messages,
    progress,
    composer,
    boundaries,
    showSettings(settings: SessionSettings) {
      summary = settings.summary;
      renderParameterSummary(parameterList, settings.summary);
      showDigest();
      form.show(settings.parameters, settings.offenceTypes);
    },
    setBusy(busy) {
      composer.setBusy(busy);
      form.setBusy(busy);
      // After a cancel (its button gone) or a form change, the text box rather than nowhere.
      if (!busy && (root.activeElement === null || root.activeElement === root.body)) composer.focus();
    },
    setCancellable(cancellable) {
      cancel.hidden = !cancellable;
    },
    status(text) {
      status.textContent = text;
    },
    enable(enabled) {
      workspace.hidden = !enabled;
    },
  };
}
