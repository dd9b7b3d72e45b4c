import { errorMessage, detailsTable, finiteMean, type PropertyContext, type PropertyResult } from "./property.js";
import { columnShape } from "../columns.js";
import { boundaryAdherence } from "../metrics/boundary-adherence.js";
import { categoryAdherence } from "../metrics/category-adherence.js";

/**
 * Validity: do the synthetic values stay within what the real data allows?
 * BoundaryAdherence (inside the real [min, max]) for numbers and dates,
 * CategoryAdherence (a category seen in the real column) for categories and
 * booleans.
 */
export function validityProperty(ctx: PropertyContext): PropertyResult {
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
  }
  return {
    name: "Validity",
    score: finiteMean(score),
    details: detailsTable({ column, metric, score, error }),
    description: "The share of synthetic values that are valid for their column: inside the real minimum and maximum for numbers and dates, a real category for categories (SDMetrics' BoundaryAdherence and CategoryAdherence).",
    notes: [],
  };
}
