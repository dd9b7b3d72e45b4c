/**
 * Constraints for the tabular synthesizers (SDV's, in camelCase): what a
 * fitted constraint can do, and the dispatch from a spec to its type's file.
 *
 * How a synthesizer uses them: fit every constraint on the real table (in
 * canonical kinds), apply `transform` in list order to get the table the
 * model learns, and after sampling apply `reverse` in the opposite order,
 * then drop the rows some constraint's `isValid` refuses and sample again.
 * Because a transform replaces columns, a later constraint in the list may
 * find its columns gone; it then transforms nothing and is enforced by that
 * rejection step alone. List order therefore matters (`detectConstraints`
 * returns a list in a working order): a `linear` constraint must come before
 * any constraint that replaces its `from` column, and an inequality whose
 * `lowColumn` is another inequality's `highColumn` must come first.
 */
import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { assertNever } from "../../core/column.js";
import type { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import { fitFixedCombinations, fixedCombinationsFromState } from "./fixed-combinations.js";
import { fitFixedIncrements, fixedIncrementsFromState } from "./fixed-increments.js";
import { fitInequality, inequalityFromState } from "./inequality.js";
import { fitLinear, linearFromState } from "./linear.js";
import { fitSign, signFromState } from "./positive-negative.js";
import { fitRange, rangeFromState } from "./range.js";
import { fitScalarRange, scalarRangeFromState } from "./scalar-range.js";
import { checkConstraintSpec } from "./spec.js";

export { checkConstraintSpec } from "./spec.js";

/**
 * A constraint fitted to a real table. Fitted constraints are plain data
 * (spec + state) and rebuild from `toJSON()` with {@link constraintFromJSON}.
 */
export interface FittedConstraint {
  readonly spec: Constraint;
  /** Columns this constraint reads or writes. */
  readonly columns: readonly string[];
  /**
   * 1 where a row satisfies the constraint, 0 where it does not. Rows with a
   * missing value in the constraint's columns pass (as SDV); for
   * fixedCombinations a missing value is part of the combination instead.
   */
  isValid(table: Table): Uint8Array;
  /**
   * The table a model learns: constrained columns replaced by unconstrained
   * ones, and the metadata of the new columns (column order: new columns
   * where the replaced one was). Returns the inputs unchanged when the
   * constraint is enforced by rejection only (or its columns are gone,
   * replaced by an earlier constraint). Remembers the input's column order,
   * so `reverse` restores it.
   */
  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> };
  /**
   * Inverse of transform on synthetic rows (which have the transformed
   * columns, any values): the original columns back, same Table kinds as the
   * real ones, rounded to their decimals, the constraint holding. The table
   * is returned unchanged when this constraint's transform did not replace
   * columns (rejection only) or the table lacks the transformed columns.
   */
  reverse(table: Table): Table;
  /** Plain JSON; constraintFromJSON(json) rebuilds an identical fitted constraint. */
  toJSON(): unknown;
}

/**
 * Fits a constraint to the real table: checks the spec, that its columns
 * exist and have suitable kinds, and that every real row satisfies it, and
 * learns what transform and reverse need (decimals, datetime resolution,
 * categories, the combinations seen).
 *
 * @param spec - the constraint (checked with {@link checkConstraintSpec})
 * @param table - the real table in canonical kinds (numbers numeric or integer, datetimes as epoch ms)
 * @param columns - column metadata; a numeric column's `decimals` is used when given, else learned from the data. @defaultValue `{}`
 * @param where - the caller, for messages. @defaultValue "fitConstraint"
 * @returns the fitted constraint
 * @throws ParamError for an unknown column (listing the columns) or a column of the wrong kind; DataError when real rows violate the constraint (how many, and the first 5 with their values)
 * @example
 * const t = Table.fromRecords([{ start: 1, end: 3 }, { start: 2, end: 2.5 }]);
 * const c = fitConstraint({ type: "inequality", lowColumn: "start", highColumn: "end" }, t);
 * const model = c.transform(t, {});
 * model.table.columnNames; // => ["start", "end#diff"]
 * c.reverse(model.table).toRecords(); // => [{ start: 1, end: 3 }, { start: 2, end: 2.5 }]
 * Array.from(c.isValid(Table.fromRecords([{ start: 4, end: 3 }]))); // => [0]
 */
export function fitConstraint(
  spec: Constraint,
  table: Table,
  columns: Record<string, ColumnMetadata> = {},
  where = "fitConstraint",
): FittedConstraint {
  const s = checkConstraintSpec(spec, where);
  switch (s.type) {
    case "inequality":
      return fitInequality(s, table, columns, where);
    case "range":
      return fitRange(s, table, columns, where);
    case "scalarRange":
      return fitScalarRange(s, table, columns, where);
    case "positive":
    case "negative":
      return fitSign(s, table, columns, where);
    case "fixedIncrements":
      return fitFixedIncrements(s, table, columns, where);
    case "fixedCombinations":
      return fitFixedCombinations(s, table, where);
    case "linear":
      return fitLinear(s, table, where);
    default:
      return assertNever(s);
  }
}

/**
 * Rebuilds a fitted constraint from its `toJSON()`.
 *
 * @param json - what `FittedConstraint.toJSON()` returned (possibly through JSON text)
 * @returns a fitted constraint that behaves identically
 * @throws ParamTypeError when `json` is not a fitted constraint's JSON; ParamError for a bad spec inside it
 * @example
 * const t = Table.fromRecords([{ x: 1 }, { x: 2 }]);
 * const c = fitConstraint({ type: "positive", column: "x" }, t);
 * const model = c.transform(t, {}).table; // what the model learns: the column "x#log"
 * const back = constraintFromJSON(JSON.parse(JSON.stringify(c.toJSON())));
 * back.spec; // => { type: "positive", column: "x" }
 * back.reverse(model).toRecords(); // => [{ x: 1 }, { x: 2 }]
 */
export function constraintFromJSON(json: unknown): FittedConstraint {
  const where = "constraintFromJSON";
  const o = json as { format?: unknown; version?: unknown; spec?: unknown; state?: unknown } | null;
  if (o === null || typeof o !== "object" || o.format !== "synthlab.constraint") {
    throw new ParamTypeError(where, "json", json, `expected a fitted constraint's toJSON() ({ format: "synthlab.constraint", ... }), got ${show(json)}.`);
  }
  if (o.version !== 1) throw new ParamError(where, "version", o.version, `unsupported version ${show(o.version)} (this synthlab reads version 1).`);
  const s = checkConstraintSpec(o.spec, where);
  switch (s.type) {
    case "inequality":
      return inequalityFromState(s, o.state, where);
    case "range":
      return rangeFromState(s, o.state, where);
    case "scalarRange":
      return scalarRangeFromState(s, o.state, where);
    case "positive":
    case "negative":
      return signFromState(s, o.state, where);
    case "fixedIncrements":
      return fixedIncrementsFromState(s, o.state, where);
    case "fixedCombinations":
      return fixedCombinationsFromState(s, o.state, where);
    case "linear":
      return linearFromState(s, o.state, where);
    default:
      return assertNever(s);
  }
}
