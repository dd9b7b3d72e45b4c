/**
 * Isotropic Gaussian blobs for clustering (scikit-learn's `make_blobs`).
 */
import type { Matrix } from "ml-matrix";
import { ParamError, show } from "../core/errors.js";
import { bool, int, nonNegative, numberRows, numbers, rowDestinations, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeBlobs}. */
export interface BlobsOptions {
  /**
   * The number of points, split as evenly as possible among the centers
   * (the first `nSamples % nCenters` get one more), or an array with the
   * number of points of each center.
   * @defaultValue 100
   */
  nSamples?: number | readonly number[];
  /** The number of features (ignored when `centers` are given as points). @defaultValue 2 */
  nFeatures?: number;
  /**
   * The number of centers to draw uniformly in `centerBox`, or the centers
   * themselves (a Matrix or an array of rows). `null`: 3 centers, or one per
   * entry of `nSamples` when it is an array.
   * @defaultValue null
   */
  centers?: number | Matrix | readonly (readonly number[])[] | null;
  /** Standard deviation of every blob, or one per center. @defaultValue 1 */
  clusterStd?: number | readonly number[];
  /** The box `[low, high)` that random centers are drawn from, on every axis. @defaultValue [-10, 10] */
  centerBox?: readonly [number, number];
  /** Shuffle the points (else the blobs come one after another). @defaultValue true */
  shuffle?: boolean;
  /** Accepted for scikit-learn compatibility: the centers are always returned. @defaultValue false */
  returnCenters?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeBlobs} returns. */
export interface BlobsResult extends DatasetResult {
  readonly X: Matrix;
  /** The blob of each point (Int32Array, 0..nCenters-1). */
  readonly y: Int32Array;
  /** The centers (nCenters × nFeatures). */
  readonly centers: Matrix;
}

const DEFAULTS: BlobsOptions = {
  nSamples: 100,
  nFeatures: 2,
  centers: null,
  clusterStd: 1,
  centerBox: [-10, 10],
  shuffle: true,
  returnCenters: false,
  seed: undefined,
};

/**
 * Points drawn from isotropic Gaussian blobs: each center gets its share of
 * the points, drawn as `center + clusterStd · N(0, I)`.
 *
 * @param options - {@link BlobsOptions}: `nSamples` (100), `nFeatures` (2), `centers` (null: 3), `clusterStd` (1), `centerBox` ([-10, 10]), `shuffle` (true), `seed`.
 * @returns `{ X, y, centers, seed }`: `X` a Matrix (nSamples × nFeatures), `y` an Int32Array of blob labels, `centers` a Matrix.
 * @throws {ParamError} When counts are not integers >= 1, `clusterStd` < 0, `centerBox` is not `[low, high]` with low <= high, or array lengths disagree.
 * @throws {ParamTypeError} When `centers` is neither a number nor rows of numbers.
 * @example
 * const { X, y, centers } = makeBlobs({ nSamples: 7, centers: 3, seed: 11 });
 * [X.rows, X.columns, centers.rows]; // => [7, 2, 3]
 * [0, 1, 2].map((k) => y.filter((v) => v === k).length); // => [3, 2, 2]
 */
export function makeBlobs(options?: BlobsOptions): BlobsResult {
  const where = "makeBlobs";
  const { o, rng } = setup(where, DEFAULTS, options);
  const shuffle = bool(where, "shuffle", o.shuffle);
  bool(where, "returnCenters", o.returnCenters);
  const box = o.centerBox;
  if (!Array.isArray(box) || box.length !== 2) {
    throw new ParamError(where, "centerBox", box, `'centerBox' must be a pair [low, high], got ${show(box)}.`);
  }
  const [lo, hi] = numbers(where, "centerBox", box, 2) as unknown as [number, number];
  if (lo > hi) throw new ParamError(where, "centerBox", box, `'centerBox' must have low <= high, got [${lo}, ${hi}].`);

  let perCenter: number[] | null = null;
  if (typeof o.nSamples !== "number") {
    if (!Array.isArray(o.nSamples) || o.nSamples.length === 0) {
      throw new ParamError(where, "nSamples", o.nSamples, `'nSamples' must be an integer >= 1 or a non-empty array of counts, got ${show(o.nSamples)}.`);
    }
    perCenter = o.nSamples.map((v, i) => int(where, `nSamples[${i}]`, v, 0));
  }

  let centers: Float64Array;
  let k: number;
  let d: number;
  const c = o.centers;
  if (c === null || c === undefined || typeof c === "number") {
    if (perCenter && typeof c === "number") {
      throw new ParamError(where, "centers", c, `'centers' must be an array of points when 'nSamples' is an array, got ${show(c)}.`);
    }
    k = perCenter ? perCenter.length : c === null || c === undefined ? 3 : int(where, "centers", c, 1);
    d = int(where, "nFeatures", o.nFeatures, 1);
    centers = rng.uniform(lo, hi, k * d);
  } else {
    const rows = numberRows(where, "centers", c);
    centers = rows.data;
    k = rows.rows;
    d = rows.cols;
    if (k < 1 || d < 1) throw new ParamError(where, "centers", c, `'centers' must hold at least one point of at least one coordinate.`);
    if (perCenter && perCenter.length !== k) {
      throw new ParamError(where, "nSamples", o.nSamples, `'nSamples' has ${perCenter.length} entries but there are ${k} centers; give one count per center.`);
    }
  }
  if (!perCenter) {
    const n = int(where, "nSamples", o.nSamples, 1);
    perCenter = Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
  }

  let stds: Float64Array;
  if (typeof o.clusterStd === "number") {
    stds = new Float64Array(k).fill(nonNegative(where, "clusterStd", o.clusterStd));
  } else {
    const a = o.clusterStd as readonly number[];
    if (!Array.isArray(a) || a.length !== k) {
      throw new ParamError(where, "clusterStd", o.clusterStd, `'clusterStd' must be a number or have one entry per center (${k}), got ${show(o.clusterStd)}.`);
    }
    stds = numbers(where, "clusterStd", a, k);
    stds.forEach((s, i) => nonNegative(where, `clusterStd[${i}]`, s));
  }

  const n = perCenter.reduce((a, b) => a + b, 0);
  // points in blob order, in place over the normals; with shuffling, point i
  // becomes row dest[i] of X through the Matrix's row views (no data moves)
  const buf = rng.standardNormal(n * d);
  const dest = rowDestinations(rng, n, shuffle);
  const y = new Int32Array(n);
  let i = 0;
  for (let c2 = 0; c2 < k; c2++) {
    const s = stds[c2]!;
    const off = c2 * d;
    for (let m = perCenter[c2]!; m > 0; m--, i++) {
      const p = i * d;
      for (let j = 0; j < d; j++) buf[p + j] = centers[off + j]! + s * buf[p + j]!;
      y[dest ? dest[i]! : i] = c2;
    }
  }
  return withDataFrame({ X: wrapRowMajor(buf, n, d, dest), y, centers: wrapRowMajor(centers, k, d), seed: rng.seed });
}
