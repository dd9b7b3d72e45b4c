/**
 * pandas' `DataFrame.describe()` for synthlab tables, and the side-by-side
 * "Before / After" comparison of seed 002.
 */
import { cellAt, type Column } from "../core/column.js";
import { ParamError, show } from "../core/errors.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { checkOneOf } from "../core/validate.js";

/** Options of {@link describe}. */
export interface DescribeOptions {
  /**
   * Percentiles to report, in [0, 1] (pandas' default 25%, 50%, 75%).
   * @defaultValue [0.25, 0.5, 0.75]
   */
  percentiles?: readonly number[];
  /**
   * `"number"` describes numeric, integer and boolean columns (pandas'
   * default); `"all"` adds categorical and datetime columns with count,
   * unique, top, freq.
   * @defaultValue "number"
   */
  include?: "number" | "all";
}

/** numpy's linear interpolation between order statistics (its `_lerp`, so results match to the ulp). */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Swaps `a[k]` into its sorted place within `a[lo..hi]` (quickselect, median of three). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to the middle
    if (a[mid]! < a[lo]!) [a[mid], a[lo]] = [a[lo]!, a[mid]!];
    if (a[hi]! < a[lo]!) [a[hi], a[lo]] = [a[lo]!, a[hi]!];
    if (a[hi]! < a[mid]!) [a[hi], a[mid]] = [a[mid]!, a[hi]!];
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Percentiles of the values in `a` (NaN-free, modified in place) by linear
 * interpolation, pandas' and numpy's default: quickselect per order
 * statistic, no full sort.
 */
export function percentilesInPlace(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return qs.map(() => NaN);
  const order = qs.map((q, i) => ({ q, i })).sort((x, y) => x.q - y.q);
  const out = new Array<number>(qs.length);
  let lo = 0;
  for (const { q, i } of order) {
    const pos = q * (n - 1);
    const k = Math.floor(pos);
    select(a, k, lo, n - 1);
    lo = k;
    let v = a[k]!;
    if (pos > k && k + 1 < n) {
      // the next order statistic is the minimum of the part above k
      let next = Infinity;
      for (let j = k + 1; j < n; j++) if (a[j]! < next) next = a[j]!;
      v = lerp(v, next, pos - k);
    }
    out[i] = v;
  }
  return out;
}

const pctLabel = (q: number) => `${Number((q * 100).toPrecision(10))}%`;

interface NumericSummary {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  pcts: number[];
}

/**
 * The summary of a large Float64Array column in two passes and no copy:
 * pass 1 counts, sums, finds min/max and histograms the top 16 bits of each
 * value's order-preserving key (sign + exponent + 4 mantissa bits); pass 2
 * sums squared deviations (two-pass variance, as pandas) and gathers only the
 * values of the buckets holding the wanted order statistics, which are then
 * sorted (a radix select: typically a few percent of the column).
 */
function summarizeLarge(values: Float64Array, qs: readonly number[]): NumericSummary {
  const n = values.length;
  const hiWords = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const hist = new Int32Array(65536);
  let m = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    m++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    const hi = hiWords[2 * i + 1]!;
    hist[hi & 0x80000000 ? (~hi >>> 16) & 0xffff : (hi >>> 16) | 0x8000]!++;
  }
  if (m === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, max: NaN, pcts: qs.map(() => NaN) };
  const mean = sum / m;
  // the ranks wanted and the buckets holding them
  const ranks: number[] = [];
  for (const q of qs) {
    const pos = q * (m - 1);
    const k = Math.floor(pos);
    ranks.push(k);
    if (pos > k && k + 1 < m) ranks.push(k + 1);
  }
  const start = new Int32Array(65537);
  for (let b = 0; b < 65536; b++) start[b + 1] = start[b]! + hist[b]!;
  const bucketOf = (r: number): number => {
    let lo = 0;
    let hi = 65535;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (start[mid + 1]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const slot = new Int32Array(65536).fill(-1);
  const buckets: number[] = [];
  for (const r of ranks) {
    const b = bucketOf(r);
    if (slot[b]! < 0) {
      slot[b] = buckets.length;
      buckets.push(b);
    }
  }
  const gathered = buckets.map((b) => new Float64Array(hist[b]!));
  const fill = new Int32Array(buckets.length);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const d = v - mean;
    ss += d * d;
    const hi = hiWords[2 * i + 1]!;
    const s = slot[hi & 0x80000000 ? (~hi >>> 16) & 0xffff : (hi >>> 16) | 0x8000]!;
    if (s >= 0) gathered[s]![fill[s]!++] = v;
  }
  for (const g of gathered) g.sort();
  const at = (r: number): number => {
    const b = bucketOf(r);
    return gathered[slot[b]!]![r - start[b]!]!;
  };
  const pcts = qs.map((q) => {
    const pos = q * (m - 1);
    const k = Math.floor(pos);
    const v = at(k);
    return pos > k && k + 1 < m ? lerp(v, at(k + 1), pos - k) : v;
  });
  return { count: m, mean, std: m > 1 ? Math.sqrt(ss / (m - 1)) : NaN, min, max, pcts };
}

/** Above this many values a column takes {@link summarizeLarge}. */
export const LARGE_COLUMN = 16384;

function summarizeNumbers(values: ArrayLike<number>, qs: readonly number[]): NumericSummary {
  const n = values.length;
  if (n >= LARGE_COLUMN && values instanceof Float64Array) return summarizeLarge(values, qs);
  const buf = new Float64Array(n);
  let m = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    buf[m++] = v;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (m === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, max: NaN, pcts: qs.map(() => NaN) };
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const d = buf[i]! - mean;
    ss += d * d;
  }
  const std = m > 1 ? Math.sqrt(ss / (m - 1)) : NaN;
  return { count: m, mean, std, min, max, pcts: percentilesInPlace(buf.subarray(0, m), qs) };
}

function numericValues(c: Column): ArrayLike<number> | null {
  if (c.kind === "numeric" || c.kind === "integer") return c.values;
  if (c.kind === "boolean") return Float64Array.from(c.values, (v) => (v < 0 ? NaN : v));
  return null;
}

function summarizeCategories(c: Column, nRows: number): { count: number; unique: number; top: string | null; freq: number } {
  const counts = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < nRows; i++) {
    const v = cellAt(c, i);
    if (v === null) continue;
    count++;
    const key = v instanceof Date ? v.toISOString() : String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top: string | null = null;
  let freq = 0;
  for (const [k, f] of counts) if (f > freq) [top, freq] = [k, f];
  return { count, unique: counts.size, top, freq };
}

/**
 * Summary statistics laid out as pandas' `describe()`: a first column
 * `statistic` (`count, mean, std, min, 25%, 50%, 75%, max` for numbers: NaN
 * skipped, std with ddof 1, percentiles by linear interpolation) and one
 * column per described column. With `include: "all"`, categorical and
 * datetime columns add `unique, top, freq` (values shown as text).
 *
 * @param data - a Table, a danfo DataFrame or an array of records
 * @throws ParamError when no column can be described
 * @example
 * const d = describe([{ a: 1 }, { a: 2 }, { a: 3 }, { a: null }]);
 * d.column("statistic"); // => ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
 * d.column("a"); // => [3, 2, 1, 1, 1.5, 2, 2.5, 3]
 */
export function describe(data: TableInput, options: DescribeOptions = {}): Table {
  const where = "describe";
  for (const k of Object.keys(options)) {
    if (k !== "percentiles" && k !== "include") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: percentiles, include.`);
  }
  const table = asTable(data, where);
  const include = checkOneOf(where, "include", options.include ?? "number", ["number", "all"] as const);
  const qs = [...(options.percentiles ?? [0.25, 0.5, 0.75])];
  for (const q of qs) {
    if (typeof q !== "number" || !(q >= 0 && q <= 1)) throw new ParamError(where, "percentiles", q, `percentiles must be in [0, 1], got ${show(q)}.`);
  }
  if (!qs.includes(0.5)) qs.push(0.5);
  qs.sort((a, b) => a - b);
  const numStats = ["count", "mean", "std", "min", ...qs.map(pctLabel), "max"];
  const numericCols = table.columns.filter((c) => numericValues(c) !== null);
  const otherCols = include === "all" ? table.columns.filter((c) => numericValues(c) === null) : [];
  if (numericCols.length + otherCols.length === 0) {
    throw new ParamError(where, "data", table.columnNames, `no numeric column to describe (columns: ${table.columnNames.join(", ") || "none"}); pass include: "all" for categories.`);
  }
  const described = table.columns.filter((c) => numericCols.includes(c) || otherCols.includes(c));
  const statNames = otherCols.length ? ["count", "unique", "top", "freq", ...(numericCols.length ? numStats.slice(1) : [])] : numStats;
  const out: Record<string, unknown[]> = { statistic: statNames };
  for (const c of described) {
    const vals = numericValues(c);
    const row: Record<string, number | string | null> = {};
    if (vals) {
      const s = summarizeNumbers(vals, qs);
      Object.assign(row, { count: s.count, mean: s.mean, std: s.std, min: s.min, max: s.max });
      qs.forEach((q, i) => (row[pctLabel(q)] = s.pcts[i]!));
    } else {
      const s = summarizeCategories(c, table.nRows);
      Object.assign(row, s);
    }
    out[c.name] = statNames.map((k) => (k in row ? row[k]! : otherCols.length ? null : NaN));
  }
  return Table.fromColumns(
    out,
    Object.fromEntries(described.map((c) => [c.name, otherCols.length ? "categorical" : "numeric"] as const)),
  );
}

/** Options of {@link compareDescribe}. */
export interface CompareDescribeOptions extends DescribeOptions {
  /**
   * Labels of the two tables' columns.
   * @defaultValue ["Before", "After"]
   */
  labels?: readonly [string, string];
}

/**
 * Two tables described side by side, seed 002's "Before / After" layout: for
 * each column in both, `<column> <label 1>` then `<column> <label 2>`.
 *
 * @example
 * const t = compareDescribe([{ x: 1 }, { x: 3 }], [{ x: 2 }, { x: 2 }]);
 * t.columnNames; // => ["statistic", "x Before", "x After"]
 */
export function compareDescribe(before: TableInput, after: TableInput, options: CompareDescribeOptions = {}): Table {
  const { labels = ["Before", "After"], ...rest } = options;
  const a = describe(before, rest);
  const b = describe(after, rest);
  const shared = a.columnNames.filter((n) => n !== "statistic" && b.columnNames.includes(n));
  if (shared.length === 0) throw new ParamError("compareDescribe", "after", b.columnNames, "the two tables share no described column.");
  const cols: Column[] = [a.columnInfo("statistic")];
  for (const n of shared) {
    cols.push({ ...a.columnInfo(n), name: `${n} ${labels[0]}` } as Column);
    cols.push({ ...b.columnInfo(n), name: `${n} ${labels[1]}` } as Column);
  }
  return new Table(cols);
}
