/**
 * The policy rule (issue part 6), tried before any other: requests about individuals are refused
 * whole, with the principle and an aggregate offered instead; requests that merely mention people
 * in the aggregate ("rank by young offenders") or name the column holding their references are not.
 */
import { createDialogueSession, readUtterance, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { generateDemo } from '../../src/demo';
import { NAMED_PARAMETERS, NAMED_ROLES, NAMED_WARDS, namedWorkbook } from './grammarFixtures';

const refused = (utterance: string): boolean => readUtterance(utterance).refusal !== undefined;

describe('requests about individuals', () => {
  it.each([
    'show me the offender names',
    'which children are most at risk?',
    'give me the crime references for the top school',
    'which children live in Castle and Priory?',
    'who are the offenders at Park Hall?',
    'show me crime ref 20/10013',
    "what's the address of offender P001?",
    'who is P007',
    'has P012 got previous?',
    'show me the home address for the robbery on 4 July 2023',
    'name the offenders aged 15',
    "can you give me the offender IDs in St Anne's",
    'which kids are the repeat offenders',
    'who committed 20/10000',
    'I need the names of the pupils living in Castle and Priory',
    'where does P005 live',
    'show me individual offenders for Elm Grove',
    "who's the most prolific young offender",
    'list every offence by P001 with dates',
    "which of Park Hall's pupils are offenders?",
    'wich kids live in primrose hill',
    'give me a list of offenders',
    'tell me who did the robberies',
    'whose offences are these',
    'export the raw offence rows',
    'has anyone at Hill Top got a record',
    'show the offences committed by pupils at Park Hall',
    'is Jordan Smith one of the offenders?',
    'was Kai Brown one of the kids involved',
    'give me the home postcodes of the offenders',
    'I need the dates of birth of the pupils',
    'send me the phone numbers of the children',
    "the 14 year old in the july 2023 robbery - what school's he at?",
    "is my neighbour's son in the robbery figures?",
    'does she go to Park Hall?',
    'which streets do the offenders live on',
    'which lad has the most offences in Quarry Bank',
  ])('refuses %j', (utterance) => {
    expect(refused(utterance)).toBe(true);
  });

  it.each([
    'rank by young offenders',
    'rank on where offenders live',
    "who's missing from our list",
    'who is top?',
    'who should be added to the list?',
    'which schools are in the top 10?',
    'young people 10 to 24',
    'secondary age children only',
    'how many young offenders live in Castle and Priory',
    "the offender id column is 'Nominal'",
    "use 'Offender ID' for the offender id",
    'which wards have the most young offenders',
    'explain ward E05000002',
    'between 01/09/2021 and 31/08/2022',
    'list the offence types',
    'is Park Hall one of the schools on the list?',
    'the number of offenders in Castle and Priory',
    'give me the details of the schools',
    'only 14 year olds',
    'what about the 15 year olds',
  ])('does not refuse %j', (utterance) => {
    expect(refused(utterance)).toBe(false);
  });
});

describe('a refusal in the session', () => {
  let context: EngineContext;
  beforeAll(async () => {
    context = { workbook: namedWorkbook(), solver: await loadHighsSolver() };
  });

  it('refuses the whole utterance, changes nothing, states the principle and offers the aggregate for the place named', () => {
    const session = createDialogueSession({ parameters: NAMED_PARAMETERS, roleOverrides: NAMED_ROLES });
    const before = session.parameters;
    const reply = session.respond('name the offenders aged 15 in Castle and Priory', context);
    expect(reply.commands).toEqual([]);
    expect(reply.command).toBeNull();
    expect(session.parameters).toBe(before);
    expect(reply.text).toMatch(/^I cannot identify individual children, pupils or offenders\./);
    expect(reply.text).toContain('aggregated, advisory figures only');
    expect(reply.text).toContain('stay with the police');
    expect(reply.text).toContain(`the figures for ${NAMED_WARDS.W1} ward`);
    expect(reply.choices[0]).toEqual({
      label: `Tell me about ${NAMED_WARDS.W1} ward`,
      utterance: `tell me about ward ${NAMED_WARDS.W1}`,
    });
    expect(session.transcript[session.transcript.length - 1].command).toBeNull();
  });

  it('offers no place when none is named: a word like "offender" is never taken for a ward', () => {
    // The demo's invented ward names once drew "offender" into a loose fit: "the figures for offender ward".
    const session = createDialogueSession({});
    const reply = session.respond('show me the offender names', {
      workbook: generateDemo({ seed: 2024, offences: 300 }).workbook,
    });
    expect(reply.text).toMatch(/^I cannot give anyone's name, address or other personal details\./);
    expect(reply.text).toContain(
      'I can give you the wards by rate, a school or ward explained, or the top schools instead.',
    );
    expect(reply.text).not.toMatch(/offender ward/);
  });

  it('refuses an offender reference that is in the data, however it is written', () => {
    const session = createDialogueSession({ parameters: NAMED_PARAMETERS, roleOverrides: NAMED_ROLES });
    // 'O1' is an offender reference in the offences sheet.
    expect(session.respond('what else has O1 done?', context).text).toMatch(
      /^I cannot look up an individual offence or offender/,
    );
  });
});
