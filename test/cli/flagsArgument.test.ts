import { parseAnalyseArguments, UsageError } from '../../src/cli/parseArguments';
import { main } from '../../src/cli/main';

describe('--flags', () => {
  test('defaults to the over-dispersed funnel, and takes poisson or overdispersed', () => {
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx']).parameters.flagMethod).toBe('overdispersed');
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--flags', 'poisson']).parameters.flagMethod).toBe(
      'poisson',
    );
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--flags=overdispersed']).parameters.flagMethod).toBe(
      'overdispersed',
    );
  });

  test('refuses anything else, saying what it takes', () => {
    expect(() => parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--flags', 'funnel'])).toThrow(UsageError);
    expect(() => parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--flags', 'funnel'])).toThrow(
      "--flags expects overdispersed or poisson, got 'funnel'.",
    );
  });

  test('is in the help', async () => {
    const written: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      expect(await main(['help'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/--flags overdispersed {2}how a ward is flagged higher or lower than the area/);
  });
});
