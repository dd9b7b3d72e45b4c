import type { Column } from "../../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../../core/errors.js";
import { checkOneOf } from "../../core/validate.js";
import type { ColumnInput } from "../columns.js";
import { rankAverage } from "../correlation.js";
import { defineMetric } from "./metric.js";

/** Options of {@link correlationSimilarity}. */
export interface CorrelationSimilarityOptions {
  /** @defaultValue "pearson" */
  coefficient?: "pearson" | "spearman";
  /**
   * SDMetrics' `real_correlation_threshold`: the pair counts towards a
   * property score only when |real correlation| exceeds it (`meetsThreshold`);
   * 0 counts every pair. The score itself is computed either way.
   * @defaultValue 0
   */
  realCorrelationThreshold?: number;
}

/** Result of {@link correlationSimilarity}. */
export interface CorrelationSimilarityResult {
  /** 1 − |ρ_real − ρ_synthetic| / 2, in [0, 1]. */
  score: number;
  /** Correlation in the real data. */
  real: number;
  /** Correlation in the synthetic data. */
  synthetic: number;
  /** |real| > realCorrelationThreshold (always true for threshold 0). */
  meetsThreshold: boolean;
}

function numbersOf(where: string, param: string, x: ColumnInput): ArrayLike<number> {
  if (typeof x === "object" && x !== null && "kind" in x && "values" in x) {
    const c = x as Column;
    if (c.kind === "categorical") throw new ParamTypeError(where, param, c.name, `column '${c.name}' is categorical; correlations need numbers.`);
    if (c.kind === "boolean") return Float64Array.from(c.values, (v) => (v < 0 ? NaN : v));
    return c.values;
  }
  const a = x as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === null || v === undefined) out[i] = NaN;
    else if (typeof v === "number") out[i] = v;
    else throw new ParamTypeError(where, param, v, `'${param}'[${i}] is ${show(v)}; correlations need numbers.`);
  }
  return out;
}

/** Rows where both values are finite. */
function completePairs(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  const n = x.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (Number.isFinite(u) && Number.isFinite(v)) {
      a[m] = u;
      b[m++] = v;
    }
  }
  return [a.subarray(0, m), b.subarray(0, m)];
}

/** Pearson's r of two equal-length samples (two passes: means, then centred sums). NaN when either is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function correlation(where: string, side: string, pair: readonly [ColumnInput, ColumnInput], coefficient: "pearson" | "spearman"): number {
  if (!Array.isArray(pair) || pair.length !== 2) throw new ParamTypeError(where, side, pair, `'${side}' must be a pair [x, y] of columns, got ${show(pair)}.`);
  const x = numbersOf(where, side, pair[0]);
  const y = numbersOf(where, side, pair[1]);
  if (x.length !== y.length) throw new ParamError(where, side, y.length, `the two ${side} columns have ${x.length} and ${y.length} rows.`);
  let [a, b] = completePairs(x, y);
  if (a.length < 2) throw new DataError(where, side, a.length, `the ${side} pair has ${a.length} complete rows; a correlation needs at least 2.`);
  if (coefficient === "spearman") {
    a = rankAverage(a);
    b = rankAverage(b);
  }
  const r = pearson(a, b);
  if (Number.isNaN(r)) throw new DataError(where, side, "constant", `a ${side} column is constant; the correlation is undefined.`);
  return r;
}

/**
 * Correlation similarity (SDMetrics' CorrelationSimilarity) of a column
 * pair: 1 − |ρ_real − ρ_synthetic| / 2 with Pearson's or Spearman's ρ,
 * computed on the rows where both values are present (SDMetrics fills
 * missing values with 0 instead; pandas' pairwise-complete rule is used
 * here). Dates count as epoch milliseconds, booleans as 0/1.
 *
 * @param real - the real pair `[x, y]` (columns or arrays of numbers of one length)
 * @param synthetic - the synthetic pair
 * @param options - `coefficient`, `realCorrelationThreshold`
 * @returns `{ score, real, synthetic, meetsThreshold }`, score in [0, 1] (goal: maximize)
 * @throws DataError when a column is constant or fewer than 2 rows are complete
 * @example
 * const r = correlationSimilarity([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [3, 2, 1]]);
 * r.score; // => 0
 * [r.real, r.synthetic]; // => [1, -1]
 */
export const correlationSimilarity = defineMetric(
  { metricName: "CorrelationSimilarity", goal: "maximize", min: 0, max: 1, description: "1 − half the absolute difference between the real and synthetic correlation of a column pair." },
  (
    real: readonly [ColumnInput, ColumnInput],
    synthetic: readonly [ColumnInput, ColumnInput],
    options: CorrelationSimilarityOptions = {},
  ): CorrelationSimilarityResult => {
    const where = "correlationSimilarity";
    for (const k of Object.keys(options)) {
      if (k !== "coefficient" && k !== "realCorrelationThreshold") {
        throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: coefficient, realCorrelationThreshold.`);
      }
    }
    const coefficient = checkOneOf(where, "coefficient", options.coefficient ?? "pearson", ["pearson", "spearman"] as const);
    const threshold = options.realCorrelationThreshold ?? 0;
    if (!(threshold >= 0 && threshold < 1)) throw new ParamError(where, "realCorrelationThreshold", threshold, `'realCorrelationThreshold' must be in [0, 1), got ${show(threshold)}.`);
    const r = correlation(where, "real", real, coefficient);
    const s = correlation(where, "synthetic", synthetic, coefficient);
    return { score: 1 - Math.abs(r - s) / 2, real: r, synthetic: s, meetsThreshold: threshold <= 0 || Math.abs(r) > threshold };
  },
);
