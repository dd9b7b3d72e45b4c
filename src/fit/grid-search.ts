import type { Matrix } from "ml-matrix";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { toPoints, type PointsInput } from "../core/knn.js";
import { fromRowMajor } from "../core/matrix.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { checkInteger, mergeOptions } from "../core/validate.js";

/** What {@link gridSearchCV} needs of an estimator: `fit` and a held-out `score` (higher is better). */
export interface CVEstimator {
  fit(X: Matrix): unknown;
  score(X: Matrix): number;
  /** Optional: candidates with the same key can be fitted and scored together by `cvFitScoreShared`. */
  cvShareKey?(): string | undefined;
  cvFitScoreShared?(group: CVEstimator[], train: Float64Array, nTrain: number, test: Float64Array, nTest: number, d: number): number[];
}

/** A parameter grid: each key lists its candidate values (or a list of such grids, as scikit-learn's). */
export type ParamGrid = Record<string, readonly unknown[]> | readonly Record<string, readonly unknown[]>[];

/** Options of {@link gridSearchCV}. */
export interface GridSearchOptions {
  /**
   * Folds: a number k (scikit-learn's `KFold(k)`, contiguous folds, no
   * shuffling, the first n % k folds one row larger) or explicit
   * `[trainIndices, testIndices]` pairs.
   * @defaultValue 5
   */
  cv?: number | readonly [ArrayLike<number>, ArrayLike<number>][];
  /**
   * Refit the best candidate on all of X (`bestEstimator`).
   * @defaultValue true
   */
  refit?: boolean;
  /** Called after each fold with (folds done, folds), and once more after the refit. */
  onProgress?: ProgressCallback | undefined;
}

const DEFAULTS: GridSearchOptions = { cv: 5, refit: true, onProgress: undefined };

/** One candidate's row of {@link GridSearchResult.results} (scikit-learn's `cv_results_`). */
export interface GridSearchCandidate<P> {
  readonly params: P;
  /** Mean over folds of the held-out score. */
  readonly meanTestScore: number;
  /** Standard deviation over folds (ddof 0). */
  readonly stdTestScore: number;
  /** 1 = best; ties share the smallest rank; NaN means rank last. */
  readonly rankTestScore: number;
  /** The score on each fold. */
  readonly splitTestScores: readonly number[];
}

/** The result of {@link gridSearchCV}. */
export interface GridSearchResult<P, E> {
  readonly bestParams: P;
  readonly bestScore: number;
  readonly bestIndex: number;
  /** The best candidate refitted on all of X (undefined with `refit: false`). */
  readonly bestEstimator: E | undefined;
  /** One row per candidate, in grid order. */
  readonly results: readonly GridSearchCandidate<P>[];
}

/**
 * The candidates of a grid in scikit-learn's `ParameterGrid` order: keys sorted, the last key varying fastest.
 * @param grid - `{ name: [values...] }` or a list of such grids
 * @returns one parameter object per candidate
 * @throws ParamTypeError / ParamError for a value list that is not an array or is empty
 * @example
 * parameterGrid({ b: [1, 2], a: ["x"] }); // => [{ a: "x", b: 1 }, { a: "x", b: 2 }]
 */
export function parameterGrid(grid: ParamGrid): Record<string, unknown>[] {
  const grids = Array.isArray(grid) ? (grid as Record<string, readonly unknown[]>[]) : [grid as Record<string, readonly unknown[]>];
  const out: Record<string, unknown>[] = [];
  for (const g of grids) {
    if (!g || typeof g !== "object") throw new ParamTypeError("gridSearchCV", "paramGrid", g, `'paramGrid' must be an object of value lists, got ${show(g)}.`);
    const keys = Object.keys(g).sort();
    for (const k of keys) {
      const v = g[k];
      if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
        throw new ParamTypeError("gridSearchCV", "paramGrid", v, `paramGrid['${k}'] must be an array of candidate values, got ${show(v)}.`);
      }
      if ((v as ArrayLike<unknown>).length === 0) throw new ParamError("gridSearchCV", "paramGrid", v, `paramGrid['${k}'] is empty.`);
    }
    const rec = (i: number, cur: Record<string, unknown>) => {
      if (i === keys.length) {
        out.push({ ...cur });
        return;
      }
      for (const v of Array.from(g[keys[i]!] as ArrayLike<unknown>)) rec(i + 1, { ...cur, [keys[i]!]: v });
    };
    rec(0, {});
  }
  return out;
}

/**
 * scikit-learn's `KFold(nSplits).split` without shuffling: contiguous test folds, the first n % nSplits one row larger.
 * @param n - number of rows
 * @param nSplits - number of folds (2 <= nSplits <= n)
 * @returns `[trainIndices, testIndices]` pairs
 * @throws ParamError for nSplits < 2 or > n
 * @example
 * kFold(5, 2).map(([, test]) => Array.from(test)); // => [[0, 1, 2], [3, 4]]
 */
export function kFold(n: number, nSplits: number): [Int32Array, Int32Array][] {
  checkInteger("kFold", "nSplits", nSplits, 2);
  if (nSplits > n) throw new ParamError("kFold", "nSplits", nSplits, `cannot have nSplits (${nSplits}) greater than the number of rows (${n}).`);
  const out: [Int32Array, Int32Array][] = [];
  let start = 0;
  for (let f = 0; f < nSplits; f++) {
    const size = Math.floor(n / nSplits) + (f < n % nSplits ? 1 : 0);
    const test = new Int32Array(size);
    for (let i = 0; i < size; i++) test[i] = start + i;
    const train = new Int32Array(n - size);
    let t = 0;
    for (let i = 0; i < n; i++) if (i < start || i >= start + size) train[t++] = i;
    out.push([train, test]);
    start += size;
  }
  return out;
}

function take(data: Float64Array, d: number, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length * d);
  for (let i = 0; i < idx.length; i++) out.set(data.subarray(idx[i]! * d, idx[i]! * d + d), i * d);
  return out;
}

/**
 * Exhaustive search over a parameter grid with k-fold cross-validation,
 * scikit-learn's `GridSearchCV(estimator, param_grid, cv)` with the
 * estimator's own `score` (held-out log-likelihood for the density models).
 * Candidates are scored in `parameterGrid` order; the best is the first with
 * the highest mean held-out score. Models that can share work across
 * candidates (KernelDensity: one distance matrix per fold for every
 * bandwidth) do so.
 *
 * @param make - builds an unfitted estimator from one candidate's parameters
 * @param paramGrid - `{ name: [values...] }` (or a list of such grids)
 * @param X - n × d data
 * @param options - {@link GridSearchOptions}
 * @returns `{ bestParams, bestScore, bestIndex, bestEstimator, results }`
 * @throws ParamError for an empty grid, bad folds, or bad data
 *
 * @example
 * const X = [[0], [0.2], [0.4], [1], [1.3], [2], [2.2], [3], [3.1], [4]];
 * const gs = gridSearchCV((p) => new KernelDensity(p), { bandwidth: [0.05, 0.5, 5] }, X);
 * gs.bestParams; // => { bandwidth: 0.5 }
 * gs.results.length; // => 3
 */
export function gridSearchCV<P extends Record<string, unknown>, E extends CVEstimator>(
  make: (params: P) => E,
  paramGrid: ParamGrid,
  X: PointsInput,
  options: GridSearchOptions = {},
): GridSearchResult<P, E> {
  const where = "gridSearchCV";
  if (typeof make !== "function") throw new ParamTypeError(where, "make", make, `'make' must be a function (params) => estimator, got ${show(make)}.`);
  const o = mergeOptions(where, DEFAULTS, options);
  const { data, rows: n, cols: d } = toPoints(where, "X", X);
  const candidates = parameterGrid(paramGrid) as P[];
  const folds: [ArrayLike<number>, ArrayLike<number>][] =
    typeof o.cv === "number" ? kFold(n, checkInteger(where, "cv", o.cv, 2)) : (o.cv as [ArrayLike<number>, ArrayLike<number>][]);
  if (!Array.isArray(folds) || folds.length === 0) throw new ParamError(where, "cv", o.cv, `'cv' must be an integer >= 2 or a non-empty list of [train, test] index pairs.`);
  const onProgress = checkProgress(where, o.onProgress);
  const total = folds.length + (o.refit ? 1 : 0);
  const scores: number[][] = candidates.map(() => []);
  for (const [f, [trainIdx, testIdx]] of folds.entries()) {
    const train = take(data, d, trainIdx);
    const test = take(data, d, testIdx);
    const nTr = trainIdx.length;
    const nTe = testIdx.length;
    let trainM: Matrix | undefined;
    let testM: Matrix | undefined;
    const models = candidates.map((p) => make(p));
    const groups = new Map<string, number[]>();
    models.forEach((m, i) => {
      const key = m.cvShareKey?.();
      if (key !== undefined && m.cvFitScoreShared) {
        const g = groups.get(key);
        if (g) g.push(i);
        else groups.set(key, [i]);
      } else {
        trainM ??= fromRowMajor(train, nTr, d);
        testM ??= fromRowMajor(test, nTe, d);
        m.fit(trainM);
        scores[i]!.push(m.score(testM));
      }
    });
    for (const idx of groups.values()) {
      const first = models[idx[0]!]!;
      const s = first.cvFitScoreShared!(idx.map((i) => models[i]!), train, nTr, test, nTe, d);
      idx.forEach((i, t) => scores[i]!.push(s[t]!));
    }
    onProgress?.(f + 1, total, `fold ${f + 1} of ${folds.length}, ${candidates.length} candidates`);
  }
  const means = scores.map((s) => s.reduce((a, b) => a + b, 0) / s.length);
  const stds = scores.map((s, i) => {
    const m = means[i]!;
    if (!Number.isFinite(m)) return NaN;
    return Math.sqrt(s.reduce((a, b) => a + (b - m) * (b - m), 0) / s.length);
  });
  // rankdata(-mean, method="min"), NaN last.
  const key = means.map((m) => (Number.isNaN(m) ? -Infinity : m));
  const ranks = key.map((m, i) => (Number.isNaN(means[i]!) ? candidates.length : 1 + key.filter((o2) => o2 > m).length));
  let best = 0;
  for (let i = 1; i < ranks.length; i++) if (ranks[i]! < ranks[best]!) best = i;
  const results = candidates.map((params, i) => ({
    params,
    meanTestScore: means[i]!,
    stdTestScore: stds[i]!,
    rankTestScore: ranks[i]!,
    splitTestScores: scores[i]!,
  }));
  let bestEstimator: E | undefined;
  if (o.refit) {
    bestEstimator = make(candidates[best]!);
    bestEstimator.fit(fromRowMajor(data, n, d));
    onProgress?.(total, total, "refit of the best candidate");
  }
  return { bestParams: candidates[best]!, bestScore: means[best]!, bestIndex: best, bestEstimator, results };
}
