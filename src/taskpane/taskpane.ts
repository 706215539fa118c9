/**
 * Task pane entry point. Once Office is ready: check that the host is Excel and new enough, start
 * the dialogue worker, and wire the pane to the open workbook through the Office.js Workbook port.
 * The dialogue and the analysis run in the worker; this thread only talks to Excel and the page.
 */
import { checkRequirements, createOfficeWorkbookPort } from '../workbook/office';
import { createDialogueController, type DialogueController } from './host/dialogueController';
import { readBoundaryFile } from './host/readBoundaryFile';
import { createWorkbookSnapshots, type WorkbookSnapshots } from './host/workbookSnapshots';
import { startDialogueWorker } from './host/workerClient';
import { applyOfficeTheme } from './ui/officeTheme';
import { createPane } from './ui/paneView';
import { errorText } from '../core/errorText';

const WELCOME =
  'Hello. I rank the schools whose pupils most often live in wards with higher than average violence, ' +
  'and find those not yet on your prevention list.\n' +
  "I read this workbook's sheets and write my results to new sheets; your own sheets are never changed, " +
  'and nothing leaves this computer.';

const READY = 'Ready. Results go to new sheets; your own sheets are never changed.';

void Office.onReady((info) => start(info.host));

function start(host: Office.HostType | null): void {
  let controller: DialogueController | null = null;
  let snapshots: WorkbookSnapshots | null = null;

  applyOfficeTheme(document.documentElement, officeTheme());
  const pane = createPane(document, {
    send: (text) => void controller?.say(text),
    apply: (command, shownAs) => void controller?.apply(command, shownAs),
    cancel: () => controller?.cancel(),
    pickBoundaries: (file) => void pickBoundaries(file),
    resetBoundaries() {
      controller?.useBoundaries(null);
      pane.boundaries.show(null);
      pane.messages.notice("Ward boundaries now come from the workbook's ward boundary sheet.", 'info');
    },
    rereadWorkbook() {
      snapshots?.invalidate();
      pane.messages.notice('I will read the workbook again on your next turn.', 'info');
    },
  });

  async function pickBoundaries(file: File): Promise<void> {
    const outcome = await readBoundaryFile(file);
    if (!outcome.ok) {
      pane.messages.notice(outcome.message, 'problem');
      return;
    }
    controller?.useBoundaries(outcome.file);
    pane.boundaries.show(outcome.file.source);
    pane.messages.notice(`Ward boundaries now come from '${outcome.file.source}', read on this computer.`, 'info');
  }

  if (host !== Office.HostType.Excel) {
    pane.status('This add-in runs in Excel: open it from the Data tab of an Excel workbook.');
    return;
  }
  const requirements = checkRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
  if (!requirements.ok) {
    pane.status(requirements.message);
    return;
  }

  const port = createOfficeWorkbookPort(Excel.run);
  snapshots = createWorkbookSnapshots(port, port.watchChanges);
  const worker = startDialogueWorker();
  const dialogue = createDialogueController({ worker, port, snapshots, view: pane });
  controller = dialogue;

  pane.status('Starting the analysis engine…');
  pane.enable(true);
  pane.boundaries.show(null);
  pane.composer.focus();
  worker.ready.then(
    (ready) => {
      pane.messages.reply(WELCOME, ready.suggestions, (choice) => void dialogue.say(choice.utterance, choice.label));
      pane.showSettings(ready.settings);
      pane.status(ready.solverProblem ? `${READY} ${ready.solverProblem}` : READY);
    },
    (error: unknown) => pane.status(errorText(error)),
  );
}

/** The Office theme's colours, where the host gives them (not every host and version does). */
function officeTheme(): Office.OfficeTheme | null {
  try {
    return Office.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}
