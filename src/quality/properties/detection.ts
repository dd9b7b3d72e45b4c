import { detection } from "../metrics/detection.js";
import { pmse } from "../metrics/pmse.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/**
 * Detection: can a classifier tell synthetic rows from real ones? A
 * cross-validated logistic regression (SDMetrics' LogisticDetection) and a
 * cross-validated random forest; the property's score is the lower of the
 * two (the better detector decides). Beside them, synthpop's
 * propensity-score pMSE. All on at most `maxRows` rows of each table
 * (seeded subsample).
 */
export function detectionProperty(ctx: PropertyContext, options: { maxRows: number }): PropertyResult {
  const metric: string[] = [];
  const value: number[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  const notes: string[] = [];
  const belowChance: string[] = [];
  const [r1, r2, r3] = ctx.rng.spawn(3);
  const common = { maxRows: options.maxRows, columns: ctx.columns };
  for (const [name, model, seed] of [["LogisticDetection", "logistic", r1!], ["ForestDetection", "forest", r3!]] as const) {
    metric.push(`${name} (ROC AUC)`);
    try {
      const d = detection(ctx.real, ctx.synthetic, { ...common, seed, model });
      if (d.belowChance) {
        belowChance.push(`${name} ${d.auc.toFixed(3)}`);
      }
      value.push(d.auc);
      score.push(d.score);
      error.push(null);
      if (model === "logistic" && (d.nReal < ctx.real.nRows || d.nSynthetic < ctx.synthetic.nRows)) {
        notes.push(`Detection and pMSE use a seeded subsample of ${d.nReal.toLocaleString("en-US")} real and ${d.nSynthetic.toLocaleString("en-US")} synthetic rows (maxRows ${options.maxRows.toLocaleString("en-US")} per table).`);
      }
    } catch (e) {
      value.push(NaN);
      score.push(NaN);
      error.push(errorMessage(e));
    }
  }
  if (belowChance.length) {
    notes.unshift(
      `Symptom: AUC well below 0.5 (${belowChance.join(", ")}). The detector is systematically wrong, which happens when the two tables share rows (copies of real rows: see Privacy) or when the synthesizer overcorrects. It is not a perfect result: the score is 1 − |2·AUC − 1| here.`,
    );
  }
  const detectors = score.filter(Number.isFinite);
  const propertyScore = detectors.length ? Math.min(...detectors) : NaN;
  try {
    const p = pmse(ctx.real, ctx.synthetic, { ...common, seed: r2! });
    metric.push("pMSE");
    value.push(p.pmse);
    score.push(p.score);
    error.push(null);
    metric.push("pMSE ratio (S_pMSE)");
    value.push(p.ratio);
    score.push(NaN);
    error.push(null);
  } catch (e) {
    metric.push("pMSE");
    value.push(NaN);
    score.push(NaN);
    error.push(errorMessage(e));
  }
  return {
    name: "Detection",
    score: propertyScore,
    details: detailsTable({ metric, value, score, error }),
    description: "How hard it is to tell synthetic rows from real ones. A logistic regression and a random forest (50 trees) are cross-validated (3 folds) at the task; the encoding (which categories get a column, the scaling) is learned inside each fold and identical rows stay in one fold, so nothing leaks from the rows scored. Each scores 1 − (2·max(AUC, ½) − 1), so 1 means it cannot do better than chance (SDMetrics); a forest AUC well below ½ (by more than max(0.03, 3 standard errors)) is a symptom of copied rows and scores 1 − |2·AUC − 1| (a logistic AUC below ½ is not: with many columns and few rows, cross-validation alone pushes it there). The property takes the lower score (the better detector). The logistic regression sees only means and covariances; the forest also sees shapes, tails and interactions. pMSE is the mean squared distance of its propensity scores from the synthetic share (0 is best; the ratio to its null expectation is about 1 for a perfect synthesizer).",
    notes,
  };
}
