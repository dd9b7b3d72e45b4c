/**
 * Discrete samplers, ported from numpy's `distributions.c` and
 * `random_hypergeometric.c` so that, on the same bit generator, they draw the
 * same numbers: Poisson (multiplication for λ < 10, Hörmann's PTRS above),
 * binomial (inversion for n·min(p, 1-p) <= 30, Kachitvichyanukul &
 * Schmeiser's BTPE above), negative binomial (Poisson–gamma mixture),
 * geometric, logarithmic series, Zipf and hypergeometric (sequential draws
 * for small samples, Stadlober's HRUA ratio-of-uniforms otherwise).
 */
import { standardExponential } from "./exponential.js";
import { standardGamma } from "./gamma.js";
import { randomInterval } from "./integers.js";
import { LOG_FACTORIAL_TABLE } from "./logfactorial-table.js";
import type { WordStream } from "./stream.js";

const HALF_LN_2PI = 0.9189385332046728;

/** log(k!) as numpy's `logfactorial`: a table below 126, Stirling's series above. */
export function logFactorial(k: number): number {
  if (k < 126) return LOG_FACTORIAL_TABLE[k]!;
  return (k + 0.5) * Math.log(k) - k + (HALF_LN_2PI + (1 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];

/** log Γ(x) for x > 0 by Zhang & Jin's series (numpy's `random_loggam`, used by PTRS). */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let n = 0;
  if (x <= 7) {
    n = Math.trunc(7 - x);
    x0 = x + n;
  }
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM_A[9]!;
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM_A[k]!;
  let gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  if (x <= 7) {
    for (let k = 1; k <= n; k++) {
      gl -= Math.log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

function poissonMult(st: WordStream, lam: number): number {
  const enlam = Math.exp(-lam);
  let x = 0;
  let prod = 1;
  for (;;) {
    prod *= st.double();
    if (prod > enlam) x += 1;
    else return x;
  }
}

function poissonPtrs(st: WordStream, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logInvalpha = Math.log(invalpha);
  for (;;) {
    const u = st.double() - 0.5;
    const v = st.double();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvalpha - Math.log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** One Poisson(λ) draw (numpy's `random_poisson`). */
export function poisson(st: WordStream, lam: number): number {
  if (lam >= 10) return poissonPtrs(st, lam);
  if (lam === 0) return 0;
  return poissonMult(st, lam);
}

/** Fills `out` with Poisson(λ) draws, the per-λ constants computed once (same draws as repeated {@link poisson}). */
export function fillPoisson(st: WordStream, out: Float64Array, lam: number): void {
  const n = out.length;
  if (lam >= 10) {
    for (let i = 0; i < n; i++) out[i] = poissonPtrs(st, lam);
  } else if (lam === 0) {
    out.fill(0);
  } else {
    const enlam = Math.exp(-lam);
    if (st.bulk(out, 0, n, (k, m) => k.poissonMult(m, enlam))) return; // WebAssembly: same draws
    for (let i = 0; i < n; i++) {
      let x = 0;
      let prod = st.double();
      while (prod > enlam) {
        x += 1;
        prod *= st.double();
      }
      out[i] = x;
    }
  }
}

/** Precomputed constants of one binomial (n, p) for repeated draws (numpy's `binomial_t`). */
export class BinomialSampler {
  private readonly flip: boolean;
  private readonly useBtpe: boolean;
  private readonly pp: number;
  private readonly p0: number;
  // inversion
  private q = 0;
  private qn = 0;
  private bound = 0;
  // BTPE
  private r = 0;
  private fm = 0;
  private m = 0;
  private p1 = 0;
  private xm = 0;
  private xl = 0;
  private xr = 0;
  private c = 0;
  private laml = 0;
  private lamr = 0;
  private p2 = 0;
  private p3 = 0;
  private p4 = 0;

  constructor(
    private readonly n: number,
    p: number,
  ) {
    this.p0 = p;
    this.flip = p > 0.5;
    const pp = this.flip ? 1 - p : p;
    this.pp = pp;
    this.useBtpe = pp * n > 30;
    if (!this.useBtpe) {
      const q = 1 - pp;
      this.q = q;
      this.qn = Math.exp(n * Math.log(q));
      const np = n * pp;
      this.bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
    } else {
      const r = Math.min(pp, 1 - pp);
      const q = 1 - r;
      this.r = r;
      this.q = q;
      this.fm = n * r + r;
      this.m = Math.floor(this.fm);
      this.p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
      this.xm = this.m + 0.5;
      this.xl = this.xm - this.p1;
      this.xr = this.xm + this.p1;
      this.c = 0.134 + 20.5 / (15.3 + this.m);
      let a = (this.fm - this.xl) / (this.fm - this.xl * r);
      this.laml = a * (1 + a / 2);
      a = (this.xr - this.fm) / (this.xr * q);
      this.lamr = a * (1 + a / 2);
      this.p2 = this.p1 * (1 + 2 * this.c);
      this.p3 = this.p2 + this.c / this.laml;
      this.p4 = this.p3 + this.c / this.lamr;
    }
  }

  /** Fills `out` with draws (same draws as repeated {@link draw}). */
  fill(st: WordStream, out: Float64Array): void {
    const n = this.n;
    if (n !== 0 && this.p0 !== 0 && !this.useBtpe) {
      const { pp, q, qn, bound, flip } = this;
      if (st.bulk(out, 0, out.length, (k, m) => k.binomialInversion(m, n, pp, q, qn, bound, flip ? 1 : 0))) return;
    }
    for (let i = 0; i < out.length; i++) out[i] = this.draw(st);
  }

  /** One draw (numpy's `random_binomial`). */
  draw(st: WordStream): number {
    const n = this.n;
    if (n === 0 || this.p0 === 0) return 0;
    const y = this.useBtpe ? this.btpe(st) : this.inversion(st);
    return this.flip ? n - y : y;
  }

  private inversion(st: WordStream): number {
    const { n, pp: p, q, qn, bound } = this;
    let x = 0;
    let px = qn;
    let u = st.double();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = st.double();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  private btpe(st: WordStream): number {
    const { n, r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = this;
    const nrq = n * r * q;
    for (;;) {
      const u = st.double() * p4;
      let v = st.double();
      let y: number;
      if (u <= p1) {
        y = Math.floor(xm - p1 * v + u);
        return y;
      }
      if (u <= p2) {
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }
      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2 - 1)) {
        const s = r / q;
        const a = s * (n + 1);
        let f = 1;
        if (m < y) {
          for (let i = m + 1; i <= y; i++) f *= a / i - s;
        } else if (m > y) {
          for (let i = y + 1; i <= m; i++) f /= a / i - s;
        }
        if (v > f) continue;
        return y;
      }
      const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const A = Math.log(v);
      if (A < t - rho) return y;
      if (A > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const x2 = x1 * x1;
      const f2 = f1 * f1;
      const z2 = z * z;
      const w2 = w * w;
      const bound =
        xm * Math.log(f1 / x1) +
        (n - m + 0.5) * Math.log(z / w) +
        (y - m) * Math.log((w * r) / (x1 * q)) +
        (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
        (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
        (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
        (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320;
      if (A > bound) continue;
      return y;
    }
  }
}

/** One negative binomial (n, p) draw: Poisson(Gamma(n, (1 - p) / p)). */
export function negativeBinomial(st: WordStream, n: number, p: number): number {
  return poisson(st, standardGamma(st, n) * ((1 - p) / p));
}

/** One geometric(p) draw on {1, 2, ...}: sequential search for p >= 1/3, inversion below. */
export function geometric(st: WordStream, p: number): number {
  if (p >= 0.333333333333333333333333) {
    let x = 1;
    let sum = p;
    let prod = p;
    const q = 1 - p;
    const u = st.double();
    while (u > sum) {
      prod *= q;
      sum += prod;
      x++;
    }
    return x;
  }
  return Math.ceil(-standardExponential(st) / Math.log1p(-p));
}

/** One logarithmic-series(p) draw (Kemp's algorithm, numpy's `random_logseries`). */
export function logseries(st: WordStream, p: number): number {
  const r = Math.log(1 - p);
  for (;;) {
    const v = st.double();
    if (v >= p) return 1;
    const u = st.double();
    const q = 1 - Math.exp(r * u);
    if (v <= q * q) {
      const result = Math.floor(1 + Math.log(v) / Math.log(q));
      if (result < 1 || v === 0) continue;
      return result;
    }
    if (v >= q) return 1;
    return 2;
  }
}

const INT64_MAX = 9223372036854775807;

/** One Zipf(a) draw, a > 1 (rejection, numpy's `random_zipf`). */
export function zipf(st: WordStream, a: number): number {
  const am1 = a - 1;
  const b = Math.pow(2, am1);
  for (;;) {
    const u = 1 - st.double();
    const v = st.double();
    const x = Math.floor(Math.pow(u, -1 / am1));
    if (x > INT64_MAX || x < 1) continue;
    const t = Math.pow(1 + 1 / x, am1);
    if ((v * x * (t - 1)) / (b - 1) <= t / b) return x;
  }
}

function hypergeometricSample(st: WordStream, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const half = Math.floor(total / 2);
  let computed = sample > half ? total - sample : sample;
  let remTotal = total;
  let remGood = good;
  while (computed > 0 && remGood > 0 && remTotal > remGood) {
    --remTotal;
    if (randomInterval(st, remTotal) < remGood) --remGood;
    --computed;
  }
  if (remTotal === remGood) remGood -= computed;
  return sample > half ? remGood : good - remGood;
}

const D1 = 1.7155277699214135; // 2 sqrt(2/e)
const D2 = 0.8989161620588988; // 3 - 2 sqrt(3/e)

function hypergeometricHrua(st: WordStream, good: number, bad: number, sample: number): number {
  const popsize = good + bad;
  const computed = Math.min(sample, popsize - sample);
  const minGB = Math.min(good, bad);
  const maxGB = Math.max(good, bad);
  const p = minGB / popsize;
  const q = maxGB / popsize;
  const mu = computed * p;
  const a = mu + 0.5;
  const variance = ((popsize - computed) * computed * p * q) / (popsize - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const m = Math.floor(((computed + 1) * (minGB + 1)) / (popsize + 2));
  const g = logFactorial(m) + logFactorial(minGB - m) + logFactorial(computed - m) + logFactorial(maxGB - computed + m);
  const b = Math.min(Math.min(computed, minGB) + 1, Math.floor(a + 16 * c));
  let k: number;
  for (;;) {
    const u = st.double();
    const v = st.double();
    const x = a + (h * (v - 0.5)) / u;
    if (x < 0 || x >= b) continue;
    k = Math.floor(x);
    const gp = logFactorial(k) + logFactorial(minGB - k) + logFactorial(computed - k) + logFactorial(maxGB - computed + k);
    const t = g - gp;
    if (u * (4 - u) - 3 <= t) break;
    if (u * (u - t) >= 1) continue;
    if (2 * Math.log(u) <= t) break;
  }
  if (good > bad) k = computed - k;
  if (computed < sample) k = good - k;
  return k;
}

/** One hypergeometric draw: good items among `sample` drawn without replacement from good + bad. */
export function hypergeometric(st: WordStream, good: number, bad: number, sample: number): number {
  if (sample >= 10 && sample <= good + bad - 10) return hypergeometricHrua(st, good, bad, sample);
  return hypergeometricSample(st, good, bad, sample);
}
