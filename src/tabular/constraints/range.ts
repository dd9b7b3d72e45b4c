/**
 * range: `lowColumn <= middleColumn <= highColumn` (`<` when strict).
 *
 * As {@link fitInequality} twice: when no column has a missing value the
 * model learns `${middle}#diff` = log1p(middle − low) and `${high}#diff` =
 * log1p(high − middle) in place of the middle and high columns, and reverse
 * rebuilds middle from low, then high from middle, each rounded to its
 * column's grid and nudged up where rounding broke the order. With missing
 * values: enforced by rejection only. A row passes `isValid` when each of the
 * three comparisons between two present values holds (as SDV's Range).
 */
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import { diffState, diffUnit, fromLogDiff, logDiff, orderableColumns, orderedPairs } from "./inequality.js";
import {
  checkFormat,
  ConstraintBase,
  DECIMAL_METADATA,
  hasMissing,
  numberColumn,
  numberFormatOf,
  numbersOf,
  q,
  replaceColumn,
  replaceMetadata,
  stateObject,
  throwIfViolated,
  type BaseState,
  type NumberFormat,
} from "./shared.js";

type RangeSpec = Extract<Constraint, { type: "range" }>;

interface RangeState extends BaseState {
  mode: "transform" | "reject";
  middle: NumberFormat;
  high: NumberFormat;
  unit: number;
}

class RangeConstraint extends ConstraintBase<RangeState, RangeSpec> {
  get columns(): readonly string[] {
    return [this.spec.lowColumn, this.spec.middleColumn, this.spec.highColumn];
  }

  isValid(table: Table): Uint8Array {
    const strict = this.spec.strict === true;
    const [lo, mid, hi] = this.columns.map((n) => numbersOf(table, n)) as [Float64Array, Float64Array, Float64Array];
    const out = orderedPairs(lo, mid, strict);
    orderedPairs(mid, hi, strict, out);
    return orderedPairs(lo, hi, strict, out);
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { middleColumn, highColumn } = this.spec;
    if (this.state.mode === "reject" || !ConstraintBase.hasAll(table, this.columns)) return { table, columns };
    this.remember(table);
    const [lo, mid, hi] = this.columns.map((n) => numbersOf(table, n)) as [Float64Array, Float64Array, Float64Array];
    const mName = `${middleColumn}#diff`;
    const hName = `${highColumn}#diff`;
    let cols = replaceColumn(table.columns, middleColumn, [numberColumn(mName, "numeric", logDiff(lo, mid, this.state.unit))]);
    cols = replaceColumn(cols, highColumn, [numberColumn(hName, "numeric", logDiff(mid, hi, this.state.unit))]);
    let meta = replaceMetadata(columns, middleColumn, { [mName]: { ...DECIMAL_METADATA } });
    meta = replaceMetadata(meta, highColumn, { [hName]: { ...DECIMAL_METADATA } });
    return { table: new Table(cols), columns: meta };
  }

  reverse(table: Table): Table {
    const { lowColumn, middleColumn, highColumn } = this.spec;
    const mName = `${middleColumn}#diff`;
    const hName = `${highColumn}#diff`;
    if (!this.canReverse(table, [mName, hName])) return table;
    const strict = this.spec.strict === true;
    const { unit } = this.state;
    const mid = fromLogDiff(numbersOf(table, lowColumn), numbersOf(table, mName), unit, this.state.middle, strict);
    const hi = fromLogDiff(mid, numbersOf(table, hName), unit, this.state.high, strict);
    let cols = replaceColumn(table.columns, mName, [numberColumn(middleColumn, this.state.middle.kind, mid)]);
    cols = replaceColumn(cols, hName, [numberColumn(highColumn, this.state.high.kind, hi)]);
    return this.ordered(cols);
  }
}

/** Fits a range constraint (see the file comment). */
export function fitRange(spec: RangeSpec, table: Table, columns: Record<string, ColumnMetadata>, where: string): FittedConstraint {
  const cols = orderableColumns(where, table, "range", [
    ["lowColumn", spec.lowColumn],
    ["middleColumn", spec.middleColumn],
    ["highColumn", spec.highColumn],
  ]);
  const c = new RangeConstraint(spec, {
    layout: table.columnNames,
    applied: false,
    mode: cols.some(hasMissing) ? "reject" : "transform",
    middle: numberFormatOf(table, spec.middleColumn, columns),
    high: numberFormatOf(table, spec.highColumn, columns),
    unit: diffUnit(cols),
  });
  const op = spec.strict ? "<" : "<=";
  throwIfViolated(where, `range ${q(spec.lowColumn)} ${op} ${q(spec.middleColumn)} ${op} ${q(spec.highColumn)}`, table, c.isValid(table), cols);
  return c;
}

/** Rebuilds a fitted range from its JSON state. */
export function rangeFromState(spec: RangeSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  return new RangeConstraint(spec, {
    ...diffState(where, s),
    middle: checkFormat(where, "state.middle", s.middle),
    high: checkFormat(where, "state.high", s.high),
  });
}
