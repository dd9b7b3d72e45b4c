/**
 * fixedIncrements: `column` is a multiple of `increment`, SDV's FixedIncrements.
 *
 * The model learns `${column}#steps` = x / step, an integer column, where
 * step is the increment, or the least common multiple of the increment and
 * the column's grid when the column has fewer decimals than the increment
 * (an integer column with increment 0.5 moves in steps of 1: its values are
 * whole). Reverse computes round(steps) × step rounded to the step's
 * decimals, so 3 × 0.1 gives 0.3 and not 0.30000000000000004. Missing values
 * pass through.
 */
import { ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import {
  ConstraintBase,
  decimalsOf,
  numberColumn,
  numberFormatOf,
  numbersOf,
  q,
  replaceColumn,
  replaceMetadata,
  requireKind,
  roundDecimals,
  stateObject,
  throwIfViolated,
  type BaseState,
  type NumberKind,
} from "./shared.js";

type FixedIncrementsSpec = Extract<Constraint, { type: "fixedIncrements" }>;

interface FixedIncrementsState extends BaseState {
  kind: NumberKind;
  /** The step the model counts in (the increment, or its lcm with the column's grid). */
  step: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The least common multiple of `increment` and 10^-decimals (the increment itself when that is not exact). */
export function effectiveStep(increment: number, decimals: number | null): number {
  if (decimals === null) return increment;
  const D = Math.max(decimalsOf(increment), decimals);
  if (D > 15) return increment;
  const scale = 10 ** D;
  const a = Math.round(increment * scale);
  const b = 10 ** (D - decimals);
  if (a > 2 ** 52 || a <= 0) return increment;
  const l = (a / gcd(a, b)) * b;
  return l > 2 ** 52 ? increment : l / scale;
}

class FixedIncrementsConstraint extends ConstraintBase<FixedIncrementsState, FixedIncrementsSpec> {
  get columns(): readonly string[] {
    return [this.spec.column];
  }

  private get stepsName(): string {
    return `${this.spec.column}#steps`;
  }

  isValid(table: Table): Uint8Array {
    const x = numbersOf(table, this.spec.column);
    const inc = this.spec.increment;
    const out = new Uint8Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const r = x[i]! / inc;
      out[i] = r !== r || Math.abs(r - Math.round(r)) <= 1e-9 + 1e-12 * Math.abs(r) ? 1 : 0;
    }
    return out;
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { column } = this.spec;
    if (!ConstraintBase.hasAll(table, [column])) return { table, columns };
    this.remember(table);
    const x = numbersOf(table, column);
    const steps = Float64Array.from(x, (v) => Math.round(v / this.state.step));
    return {
      table: new Table(replaceColumn(table.columns, column, [numberColumn(this.stepsName, "integer", steps)])),
      columns: replaceMetadata(columns, column, { [this.stepsName]: { sdtype: "numerical", representation: "integer", decimals: 0 } }),
    };
  }

  reverse(table: Table): Table {
    if (!this.canReverse(table, [this.stepsName])) return table;
    const { step, kind } = this.state;
    const d = decimalsOf(step);
    const x = Float64Array.from(numbersOf(table, this.stepsName), (s) => roundDecimals(Math.round(s) * step, d));
    return this.ordered(replaceColumn(table.columns, this.stepsName, [numberColumn(this.spec.column, kind, x)]));
  }
}

/** Fits a fixedIncrements constraint (see the file comment). */
export function fitFixedIncrements(spec: FixedIncrementsSpec, table: Table, columns: Record<string, ColumnMetadata>, where: string): FittedConstraint {
  const col = requireKind(where, table, "column", spec.column, ["numeric", "integer"], "a number column", "fixedIncrements");
  const f = numberFormatOf(table, spec.column, columns);
  const c = new FixedIncrementsConstraint(spec, {
    layout: table.columnNames,
    applied: false,
    kind: col.kind as NumberKind,
    step: effectiveStep(spec.increment, f.decimals),
  });
  throwIfViolated(where, `fixedIncrements ${q(spec.column)} in steps of ${spec.increment}`, table, c.isValid(table), [col]);
  return c;
}

/** Rebuilds a fitted fixedIncrements constraint from its JSON state. */
export function fixedIncrementsFromState(spec: FixedIncrementsSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  if (s.kind !== "numeric" && s.kind !== "integer") throw new ParamTypeError(where, "state.kind", s.kind, `'state.kind' must be "numeric" or "integer", got ${show(s.kind)}.`);
  if (typeof s.step !== "number" || !(s.step > 0)) throw new ParamTypeError(where, "state.step", s.step, `'state.step' must be a number > 0, got ${show(s.step)}.`);
  return new FixedIncrementsConstraint(spec, { layout: [...(s.layout as string[])], applied: s.applied as boolean, kind: s.kind, step: s.step });
}
