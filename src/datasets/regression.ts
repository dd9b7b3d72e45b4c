/**
 * Linear regression problems (scikit-learn's `make_regression` and
 * `make_sparse_uncorrelated`): Gaussian (or low-rank) inputs, a sparse
 * ground-truth coefficient vector, Gaussian noise on the target.
 */
import type { Matrix } from "ml-matrix";
import { checkFinite, checkInRange } from "../core/validate.js";
import type { RegressionTargetResult } from "./friedman.js";
import { lowRankBuffer } from "./matrices.js";
import { bool, int, nonNegative, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeRegression}. */
export interface RegressionOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features. @defaultValue 100 */
  nFeatures?: number;
  /** The number of features with a non-zero coefficient (capped at nFeatures). @defaultValue 10 */
  nInformative?: number;
  /** The number of targets (columns of y). @defaultValue 1 */
  nTargets?: number;
  /** The intercept added to every target. @defaultValue 0 */
  bias?: number;
  /**
   * `null`: independent standard normal features. A number: features from
   * {@link makeLowRankMatrix} with this effective rank (correlated, fat tail).
   * @defaultValue null
   */
  effectiveRank?: number | null;
  /** With `effectiveRank`, the weight of the singular values' tail, in [0, 1]. @defaultValue 0.5 */
  tailStrength?: number;
  /** Standard deviation of the Gaussian noise added to the targets. @defaultValue 0 */
  noise?: number;
  /** Shuffle the samples and the features (else the informative features come first). @defaultValue true */
  shuffle?: boolean;
  /** Accepted for scikit-learn compatibility: `coef` is always returned. @defaultValue false */
  coef?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeRegression} returns; `Y` and `C` are `Float64Array` for one target, `Matrix` for several. */
export interface RegressionResult<Y extends Float64Array | Matrix = Float64Array | Matrix, C extends Float64Array | Matrix = Float64Array | Matrix> extends DatasetResult {
  readonly X: Matrix;
  /** The targets: a Float64Array (one target) or a Matrix nSamples × nTargets. */
  readonly y: Y;
  /** The ground-truth coefficients: a Float64Array (nFeatures) or a Matrix nFeatures × nTargets; `y = X · coef + bias + noise`. */
  readonly coef: C;
}

const DEFAULTS: RegressionOptions = {
  nSamples: 100,
  nFeatures: 100,
  nInformative: 10,
  nTargets: 1,
  bias: 0,
  effectiveRank: null,
  tailStrength: 0.5,
  noise: 0,
  shuffle: true,
  coef: false,
  seed: undefined,
};

/**
 * A random linear regression problem: `y = X · coef + bias + noise · N(0, 1)`
 * where only `nInformative` coefficients are non-zero (uniform in [0, 100)).
 * With shuffling, the informative features sit at random columns.
 *
 * With independent features (no `effectiveRank`) the rows and columns of X
 * are exchangeable, so the shuffle is done by placing the informative
 * coefficients at a random permutation of the columns: the same distribution
 * as scikit-learn's permute-after-drawing, without moving the data.
 *
 * @param options - {@link RegressionOptions}: `nSamples` (100), `nFeatures` (100), `nInformative` (10), `nTargets` (1), `bias` (0), `effectiveRank` (null), `tailStrength` (0.5), `noise` (0), `shuffle` (true), `seed`.
 * @returns `{ X, y, coef, seed }`: `X` a Matrix (nSamples × nFeatures); `y` a Float64Array (or a Matrix for nTargets > 1); `coef` likewise.
 * @throws {ParamError} When sizes are not integers (>= 1; nInformative >= 0), `noise` < 0 or `tailStrength` outside [0, 1].
 * @example
 * const { X, y, coef } = makeRegression({ nSamples: 4, nFeatures: 3, nInformative: 2, bias: 1, seed: 11 });
 * Array.from(coef).filter((c) => c !== 0).length; // => 2
 * Math.abs(y[0] - (X.get(0, 0) * coef[0] + X.get(0, 1) * coef[1] + X.get(0, 2) * coef[2] + 1)) < 1e-9; // => true
 */
export function makeRegression(options?: RegressionOptions & { nTargets?: 1 }): RegressionResult<Float64Array, Float64Array>;
export function makeRegression(options?: RegressionOptions): RegressionResult;
export function makeRegression(options?: RegressionOptions): RegressionResult {
  const where = "makeRegression";
  const { o, rng } = setup(where, DEFAULTS, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const nInf = Math.min(d, int(where, "nInformative", o.nInformative, 0));
  const t = int(where, "nTargets", o.nTargets, 1);
  const bias = checkFinite(where, "bias", o.bias);
  const rank = o.effectiveRank === null ? null : int(where, "effectiveRank", o.effectiveRank, 1);
  const tail = checkInRange(where, "tailStrength", o.tailStrength, 0, 1);
  const noise = nonNegative(where, "noise", o.noise);
  const shuffle = bool(where, "shuffle", o.shuffle);
  bool(where, "coef", o.coef);

  let X: Float64Array;
  const coef = new Float64Array(d * t); // row-major nFeatures × nTargets
  const gt = rng.random(nInf * t);
  if (rank === null) {
    X = rng.standardNormal(n * d);
    const cols = shuffle ? rng.permutation(d) : null;
    for (let j = 0; j < nInf; j++) {
      const col = cols ? cols[j]! : j;
      for (let k = 0; k < t; k++) coef[col * t + k] = 100 * gt[j * t + k]!;
    }
  } else {
    const Xo = lowRankBuffer(rng, n, d, rank, tail);
    for (let i = 0; i < nInf * t; i++) coef[i] = 100 * gt[i]!;
    if (shuffle) {
      // physical shuffle: the rows of a low-rank matrix are not drawn independently
      const rows = rng.permutation(n);
      const cols = rng.permutation(d);
      X = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        const src = rows[i]! * d;
        for (let j = 0; j < d; j++) X[i * d + j] = Xo[src + cols[j]!]!;
      }
      const c2 = coef.slice();
      for (let j = 0; j < d; j++) for (let k = 0; k < t; k++) coef[j * t + k] = c2[cols[j]! * t + k]!;
    } else X = Xo;
  }

  // y = X · coef + bias over the informative columns only
  const nz: number[] = [];
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < t; k++) {
      if (coef[j * t + k] !== 0) {
        nz.push(j);
        break;
      }
    }
  }
  const y = new Float64Array(n * t);
  if (t === 1) {
    const idx = Int32Array.from(nz);
    const w = Float64Array.from(nz, (j) => coef[j]!);
    const m = idx.length;
    for (let i = 0, r = 0; i < n; i++, r += d) {
      let acc = bias;
      for (let q = 0; q < m; q++) acc += X[r + idx[q]!]! * w[q]!;
      y[i] = acc;
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < t; k++) {
        let acc = bias;
        for (const j of nz) acc += X[i * d + j]! * coef[j * t + k]!;
        y[i * t + k] = acc;
      }
    }
  }
  if (noise > 0) {
    const z = rng.normal(0, noise, n * t);
    for (let i = 0; i < n * t; i++) y[i] += z[i]!;
  }
  const Xm = wrapRowMajor(X, n, d);
  if (t === 1) return withDataFrame({ X: Xm, y, coef, seed: rng.seed });
  return withDataFrame({ X: Xm, y: wrapRowMajor(y, n, t), coef: wrapRowMajor(coef, d, t), seed: rng.seed });
}

/** Options of {@link makeSparseUncorrelated}. */
export interface SparseUncorrelatedOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features (>= 4); only the first four enter the target. @defaultValue 10 */
  nFeatures?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/**
 * A sparse, uncorrelated design (Celeux et al. 2009; scikit-learn's
 * `make_sparse_uncorrelated`): standard normal features and
 * `y ~ N(x0 + 2 x1 - 2 x2 - 1.5 x3, 1)`; the remaining features are noise.
 *
 * @param options - {@link SparseUncorrelatedOptions}: `nSamples` (100), `nFeatures` (10), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × nFeatures), `y` a Float64Array.
 * @throws {ParamError} When `nSamples` < 1 or `nFeatures` < 4.
 * @example
 * const { X, y } = makeSparseUncorrelated({ nSamples: 5, seed: 11 });
 * [X.rows, X.columns, y.length]; // => [5, 10, 5]
 */
export function makeSparseUncorrelated(options?: SparseUncorrelatedOptions): RegressionTargetResult {
  const where = "makeSparseUncorrelated";
  const { o, rng } = setup(where, { nSamples: 100, nFeatures: 10, seed: undefined } as SparseUncorrelatedOptions, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 4);
  const X = rng.standardNormal(n * d);
  const z = rng.standardNormal(n);
  const y = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++, r += d) y[i] = X[r]! + 2 * X[r + 1]! - 2 * X[r + 2]! - 1.5 * X[r + 3]! + z[i]!;
  return withDataFrame({ X: wrapRowMajor(X, n, d), y, seed: rng.seed });
}

