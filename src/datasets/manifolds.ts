/**
 * Two-dimensional manifolds rolled into 3-D, for manifold learning
 * (scikit-learn's `make_s_curve` and `make_swiss_roll`).
 */
import type { Matrix } from "ml-matrix";
import { bool, int, nonNegative, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeSCurve} and {@link makeSwissRoll}. */
export interface ManifoldOptions {
  /** The number of points. @defaultValue 100 */
  nSamples?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. @defaultValue 0 */
  noise?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** Options of {@link makeSwissRoll}. */
export interface SwissRollOptions extends ManifoldOptions {
  /** Cut a rectangular hole out of the middle of the roll. @defaultValue false */
  hole?: boolean;
}

/** A 3-D manifold: the points and their position `t` along the main dimension. */
export interface ManifoldResult extends DatasetResult {
  /** The points (nSamples × 3). */
  readonly X: Matrix;
  /** The univariate position of each point along the manifold's main dimension (Float64Array). */
  readonly y: Float64Array;
}

function addNoise(rng: { standardNormal(n: number): Float64Array }, buf: Float64Array, noise: number): void {
  if (noise === 0) return;
  const z = rng.standardNormal(buf.length);
  for (let i = 0; i < buf.length; i++) buf[i] += noise * z[i]!;
}

/**
 * An S-shaped surface: `t` uniform on [-3π/2, 3π/2), points
 * `(sin t, 2u, sign(t) (cos t - 1))` with u uniform on [0, 1).
 *
 * @param options - {@link ManifoldOptions}: `nSamples` (100), `noise` (0), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × 3), `y` = t (Float64Array).
 * @throws {ParamError} When `nSamples` < 1 or `noise` < 0.
 * @example
 * const { X, y } = makeSCurve({ nSamples: 4, seed: 11 });
 * Math.abs(X.get(0, 0) - Math.sin(y[0])) < 1e-15; // => true
 */
export function makeSCurve(options?: ManifoldOptions): ManifoldResult {
  const where = "makeSCurve";
  const { o, rng } = setup(where, { nSamples: 100, noise: 0, seed: undefined } as ManifoldOptions, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const noise = nonNegative(where, "noise", o.noise);
  const u = rng.random(n);
  const v = rng.random(n);
  const t = new Float64Array(n);
  const buf = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const ti = 3 * Math.PI * (u[i]! - 0.5);
    t[i] = ti;
    buf[3 * i] = Math.sin(ti);
    buf[3 * i + 1] = 2 * v[i]!;
    buf[3 * i + 2] = Math.sign(ti) * (Math.cos(ti) - 1);
  }
  addNoise(rng, buf, noise);
  return withDataFrame({ X: wrapRowMajor(buf, n, 3), y: t, seed: rng.seed });
}

/**
 * A Swiss roll: `t` uniform on [3π/2, 9π/2), height h uniform on [0, 21),
 * points `(t cos t, h, t sin t)`. With `hole`, (t, h) is drawn uniformly
 * from the eight outer cells of a 3 × 3 grid over [3π/2, 9π/2) × [0, 21),
 * leaving the middle cell empty.
 *
 * @param options - {@link SwissRollOptions}: `nSamples` (100), `noise` (0), `hole` (false), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × 3), `y` = t (Float64Array).
 * @throws {ParamError} When `nSamples` < 1 or `noise` < 0.
 * @example
 * const { X, y } = makeSwissRoll({ nSamples: 4, seed: 11 });
 * Math.abs(X.get(1, 2) - y[1] * Math.sin(y[1])) < 1e-12; // => true
 */
export function makeSwissRoll(options?: SwissRollOptions): ManifoldResult {
  const where = "makeSwissRoll";
  const { o, rng } = setup(where, { nSamples: 100, noise: 0, hole: false, seed: undefined } as SwissRollOptions, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const noise = nonNegative(where, "noise", o.noise);
  const hole = bool(where, "hole", o.hole);
  const t = new Float64Array(n);
  const h = new Float64Array(n);
  if (!hole) {
    const u = rng.random(n);
    const v = rng.random(n);
    for (let i = 0; i < n; i++) {
      t[i] = 1.5 * Math.PI * (1 + 2 * u[i]!);
      h[i] = 21 * v[i]!;
    }
  } else {
    // the 3 × 3 grid of cells (π wide, 7 high) without the middle one
    const cells: [number, number][] = [];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) if (a !== 1 || b !== 1) cells.push([Math.PI * (1.5 + a), 7 * b]);
    const pick = rng.choice(8, n);
    const u = rng.random(2 * n);
    for (let i = 0; i < n; i++) {
      const [t0, h0] = cells[pick[i]!]!;
      t[i] = t0 + Math.PI * u[i]!;
      h[i] = h0 + 7 * u[n + i]!;
    }
  }
  const buf = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    buf[3 * i] = t[i]! * Math.cos(t[i]!);
    buf[3 * i + 1] = h[i]!;
    buf[3 * i + 2] = t[i]! * Math.sin(t[i]!);
  }
  addNoise(rng, buf, noise);
  return withDataFrame({ X: wrapRowMajor(buf, n, 3), y: t, seed: rng.seed });
}
