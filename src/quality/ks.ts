/**
 * Kolmogorov–Smirnov tests with scipy.stats' meaning and numbers:
 * {@link ks2samp} (scipy.stats.ks_2samp) and {@link kstest}
 * (scipy.stats.kstest / ks_1samp).
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkOneOf } from "../core/validate.js";
import { sortInPlace } from "../core/sort.js";
import { distributionFunctions, resolveParams } from "../random/registry.js";
import { kolmogorov, kstwoSf, smirnov } from "./kolmogorov.js";

export type Alternative = "two-sided" | "less" | "greater";
const ALTERNATIVES: readonly Alternative[] = ["two-sided", "less", "greater"];

/** A KS test's result, as scipy's `KstestResult`. */
export interface KsResult {
  /** D: the largest (signed per `alternative`) gap between the CDFs. */
  statistic: number;
  pvalue: number;
  /** The observation at which the statistic is reached. */
  statisticLocation: number;
  /** +1 when the first sample's ECDF is above at that point, -1 below. */
  statisticSign: 1 | -1;
  /** The method that computed the p-value. */
  method: "exact" | "asymp" | "approx";
}

/** Options of {@link ks2samp}. */
export interface Ks2sampOptions {
  /** @defaultValue "two-sided" */
  alternative?: Alternative;
  /**
   * `"auto"`: exact when both samples have at most 10,000 observations, else
   * asymptotic (scipy's rule); `"exact"` falls back to asymptotic when the
   * exact computation overflows.
   * @defaultValue "auto"
   */
  method?: "auto" | "exact" | "asymp";
}

const MAX_AUTO_N = 10000;

function sortedFinite(where: string, param: string, x: unknown): Float64Array {
  if (!(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) {
    throw new ParamTypeError(where, param, x, `'${param}' must be an array or typed array of numbers, got ${show(x)}.`);
  }
  const arr = x as ArrayLike<unknown>;
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new ParamError(where, param, v, `'${param}'[${i}] is ${show(v)}; drop missing values first (KS tests take numbers only).`);
    }
    out[i] = v;
  }
  if (out.length === 0) throw new ParamError(where, param, x, `'${param}' is empty.`);
  return sortInPlace(out);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** log of the binomial coefficient C(n, k), exact enough for path counting. */
function binom(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  k = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

function outerProbInsideMethod(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) for (let q = maxj - minj; q < maxj - minj + (lastlen - curlen); q++) A[q] = 1;
  }
  return A[maxj - minj - 1]!;
}

function countPathsOutside(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  const lxj = n + Math.floor((mg - h) / mg);
  if (lxj <= 0) return binom(m + n, n);
  const xj = Array.from({ length: lxj }, (_, j) => Math.floor((h + mg * j + ng - 1) / ng));
  const B = new Float64Array(lxj);
  B[0] = 1;
  for (let j = 1; j < lxj; j++) {
    let Bj = binom(xj[j]! + j, j);
    for (let i = 0; i < j; i++) Bj -= binom(xj[j]! - xj[i]! + j - i, j - i) * B[i]!;
    B[j] = Bj;
  }
  let paths = 0;
  for (let j = 0; j < lxj; j++) paths += B[j]! * binom(m - xj[j]! + (n - j), n - j);
  return paths;
}

/** scipy's `_attempt_exact_2kssamp`: [ok, d rounded to the lattice, p]. */
function exact2samp(n1: number, n2: number, g: number, d: number, alternative: Alternative): [boolean, number, number] {
  const lcm = (n1 / g) * n2;
  const h = Math.round(d * lcm);
  d = h / lcm;
  if (h === 0) return [true, d, 1];
  let prob: number;
  if (alternative === "two-sided") prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
  else if (n1 === n2) {
    prob = 1;
    for (let j = 0; j < h; j++) prob *= (n1 - j) / (n1 + j + 1);
  } else {
    const paths = countPathsOutside(n1, n2, g, h);
    const bin = binom(n1 + n2, n1);
    if (!Number.isFinite(bin) || !Number.isFinite(paths) || paths > bin) return [false, d, NaN];
    prob = paths / bin;
  }
  if (!(prob >= 0 && prob <= 1)) return [false, d, prob];
  return [true, d, prob];
}

/**
 * Two-sample Kolmogorov–Smirnov test (scipy.stats.ks_2samp): are `x` and
 * `y` drawn from the same continuous distribution? Ties are handled as scipy
 * does (ECDFs evaluated at every observation, right-continuous).
 *
 * @param x - first sample (no NaN)
 * @param y - second sample (no NaN)
 * @returns `{ statistic, pvalue, statisticLocation, statisticSign, method }`
 * @throws ParamError for an empty sample, a NaN, or an unknown alternative/method
 * @example
 * const r = ks2samp([0.1, 0.4, 0.7], [0.2, 0.5, 0.8, 0.9]);
 * r.statistic; // => 0.5
 * r.pvalue; // => 0.6571428571428571
 * r.method; // => "exact"
 */
export function ks2samp(x: ArrayLike<number>, y: ArrayLike<number>, options: Ks2sampOptions = {}): KsResult {
  const where = "ks2samp";
  for (const k of Object.keys(options)) {
    if (k !== "alternative" && k !== "method") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: alternative, method.`);
  }
  const alternative = checkOneOf(where, "alternative", options.alternative ?? "two-sided", ALTERNATIVES);
  let mode = checkOneOf(where, "method", options.method ?? "auto", ["auto", "exact", "asymp"] as const);
  const a = sortedFinite(where, "x", x);
  const b = sortedFinite(where, "y", y);
  const n1 = a.length;
  const n2 = b.length;
  // Walk both sorted samples; the ECDF difference changes only at observations.
  let i = 0;
  let j = 0;
  let maxS = -Infinity;
  let minS = Infinity;
  let locMax = NaN;
  let locMin = NaN;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < n1 && a[i]! <= v) i++;
    while (j < n2 && b[j]! <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) {
      maxS = diff;
      locMax = v;
    }
    if (diff < minS) {
      minS = diff;
      locMin = v;
    }
  }
  const minStat = Math.min(1, Math.max(0, -minS));
  let d: number;
  let loc: number;
  let sign: 1 | -1;
  if (alternative === "less" || (alternative === "two-sided" && minStat > maxS)) {
    d = minStat;
    loc = locMin;
    sign = -1;
  } else {
    d = maxS;
    loc = locMax;
    sign = 1;
  }
  const g = gcd(n1, n2);
  let prob = NaN;
  if (mode === "auto") mode = Math.max(n1, n2) <= MAX_AUTO_N ? "exact" : "asymp";
  else if (mode === "exact" && n1 / g >= 2147483647 / (n2 / g)) mode = "asymp";
  if (mode === "exact") {
    const [ok, dd, p] = exact2samp(n1, n2, g, d, alternative);
    d = dd;
    if (ok) prob = p;
    else mode = "asymp";
  }
  if (mode === "asymp") {
    const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
    const en = (m * n) / (m + n);
    if (alternative === "two-sided") prob = kstwoSf(d, Math.round(en));
    else {
      const z = Math.sqrt(en) * d;
      prob = Math.exp(-2 * z * z - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3);
    }
  }
  return { statistic: d, pvalue: Math.min(1, Math.max(0, prob)), statisticLocation: loc, statisticSign: sign, method: mode };
}

/** Options of {@link kstest}. */
export interface KstestOptions {
  /** Parameters of a named distribution (registry names, numpy's defaults filled). */
  params?: Readonly<Record<string, number>>;
  /** @defaultValue "two-sided" */
  alternative?: Alternative;
  /**
   * `"auto"`/`"exact"`: the exact Kolmogorov distribution (scipy's kstwo);
   * `"asymp"`: Kolmogorov's limit; `"approx"`: 2 × the one-sided exact.
   * @defaultValue "auto"
   */
  method?: "auto" | "exact" | "asymp" | "approx";
}

/** The CDF at every observation (validated: numbers, no NaN, CDF values in [0, 1]). */
function cdfValues(where: string, x: unknown, F: (v: number) => number): Float64Array {
  if (!(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) {
    throw new ParamTypeError(where, "x", x, `'x' must be an array or typed array of numbers, got ${show(x)}.`);
  }
  const arr = x as ArrayLike<unknown>;
  const n = arr.length;
  if (n === 0) throw new ParamError(where, "x", x, "'x' is empty.");
  const u = new Float64Array(n);
  if (x instanceof Float64Array) {
    // typed numbers: only NaN to reject (a monomorphic loop)
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      if (v !== v) throw new ParamError(where, "x", v, `'x'[${i}] is NaN; drop missing values first (KS tests take numbers only).`);
      const c = F(v);
      if (!(c >= 0 && c <= 1)) throw new ParamError(where, "cdf", c, `the cdf returned ${show(c)} at x = ${v}; a CDF takes values in [0, 1].`);
      u[i] = c;
    }
    return u;
  }
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new ParamError(where, "x", v, `'x'[${i}] is ${show(v)}; drop missing values first (KS tests take numbers only).`);
    }
    const c = F(v);
    if (!(c >= 0 && c <= 1)) throw new ParamError(where, "cdf", c, `the cdf returned ${show(c)} at x = ${v}; a CDF takes values in [0, 1].`);
    u[i] = c;
  }
  return u;
}

/**
 * A sorted copy of values in [0, 1] by bucket sort: equal-width buckets
 * (a few values each when the data follow the hypothesized CDF), then each
 * bucket sorted. Linear time in the typical case; a crowded bucket
 * falls back to the built-in sort, so no input is quadratic.
 */
function sortUnitInterval(u: Float64Array): Float64Array {
  const n = u.length;
  if (n < 2048) return Float64Array.from(u).sort();
  // about 8 values a bucket and at most 2^17 buckets: the scatter stays cache-friendly (measured: 41 ms at 10^6
  // against 73 ms with one bucket per value)
  const B = Math.min(1 << 17, n >> 3);
  const start = new Int32Array(B + 1);
  const bucket = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.min(B - 1, Math.floor(u[i]! * B));
    bucket[i] = b;
    start[b + 1]!++;
  }
  for (let b = 0; b < B; b++) start[b + 1]! += start[b]!;
  const out = new Float64Array(n);
  const fill = start.slice(0, B);
  for (let i = 0; i < n; i++) out[fill[bucket[i]!]!++] = u[i]!;
  for (let b = 0; b < B; b++) {
    const lo = start[b]!;
    const hi = start[b + 1]!;
    const len = hi - lo;
    if (len < 2) continue;
    if (len <= 48) {
      for (let i = lo + 1; i < hi; i++) {
        const v = out[i]!;
        let j = i - 1;
        while (j >= lo && out[j]! > v) {
          out[j + 1] = out[j]!;
          j--;
        }
        out[j + 1] = v;
      }
    } else out.subarray(lo, hi).sort();
  }
  return out;
}

/**
 * One-sample Kolmogorov–Smirnov test (scipy.stats.kstest with a CDF): is `x`
 * drawn from the distribution with CDF `cdf`? `cdf` is a function of one
 * number, or a distribution name from the registry (`"norm"` is accepted for
 * scipy's spelling of `"normal"`), with `params`.
 *
 * @example
 * const r = kstest([0.1, 0.5, 0.9], (x) => x);
 * r.statistic; // => 0.2333333333333334
 * r.pvalue; // => 0.9857777777777778
 */
export function kstest(x: ArrayLike<number>, cdf: ((x: number) => number) | string, options: KstestOptions = {}): KsResult {
  const where = "kstest";
  for (const k of Object.keys(options)) {
    if (!["params", "alternative", "method"].includes(k)) {
      throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: params, alternative, method.`);
    }
  }
  const alternative = checkOneOf(where, "alternative", options.alternative ?? "two-sided", ALTERNATIVES);
  const mode = checkOneOf(where, "method", options.method ?? "auto", ["auto", "exact", "asymp", "approx"] as const);
  let F: (v: number) => number;
  if (typeof cdf === "function") F = cdf;
  else if (typeof cdf === "string") {
    const name = cdf === "norm" ? "normal" : cdf;
    // resolved here first so errors name kstest; then one bound cdf for every point
    F = distributionFunctions(name, resolveParams(name, options.params ?? {}, where)).cdf;
  } else {
    throw new ParamTypeError(where, "cdf", cdf, `'cdf' must be a function or a distribution name, got ${show(cdf)}.`);
  }
  if (options.params && typeof cdf === "function") {
    throw new ParamError(where, "params", options.params, "'params' applies to a distribution name, not to a cdf function.");
  }
  const u = cdfValues(where, x, F);
  const n = u.length;
  const su = sortUnitInterval(u);
  let dPlus = -Infinity;
  let dMinus = -Infinity;
  let iPlus = 0;
  let iMinus = 0;
  for (let i = 0; i < n; i++) {
    const c = su[i]!;
    const plus = (i + 1) / n - c;
    const minus = c - i / n;
    if (plus > dPlus) {
      dPlus = plus;
      iPlus = i;
    }
    if (minus > dMinus) {
      dMinus = minus;
      iMinus = i;
    }
  }
  // the observation there: the largest x with that CDF value for D+, the smallest for D- (scipy's sorted-x position)
  const cPlus = su[iPlus]!;
  const cMinus = su[iMinus]!;
  let locPlus = -Infinity;
  let locMinus = Infinity;
  for (let i = 0; i < n; i++) {
    const c = u[i]!;
    if (c === cPlus && x[i]! > locPlus) locPlus = x[i]!;
    if (c === cMinus && x[i]! < locMinus) locMinus = x[i]!;
  }
  if (alternative === "greater") return { statistic: dPlus, pvalue: smirnov(n, dPlus), statisticLocation: locPlus, statisticSign: 1, method: "exact" };
  if (alternative === "less") return { statistic: dMinus, pvalue: smirnov(n, dMinus), statisticLocation: locMinus, statisticSign: -1, method: "exact" };
  const [D, loc, sign] = dPlus > dMinus ? [dPlus, locPlus, 1 as const] : [dMinus, locMinus, -1 as const];
  let p: number;
  let used: KsResult["method"];
  if (mode === "asymp") {
    p = kolmogorov(D * Math.sqrt(n));
    used = "asymp";
  } else if (mode === "approx") {
    p = 2 * smirnov(n, D);
    used = "approx";
  } else {
    p = kstwoSf(D, n);
    used = "exact";
  }
  return { statistic: D, pvalue: Math.min(1, Math.max(0, p)), statisticLocation: loc, statisticSign: sign, method: used };
}
