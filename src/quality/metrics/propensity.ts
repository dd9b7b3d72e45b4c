/**
 * Propensity scores: a logistic regression (or a random forest) telling real
 * rows (label 0) from synthetic rows (label 1), shared by {@link detection}
 * and {@link pmse}. Internal.
 */
import { DataError, ParamError, show } from "../../core/errors.js";
import { asTable, type Table, type TableInput } from "../../core/table.js";
import type { Rng } from "../../random/rng.js";
import { encodePair } from "../encode.js";
import { fitLogistic, predictProba } from "../models/logistic-regression.js";
import { fitForest, forestPredictValues } from "../models/random-forest.js";
import { subsampleRows } from "../sampling.js";

/** Options shared by the propensity metrics. */
export interface PropensityOptions {
  /** Rows used from each table at most (a seeded subsample beyond). @defaultValue 10000 */
  maxRows?: number;
  /** L2 penalty of the logistic regression (scikit-learn's 1 / C). @defaultValue 1 */
  l2?: number;
  /** Columns to use (default: every column of the real table, which the synthetic one must have). */
  columns?: readonly string[];
  seed?: number | string | Rng;
}

export const PROPENSITY_KEYS = ["maxRows", "l2", "columns", "seed"] as const;

/** Both tables as Tables with their columns checked, after subsampling. */
export function preparePair(where: string, real: TableInput, synthetic: TableInput, options: PropensityOptions, rng: Rng): { real: Table; synthetic: Table; columns: string[] } {
  const r = asTable(real, where, "real");
  const s = asTable(synthetic, where, "synthetic");
  const columns = options.columns ? [...options.columns] : r.columnNames;
  for (const c of columns) {
    r.columnInfo(c);
    if (!s.columnNames.includes(c)) throw new DataError(where, "synthetic", c, `the synthetic table has no column '${c}'.`);
  }
  if (r.nRows < 2 || s.nRows < 2) throw new DataError(where, "real", Math.min(r.nRows, s.nRows), "both tables need at least 2 rows.");
  const maxRows = options.maxRows ?? 10000;
  if (!(Number.isInteger(maxRows) && maxRows >= 10)) throw new ParamError(where, "maxRows", maxRows, `'maxRows' must be an integer >= 10, got ${show(maxRows)}.`);
  const [ra, rb] = rng.spawn(2);
  return { real: subsampleRows(r.select(columns), maxRows, ra!), synthetic: subsampleRows(s.select(columns), maxRows, rb!), columns };
}

/** Propensity scores of every row (real first, then synthetic) and their labels. */
export interface Propensity {
  readonly scores: Float64Array;
  readonly labels: Uint8Array;
  readonly nReal: number;
  readonly nSynthetic: number;
  /** Model parameters (features + intercept). */
  readonly nParams: number;
}

/**
 * Stacks the encoded tables and fits the model (logistic, or a forest of
 * 50 trees): with `folds` > 1, scores are out-of-fold (stratified folds
 * drawn from `rng`); with 1, the model is fitted on every row and scores
 * them all (synthpop's pMSE).
 */
export function propensity(real: Table, synthetic: Table, folds: number, l2: number, rng: Rng, model: "logistic" | "forest" = "logistic"): Propensity {
  const enc = encodePair(real, synthetic, { scale: "standard" });
  const { d, nReal, nSynthetic } = enc;
  const n = nReal + nSynthetic;
  const X = new Float64Array(n * d);
  X.set(enc.real, 0);
  X.set(enc.synthetic, nReal * d);
  const labels = new Uint8Array(n);
  labels.fill(1, nReal);
  const scores = new Float64Array(n);
  if (folds <= 1) {
    const m = fitLogistic(X, labels, n, d, { l2 });
    scores.set(predictProba(m, X, n, d));
    return { scores, labels, nReal, nSynthetic, nParams: d + 1 };
  }
  // stratified folds: each class shuffled and dealt round-robin
  const fold = new Int32Array(n);
  for (const [start, end] of [[0, nReal], [nReal, n]] as const) {
    const perm = rng.permutation(end - start);
    for (let k = 0; k < perm.length; k++) fold[start + perm[k]!] = k % folds;
  }
  for (let f = 0; f < folds; f++) {
    let nTrain = 0;
    for (let i = 0; i < n; i++) if (fold[i] !== f) nTrain++;
    const Xt = new Float64Array(nTrain * d);
    const yt = new Uint8Array(nTrain);
    const testIdx: number[] = [];
    let t = 0;
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) testIdx.push(i);
      else {
        Xt.set(X.subarray(i * d, (i + 1) * d), t * d);
        yt[t++] = labels[i]!;
      }
    }
    const Xq = new Float64Array(testIdx.length * d);
    testIdx.forEach((i, k) => Xq.set(X.subarray(i * d, (i + 1) * d), k * d));
    if (model === "forest") {
      const p = forestPredictValues(fitForest(Xt, yt, nTrain, d, "classification", 2, rng), Xq, testIdx.length);
      testIdx.forEach((i, k) => (scores[i] = p[2 * k + 1]!));
    } else {
      const p = predictProba(fitLogistic(Xt, yt, nTrain, d, { l2 }), Xq, testIdx.length, d);
      testIdx.forEach((i, k) => (scores[i] = p[k]!));
    }
  }
  return { scores, labels, nReal, nSynthetic, nParams: d + 1 };
}

/** Area under the ROC curve of `scores` for `labels` (1 = positive), ties counted half (Mann–Whitney). */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const idx = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!]) {
        pos++;
        rankSumPos += rank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

