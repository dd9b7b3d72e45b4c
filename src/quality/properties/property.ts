/**
 * The middle layer of the quality report (SDMetrics' properties): a
 * property applies metrics to the columns or pairs they fit, averages the
 * scores, and keeps a details table in which a failed column records its
 * error instead of stopping the report.
 */
import type { ColumnKind } from "../../core/column.js";
import { Table } from "../../core/table.js";
import type { Rng } from "../../random/rng.js";

/** Names of the report's properties. */
export type PropertyName = "Column Shapes" | "Column Pair Trends" | "Validity" | "Detection" | "Utility" | "Privacy";

/** What every property returns. */
export interface PropertyResult {
  readonly name: PropertyName;
  /** Mean of the details' scores (NaN when nothing could be scored). */
  readonly score: number;
  /** One row per column, pair or metric, with an `error` column (empty when it worked). */
  readonly details: Table;
  /** What the property measures. */
  readonly description: string;
  /** Where rows were subsampled, thresholds, and anything else a reader should know. */
  readonly notes: string[];
}

/** What the report hands each property. */
export interface PropertyContext {
  readonly real: Table;
  readonly synthetic: Table;
  /** Columns compared (in both tables). */
  readonly columns: readonly string[];
  readonly rng: Rng;
}

/** The message of a caught error (its first line). */
export function errorMessage(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split("\n")[0]!;
}

/** Mean of the finite values (NaN when none). */
export function finiteMean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** A details table from columns of strings (kept as categories, never re-inferred) and numbers. */
export function detailsTable(columns: Record<string, readonly (string | null)[] | readonly number[] | readonly (boolean | null)[]>): Table {
  const kinds: Record<string, ColumnKind> = {};
  for (const [name, values] of Object.entries(columns)) {
    const first = values.find((v) => v !== null);
    kinds[name] = typeof first === "number" ? "numeric" : typeof first === "boolean" ? "boolean" : "categorical";
  }
  return Table.fromColumns(columns as Record<string, ArrayLike<unknown>>, kinds);
}
