import { ParamError, show } from "../../core/errors.js";
import type { TableInput } from "../../core/table.js";
import { checkInteger, checkOneOf } from "../../core/validate.js";
import { createRng } from "../../random/rng.js";
import { defineMetric } from "./metric.js";
import { preparePair, propensity, PROPENSITY_KEYS, rocAuc, type PropensityOptions } from "./propensity.js";

/** Options of {@link detection}. */
export interface DetectionOptions extends PropensityOptions {
  /** Cross-validation folds (stratified). @defaultValue 3 */
  folds?: number;
  /**
   * The classifier: `"logistic"` (SDMetrics' LogisticDetection: it sees
   * means and covariances, nothing else) or `"forest"` (a random forest of
   * 50 trees, which also sees shapes, tails and interactions).
   * @defaultValue "logistic"
   */
  model?: "logistic" | "forest";
}

/** Result of {@link detection}. */
export interface DetectionResult {
  /** 1 − (2·max(AUC, ½) − 1): 1 when the classifier cannot tell the tables apart, 0 when it always can. */
  score: number;
  /** Out-of-fold ROC AUC of the real-vs-synthetic classifier. */
  auc: number;
  model: "logistic" | "forest";
  /** Rows used from each table (after subsampling). */
  nReal: number;
  nSynthetic: number;
}

/**
 * Detection (SDMetrics' LogisticDetection): a logistic regression (or, with
 * `model: "forest"`, a random forest) is cross-validated at telling real
 * rows from synthetic rows (numbers standardized on the real data,
 * categories one-hot, missing values as indicators); the score is
 * 1 − (2·max(AUC, ½) − 1).
 *
 * @param real - the real table (Table, danfo DataFrame or records)
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `folds`, `model`, `maxRows` (seeded subsample of each table), `l2`, `columns`, `seed`
 * @returns `{ score, auc, model, nReal, nSynthetic }`, score in [0, 1] (goal: maximize)
 * @throws DataError for a missing column or fewer than 2 rows
 * @example
 * const rows = Array.from({ length: 40 }, (_, i) => ({ x: i % 7, y: (i * 3) % 5 }));
 * detection(rows, rows, { seed: 1 }).score; // => 1
 */
export const detection = defineMetric(
  { metricName: "LogisticDetection", goal: "maximize", min: 0, max: 1, description: "How hard it is for a cross-validated logistic regression to tell synthetic rows from real ones." },
  (real: TableInput, synthetic: TableInput, options: DetectionOptions = {}): DetectionResult => {
    const where = "detection";
    for (const k of Object.keys(options)) {
      if (!(PROPENSITY_KEYS as readonly string[]).includes(k) && k !== "folds" && k !== "model") {
        throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: folds, model, ${PROPENSITY_KEYS.join(", ")}.`);
      }
    }
    const folds = checkInteger(where, "folds", options.folds ?? 3, 2);
    const model = checkOneOf(where, "model", options.model ?? "logistic", ["logistic", "forest"] as const);
    const l2 = options.l2 ?? 1;
    if (!(l2 > 0)) throw new ParamError(where, "l2", l2, `'l2' must be > 0, got ${show(l2)}.`);
    const rng = createRng(options.seed);
    const pair = preparePair(where, real, synthetic, options, rng.spawn(1)[0]!);
    const p = propensity(pair.real, pair.synthetic, folds, l2, rng.spawn(1)[0]!, model);
    const auc = rocAuc(p.scores, p.labels);
    return { score: 1 - (2 * Math.max(auc, 0.5) - 1), auc, model, nReal: p.nReal, nSynthetic: p.nSynthetic };
  },
);
