import { dcr, type DcrResult } from "../metrics/dcr.js";
import { exactCopies } from "../metrics/exact-copies.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/** Privacy result, with the distances the report draws. */
export interface PrivacyResult extends PropertyResult {
  readonly dcr: DcrResult | null;
}

/**
 * Privacy: how close synthetic rows come to real ones. The score is
 * SDMetrics' DCRBaselineProtection (median distance to the closest real row
 * relative to uniform random rows, on a seeded subsample); the exact-copy
 * rate uses every row.
 */
export function privacyProperty(ctx: PropertyContext, options: { maxRows: number; maxQueries: number }): PrivacyResult {
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
    score: d ? d.score : NaN,
    details: detailsTable({ metric, value, score, error }),
    description: "How close synthetic rows come to real ones. Per column, numbers differ by |a − b| over the real range and categories by 0 or 1; a row's distance to its closest real record (DCR) is the root mean square over columns. The score is min(1, median DCR / the median DCR of rows drawn uniformly within the real ranges): 1 means synthetic rows are no closer to real people than random rows. Exact copies of real rows are counted over every row.",
    notes,
    dcr: d,
  };
}
