/**
 * The parametric families of {@link fitUnivariate}: their maximum-likelihood
 * fits and distribution functions (the KDE is in ./univariate-kde.ts).
 * Internal to src/fit/univariate.ts, which is the public face.
 *
 * Every family is one {@link Shape}: exact `cdf`, `pdf`, `ppf` and `isf`
 * (inverse survival, precise in the upper tail) from @stdlib's special
 * functions, plus `bulk` versions where the exact ones cost O(n) a call (the
 * KDE, whose bulk functions come from a tabulated grid).
 */
import betainc from "@stdlib/math-base-special-betainc";
import betaincinv from "@stdlib/math-base-special-betaincinv";
import digamma from "@stdlib/math-base-special-digamma";
import gammainc from "@stdlib/math-base-special-gammainc";
import gammaincinv from "@stdlib/math-base-special-gammaincinv";
import gammaln from "@stdlib/math-base-special-gammaln";
import trigamma from "@stdlib/math-base-special-trigamma";
import { normCdf, normPpf } from "../random/distributions.js";

/**
 * The families {@link fitUnivariate} fits (its `family` option also takes `"auto"`).
 *
 * @example
 * UNIVARIATE_FAMILIES.includes("beta"); // => true
 */
export const UNIVARIATE_FAMILIES = ["normal", "truncnorm", "beta", "gamma", "uniform", "kde"] as const;
/** A family name of {@link UNIVARIATE_FAMILIES}. */
export type UnivariateFamily = (typeof UNIVARIATE_FAMILIES)[number];
/** A fitted model's family: one of {@link UNIVARIATE_FAMILIES}, or `"constant"` for a column with one value. */
export type UnivariateModelFamily = UnivariateFamily | "constant";

/** Distribution functions of one fitted family (internal). */
export interface Shape {
  /** The support [lower, upper]. */
  readonly lower: number;
  readonly upper: number;
  cdf(x: number): number;
  pdf(x: number): number;
  ppf(q: number): number;
  /** x with P(X > x) = p: `ppf(1 - p)` without the rounding of `1 - p`. */
  isf(p: number): number;
  /** True when `cdf` is cheap enough to call at every point of a large sample. */
  readonly cheapCdf?: boolean;
  /**
   * The length over which the density changes near [x0, x1] (its scale, or
   * the distance to a bound where it may be singular): between two sorted
   * points closer than a quarter of it the CDF is integrated from the pdf.
   */
  length(x0: number, x1: number): number;
  /** O(1) approximations for bulk work when the exact functions cost O(n) a call. */
  readonly bulk?: Pick<Shape, "cdf" | "pdf" | "ppf" | "isf">;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_2PI = Math.log(SQRT_2PI);
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const phi = (z: number) => Math.exp(-0.5 * z * z) / SQRT_2PI;

/**
 * log Q(a) + a²/2 for a >= 0, Q the standard normal survival function: the
 * log of Q(a) e^{a²/2}, which varies slowly (≈ −log(a √(2π)) far out), so
 * tail quantities are differences of it without the cancellation of −a²/2
 * (asymptotic series past 30, error < 1e-12).
 */
function logQs(a: number): number {
  if (a < 30) return Math.log(normCdf(-a)) + 0.5 * a * a;
  const r = 1 / (a * a);
  return -Math.log(a) - LN_SQRT_2PI + Math.log1p(r * (-1 + r * (3 + r * (-15 + r * 105))));
}

/** The margin that widens a bound fitted at the data's extreme: range / (n - 1), the UMVU correction of a uniform's endpoints. */
export const boundMargin = (min: number, max: number, n: number) => (max - min) / Math.max(1, n - 1);

// ------------------------------------------------------------------ normal

export function normalShape(loc: number, scale: number): Shape {
  return {
    lower: -Infinity,
    upper: Infinity,
    cdf: (x) => normCdf((x - loc) / scale),
    pdf: (x) => phi((x - loc) / scale) / scale,
    ppf: (q) => loc + scale * normPpf(q),
    isf: (p) => loc - scale * normPpf(p),
    length: () => scale,
  };
}

// --------------------------------------------------------------- truncnorm

/** log(Q(a) − Q(b)) + a²/2 for 0 < a < b: the log mass of [a, b] in the upper-tail frame. */
function logZsUpper(a: number, b: number): number {
  const la = logQs(a);
  return la + Math.log(-Math.expm1(logQs(b) - la - 0.5 * (b - a) * (b + a)));
}

/** A standard normal truncated to [a, b], as functions of the standard score z. */
interface StdTrunc {
  /** log of the mass Φ(b) − Φ(a), plus a²/2 when a > 0 (the upper-tail frame's shift). */
  readonly logZs: number;
  cdf(z: number): number;
  sf(z: number): number;
  pdf(z: number): number;
  ppf(q: number): number;
  isf(p: number): number;
}

/**
 * The truncated standard normal, stable for any a < b: with 0 in [a, b] by
 * differences of Φ (each tail from its own side); with a > 0 in the
 * upper-tail frame, D(z) = log(Q(z)/Q(a)) = logQs(z) − logQs(a) −
 * (z − a)(z + a)/2, cdf = −expm1(D(z)) / (1 − e^{D(b)}), quantiles by Newton
 * on D within [a, b]; with b < 0 the mirror image of the upper frame.
 */
function stdTrunc(a: number, b: number): StdTrunc {
  if (b < 0) {
    const m = stdTrunc(-b, -a);
    return { logZs: m.logZs, cdf: (z) => m.sf(-z), sf: (z) => m.cdf(-z), pdf: (z) => m.pdf(-z), ppf: (q) => -m.isf(q), isf: (p) => -m.ppf(p) };
  }
  if (a > 0) {
    const la = logQs(a);
    const D = (z: number) => logQs(z) - la - 0.5 * (z - a) * (z + a);
    const Db = D(b);
    const den = -Math.expm1(Db);
    const eDb = Math.exp(Db);
    const logZs = logZsUpper(a, b);
    // z in [a, b] with D(z) = t (D decreasing; D'(z) = −φ(z)/Q(z) = −exp(−logQs(z) − log √(2π)))
    const solve = (t: number) => {
      let lo = a;
      let hi = b;
      let z = a + Math.min(b - a, Math.max(0, -t / Math.max(a, 1)));
      for (let it = 0; it < 100; it++) {
        const g = D(z) - t;
        if (g > 0) lo = z;
        else hi = z;
        let nz = z + g * Math.exp(logQs(z) + LN_SQRT_2PI);
        if (!(nz > lo && nz < hi)) nz = 0.5 * (lo + hi);
        if (Math.abs(nz - z) <= 1e-15 * Math.abs(z) || hi - lo <= 1e-15 * Math.abs(z)) return nz;
        z = nz;
      }
      return z;
    };
    return {
      logZs,
      cdf: (z) => (z <= a ? 0 : z >= b ? 1 : clamp01(-Math.expm1(D(z)) / den)),
      sf: (z) => (z <= a ? 1 : z >= b ? 0 : clamp01((Math.exp(D(z)) - eDb) / den)),
      pdf: (z) => (z < a || z > b ? 0 : Math.exp(-0.5 * (z - a) * (z + a) - LN_SQRT_2PI - logZs)),
      ppf: (q) => (q <= 0 ? a : q >= 1 ? b : solve(Math.log1p(-q * den))),
      isf: (p) => (p <= 0 ? b : p >= 1 ? a : solve(Math.log(eDb + p * den))),
    };
  }
  const Pa = normCdf(a);
  const Qb = normCdf(-b);
  const Z = 1 - Pa - Qb;
  const cdf = (z: number) => (z <= a ? 0 : z >= b ? 1 : clamp01(z <= 0 ? (normCdf(z) - Pa) / Z : 1 - (normCdf(-z) - Qb) / Z));
  const sf = (z: number) => (z <= a ? 1 : z >= b ? 0 : clamp01(z > 0 ? (normCdf(-z) - Qb) / Z : 1 - (normCdf(z) - Pa) / Z));
  const inside = (z: number) => (z < a ? a : z > b ? b : z);
  const ppf = (q: number) => (q <= 0 ? a : q >= 1 ? b : inside(Pa + q * Z < 0.5 ? normPpf(Pa + q * Z) : -normPpf(Qb + (1 - q) * Z)));
  return {
    logZs: Math.log(Z),
    cdf,
    sf,
    pdf: (z) => (z < a || z > b ? 0 : phi(z) / Z),
    ppf,
    isf: (p) => (p <= 0 ? b : p >= 1 ? a : inside(Qb + p * Z < 0.5 ? -normPpf(Qb + p * Z) : normPpf(Pa + (1 - p) * Z))),
  };
}

export function truncnormShape(loc: number, scale: number, low: number, high: number): Shape {
  const t = stdTrunc((low - loc) / scale, (high - loc) / scale);
  const at = (z: number) => Math.min(high, Math.max(low, loc + scale * z));
  return {
    lower: low,
    upper: high,
    cdf: (x) => t.cdf((x - loc) / scale),
    pdf: (x) => t.pdf((x - loc) / scale) / scale,
    ppf: (q) => at(t.ppf(q)),
    isf: (p) => at(t.isf(p)),
    length: () => scale,
  };
}

/** Truncation points (in standard units) the fit stays within: far enough that the likelihood no longer changes at 1e-9. */
const TRUNC_LIMIT = 1e5;

/**
 * Mean negative log-likelihood (without the log √(2π)) of a normal truncated
 * to [0, 1] with mean mu and sd exp(ls), from the data's mean m1 and mean
 * square m2 (its sufficient statistics). With the interval in the upper tail
 * (a = −mu/s > 0) the quadratic's mu²/2s² = a²/2 cancels the tail's −a²/2
 * analytically (the frame of stdTrunc); in the lower tail by the mirror
 * image t → 1 − t. Infinity outside the search box.
 */
function truncnormNll(mu: number, ls: number, m1: number, m2: number): number {
  const s = Math.exp(ls);
  let a = -mu / s;
  let b = (1 - mu) / s;
  if (!(ls > -14 && ls < 14 && a > -TRUNC_LIMIT && b < TRUNC_LIMIT)) return Infinity;
  if (b < 0) {
    [a, b, m1, m2] = [-b, -a, 1 - m1, 1 - 2 * m1 + m2];
  }
  if (a > 0) return ls + m2 / (2 * s * s) + (a * m1) / s + logZsUpper(a, b);
  return ls + (m2 - 2 * mu * m1 + mu * mu) / (2 * s * s) + Math.log(1 - normCdf(a) - normCdf(-b));
}

/** Nelder–Mead in 2-D on f from (x0, y0) with initial steps (dx, dy); returns the best vertex. */
function nelderMead2(f: (x: number, y: number) => number, x0: number, y0: number, dx: number, dy: number): [number, number] {
  const P = [
    [x0, y0, f(x0, y0)],
    [x0 + dx, y0, f(x0 + dx, y0)],
    [x0, y0 + dy, f(x0, y0 + dy)],
  ] as [number, number, number][];
  let mark = Infinity; // the best value 100 iterations ago: a search creeping to a bound at infinity stops when it no longer gains
  for (let it = 0; it < 2000; it++) {
    P.sort((u, v) => u[2] - v[2]);
    const [best, mid, worst] = P as [[number, number, number], [number, number, number], [number, number, number]];
    const size = Math.max(Math.abs(mid[0] - best[0]), Math.abs(worst[0] - best[0]), Math.abs(mid[1] - best[1]), Math.abs(worst[1] - best[1]));
    if (size < 1e-12 && worst[2] - best[2] <= 1e-15 * Math.abs(best[2])) break;
    if (it % 100 === 0) {
      if (mark - best[2] <= 1e-13 * (1 + Math.abs(best[2]))) break;
      mark = best[2];
    }
    const cx = 0.5 * (best[0] + mid[0]);
    const cy = 0.5 * (best[1] + mid[1]);
    const at = (t: number): [number, number, number] => {
      const x = cx + t * (worst[0] - cx);
      const y = cy + t * (worst[1] - cy);
      return [x, y, f(x, y)];
    };
    const r = at(-1);
    if (r[2] < best[2]) {
      const e = at(-2);
      P[2] = e[2] < r[2] ? e : r;
    } else if (r[2] < mid[2]) P[2] = r;
    else {
      const c = r[2] < worst[2] ? at(-0.5) : at(0.5);
      if (c[2] < Math.min(r[2], worst[2])) P[2] = c;
      else {
        for (const i of [1, 2] as const) {
          const x = 0.5 * (P[i]![0] + best[0]);
          const y = 0.5 * (P[i]![1] + best[1]);
          P[i] = [x, y, f(x, y)];
        }
      }
    }
  }
  P.sort((u, v) => u[2] - v[2]);
  return [P[0]![0], P[0]![1]];
}

/**
 * MLE of loc and scale of a normal truncated to [low, high] from the data's
 * mean and variance (its sufficient statistics, so each step is O(1)):
 * Nelder–Mead on the natural parameters in units of the range, from the
 * sample mean and sd, restarted once from its optimum. On exponential-like
 * data the MLE runs to loc → ∓∞, scale → ∞ (the truncated exponential is
 * its limit); the search stops where the likelihood no longer changes at
 * 1e-13, with the truncation points within 1e5 sd.
 */
export function fitTruncnorm(mean: number, variance: number, low: number, high: number): { loc: number; scale: number } {
  const w = high - low;
  const m1 = (mean - low) / w;
  const v = Math.max(variance / (w * w), 1e-12);
  const m2 = v + m1 * m1;
  // natural parameters e1 = mu/s², e2 = −1/(2s²): the likelihood is convex in them, and a fit running to
  // mu → −∞, s → ∞ (an exponential-like column) approaches the finite boundary e2 = 0
  const f = (e1: number, e2: number) => (e2 < 0 ? truncnormNll(-e1 / (2 * e2), -0.5 * Math.log(-2 * e2), m1, m2) : Infinity);
  let [e1, e2] = nelderMead2(f, m1 / v, -0.5 / v, 0.1 / Math.sqrt(v), 0.1 / v);
  [e1, e2] = nelderMead2(f, e1, e2, 0.01 * Math.max(Math.abs(e1), 1), 0.01 * Math.abs(e2));
  return { loc: low + (-e1 / (2 * e2)) * w, scale: w / Math.sqrt(-2 * e2) };
}

// -------------------------------------------------------------------- beta

export function betaShape(a: number, b: number, loc: number, scale: number): Shape {
  const lb = gammaln(a) + gammaln(b) - gammaln(a + b) + Math.log(scale);
  const sd = scale * Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  const hi = loc + scale;
  return {
    lower: loc,
    upper: hi,
    cdf: (x) => (x <= loc ? 0 : x >= hi ? 1 : betainc((x - loc) / scale, a, b)),
    pdf: (x) => {
      const y = (x - loc) / scale;
      return y < 0 || y > 1 ? 0 : Math.exp((a - 1) * Math.log(y) + (b - 1) * Math.log1p(-y) - lb);
    },
    ppf: (q) => (q <= 0 ? loc : q >= 1 ? hi : loc + scale * betaincinv(q, a, b)),
    isf: (p) => (p <= 0 ? hi : p >= 1 ? loc : loc + scale * betaincinv(p, a, b, true)),
    length: (x0, x1) => Math.min(x0 - loc, hi - x1, sd),
  };
}

/**
 * MLE of a beta's shapes on (0, 1) from L1 = mean log y, L2 = mean log(1 − y)
 * and the method-of-moments start (mean m, variance v): Newton on the
 * digamma equations ψ(a) − ψ(a+b) = L1, ψ(b) − ψ(a+b) = L2, halving a step
 * that would not lower the (convex) negative log-likelihood.
 */
export function fitBetaShapes(L1: number, L2: number, m: number, v: number): { a: number; b: number } {
  const c = (m * (1 - m)) / v - 1;
  let a = c > 0 && Number.isFinite(c) ? m * c : 1;
  let b = c > 0 && Number.isFinite(c) ? (1 - m) * c : 1;
  const nll = (p: number, q: number) => gammaln(p) + gammaln(q) - gammaln(p + q) - (p - 1) * L1 - (q - 1) * L2;
  let f = nll(a, b);
  for (let it = 0; it < 200; it++) {
    const ds = digamma(a + b);
    const g1 = digamma(a) - ds - L1;
    const g2 = digamma(b) - ds - L2;
    const ts = trigamma(a + b);
    const j11 = trigamma(a) - ts;
    const j22 = trigamma(b) - ts;
    const det = j11 * j22 - ts * ts;
    const da = (j22 * g1 + ts * g2) / det;
    const db = (ts * g1 + j11 * g2) / det;
    let t = 1;
    let na = a - da;
    let nb = b - db;
    let nf = nll(na, nb);
    while (!(na > 0 && nb > 0 && nf <= f) && t > 1e-10) {
      t *= 0.5;
      na = a - t * da;
      nb = b - t * db;
      nf = na > 0 && nb > 0 ? nll(na, nb) : Infinity;
    }
    if (!(nf <= f)) break;
    const done = Math.abs(na - a) <= 1e-13 * a && Math.abs(nb - b) <= 1e-13 * b;
    a = na;
    b = nb;
    f = nf;
    if (done) break;
  }
  return { a, b };
}

// ------------------------------------------------------------------- gamma

export function gammaShape(a: number, loc: number, scale: number): Shape {
  const lg = gammaln(a) + Math.log(scale);
  const sd = scale * Math.sqrt(a);
  return {
    lower: loc,
    upper: Infinity,
    cdf: (x) => (x <= loc ? 0 : gammainc((x - loc) / scale, a)),
    pdf: (x) => {
      const y = (x - loc) / scale;
      return y < 0 ? 0 : Math.exp((a - 1) * Math.log(y) - y - lg);
    },
    ppf: (q) => (q <= 0 ? loc : q >= 1 ? Infinity : loc + scale * gammaincinv(q, a)),
    isf: (p) => (p <= 0 ? Infinity : p >= 1 ? loc : loc + scale * gammaincinv(p, a, true)),
    length: (x0) => Math.min(x0 - loc, sd),
  };
}

/**
 * MLE of a gamma's shape with the location fixed, from s = log(mean y) −
 * mean(log y) > 0: Minka's closed-form start, then Newton on
 * log a − ψ(a) = s (scipy's `gamma.fit(floc=...)` solves the same equation).
 */
export function fitGammaShape(s: number): number {
  let a = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (let it = 0; it < 100; it++) {
    const g = Math.log(a) - digamma(a) - s;
    const d = 1 / a - trigamma(a);
    let na = a - g / d;
    if (!(na > 0)) na = a / 2;
    const done = Math.abs(na - a) <= 1e-14 * a;
    a = na;
    if (done) break;
  }
  return a;
}

// ----------------------------------------------------------------- uniform

export function uniformShape(low: number, high: number): Shape {
  const w = high - low;
  return {
    lower: low,
    upper: high,
    cdf: (x) => clamp01((x - low) / w),
    pdf: (x) => (x < low || x > high ? 0 : 1 / w),
    ppf: (q) => low + w * clamp01(q),
    isf: (p) => high - w * clamp01(p),
    cheapCdf: true,
    length: () => w,
  };
}

// ---------------------------------------------------------------- constant

export function constantShape(value: number): Shape {
  return {
    lower: value,
    upper: value,
    cdf: (x) => (x < value ? 0 : 1),
    pdf: (x) => (x === value ? Infinity : 0),
    ppf: () => value,
    isf: () => value,
    cheapCdf: true,
    length: () => 0,
  };
}

// ------------------------------------------------------------------ fitting

/** Moments of the values: one pass for min/max/mean, one for the centered variance. */
export function summary(x: Float64Array): { n: number; min: number; max: number; mean: number; variance: number } {
  const n = x.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = Math.min(max, Math.max(min, sum / n));
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) * (x[i]! - mean);
  return { n, min, max, mean, variance: ss / n };
}

export type Summary = ReturnType<typeof summary>;

/** The maximum-likelihood parameters of a parametric family (every value used). */
export function fitParams(family: Exclude<UnivariateFamily, "kde">, x: Float64Array, s: Summary): Record<string, number> {
  const { n, min, max, mean, variance } = s;
  switch (family) {
    case "normal":
      return { loc: mean, scale: Math.sqrt(variance) };
    case "truncnorm":
      return { low: min, high: max, ...fitTruncnorm(mean, variance, min, max) };
    case "uniform":
      return { low: min, high: max };
    case "beta": {
      const margin = boundMargin(min, max, n);
      const loc = min - margin;
      const scale = max - min + 2 * margin;
      let L1 = 0;
      let L2 = 0;
      for (let i = 0; i < n; i++) {
        const y = (x[i]! - loc) / scale;
        L1 += Math.log(y);
        L2 += Math.log1p(-y);
      }
      const m = (mean - loc) / scale;
      return { ...fitBetaShapes(L1 / n, L2 / n, m, variance / (scale * scale)), loc, scale };
    }
    case "gamma": {
      const loc = min - boundMargin(min, max, n);
      let L = 0;
      for (let i = 0; i < n; i++) L += Math.log(x[i]! - loc);
      const my = mean - loc;
      const a = fitGammaShape(Math.log(my) - L / n);
      return { a, loc, scale: my / a };
    }
    default: {
      const never: never = family;
      throw new Error(`fitParams: unknown family ${String(never)}`);
    }
  }
}
