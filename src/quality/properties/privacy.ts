import type { Table } from "../../core/table.js";
import { dcr, type DcrResult } from "../metrics/dcr.js";
import { dcrOverfitting } from "../metrics/dcr-overfitting.js";
import { exactCopies } from "../metrics/exact-copies.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/** Privacy result, with the distances the report draws. */
export interface PrivacyResult extends PropertyResult {
  readonly dcr: DcrResult | null;
}

/**
 * Privacy: how close synthetic rows come to real ones. With a holdout table
 * (real rows the synthesizer never saw) the score is SDMetrics'
 * DCROverfittingProtection (are synthetic rows closer to the training rows
 * than to unseen ones?); without one, SDMetrics' DCRBaselineProtection
 * (median distance to the closest real row relative to uniform random rows).
 * Both on seeded subsamples; the exact-copy rate uses every row.
 */
export function privacyProperty(ctx: PropertyContext, options: { maxRows: number; maxQueries: number; holdout?: Table }): PrivacyResult {
  const metric: string[] = [];
  const value: number[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  const notes: string[] = [];
  let d: DcrResult | null = null;
  try {
    d = dcr(ctx.real, ctx.synthetic, { maxRows: options.maxRows, maxQueries: options.maxQueries, columns: ctx.columns, seed: ctx.rng.spawn(1)[0]! });
    metric.push("median DCR (synthetic)", "median DCR (uniform baseline)", "share of synthetic rows at distance 0", "DCRBaselineProtection");
    value.push(d.medianDcr, d.medianBaseline, d.zeroDistanceRate, d.score);
    score.push(NaN, NaN, NaN, d.score);
    error.push(null, null, null, null);
    if (d.nReal < ctx.real.nRows || d.nSynthetic < ctx.synthetic.nRows) {
      notes.push(`Distances to the closest record: ${d.nSynthetic.toLocaleString("en-US")} synthetic rows (and as many uniform rows) against ${d.nReal.toLocaleString("en-US")} real rows, seeded subsamples (maxQueries ${options.maxQueries.toLocaleString("en-US")}, maxRows ${options.maxRows.toLocaleString("en-US")}).`);
    }
  } catch (e) {
    metric.push("DCRBaselineProtection");
    value.push(NaN);
    score.push(NaN);
    error.push(errorMessage(e));
  }
  let overfitting = NaN;
  if (options.holdout) {
    try {
      const o = dcrOverfitting(ctx.real, options.holdout, ctx.synthetic, { maxRows: options.maxRows, maxQueries: options.maxQueries, columns: ctx.columns, seed: ctx.rng.spawn(1)[0]! });
      metric.push("median DCR to training rows", "median DCR to holdout rows", "share of synthetic rows closer to training than holdout", "DCROverfittingProtection");
      value.push(o.medianDcrTraining, o.medianDcrHoldout, o.closerToTraining, o.score);
      score.push(NaN, NaN, NaN, o.score);
      error.push(null, null, null, null);
      overfitting = o.score;
      notes.push(`Overfitting protection: ${o.nSynthetic.toLocaleString("en-US")} synthetic rows against ${o.nReference.toLocaleString("en-US")} training and as many holdout rows (the larger real table subsampled to the size of the other, seeded).`);
    } catch (e) {
      metric.push("DCROverfittingProtection");
      value.push(NaN);
      score.push(NaN);
      error.push(errorMessage(e));
    }
  }
  try {
    const c = exactCopies(ctx.real, ctx.synthetic, { columns: ctx.columns });
    metric.push("exact-copy rate");
    value.push(c.rate);
    score.push(c.score);
    error.push(null);
  } catch (e) {
    metric.push("exact-copy rate");
    value.push(NaN);
    score.push(NaN);
    error.push(errorMessage(e));
  }
  return {
    name: "Privacy",
    score: options.holdout ? overfitting : d ? d.score : NaN,
    details: detailsTable({ metric, value, score, error }),
    description: options.holdout
      ? "How close synthetic rows come to the real rows the synthesizer was fitted on. Per column, numbers differ by |a − b| over the real range and categories by 0 or 1; a row's distance to its closest real record (DCR) is the root mean square over columns. The score is SDMetrics' DCROverfittingProtection, min(1, 2 · (1 − the share of synthetic rows closer to a training row than to any holdout row)): 1 means synthetic rows are no closer to the rows the synthesizer saw than to real rows it never saw. The uniform baseline (DCRBaselineProtection) and exact copies of real rows (counted over every row) are reported beside it."
      : "How close synthetic rows come to real ones. Per column, numbers differ by |a − b| over the real range and categories by 0 or 1; a row's distance to its closest real record (DCR) is the root mean square over columns. The score is min(1, median DCR / the median DCR of rows drawn uniformly within the real ranges): 1 means synthetic rows are no closer to real people than random rows. Give the report a holdout table to score overfitting instead (DCROverfittingProtection). Exact copies of real rows are counted over every row.",
    notes,
    dcr: d,
  };
}
