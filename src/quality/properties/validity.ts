import { errorMessage, detailsTable, finiteMean, type PropertyContext, type PropertyResult } from "./property.js";
import { columnShape } from "../columns.js";
import { boundaryAdherence } from "../metrics/boundary-adherence.js";
import { categoryAdherence } from "../metrics/category-adherence.js";
import { missingRate, missingValueSimilarity } from "../metrics/tv-complement.js";
import type { MissingValuesMode } from "./column-shapes.js";

/**
 * Validity: do the synthetic values stay within what the real data allows?
 * BoundaryAdherence (inside the real [min, max]) for numbers and dates,
 * CategoryAdherence (a category seen in the real column) for categories and
 * booleans; with `missing` `"separate"`, MissingValueSimilarity (are values
 * missing as often as in the real column?) for every column with missing
 * values on either side. The score is the mean of every row.
 */
export function validityProperty(ctx: PropertyContext, options: { missing: MissingValuesMode } = { missing: "separate" }): PropertyResult {
  const column: string[] = [];
  const metric: string[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  for (const name of ctx.columns) {
    const rc = ctx.real.columnInfo(name);
    const sc = ctx.synthetic.columnInfo(name);
    const m = columnShape(rc) === "continuous" ? boundaryAdherence : categoryAdherence;
    column.push(name);
    metric.push(m.name);
    try {
      if (columnShape(rc) !== columnShape(sc)) throw new Error(`the real column is ${rc.kind}, the synthetic one ${sc.kind}.`);
      score.push(m(rc, sc));
      error.push(null);
    } catch (e) {
      score.push(NaN);
      error.push(errorMessage(e));
    }
    if (options.missing === "separate" && (missingRate(rc) > 0 || missingRate(sc) > 0)) {
      column.push(name);
      metric.push(missingValueSimilarity.name);
      score.push(missingValueSimilarity(rc, sc));
      error.push(null);
    }
  }
  return {
    name: "Validity",
    score: finiteMean(score),
    details: detailsTable({ column, metric, score, error }),
    description:
      "The share of synthetic values that are valid for their column: inside the real minimum and maximum for numbers and dates, a real category for categories (SDMetrics' BoundaryAdherence and CategoryAdherence)" +
      (options.missing === "separate" ? "; and, for columns with missing values, whether values are missing as often as in the real data (MissingValueSimilarity, 1 − the difference of the missing shares)." : "."),
    notes: [],
  };
}
