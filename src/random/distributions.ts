/**
 * Reference distribution functions (pdf or pmf, cdf, ppf) for every family
 * the {@link Rng} samples, in numpy's parameterization. Special functions
 * come from @stdlib (regularized incomplete gamma and beta, their inverses,
 * erfc and its inverse, log-gamma; ported from Boost and Cephes); the
 * noncentral families are Poisson mixtures of those, the von Mises CDF a
 * tabulated integral, and quantiles without a closed form are found by
 * bracketing and bisection on the CDF (continuous) or a search (discrete).
 */
import betainc from "@stdlib/math-base-special-betainc";
import betaincinv from "@stdlib/math-base-special-betaincinv";
import erfc from "@stdlib/math-base-special-erfc";
import erfcinv from "@stdlib/math-base-special-erfcinv";
import gammainc from "@stdlib/math-base-special-gammainc";
import gammaincinv from "@stdlib/math-base-special-gammaincinv";
import gammaln from "@stdlib/math-base-special-gammaln";
import { logFactorial } from "./discrete.js";

/** Functions of one parameterized family. */
export interface Dist {
  cdf(x: number): number;
  /** Density (continuous families). */
  pdf?(x: number): number;
  /** Probability mass (discrete families; 0 off the integers). */
  pmf?(k: number): number;
  ppf(q: number): number;
}

const SQRT2 = Math.SQRT2;
const LN_2PI_HALF = 0.5 * Math.log(2 * Math.PI);
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

export const normCdf = (z: number): number => 0.5 * erfc(-z / SQRT2);
export const normPpf = (q: number): number => (q <= 0 ? -Infinity : q >= 1 ? Infinity : -SQRT2 * erfcinv(2 * q));
const normPdf = (z: number): number => Math.exp(-0.5 * z * z - LN_2PI_HALF);

/** Inverts a continuous CDF by bracketing then bisection. */
export function invertCdf(cdf: (x: number) => number, q: number, lo = -1, hi = 1, min = -Infinity, max = Infinity): number {
  if (q <= 0) return min;
  if (q >= 1) return max;
  lo = Math.max(lo, min);
  hi = Math.min(hi, max);
  for (let i = 0; i < 2000 && cdf(lo) > q; i++) lo = lo > min ? (Number.isFinite(min) ? min + (lo - min) / 2 : lo - 2 * Math.max(1, Math.abs(lo))) : lo;
  for (let i = 0; i < 2000 && cdf(hi) < q; i++) hi = Number.isFinite(max) ? max - (max - hi) / 2 : hi + 2 * Math.max(1, Math.abs(hi));
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The smallest integer k >= start with cdf(k) >= q. */
export function discretePpf(cdf: (k: number) => number, q: number, start: number, max = Infinity): number {
  if (q <= 0) return start - 1 < start ? start : start;
  if (q >= 1) return max;
  let step = 1;
  let lo = start - 1;
  let hi = start;
  while (cdf(hi) < q) {
    lo = hi;
    hi = Math.min(max, hi + step);
    step *= 2;
    if (hi >= max) break;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ------------------------------------------------------------- continuous

export function uniform(low: number, high: number): Dist {
  const w = high - low;
  return {
    pdf: (x) => (x >= low && x < high ? 1 / w : 0),
    cdf: (x) => clamp01((x - low) / w),
    ppf: (q) => low + w * clamp01(q),
  };
}

export function normal(loc: number, scale: number): Dist {
  return {
    pdf: (x) => normPdf((x - loc) / scale) / scale,
    cdf: (x) => normCdf((x - loc) / scale),
    ppf: (q) => loc + scale * normPpf(q),
  };
}

export function lognormal(mean: number, sigma: number): Dist {
  return {
    pdf: (x) => (x > 0 ? normPdf((Math.log(x) - mean) / sigma) / (sigma * x) : 0),
    cdf: (x) => (x > 0 ? normCdf((Math.log(x) - mean) / sigma) : 0),
    ppf: (q) => Math.exp(mean + sigma * normPpf(q)),
  };
}

export function gamma(shape: number, scale: number): Dist {
  const lg = gammaln(shape);
  return {
    pdf: (x) => (x < 0 ? 0 : x === 0 ? (shape === 1 ? 1 / scale : shape < 1 ? Infinity : 0) : Math.exp((shape - 1) * Math.log(x / scale) - x / scale - lg) / scale),
    cdf: (x) => (x <= 0 ? 0 : gammainc(x / scale, shape)),
    ppf: (q) => (q <= 0 ? 0 : q >= 1 ? Infinity : scale * gammaincinv(q, shape)),
  };
}

export const exponential = (scale: number): Dist => gamma(1, scale);
export const chisquare = (df: number): Dist => gamma(df / 2, 2);

export function beta(a: number, b: number): Dist {
  const lb = gammaln(a) + gammaln(b) - gammaln(a + b);
  return {
    pdf: (x) => (x < 0 || x > 1 ? 0 : Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb)),
    cdf: (x) => (x <= 0 ? 0 : x >= 1 ? 1 : betainc(x, a, b)),
    ppf: (q) => (q <= 0 ? 0 : q >= 1 ? 1 : betaincinv(q, a, b)),
  };
}

export function f(dfnum: number, dfden: number): Dist {
  const a = dfnum / 2;
  const b = dfden / 2;
  const lb = gammaln(a) + gammaln(b) - gammaln(a + b);
  return {
    pdf: (x) => (x <= 0 ? 0 : Math.exp(a * Math.log(dfnum / dfden) + (a - 1) * Math.log(x) - (a + b) * Math.log1p((dfnum * x) / dfden) - lb)),
    cdf: (x) => (x <= 0 ? 0 : betainc((dfnum * x) / (dfnum * x + dfden), a, b)),
    ppf: (q) => {
      if (q <= 0) return 0;
      if (q >= 1) return Infinity;
      const y = betaincinv(q, a, b);
      return (dfden * y) / (dfnum * (1 - y));
    },
  };
}

export function standardT(df: number): Dist {
  const lc = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
  const cdf = (x: number) => {
    const tail = 0.5 * betainc(df / (df + x * x), df / 2, 0.5);
    return x < 0 ? tail : 1 - tail;
  };
  return {
    pdf: (x) => Math.exp(lc - ((df + 1) / 2) * Math.log1p((x * x) / df)),
    cdf,
    ppf: (q) => {
      if (q <= 0) return -Infinity;
      if (q >= 1) return Infinity;
      const p = q < 0.5 ? q : 1 - q;
      const y = betaincinv(2 * p, df / 2, 0.5); // df / (df + x^2)
      const x = Math.sqrt((df * (1 - y)) / y);
      return q < 0.5 ? -x : x;
    },
  };
}

export function cauchy(): Dist {
  return {
    pdf: (x) => 1 / (Math.PI * (1 + x * x)),
    cdf: (x) => 0.5 + Math.atan(x) / Math.PI,
    ppf: (q) => Math.tan(Math.PI * (q - 0.5)),
  };
}

export function laplace(loc: number, scale: number): Dist {
  return {
    pdf: (x) => Math.exp(-Math.abs(x - loc) / scale) / (2 * scale),
    cdf: (x) => (x < loc ? 0.5 * Math.exp((x - loc) / scale) : 1 - 0.5 * Math.exp(-(x - loc) / scale)),
    ppf: (q) => (q < 0.5 ? loc + scale * Math.log(2 * q) : loc - scale * Math.log(2 - 2 * q)),
  };
}

export function logistic(loc: number, scale: number): Dist {
  return {
    pdf: (x) => {
      const e = Math.exp(-Math.abs(x - loc) / scale);
      return e / (scale * (1 + e) * (1 + e));
    },
    cdf: (x) => 1 / (1 + Math.exp(-(x - loc) / scale)),
    ppf: (q) => loc + scale * Math.log(q / (1 - q)),
  };
}

export function gumbel(loc: number, scale: number): Dist {
  return {
    pdf: (x) => {
      const z = (x - loc) / scale;
      return Math.exp(-z - Math.exp(-z)) / scale;
    },
    cdf: (x) => Math.exp(-Math.exp(-(x - loc) / scale)),
    ppf: (q) => loc - scale * Math.log(-Math.log(q)),
  };
}

export function weibull(a: number): Dist {
  return {
    pdf: (x) => (x < 0 ? 0 : a * Math.pow(x, a - 1) * Math.exp(-Math.pow(x, a))),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-Math.pow(x, a))),
    ppf: (q) => Math.pow(-Math.log1p(-q), 1 / a),
  };
}

/** numpy's `pareto`: Lomax (Pareto II) on [0, ∞). */
export function pareto(a: number): Dist {
  return {
    pdf: (x) => (x < 0 ? 0 : a / Math.pow(1 + x, a + 1)),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-a * Math.log1p(x))),
    ppf: (q) => Math.expm1(-Math.log1p(-q) / a),
  };
}

export function power(a: number): Dist {
  return {
    pdf: (x) => (x < 0 || x > 1 ? 0 : a * Math.pow(x, a - 1)),
    cdf: (x) => (x <= 0 ? 0 : x >= 1 ? 1 : Math.pow(x, a)),
    ppf: (q) => Math.pow(clamp01(q), 1 / a),
  };
}

export function rayleigh(scale: number): Dist {
  const s2 = scale * scale;
  return {
    pdf: (x) => (x < 0 ? 0 : (x / s2) * Math.exp((-x * x) / (2 * s2))),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1((-x * x) / (2 * s2))),
    ppf: (q) => scale * Math.sqrt(-2 * Math.log1p(-q)),
  };
}

/** Wald (inverse Gaussian) with mean μ and shape λ = scale. */
export function wald(mean: number, scale: number): Dist {
  const cdf = (x: number) => {
    if (x <= 0) return 0;
    const r = Math.sqrt(scale / x);
    const a = normCdf(r * (x / mean - 1));
    const zb = -r * (x / mean + 1);
    // exp(2λ/μ) Φ(zb) in log space (Φ(zb) = erfc(-zb/√2)/2 underflows gently)
    const b = Math.exp((2 * scale) / mean + Math.log(0.5 * erfc(-zb / SQRT2)));
    return clamp01(a + b);
  };
  return {
    pdf: (x) => (x <= 0 ? 0 : Math.sqrt(scale / (2 * Math.PI * x * x * x)) * Math.exp((-scale * (x - mean) * (x - mean)) / (2 * mean * mean * x))),
    cdf,
    ppf: (q) => invertCdf(cdf, q, 0, 2 * mean, 0, Infinity),
  };
}

export function triangular(left: number, mode: number, right: number): Dist {
  const w = right - left;
  return {
    pdf: (x) => (x < left || x > right ? 0 : x < mode ? (2 * (x - left)) / (w * (mode - left)) : x === mode ? 2 / w : (2 * (right - x)) / (w * (right - mode))),
    cdf: (x) => (x <= left ? 0 : x >= right ? 1 : x <= mode ? ((x - left) * (x - left)) / (w * (mode - left)) : 1 - ((right - x) * (right - x)) / (w * (right - mode))),
    ppf: (q) => {
      const r = (mode - left) / w;
      return q <= r ? left + Math.sqrt(q * w * (mode - left)) : right - Math.sqrt((1 - q) * w * (right - mode));
    },
  };
}

/** von Mises on [-π, π]: the CDF is the density integrated on a fine grid (Simpson) and interpolated. */
export function vonmises(mu: number, kappa: number): Dist {
  const n = 1 << 14;
  const h = (2 * Math.PI) / n;
  // density up to a constant, scaled by exp(-kappa) against overflow
  const dens = (x: number) => Math.exp(kappa * (Math.cos(x - mu) - 1));
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const a = -Math.PI + i * h;
    cum[i + 1] = cum[i]! + (h / 6) * (dens(a) + 4 * dens(a + h / 2) + dens(a + h));
  }
  const total = cum[n]!;
  const cdf = (x: number) => {
    if (x <= -Math.PI) return 0;
    if (x >= Math.PI) return 1;
    const t = (x + Math.PI) / h;
    const i = Math.min(n - 1, Math.floor(t));
    const a = -Math.PI + i * h;
    const dx = x - a;
    // Simpson on the partial cell [a, x]
    const part = (dx / 6) * (dens(a) + 4 * dens(a + dx / 2) + dens(x));
    return clamp01((cum[i]! + part) / total);
  };
  return {
    pdf: (x) => (x < -Math.PI || x > Math.PI ? 0 : dens(x) / total),
    cdf,
    ppf: (q) => invertCdf(cdf, q, -Math.PI, Math.PI, -Math.PI, Math.PI),
  };
}

/** Poisson(λ/2) weights around the mode, for the noncentral mixtures: [j0, weights]. */
function poissonWeights(lam: number): [number, Float64Array] {
  if (lam === 0) return [0, Float64Array.of(1)];
  const sd = Math.sqrt(lam);
  const j0 = Math.max(0, Math.floor(lam - 12 * sd - 5));
  const j1 = Math.ceil(lam + 12 * sd + 10);
  const w = new Float64Array(j1 - j0 + 1);
  for (let j = j0; j <= j1; j++) w[j - j0] = Math.exp(j * Math.log(lam) - lam - gammaln(j + 1));
  return [j0, w];
}

export function noncentralChisquare(df: number, nonc: number): Dist {
  const [j0, w] = poissonWeights(nonc / 2);
  const cdf = (x: number) => {
    if (x <= 0) return 0;
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i]! * gammainc(x / 2, df / 2 + j0 + i);
    return clamp01(s);
  };
  return {
    pdf: (x) => {
      if (x <= 0) return 0;
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const k = df / 2 + j0 + i;
        s += w[i]! * Math.exp((k - 1) * Math.log(x / 2) - x / 2 - gammaln(k)) / 2;
      }
      return s;
    },
    cdf,
    ppf: (q) => invertCdf(cdf, q, 0, df + nonc, 0, Infinity),
  };
}

export function noncentralF(dfnum: number, dfden: number, nonc: number): Dist {
  const [j0, w] = poissonWeights(nonc / 2);
  const a = dfnum / 2;
  const b = dfden / 2;
  const cdf = (x: number) => {
    if (x <= 0) return 0;
    const y = (dfnum * x) / (dfnum * x + dfden);
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i]! * betainc(y, a + j0 + i, b);
    return clamp01(s);
  };
  return {
    pdf: (x) => {
      if (x <= 0) return 0;
      const y = (dfnum * x) / (dfnum * x + dfden);
      const dy = (dfnum * dfden) / ((dfnum * x + dfden) * (dfnum * x + dfden));
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const ai = a + j0 + i;
        s += w[i]! * Math.exp((ai - 1) * Math.log(y) + (b - 1) * Math.log1p(-y) - (gammaln(ai) + gammaln(b) - gammaln(ai + b)));
      }
      return s * dy;
    },
    cdf,
    ppf: (q) => invertCdf(cdf, q, 0, 2, 0, Infinity),
  };
}

// --------------------------------------------------------------- discrete

const isInt = (k: number) => Number.isInteger(k);

function discrete(pmf: (k: number) => number, cdfInt: (k: number) => number, start: number, max = Infinity): Dist {
  const cdf = (x: number) => (x < start ? 0 : x >= max ? 1 : cdfInt(Math.floor(x)));
  return {
    pmf: (k) => (isInt(k) && k >= start && k <= max ? pmf(k) : 0),
    cdf,
    ppf: (q) => discretePpf(cdf, q, start, max),
  };
}

/** A CDF by summing the pmf from `start`, cached (for families without a closed form). */
function summedCdf(pmf: (k: number) => number, start: number): (k: number) => number {
  const cache: number[] = [];
  return (k: number) => {
    const i = k - start;
    if (i < 0) return 0;
    while (cache.length <= i) {
      const j = cache.length;
      cache.push((j ? cache[j - 1]! : 0) + pmf(start + j));
      if (cache[j]! >= 1) break;
    }
    return Math.min(1, cache[Math.min(i, cache.length - 1)]!);
  };
}

export function integersUniform(low: number, high: number): Dist {
  const n = high - low;
  return discrete(() => 1 / n, (k) => (k - low + 1) / n, low, high - 1);
}

export function poisson(lam: number): Dist {
  if (lam === 0) return discrete((k) => (k === 0 ? 1 : 0), () => 1, 0);
  const ll = Math.log(lam);
  return discrete((k) => Math.exp(k * ll - lam - gammaln(k + 1)), (k) => gammainc(lam, k + 1, true, true), 0);
}

export function binomial(n: number, p: number): Dist {
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const pmf = (k: number) => (p === 0 ? (k === 0 ? 1 : 0) : p === 1 ? (k === n ? 1 : 0) : Math.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * lp + (n - k) * lq));
  return discrete(pmf, (k) => (k >= n ? 1 : p === 0 ? 1 : p === 1 ? 0 : betainc(1 - p, n - k, k + 1)), 0, n);
}

export function negativeBinomial(n: number, p: number): Dist {
  const pmf = (k: number) => (p === 1 ? (k === 0 ? 1 : 0) : Math.exp(gammaln(n + k) - gammaln(n) - gammaln(k + 1) + n * Math.log(p) + k * Math.log1p(-p)));
  return discrete(pmf, (k) => (p === 1 ? 1 : betainc(p, n, k + 1)), 0);
}

export function geometric(p: number): Dist {
  return discrete((k) => Math.exp((k - 1) * Math.log1p(-p)) * p, (k) => (p === 1 ? 1 : -Math.expm1(k * Math.log1p(-p))), 1);
}

export function hypergeometric(ngood: number, nbad: number, nsample: number): Dist {
  const total = ngood + nbad;
  const lo = Math.max(0, nsample - nbad);
  const hi = Math.min(nsample, ngood);
  const lc = logFactorial(nsample) + logFactorial(total - nsample) - logFactorial(total);
  const pmf = (k: number) =>
    k < lo || k > hi ? 0 : Math.exp(lc + logFactorial(ngood) - logFactorial(k) - logFactorial(ngood - k) + logFactorial(nbad) - logFactorial(nsample - k) - logFactorial(nbad - nsample + k));
  return discrete(pmf, summedCdf(pmf, lo), lo, hi);
}

export function logseries(p: number): Dist {
  if (p === 0) return discrete((k) => (k === 1 ? 1 : 0), () => 1, 1);
  const c = -1 / Math.log1p(-p);
  const lp = Math.log(p);
  const pmf = (k: number) => (c * Math.exp(k * lp)) / k;
  return discrete(pmf, summedCdf(pmf, 1), 1);
}

/** Riemann zeta ζ(a), a > 1: direct sum plus the Euler–Maclaurin tail. */
export function zeta(a: number): number {
  const N = 30;
  let s = 0;
  for (let k = 1; k < N; k++) s += Math.pow(k, -a);
  const nA = Math.pow(N, -a);
  s += (N * nA) / (a - 1) + 0.5 * nA;
  // Bernoulli terms B2/2!, B4/4!, B6/6!
  let term = (a * nA) / N;
  s += term / 12;
  term *= ((a + 1) * (a + 2)) / (N * N);
  s -= term / 720;
  term *= ((a + 3) * (a + 4)) / (N * N);
  s += term / 30240;
  return s;
}

export function zipf(a: number): Dist {
  const z = zeta(a);
  const pmf = (k: number) => Math.pow(k, -a) / z;
  return discrete(pmf, summedCdf(pmf, 1), 1);
}
