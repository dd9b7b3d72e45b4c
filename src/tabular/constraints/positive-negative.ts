/**
 * positive / negative: `column >= 0` / `column <= 0` (`> 0` / `< 0` when
 * strict), SDV's Positive and Negative. One file for both: they differ only
 * in a sign.
 *
 * The model learns `${column}#log` = log1p(|x|) (log(|x|) when strict);
 * reverse takes max(expm1(z), 0) (exp(z) when strict), puts the sign back
 * and rounds to the column's decimals; a strict value that rounds to 0 goes
 * to the smallest nonzero value of the column's grid. Missing values pass
 * through.
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

type SignSpec = Extract<Constraint, { type: "positive" | "negative" }>;

interface SignState extends BaseState {
  format: NumberFormat;
}

class SignConstraint extends ConstraintBase<SignState, SignSpec> {
  get columns(): readonly string[] {
    return [this.spec.column];
  }

  private get sign(): 1 | -1 {
    return this.spec.type === "positive" ? 1 : -1;
  }

  private get logName(): string {
    return `${this.spec.column}#log`;
  }

  isValid(table: Table): Uint8Array {
    const x = numbersOf(table, this.spec.column);
    const s = this.sign;
    const strict = this.spec.strict === true;
    const out = new Uint8Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = s * x[i]!;
      out[i] = v !== v || (strict ? v > 0 : v >= 0) ? 1 : 0;
    }
    return out;
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { column } = this.spec;
    if (!ConstraintBase.hasAll(table, [column])) return { table, columns };
    this.remember(table);
    const x = numbersOf(table, column);
    const s = this.sign;
    const z = new Float64Array(x.length);
    // Values on the wrong side (never in valid real rows) are clipped to the bound.
    if (this.spec.strict) for (let i = 0; i < x.length; i++) z[i] = Math.log(Math.max(s * x[i]!, Number.MIN_VALUE));
    else for (let i = 0; i < x.length; i++) z[i] = Math.log1p(Math.max(s * x[i]!, 0));
    return {
      table: new Table(replaceColumn(table.columns, column, [numberColumn(this.logName, "numeric", z)])),
      columns: replaceMetadata(columns, column, { [this.logName]: { ...DECIMAL_METADATA } }),
    };
  }

  reverse(table: Table): Table {
    if (!this.canReverse(table, [this.logName])) return table;
    const f = this.state.format;
    const s = this.sign;
    const z = numbersOf(table, this.logName);
    const x = new Float64Array(z.length);
    if (this.spec.strict) {
      const smallest = ceilTo(f, 0, true);
      for (let i = 0; i < z.length; i++) {
        const a = roundTo(f, Math.exp(z[i]!));
        x[i] = s * (a > 0 || a !== a ? a : smallest);
      }
    } else {
      for (let i = 0; i < z.length; i++) {
        const v = s * roundTo(f, Math.max(Math.expm1(z[i]!), 0));
        x[i] = v === 0 ? 0 : v; // no -0
      }
    }
    return this.ordered(replaceColumn(table.columns, this.logName, [numberColumn(this.spec.column, f.kind, x)]));
  }
}

/** Fits a positive or negative constraint (see the file comment). */
export function fitSign(spec: SignSpec, table: Table, columns: Record<string, ColumnMetadata>, where: string): FittedConstraint {
  const col = requireKind(where, table, "column", spec.column, ["numeric", "integer"], "a number column", spec.type);
  const c = new SignConstraint(spec, { layout: table.columnNames, applied: false, format: numberFormatOf(table, spec.column, columns) });
  const op = spec.type === "positive" ? (spec.strict ? ">" : ">=") : spec.strict ? "<" : "<=";
  throwIfViolated(where, `${spec.type} ${q(spec.column)} ${op} 0`, table, c.isValid(table), [col]);
  return c;
}

/** Rebuilds a fitted positive or negative constraint from its JSON state. */
export function signFromState(spec: SignSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  if (s.format === undefined) throw new ParamTypeError(where, "state.format", s.format, `'state.format' is missing, got ${show(s)}.`);
  return new SignConstraint(spec, { layout: [...(s.layout as string[])], applied: s.applied as boolean, format: checkFormat(where, "state.format", s.format) });
}
