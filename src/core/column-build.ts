import { DataError, ParamError, show } from "./errors.js";
import type { Column, ColumnKind } from "./column.js";

/** Strings read as missing by default (pandas' default `na_values`, in part). */
export const DEFAULT_NA_VALUES: readonly string[] = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "n/a"];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOL_TRUE = new Set(["true", "True", "TRUE"]);
const BOOL_FALSE = new Set(["false", "False", "FALSE"]);

/** Parses a decimal number the way CSV readers do; NaN when it is not one. */
export function parseNumber(s: string): number {
  const t = s.trim();
  if (t === "") return NaN;
  if (t === "inf" || t === "Infinity" || t === "+inf") return Infinity;
  if (t === "-inf" || t === "-Infinity") return -Infinity;
  const v = Number(t);
  // Number("0x10") and Number(" ") are not CSV numbers.
  if (Number.isNaN(v) || /^[+-]?0[xob]/i.test(t)) return NaN;
  return v;
}

/** The kind a column of strings reads as: numbers, booleans, ISO dates, else categories. */
export function inferKindFromStrings(values: readonly (string | null)[]): ColumnKind {
  let numbers = true;
  let ints = true;
  let bools = true;
  let dates = true;
  let seen = 0;
  for (const s of values) {
    if (s === null) continue;
    seen++;
    if (numbers) {
      const v = parseNumber(s);
      if (Number.isNaN(v)) numbers = false;
      else if (!Number.isInteger(v)) ints = false;
    }
    if (bools && !BOOL_TRUE.has(s) && !BOOL_FALSE.has(s)) bools = false;
    if (dates && !ISO_DATE.test(s)) dates = false;
    if (!numbers && !bools && !dates) return "categorical";
  }
  if (seen === 0) return "numeric";
  if (numbers) return ints ? "integer" : "numeric";
  if (bools) return "boolean";
  if (dates) return "datetime";
  return "categorical";
}

/**
 * Builds a column of `kind` from strings (null = missing). A string that does
 * not fit the kind throws a DataError naming the column and the row.
 */
export function columnFromStrings(
  where: string,
  name: string,
  values: readonly (string | null)[],
  kind: ColumnKind,
  firstRow = 1,
): Column {
  const n = values.length;
  const bad = (i: number, what: string): never => {
    throw new DataError(
      where,
      name,
      values[i],
      `column '${name}' row ${(i + firstRow).toLocaleString("en-US")}: ${show(values[i])} is not ${what} (set naValues to treat it as missing, or dtypes to read the column as categorical).`,
    );
  };
  switch (kind) {
    case "numeric":
    case "integer": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s = values[i];
        if (s === null || s === undefined) {
          out[i] = NaN;
          continue;
        }
        const v = parseNumber(s);
        if (Number.isNaN(v)) bad(i, "a number");
        if (kind === "integer" && !Number.isInteger(v)) bad(i, "an integer");
        out[i] = v;
      }
      return { name, kind, values: out };
    }
    case "boolean": {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const s = values[i];
        if (s === null || s === undefined) out[i] = -1;
        else if (BOOL_TRUE.has(s)) out[i] = 1;
        else if (BOOL_FALSE.has(s)) out[i] = 0;
        else bad(i, "true or false");
      }
      return { name, kind, values: out };
    }
    case "datetime": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s = values[i];
        if (s === null || s === undefined) {
          out[i] = NaN;
          continue;
        }
        const t = Date.parse(s.includes("T") || s.length <= 10 ? s : s.replace(" ", "T"));
        if (Number.isNaN(t)) bad(i, "a date");
        out[i] = t;
      }
      return { name, kind, values: out };
    }
    case "categorical":
      return categorical(name, values);
  }
}

/** A categorical column from strings; categories in order of first appearance. */
export function categorical(name: string, values: readonly (string | null | undefined)[]): Column {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const categories: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (s === null || s === undefined) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(s);
    if (c === undefined) {
      c = categories.length;
      categories.push(s);
      index.set(s, c);
    }
    codes[i] = c;
  }
  return { name, kind: "categorical", values: codes, categories };
}

const isNullish = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/**
 * Builds a column from JS values, inferring the kind when none is given:
 * numbers → numeric (integer when all whole), booleans → boolean, Dates →
 * datetime, strings → categorical. null, undefined and NaN are missing.
 */
export function columnFromValues(where: string, name: string, values: ArrayLike<unknown>, kind?: ColumnKind): Column {
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    const isIntArray = !(values instanceof Float64Array || values instanceof Float32Array);
    const k = kind ?? (isIntArray ? "integer" : "numeric");
    if (k === "numeric" || k === "integer" || k === "datetime") {
      return { name, kind: k, values: values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>) };
    }
  }
  const arr = Array.from(values);
  const k = kind ?? inferKindFromValues(arr);
  const n = arr.length;
  const wrong = (i: number, what: string): never => {
    throw new DataError(where, name, arr[i], `column '${name}' row ${i + 1}: ${show(arr[i])} is not ${what}.`);
  };
  switch (k) {
    case "numeric":
    case "integer": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = arr[i];
        if (isNullish(v)) out[i] = NaN;
        else if (typeof v === "number") out[i] = v;
        else if (typeof v === "boolean") out[i] = v ? 1 : 0;
        else if (typeof v === "string" && !Number.isNaN(parseNumber(v))) out[i] = parseNumber(v);
        else wrong(i, "a number");
        if (k === "integer" && out[i] === out[i] && !Number.isInteger(out[i])) wrong(i, "an integer");
      }
      return { name, kind: k, values: out };
    }
    case "boolean": {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = arr[i];
        if (isNullish(v)) out[i] = -1;
        else if (typeof v === "boolean") out[i] = v ? 1 : 0;
        else if (v === 0 || v === 1) out[i] = v;
        else wrong(i, "a boolean");
      }
      return { name, kind: k, values: out };
    }
    case "datetime": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = arr[i];
        if (isNullish(v)) out[i] = NaN;
        else if (v instanceof Date) out[i] = v.getTime();
        else if (typeof v === "number") out[i] = v;
        else if (typeof v === "string" && !Number.isNaN(Date.parse(v))) out[i] = Date.parse(v);
        else wrong(i, "a date");
      }
      return { name, kind: k, values: out };
    }
    case "categorical":
      return categorical(
        name,
        arr.map((v) => (isNullish(v) ? null : v instanceof Date ? v.toISOString() : String(v))),
      );
    default:
      throw new ParamError(where, "kind", k, `unknown column kind ${show(k)}.`);
  }
}

function inferKindFromValues(arr: readonly unknown[]): ColumnKind {
  let kind: ColumnKind | null = null;
  let ints = true;
  for (const v of arr) {
    if (isNullish(v)) continue;
    const k: ColumnKind =
      typeof v === "number" ? "numeric" : typeof v === "boolean" ? "boolean" : v instanceof Date ? "datetime" : "categorical";
    if (k === "numeric" && !Number.isInteger(v)) ints = false;
    if (kind === null) kind = k;
    else if (kind !== k) return "categorical";
  }
  if (kind === null) return "numeric";
  return kind === "numeric" && ints ? "integer" : kind;
}
