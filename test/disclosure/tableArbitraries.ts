import fc from 'fast-check';
import { hierarchicalTable, twoWayTable, type LinkedTables } from '../../src/core/disclosure';

/** Counts as they come in ward and school tables: many small, some middling, a few large. */
export const count = (): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
    { arbitrary: fc.integer({ min: 5, max: 30 }), weight: 3 },
    { arbitrary: fc.integer({ min: 31, max: 300 }), weight: 1 },
  );

/** A two-way table (rows × columns with margins and a grand total). */
export function twoWayTables(options: { maxSide: number; value?: fc.Arbitrary<number> }): fc.Arbitrary<LinkedTables> {
  const value = options.value ?? count();
  return fc
    .integer({ min: 2, max: options.maxSide })
    .chain((rows) =>
      fc
        .integer({ min: 2, max: options.maxSide })
        .chain((cols) =>
          fc
            .array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
            .map((values) => twoWayTable(values)),
        ),
    );
}

/** Leaves within groups within a total (wards within districts within an area). */
export function hierarchies(options: {
  maxGroups: number;
  maxLeaves: number;
  value?: fc.Arbitrary<number>;
}): fc.Arbitrary<LinkedTables> {
  const value = options.value ?? count();
  return fc
    .array(fc.array(value, { minLength: 1, maxLength: options.maxLeaves }), {
      minLength: 1,
      maxLength: options.maxGroups,
    })
    .map((groups) =>
      hierarchicalTable({
        leaves: groups.flatMap((values, g) =>
          values.map((v, i) => ({ id: `g${g}w${i}`, label: `ward ${i} of group ${g}`, value: v, group: `g${g}` })),
        ),
        groups: new Map(groups.map((_, g) => [`g${g}`, { id: `g${g}`, label: `group ${g}` }])),
        total: { id: 'area', label: 'area' },
      }),
    );
}
