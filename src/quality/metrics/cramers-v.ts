import { ParamError } from "../../core/errors.js";
import { chi2Contingency } from "../chi2.js";
import { sharedCodes, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/** Cramér's V of a contingency table given as rows: √(χ² / (n (min(r, c) − 1))), without Yates' correction (scipy.stats.contingency.association). Rows and columns that are all zero are dropped; a table with one row or column gives 0. */
export function cramersVTable(table: readonly ArrayLike<number>[]): number {
  const rows = table.map((r) => Array.from(r)).filter((r) => r.some((v) => v !== 0));
  if (rows.length === 0) throw new ParamError("cramersV", "table", table, "the table has no counts.");
  const keep: number[] = [];
  for (let j = 0; j < rows[0]!.length; j++) if (rows.some((r) => r[j] !== 0)) keep.push(j);
  const t = rows.map((r) => keep.map((j) => r[j]!));
  const k = Math.min(t.length, keep.length);
  if (k < 2) return 0;
  let n = 0;
  for (const r of t) for (const v of r) n += v;
  const chi2 = chi2Contingency(t, { correction: false }).statistic;
  return Math.min(1, Math.sqrt(chi2 / (n * (k - 1))));
}

/** The contingency table (levelsA × levelsB counts, as rows) of two code arrays. */
export function crossTab(a: Int32Array, b: Int32Array, levelsA: number, levelsB: number): number[][] {
  const counts = new Float64Array(levelsA * levelsB);
  for (let i = 0; i < a.length; i++) counts[a[i]! * levelsB + b[i]!]! += 1;
  return Array.from({ length: levelsA }, (_, i) => Array.from(counts.subarray(i * levelsB, (i + 1) * levelsB)));
}

/**
 * Cramér's V between two discrete columns (missing values are a category):
 * the strength of their association, 0 (independent) to 1 (one determines
 * the other), equal to scipy.stats.contingency.association(method="cramer")
 * on their contingency table.
 *
 * @param x - a discrete column or an array of labels
 * @param y - another, of the same length
 * @returns V in [0, 1]
 * @throws ParamError for columns of different lengths
 * @example
 * cramersV(["a", "a", "b", "b"], ["x", "x", "y", "y"]); // => 1
 * cramersV(["a", "a", "b", "b"], ["x", "y", "x", "y"]); // => 0
 */
export const cramersV = defineMetric(
  { metricName: "CramersV", goal: "maximize", min: 0, max: 1, description: "Cramér's V: the strength of association between two discrete columns." },
  (x: ColumnInput, y: ColumnInput): number => {
    const cx = sharedCodes(x, []);
    const cy = sharedCodes(y, []);
    if (cx.real.length !== cy.real.length) throw new ParamError("cramersV", "y", cy.real.length, `x and y have ${cx.real.length} and ${cy.real.length} rows.`);
    return cramersVTable(crossTab(cx.real, cy.real, cx.levels.length, cy.levels.length));
  },
);
