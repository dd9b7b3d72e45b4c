import { errorMessage, detailsTable, finiteMean, type PropertyContext, type PropertyResult } from "./property.js";
import { columnShape } from "../columns.js";
import { ksComplement } from "../metrics/ks-complement.js";
import { missingRate, missingValueSimilarity, tvComplement } from "../metrics/tv-complement.js";

/** How the report treats missing values (see {@link QualityReportOptions.missingValues}). */
export type MissingValuesMode = "separate" | "category";

/**
 * Column Shapes (SDMetrics): how well each column's marginal distribution
 * is reproduced, with KSComplement for numbers and dates and TVComplement
 * for categories and booleans, both on the present values. With `missing`
 * `"separate"` (SDMetrics' way) a column with missing values on either side
 * gets a second details row, MissingValueSimilarity (1 − |real rate −
 * synthetic rate|), shown but not averaged into the score (Validity counts
 * it); with `"category"` a missing category value is a category of its own
 * and no such row is added. Every row of both tables is used.
 */
export function columnShapesProperty(ctx: PropertyContext, options: { missing: MissingValuesMode } = { missing: "separate" }): PropertyResult {
  const column: string[] = [];
  const kind: string[] = [];
  const metric: string[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  const counted: number[] = [];
  for (const name of ctx.columns) {
    const rc = ctx.real.columnInfo(name);
    const sc = ctx.synthetic.columnInfo(name);
    const continuous = columnShape(rc) === "continuous";
    column.push(name);
    kind.push(rc.kind);
    metric.push(continuous ? ksComplement.name : tvComplement.name);
    try {
      if (columnShape(rc) !== columnShape(sc)) throw new Error(`the real column is ${rc.kind}, the synthetic one ${sc.kind}.`);
      const s = continuous ? ksComplement(rc, sc) : tvComplement(rc, sc, { missing: options.missing === "separate" ? "drop" : "category" });
      score.push(s);
      counted.push(s);
      error.push(null);
    } catch (e) {
      score.push(NaN);
      error.push(errorMessage(e));
    }
    if (options.missing === "separate" && (missingRate(rc) > 0 || missingRate(sc) > 0)) {
      column.push(name);
      kind.push(rc.kind);
      metric.push(missingValueSimilarity.name);
      score.push(missingValueSimilarity(rc, sc));
      error.push(null);
    }
  }
  return {
    name: "Column Shapes",
    score: finiteMean(counted),
    details: detailsTable({ column, kind, metric, score, error }),
    description:
      "How closely each synthetic column's distribution matches the real one: 1 − the KS statistic for numbers and dates, 1 − the total variation distance for categories (SDMetrics' KSComplement and TVComplement)" +
      (options.missing === "separate"
        ? ", both on the present values. Missing values are compared apart, as SDMetrics does: a MissingValueSimilarity row (1 − the difference of the missing shares) is shown for each column with missing values, counted in Validity, not in this score."
        : "; a missing category value counts as a category of its own."),
    notes: [],
  };
}
