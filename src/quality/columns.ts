/**
 * Column helpers shared by the metrics and properties: numbers without
 * missing values, and discrete codes shared between a real and a synthetic
 * column.
 */
import type { Column } from "../core/column.js";
import { DataError, ParamTypeError, show } from "../core/errors.js";

/** A column given to a metric: a {@link Column} of a Table, or plain values. */
export type ColumnInput = Column | ArrayLike<unknown>;

function isColumn(x: unknown): x is Column {
  return typeof x === "object" && x !== null && "kind" in x && "values" in x && "name" in x;
}

/** The shape SDMetrics gives a column kind: numbers and dates are continuous, categories and booleans discrete. */
export function columnShape(col: Column): "continuous" | "discrete" {
  return col.kind === "categorical" || col.kind === "boolean" ? "discrete" : "continuous";
}

/**
 * The finite numbers of a column (missing values dropped): numeric, integer
 * and datetime (epoch ms) columns, booleans as 0/1, or an array of numbers
 * (NaN, null and undefined dropped).
 * @throws ParamTypeError for a categorical column or a non-number value
 */
export function finiteNumbers(where: string, param: string, x: ColumnInput): Float64Array {
  if (isColumn(x)) {
    if (x.kind === "categorical") throw new ParamTypeError(where, param, x.name, `column '${x.name}' is categorical; this metric needs numbers.`);
    const v = x.values;
    let m = 0;
    const out = new Float64Array(v.length);
    if (x.kind === "boolean") {
      for (let i = 0; i < v.length; i++) if (v[i]! >= 0) out[m++] = v[i]!;
    } else {
      for (let i = 0; i < v.length; i++) {
        const a = v[i]!;
        if (a === a && a !== Infinity && a !== -Infinity) out[m++] = a;
      }
    }
    return m === v.length ? out : out.slice(0, m);
  }
  if (!(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) {
    throw new ParamTypeError(where, param, x, `'${param}' must be a column or an array of numbers, got ${show(x)}.`);
  }
  const out = new Float64Array(x.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    if (a === null || a === undefined) continue;
    if (typeof a !== "number") throw new ParamTypeError(where, param, a, `'${param}'[${i}] is ${show(a)}; this metric needs numbers.`);
    if (Number.isFinite(a)) out[m++] = a;
  }
  return m === x.length ? out : out.slice(0, m);
}

/** The label of a missing value among category labels. */
export const MISSING_LABEL = "(missing)";

/** Discrete codes of two columns over one shared list of levels (missing values are a level of their own). */
export interface SharedCodes {
  /** Codes of the real column, `0 .. levels.length - 1`. */
  readonly real: Int32Array;
  /** Codes of the synthetic column. */
  readonly synthetic: Int32Array;
  /** Level labels (first the real column's, then levels seen only in the synthetic one). */
  readonly levels: string[];
}

/** Labels of a discrete column's rows, as an Int32Array of codes into `labels` (-1 missing). */
function rawCodes(x: ColumnInput): { codes: Int32Array; labels: string[] } {
  if (isColumn(x)) {
    if (x.kind === "categorical") return { codes: x.values, labels: [...x.categories] };
    if (x.kind === "boolean") return { codes: Int32Array.from(x.values), labels: ["false", "true"] };
    // numbers as labels (exact values)
    return keyed(Array.from(x.values, (v) => (v === v ? (x.kind === "datetime" ? new Date(v).toISOString() : String(v)) : null)));
  }
  const arr: (string | null)[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    arr[i] = v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v instanceof Date ? v.toISOString() : String(v);
  }
  return keyed(arr);
}

function keyed(arr: readonly (string | null)[]): { codes: Int32Array; labels: string[] } {
  const map = new Map<string, number>();
  const labels: string[] = [];
  const codes = new Int32Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const s = arr[i];
    if (s === null || s === undefined) {
      codes[i] = -1;
      continue;
    }
    let c = map.get(s);
    if (c === undefined) {
      c = labels.length;
      map.set(s, c);
      labels.push(s);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

/**
 * Codes a real and a synthetic discrete column over shared levels, by label
 * (so two categorical columns with different category lists line up).
 * Missing values become the level {@link MISSING_LABEL}.
 */
export function sharedCodes(real: ColumnInput, synthetic: ColumnInput): SharedCodes {
  const r = rawCodes(real);
  const s = rawCodes(synthetic);
  const levels: string[] = [];
  const index = new Map<string, number>();
  const add = (label: string): number => {
    let c = index.get(label);
    if (c === undefined) {
      c = levels.length;
      index.set(label, c);
      levels.push(label);
    }
    return c;
  };
  const remap = (x: { codes: Int32Array; labels: string[] }): Int32Array => {
    const map = Int32Array.from(x.labels, (l) => add(l));
    let missing = -1;
    const out = new Int32Array(x.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = x.codes[i]!;
      if (c >= 0) out[i] = map[c]!;
      else {
        if (missing < 0) missing = add(MISSING_LABEL);
        out[i] = missing;
      }
    }
    return out;
  };
  const rc = remap(r);
  const sc = remap(s);
  return { real: rc, synthetic: sc, levels };
}

/** Throws a DataError when a sample is empty (every value missing). */
export function requireValues(where: string, param: string, n: number): void {
  if (n === 0) throw new DataError(where, param, n, `'${param}' has no values (every value is missing).`);
}
