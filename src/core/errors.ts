/**
 * synthlab's errors: scikit-learn's template (where, which parameter, what was
 * expected, what came instead, what to do). A wrong *type* is a
 * {@link ParamTypeError} (a `TypeError`), a wrong *value* a {@link ParamError}
 * (a `RangeError`); both carry `.where`, `.param` and `.value`, and both are
 * recognised by {@link isSynthlabError}.
 */

/** Fields every synthlab error carries. */
export interface SynthlabErrorFields {
  /** The function or method that refused the input, e.g. `"Rng.normal"`. */
  readonly where: string;
  /** The parameter at fault, e.g. `"scale"`; `""` when no single one is. */
  readonly param: string;
  /** The offending value, as received. */
  readonly value: unknown;
}

/** A parameter had a value out of its domain (negative scale, p > 1, ...). */
export class ParamError extends RangeError implements SynthlabErrorFields {
  override readonly name = "ParamError";
  constructor(
    readonly where: string,
    readonly param: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** A parameter had the wrong type (a string where a number was expected, ...). */
export class ParamTypeError extends TypeError implements SynthlabErrorFields {
  override readonly name = "ParamTypeError";
  constructor(
    readonly where: string,
    readonly param: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** Input data was malformed (a ragged CSV row, a NaN in X, ...). */
export class DataError extends RangeError implements SynthlabErrorFields {
  override readonly name = "DataError";
  constructor(
    readonly where: string,
    readonly param: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** True for every error synthlab throws on purpose. */
export function isSynthlabError(e: unknown): e is Error & SynthlabErrorFields {
  return e instanceof ParamError || e instanceof ParamTypeError || e instanceof DataError;
}

/** Formats a value for an error message: strings quoted, arrays shortened. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const head = arr.slice(0, 6).map(show).join(", ");
    return `[${head}${arr.length > 6 ? `, ... (${arr.length} items)` : ""}]`;
  }
  if (typeof value === "object") {
    const ctor = (value as object).constructor?.name;
    if (ctor && ctor !== "Object") return `a ${ctor}`;
    try {
      const s = JSON.stringify(value);
      return s.length > 80 ? `${s.slice(0, 77)}...` : s;
    } catch {
      return "an object";
    }
  }
  return String(value);
}
