import type { Command } from '../../conversation/commands';
import type { Choice, Effect } from '../../conversation/types';
import type { WorkbookPort } from '../../workbook/port';
import { UNCHANGED, type BoundaryFile, type Unchanged } from '../protocol';
import type { MessageList, SheetLink } from '../ui/messageList';
import type { ProgressIndicator } from '../ui/progressIndicator';
import { CancelledError, type DialogueWorker, type SessionSettings } from './workerClient';
import type { WorkbookSnapshots } from './workbookSnapshots';
import { errorText } from '../../core/errorText';

/** What the controller needs of the page: the conversation, progress, the choices, the busy state. */
export interface PaneView {
  readonly messages: MessageList;
  readonly progress: ProgressIndicator;
  /** The session's current choices: the summary, the digest and the settings form. */
  showSettings(settings: SessionSettings): void;
  setBusy(busy: boolean): void;
  /** Offers Cancel while a turn can still be stopped with the workbook untouched. */
  setCancellable(cancellable: boolean): void;
}

export interface DialogueController {
  /** One analyst turn; `shownAs` is what the conversation shows (a quick reply's label). Ignored while a turn runs. */
  say(utterance: string, shownAs?: string): Promise<void>;
  /**
   * A change made in the settings form, sent as the Command a typed turn would be understood as, so
   * the session answers and records it the same way; the conversation shows `shownAs`
   * ('Settings: threshold 10') then the reply. Ignored while a turn runs.
   */
  apply(command: Command, shownAs: string): Promise<void>;
  /**
   * Stops the running turn at once, before any of its effects: the worker is ended, nothing is
   * written to the workbook, and a fresh worker replays the recorded choices. Ignored when no turn
   * runs or its sheets are already being written.
   */
  cancel(): void;
  /** Boundaries for the next turns: a GeoJSON file, or null for the workbook's vertex sheet. */
  useBoundaries(file: BoundaryFile | null): void;
  /** Brings a sheet to the front in Excel. */
  openSheet(sheetName: string): Promise<void>;
}

export interface ControllerParts {
  readonly worker: DialogueWorker;
  readonly port: WorkbookPort;
  readonly snapshots: WorkbookSnapshots;
  readonly view: PaneView;
}

/**
 * One turn, on the page's side: read the workbook (cached), hand the utterance (or the form's
 * command) to the worker, show its reply, then carry out the reply's effects in order: write the
 * result sheets through the Workbook port with progress, tell the worker their names, link to
 * them, bring Summary to the front. Excel is only touched here, on the main thread, between the
 * worker's answers. Until the reply arrives the turn can be cancelled; from then on it cannot.
 */
export function createDialogueController({ worker, port, snapshots, view }: ControllerParts): DialogueController {
  let busy = false;
  /** True from the start of a turn until its reply arrives: Cancel leaves the workbook as it was. */
  let cancellable = false;
  let cancelRequested = false;
  /** The boundaries the analyst chose, and the change the worker has not been sent yet. */
  let boundariesChoice: BoundaryFile | null = null;
  let pendingBoundaries: BoundaryFile | null | Unchanged = UNCHANGED;
  /** Base name -> sheet name, from the latest write: where 'activateSheet' effects point. */
  let latestSheets: ReadonlyMap<string, string> = new Map();

  async function openSheet(sheetName: string): Promise<void> {
    try {
      await port.activate(sheetName);
    } catch (error) {
      view.messages.notice(
        `Could not open the sheet '${sheetName}': ${messageOf(error)}. It may have been renamed or deleted.`,
        'problem',
      );
    }
  }

  async function perform(effect: Effect): Promise<void> {
    if (effect.kind === 'activateSheet') {
      await openSheet(latestSheets.get(effect.baseName) ?? effect.baseName);
      return;
    }
    const total = effect.models.length;
    view.progress.fraction(`Writing sheet 0 of ${total}`, 0, total);
    const written = await port.writeReport(effect.models, (done, count) =>
      view.progress.fraction(`Writing sheet ${done} of ${count}`, done, count),
    );
    latestSheets = written.sheetNames;
    snapshots.noteWritten(written.sheetNames.values());
    view.showSettings(await worker.noteWritten(written.sheetNames, written.runNumber));
    // The disclosure ledger's sheet is very hidden: nothing to open.
    const hidden = new Set(
      effect.models.filter((model) => model.veryHidden).map((model) => written.sheetNames.get(model.name)),
    );
    const links: SheetLink[] = [...written.sheetNames.values()]
      .filter((sheetName) => !hidden.has(sheetName))
      .map((sheetName) => ({ label: sheetName, sheetName }));
    view.messages.sheetLinks(
      `Run ${written.runNumber} is written to ${links.length === 1 ? 'a new sheet' : `${links.length} new sheets`}. Open one:`,
      links,
      (link) => void openSheet(link.sheetName),
    );
  }

  function onChoice(choice: Choice): void {
    void controller.say(choice.utterance, choice.label);
  }

  function setCancellable(value: boolean): void {
    cancellable = value;
    view.setCancellable(value);
  }

  /** After a cancel: the fresh worker replays the recorded choices on the workbook as it is now. */
  async function restoreAfterCancel(): Promise<void> {
    view.progress.step('Cancelled: restoring your choices');
    try {
      const snapshot = await snapshots.current();
      const restored = await worker.restore({ workbook: snapshot.workbook, boundaries: boundariesChoice });
      pendingBoundaries = UNCHANGED;
      view.showSettings(restored.settings);
      const earlier =
        latestSheets.size > 0 ? ' Earlier results stay on their sheets; run again before asking about them here.' : '';
      view.messages.notice(
        `Cancelled. Nothing was written to the workbook, and your choices are kept.${earlier}`,
        'info',
      );
    } catch (error) {
      snapshots.invalidate();
      view.messages.notice(
        `Cancelled, but your choices could not be restored: ${messageOf(error)}. Your own sheets are unchanged; reload the pane to start again.`,
        'problem',
      );
    }
  }

  async function take(
    input: { readonly utterance: string } | { readonly command: Command; readonly said?: string },
    shownAs: string,
  ): Promise<void> {
    if (busy) return;
    busy = true;
    cancelRequested = false;
    view.setBusy(true);
    view.messages.retireChoices();
    view.messages.analyst(shownAs);
    setCancellable(true);
    try {
      view.progress.step('Reading the workbook');
      const snapshot = await snapshots.current();
      if (cancelRequested) throw new CancelledError();
      const boundaries = pendingBoundaries;
      view.progress.step('Thinking');
      const { reply, settings } = await worker.turn(
        { ...input, workbook: snapshot.fresh ? snapshot.workbook : UNCHANGED, boundaries },
        (step) => view.progress.step(step),
      );
      if (cancelRequested) throw new CancelledError();
      setCancellable(false);
      if (pendingBoundaries === boundaries) pendingBoundaries = UNCHANGED;
      view.messages.reply(reply.text, reply.choices, onChoice);
      view.showSettings(settings);
      for (const effect of reply.effects) await perform(effect);
    } catch (error) {
      if (cancelRequested || error instanceof CancelledError) {
        await restoreAfterCancel();
      } else {
        // The worker may not have seen this snapshot; send the workbook again next turn.
        snapshots.invalidate();
        view.messages.notice(
          `That did not work: ${messageOf(error)}. Your own sheets are unchanged; you can try again.`,
          'problem',
        );
      }
    } finally {
      setCancellable(false);
      view.progress.stop();
      busy = false;
      view.setBusy(false);
    }
  }

  const controller: DialogueController = {
    say: (utterance, shownAs) => take({ utterance }, shownAs ?? utterance),
    apply: (command, shownAs) => take({ command, said: shownAs }, shownAs),
    cancel() {
      if (!busy || !cancellable || cancelRequested) return;
      cancelRequested = true;
      setCancellable(false);
      view.progress.step('Cancelling');
      worker.cancel();
    },
    useBoundaries(file) {
      boundariesChoice = file;
      pendingBoundaries = file;
    },
    openSheet,
  };
  return controller;
}

/** The error's message without its final full stop, to be set inside a sentence. */
function messageOf(error: unknown): string {
  return errorText(error).replace(/\.$/, '');
}
