import { DataError, ParamError, show } from "../../core/errors.js";
import { asTable, type Table, type TableInput } from "../../core/table.js";
import { checkInteger, checkOneOf } from "../../core/validate.js";
import { createRng, type Rng } from "../../random/rng.js";
import { sharedCodes } from "../columns.js";
import { encodePair } from "../encode.js";
import { fitOneVsRest, fitRidge, predictOneVsRest, predictRidge } from "../models/logistic-regression.js";
import { fitForest, forestPredictClasses, forestPredictValues } from "../models/random-forest.js";
import { sampleIndices } from "../sampling.js";
import { defineMetric } from "./metric.js";

/** Options of {@link utility}. */
export interface UtilityOptions {
  /** The column to predict from the others. */
  target: string;
  /** `"auto"`: classification for categorical and boolean targets and integer targets with at most 20 values, else regression. @defaultValue "auto" */
  task?: "auto" | "classification" | "regression";
  /** Fraction of the real rows held out as the test set (when `test` is not given). @defaultValue 0.3 */
  testSize?: number;
  /**
   * Real rows kept apart from the synthesizer's training, used as the test
   * set; then every row of `real` trains the real model. Give it whenever the
   * synthesizer was fitted on `real`: a split of `real` would test on rows
   * the synthesizer has seen.
   */
  test?: TableInput;
  /** Rows used from each table at most (seeded subsample beyond). @defaultValue 20000 */
  maxRows?: number;
  /**
   * `"forest"`: a random forest (classifier or regressor, scikit-learn's
   * defaults but for the tree count and split search on 64 quantile bins);
   * `"linear"`: one-vs-rest L2 logistic regression, or ridge least squares.
   * @defaultValue "forest"
   */
  model?: "forest" | "linear";
  /** Trees of the forest. @defaultValue 50 */
  nEstimators?: number;
  /** L2 penalty of the linear models. @defaultValue 1 */
  l2?: number;
  seed?: number | string | Rng;
}

/** Result of {@link utility}. */
export interface UtilityResult {
  /** min(1, synthetic / real) of the test measure (0 when the synthetic-trained model is no better than nothing). */
  score: number;
  task: "classification" | "regression";
  model: "forest" | "linear";
  /** `"f1_macro"` for classification, `"r2"` for regression. */
  measure: "f1_macro" | "r2";
  /** The measure on the real test rows of the model trained on real rows (TRTR). */
  real: number;
  /** The measure on the same test rows of the model trained on synthetic rows (TSTR). */
  synthetic: number;
  /** Accuracy of both models (classification only, else NaN). */
  realAccuracy: number;
  syntheticAccuracy: number;
  nTrainReal: number;
  nTrainSynthetic: number;
  nTest: number;
}

const OPTION_KEYS = ["target", "task", "model", "nEstimators", "testSize", "test", "maxRows", "l2", "seed"];

function macroF1(yTrue: Int32Array, yPred: Int32Array, k: number): number {
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (t === p) tp[t]! += 1;
    else {
      fp[p]! += 1;
      fn[t]! += 1;
    }
  }
  let s = 0;
  let m = 0;
  for (let c = 0; c < k; c++) {
    if (tp[c]! + fp[c]! + fn[c]! === 0) continue; // scikit-learn: labels present in y_true or y_pred
    s += (2 * tp[c]!) / (2 * tp[c]! + fp[c]! + fn[c]!);
    m++;
  }
  return m ? s / m : 0;
}

function r2(y: Float64Array, p: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    ssr += (y[i]! - p[i]!) ** 2;
    sst += (y[i]! - mean) ** 2;
  }
  return sst > 0 ? 1 - ssr / sst : NaN;
}

function completeTarget(t: Table, target: string): Table {
  const c = t.columnInfo(target);
  const keep: number[] = [];
  for (let i = 0; i < t.nRows; i++) {
    const v = c.values[i]!;
    if (c.kind === "categorical" || c.kind === "boolean" ? v >= 0 : Number.isFinite(v)) keep.push(i);
  }
  return keep.length === t.nRows ? t : t.take(keep);
}

/**
 * Machine-learning utility: train on synthetic, test on real (TSTR) against
 * train on real, test on real (TRTR). The real rows are split (seeded) into
 * a training and a held-out test part; one model is trained on the real
 * training rows, one on the synthetic rows, both predict `target` on the
 * held-out real rows. The models are random forests by default (50 trees;
 * `model: "linear"` for one-vs-rest L2 logistic regression and ridge least
 * squares); classification is scored by macro F1, regression by R². Features: the other columns, numbers standardized on the real
 * training rows, categories one-hot, missing values as indicators; rows
 * with a missing target are left out.
 *
 * @param real - the real table
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `target` (required), `task`, `model`, `nEstimators`, `testSize` or `test` (held-out real rows), `maxRows`, `l2`, `seed`
 * @returns `{ score, task, model, measure, real, synthetic, realAccuracy, syntheticAccuracy, nTrainReal, nTrainSynthetic, nTest }`, score in [0, 1] (goal: maximize)
 * @throws ParamError for an unknown target; DataError for too few rows or a target with one class
 * @example
 * const rows = Array.from({ length: 200 }, (_, i) => ({ x: (i % 20) / 20, y: i % 20 < 10 ? "low" : "high" }));
 * const u = utility(rows, rows, { target: "y", seed: 1 });
 * [u.task, u.model, u.real, u.score]; // => ["classification", "forest", 1, 1]
 */
export const utility = defineMetric(
  { metricName: "MLUtility", goal: "maximize", min: 0, max: 1, description: "Test score on real rows of a model trained on synthetic rows, relative to one trained on real rows." },
  (real: TableInput, synthetic: TableInput, options: UtilityOptions): UtilityResult => {
    const where = "utility";
    if (!options || typeof options !== "object") throw new ParamError(where, "options", options, "'options.target' is required: the column to predict.");
    for (const k of Object.keys(options)) {
      if (!OPTION_KEYS.includes(k)) {
        throw new ParamError(where, k, (options as unknown as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${OPTION_KEYS.join(", ")}.`);
      }
    }
    const r0 = asTable(real, where, "real");
    const s0 = asTable(synthetic, where, "synthetic");
    const target = options.target;
    if (typeof target !== "string" || !r0.columnNames.includes(target)) {
      throw new ParamError(where, "target", target, `'target' must name a column of the real table (${r0.columnNames.join(", ")}), got ${show(target)}.`);
    }
    if (!s0.columnNames.includes(target)) throw new DataError(where, "synthetic", target, `the synthetic table has no column '${target}'.`);
    const testSize = options.testSize ?? 0.3;
    if (!(testSize > 0 && testSize < 1)) throw new ParamError(where, "testSize", testSize, `'testSize' must be in (0, 1), got ${show(testSize)}.`);
    const maxRows = checkInteger(where, "maxRows", options.maxRows ?? 20000, 10);
    const l2 = options.l2 ?? 1;
    if (!(l2 > 0)) throw new ParamError(where, "l2", l2, `'l2' must be > 0, got ${show(l2)}.`);
    let task = checkOneOf(where, "task", options.task ?? "auto", ["auto", "classification", "regression"] as const);
    const model = checkOneOf(where, "model", options.model ?? "forest", ["forest", "linear"] as const);
    const nEstimators = checkInteger(where, "nEstimators", options.nEstimators ?? 50, 1);
    const features = r0.columnNames.filter((n) => n !== target);
    for (const n of features) if (!s0.columnNames.includes(n)) throw new DataError(where, "synthetic", n, `the synthetic table has no column '${n}'.`);
    if (features.length === 0) throw new DataError(where, "real", r0.columnNames, "the table has no column besides the target to predict from.");
    const tc = r0.columnInfo(target);
    if (task === "auto") {
      if (tc.kind === "categorical" || tc.kind === "boolean") task = "classification";
      else if (tc.kind === "integer" && new Set(tc.values).size <= 20) task = "classification";
      else task = "regression";
    }
    const rng = createRng(options.seed);
    const [rSplit, rSyn, rReal, rSynModel] = rng.spawn(4);
    const r = completeTarget(r0, target);
    const s = completeTarget(s0, target);
    if (r.nRows < 10 || s.nRows < 2) throw new DataError(where, "real", r.nRows, `utility needs at least 10 real and 2 synthetic rows with a target value, got ${r.nRows} and ${s.nRows}.`);
    let train: Table;
    let test: Table;
    if (options.test !== undefined) {
      const t0 = asTable(options.test, where, "test");
      for (const n of [...features, target]) if (!t0.columnNames.includes(n)) throw new DataError(where, "test", n, `the test table has no column '${n}'.`);
      train = r.take(sampleIndices(r.nRows, maxRows, rSplit!));
      test = completeTarget(t0, target);
      test = test.take(sampleIndices(test.nRows, maxRows, rSplit!));
      if (test.nRows < 2) throw new DataError(where, "test", test.nRows, "the test table needs at least 2 rows with a target value.");
    } else {
      const used = r.take(sampleIndices(r.nRows, maxRows, rSplit!));
      const perm = rSplit!.permutation(used.nRows);
      const nHeld = Math.max(1, Math.round(used.nRows * testSize));
      test = used.take(perm.subarray(0, nHeld));
      train = used.take(perm.subarray(nHeld));
    }
    const nTest = test.nRows;
    const synTrain = s.take(sampleIndices(s.nRows, maxRows, rSyn!));
    const encTest = encodePair(train.select(features), test.select(features));
    const encSyn = encodePair(train.select(features), synTrain.select(features));
    const d = encTest.d;
    if (task === "classification") {
      const yTrainTest = sharedCodes(train.columnInfo(target), test.columnInfo(target));
      const ySyn = sharedCodes(train.columnInfo(target), synTrain.columnInfo(target));
      // one label space: the training labels first, then labels seen only in the test or synthetic rows
      const labels = [...yTrainTest.levels];
      for (const l of ySyn.levels) if (!labels.includes(l)) labels.push(l);
      const remap = (codes: Int32Array, levels: string[]) => {
        const m = Int32Array.from(levels, (l) => labels.indexOf(l));
        return Int32Array.from(codes, (c) => m[c]!);
      };
      const yTrain = remap(yTrainTest.real, yTrainTest.levels);
      const yTest = remap(yTrainTest.synthetic, yTrainTest.levels);
      const yS = remap(ySyn.synthetic, ySyn.levels);
      const k = labels.length;
      if (new Set(yTrain).size < 2) throw new DataError(where, "target", target, `the real training rows hold one class of '${target}'; classification needs two.`);
      const fitPredict = (X: Float64Array, y: Int32Array, n: number, r: Rng) =>
        model === "forest"
          ? forestPredictClasses(fitForest(X, y, n, d, "classification", k, r, { nEstimators }), encTest.synthetic, nTest)
          : predictOneVsRest(fitOneVsRest(X, y, n, d, k, { l2 }), encTest.synthetic, nTest, d);
      const predReal = fitPredict(encTest.real, yTrain, encTest.nReal, rReal!);
      const predSyn = fitPredict(encSyn.synthetic, yS, encSyn.nSynthetic, rSynModel!);
      const acc = (p: Int32Array) => p.reduce((a, v, i) => a + (v === yTest[i] ? 1 : 0), 0) / nTest;
      const f1Real = macroF1(yTest, predReal, k);
      const f1Syn = macroF1(yTest, predSyn, k);
      return {
        score: f1Real > 0 ? Math.min(1, f1Syn / f1Real) : NaN,
        task,
        model,
        measure: "f1_macro",
        real: f1Real,
        synthetic: f1Syn,
        realAccuracy: acc(predReal),
        syntheticAccuracy: acc(predSyn),
        nTrainReal: train.nRows,
        nTrainSynthetic: synTrain.nRows,
        nTest,
      };
    }
    const num = (t: Table) => {
      const c = t.columnInfo(target);
      if (c.kind === "categorical") throw new DataError(where, "target", target, `'${target}' is categorical; use task "classification".`);
      return Float64Array.from(c.values as ArrayLike<number>);
    };
    const yTrain = num(train);
    const yTest = num(test);
    const yS = num(synTrain);
    const lam = l2 * 1e-3;
    const fitPredict = (X: Float64Array, y: Float64Array, n: number, r: Rng) =>
      model === "forest"
        ? forestPredictValues(fitForest(X, y, n, d, "regression", 1, r, { nEstimators }), encTest.synthetic, nTest)
        : predictRidge(fitRidge(X, y, n, d, lam), encTest.synthetic, nTest, d);
    const pReal = fitPredict(encTest.real, yTrain, encTest.nReal, rReal!);
    const pSyn = fitPredict(encSyn.synthetic, yS, encSyn.nSynthetic, rSynModel!);
    const r2Real = r2(yTest, pReal);
    const r2Syn = r2(yTest, pSyn);
    return {
      score: r2Real > 0 ? Math.min(1, Math.max(0, r2Syn) / r2Real) : NaN,
      task,
      model,
      measure: "r2",
      real: r2Real,
      synthetic: r2Syn,
      realAccuracy: NaN,
      syntheticAccuracy: NaN,
      nTrainReal: train.nRows,
      nTrainSynthetic: synTrain.nRows,
      nTest,
    };
  },
);
