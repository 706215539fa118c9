import { analysisPeriod, populationYear } from '../../../src/core/pipeline/stages/analysisPeriod';
import type { CellValue, WorkbookData } from '../../../src/core/types';
import { day, mappingOf } from './stagesFixture';

const dated = (...isos: string[]) => isos.map((iso) => ({ offenceDate: day(iso) }));

describe('analysisPeriod', () => {
  // Offences counted on 2023-05-01, 2023-02-10 and 2023-07-04 (not in date order): first 2023-02-10, last 2023-07-04.
  const counted = dated('2023-05-01', '2023-02-10', '2023-07-04');

  it('both ends from the window when both are set', () => {
    expect(analysisPeriod({ dateFrom: day('2023-01-01'), dateTo: day('2023-12-31') }, counted)).toEqual({
      from: day('2023-01-01'),
      to: day('2023-12-31'),
      basis: 'window',
    });
  });

  it('both ends from the data with no window: the first and last offence counted', () => {
    expect(analysisPeriod({}, counted)).toEqual({ from: day('2023-02-10'), to: day('2023-07-04'), basis: 'data' });
  });

  it('mixed: one end from the window, the other from the data', () => {
    expect(analysisPeriod({ dateFrom: day('2023-01-01') }, counted)).toEqual({
      from: day('2023-01-01'),
      to: day('2023-07-04'),
      basis: 'mixed',
    });
    expect(analysisPeriod({ dateTo: day('2023-09-30') }, counted)).toEqual({
      from: day('2023-02-10'),
      to: day('2023-09-30'),
      basis: 'mixed',
    });
  });

  it('null when nothing is counted and the window does not give both ends', () => {
    expect(analysisPeriod({}, [])).toBeNull();
    expect(analysisPeriod({ dateFrom: day('2023-01-01') }, [])).toBeNull();
    expect(analysisPeriod({ dateTo: day('2023-12-31') }, [])).toBeNull();
  });

  it('a full window is the period even when nothing is counted', () => {
    expect(analysisPeriod({ dateFrom: day('2023-01-01'), dateTo: day('2023-12-31') }, [])).toEqual({
      from: day('2023-01-01'),
      to: day('2023-12-31'),
      basis: 'window',
    });
  });
});

describe('populationYear', () => {
  const workbook = (name: string, rows: readonly (readonly CellValue[])[]): WorkbookData => ({
    sheets: [{ name, rows }],
  });
  const yearOf = (name: string, rows: readonly (readonly CellValue[])[]) => {
    // The mapping is read from the same rows by the real header matcher (a title row above the header is skipped).
    const header = rows.findIndex((row) => row.some((cell) => /ward code/i.test(String(cell))));
    return populationYear(workbook(name, rows), mappingOf('wards', name, rows[header], rows.slice(0, header)));
  };

  it("from a population column's header ('Mid-2020 10-17')", () => {
    expect(
      yearOf('Wards', [
        ['Ward code', 'Ward name', 'Mid-2020 10-17'],
        ['E05000001', 'Alpha', 900],
      ]),
    ).toEqual({ year: '2020', source: "the header 'Mid-2020 10-17'" });
  });

  it('from a title above the header row that speaks of population', () => {
    const rows = [
      ['Mid-year population estimates 2019'],
      ['Ward code', 'Ward name', 'age_10_17'],
      ['E05000001', 'Alpha', 900],
    ];
    expect(yearOf('Wards', rows)).toEqual({ year: '2019', source: "the title 'Mid-year population estimates 2019'" });
  });

  it('a title that does not speak of population does not give the year', () => {
    const rows = [['Printed 2024'], ['Ward code', 'Ward name', 'age_10_17'], ['E05000001', 'Alpha', 900]];
    expect(yearOf('Wards', rows)).toBeNull();
  });

  it("from the sheet's name", () => {
    expect(
      yearOf('Pop 2021', [
        ['Ward code', 'Ward name', 'age_10_17'],
        ['E05000001', 'Alpha', 900],
      ]),
    ).toEqual({ year: '2021', source: "the sheet name 'Pop 2021'" });
  });

  it('the header wins over the sheet name', () => {
    expect(
      yearOf('Pop 2021', [
        ['Ward code', 'Ward name', 'Mid-2020 10-17'],
        ['E05000001', 'Alpha', 900],
      ])?.year,
    ).toBe('2020');
  });

  it('null when nothing states it', () => {
    expect(
      yearOf('Wards', [
        ['Ward code', 'Ward name', 'age_10_17'],
        ['E05000001', 'Alpha', 900],
      ]),
    ).toBeNull();
  });
});
