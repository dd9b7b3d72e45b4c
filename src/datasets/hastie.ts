/**
 * Hastie, Tibshirani and Friedman's binary problem, example 10.2 of The
 * Elements of Statistical Learning (scikit-learn's `make_hastie_10_2`).
 */
import type { Matrix } from "ml-matrix";
import { int, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeHastie10_2}. */
export interface Hastie10_2Options {
  /** The number of samples. @defaultValue 12000 */
  nSamples?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeHastie10_2} returns. */
export interface Hastie10_2Result extends DatasetResult {
  readonly X: Matrix;
  /** The class of each sample, -1 or 1 (Int32Array; scikit-learn returns floats). */
  readonly y: Int32Array;
}

/** The median of a chi-square with 10 degrees of freedom (to the 2 decimals ESL uses). */
const THRESHOLD = 9.34;

/**
 * Ten standard normal features; `y = 1` when `Σ x_j² > 9.34` (the median
 * of a chi-square with 10 degrees of freedom), else `-1`, so the classes are
 * about balanced.
 *
 * @param options - {@link Hastie10_2Options}: `nSamples` (12000), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × 10), `y` an Int32Array of -1/1.
 * @throws {ParamError} When `nSamples` is not an integer >= 1.
 * @example
 * const { X, y } = makeHastie10_2({ nSamples: 5, seed: 11 });
 * [X.columns, y.every((v) => v === 1 || v === -1)]; // => [10, true]
 */
export function makeHastie10_2(options?: Hastie10_2Options): Hastie10_2Result {
  const where = "makeHastie10_2";
  const { o, rng } = setup(where, { nSamples: 12000, seed: undefined } as Hastie10_2Options, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const X = rng.standardNormal(n * 10);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < 10; j++) s += X[i * 10 + j]! ** 2;
    y[i] = s > THRESHOLD ? 1 : -1;
  }
  return withDataFrame({ X: wrapRowMajor(X, n, 10), y, seed: rng.seed });
}
