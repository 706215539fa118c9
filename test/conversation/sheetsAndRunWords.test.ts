/**
 * Sheets named by their own names and by GIS words, and spreadsheet words for a run (probe batches
 * 17 and 18): read by a session on the evaluation workbook, whose sheets include 'Ward boundaries'
 * and 'Ward population 2021'. Expected commands were worked out by hand from the words.
 */
import { createDialogueSession, type Command, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { EVAL_PARAMETERS, EVAL_ROLE_OVERRIDES, EVAL_TODAY, evalWorkbook } from './eval/evalWorkbook';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: evalWorkbook(), solver: await loadHighsSolver(), today: EVAL_TODAY };
});

function commandsOf(utterance: string): readonly (Command | null)[] {
  const session = createDialogueSession({
    parameters: EVAL_PARAMETERS,
    roleOverrides: EVAL_ROLE_OVERRIDES,
    now: () => new Date('2024-03-01T09:00:00Z'),
  });
  session.respond(utterance, context);
  return session.transcript.map((record) => record.command);
}

const CASES: readonly (readonly [string, readonly Command[]])[] = [
  // A sheet's own name is the sheet, never a ward called 'boundaries'; GIS words name the roles.
  [
    "polygons are in 'Ward boundaries', denominators in 'Ward population 2021', then refresh",
    [
      { kind: 'useSheet', role: 'wardVertices', sheet: 'Ward boundaries' },
      { kind: 'useSheet', role: 'wards', sheet: 'Ward population 2021' },
      { kind: 'run' },
    ],
  ],
  // The role, then the sheet's name ('the wards sheet' is not a sheet called '… wards').
  ["use the wards sheet 'Ward population 2021'", [{ kind: 'useSheet', role: 'wards', sheet: 'Ward population 2021' }]],
  // Spreadsheet words for a run.
  ['recalc', [{ kind: 'run' }]],
  ['recalcualte everything', [{ kind: 'run' }]],
  ['hit F9', [{ kind: 'run' }]],
  ['regenerate the output', [{ kind: 'run' }]],
  ['gimme fresh numbers', [{ kind: 'run' }]],
  // The ward table sorted by rate is the list of wards, not a ward called 'table'.
  [
    'refresh with 99% CIs and give me the ward table sorted by rate',
    [{ kind: 'setConfidence', level: 0.99 }, { kind: 'run' }, { kind: 'listWards', order: 'rate' }],
  ],
];

describe('sheets named and run words', () => {
  it.each(CASES)('%s', (utterance, expected) => {
    expect(commandsOf(utterance)).toEqual(expected);
  });

  it('takes a sheet after its role only by its own name, not one sharing a year', () => {
    expect(commandsOf('use the VRU Schools 2021 list')).not.toContainEqual({
      kind: 'useSheet',
      role: 'currentList',
      sheet: 'Ward population 2021',
    });
  });

  it('does not run on "refresh" followed by something else to refresh', () => {
    expect(commandsOf('refresh the list sheet')).not.toContainEqual({ kind: 'run' });
  });
});
