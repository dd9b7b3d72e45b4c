/**
 * Chi-square tests with scipy.stats' meaning and numbers:
 * {@link chisquare} (goodness of fit) and {@link chi2Contingency}
 * (independence in a contingency table), plus {@link chi2Sf}.
 */
import gammainc from "@stdlib/math-base-special-gammainc";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkInteger } from "../core/validate.js";

/**
 * The chi-square distribution's survival function P(X > x) with `df`
 * degrees of freedom (scipy.stats.chi2.sf): the regularized upper incomplete
 * gamma function Q(df / 2, x / 2).
 *
 * @param x - the statistic (>= 0)
 * @param df - degrees of freedom (> 0)
 * @returns a probability in [0, 1]
 * @example
 * chi2Sf(3.841458820694124, 1).toFixed(6); // => "0.050000"
 */
export function chi2Sf(x: number, df: number): number {
  if (!(df > 0)) throw new ParamError("chi2Sf", "df", df, `'df' must be > 0, got ${show(df)}.`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** Result of {@link chisquare}. */
export interface ChisquareResult {
  statistic: number;
  pvalue: number;
  /** Degrees of freedom used for the p-value: k - 1 - ddof. */
  dof: number;
}

/** Options of {@link chisquare}. */
export interface ChisquareOptions {
  /**
   * "Delta degrees of freedom": the p-value uses k - 1 - ddof degrees of freedom.
   * @defaultValue 0
   */
  ddof?: number;
}

function numbers(where: string, param: string, x: unknown): Float64Array {
  if (!(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) {
    throw new ParamTypeError(where, param, x, `'${param}' must be an array or typed array of numbers, got ${show(x)}.`);
  }
  const a = x as ArrayLike<unknown>;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ParamError(where, param, v, `'${param}'[${i}] must be a finite number, got ${show(v)}.`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Pearson's chi-square goodness-of-fit test (scipy.stats.chisquare): do the
 * observed counts fit the expected ones? With `expected` omitted every
 * category is equally likely.
 *
 * @param observed - counts per category
 * @param expected - expected counts (same length, same total within 1e-8 relative, as scipy checks). @defaultValue the mean of `observed` for every category
 * @param options - `ddof`
 * @returns `{ statistic, pvalue, dof }`
 * @throws ParamError for mismatched lengths or totals, a non-positive expected count, fewer than 2 categories
 * @example
 * const r = chisquare([16, 18, 16, 14, 12, 12]);
 * r.statistic; // => 2
 * r.pvalue.toFixed(6); // => "0.849145"
 */
export function chisquare(observed: ArrayLike<number>, expected?: ArrayLike<number> | null, options: ChisquareOptions = {}): ChisquareResult {
  const where = "chisquare";
  for (const k of Object.keys(options)) {
    if (k !== "ddof") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ddof.`);
  }
  const ddof = checkInteger(where, "ddof", options.ddof ?? 0, 0);
  const o = numbers(where, "observed", observed);
  const k = o.length;
  if (k < 2) throw new ParamError(where, "observed", observed, `'observed' needs at least 2 categories, got ${k}.`);
  let total = 0;
  for (let i = 0; i < k; i++) total += o[i]!;
  let e: Float64Array;
  if (expected === undefined || expected === null) e = new Float64Array(k).fill(total / k);
  else {
    e = numbers(where, "expected", expected);
    if (e.length !== k) throw new ParamError(where, "expected", e.length, `'expected' has ${e.length} values for ${k} observed categories.`);
    let te = 0;
    for (let i = 0; i < k; i++) te += e[i]!;
    if (Math.abs(te - total) > 1e-8 * Math.max(Math.abs(te), Math.abs(total))) {
      throw new ParamError(where, "expected", te, `the observed total (${total}) and the expected total (${te}) differ; rescale 'expected' to the observed total.`);
    }
  }
  let stat = 0;
  for (let i = 0; i < k; i++) {
    const ei = e[i]!;
    if (!(ei > 0)) throw new ParamError(where, "expected", ei, `expected count ${i} is ${ei}; every expected count must be > 0.`);
    const d = o[i]! - ei;
    stat += (d * d) / ei;
  }
  const dof = k - 1 - ddof;
  if (dof < 1) throw new ParamError(where, "ddof", ddof, `k - 1 - ddof must be >= 1, got ${dof} (k = ${k}).`);
  return { statistic: stat, pvalue: chi2Sf(stat, dof), dof };
}

/** Result of {@link chi2Contingency}. */
export interface Chi2ContingencyResult {
  statistic: number;
  pvalue: number;
  dof: number;
  /** Expected frequencies under independence (row total × column total / grand total), as rows. */
  expectedFreq: number[][];
}

/** Options of {@link chi2Contingency}. */
export interface Chi2ContingencyOptions {
  /**
   * Yates' continuity correction when the table has one degree of freedom
   * (each |observed − expected| shrunk by up to 0.5), as scipy.
   * @defaultValue true
   */
  correction?: boolean;
}

/**
 * Chi-square test of independence of the row and column variables of a
 * two-way contingency table (scipy.stats.chi2_contingency with the Pearson
 * statistic).
 *
 * @param table - counts as rows (r × c, every row the same length, no negative counts)
 * @param options - `correction`
 * @returns `{ statistic, pvalue, dof, expectedFreq }`; a table with 0 degrees of freedom gives statistic 0 and p-value 1 as scipy
 * @throws ParamError for a ragged or negative table, or a zero expected frequency (an all-zero row or column)
 * @example
 * const r = chi2Contingency([[10, 20], [30, 40]]);
 * r.statistic.toFixed(6); // => "0.446429"
 * r.pvalue.toFixed(6); // => "0.504036"
 */
export function chi2Contingency(table: readonly ArrayLike<number>[], options: Chi2ContingencyOptions = {}): Chi2ContingencyResult {
  const where = "chi2Contingency";
  for (const k of Object.keys(options)) {
    if (k !== "correction") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: correction.`);
  }
  const correction = options.correction ?? true;
  if (typeof correction !== "boolean") throw new ParamTypeError(where, "correction", correction, `'correction' must be a boolean, got ${show(correction)}.`);
  if (!Array.isArray(table) || table.length === 0) throw new ParamTypeError(where, "table", table, `'table' must be a non-empty array of rows, got ${show(table)}.`);
  const rows = table.map((r, i) => numbers(where, `table[${i}]`, r));
  const r = rows.length;
  const c = rows[0]!.length;
  if (c === 0) throw new ParamError(where, "table", table, "'table' has empty rows.");
  const rowSum = new Float64Array(r);
  const colSum = new Float64Array(c);
  let n = 0;
  rows.forEach((row, i) => {
    if (row.length !== c) throw new ParamError(where, "table", row.length, `row ${i} has ${row.length} counts, row 0 has ${c}.`);
    for (let j = 0; j < c; j++) {
      const v = row[j]!;
      if (v < 0) throw new ParamError(where, "table", v, `count [${i}][${j}] is negative (${v}).`);
      rowSum[i] += v;
      colSum[j] += v;
      n += v;
    }
  });
  const expectedFreq: number[][] = [];
  for (let i = 0; i < r; i++) {
    const er: number[] = new Array(c);
    for (let j = 0; j < c; j++) {
      const e = (rowSum[i]! * colSum[j]!) / n;
      if (!(e > 0)) throw new ParamError(where, "table", table, `the expected frequency at [${i}][${j}] is 0 (an all-zero row or column); drop empty rows and columns.`);
      er[j] = e;
    }
    expectedFreq.push(er);
  }
  const dof = r * c - r - c + 1;
  if (dof === 0) return { statistic: 0, pvalue: 1, dof, expectedFreq };
  let stat = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = expectedFreq[i]![j]!;
      let o = rows[i]![j]!;
      if (correction && dof === 1) {
        const diff = e - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      const d = o - e;
      stat += (d * d) / e;
    }
  }
  return { statistic: stat, pvalue: chi2Sf(stat, dof), dof, expectedFreq };
}
