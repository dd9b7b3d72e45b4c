/**
 * Propensity scores: a logistic regression (or a random forest) telling real
 * rows (label 0) from synthetic rows (label 1), shared by {@link detection}
 * and {@link pmse}. Internal.
 */
import { DataError, ParamError, show } from "../../core/errors.js";
import { asTable, Table, type TableInput } from "../../core/table.js";
import type { Rng } from "../../random/rng.js";
import { encodePair } from "../encode.js";
import { fitLogistic, predictProba } from "../models/logistic-regression.js";
import { fitForest, forestPredictValues } from "../models/random-forest.js";
import { subsampleRows } from "../sampling.js";
import { duplicateGroups } from "./exact-copies.js";

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
 * Fits the model (logistic, or a forest of 50 trees) to tell synthetic rows
 * from real ones. With `folds` > 1, scores are out-of-fold: folds are
 * stratified by table and drawn from `rng`, identical rows (in either
 * table) stay in one fold, and the encoding (which category levels get a
 * one-hot column, the standardization) is learned on each fold's training
 * rows only, never on the rows it scores. With 1, the encoding is fitted on
 * the real rows and the model on every row, which it then scores
 * (synthpop's pMSE).
 */
export function propensity(real: Table, synthetic: Table, folds: number, l2: number, rng: Rng, model: "logistic" | "forest" = "logistic"): Propensity {
  const nReal = real.nRows;
  const nSynthetic = synthetic.nRows;
  const n = nReal + nSynthetic;
  const labels = new Uint8Array(n);
  labels.fill(1, nReal);
  const scores = new Float64Array(n);
  if (folds <= 1) {
    const enc = encodePair(real, synthetic, { scale: "standard" });
    const d = enc.d;
    const X = new Float64Array(n * d);
    X.set(enc.real, 0);
    X.set(enc.synthetic, nReal * d);
    const m = fitLogistic(X, labels, n, d, { l2 });
    scores.set(predictProba(m, X, n, d));
    return { scores, labels, nReal, nSynthetic, nParams: d + 1 };
  }
  const both = Table.concat([real, synthetic]);
  // stratified, grouped folds: rows dealt round-robin per table in a random order; a row identical to one already dealt joins its fold
  const group = duplicateGroups(both);
  const groupFold = new Int32Array(n).fill(-1);
  const dealt = [0, 0];
  const fold = new Int32Array(n);
  const perm = rng.permutation(n);
  for (let k = 0; k < n; k++) {
    const i = perm[k]!;
    const g = group[i]!;
    if (groupFold[g]! < 0) groupFold[g] = dealt[labels[i]!]!++ % folds;
    fold[i] = groupFold[g]!;
  }
  let nParams = 0;
  for (let f = 0; f < folds; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? testIdx : trainIdx).push(i);
    if (testIdx.length === 0 || trainIdx.length === 0) continue;
    const enc = encodePair(both.take(trainIdx), both.take(testIdx), { scale: "standard" });
    const d = enc.d;
    nParams = Math.max(nParams, d + 1);
    const yt = Uint8Array.from(trainIdx, (i) => labels[i]!);
    if (model === "forest") {
      const p = forestPredictValues(fitForest(enc.real, yt, trainIdx.length, d, "classification", 2, rng), enc.synthetic, testIdx.length);
      testIdx.forEach((i, k) => (scores[i] = p[2 * k + 1]!));
    } else {
      const p = predictProba(fitLogistic(enc.real, yt, trainIdx.length, d, { l2 }), enc.synthetic, testIdx.length, d);
      testIdx.forEach((i, k) => (scores[i] = p[k]!));
    }
  }
  return { scores, labels, nReal, nSynthetic, nParams };
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

