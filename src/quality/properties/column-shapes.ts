import { errorMessage, detailsTable, finiteMean, type PropertyContext, type PropertyResult } from "./property.js";
import { columnShape } from "../columns.js";
import { ksComplement } from "../metrics/ks-complement.js";
import { tvComplement } from "../metrics/tv-complement.js";

/**
 * Column Shapes (SDMetrics): how well each column's marginal distribution
 * is reproduced, with KSComplement for numbers and dates and TVComplement
 * for categories and booleans. Every row of both tables is used.
 */
export function columnShapesProperty(ctx: PropertyContext): PropertyResult {
  const column: string[] = [];
  const kind: string[] = [];
  const metric: string[] = [];
  const score: number[] = [];
  const error: (string | null)[] = [];
  for (const name of ctx.columns) {
    const rc = ctx.real.columnInfo(name);
    const sc = ctx.synthetic.columnInfo(name);
    const m = columnShape(rc) === "continuous" ? ksComplement : tvComplement;
    column.push(name);
    kind.push(rc.kind);
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
    name: "Column Shapes",
    score: finiteMean(score),
    details: detailsTable({ column, kind, metric, score, error }),
    description: "How closely each synthetic column's distribution matches the real one: 1 − the KS statistic for numbers and dates, 1 − the total variation distance for categories (SDMetrics' KSComplement and TVComplement).",
    notes: [],
  };
}
