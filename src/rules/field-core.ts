/**
 * What every rule-based field is: a typed value source that draws a whole
 * column at a time into typed storage (and, for fields that can be
 * correlated through the copula, maps uniforms in [0, 1) to values: their
 * quantile function). The field kinds live beside this file (numbers,
 * choices, dates, ids, fake); `field.ts` gathers them into `field`.
 */
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { parseIsoDate } from "../core/column-build.js";
import type { Rng } from "../random/rng.js";

/** A column as a field draws it: typed storage, as a Table column without its name. */
export type DrawnColumn =
  | { readonly kind: "numeric" | "integer" | "datetime"; readonly values: Float64Array }
  | { readonly kind: "boolean"; readonly values: Int8Array }
  | { readonly kind: "categorical"; readonly values: Int32Array; readonly categories: readonly string[] };

/** What a field draws from: its own stream, the output rows the values are for, and a key fixed for the whole run. */
export interface DrawContext {
  readonly rng: Rng;
  /** Output row index of each value (ids and sequences are functions of it). */
  readonly positions: Float64Array;
  /** A number fixed for one sample run (keys of unique patterns). */
  readonly runKey: number;
}

/** The field kinds. */
export type FieldType =
  | "integers"
  | "distribution"
  | "choice"
  | "boolean"
  | "constant"
  | "date"
  | "sequence"
  | "uuid"
  | "pattern"
  | "fake"
  | "derive";

/** A row as `derive` and `where` see it: the values of the columns made so far. */
export type RuleRow = Readonly<Record<string, unknown>>;

/**
 * A field of a rule-based spec, producing values of type `T`. Made by the
 * functions of {@link field}; the generator reads its internals.
 */
export interface Field<T> {
  readonly type: FieldType;
  /** A one-line description, e.g. `integers(18, 70)`. */
  readonly description: string;
  /** Phantom: the type of the values (never set). */
  readonly __value?: T;
}

/** @internal the behaviour behind a {@link Field}. */
export interface FieldImpl<T> extends Field<T> {
  /** Draws one value per position (absent for `derive`). */
  draw?(ctx: DrawContext): DrawnColumn;
  /** Values for uniforms in [0, 1) (fields that can be correlated). */
  quantile?(u: Float64Array): DrawnColumn;
  /** `derive`'s function. */
  readonly derive?: (row: RuleRow, rng: Rng) => unknown;
}

/** The value type of a field. */
export type FieldValue<F> = F extends Field<infer T> ? T : never;

/** A field's internals typed as the public {@link Field}. */
export const impl = <T>(f: FieldImpl<T>): Field<T> => f;

/** The internals of a field made by {@link field} (a TypeError for anything else). */
export function fieldImpl(where: string, name: string, f: unknown): FieldImpl<unknown> {
  if (f === null || typeof f !== "object" || typeof (f as FieldImpl<unknown>).type !== "string" || (typeof (f as FieldImpl<unknown>).draw !== "function" && typeof (f as FieldImpl<unknown>).derive !== "function")) {
    throw new ParamTypeError(where, name, f, `column '${name}' must be a field such as field.integers(0, 9) or field.choice(["a", "b"]), got ${show(f)}.`);
  }
  return f as FieldImpl<unknown>;
}

// ------------------------------------------------------------ helpers

export function roundTo(values: Float64Array, decimals: number): void {
  const k = 10 ** decimals;
  for (let i = 0; i < values.length; i++) values[i] = Math.round(values[i]! * k) / k;
}

/** The kind of a column of JS values: numbers (integer when all whole), booleans, Dates, else categories. */
export function columnOfValues(where: string, name: string, values: readonly unknown[]): DrawnColumn {
  const n = values.length;
  let type: string | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const t = v instanceof Date ? "date" : typeof v;
    if (t !== "number" && t !== "string" && t !== "boolean" && t !== "date") {
      throw new DataError(where, name, v, `column '${name}' row ${i}: ${show(v)} is not a number, string, boolean or Date.`);
    }
    if (type === null) type = t;
    else if (type !== t) throw new DataError(where, name, v, `column '${name}' mixes ${type}s and ${t}s (row ${i}: ${show(v)}); return one type (null for missing).`);
  }
  if (type === "string" || type === null) {
    const index = new Map<string, number>();
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i] as string | null | undefined;
      if (v === null || v === undefined) codes[i] = -1;
      else {
        let c = index.get(v);
        if (c === undefined) index.set(v, (c = index.size));
        codes[i] = c;
      }
    }
    return { kind: "categorical", values: codes, categories: [...index.keys()] };
  }
  if (type === "boolean") return { kind: "boolean", values: Int8Array.from(values, (v) => (v === null || v === undefined ? -1 : v ? 1 : 0)) };
  if (type === "date") return { kind: "datetime", values: Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN)) };
  const out = Float64Array.from(values, (v) => (typeof v === "number" ? v : NaN));
  let whole = true;
  for (const v of out) if (v === v && !Number.isInteger(v)) whole = false;
  return { kind: whole ? "integer" : "numeric", values: out };
}

/** Epoch milliseconds of a Date, an ISO 8601 string or a number; a ParamError naming `param` otherwise. */
export function toMs(where: string, param: string, v: unknown): number {
  const ms = v instanceof Date ? v.getTime() : typeof v === "string" ? parseIsoDate(v) : typeof v === "number" ? v : NaN;
  if (!Number.isFinite(ms)) {
    throw new ParamError(where, param, v, `'${param}' must be a Date, an ISO 8601 string ("2024-01-31", "2024-01-31T08:30") or epoch milliseconds, got ${show(v)}.`);
  }
  return ms;
}

