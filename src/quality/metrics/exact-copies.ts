import type { Column } from "../../core/column.js";
import { DataError, ParamError } from "../../core/errors.js";
import { asTable, type TableInput } from "../../core/table.js";
import { sharedCodes } from "../columns.js";
import { defineMetric } from "./metric.js";

/** Result of {@link exactCopies}. */
export interface ExactCopiesResult {
  /** Fraction of synthetic rows equal, in every compared column, to some real row. */
  rate: number;
  /** 1 − rate. */
  score: number;
  /** Number of synthetic rows that copy a real row. */
  copies: number;
  nSynthetic: number;
}

/** Row values as numbers: categories as codes shared by the two tables, missing as NaN. */
function numericColumns(realCols: Column[], synCols: Column[]): [Float64Array[], Float64Array[]] {
  const r: Float64Array[] = [];
  const s: Float64Array[] = [];
  realCols.forEach((rc, j) => {
    const sc = synCols[j]!;
    if (rc.kind === "categorical" || sc.kind === "categorical" || rc.kind === "boolean" || sc.kind === "boolean") {
      const c = sharedCodes(rc, sc);
      r.push(Float64Array.from(c.real));
      s.push(Float64Array.from(c.synthetic));
    } else {
      r.push(rc.values as Float64Array);
      s.push(sc.values as Float64Array);
    }
  });
  return [r, s];
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** A 53-bit hash of row `i` (NaN canonical, -0 as 0). */
function rowHash(cols: Float64Array[], i: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (const c of cols) {
    const v = c[i]!;
    f64[0] = v !== v ? NaN : v === 0 ? 0 : v;
    h1 = Math.imul(h1 ^ u32[0]!, 0x01000193);
    h1 = Math.imul(h1 ^ u32[1]!, 0x01000193);
    h2 = Math.imul(h2 ^ u32[1]!, 0x85ebca6b) ^ (h2 >>> 13);
    h2 = Math.imul(h2 ^ u32[0]!, 0xc2b2ae35) ^ (h2 >>> 16);
  }
  return (h1 & 0x1fffff) * 4294967296 + (h2 >>> 0);
}

const same = (a: Float64Array[], i: number, b: Float64Array[], k: number): boolean => a.every((c, j) => Object.is(c[i], b[j]![k]) || c[i] === b[j]![k]);

/**
 * Exact-copy rate: the fraction of synthetic rows that reproduce a real row
 * exactly (every compared column equal, missing equal to missing). Every row
 * of both tables is compared (rows are hashed, candidates checked value by
 * value).
 *
 * @param real - the real table
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `columns` to compare (default: every column of the real table)
 * @returns `{ rate, score, copies, nSynthetic }` (rate: goal minimize)
 * @throws DataError for a column missing from the synthetic table
 * @example
 * exactCopies([{ a: 1, b: "x" }, { a: 2, b: "y" }], [{ a: 1, b: "x" }, { a: 1, b: "y" }]).rate; // => 0.5
 */
export const exactCopies = defineMetric(
  { metricName: "ExactCopies", goal: "minimize", min: 0, max: 1, description: "Fraction of synthetic rows that are exact copies of a real row." },
  (real: TableInput, synthetic: TableInput, options: { columns?: readonly string[] } = {}): ExactCopiesResult => {
    const where = "exactCopies";
    for (const k of Object.keys(options)) {
      if (k !== "columns") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: columns.`);
    }
    const r = asTable(real, where, "real");
    const s = asTable(synthetic, where, "synthetic");
    const names = options.columns ? [...options.columns] : r.columnNames;
    for (const n of names) if (!s.columnNames.includes(n)) throw new DataError(where, "synthetic", n, `the synthetic table has no column '${n}'.`);
    const [rc, sc] = numericColumns(names.map((n) => r.columnInfo(n)), names.map((n) => s.columnInfo(n)));
    const index = new Map<number, number>();
    for (let i = 0; i < r.nRows; i++) {
      const h = rowHash(rc, i);
      if (!index.has(h)) index.set(h, i);
    }
    let copies = 0;
    for (let k = 0; k < s.nRows; k++) {
      const i = index.get(rowHash(sc, k));
      if (i !== undefined && same(rc, i, sc, k)) copies++;
    }
    const rate = s.nRows ? copies / s.nRows : 0;
    return { rate, score: 1 - rate, copies, nSynthetic: s.nRows };
  },
);
