/**
 * Ways analysts ask for two schools side by side (probe batch 18), read by a session on the
 * evaluation workbook after a run: each must compare exactly the two schools named, in order.
 * Expected schools were read off the words by hand against the workbook's school list.
 */
import { createDialogueSession, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { EVAL_PARAMETERS, EVAL_ROLE_OVERRIDES, EVAL_TODAY, evalWorkbook } from './eval/evalWorkbook';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: evalWorkbook(), solver: await loadHighsSolver(), today: EVAL_TODAY };
});

function comparedIn(utterance: string): readonly string[] | undefined {
  const session = createDialogueSession({
    parameters: EVAL_PARAMETERS,
    roleOverrides: EVAL_ROLE_OVERRIDES,
    now: () => new Date('2024-03-01T09:00:00Z'),
  });
  session.respond('run', context);
  const reply = session.respond(utterance, context);
  const compared = reply.commands.filter((command) => command.kind === 'compareSchools');
  if (reply.commands.length !== 1 || compared.length !== 1) return undefined;
  const [command] = compared;
  return command.kind === 'compareSchools' ? command.schools : undefined;
}

const CASES: readonly (readonly [string, readonly string[]])[] = [
  ['Thorns or Ridgewood — which is worse off?', ['Thorns Collegiate Academy', 'Ridgewood High School']],
  ['hilltop or elm grove whos worse', ['Hill Top School', 'Elm Grove School']],
  ['which has the bigger exposure, earls high or kingswinford', ['Earls High School', 'Kingswinford Academy']],
  ['how do summerhill and windsor stack up', ['Summerhill School', 'Windsor High School']],
  ['could I see how Hill Top and Elm Grove compare to each other?', ['Hill Top School', 'Elm Grove School']],
  ['put Beacon Hill next to Netherton Park', ['Beacon Hill Academy', 'Netherton Park Academy']],
  ['lye valley / colley lane comparison', ['Lye Valley School', 'Colley Lane Academy']],
  ['is Colley Lane ranked above Holly Hall or not?', ['Colley Lane Academy', 'Holly Hall Academy']],
  ['is Elm Grove any better off than Earls High?', ['Elm Grove School', 'Earls High School']],
  ['ridgewood high v. thorns collegiate', ['Ridgewood High School', 'Thorns Collegiate Academy']],
  ['line up Park Hall, Hill Top and Castle High', ['Park Hall Academy', 'Hill Top School', 'Castle High School']],
];

describe('two schools side by side', () => {
  it.each(CASES)('%s', (utterance, schools) => {
    expect(comparedIn(utterance)).toEqual(schools);
  });

  it('does not read two offence types as two schools', () => {
    expect(comparedIn('robbery or weapons, which is worse?')).toBeUndefined();
  });
});
