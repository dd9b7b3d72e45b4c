/**
 * scalarRange: `low <= column <= high` (`<` when strict), SDV's ScalarRange.
 *
 * The model learns `${column}#logit` = logit(0.025 + 0.95 × (x − low) / (high − low))
 * (SDV's margin keeps values at the bounds finite); reverse applies the
 * sigmoid, undoes the margin, clips to [0, 1], rounds to the column's grid
 * and moves values rounding pushed out of the range (or onto a bound, when
 * strict) to the nearest grid value inside. Missing values pass through.
 * Datetime columns take `low` and `high` in epoch milliseconds.
 */
import { ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import {
  ceilTo,
  checkFormat,
  ConstraintBase,
  DECIMAL_METADATA,
  floorTo,
  numberColumn,
  numberFormatOf,
  numbersOf,
  q,
  replaceColumn,
  replaceMetadata,
  requireKind,
  roundTo,
  stateObject,
  throwIfViolated,
  type BaseState,
  type NumberFormat,
} from "./shared.js";

type ScalarRangeSpec = Extract<Constraint, { type: "scalarRange" }>;

/** SDV's margin: the scaled value lives in [MARGIN, 1 − MARGIN]. */
const MARGIN = 0.025;

interface ScalarRangeState extends BaseState {
  format: NumberFormat;
}

class ScalarRangeConstraint extends ConstraintBase<ScalarRangeState, ScalarRangeSpec> {
  get columns(): readonly string[] {
    return [this.spec.column];
  }

  private get logitName(): string {
    return `${this.spec.column}#logit`;
  }

  isValid(table: Table): Uint8Array {
    const { low, high, strict } = this.spec;
    const x = numbersOf(table, this.spec.column);
    const out = new Uint8Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v !== v || (strict ? low < v && v < high : low <= v && v <= high) ? 1 : 0;
    }
    return out;
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { column, low, high } = this.spec;
    if (!ConstraintBase.hasAll(table, [column])) return { table, columns };
    this.remember(table);
    const x = numbersOf(table, column);
    const z = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const p = MARGIN + (1 - 2 * MARGIN) * Math.min(1, Math.max(0, (x[i]! - low) / (high - low)));
      z[i] = Math.log(p / (1 - p));
    }
    return {
      table: new Table(replaceColumn(table.columns, column, [numberColumn(this.logitName, "numeric", z)])),
      columns: replaceMetadata(columns, column, { [this.logitName]: { ...DECIMAL_METADATA } }),
    };
  }

  reverse(table: Table): Table {
    if (!this.canReverse(table, [this.logitName])) return table;
    const { column, low, high } = this.spec;
    const strict = this.spec.strict === true;
    const f = this.state.format;
    const z = numbersOf(table, this.logitName);
    const x = new Float64Array(z.length);
    const lowest = ceilTo(f, low, strict);
    const highest = floorTo(f, high, strict);
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      const u = Math.min(1, Math.max(0, (p - MARGIN) / (1 - 2 * MARGIN)));
      let v = roundTo(f, low + u * (high - low));
      if (v < lowest) v = lowest;
      if (v > highest) v = highest;
      x[i] = v;
    }
    return this.ordered(replaceColumn(table.columns, this.logitName, [numberColumn(column, f.kind, x)]));
  }
}

/** Fits a scalarRange constraint (see the file comment). */
export function fitScalarRange(spec: ScalarRangeSpec, table: Table, columns: Record<string, ColumnMetadata>, where: string): FittedConstraint {
  const col = requireKind(where, table, "column", spec.column, ["numeric", "integer", "datetime"], "a number or datetime column", "scalarRange");
  const c = new ScalarRangeConstraint(spec, { layout: table.columnNames, applied: false, format: numberFormatOf(table, spec.column, columns) });
  const bound = (v: number) => (col.kind === "datetime" ? new Date(v).toISOString().replace("T00:00:00.000Z", "") : String(v));
  const op = spec.strict ? "<" : "<=";
  throwIfViolated(where, `scalarRange ${bound(spec.low)} ${op} ${q(spec.column)} ${op} ${bound(spec.high)}`, table, c.isValid(table), [col]);
  return c;
}

/** Rebuilds a fitted scalarRange from its JSON state. */
export function scalarRangeFromState(spec: ScalarRangeSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  if (s.format === undefined) throw new ParamTypeError(where, "state.format", s.format, `'state.format' is missing, got ${show(s)}.`);
  return new ScalarRangeConstraint(spec, { layout: [...(s.layout as string[])], applied: s.applied as boolean, format: checkFormat(where, "state.format", s.format) });
}
