/** Seeded row subsampling for the metrics that cannot take every row. Internal. */
import type { Table } from "../core/table.js";
import type { Rng } from "../random/rng.js";

/** `m` distinct row indices of `0 .. n-1` in increasing order, drawn without replacement (all rows when n <= m). */
export function sampleIndices(n: number, m: number, rng: Rng): Int32Array {
  if (n <= m) return Int32Array.from({ length: n }, (_, i) => i);
  // Floyd's algorithm: m draws, no n-sized permutation
  const chosen = new Set<number>();
  for (let j = n - m; j < n; j++) {
    const t = rng.integers(0, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}

/** The table itself when it has at most `max` rows, else `max` rows drawn without replacement (in their original order). */
export function subsampleRows(table: Table, max: number, rng: Rng): Table {
  return table.nRows <= max ? table : table.take(sampleIndices(table.nRows, max, rng));
}
