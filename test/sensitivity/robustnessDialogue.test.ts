import { parseUtterance } from '../../src/conversation';
import { schoolExplanation } from '../../src/conversation/dialogue/explainSchool';
import { runAnalysis } from '../../src/core/pipeline';
import { SENSITIVITY_PARAMETERS, sensitivityWorkbook } from './sensitivityFixture';

describe('"how robust is X?" in the dialogue', () => {
  it.each([
    ['how robust is Park Hall?', 'Park Hall'],
    ['How robust is the place of Park Hall Academy', 'Park Hall Academy'],
    ['how stable is Hill Top School in the top', 'Hill Top School'],
  ])('reads %j as explaining that school', (utterance, school) => {
    expect(parseUtterance(utterance)).toEqual({ kind: 'command', command: { kind: 'explainSchool', school } });
  });

  it("answers with the school's label and in how many scenarios it stays in the top group", () => {
    const outcome = runAnalysis(
      { workbook: sensitivityWorkbook(), today: new Date('2024-06-01T00:00:00Z') },
      SENSITIVITY_PARAMETERS,
    );
    if (!outcome.ok) throw new Error('the fixture should run');
    const { result } = outcome;
    for (const school of result.schools) {
      const entry = result.sensitivity.schools.find((s) => s.urn === school.urn);
      // In the top 3 under no scenario: not on the Sensitivity sheet, and said so.
      const expected = entry
        ? `Under other reasonable choices (Sensitivity sheet): ${entry.label}, in the top 3 under ${entry.inTop.filter((x) => x === true).length} of 7 scenarios run.`
        : 'Under other reasonable choices (Sensitivity sheet): in the top 3 under none of them.';
      expect(schoolExplanation(school, result).text.split('\n')).toContain(expected);
    }
  });
});
