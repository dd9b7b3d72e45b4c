import type { Table } from "../../core/table.js";
import { dcr, type DcrResult } from "../metrics/dcr.js";
import { dcrOverfitting } from "../metrics/dcr-overfitting.js";
import { exactCopies } from "../metrics/exact-copies.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/** The copy figures of the Privacy property (the report's headline on memorization). */
export interface CopyFigures {
  /** Synthetic rows that equal a real (training) row in every compared column. */
  readonly exactCopies: number;
  /** exactCopies / nSynthetic. */
  readonly exactShare: number;
  /** Synthetic rows equal to a real row once numbers are rounded to their real column's precision (exact copies included). */
  readonly nearCopies: number;
  /** nearCopies / nSynthetic. */
  readonly nearShare: number;
  /** Every synthetic row is checked. */
  readonly nSynthetic: number;
  /**
   * The share of near copies expected without copying: with a holdout, the
   * share of holdout rows that (near-)copy a training row; without one, the
   * share of real rows equal to another real row.
   */
  readonly expectedShare: number;
  /** Where `expectedShare` comes from: `"holdout"` or `"real duplicates"`. */
  readonly expectedFrom: "holdout" | "real duplicates";
  /** max(0, nearShare − expectedShare) / (1 − expectedShare): the share of rows copied beyond chance (0 when expectedShare is 1). */
  readonly excessShare: number;
}

/** Privacy result, with the distances the report draws and the copy figures. */
export interface PrivacyResult extends PropertyResult {
  readonly dcr: DcrResult | null;
  readonly copies: CopyFigures | null;
  /** The distance score the Privacy score is capped by: DCROverfittingProtection with a holdout, else DCRBaselineProtection. */
  readonly distanceScore: number;
}

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * Privacy: how close synthetic rows come to real ones, and whether they
 * copy them. Two parts, the score the lower of them:
 * - distances: with a holdout table (real rows the synthesizer never saw),
 *   SDMetrics' DCROverfittingProtection against every training and holdout
 *   row (are synthetic rows closer to the training rows than to unseen
 *   ones?); without one, SDMetrics' DCRBaselineProtection (median distance
 *   to the closest real row relative to uniform random rows, on seeded
 *   subsamples);
 * - copies: 1 − the share of synthetic rows that (near-)copy a real row
 *   beyond what chance gives (every row checked).
 */
export function privacyProperty(ctx: PropertyContext, options: { maxRows: number; maxQueries: number; holdout?: Table }): PrivacyResult {
  const metric: string[] = [];
  const value: number[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  const notes: string[] = [];
  const [rDcr, rOver] = ctx.rng.spawn(2);
  let d: DcrResult | null = null;
  try {
    d = dcr(ctx.real, ctx.synthetic, { maxRows: options.maxRows, maxQueries: options.maxQueries, columns: ctx.columns, seed: rDcr! });
    metric.push("median DCR (synthetic)", "median DCR (uniform baseline)", "share of synthetic rows at distance 0", "DCRBaselineProtection");
    value.push(d.medianDcr, d.medianBaseline, d.zeroDistanceRate, d.score);
    score.push(NaN, NaN, NaN, d.score);
    error.push(null, null, null, null);
    if (d.nReal < ctx.real.nRows || d.nSynthetic < ctx.synthetic.nRows) {
      notes.push(`Distances to the closest record: ${count(d.nSynthetic)} synthetic rows (and as many uniform rows) against ${count(d.nReal)} real rows, seeded subsamples (maxQueries ${count(options.maxQueries)}, maxRows ${count(options.maxRows)}).`);
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
      const o = dcrOverfitting(ctx.real, options.holdout, ctx.synthetic, { maxQueries: options.maxQueries, columns: ctx.columns, seed: rOver! });
      metric.push("median DCR to training rows", "median DCR to holdout rows", "share of synthetic rows closer to training than holdout", "the same share expected without memorization", "DCROverfittingProtection");
      value.push(o.medianDcrTraining, o.medianDcrHoldout, o.closerToTraining, o.expectedCloserToTraining, o.score);
      score.push(NaN, NaN, NaN, NaN, o.score);
      error.push(null, null, null, null, null);
      overfitting = o.score;
      notes.push(
        `Overfitting protection: ${count(o.nSynthetic)} synthetic rows${o.nSynthetic < ctx.synthetic.nRows ? ` (a seeded subsample, maxQueries ${count(options.maxQueries)})` : ""} against every one of the ${count(o.nTraining)} training and ${count(o.nHoldout)} holdout rows.` +
          ` Without memorization, a share nTraining / (nTraining + nHoldout) = ${o.expectedCloserToTraining.toFixed(3)} of synthetic rows would be closer to a training row; the score compares with that share (SDMetrics assumes ½, right for tables of one size).`,
      );
    } catch (e) {
      metric.push("DCROverfittingProtection");
      value.push(NaN);
      score.push(NaN);
      error.push(errorMessage(e));
    }
  }
  let copies: CopyFigures | null = null;
  try {
    const c = exactCopies(ctx.real, ctx.synthetic, { columns: ctx.columns });
    const expectedFrom = options.holdout ? "holdout" : "real duplicates";
    const expectedShare = options.holdout ? exactCopies(ctx.real, options.holdout, { columns: ctx.columns }).nearRate : c.realDuplicateRate;
    const excessShare = expectedShare < 1 ? Math.max(0, c.nearRate - expectedShare) / (1 - expectedShare) : 0;
    copies = { exactCopies: c.copies, exactShare: c.rate, nearCopies: c.nearCopies, nearShare: c.nearRate, nSynthetic: c.nSynthetic, expectedShare, expectedFrom, excessShare };
    metric.push("exact-copy rate", "near-copy rate", options.holdout ? "near-copy rate of holdout rows (expected)" : "real rows duplicating another (expected)", "copy protection: 1 − copies beyond expected");
    value.push(c.rate, c.nearRate, expectedShare, 1 - excessShare);
    score.push(NaN, NaN, NaN, 1 - excessShare);
    error.push(null, null, null, null);
    const dec = Object.entries(c.decimals).filter(([, v]) => v !== null);
    notes.push(
      `Copies: all ${count(c.nSynthetic)} synthetic rows checked against all ${count(ctx.real.nRows)} real rows. A near copy equals a real row once numbers are rounded to the decimals of their real column` +
        (dec.length ? ` (${dec.map(([k, v]) => `${k}: ${v}`).join(", ")}; other numeric columns compared exactly).` : "; every numeric column here has more than 10 decimals and is compared exactly.") +
        ` Expected without copying: ${(expectedShare * 100).toFixed(2)}% (${options.holdout ? "holdout rows that copy a training row" : "real rows equal to another real row"}).`,
    );
  } catch (e) {
    metric.push("exact-copy rate");
    value.push(NaN);
    score.push(NaN);
    error.push(errorMessage(e));
  }
  const distanceScore = options.holdout ? overfitting : d ? d.score : NaN;
  const parts = [distanceScore, copies ? 1 - copies.excessShare : NaN].filter(Number.isFinite);
  return {
    name: "Privacy",
    score: parts.length ? Math.min(...parts) : NaN,
    details: detailsTable({ metric, value, score, error }),
    description:
      "Whether synthetic rows copy or sit too close to real ones. The score is the lower of two parts. Copies: 1 − the share of synthetic rows that copy a real row (exactly, or once numbers are rounded to their column's precision) beyond the share expected by chance. Distances: per column, numbers differ by |a − b| over the real range and categories by 0 or 1, and a row's distance to its closest real record (DCR) is the root mean square over columns; " +
      (options.holdout
        ? "DCROverfittingProtection against every training and holdout row: min(1, (1 − the share of synthetic rows closer to a training row than to any holdout row) / (1 − the share expected without memorization, nTraining / (nTraining + nHoldout))), SDMetrics' min(1, 2 · (1 − share)) when the two tables have one size. 1 means synthetic rows are no closer to the rows the synthesizer saw than to real rows it never saw. The uniform baseline (DCRBaselineProtection) is reported beside it."
        : "SDMetrics' DCRBaselineProtection, min(1, median DCR / the median DCR of rows drawn uniformly within the real ranges): 1 means synthetic rows are no closer to real people than random rows. Give the report a holdout table to score overfitting instead (DCROverfittingProtection)."),
    notes,
    dcr: d,
    copies,
    distanceScore,
  };
}
