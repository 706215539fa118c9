import fc from 'fast-check';
import { hierarchicalTable } from '../../../src/core/disclosure';
import { cellFingerprint } from '../../../src/core/ledger';
import { fingerprintCells, mergeSorted } from '../../../src/core/pipeline/stages/cellFingerprints';

const SECRET = 'a secret of at least sixteen characters';

describe('mergeSorted', () => {
  it('gives what sorting the lists joined together gives, duplicates kept', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 4 }), { maxLength: 8 }), { maxLength: 7 }), (lists) => {
        const sorted = lists.map((list) => [...list].sort());
        expect(mergeSorted(sorted)).toEqual(lists.flat().sort());
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('fingerprintCells', () => {
  it("fingerprints every cell as cellFingerprint does of its records: a leaf's own, a total's its leaves' together", () => {
    // Wards in districts under an area; a record may sit in two leaves (a young offender at two schools).
    const leafRecords = fc.array(
      fc.array(fc.constantFrom('r1', 'r2', 'R3', 'r10', 'é', 'z', 'a b'), { maxLength: 6 }),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(leafRecords, fc.integer({ min: 1, max: 3 }), (records, districts) => {
        const leaves = records.map((list, i) => ({
          id: `offences:ward:W${i}`,
          label: `W${i}`,
          value: list.length,
          group: `D${i % districts}`,
        }));
        const groups = new Map(
          Array.from({ length: districts }, (_, d) => [`D${d}`, { id: `offences:district:D${d}`, label: `D${d}` }]),
        );
        const tables = hierarchicalTable({
          leaves,
          groups: districts > 1 ? groups : undefined,
          total: { id: 'offences:area', label: 'area' },
        });
        const byLeaf = new Map(records.map((list, i) => [`offences:ward:W${i}`, list]));
        // By hand: each cell's records are those of the wards under it.
        const under = (id: string): string[] => {
          if (id.startsWith('offences:ward:')) return [...(byLeaf.get(id) ?? [])];
          if (id === 'offences:area') return records.flat();
          const district = id.slice('offences:district:'.length);
          return leaves.filter((leaf) => leaf.group === district).flatMap((leaf) => byLeaf.get(leaf.id) ?? []);
        };
        const fingerprints = fingerprintCells(tables, byLeaf, SECRET);
        for (const cell of tables.cells)
          expect(fingerprints.get(cell.id)).toBe(cellFingerprint(SECRET, cell.id, under(cell.id)));
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
