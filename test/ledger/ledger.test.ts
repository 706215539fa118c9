import { createHmac } from 'crypto';
import {
  cellFingerprint,
  coverKey,
  keyedHash,
  LEDGER_FORMAT,
  LEDGER_SHEET,
  ledgerSheetColumn,
  ledgerText,
  readLedgerText,
  readWorkbookLedger,
  type DisclosureLedger,
} from '../../src/core/ledger';
import { weakenings } from '../../src/core/pipeline/stages/earlierRuns';
import { disclosureRules } from '../../src/core/disclosure';

const RULES = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });

function ledger(runs: number, cells = 2): DisclosureLedger {
  return {
    format: LEDGER_FORMAT,
    version: 1,
    secret: '0123456789abcdef0123456789abcdef',
    runs: Array.from({ length: runs }, (_, i) => ({
      number: i + 1,
      on: '2026-12-07',
      scope: {
        ageBand: [10, 17] as const,
        offenceTypes: [],
        from: '2023-04-01',
        to: '2024-03-31',
        phases: ['secondary' as const],
        catchmentModel: 'auto' as const,
        showAttending: false,
      },
      rules: RULES,
      cells: Object.fromEntries(
        Array.from({ length: cells }, (_, c) => [`offences:ward:W${c}`, { fingerprint: `f${c}`, shown: c % 2 === 0 }]),
      ),
    })),
  };
}

describe('record fingerprints', () => {
  it('are HMAC-SHA-256 under the secret, as Node computes it', () => {
    const expected = createHmac('sha256', 'secret').update('abc').digest('hex').slice(0, 32);
    expect(keyedHash('secret', 'abc')).toBe(expected);
  });

  it('depend on the records, not their order, and on the cell', () => {
    expect(cellFingerprint('s', 'c', ['b', 'a'])).toBe(cellFingerprint('s', 'c', ['a', 'b']));
    expect(cellFingerprint('s', 'c', ['a', 'b'])).not.toBe(cellFingerprint('s', 'c', ['a']));
    expect(cellFingerprint('s', 'c', ['a'])).not.toBe(cellFingerprint('s', 'd', ['a']));
    expect(cellFingerprint('s', 'c', ['a'])).not.toBe(cellFingerprint('t', 'c', ['a']));
  });

  it('order cover cells by a key from 0 up to 1 that the secret fixes', () => {
    const keys = ['a', 'b', 'c', 'd'].map((id) => coverKey('s', id));
    for (const key of keys) expect(key >= 0 && key < 1).toBe(true);
    expect(new Set(keys).size).toBe(4);
    expect(coverKey('s', 'a')).toBe(keys[0]);
    expect(coverKey('t', 'a')).not.toBe(keys[0]);
  });
});

describe('reading a ledger', () => {
  it('reads back what it wrote', () => {
    const written = ledger(2);
    expect(readLedgerText(ledgerText(written), 'x')).toEqual({ ok: true, ledger: written });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another JSON file', '{"a":1}', /not a disclosure ledger written by this product/],
    ['a later version', JSON.stringify({ ...ledger(1), version: 2 }), /version 2; this product reads version 1/],
    [
      'a run without rules',
      JSON.stringify({ ...ledger(1), runs: [{ ...ledger(1).runs[0], rules: null }] }),
      /run 1 of its list cannot be read/,
    ],
    ['no secret', JSON.stringify({ ...ledger(1), secret: '' }), /secret or its list of runs is missing/],
    [
      'a phase the product does not know',
      JSON.stringify({
        ...ledger(1),
        runs: [{ ...ledger(1).runs[0], scope: { ...ledger(1).runs[0].scope, phases: ['secondary', 'sixth form'] } }],
      }),
      /run 1 of its list cannot be read/,
    ],
    [
      'a catchment model the product does not know',
      JSON.stringify({
        ...ledger(1),
        runs: [{ ...ledger(1).runs[0], scope: { ...ledger(1).runs[0].scope, catchmentModel: 'nearest' } }],
      }),
      /run 1 of its list cannot be read/,
    ],
  ])('refuses %s, saying what is wrong', (_, text, message) => {
    const reading = readLedgerText(text, 'The ledger file L');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatch(message);
  });
});

describe('the ledger sheet', () => {
  it('cuts a long ledger into cells Excel can hold and reads it back whole', () => {
    const long = ledger(3, 400);
    const column = ledgerSheetColumn(long, true);
    expect(column[0]).toBe(LEDGER_FORMAT);
    expect(column.length).toBeGreaterThan(2);
    for (const piece of column) expect(piece.length).toBeLessThanOrEqual(32767);
    const reading = readWorkbookLedger({ sheets: [{ name: LEDGER_SHEET, rows: column.map((text) => [text]) }] });
    expect(reading).toEqual({ ok: true, ledger: long });
  });

  it('takes the sheet with the most runs, as each run writes the whole ledger so far', () => {
    const sheet = (name: string, runs: number) => ({
      name,
      rows: ledgerSheetColumn(ledger(runs), true).map((text) => [text]),
    });
    const reading = readWorkbookLedger({
      sheets: [sheet(LEDGER_SHEET, 1), sheet(`${LEDGER_SHEET} (3)`, 3), sheet(`${LEDGER_SHEET} (2)`, 2)],
    });
    expect(reading?.ok && reading.ledger.runs.length).toBe(3);
  });

  it('writes a public copy without the secret or any fingerprint, which cannot protect a new run', () => {
    const column = ledgerSheetColumn(ledger(1), false);
    const text = column.slice(1).join('');
    expect(text).not.toContain('0123456789abcdef');
    expect(text).not.toContain('"f0"');
    const reading = readWorkbookLedger({ sheets: [{ name: LEDGER_SHEET, rows: column.map((piece) => [piece]) }] });
    expect(reading).toEqual({
      ok: false,
      problem: expect.stringMatching(/public copy of a disclosure ledger.*ledger file/),
    });
  });

  it('is absent from a workbook without a ledger sheet', () => {
    expect(readWorkbookLedger({ sheets: [{ name: 'Offences', rows: [['Crime ref']] }] })).toBeNull();
  });
});

describe('weaker rules than an earlier run', () => {
  const rules = (
    threshold: number,
    roundingBase: number | null,
    protectionInterval: number | null = null,
    showZeros = true,
  ) => disclosureRules({ threshold, showZeros, roundingBase, protectionInterval });
  it.each([
    ['the same rules', rules(5, null), rules(5, null), []],
    ['a higher threshold', rules(5, null), rules(10, null), []],
    ['a lower threshold', rules(5, null), rules(3, 5, 5), ['threshold 3 is below the earlier 5']],
    [
      'a narrower protection interval',
      rules(5, null),
      rules(5, null, 3),
      ['protection interval 3 is below the earlier 5'],
    ],
    ['rounding dropped', rules(5, 5), rules(5, null), ['counts would be exact, where they were rounded to 5']],
    ['finer rounding', rules(5, 10), rules(5, 5), ['rounding to 5 is finer than the earlier 10']],
    ['rounding added', rules(5, null), rules(5, 5), []],
    [
      'zeros shown again',
      rules(5, null, null, false),
      rules(5, null),
      ['zeros would be shown, where they were withheld'],
    ],
  ])('%s', (_, before, now, found) => {
    expect(weakenings(before, now)).toEqual(found);
  });
});

describe('a perturbation ledger', () => {
  const PERTURBED = disclosureRules({
    threshold: 5,
    showZeros: true,
    roundingBase: null,
    disclosureMethod: 'perturbation',
  });
  /** One run under perturbation whose first cell's key was moved by `shift`. */
  function perturbedLedger(shift: unknown): unknown {
    const base = ledger(1);
    const run = base.runs[0];
    return {
      ...base,
      runs: [
        {
          ...run,
          rules: PERTURBED,
          cells: { ...run.cells, 'offences:ward:W0': { fingerprint: 'f0', shown: true, keyShift: shift } },
        },
      ],
    };
  }

  it('reads back its method and a moved key', () => {
    const reading = readLedgerText(JSON.stringify(perturbedLedger(17)), 'x');
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.ledger.runs[0].rules.method).toBe('perturbation');
    expect(reading.ledger.runs[0].cells['offences:ward:W0'].keyShift).toBe(17);
    expect(reading.ledger.runs[0].cells['offences:ward:W1'].keyShift).toBeUndefined();
  });

  it.each([0, 256, 1.5, '3'])('refuses a key moved by %p (1 to 255 only)', (shift) => {
    expect(readLedgerText(JSON.stringify(perturbedLedger(shift)), 'x').ok).toBe(false);
  });

  it('refuses a method it does not know', () => {
    const text = JSON.stringify({
      ...ledger(1),
      runs: [{ ...ledger(1).runs[0], rules: { ...RULES, method: 'noise' } }],
    });
    expect(readLedgerText(text, 'x').ok).toBe(false);
  });

  it('leaves the moved keys out of the public copy, with the fingerprints', () => {
    const reading = readLedgerText(JSON.stringify(perturbedLedger(17)), 'x');
    if (!reading.ok) throw new Error(reading.problem);
    const column = ledgerSheetColumn(reading.ledger, false);
    expect(column.join('')).not.toContain('keyShift');
    expect(ledgerSheetColumn(reading.ledger, true).join('')).toContain('"keyShift":17');
  });
});
