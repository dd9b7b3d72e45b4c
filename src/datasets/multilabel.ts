/**
 * A bag-of-words multilabel problem (scikit-learn's `make_multilabel_classification`).
 */
import type { Matrix } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import { bool, int, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeMultilabelClassification}. */
export interface MultilabelClassificationOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features (words of the vocabulary). @defaultValue 20 */
  nFeatures?: number;
  /** The number of classes. @defaultValue 5 */
  nClasses?: number;
  /**
   * The mean number of labels per sample: the count is Poisson(nLabels),
   * redrawn while it exceeds nClasses (or is 0 without allowUnlabeled).
   * @defaultValue 2
   */
  nLabels?: number;
  /** The mean number of words per sample (Poisson, redrawn while 0). @defaultValue 50 */
  length?: number;
  /** Allow samples with no label (their words are drawn uniformly). @defaultValue true */
  allowUnlabeled?: boolean;
  /** Accepted for scikit-learn compatibility: `pC` and `pWC` are always returned. @defaultValue false */
  returnDistributions?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeMultilabelClassification} returns. */
export interface MultilabelClassificationResult extends DatasetResult {
  /** Word counts (nSamples × nFeatures). */
  readonly X: Matrix;
  /** The label sets as a dense 0/1 indicator Matrix (nSamples × nClasses). */
  readonly y: Matrix;
  /** The probability of each class being drawn (nClasses, sums to 1). */
  readonly pC: Float64Array;
  /** The probability of each feature given each class (nFeatures × nClasses, columns sum to 1). */
  readonly pWC: Matrix;
}

const DEFAULTS: MultilabelClassificationOptions = {
  nSamples: 100,
  nFeatures: 20,
  nClasses: 5,
  nLabels: 2,
  length: 50,
  allowUnlabeled: true,
  returnDistributions: false,
  seed: undefined,
};

/** P(lo <= K <= hi) for K ~ Poisson(lam). */
function poissonMass(lam: number, lo: number, hi: number): number {
  if (lam === 0) return lo === 0 ? 1 : 0;
  let s = 0;
  let logFact = 0;
  for (let k = 0; k <= hi; k++) {
    if (k > 0) logFact += Math.log(k);
    if (k >= lo) s += Math.exp(k * Math.log(lam) - lam - logFact);
  }
  return s;
}

/**
 * A random multilabel problem as documents: each sample draws a number of
 * labels ~ Poisson(nLabels) (at most nClasses; at least 1 unless
 * allowUnlabeled), distinct classes by the class prior `pC`, a length ~
 * Poisson(length) (at least 1), then that many words from the mixture of
 * its classes' word distributions `pWC`; `X` counts the words.
 *
 * @param options - {@link MultilabelClassificationOptions}: `nSamples` (100), `nFeatures` (20), `nClasses` (5), `nLabels` (2), `length` (50), `allowUnlabeled` (true), `seed`.
 * @returns `{ X, y, pC, pWC, seed }`: `X` a Matrix of counts (nSamples × nFeatures), `y` a 0/1 Matrix (nSamples × nClasses).
 * @throws {ParamError} When counts are out of range, or nLabels makes an admissible label count (0/1..nClasses) practically impossible.
 * @example
 * const { X, y } = makeMultilabelClassification({ nSamples: 5, nClasses: 3, allowUnlabeled: false, seed: 11 });
 * [X.rows, X.columns, y.columns]; // => [5, 20, 3]
 * y.to2DArray().every((r) => r.some((v) => v === 1)); // => true
 */
export function makeMultilabelClassification(options?: MultilabelClassificationOptions): MultilabelClassificationResult {
  const where = "makeMultilabelClassification";
  const { o, rng } = setup(where, DEFAULTS, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const k = int(where, "nClasses", o.nClasses, 1);
  const nLabels = int(where, "nLabels", o.nLabels, 0);
  const length = int(where, "length", o.length, 1);
  const allowUnlabeled = bool(where, "allowUnlabeled", o.allowUnlabeled);
  bool(where, "returnDistributions", o.returnDistributions);
  const minLabels = allowUnlabeled ? 0 : 1;
  const accept = poissonMass(nLabels, minLabels, k);
  if (accept < 1e-6) {
    throw new ParamError(
      where,
      "nLabels",
      nLabels,
      `a Poisson(${nLabels}) label count falls in [${minLabels}, ${k}] with probability ${accept.toPrecision(3)}, so drawing it would not end; ${
        nLabels === 0 ? "set allowUnlabeled to true or nLabels >= 1" : "lower nLabels or raise nClasses"
      }.`,
    );
  }

  const pC = rng.random(k);
  let sc = 0;
  for (const v of pC) sc += v;
  for (let c = 0; c < k; c++) pC[c] = pC[c]! / sc;
  const pWC = rng.random(d * k); // row-major nFeatures × nClasses
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let f = 0; f < d; f++) s += pWC[f * k + c]!;
    for (let f = 0; f < d; f++) pWC[f * k + c] = pWC[f * k + c]! / s;
  }

  const X = new Float64Array(n * d);
  const Y = new Float64Array(n * k);
  const chosen = new Uint8Array(k);
  const pWords = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let size = k + 1;
    while (size < minLabels || size > k) size = rng.poisson(nLabels);
    chosen.fill(0);
    let have = 0;
    while (have < size) {
      const picks = rng.choice(k, size - have, true, pC);
      for (const c of picks) {
        if (!chosen[c]) {
          chosen[c] = 1;
          have++;
        }
      }
    }
    let nWords = 0;
    while (nWords === 0) nWords = rng.poisson(length);
    let words: Float64Array;
    if (size === 0) words = rng.integers(0, d, nWords);
    else {
      let total = 0;
      for (let f = 0; f < d; f++) {
        let s = 0;
        for (let c = 0; c < k; c++) if (chosen[c]) s += pWC[f * k + c]!;
        pWords[f] = s;
        total += s;
      }
      for (let f = 0; f < d; f++) pWords[f] = pWords[f]! / total;
      words = rng.choice(d, nWords, true, pWords);
    }
    const row = i * d;
    for (let w = 0; w < nWords; w++) X[row + words[w]!] += 1;
    for (let c = 0; c < k; c++) Y[i * k + c] = chosen[c]!;
  }
  return withDataFrame({ X: wrapRowMajor(X, n, d), y: wrapRowMajor(Y, n, k), pC, pWC: wrapRowMajor(pWC, d, k), seed: rng.seed });
}
