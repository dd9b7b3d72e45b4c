import type { Column } from "../../core/column.js";
import { DataError, ParamError, show } from "../../core/errors.js";
import { asTable, type Table, type TableInput } from "../../core/table.js";
import { sharedCodes } from "../columns.js";
import { defineMetric } from "./metric.js";

/** Options of {@link exactCopies}. */
export interface ExactCopiesOptions {
  /** Columns to compare (default: every column of the real table). */
  columns?: readonly string[];
  /**
   * Decimals a real numeric column may have and still set the precision
   * of near copies; a column with more is compared exactly.
   * @defaultValue 10
   */
  maxDecimals?: number;
}

/** Result of {@link exactCopies}. */
export interface ExactCopiesResult {
  /** Fraction of synthetic rows equal, in every compared column, to some real row. */
  rate: number;
  /** 1 − rate. */
  score: number;
  /** Number of synthetic rows that copy a real row exactly. */
  copies: number;
  /** Synthetic rows equal to a real row once every number is rounded to its real column's precision (exact copies included). */
  nearCopies: number;
  /** nearCopies / nSynthetic. */
  nearRate: number;
  /** Share of real rows equal (at their precision) to another real row: how often rows coincide without copying. */
  realDuplicateRate: number;
  /** Decimals each numeric column was rounded to for near copies (null: more than `maxDecimals`, compared exactly). */
  decimals: Record<string, number | null>;
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

/** The fewest decimals (0 .. max) that every finite value of `v` has, or -1 when some value has more (an early exit). */
function precisionOf(v: Float64Array, max: number): number {
  let e = 0;
  let p = 1;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x || x === Infinity || x === -Infinity) continue;
    while (Math.round(x * p) / p !== x) {
      if (++e > max) return -1;
      p = 10 ** e;
    }
  }
  return e;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Column `j`'s value in row `i`, rounded to `scale[j]` (10^decimals; 0 = as is), NaN canonical, -0 as 0. */
function keyValue(c: Float64Array, i: number, scale: number): number {
  const v = c[i]!;
  if (v !== v) return NaN;
  const r = scale > 0 && Number.isFinite(v) ? Math.round(v * scale) : v;
  return r === 0 ? 0 : r;
}

/** Two 32-bit hashes of every row at the given precision, computed a column at a time. */
function rowHashes(cols: Float64Array[], scales: Float64Array, n: number): { h1: Uint32Array; h2: Uint32Array } {
  const h1 = new Uint32Array(n).fill(0x811c9dc5);
  const h2 = new Uint32Array(n).fill(0x9e3779b9);
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j]!;
    const scale = scales[j]!;
    for (let i = 0; i < n; i++) {
      f64[0] = keyValue(c, i, scale);
      const lo = u32[0]!;
      const hi = u32[1]!;
      h1[i] = Math.imul(Math.imul(h1[i]! ^ lo, 0x01000193) ^ hi, 0x01000193);
      let b = h2[i]!;
      b = Math.imul(b ^ hi, 0x85ebca6b) ^ (b >>> 13);
      h2[i] = Math.imul(b ^ lo, 0xc2b2ae35) ^ (b >>> 16);
    }
  }
  return { h1, h2 };
}

/**
 * An open-addressing index of rows by their two hashes (the first row of
 * each hash pair), linear probing in typed arrays: a million rows without a
 * million boxed Map keys.
 */
class RowIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(
    private readonly h1: Uint32Array,
    private readonly h2: Uint32Array,
  ) {
    let cap = 16;
    while (cap < 2 * h1.length) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }
  /** The first row with hashes (a, b), or -1. */
  find(a: number, b: number): number {
    for (let s = (Math.imul(a, 0x9e3779b1) ^ b) & this.mask; ; s = (s + 1) & this.mask) {
      const r = this.slots[s]!;
      if (r < 0 || (this.h1[r] === a && this.h2[r] === b)) return r;
    }
  }
  /** Adds row `i` unless a row with its hashes is there; returns that row, or -1 when `i` was added. */
  add(i: number): number {
    const a = this.h1[i]!;
    const b = this.h2[i]!;
    for (let s = (Math.imul(a, 0x9e3779b1) ^ b) & this.mask; ; s = (s + 1) & this.mask) {
      const r = this.slots[s]!;
      if (r < 0) {
        this.slots[s] = i;
        return -1;
      }
      if (this.h1[r] === a && this.h2[r] === b) return r;
    }
  }
}

const sameKey = (a: Float64Array[], i: number, b: Float64Array[], k: number, scales: Float64Array): boolean =>
  a.every((c, j) => Object.is(keyValue(c, i, scales[j]!), keyValue(b[j]!, k, scales[j]!)));
const sameExact = (a: Float64Array[], i: number, b: Float64Array[], k: number): boolean => a.every((c, j) => Object.is(c[i], b[j]![k]) || c[i] === b[j]![k]);

/**
 * Copies of real rows: the fraction of synthetic rows that reproduce a real
 * row exactly (every compared column equal, missing equal to missing), and
 * of near copies: rows equal to a real row once every number is rounded to
 * the decimals its real column has (an integer column to integers, prices
 * to cents; a column with more than `maxDecimals` decimals is compared
 * exactly), so 3.0000001 copies 3. Beside them, how often real rows
 * coincide with one another at that precision (`realDuplicateRate`): the
 * share of copies a fresh sample would show by chance. Every row of both
 * tables is compared (rows hashed, candidates checked value by value).
 *
 * @param real - the real table
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `columns`, `maxDecimals`
 * @returns `{ rate, score, copies, nearCopies, nearRate, realDuplicateRate, decimals, nSynthetic }` (rate: goal minimize)
 * @throws DataError for a column missing from the synthetic table
 * @example
 * exactCopies([{ a: 1, b: "x" }, { a: 2, b: "y" }], [{ a: 1, b: "x" }, { a: 1, b: "y" }]).rate; // => 0.5
 * const near = exactCopies([{ a: 1, b: "x" }, { a: 2, b: "y" }], [{ a: 1.0000001, b: "x" }, { a: 2, b: "x" }]);
 * [near.rate, near.nearRate, near.decimals.a]; // => [0, 0.5, 0]
 */
export const exactCopies = defineMetric(
  { metricName: "ExactCopies", goal: "minimize", min: 0, max: 1, description: "Fraction of synthetic rows that are exact copies of a real row." },
  (real: TableInput, synthetic: TableInput, options: ExactCopiesOptions = {}): ExactCopiesResult => {
    const where = "exactCopies";
    for (const k of Object.keys(options)) {
      if (k !== "columns" && k !== "maxDecimals") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: columns, maxDecimals.`);
    }
    const maxDec = options.maxDecimals ?? 10;
    if (!(Number.isInteger(maxDec) && maxDec >= 0 && maxDec <= 15)) throw new ParamError(where, "maxDecimals", maxDec, `'maxDecimals' must be an integer in [0, 15], got ${show(maxDec)}.`);
    const r = asTable(real, where, "real");
    const s = asTable(synthetic, where, "synthetic");
    const names = options.columns ? [...options.columns] : r.columnNames;
    for (const n of names) if (!s.columnNames.includes(n)) throw new DataError(where, "synthetic", n, `the synthetic table has no column '${n}'.`);
    const realInfo = names.map((n) => r.columnInfo(n));
    const [rc, sc] = numericColumns(realInfo, names.map((n) => s.columnInfo(n)));
    const scales = new Float64Array(names.length);
    const decimals: Record<string, number | null> = {};
    realInfo.forEach((c, j) => {
      if (c.kind === "categorical" || c.kind === "boolean") return;
      const e = precisionOf(rc[j]!, maxDec);
      decimals[c.name] = e < 0 ? null : e;
      scales[j] = e < 0 ? 0 : 10 ** e;
    });
    // real rows by their key at the real precision (which leaves a real value unchanged): the first row of each key, and how many share it
    const rh = rowHashes(rc, scales, r.nRows);
    const index = new RowIndex(rh.h1, rh.h2);
    const group = new Int32Array(r.nRows);
    for (let i = 0; i < r.nRows; i++) {
      const first = index.add(i);
      if (first < 0) group[i] = 1;
      else if (sameKey(rc, first, rc, i, scales)) group[first]! += 1;
    }
    let dup = 0;
    for (let i = 0; i < r.nRows; i++) if (group[i]! > 1) dup += group[i]!;
    let copies = 0;
    let near = 0;
    const sh = rowHashes(sc, scales, s.nRows);
    for (let k = 0; k < s.nRows; k++) {
      const i = index.find(sh.h1[k]!, sh.h2[k]!);
      if (i < 0 || !sameKey(rc, i, sc, k, scales)) continue;
      near++;
      if (sameExact(rc, i, sc, k)) copies++;
    }
    const n = s.nRows;
    const rate = n ? copies / n : 0;
    return { rate, score: 1 - rate, copies, nearCopies: near, nearRate: n ? near / n : 0, realDuplicateRate: r.nRows ? dup / r.nRows : 0, decimals, nSynthetic: n };
  },
);

/**
 * Groups of identical rows of `table` (every column equal, missing equal
 * to missing): each row's group is the index of the first row like it.
 * Internal: cross-validation keeps a group in one fold.
 */
export function duplicateGroups(table: Table): Int32Array {
  const cols = table.columnNames.map((n) => {
    const c = table.columnInfo(n);
    return c.kind === "categorical" || c.kind === "boolean" ? Float64Array.from(c.values) : (c.values as Float64Array);
  });
  const h = rowHashes(cols, new Float64Array(cols.length), table.nRows);
  const index = new RowIndex(h.h1, h.h2);
  const group = new Int32Array(table.nRows);
  for (let i = 0; i < table.nRows; i++) {
    const first = index.add(i);
    group[i] = first >= 0 && sameExact(cols, first, cols, i) ? first : i;
  }
  return group;
}
