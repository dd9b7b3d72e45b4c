/**
 * Friedman's three non-linear regression problems (scikit-learn's
 * `make_friedman1`, `make_friedman2`, `make_friedman3`; Friedman 1991,
 * Breiman 1996): uniform inputs, a closed-form target, optional Gaussian noise.
 */
import type { Matrix } from "ml-matrix";
import { int, nonNegative, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** A regression set: `X` and the real-valued target `y`. */
export interface RegressionTargetResult extends DatasetResult {
  readonly X: Matrix;
  /** The targets (Float64Array, one per sample). */
  readonly y: Float64Array;
}

/** Options of {@link makeFriedman1}. */
export interface Friedman1Options {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features (>= 5); only the first five enter the target. @defaultValue 10 */
  nFeatures?: number;
  /** Standard deviation of the Gaussian noise added to the target. @defaultValue 0 */
  noise?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** Options of {@link makeFriedman2} and {@link makeFriedman3}. */
export interface Friedman23Options {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** Standard deviation of the Gaussian noise added to the target. @defaultValue 0 */
  noise?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

function addNoise(rngNoise: () => Float64Array, y: Float64Array, noise: number): void {
  if (noise === 0) return;
  const z = rngNoise();
  for (let i = 0; i < y.length; i++) y[i] += noise * z[i]!;
}

/**
 * Friedman #1: features uniform on [0, 1), target
 * `y = 10 sin(π x0 x1) + 20 (x2 - 0.5)² + 10 x3 + 5 x4 + noise · N(0, 1)`;
 * the other features are independent of y.
 *
 * @param options - {@link Friedman1Options}: `nSamples` (100), `nFeatures` (10), `noise` (0), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × nFeatures), `y` a Float64Array.
 * @throws {ParamError} When `nFeatures` < 5, `nSamples` < 1 or `noise` < 0.
 * @example
 * const { X, y } = makeFriedman1({ nSamples: 3, seed: 11 });
 * const x = X.getRow(0);
 * Math.abs(y[0] - (10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) ** 2 + 10 * x[3] + 5 * x[4])) < 1e-12; // => true
 */
export function makeFriedman1(options?: Friedman1Options): RegressionTargetResult {
  const where = "makeFriedman1";
  const { o, rng } = setup(where, { nSamples: 100, nFeatures: 10, noise: 0, seed: undefined } as Friedman1Options, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 5);
  const noise = nonNegative(where, "noise", o.noise);
  const buf = rng.random(n * d);
  const y = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++, r += d) {
    const x2 = buf[r + 2]! - 0.5;
    y[i] = 10 * Math.sin(Math.PI * buf[r]! * buf[r + 1]!) + 20 * x2 * x2 + 10 * buf[r + 3]! + 5 * buf[r + 4]!;
  }
  addNoise(() => rng.standardNormal(n), y, noise);
  return withDataFrame({ X: wrapRowMajor(buf, n, d), y, seed: rng.seed });
}

/** Four features on Friedman's ranges: x0 ∈ [0, 100), x1 ∈ [40π, 560π), x2 ∈ [0, 1), x3 ∈ [1, 11). */
function friedmanInputs(rng: { random(n: number): Float64Array }, n: number): Float64Array {
  const buf = rng.random(4 * n);
  for (let r = 0; r < 4 * n; r += 4) {
    buf[r] *= 100;
    buf[r + 1] = buf[r + 1]! * 520 * Math.PI + 40 * Math.PI;
    buf[r + 3] = buf[r + 3]! * 10 + 1;
  }
  return buf;
}

/**
 * Friedman #2: four features on x0 ∈ [0, 100), x1 ∈ [40π, 560π),
 * x2 ∈ [0, 1), x3 ∈ [1, 11), target
 * `y = sqrt(x0² + (x1 x2 - 1 / (x1 x3))²) + noise · N(0, 1)`.
 *
 * @param options - {@link Friedman23Options}: `nSamples` (100), `noise` (0), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × 4), `y` a Float64Array.
 * @throws {ParamError} When `nSamples` < 1 or `noise` < 0.
 * @example
 * const { X, y } = makeFriedman2({ nSamples: 2, seed: 11 });
 * const [a, b, c, d] = X.getRow(1);
 * Math.abs(y[1] - Math.sqrt(a ** 2 + (b * c - 1 / (b * d)) ** 2)) < 1e-9; // => true
 */
export function makeFriedman2(options?: Friedman23Options): RegressionTargetResult {
  const where = "makeFriedman2";
  const { o, rng } = setup(where, { nSamples: 100, noise: 0, seed: undefined } as Friedman23Options, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const noise = nonNegative(where, "noise", o.noise);
  const buf = friedmanInputs(rng, n);
  const y = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++, r += 4) {
    const x1 = buf[r + 1]!;
    const t = x1 * buf[r + 2]! - 1 / (x1 * buf[r + 3]!);
    y[i] = Math.sqrt(buf[r]! * buf[r]! + t * t);
  }
  addNoise(() => rng.standardNormal(n), y, noise);
  return withDataFrame({ X: wrapRowMajor(buf, n, 4), y, seed: rng.seed });
}

/**
 * Friedman #3: the inputs of {@link makeFriedman2}, target
 * `y = atan((x1 x2 - 1 / (x1 x3)) / x0) + noise · N(0, 1)`.
 *
 * @param options - {@link Friedman23Options}: `nSamples` (100), `noise` (0), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × 4), `y` a Float64Array.
 * @throws {ParamError} When `nSamples` < 1 or `noise` < 0.
 * @example
 * const { X, y } = makeFriedman3({ nSamples: 2, seed: 11 });
 * const [a, b, c, d] = X.getRow(0);
 * Math.abs(y[0] - Math.atan((b * c - 1 / (b * d)) / a)) < 1e-12; // => true
 */
export function makeFriedman3(options?: Friedman23Options): RegressionTargetResult {
  const where = "makeFriedman3";
  const { o, rng } = setup(where, { nSamples: 100, noise: 0, seed: undefined } as Friedman23Options, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const noise = nonNegative(where, "noise", o.noise);
  const buf = friedmanInputs(rng, n);
  const y = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++, r += 4) {
    const x1 = buf[r + 1]!;
    y[i] = Math.atan((x1 * buf[r + 2]! - 1 / (x1 * buf[r + 3]!)) / buf[r]!);
  }
  addNoise(() => rng.standardNormal(n), y, noise);
  return withDataFrame({ X: wrapRowMajor(buf, n, 4), y, seed: rng.seed });
}
