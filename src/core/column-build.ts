import { DataError, ParamError, show } from "./errors.js";
import { isMissing, missingCount, type Column, type ColumnKind } from "./column.js";

/** Strings read as missing by default (pandas' default `na_values`, in part). */
export const DEFAULT_NA_VALUES: readonly string[] = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "n/a"];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/;
/** A number written with a leading zero: a zero followed by another digit ("007", "-00.5"; not "0", "0.5"). */
const LEADING_ZERO = /^[+-]?0\d/;
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

/**
 * Epoch milliseconds of an ISO 8601 date or date-time: `2024-01-02`,
 * `2024-01-02T03:04`, `2024-01-02 03:04:05.123`, with `Z` or an offset
 * (`+01:00`, `-0530`). A date-time without an offset is read as UTC (pandas'
 * naive timestamps), never in the machine's time zone; fractions beyond
 * milliseconds are truncated. NaN when the string is not of that form or
 * names no real date or time (`2024-02-30`, `25:00`).
 */
export function parseIsoDate(s: string): number {
  const m = ISO_DATE.exec(s);
  if (!m) return NaN;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  const offH = m[10] ? Number(m[10]) : 0;
  const offM = m[11] ? Number(m[11]) : 0;
  const dt = new Date(0);
  dt.setUTCFullYear(y!, mo! - 1, d!); // not Date.UTC: it maps years 0-99 to 1900-1999
  dt.setUTCHours(h, mi, sec, ms);
  if (dt.getUTCMonth() !== mo! - 1 || dt.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59 || offH > 23 || offM > 59) return NaN;
  return dt.getTime() - (m[9] === "-" ? -1 : 1) * (offH * 60 + offM) * 60_000;
}

/** Epoch milliseconds of a date string: ISO 8601 as {@link parseIsoDate}, other forms as `Date.parse`. */
function parseDate(s: string): number {
  return ISO_DATE.test(s) ? parseIsoDate(s) : Date.parse(s);
}

/**
 * The kind a column of strings reads as: numbers, booleans, ISO dates, else
 * categories. A number written with a leading zero (`"007"`, `"00123"`, but
 * not `"0"`, `"0.5"` or `"-0.25"`) makes the column categorical: such values
 * are codes (ids, zip codes) whose zeros reading as numbers would lose.
 */
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
      if (Number.isNaN(v) || LEADING_ZERO.test(s.trim())) numbers = false;
      else if (!Number.isInteger(v)) ints = false;
    }
    if (bools && !BOOL_TRUE.has(s) && !BOOL_FALSE.has(s)) bools = false;
    if (dates && Number.isNaN(parseIsoDate(s))) dates = false;
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
        const t = parseDate(s);
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
 * numbers → numeric (integer when all whole), booleans → boolean, Dates and
 * ISO 8601 date strings (see {@link parseIsoDate}) → datetime, other strings
 * → categorical. null, undefined and NaN are missing.
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
        else if (typeof v === "string" && !Number.isNaN(parseDate(v))) out[i] = parseDate(v);
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
      typeof v === "number"
        ? "numeric"
        : typeof v === "boolean"
          ? "boolean"
          : v instanceof Date || (typeof v === "string" && !Number.isNaN(parseIsoDate(v)))
            ? "datetime"
            : "categorical";
    if (k === "numeric" && !Number.isInteger(v)) ints = false;
    if (kind === null) kind = k;
    else if (kind !== k) return "categorical";
    if (kind === "categorical") return kind; // whatever follows, the column stays categorical
  }
  if (kind === null) return "numeric";
  return kind === "numeric" && ints ? "integer" : kind;
}

/** What a column of each kind takes as a fill value (for error messages). */
const TAKES: Record<ColumnKind, string> = {
  numeric: "a number",
  integer: "an integer",
  boolean: "true or false",
  categorical: "a string",
  datetime: "a Date or an ISO 8601 date string",
};

/**
 * `col` with its missing cells set to `value` (`col` itself when nothing is
 * missing). A string new to a categorical column is added to its categories
 * (only when a cell takes it).
 * @throws ParamError when `value` does not fit the column's kind (`hint` is appended)
 */
export function fillMissing(where: string, col: Column, value: unknown, hint = ""): Column {
  const misfit = (): never => {
    throw new ParamError(where, "values", value, `column ${show(col.name)} is ${col.kind} and takes ${TAKES[col.kind]}, got ${show(value)}.${hint}`);
  };
  let code: number;
  switch (col.kind) {
    case "numeric":
      if (typeof value !== "number" || Number.isNaN(value)) misfit();
      code = value as number;
      break;
    case "integer":
      if (!Number.isInteger(value)) misfit();
      code = value as number;
      break;
    case "boolean":
      if (typeof value !== "boolean") misfit();
      code = value ? 1 : 0;
      break;
    case "datetime":
      code = value instanceof Date ? value.getTime() : typeof value === "string" ? parseIsoDate(value) : NaN;
      if (Number.isNaN(code)) misfit();
      break;
    case "categorical":
      if (typeof value !== "string") misfit();
      code = col.categories.indexOf(value as string);
      break;
  }
  let first = -1;
  for (let i = 0; i < col.values.length && first < 0; i++) if (isMissing(col, i)) first = i;
  if (first < 0) return col;
  if (col.kind === "categorical") {
    const categories = code >= 0 ? col.categories : [...col.categories, value as string];
    if (code < 0) code = col.categories.length;
    const v = Int32Array.from(col.values);
    for (let i = first; i < v.length; i++) if (v[i]! < 0) v[i] = code;
    return { name: col.name, kind: col.kind, values: v, categories };
  }
  if (col.kind === "boolean") {
    const v = Int8Array.from(col.values);
    for (let i = first; i < v.length; i++) if (v[i]! < 0) v[i] = code;
    return { name: col.name, kind: col.kind, values: v };
  }
  const v = Float64Array.from(col.values);
  for (let i = first; i < v.length; i++) if (v[i] !== v[i]) v[i] = code;
  return { name: col.name, kind: col.kind, values: v };
}

/**
 * One column holding the rows of `cols` (same name) one after the other.
 * Kinds must agree, except that integer and numeric give numeric and that a
 * part with every cell missing (whose kind inference could not tell) takes
 * the kind of the others; categorical columns are merged by label
 * (categories in order of first appearance across the parts).
 * @throws ParamError naming the column and the two tables whose kinds differ
 */
export function concatColumns(where: string, cols: readonly Column[]): Column {
  const name = cols[0]!.name;
  const numbers = (k: ColumnKind) => k === "numeric" || k === "integer";
  const informative = cols.map((c) => missingCount(c) < c.values.length);
  const firstKnown = Math.max(0, informative.indexOf(true));
  let kind: ColumnKind = cols[firstKnown]!.kind;
  cols.forEach((c, t) => {
    if (c.kind === kind || !informative[t]) return;
    if (numbers(c.kind) && numbers(kind)) kind = "numeric";
    else {
      throw new ParamError(
        where,
        "tables",
        c.kind,
        `column ${show(name)} is ${cols[firstKnown]!.kind} in table ${firstKnown} but ${c.kind} in table ${t}; convert one of them first (Table.withColumn with a kind).`,
      );
    }
  });
  if (!informative.includes(true)) kind = cols[0]!.kind;
  // an all-missing part of another kind becomes all-missing of this kind
  const parts = cols.map((c): Column => {
    if (c.kind === kind || (numbers(c.kind) && numbers(kind))) return c;
    const n = c.values.length;
    if (kind === "categorical") return { name, kind, values: new Int32Array(n).fill(-1), categories: [] };
    if (kind === "boolean") return { name, kind, values: new Int8Array(n).fill(-1) };
    return { name, kind: kind as "numeric" | "integer" | "datetime", values: new Float64Array(n).fill(NaN) };
  });
  cols = parts;
  const n = cols.reduce((a, c) => a + c.values.length, 0);
  switch (kind) {
    case "categorical": {
      const index = new Map<string, number>();
      const categories: string[] = [];
      const out = new Int32Array(n);
      let at = 0;
      for (const c of cols as Extract<Column, { kind: "categorical" }>[]) {
        const map = c.categories.map((label) => {
          let k = index.get(label);
          if (k === undefined) (k = categories.length, categories.push(label), index.set(label, k));
          return k;
        });
        for (let i = 0; i < c.values.length; i++) {
          const v = c.values[i]!;
          out[at++] = v < 0 ? -1 : map[v]!;
        }
      }
      return { name, kind, values: out, categories };
    }
    case "boolean": {
      const out = new Int8Array(n);
      let at = 0;
      for (const c of cols) (out.set(c.values, at), (at += c.values.length));
      return { name, kind, values: out };
    }
    default: {
      const out = new Float64Array(n);
      let at = 0;
      for (const c of cols) (out.set(c.values, at), (at += c.values.length));
      return { name, kind: kind as "numeric" | "integer" | "datetime", values: out };
    }
  }
}

