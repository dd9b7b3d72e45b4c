/**
 * Parameter checks shared by every module. Each throws a {@link ParamError}
 * or {@link ParamTypeError} naming the caller, the parameter and the value,
 * and returns the checked value so calls read as assignments.
 */
import { ParamError, ParamTypeError, show } from "./errors.js";

/** A finite number (not NaN, not ±Infinity). */
export function checkFinite(where: string, param: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new ParamTypeError(where, param, value, `'${param}' must be a number, got ${show(value)} (${typeof value}).`);
  }
  if (!Number.isFinite(value)) {
    throw new ParamError(where, param, value, `'${param}' must be a finite number, got ${show(value)}.`);
  }
  return value;
}

/** A finite number > 0 (or >= 0 with `allowZero`). */
export function checkPositive(where: string, param: string, value: unknown, allowZero = false): number {
  const v = checkFinite(where, param, value);
  if (allowZero ? v < 0 : v <= 0) {
    throw new ParamError(where, param, value, `'${param}' must be ${allowZero ? ">= 0" : "> 0"}, got ${show(value)}.`);
  }
  return v;
}

/** A finite number in [lo, hi] (bounds optionally open). */
export function checkInRange(
  where: string,
  param: string,
  value: unknown,
  lo: number,
  hi: number,
  { loOpen = false, hiOpen = false }: { loOpen?: boolean; hiOpen?: boolean } = {},
): number {
  const v = checkFinite(where, param, value);
  const okLo = loOpen ? v > lo : v >= lo;
  const okHi = hiOpen ? v < hi : v <= hi;
  if (!okLo || !okHi) {
    const range = `${loOpen ? "(" : "["}${lo}, ${hi}${hiOpen ? ")" : "]"}`;
    throw new ParamError(where, param, value, `'${param}' must be in ${range}, got ${show(value)}.`);
  }
  return v;
}

/** An integer (a number with no fractional part), optionally >= min. */
export function checkInteger(where: string, param: string, value: unknown, min = -Infinity): number {
  if (typeof value !== "number") {
    throw new ParamTypeError(where, param, value, `'${param}' must be an integer, got ${show(value)} (${typeof value}).`);
  }
  if (!Number.isInteger(value)) {
    throw new ParamError(where, param, value, `'${param}' must be an integer, got ${show(value)}.`);
  }
  if (value < min) {
    throw new ParamError(where, param, value, `'${param}' must be an integer >= ${min}, got ${show(value)}.`);
  }
  return value;
}

/** A sample count: an integer >= 0 (numpy's `size`). */
export function checkSize(where: string, value: unknown, param = "size"): number {
  return checkInteger(where, param, value, 0);
}

/** A boolean. */
export function checkBoolean(where: string, param: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new ParamTypeError(where, param, value, `'${param}' must be true or false, got ${show(value)}.`);
  }
  return value;
}

/** One of a fixed list of strings; the message lists the valid ones. */
export function checkOneOf<T extends string>(where: string, param: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new ParamError(
      where,
      param,
      value,
      `'${param}' must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}, got ${show(value)}.`,
    );
  }
  return value as T;
}

/**
 * Merges user options over defaults after rejecting unknown keys (notebook
 * code is often untyped: `nSample` must not be silently ignored).
 */
export function mergeOptions<T extends object>(where: string, defaults: T, options: unknown): T {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new ParamTypeError(where, "options", options, `options must be an object, got ${show(options)}.`);
  }
  const known = Object.keys(defaults);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ParamError(
        where,
        key,
        (options as Record<string, unknown>)[key],
        `unknown option '${key}'. Valid options: ${known.join(", ")}.`,
      );
    }
  }
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as T;
}
