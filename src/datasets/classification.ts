/**
 * Guyon's n-class classification problem (the "Madelon" design; scikit-learn's
 * `make_classification`): Gaussian clusters on the vertices of a hypercube
 * in the informative subspace, with redundant, repeated and useless features.
 */
import type { Matrix } from "ml-matrix";
import { ParamError, show } from "../core/errors.js";
import { checkFinite, checkInRange, checkPositive } from "../core/validate.js";
import type { Rng } from "../random/rng.js";
import { bool, int, numbers, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeClassification}. */
export interface ClassificationOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The total number of features: informative, redundant, repeated, and the rest useless noise. @defaultValue 20 */
  nFeatures?: number;
  /** The number of informative features (the dimension of the hypercube). @defaultValue 2 */
  nInformative?: number;
  /** The number of redundant features: random linear combinations of the informative ones. @defaultValue 2 */
  nRedundant?: number;
  /** The number of repeated features: copies of informative or redundant ones. @defaultValue 0 */
  nRepeated?: number;
  /** The number of classes. @defaultValue 2 */
  nClasses?: number;
  /** The number of Gaussian clusters per class. @defaultValue 2 */
  nClustersPerClass?: number;
  /**
   * The proportion of samples of each class (nClasses entries, or
   * nClasses - 1 with the last inferred as 1 - sum); `null` for balanced
   * classes. Before label flipping, class k gets exactly
   * floor(nSamples · weights[k] / nClustersPerClass) samples per cluster, the
   * remainder going round-robin to the clusters.
   * @defaultValue null
   */
  weights?: readonly number[] | Float64Array | null;
  /** The fraction of samples whose label is replaced by a uniformly random class, in [0, 1]. @defaultValue 0.01 */
  flipY?: number;
  /** Half the side of the hypercube (> 0): larger values separate the classes more. @defaultValue 1 */
  classSep?: number;
  /** Put the clusters on the hypercube's vertices (else on a random polytope: vertices scaled by uniform factors). @defaultValue true */
  hypercube?: boolean;
  /** Added to every feature (one number, one per feature, or `null` for uniform in [-classSep, classSep] per feature). @defaultValue 0 */
  shift?: number | readonly number[] | Float64Array | null;
  /** Multiplies every feature after the shift (a number > 0, one per feature, or `null` for uniform in [1, 101) per feature). @defaultValue 1 */
  scale?: number | readonly number[] | Float64Array | null;
  /** Shuffle the samples and the features (else informative, redundant, repeated, useless, in that order). @defaultValue true */
  shuffle?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeClassification} returns. */
export interface ClassificationResult extends DatasetResult {
  readonly X: Matrix;
  /** The class of each sample (Int32Array, 0..nClasses-1). */
  readonly y: Int32Array;
}

const DEFAULTS: ClassificationOptions = {
  nSamples: 100,
  nFeatures: 20,
  nInformative: 2,
  nRedundant: 2,
  nRepeated: 0,
  nClasses: 2,
  nClustersPerClass: 2,
  weights: null,
  flipY: 0.01,
  classSep: 1,
  hypercube: true,
  shift: 0,
  scale: 1,
  shuffle: true,
  seed: undefined,
};

/**
 * `k` distinct vertices of the unit hypercube {0, 1}^dim, row-major k × dim:
 * the binary digits of k distinct integers below 2^dim; beyond 30
 * dimensions the leading ones are free random bits (scikit-learn's
 * `_generate_hypercube`).
 */
function hypercubeVertices(rng: Rng, k: number, dim: number): Float64Array {
  const out = new Float64Array(k * dim);
  const low = Math.min(dim, 30);
  const free = dim - low;
  if (free > 0) {
    const bits = rng.integers(0, 2, k * free);
    for (let i = 0; i < k; i++) for (let j = 0; j < free; j++) out[i * dim + j] = bits[i * free + j]!;
  }
  const codes = rng.choice(2 ** low, k, false);
  for (let i = 0; i < k; i++) {
    const c = codes[i]!;
    for (let j = 0; j < low; j++) out[i * dim + free + j] = Math.floor(c / 2 ** (low - 1 - j)) % 2;
  }
  return out;
}

function perFeature(where: string, param: string, v: unknown, d: number, positive: boolean): Float64Array | null {
  if (v === null) return null;
  if (typeof v === "number") return new Float64Array(d).fill(positive ? checkPositive(where, param, v) : checkFinite(where, param, v));
  return numbers(where, param, v, d);
}

/** Rows processed together: the scratch columns of a chunk stay in cache. */
const CHUNK = 1024;

/**
 * The hot part of {@link makeClassification}, column by column over chunks
 * of rows of one cluster (tight loops over rows with a fixed coefficient).
 * Rows `[start, end)` of `out` (row-major, d columns) hold standard normals
 * on entry; feature j lives in column `col[j]`. The informative features
 * become centroid + z · A (A: nInf × nInf, row-major), the redundant ones
 * x_inf · B (B: nInf × nRed), the repeated ones copies, and every useful
 * feature is shifted and scaled (the useless ones are done by the caller).
 */
function fillCluster(
  out: Float64Array,
  d: number,
  start: number,
  end: number,
  col: Int32Array,
  centroid: Float64Array,
  A: Float64Array,
  B: Float64Array,
  repIdx: Int32Array,
  shift: Float64Array,
  scale: Float64Array,
  scratch: Float64Array,
): void {
  const nInf = centroid.length;
  const nRed = B.length / nInf;
  const nUseful = nInf + nRed;
  for (let s = start; s < end; s += CHUNK) {
    const m = Math.min(CHUNK, end - s);
    // scratch column f (feature f) at [f * CHUNK, f * CHUNK + m)
    for (let c = 0; c < nInf; c++) {
      const o = c * CHUNK;
      scratch.fill(centroid[c]!, o, o + m);
      for (let j = 0; j < nInf; j++) {
        const a = A[j * nInf + c]!;
        for (let r = 0, p = s * d + col[j]!; r < m; r++, p += d) scratch[o + r] += out[p]! * a;
      }
    }
    for (let q = 0; q < nRed; q++) {
      const o = (nInf + q) * CHUNK;
      scratch.fill(0, o, o + m);
      for (let c = 0; c < nInf; c++) {
        const b = B[c * nRed + q]!;
        const oc = c * CHUNK;
        for (let r = 0; r < m; r++) scratch[o + r] += scratch[oc + r]! * b;
      }
    }
    for (let f = 0; f < nUseful + repIdx.length; f++) {
      const o = (f < nUseful ? f : repIdx[f - nUseful]!) * CHUNK;
      const sh = shift[f]!;
      const sc = scale[f]!;
      for (let r = 0, p = s * d + col[f]!; r < m; r++, p += d) out[p] = (scratch[o + r]! + sh) * sc;
    }
  }
}

/**
 * A random n-class classification problem. Each class is made of
 * `nClustersPerClass` Gaussian clusters centred on distinct vertices of a
 * hypercube of side `2 · classSep` in the first `nInformative` dimensions;
 * each cluster gets a random covariance (standard normals times a random
 * matrix with entries in [-1, 1)). Then come `nRedundant` random linear
 * combinations of the informative features, `nRepeated` copies of
 * informative or redundant ones, and standard normal noise for the rest;
 * `flipY` of the labels are redrawn at random; features are shifted,
 * scaled, and (by default) samples and features shuffled.
 *
 * @param options - {@link ClassificationOptions}: `nSamples` (100), `nFeatures` (20), `nInformative` (2), `nRedundant` (2), `nRepeated` (0), `nClasses` (2), `nClustersPerClass` (2), `weights` (null), `flipY` (0.01), `classSep` (1), `hypercube` (true), `shift` (0), `scale` (1), `shuffle` (true), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (nSamples × nFeatures), `y` an Int32Array of class labels.
 * @throws {ParamError} When a count is out of range, nInformative + nRedundant + nRepeated > nFeatures, nClasses · nClustersPerClass > 2^nInformative, `weights` has the wrong length or sum, or `flipY`/`classSep`/`scale` are out of range.
 * @example
 * const { X, y } = makeClassification({ nSamples: 10, nFeatures: 4, weights: [0.3, 0.7], flipY: 0, seed: 11 });
 * [X.rows, X.columns]; // => [10, 4]
 * [y.filter((v) => v === 0).length, y.filter((v) => v === 1).length]; // => [3, 7]
 */
export function makeClassification(options?: ClassificationOptions): ClassificationResult {
  const where = "makeClassification";
  const { o, rng } = setup(where, DEFAULTS, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const nInf = int(where, "nInformative", o.nInformative, 1);
  const nRed = int(where, "nRedundant", o.nRedundant, 0);
  const nRep = int(where, "nRepeated", o.nRepeated, 0);
  const nClasses = int(where, "nClasses", o.nClasses, 1);
  const perClass = int(where, "nClustersPerClass", o.nClustersPerClass, 1);
  const flipY = checkInRange(where, "flipY", o.flipY, 0, 1);
  const classSep = checkPositive(where, "classSep", o.classSep);
  const hypercube = bool(where, "hypercube", o.hypercube);
  const shuffle = bool(where, "shuffle", o.shuffle);
  if (nInf + nRed + nRep > d) {
    throw new ParamError(where, "nFeatures", d, `nInformative (${nInf}) + nRedundant (${nRed}) + nRepeated (${nRep}) must be <= nFeatures (${d}).`);
  }
  const nClusters = nClasses * perClass;
  if (Math.log2(nClusters) > nInf) {
    throw new ParamError(
      where,
      "nInformative",
      nInf,
      `nClasses (${nClasses}) * nClustersPerClass (${perClass}) must be <= 2 ** nInformative (${2 ** nInf}).`,
    );
  }
  let weights: Float64Array;
  if (o.weights === null) {
    weights = new Float64Array(nClasses).fill(1 / nClasses);
  } else {
    const w = numbers(where, "weights", o.weights);
    if (w.length !== nClasses && w.length !== nClasses - 1) {
      throw new ParamError(where, "weights", o.weights, `'weights' must have nClasses (${nClasses}) or nClasses - 1 (${nClasses - 1}) entries, got ${w.length}.`);
    }
    weights = new Float64Array(nClasses);
    weights.set(w);
    let sum = 0;
    for (const v of w) sum += v;
    if (w.length === nClasses - 1) weights[nClasses - 1] = 1 - sum;
    for (let k = 0; k < nClasses; k++) {
      if (weights[k]! < 0) {
        throw new ParamError(where, "weights", o.weights, `'weights' must be >= 0, but weight ${k} is ${+weights[k]!.toPrecision(12)}${k === nClasses - 1 && w.length < nClasses ? ` (1 - sum of the others, ${show(sum)})` : ""}.`);
      }
    }
    if (sum > 1 + 1e-9) throw new ParamError(where, "weights", o.weights, `'weights' must sum to at most 1, got ${+sum.toPrecision(12)}.`);
  }
  const shift0 = perFeature(where, "shift", o.shift, d, false);
  const scale0 = perFeature(where, "scale", o.scale, d, true);

  // samples per cluster: class k % nClasses, floor share, remainder round-robin
  const counts = new Int32Array(nClusters);
  let assigned = 0;
  for (let k = 0; k < nClusters; k++) assigned += counts[k] = Math.floor((n * weights[k % nClasses]!) / perClass);
  for (let i = 0; i < n - assigned; i++) counts[i % nClusters]! += 1;

  // centroids on hypercube vertices (or a random polytope)
  const centroids = hypercubeVertices(rng, nClusters, nInf);
  for (let i = 0; i < centroids.length; i++) centroids[i] = centroids[i]! * 2 * classSep - classSep;
  if (!hypercube) {
    const rowScale = rng.random(nClusters);
    const colScale = rng.random(nInf);
    for (let k = 0; k < nClusters; k++) for (let j = 0; j < nInf; j++) centroids[k * nInf + j] = centroids[k * nInf + j]! * rowScale[k]! * colScale[j]!;
  }
  const A = rng.uniform(-1, 1, nClusters * nInf * nInf);
  const B = rng.uniform(-1, 1, nInf * nRed);
  const nUseful = nInf + nRed;
  const repIdx = new Int32Array(nRep);
  if (nRep > 0) {
    const u = rng.random(nRep);
    for (let q = 0; q < nRep; q++) repIdx[q] = Math.floor((nUseful - 1) * u[q]! + 0.5);
  }
  // labels of the samples in cluster order (cluster k is class k % nClasses), then flipped
  const y = new Int32Array(n);
  for (let k = 0, i = 0; k < nClusters; k++) y.fill(k % nClasses, i, (i += counts[k]!));
  if (flipY > 0) {
    const u = rng.random(n);
    let nFlip = 0;
    for (let i = 0; i < n; i++) if (u[i]! < flipY) nFlip++;
    const labels = rng.integers(0, nClasses, nFlip);
    for (let i = 0, f = 0; i < n; i++) if (u[i]! < flipY) y[i] = labels[f++]!;
  }
  const shift = shift0 ?? Float64Array.from(rng.random(d), (u) => (2 * u - 1) * classSep);
  const scale = scale0 ?? Float64Array.from(rng.random(d), (u) => 1 + 100 * u);
  // Samples are generated cluster by cluster; with shuffling, sample i
  // becomes row rowPerm[i] of X through the Matrix's row views (no data
  // moves) and feature j goes to column col[j].
  const col = shuffle ? rng.permutation(d) : Int32Array.from({ length: d }, (_, j) => j);
  const rowPerm = shuffle ? rng.permutation(n) : null;
  const out = rng.standardNormal(n * d);
  const scratch = new Float64Array(CHUNK * nUseful);
  let start = 0;
  for (let k = 0; k < nClusters; k++) {
    const end = start + counts[k]!;
    fillCluster(out, d, start, end, col, centroids.subarray(k * nInf, (k + 1) * nInf), A.subarray(k * nInf * nInf, (k + 1) * nInf * nInf), B, repIdx, shift, scale, scratch);
    start = end;
  }
  // useless features: standard normal already; shift and scale them
  for (let f = nUseful + nRep; f < d; f++) {
    const sh = shift[f]!;
    const sc = scale[f]!;
    if (sh === 0 && sc === 1) continue;
    for (let p = col[f]!; p < n * d; p += d) out[p] = (out[p]! + sh) * sc;
  }
  let yOut = y;
  if (rowPerm) {
    yOut = new Int32Array(n);
    for (let i = 0; i < n; i++) yOut[rowPerm[i]!] = y[i]!;
  }
  return withDataFrame({ X: wrapRowMajor(out, n, d, rowPerm), y: yOut, seed: rng.seed });
}
