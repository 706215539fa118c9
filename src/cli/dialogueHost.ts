import { createDialogueSession, type EngineContext, type ReplayableSession } from '../conversation';
import { loadHighsSolver } from '../core/disclosure';
import { TOOL_NAME, TOOL_VERSION } from './analyseWorkbook';
import type { AnalyseOptions } from './parseArguments';
import { ledgerPathFor, readLedgerFile } from './ledgerFile';
import type { Issue } from '../core/types';
import { issueForFiles, rewordForFiles } from '../workbook/csv';
import { readInputs } from './readInputs';

/** What a command-line dialogue (a script or a chat) runs on: the inputs read once, and a way to start a session. */
export interface DialogueHost {
  readonly context: EngineContext;
  /** The ledger file the runs join and that is written after them. */
  readonly ledgerPath: string;
  /** A fresh session starting from the flags' choices. */
  newSession(): ReplayableSession;
}

/**
 * Reads the inputs (checking every path first), loads the disclosure audit's solver, and returns
 * the engine context with a session factory, shared by `--script` and `chat`.
 */
export async function openDialogueHost(
  options: Pick<
    AnalyseOptions,
    'input' | 'output' | 'force' | 'boundaries' | 'parameters' | 'roleOverrides' | 'columnOverrides' | 'ledger'
  > & { readonly script?: string },
  log: (line: string) => void,
  now: () => Date,
): Promise<DialogueHost> {
  const { workbook, boundaries, fingerprints, fileSources } = await readInputs(options, log);
  const ledgerPath = ledgerPathFor(options);
  const ledger = readLedgerFile(ledgerPath);
  const solver = await loadHighsSolver();
  return {
    ledgerPath,
    context: {
      workbook,
      boundaries,
      fingerprints,
      solver,
      ...(ledger ? { ledger } : {}),
      // Sheets read from files are named by file and line, as `analyse` names them.
      ...(fileSources.length > 0
        ? {
            describeInput: {
              issue: (issue: Issue) => issueForFiles(issue, fileSources),
              text: (text: string) => rewordForFiles(text, fileSources),
            },
          }
        : {}),
    },
    newSession: () =>
      createDialogueSession({
        now,
        parameters: options.parameters,
        roleOverrides: options.roleOverrides,
        columnOverrides: options.columnOverrides,
        tool: TOOL_NAME,
        version: TOOL_VERSION,
      }),
  };
}
