import type { Choice, Effect, Reply } from '../../conversation/types';
import type { WorkbookPort } from '../../workbook/port';
import { UNCHANGED, type BoundaryFile, type SummaryLine, type Unchanged } from '../protocol';
import type { MessageList, SheetLink } from '../ui/messageList';
import type { ProgressIndicator } from '../ui/progressIndicator';
import type { DialogueWorker } from './workerClient';
import type { WorkbookSnapshots } from './workbookSnapshots';

/** What the controller needs of the page: the conversation, progress, the summary, the busy state. */
export interface PaneView {
  readonly messages: MessageList;
  readonly progress: ProgressIndicator;
  showSummary(lines: readonly SummaryLine[]): void;
  setBusy(busy: boolean): void;
}

export interface DialogueController {
  /** One analyst turn; `shownAs` is what the conversation shows (a quick reply's label). Ignored while a turn runs. */
  say(utterance: string, shownAs?: string): Promise<void>;
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
 * One turn, on the page's side: read the workbook (cached), hand the utterance to the worker,
 * show its reply, then carry out the reply's effects in order: write the result sheets through
 * the Workbook port with progress, tell the worker their names, link to them, bring Summary to
 * the front. Excel is only touched here, on the main thread, between the worker's answers.
 */
export function createDialogueController({ worker, port, snapshots, view }: ControllerParts): DialogueController {
  let busy = false;
  let pendingBoundaries: BoundaryFile | null | Unchanged = UNCHANGED;
  /** Base name -> sheet name, from the latest write: where 'activateSheet' effects point. */
  let latestSheets: ReadonlyMap<string, string> = new Map();

  async function openSheet(sheetName: string): Promise<void> {
    try {
      await port.activate(sheetName);
    } catch (error) {
      view.messages.notice(`Could not open the sheet '${sheetName}': ${messageOf(error)}. It may have been renamed or deleted.`, 'problem');
    }
  }

  async function perform(effect: Effect): Promise<void> {
    if (effect.kind === 'activateSheet') {
      await openSheet(latestSheets.get(effect.baseName) ?? effect.baseName);
      return;
    }
    const total = effect.models.length;
    view.progress.fraction(`Writing sheet 0 of ${total}`, 0, total);
    const written = await port.writeReport(effect.models, (done, count) => view.progress.fraction(`Writing sheet ${done} of ${count}`, done, count));
    latestSheets = written.sheetNames;
    snapshots.noteWritten(written.sheetNames.values());
    view.showSummary(await worker.noteWritten(written.sheetNames));
    const links: SheetLink[] = [...written.sheetNames.values()].map((sheetName) => ({ label: sheetName, sheetName }));
    view.messages.sheetLinks(`Run ${written.runNumber} is written to ${links.length === 1 ? 'a new sheet' : `${links.length} new sheets`}. Open one:`, links, (link) => void openSheet(link.sheetName));
  }

  function onChoice(choice: Choice): void {
    void controller.say(choice.utterance, choice.label);
  }

  const controller: DialogueController = {
    async say(utterance, shownAs) {
      if (busy) return;
      busy = true;
      view.setBusy(true);
      view.messages.retireChoices();
      view.messages.analyst(shownAs ?? utterance);
      try {
        view.progress.step('Reading the workbook');
        const snapshot = await snapshots.current();
        const boundaries = pendingBoundaries;
        view.progress.step('Thinking');
        const { reply, summary }: { reply: Reply; summary: readonly SummaryLine[] } = await worker.turn(
          { utterance, workbook: snapshot.fresh ? snapshot.workbook : UNCHANGED, boundaries },
          (step) => view.progress.step(step),
        );
        if (pendingBoundaries === boundaries) pendingBoundaries = UNCHANGED;
        view.messages.reply(reply.text, reply.choices, onChoice);
        view.showSummary(summary);
        for (const effect of reply.effects) await perform(effect);
      } catch (error) {
        // The worker may not have seen this snapshot; send the workbook again next turn.
        snapshots.invalidate();
        view.messages.notice(`That did not work: ${messageOf(error)}. Your own sheets are unchanged; you can try again.`, 'problem');
      } finally {
        view.progress.stop();
        busy = false;
        view.setBusy(false);
      }
    },
    useBoundaries(file) {
      pendingBoundaries = file;
    },
    openSheet,
  };
  return controller;
}

/** The error's message without its final full stop, to be set inside a sentence. */
function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
