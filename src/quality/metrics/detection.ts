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
  /**
   * 1 − (2·max(AUC, ½) − 1) (SDMetrics): 1 when the classifier cannot tell
   * the tables apart, 0 when it always can; when the AUC is well below ½
   * (`belowChance`), 1 − |2·AUC − 1| instead, so a symptom is not scored as
   * a perfect result.
   */
  score: number;
  /** Out-of-fold ROC AUC of the real-vs-synthetic classifier. */
  auc: number;
  model: "logistic" | "forest";
  /**
   * The forest's AUC is below ½ by more than sampling noise explains (more
   * than max(0.03, 3 standard errors of the AUC under no difference)): the
   * detector is systematically wrong, which happens when synthetic rows
   * copy or nearly copy real ones (a row's twin sits in the other table).
   * A symptom to look into, not a good score. Always false for the
   * logistic model, whose cross-validated AUC also dips below ½ when many
   * columns meet few rows and the tables do not differ.
   */
  belowChance: boolean;
  /** Rows used from each table (after subsampling). */
  nReal: number;
  nSynthetic: number;
}

/**
 * Detection (SDMetrics' LogisticDetection): a logistic regression (or, with
 * `model: "forest"`, a random forest) is cross-validated at telling real
 * rows from synthetic rows (numbers standardized on the real data,
 * categories one-hot, missing values as indicators, all learned inside
 * each fold); identical rows stay in one fold. The score is
 * 1 − (2·max(AUC, ½) − 1), or 1 − |2·AUC − 1| when the forest's AUC is
 * well below ½ (`belowChance`, a symptom of rows copied between the tables).
 *
 * @param real - the real table (Table, danfo DataFrame or records)
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `folds`, `model`, `maxRows` (seeded subsample of each table), `l2`, `columns`, `seed`
 * @returns `{ score, auc, model, belowChance, nReal, nSynthetic }`, score in [0, 1] (goal: maximize)
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
    // only the forest can meet a copied row's twin; a linear model's cross-validated AUC also dips below ½ with many
    // columns and few rows when the tables do not differ (a known bias of cross-validation), so it is not read as a symptom
    const belowChance = model === "forest" && auc < 0.5 - chanceTolerance(p.nReal, p.nSynthetic);
    const score = belowChance ? 1 - Math.abs(2 * auc - 1) : 1 - (2 * Math.max(auc, 0.5) - 1);
    return { score, auc, model, belowChance, nReal: p.nReal, nSynthetic: p.nSynthetic };
  },
);

/** How far below ½ an AUC may fall by chance: max(0.03, 3 standard errors of the Mann–Whitney AUC under no difference, √((n₁ + n₂ + 1) / (12 n₁ n₂))). Internal. */
export function chanceTolerance(n1: number, n2: number): number {
  return Math.max(0.03, 3 * Math.sqrt((n1 + n2 + 1) / (12 * n1 * n2)));
}
