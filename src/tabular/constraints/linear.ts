/**
 * linear: `column = round(slope × from + intercept, decimals)`, e.g. a phone
 * bill's charge from its minutes.
 *
 * Rounding is exactly `Math.round((slope * x + intercept) * 10 ** decimals) / 10 ** decimals`
 * (JavaScript's round-half-up on the float product). This order of
 * operations reproduces every row of seed 002's telecom table
 * (`total_day_charge` from `total_day_minutes` with slope 0.17, eve 0.085,
 * night 0.045, intl 0.27, 2 decimals); `Math.round(x * (slope * 100)) / 100`
 * does not (it misses 56 night rows).
 *
 * Transform drops `column` (the model never sees it); reverse recomputes it
 * from `from` (missing where `from` is missing) with the real column's kind,
 * at its place in the column order.
 */
import { ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import { ConstraintBase, numberColumn, numbersOf, q, requireKind, stateObject, throwIfViolated, type BaseState } from "./shared.js";

type LinearSpec = Extract<Constraint, { type: "linear" }>;

interface LinearState extends BaseState {
  kind: "numeric" | "integer";
}

/**
 * `round(slope × x + intercept, decimals)` as the linear constraint defines it:
 * `Math.round((slope * x + intercept) * 10 ** decimals) / 10 ** decimals`.
 *
 * @param slope - the rule's slope
 * @param intercept - the rule's intercept
 * @param decimals - digits kept after the point
 * @param x - the `from` value (NaN gives NaN)
 * @returns the value the rule gives the target column
 * @example
 * linearValue(0.17, 0, 2, 265.1); // => 45.07
 */
export function linearValue(slope: number, intercept: number, decimals: number, x: number): number {
  return Math.round((slope * x + intercept) * 10 ** decimals) / 10 ** decimals;
}

class LinearConstraint extends ConstraintBase<LinearState, LinearSpec> {
  get columns(): readonly string[] {
    return [this.spec.column, this.spec.from];
  }

  isValid(table: Table): Uint8Array {
    const { slope, intercept, decimals } = this.spec;
    const y = numbersOf(table, this.spec.column);
    const x = numbersOf(table, this.spec.from);
    const out = new Uint8Array(y.length);
    for (let i = 0; i < y.length; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      out[i] = xi !== xi || yi !== yi || yi === linearValue(slope, intercept, decimals, xi) ? 1 : 0;
    }
    return out;
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    const { column } = this.spec;
    if (!ConstraintBase.hasAll(table, this.columns)) return { table, columns };
    this.remember(table);
    const meta = { ...columns };
    delete meta[column];
    return { table: new Table(table.columns.filter((c) => c.name !== column)), columns: meta };
  }

  reverse(table: Table): Table {
    const { column, from, slope, intercept, decimals } = this.spec;
    const names = table.columnNames;
    if (!this.state.applied || names.includes(column) || !names.includes(from)) return table;
    const y = Float64Array.from(numbersOf(table, from), (x) => linearValue(slope, intercept, decimals, x));
    const cols = table.columns.flatMap((c) => (c.name === from ? [c, numberColumn(column, this.state.kind, y)] : [c]));
    return this.ordered(cols);
  }
}

/** Fits a linear constraint (see the file comment). */
export function fitLinear(spec: LinearSpec, table: Table, where: string): FittedConstraint {
  const y = requireKind(where, table, "column", spec.column, ["numeric", "integer"], "number columns", "linear");
  const x = requireKind(where, table, "from", spec.from, ["numeric", "integer"], "number columns", "linear");
  const c = new LinearConstraint(spec, { layout: table.columnNames, applied: false, kind: y.kind as LinearState["kind"] });
  const { slope, intercept, decimals } = spec;
  const xs = x.values as Float64Array;
  throwIfViolated(
    where,
    `linear ${q(spec.column)} = round(${slope} × ${q(spec.from)} + ${intercept}, ${decimals})`,
    table,
    c.isValid(table),
    [x, y],
    (i) => `expected ${linearValue(slope, intercept, decimals, xs[i]!)}`,
  );
  return c;
}

/** Rebuilds a fitted linear constraint from its JSON state. */
export function linearFromState(spec: LinearSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  if (s.kind !== "numeric" && s.kind !== "integer") throw new ParamTypeError(where, "state.kind", s.kind, `'state.kind' must be "numeric" or "integer", got ${show(s.kind)}.`);
  return new LinearConstraint(spec, { layout: [...(s.layout as string[])], applied: s.applied as boolean, kind: s.kind });
}
