/** Past this many distinct times, a comparison sort is the cheaper way. */
const MAX_DISTINCT_TIMES = 65_536;

/**
 * The positions 0..n-1 ordered by `times`, equal times in position order (a stable sort), by
 * counting: a sheet's offence dates hold a few thousand distinct days, so sorting those days and
 * placing each row after the rows of earlier days costs two passes instead of a comparison sort of
 * a million rows. Null when the times are not suited to it (more than MAX_DISTINCT_TIMES distinct,
 * or one is NaN, which a sort cannot place): the caller sorts by comparison.
 * @example orderByTime(new Float64Array([20, 10, 20, 10])) // => [1, 3, 0, 2]
 */
export function orderByTime(times: Float64Array): Uint32Array | null {
  const count = times.length;
  // Each distinct time numbered in the order first met, and how many rows have it.
  const idOfTime = new Map<number, number>();
  const distinct: number[] = [];
  const rowsOf: number[] = [];
  const idOfRow = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const time = times[i];
    if (Number.isNaN(time)) return null;
    let id = idOfTime.get(time);
    if (id === undefined) {
      if (distinct.length === MAX_DISTINCT_TIMES) return null;
      id = distinct.length;
      idOfTime.set(time, id);
      distinct.push(time);
      rowsOf.push(0);
    }
    idOfRow[i] = id;
    rowsOf[id] += 1;
  }
  // Where each time's rows start in the order: after every earlier time's.
  const byTime = Array.from(distinct.keys()).sort((a, b) => distinct[a] - distinct[b]);
  const next = new Uint32Array(distinct.length);
  let start = 0;
  for (const id of byTime) {
    next[id] = start;
    start += rowsOf[id];
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[next[idOfRow[i]]++] = i;
  return order;
}
