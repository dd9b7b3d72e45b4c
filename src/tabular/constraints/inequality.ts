/**
 * inequality: `lowColumn <= highColumn` (`<` when strict), SDV's Inequality.
 *
 * When neither column has a missing value in the real data, the model
 * learns `${high}#diff` = log1p(high − low) in place of the high column (for
 * datetimes the difference is counted in the finer of the two columns'
 * resolutions, e.g. days when all values are whole days), and reverse
 * rebuilds high = low + max(expm1(diff), 0), rounded to the high column's
 * decimals or resolution and nudged up one step where rounding broke the
 * bound. With missing values the constraint is enforced by rejection only
 * (transform and reverse return their input).
 */
import type { Column } from "../../core/column.js";
import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import {
  checkFormat,
  ConstraintBase,
  datetimeResolution,
  DECIMAL_METADATA,
  hasMissing,
  numberColumn,
  numberFormatOf,
  numbersOf,
  q,
  replaceColumn,
  replaceMetadata,
  requireKind,
  roundAbove,
  stateObject,
  throwIfViolated,
  type BaseState,
  type NumberFormat,
} from "./shared.js";

type InequalitySpec = Extract<Constraint, { type: "inequality" }>;

/** Largest log-difference reverse accepts (expm1 stays finite). */
export const MAX_LOG_DIFF = 700;

interface InequalityState extends BaseState {
  /** "transform": the model learns the difference; "reject": enforced by rejection only (missing values). */
  mode: "transform" | "reject";
  /** How the rebuilt high column is written. */
  high: NumberFormat;
  /** Difference unit: 1 for numbers, the resolution in ms for datetimes. */
  unit: number;
}

/** 1 where `a <= b` (`<` when strict) or either is missing. */
export function orderedPairs(a: Float64Array, b: Float64Array, strict: boolean, out: Uint8Array = new Uint8Array(a.length).fill(1)): Uint8Array {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === x && y === y && (strict ? !(x < y) : !(x <= y))) out[i] = 0;
  }
  return out;
}

/** Checks that the named columns are all numbers or all datetimes; returns their columns. */
export function orderableColumns(where: string, table: Table, type: string, params: readonly [string, string][]): Column[] {
  const cols = params.map(([p, n]) => requireKind(where, table, p, n, ["numeric", "integer", "datetime"], "number or datetime columns", type));
  const dt = cols.filter((c) => c.kind === "datetime");
  if (dt.length > 0 && dt.length < cols.length) {
    const other = cols.find((c) => c.kind !== "datetime")!;
    throw new ParamError(
      where,
      params[cols.indexOf(other)]![0],
      other.name,
      `${type} compares columns of one sort: ${q(dt[0]!.name)} is datetime but ${q(other.name)} is ${other.kind}.`,
    );
  }
  return cols;
}

/** The difference unit of datetime columns: the finest resolution among them (1 for numbers). */
export function diffUnit(cols: readonly Column[]): number {
  if (cols[0]!.kind !== "datetime") return 1;
  return Math.min(...cols.map((c) => datetimeResolution(c.values as Float64Array)));
}

/** log1p(max(hi − lo, 0) / unit), NaN where either is missing. */
export function logDiff(lo: Float64Array, hi: Float64Array, unit: number): Float64Array {
  const out = new Float64Array(lo.length);
  for (let i = 0; i < lo.length; i++) out[i] = Math.log1p(Math.max(hi[i]! - lo[i]!, 0) / unit);
  return out;
}

/** lo + max(expm1(z), 0) × unit on the format's grid, >= lo (> lo when strict). */
export function fromLogDiff(lo: Float64Array, z: Float64Array, unit: number, f: NumberFormat, strict: boolean): Float64Array {
  const out = new Float64Array(lo.length);
  for (let i = 0; i < lo.length; i++) {
    const d = Math.max(Math.expm1(Math.min(z[i]!, MAX_LOG_DIFF)), 0) * unit;
    out[i] = roundAbove(f, lo[i]! + d, lo[i]!, strict);
  }
  return out;
}

class InequalityConstraint extends ConstraintBase<InequalityState, InequalitySpec> {
  get columns(): readonly string[] {
    return [this.spec.lowColumn, this.spec.highColumn];
  }

  private get diffName(): string {
    return `${this.spec.highColumn}#diff`;
  }

  isValid(table: Table): Uint8Array {
    return orderedPairs(numbersOf(table, this.spec.lowColumn), numbersOf(table, this.spec.highColumn), this.spec.strict === true);
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { lowColumn, highColumn } = this.spec;
    if (this.state.mode === "reject" || !ConstraintBase.hasAll(table, [lowColumn, highColumn])) return { table, columns };
    this.remember(table);
    const diff = logDiff(numbersOf(table, lowColumn), numbersOf(table, highColumn), this.state.unit);
    return {
      table: new Table(replaceColumn(table.columns, highColumn, [numberColumn(this.diffName, "numeric", diff)])),
      columns: replaceMetadata(columns, highColumn, { [this.diffName]: { ...DECIMAL_METADATA } }),
    };
  }

  reverse(table: Table): Table {
    if (!this.canReverse(table, [this.diffName])) return table;
    const { lowColumn, highColumn } = this.spec;
    const high = fromLogDiff(numbersOf(table, lowColumn), numbersOf(table, this.diffName), this.state.unit, this.state.high, this.spec.strict === true);
    return this.ordered(replaceColumn(table.columns, this.diffName, [numberColumn(highColumn, this.state.high.kind, high)]));
  }
}

/** `inequality 'a' <= 'b'`, for messages. */
function label(spec: InequalitySpec): string {
  return `inequality ${q(spec.lowColumn)} ${spec.strict ? "<" : "<="} ${q(spec.highColumn)}`;
}

/** Fits an inequality constraint (see the file comment). */
export function fitInequality(spec: InequalitySpec, table: Table, columns: Record<string, ColumnMetadata>, where: string): FittedConstraint {
  const cols = orderableColumns(where, table, "inequality", [
    ["lowColumn", spec.lowColumn],
    ["highColumn", spec.highColumn],
  ]);
  const c = new InequalityConstraint(spec, {
    layout: table.columnNames,
    applied: false,
    mode: cols.some(hasMissing) ? "reject" : "transform",
    high: numberFormatOf(table, spec.highColumn, columns),
    unit: diffUnit(cols),
  });
  throwIfViolated(where, label(spec), table, c.isValid(table), cols);
  return c;
}

/** Rebuilds a fitted inequality from its JSON state. */
export function inequalityFromState(spec: InequalitySpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  return new InequalityConstraint(spec, { ...diffState(where, s), high: checkFormat(where, "state.high", s.high) });
}

/** The saved state every log-difference constraint (inequality, range) shares: layout, applied, mode and unit, checked. */
export function diffState(where: string, s: Record<string, unknown>): { layout: string[]; applied: boolean; mode: "transform" | "reject"; unit: number } {
  if (s.mode !== "transform" && s.mode !== "reject") throw new ParamTypeError(where, "state.mode", s.mode, `'state.mode' must be "transform" or "reject", got ${show(s.mode)}.`);
  if (typeof s.unit !== "number" || !(s.unit > 0)) throw new ParamTypeError(where, "state.unit", s.unit, `'state.unit' must be a number > 0, got ${show(s.unit)}.`);
  return { layout: [...(s.layout as string[])], applied: s.applied as boolean, mode: s.mode, unit: s.unit };
}
