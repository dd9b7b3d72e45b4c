/**
 * Helpers shared by the constraint types: reading numeric columns, rounding
 * to a column's precision, messages for real rows that break a constraint,
 * restoring the column order on reverse, and the common base class.
 * Internal to `constraints/`: the public names live in `constraint.ts`.
 */
import { cellAt, type Column, type ColumnKind } from "../../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";

/** Kinds of columns that hold numbers (datetimes as epoch milliseconds). */
export type NumberKind = "numeric" | "integer" | "datetime";

/** Datetime resolutions tried, coarsest first: day, hour, minute, second, millisecond. */
export const DATETIME_RESOLUTIONS = [86_400_000, 3_600_000, 60_000, 1000, 1] as const;

/** Integer columns with at most this many distinct values may take part in fixedCombinations. */
export const MAX_INTEGER_LEVELS = 50;

/**
 * How a rebuilt number column is written back: its Table kind, and the grid
 * its values sit on (`decimals` digits after the point for numbers, `null`
 * when not rounded; `resolution` milliseconds for datetimes).
 */
export interface NumberFormat {
  kind: NumberKind;
  decimals: number | null;
  resolution: number | null;
}

/** Digits after the point in the shortest string of `v` (`1.25` → 2, `1e-7` → 7). */
export function decimalsOf(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  const s = String(Math.abs(v));
  const e = s.indexOf("e");
  if (e < 0) return s.length - s.indexOf(".") - 1;
  const mant = s.slice(0, e);
  const dot = mant.indexOf(".");
  const frac = dot < 0 ? 0 : mant.length - dot - 1;
  return Math.max(0, frac - Number(s.slice(e + 1)));
}

/** The largest {@link decimalsOf} over the present values (NaN skipped). */
export function maxDecimals(values: Float64Array): number {
  let d = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v || !Number.isFinite(v)) continue;
    if (d > 10) {
      d = Math.max(d, decimalsOf(v));
      continue;
    }
    // fast path: v has at most e decimals when the e-decimal number nearest to it is v itself
    let e = d;
    while (e <= 10 && Math.round(v * 10 ** e) / 10 ** e !== v) e++;
    d = e <= 10 ? e : Math.max(11, decimalsOf(v));
  }
  return d;
}

/** The coarsest of {@link DATETIME_RESOLUTIONS} that every present value is a multiple of. */
export function datetimeResolution(values: Float64Array): number {
  for (const r of DATETIME_RESOLUTIONS) {
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const v = values[i]!;
      if (v === v && v % r !== 0) ok = false;
    }
    if (ok) return r;
  }
  return 1;
}

/** `Math.round(v * 10 ** d) / 10 ** d`, leaving values too large to carry `d` decimals as they are. */
export function roundDecimals(v: number, d: number): number {
  const p = 10 ** d;
  const s = v * p;
  if (!Number.isFinite(s) || Math.abs(s) >= 2 ** 52) return v;
  const r = Math.round(s) / p;
  return r === 0 ? 0 : r; // no -0
}

/** The number format of a real column: its kind, and its decimals (metadata first, else learned) or datetime resolution. */
export function numberFormatOf(table: Table, name: string, columns: Record<string, ColumnMetadata>): NumberFormat {
  const col = table.columnInfo(name);
  if (col.kind === "datetime") return { kind: "datetime", decimals: null, resolution: datetimeResolution(col.values) };
  if (col.kind === "integer") return { kind: "integer", decimals: 0, resolution: null };
  if (col.kind !== "numeric") throw new Error(`numberFormatOf: column ${q(name)} is ${col.kind}`);
  const meta = columns[name];
  let d = typeof meta?.decimals === "number" && Number.isInteger(meta.decimals) && meta.decimals >= 0 ? meta.decimals : maxDecimals(col.values);
  if (meta?.representation === "integer") d = 0;
  return { kind: "numeric", decimals: d > 15 ? null : d, resolution: null };
}

/** `v` on the format's grid (unchanged when the format does not round). */
export function roundTo(f: NumberFormat, v: number): number {
  if (v !== v || !Number.isFinite(v)) return v;
  if (f.resolution !== null) return Math.round(v / f.resolution) * f.resolution;
  if (f.decimals === null) return v;
  return roundDecimals(v, f.decimals);
}

/** The next double above `v`. */
export function nextUp(v: number): number {
  if (v !== v || v === Infinity) return v;
  if (v === 0) return Number.MIN_VALUE;
  const buf = new Float64Array([v]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] = v > 0 ? bits[0]! + 1n : bits[0]! - 1n;
  return buf[0]!;
}

/** The next double below `v`. */
export function nextDown(v: number): number {
  return -nextUp(-v);
}

/** `v` plus one step of the format's grid (the next double when it has none). */
export function stepUp(f: NumberFormat, v: number): number {
  if (f.resolution !== null) return roundTo(f, v + f.resolution);
  if (f.decimals === null) return nextUp(v);
  return roundDecimals(v + 10 ** -f.decimals, f.decimals);
}

/** `v` minus one step of the format's grid. */
export function stepDown(f: NumberFormat, v: number): number {
  if (f.resolution !== null) return roundTo(f, v - f.resolution);
  if (f.decimals === null) return nextDown(v);
  return roundDecimals(v - 10 ** -f.decimals, f.decimals);
}

/** The smallest grid value >= v (> v when `strict`). */
export function ceilTo(f: NumberFormat, v: number, strict = false): number {
  let r = roundTo(f, v);
  if (r < v) r = stepUp(f, r);
  if (strict && r <= v) r = stepUp(f, r);
  return r;
}

/** The largest grid value <= v (< v when `strict`). */
export function floorTo(f: NumberFormat, v: number, strict = false): number {
  let r = roundTo(f, v);
  if (r > v) r = stepDown(f, r);
  if (strict && r >= v) r = stepDown(f, r);
  return r;
}

/**
 * Rounds `v` to the format and makes it >= `low` (> `low` when `strict`):
 * nudged up by one step when rounding broke the bound, and to the first grid
 * value past `low` if that was not enough.
 */
export function roundAbove(f: NumberFormat, v: number, low: number, strict: boolean): number {
  if (v !== v || low !== low) return roundTo(f, v);
  let r = roundTo(f, v);
  const ok = (x: number) => (strict ? x > low : x >= low);
  if (!ok(r)) r = stepUp(f, r);
  if (!ok(r)) r = ceilTo(f, low, strict);
  return r;
}

/** The values of a number-like column as a Float64Array (NaN for missing; booleans as 0/1). */
export function numbersOf(table: Table, name: string): Float64Array {
  const c = table.columnInfo(name);
  if (c.kind === "numeric" || c.kind === "integer" || c.kind === "datetime") return c.values;
  if (c.kind === "boolean") return Float64Array.from(c.values, (v) => (v < 0 ? NaN : v));
  throw new ParamError("constraint", name, c.kind, `column ${q(name)} is categorical, expected numbers.`);
}

/** A number column of the given kind. */
export function numberColumn(name: string, kind: NumberKind, values: Float64Array): Column {
  return { name, kind, values };
}

/** A column name quoted for a message: 'name'. */
export function q(name: string): string {
  return `'${name}'`;
}

/** True when the column has a missing value. */
export function hasMissing(col: Column): boolean {
  const v = col.values;
  if (col.kind === "boolean" || col.kind === "categorical") {
    for (let i = 0; i < v.length; i++) if (v[i]! < 0) return true;
  } else {
    for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  }
  return false;
}

// ---------------------------------------------------------------- checks at fit time

/** The column, or a ParamError naming it and listing the table's columns. */
export function requireColumn(where: string, table: Table, param: string, name: string): Column {
  const names = table.columnNames;
  if (!names.includes(name)) {
    throw new ParamError(where, param, name, `constraint column ${q(name)} (${param}) is not in the table. Columns: ${names.join(", ")}.`);
  }
  return table.columnInfo(name);
}

/** A column of one of `kinds`, or a ParamError naming it, its kind and what the constraint needs. */
export function requireKind(where: string, table: Table, param: string, name: string, kinds: readonly ColumnKind[], what: string, type: string): Column {
  const col = requireColumn(where, table, param, name);
  if (!kinds.includes(col.kind)) {
    throw new ParamError(where, param, name, `${type} needs ${what}, but column ${q(name)} (${param}) is ${col.kind}.`);
  }
  return col;
}

/** A cell for an error message: dates as ISO text (date only at midnight), missing as "missing". */
export function showCell(col: Column, i: number): string {
  const c = cellAt(col, i);
  if (c === null) return "missing";
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "invalid date" : c.toISOString().replace("T00:00:00.000Z", "");
  if (typeof c === "string") return JSON.stringify(c);
  return String(c);
}

/**
 * Throws the DataError for real rows that break a constraint: which
 * constraint, how many rows, and the first 5 row numbers (counted from 1,
 * as the data rows of a CSV file) with their values.
 */
export function throwIfViolated(
  where: string,
  label: string,
  table: Table,
  valid: Uint8Array,
  cols: readonly Column[],
  extra?: (row: number) => string,
): void {
  const bad: number[] = [];
  let count = 0;
  for (let i = 0; i < valid.length; i++) {
    if (valid[i] === 0) {
      count++;
      if (bad.length < 5) bad.push(i);
    }
  }
  if (count === 0) return;
  const rows = bad
    .map((i) => `row ${i + 1} (${cols.map((c) => `${c.name} ${showCell(c, i)}`).join(", ")}${extra ? `; ${extra(i)}` : ""})`)
    .join(", ");
  throw new DataError(
    where,
    "constraints",
    label,
    `${label} is violated by ${count.toLocaleString("en-US")} of ${table.nRows.toLocaleString("en-US")} real rows: ${rows}${count > 5 ? ", ..." : ""}; fix the data or drop the constraint.`,
  );
}

// ---------------------------------------------------------------- column order

/**
 * Puts the columns named in `layout` back in that order, in the slots they
 * occupy; columns the layout does not name stay where they are.
 */
export function restoreOrder(columns: readonly Column[], layout: readonly string[]): Column[] {
  const rank = new Map(layout.map((n, i) => [n, i]));
  const members = columns.filter((c) => rank.has(c.name)).sort((a, b) => rank.get(a.name)! - rank.get(b.name)!);
  let k = 0;
  return columns.map((c) => (rank.has(c.name) ? members[k++]! : c));
}

/** Replaces the column `name` by `replacement` columns in place. */
export function replaceColumn(columns: readonly Column[], name: string, replacement: readonly Column[]): Column[] {
  const out: Column[] = [];
  for (const c of columns) {
    if (c.name === name) out.push(...replacement);
    else out.push(c);
  }
  return out;
}

/** Replaces the metadata of `name` by the entries of `replacement`, in place (key order kept). */
export function replaceMetadata(
  columns: Record<string, ColumnMetadata>,
  name: string,
  replacement: Record<string, ColumnMetadata>,
): Record<string, ColumnMetadata> {
  const out: Record<string, ColumnMetadata> = {};
  let placed = false;
  for (const [k, v] of Object.entries(columns)) {
    if (k === name) {
      Object.assign(out, replacement);
      placed = true;
    } else if (!(k in replacement)) out[k] = v;
  }
  if (!placed) Object.assign(out, replacement);
  return out;
}

/** Metadata of a model-space column of unbounded decimals (`#diff`, `#logit`, `#log`). */
export const DECIMAL_METADATA: ColumnMetadata = { sdtype: "numerical", representation: "decimal" };

// ---------------------------------------------------------------- base class

/**
 * What every fitted constraint keeps: the column order the last transform
 * saw, and whether a transform replaced columns (reverse undoes only its own
 * transform: another constraint may have made a column of the same name).
 */
export interface BaseState {
  layout: string[];
  applied: boolean;
}

/**
 * The parts every constraint shares: the spec, a JSON-ready state, the
 * column order of the transform's input (so reverse restores it), and toJSON.
 */
export abstract class ConstraintBase<S extends BaseState, C extends Constraint = Constraint> implements FittedConstraint {
  constructor(
    readonly spec: C,
    protected readonly state: S,
  ) {}

  abstract get columns(): readonly string[];
  abstract isValid(table: Table): Uint8Array;
  abstract transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> };
  abstract reverse(table: Table): Table;

  /** Records the input's column order when the transform applies. */
  protected remember(table: Table): void {
    this.state.layout = table.columnNames;
    this.state.applied = true;
  }

  /** True when this constraint's transform replaced columns and `table` has what it made. */
  protected canReverse(table: Table, made: readonly string[]): boolean {
    return this.state.applied && ConstraintBase.hasAll(table, made);
  }

  /** A table of `columns` in the order the transform's input had. */
  protected ordered(columns: readonly Column[]): Table {
    return new Table(restoreOrder(columns, this.state.layout));
  }

  /** True when every named column is in the table. */
  protected static hasAll(table: Table, names: readonly string[]): boolean {
    const have = new Set(table.columnNames);
    return names.every((n) => have.has(n));
  }

  toJSON(): unknown {
    return { format: "synthlab.constraint", version: 1, spec: structuredClone(this.spec), state: structuredClone(this.state) };
  }
}

/** Reads a JSON state object (a ParamTypeError when it is not one). */
export function stateObject(where: string, json: unknown): Record<string, unknown> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ParamTypeError(where, "state", json, `'state' must be an object, got ${show(json)}.`);
  }
  const s = json as Record<string, unknown>;
  if (!Array.isArray(s.layout) || !s.layout.every((n) => typeof n === "string")) {
    throw new ParamTypeError(where, "state.layout", s.layout, `'state.layout' must be an array of column names, got ${show(s.layout)}.`);
  }
  if (typeof s.applied !== "boolean") throw new ParamTypeError(where, "state.applied", s.applied, `'state.applied' must be true or false, got ${show(s.applied)}.`);
  return s;
}

/** Checks a NumberFormat read from JSON. */
export function checkFormat(where: string, param: string, f: unknown): NumberFormat {
  const o = f as NumberFormat | null;
  const okKind = o !== null && typeof o === "object" && ["numeric", "integer", "datetime"].includes(o.kind);
  const okDec = okKind && (o.decimals === null || (Number.isInteger(o.decimals) && o.decimals >= 0));
  const okRes = okKind && (o.resolution === null || (typeof o.resolution === "number" && o.resolution > 0));
  if (!okDec || !okRes) {
    throw new ParamTypeError(where, param, f, `'${param}' must be { kind, decimals, resolution }, got ${show(f)}.`);
  }
  return { kind: o!.kind, decimals: o!.decimals, resolution: o!.resolution };
}
