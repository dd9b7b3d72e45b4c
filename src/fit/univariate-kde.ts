/**
 * The Gaussian KDE of {@link fitUnivariate} (scipy's `gaussian_kde`, Scott's
 * bandwidth) and the monotone cubic spline that tabulates CDFs for bulk work:
 * the KDE's grid here, the normal-score table of every
 * {@link UnivariateModel}. Internal to src/fit/univariate.ts.
 */
import { normCdf } from "../random/distributions.js";
import type { Shape } from "./univariate-families.js";

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const phi = (z: number) => Math.exp(-0.5 * z * z) / SQRT_2PI;

// --------------------------------------------------------- monotone spline

/**
 * A monotone cubic Hermite spline on a uniform grid x0 + k·dx (k = 0..m-1):
 * values y (non-decreasing) and slopes dy/dx, limited by Fritsch–Carlson
 * (each slope at most 3 times its neighbouring secants) so every cell is
 * monotone; the coefficients of each cell are stored interleaved for one
 * cache line a lookup. Outside the grid it clamps to the end values.
 */
export class MonotoneSpline {
  readonly coef: Float64Array;
  readonly y: Float64Array;
  readonly cells: number;
  constructor(
    readonly x0: number,
    readonly dx: number,
    y: Float64Array,
    slope: Float64Array,
  ) {
    const m = y.length;
    this.cells = m - 1;
    this.y = y;
    const sec = new Float64Array(m - 1);
    for (let k = 0; k < m - 1; k++) sec[k] = Math.max(0, (y[k + 1]! - y[k]!) / dx);
    const d = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const lo = k > 0 ? sec[k - 1]! : sec[0]!;
      const hi = k < m - 1 ? sec[k]! : sec[m - 2]!;
      const s = slope[k]!;
      // an exact slope slightly negative by rounding is 0; an infinite or NaN one is left to the limiter
      d[k] = Math.min(s < 0 ? 0 : s < Infinity ? s : Infinity, 3 * lo, 3 * hi);
    }
    const c = new Float64Array(4 * (m - 1));
    for (let k = 0; k < m - 1; k++) {
      const dy = y[k + 1]! - y[k]!;
      const d0 = d[k]! * dx;
      const d1 = d[k + 1]! * dx;
      c[4 * k] = y[k]!;
      c[4 * k + 1] = d0;
      c[4 * k + 2] = 3 * dy - 2 * d0 - d1;
      c[4 * k + 3] = -2 * dy + d0 + d1;
    }
    this.coef = c;
  }

  /** The spline at x (NaN for NaN). */
  at(x: number): number {
    const t = (x - this.x0) / this.dx;
    if (!(t > 0)) return t !== t ? NaN : this.y[0]!;
    if (t >= this.cells) return this.y[this.cells]!;
    const k = t | 0;
    const u = t - k;
    const c = this.coef;
    const i = 4 * k;
    const v = c[i]! + u * (c[i + 1]! + u * (c[i + 2]! + u * c[i + 3]!));
    const y1 = this.y[k + 1]!;
    return v > y1 ? y1 : v < c[i]! ? c[i]! : v;
  }

  /** The spline at every x (the hot loop of sampling: one cell lookup and a cubic a value). */
  map(x: Float64Array, out: Float64Array): Float64Array {
    const { coef: c, y, x0, cells } = this;
    const inv = 1 / this.dx;
    const yLo = y[0]!;
    const yHi = y[cells]!;
    for (let j = 0; j < x.length; j++) {
      const t = (x[j]! - x0) * inv;
      if (t > 0 && t < cells) {
        const k = t | 0;
        const u = t - k;
        const i = k << 2;
        const c0 = c[i]!;
        const v = c0 + u * (c[i + 1]! + u * (c[i + 2]! + u * c[i + 3]!));
        const y1 = y[k + 1]!;
        out[j] = v > y1 ? y1 : v < c0 ? c0 : v;
      } else out[j] = t !== t ? NaN : t <= 0 ? yLo : yHi;
    }
    return out;
  }

  /**
   * {@link inverse} of every value: the cell found through a guide table
   * (for 2 × cells buckets evenly splitting the value range, the nodes that
   * bracket the bucket; a short binary search between them), then Newton
   * from the linear guess (monotone cubic: three steps reach 1e-12 of a
   * cell); any step leaving the cell hands over to the safeguarded
   * {@link inverse}.
   */
  inverseMap(v: Float64Array, out: Float64Array): Float64Array {
    const { y, cells, coef: c, x0, dx } = this;
    const yLo = y[0]!;
    const yHi = y[cells]!;
    if (!(yHi > yLo)) {
      for (let j = 0; j < v.length; j++) out[j] = this.inverse(v[j]!);
      return out;
    }
    const G = 2 * cells;
    const gInv = G / (yHi - yLo);
    const guide = (this.guide ??= (() => {
      const g = new Int32Array(G + 2);
      for (let b = 0, k = 0; b < G + 2; b++) {
        const start = yLo + b / gInv;
        while (k < cells && y[k + 1]! <= start) k++;
        g[b] = k;
      }
      return g;
    })());
    const zHi = x0 + cells * dx;
    for (let j = 0; j < v.length; j++) {
      const t = v[j]!;
      if (!(t > yLo && t < yHi)) {
        out[j] = t !== t ? NaN : t <= yLo ? x0 : zHi;
        continue;
      }
      const bucket = ((t - yLo) * gInv) | 0;
      let lo = guide[bucket]!;
      let hi = Math.min(cells, guide[bucket + 1]! + 1); // y[lo] <= t < y[hi]
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (y[mid]! <= t) lo = mid;
        else hi = mid;
      }
      const i = lo << 2;
      const c0 = c[i]!;
      const c1 = c[i + 1]!;
      const c2 = c[i + 2]!;
      const c3 = c[i + 3]!;
      let u = (t - c0) / (y[lo + 1]! - c0);
      for (let it = 0; it < 3; it++) u -= (c0 + u * (c1 + u * (c2 + u * c3)) - t) / (c1 + u * (2 * c2 + 3 * u * c3));
      out[j] = u >= 0 && u <= 1 ? x0 + (lo + u) * dx : this.inverse(t);
    }
    return out;
  }

  private guide: Int32Array | undefined;

  /** The x where the spline reaches v: the first cell containing it, then Newton safeguarded by bisection. Clamped to the grid. */
  inverse(v: number): number {
    const { y, cells } = this;
    if (!(v > y[0]!)) return v !== v ? NaN : this.x0;
    if (v >= y[cells]!) return this.x0 + cells * this.dx;
    let lo = 0;
    let hi = cells; // y[lo] < v <= y[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (y[mid]! < v) lo = mid;
      else hi = mid;
    }
    const i = 4 * lo;
    const c = this.coef;
    const c0 = c[i]!;
    const c1 = c[i + 1]!;
    const c2 = c[i + 2]!;
    const c3 = c[i + 3]!;
    let a = 0;
    let b = 1;
    let u = (v - c0) / (y[lo + 1]! - c0);
    for (let it = 0; it < 60; it++) {
      const p = c0 + u * (c1 + u * (c2 + u * c3)) - v;
      if (p < 0) a = u;
      else b = u;
      const dp = c1 + u * (2 * c2 + 3 * u * c3);
      let nu = u - p / dp;
      if (!(nu > a && nu < b)) nu = 0.5 * (a + b);
      if (Math.abs(nu - u) <= 1e-15 || b - a <= 1e-15) {
        u = nu;
        break;
      }
      u = nu;
    }
    return this.x0 + (lo + u) * this.dx;
  }
}

// --------------------------------------------------------------------- kde

/** Kernel reach, in bandwidths: Φ(−8) ≈ 6e-16. */
const KDE_REACH = 8;
/** Grid nodes a bandwidth. */
const KDE_PER_H = 16;

/** The KDE tabulated by {@link kdeGrid}: its CDF as a monotone spline, its density and the density's slope at the nodes. */
export interface KdeGrid {
  readonly F: MonotoneSpline;
  readonly f: Float64Array;
  readonly df: Float64Array;
}

/** The density of a {@link KdeGrid} at x: cubic Hermite in the node densities and slopes. */
export function kdeGridPdf(g: KdeGrid, x: number): number {
  const { x0, dx, cells } = g.F;
  const t = (x - x0) / dx;
  if (!(t >= 0 && t < cells)) return t !== t ? NaN : 0;
  const k = t | 0;
  const u = t - k;
  const y0 = g.f[k]!;
  const y1 = g.f[k + 1]!;
  const d0 = g.df[k]! * dx;
  const d1 = g.df[k + 1]! * dx;
  const v = y0 + u * (d0 + u * (3 * (y1 - y0) - 2 * d0 - d1 + u * (2 * (y0 - y1) + d0 + d1)));
  return v > 0 ? v : 0;
}

/**
 * The Gaussian KDE's CDF, density and density slope tabulated on a grid of
 * spacing h/16 over [min − 8h, max + 8h]. Each point is binned to its nearest
 * node with its offset t (|t| <= 1/32 bandwidths) and the kernel expanded in
 * t to the fourth order, Φ(u − t) = Σ (−t)^m/m! Φ⁽ᵐ⁾(u): the per-node sums of
 * t^m convolve with fixed kernel vectors, so the grid costs O(occupied nodes
 * × 257) and is exact at the nodes to ~1e-10. Between nodes the CDF is a
 * monotone cubic Hermite spline in the node densities (error <= (1/16)⁴ ×
 * max|φ'''| / 384 ≈ 5.5e-8; the tests measure it against the exact sum).
 */
export function kdeGrid(points: Float64Array, h: number): KdeGrid {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const dx = h / KDE_PER_H;
  const L = KDE_REACH * KDE_PER_H;
  const x0 = min - L * dx;
  const m = Math.round((max - min) / dx) + 2 * L + 1;
  const S0 = new Float64Array(m);
  const S1 = new Float64Array(m);
  const S2 = new Float64Array(m);
  const S3 = new Float64Array(m);
  const S4 = new Float64Array(m);
  for (const p of points) {
    const j = Math.round((p - x0) / dx);
    const t = (p - (x0 + j * dx)) / h;
    const t2 = t * t;
    S0[j]! += 1;
    S1[j]! += t;
    S2[j]! += t2;
    S3[j]! += t2 * t;
    S4[j]! += t2 * t2;
  }
  // Φ and its derivatives Φ⁽¹⁾..Φ⁽⁶⁾ at u = d / 16, d = -L..L (Hermite polynomials times φ)
  const K = 2 * L + 1;
  const kv = Array.from({ length: 7 }, () => new Float64Array(K));
  for (let d = -L; d <= L; d++) {
    const u = d / KDE_PER_H;
    const ph = phi(u);
    const u2 = u * u;
    kv[0]![d + L] = normCdf(u);
    kv[1]![d + L] = ph;
    kv[2]![d + L] = -u * ph;
    kv[3]![d + L] = (u2 - 1) * ph;
    kv[4]![d + L] = (3 - u2) * u * ph;
    kv[5]![d + L] = (u2 * u2 - 6 * u2 + 3) * ph;
    kv[6]![d + L] = -(u2 * u2 - 10 * u2 + 15) * u * ph;
  }
  const [k0, k1, k2, k3, k4, k5, k6] = kv as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const F = new Float64Array(m);
  const f = new Float64Array(m);
  const df = new Float64Array(m);
  const below = new Float64Array(m + 1); // counts wholly below each node's window, as a difference array
  for (let j = 0; j < m; j++) {
    const c0 = S0[j]!;
    if (c0 === 0) continue;
    const c1 = -S1[j]!;
    const c2 = S2[j]! / 2;
    const c3 = -S3[j]! / 6;
    const c4 = S4[j]! / 24;
    const k = j - L;
    for (let d = 0; d < K; d++) {
      const a1 = k1[d]!;
      const a2 = k2[d]!;
      const a3 = k3[d]!;
      const a4 = k4[d]!;
      const a5 = k5[d]!;
      F[k + d]! += c0 * k0[d]! + c1 * a1 + c2 * a2 + c3 * a3 + c4 * a4;
      f[k + d]! += c0 * a1 + c1 * a2 + c2 * a3 + c3 * a4 + c4 * a5;
      df[k + d]! += c0 * a2 + c1 * a3 + c2 * a4 + c3 * a5 + c4 * k6[d]!;
    }
    if (j + L + 1 < m) below[j + L + 1]! += c0;
  }
  const n = points.length;
  let acc = 0;
  let prev = 0;
  for (let k = 0; k < m; k++) {
    acc += below[k]!;
    // clamped and made non-decreasing against rounding
    const v = Math.min(1, Math.max(prev, (F[k]! + acc) / n));
    F[k] = v;
    prev = v;
    f[k] = Math.max(0, f[k]! / (n * h));
    df[k] = df[k]! / (n * h * h);
  }
  return { F: new MonotoneSpline(x0, dx, F, f), f, df };
}

/**
 * scipy.stats.gaussian_kde with Scott's factor in one dimension: bandwidth
 * n^(-1/5) × the sample sd (ddof 1). The exact functions sum over every
 * point (O(n) a call; `ppf` polishes the grid's inverse with Newton steps on
 * them); `bulk` reads the grid of {@link kdeGrid}.
 */
export function kdeShape(points: Float64Array, h: number): Shape {
  const n = points.length;
  let grid: KdeGrid | undefined;
  const g = () => (grid ??= kdeGrid(points, h));
  const cdf = (x: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += normCdf((x - points[i]!) / h);
    return clamp01(s / n);
  };
  const sf = (x: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += normCdf((points[i]! - x) / h);
    return clamp01(s / n);
  };
  const pdf = (x: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += phi((x - points[i]!) / h);
    return s / (n * h);
  };
  // Newton on the exact tail function from the grid's estimate: three steps take it to rounding
  // (steps longer than a bandwidth mean a far tail the grid does not resolve: the grid's value stands)
  const polish = (x: number, target: number, fn: (x: number) => number, sign: 1 | -1) => {
    for (let it = 0; it < 3; it++) {
      const d = pdf(x);
      const step = (sign * (fn(x) - target)) / d;
      if (!(Math.abs(step) <= h)) break;
      x -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
    }
    return x;
  };
  const bulk = {
    cdf: (x: number) => g().F.at(x),
    pdf: (x: number) => kdeGridPdf(g(), x),
    ppf: (q: number) => (q <= 0 ? -Infinity : q >= 1 ? Infinity : g().F.inverse(q)),
    isf: (p: number) => (p <= 0 ? Infinity : p >= 1 ? -Infinity : g().F.inverse(1 - p)),
  };
  return {
    lower: -Infinity,
    upper: Infinity,
    cdf,
    pdf,
    ppf: (q) => (q <= 0 ? -Infinity : q >= 1 ? Infinity : polish(bulk.ppf(q), q, cdf, 1)),
    isf: (p) => (p <= 0 ? Infinity : p >= 1 ? -Infinity : polish(bulk.isf(p), p, sf, -1)),
    length: () => h,
    bulk,
  };
}

/** gaussian_kde's bandwidth: Scott's factor n^(-1/5) times the sd (ddof 1). */
export function scottBandwidth(points: Float64Array): number {
  const n = points.length;
  let mean = 0;
  for (const p of points) mean += p;
  mean /= n;
  let ss = 0;
  for (const p of points) ss += (p - mean) * (p - mean);
  return Math.sqrt(ss / Math.max(1, n - 1)) * Math.pow(n, -0.2);
}
