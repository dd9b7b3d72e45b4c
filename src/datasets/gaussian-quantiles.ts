/**
 * Classes as nested shells of a Gaussian (scikit-learn's `make_gaussian_quantiles`).
 */
import type { Matrix } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import { bool, int, nonNegative, numbers, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeGaussianQuantiles}. */
export interface GaussianQuantilesOptions {
  /** The mean of the Gaussian (nFeatures entries); `null` for the origin. @defaultValue null */
  mean?: readonly number[] | Float64Array | null;
  /** The covariance is `cov` times the identity (>= 0). @defaultValue 1 */
  cov?: number;
  /** The number of samples (>= nClasses). @defaultValue 100 */
  nSamples?: number;
  /** The number of features. @defaultValue 2 */
  nFeatures?: number;
  /** The number of classes. @defaultValue 3 */
  nClasses?: number;
  /** Shuffle the samples (else sorted by distance from the mean). @defaultValue true */
  shuffle?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeGaussianQuantiles} returns. */
export interface GaussianQuantilesResult extends DatasetResult {
  readonly X: Matrix;
  /** The shell of each sample (Int32Array, 0 innermost .. nClasses-1). */
  readonly y: Int32Array;
}

/**
 * Samples of an isotropic Gaussian labelled by quantiles of their distance
 * from the mean: the `floor(nSamples / nClasses)` closest get class 0, the
 * next as many class 1, ..., and the last class also takes the remainder.
 *
 * @param options - {@link GaussianQuantilesOptions}: `mean` (null), `cov` (1), `nSamples` (100), `nFeatures` (2), `nClasses` (3), `shuffle` (true), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × nFeatures), `y` an Int32Array of shell labels.
 * @throws {ParamError} When `nSamples` < nClasses, counts are not integers >= 1, `cov` < 0, or `mean` has the wrong length.
 * @example
 * const { y } = makeGaussianQuantiles({ nSamples: 10, nClasses: 3, seed: 11 });
 * [0, 1, 2].map((k) => y.filter((v) => v === k).length); // => [3, 3, 4]
 */
export function makeGaussianQuantiles(options?: GaussianQuantilesOptions): GaussianQuantilesResult {
  const where = "makeGaussianQuantiles";
  const defaults: GaussianQuantilesOptions = { mean: null, cov: 1, nSamples: 100, nFeatures: 2, nClasses: 3, shuffle: true, seed: undefined };
  const { o, rng } = setup(where, defaults, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const nClasses = int(where, "nClasses", o.nClasses, 1);
  const cov = nonNegative(where, "cov", o.cov);
  const shuffle = bool(where, "shuffle", o.shuffle);
  if (n < nClasses) throw new ParamError(where, "nSamples", n, `'nSamples' (${n}) must be >= nClasses (${nClasses}).`);
  const mean = o.mean === null ? new Float64Array(d) : numbers(where, "mean", o.mean, d);
  const sd = Math.sqrt(cov);
  const z = rng.standardNormal(n * d);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = sd * z[i * d + j]!;
      s += v * v;
    }
    dist[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[a]! - dist[b]! || a - b);
  const step = Math.floor(n / nClasses);
  const dest = shuffle ? rng.permutation(n) : null;
  const buf = new Float64Array(n * d);
  const y = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) {
    const src = order[rank]! * d;
    const to = dest ? dest[rank]! : rank;
    for (let j = 0; j < d; j++) buf[to * d + j] = mean[j]! + sd * z[src + j]!;
    y[to] = Math.min(Math.floor(rank / step), nClasses - 1);
  }
  return withDataFrame({ X: wrapRowMajor(buf, n, d), y, seed: rng.seed });
}
