/**
 * Plumbing shared by the make* generators: option merging with a seeded
 * stream, parameter checks phrased as scikit-learn's constraints, the lazy
 * row-major Matrix every generator returns, and the `toDataFrame` method.
 */
import { Matrix } from "ml-matrix";
import { loadDanfo, type DataFrameLike } from "../core/dataframe.js";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkBoolean, checkFinite, checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";

/** What every generator's `seed` option accepts. */
export type Seed = number | string | Rng;

/** Fields and methods every generator result carries. */
export interface DatasetResult {
  /** The samples: a `Matrix` (rows are samples). */
  readonly X: Matrix;
  /** The seed of the stream the data was drawn from (replay with `seed: result.seed` when no Rng was passed). */
  readonly seed: SeedValue;
  /**
   * A danfo DataFrame with columns `x0..x{d-1}`, then `y` (or `y0..y{k-1}`
   * when `y` is a Matrix) when the result has targets. danfo is loaded on the
   * first call (about a second).
   */
  toDataFrame(): DataFrameLike;
}

/** Merges options over defaults (rejecting unknown keys) and builds the stream from `seed`. */
export function setup<T extends { seed?: Seed | undefined }>(where: string, defaults: T, options: unknown): { o: T; rng: Rng } {
  const o = mergeOptions(where, defaults, options);
  const rng = createRng(o.seed as SeedValue | Rng | undefined);
  return { o, rng };
}

/**
 * A `rows × cols` Matrix over a row-major buffer, without copying: the
 * Matrix's row arrays are built on first access as views of `buf` (writes
 * through the Matrix go to `buf`). Building a million row objects costs
 * more than drawing the numbers, so a result that is only passed on (to a
 * fitter that reads `toRowMajor`, or to a benchmark) never pays for them.
 * The object is a plain `Matrix` (same prototype, same own keys), so
 * `deepStrictEqual` against an eagerly built Matrix compares values.
 * With `order` (a permutation), row i of `buf` becomes row `order[i]` of the
 * Matrix: a row shuffle that moves no data.
 */
export function wrapRowMajor(buf: Float64Array, rows: number, cols: number, order: Int32Array | null = null): Matrix {
  const m = new Matrix(0, cols);
  (m as unknown as { rows: number }).rows = rows;
  const settle = (value: Float64Array[]) =>
    Object.defineProperty(m, "data", { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(m, "data", {
    enumerable: true,
    configurable: true,
    get(): Float64Array[] {
      const views: Float64Array[] = new Array(rows);
      for (let i = 0; i < rows; i++) views[order ? order[i]! : i] = buf.subarray(i * cols, (i + 1) * cols);
      settle(views);
      return views;
    },
    set(value: Float64Array[]) {
      settle(value);
    },
  });
  return m;
}

/** Adds a non-enumerable `toDataFrame()` (columns x0.., then y or y0..) to a result. */
export function withDataFrame<T extends { X: Matrix; y?: Float64Array | Int32Array | Matrix }>(result: T): T & { toDataFrame(): DataFrameLike } {
  Object.defineProperty(result, "toDataFrame", {
    value: () => toDataFrame(result),
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return result as T & { toDataFrame(): DataFrameLike };
}

function matrixColumns(M: Matrix, prefix: string, data: Record<string, unknown[]>, dtypes: string[], dtype: string): void {
  for (let j = 0; j < M.columns; j++) {
    const col = new Array<number>(M.rows);
    for (let i = 0; i < M.rows; i++) col[i] = M.get(i, j);
    data[`${prefix}${j}`] = col;
    dtypes.push(dtype);
  }
}

/**
 * A generator result as a danfo DataFrame: columns `x0..x{d-1}` from `X`,
 * then `y` (a typed array: float32 for regression targets, int32 for class
 * labels) or `y0..y{k-1}` (a Matrix of several targets or labels).
 *
 * @param result - Anything with `X` (a Matrix) and optionally `y`.
 * @returns A danfo DataFrame (danfojs-node, loaded on first use).
 * @throws {ParamTypeError} When `X` is not a Matrix.
 * @example
 * const r = makeBlobs({ nSamples: 4, seed: 11 });
 * toDataFrame(r).columns; // => ["x0", "x1", "y"]
 */
export function toDataFrame(result: { X: Matrix; y?: Float64Array | Int32Array | Matrix | undefined }): DataFrameLike {
  if (!result || !(result.X instanceof Matrix)) {
    throw new ParamTypeError("toDataFrame", "result", result, `expected a generator result with a Matrix 'X', got ${show(result)}.`);
  }
  const { DataFrame } = loadDanfo();
  const data: Record<string, unknown[]> = {};
  const dtypes: string[] = [];
  matrixColumns(result.X, "x", data, dtypes, "float32");
  const y = result.y;
  if (y instanceof Matrix) {
    const integral = y.to1DArray().every((v) => Number.isInteger(v));
    matrixColumns(y, "y", data, dtypes, integral ? "int32" : "float32");
  } else if (y instanceof Int32Array) {
    data.y = Array.from(y);
    dtypes.push("int32");
  } else if (y instanceof Float64Array) {
    data.y = Array.from(y);
    dtypes.push("float32");
  }
  return new DataFrame(data, dtypes.length ? { dtypes } : {});
}

// ------------------------------------------------------------------ checks

/** An integer >= min (scikit-learn's `Interval(Integral, min, None)`). */
export const int = (where: string, param: string, v: unknown, min: number): number => checkInteger(where, param, v, min);

/** A finite number >= 0. */
export function nonNegative(where: string, param: string, v: unknown): number {
  const x = checkFinite(where, param, v);
  if (x < 0) throw new ParamError(where, param, v, `'${param}' must be >= 0, got ${show(v)}.`);
  return x;
}

/** A boolean. */
export const bool = (where: string, param: string, v: unknown): boolean => checkBoolean(where, param, v);

/** An array-like of finite numbers (optionally of a given length). */
export function numbers(where: string, param: string, v: unknown, length?: number): Float64Array {
  if (v === null || typeof v !== "object" || typeof (v as ArrayLike<number>).length !== "number" || v instanceof Matrix) {
    throw new ParamTypeError(where, param, v, `'${param}' must be an array of numbers, got ${show(v)}.`);
  }
  const a = v as ArrayLike<unknown>;
  if (length !== undefined && a.length !== length) {
    throw new ParamError(where, param, v, `'${param}' must have ${length} entries, got ${a.length}.`);
  }
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new ParamError(where, param, v, `'${param}' must hold finite numbers, but ${param}[${i}] is ${show(x)}.`);
    }
    out[i] = x;
  }
  return out;
}

/** Rows of numbers (a Matrix or an array of equal-length arrays) as a row-major buffer. */
export function numberRows(where: string, param: string, v: unknown): { data: Float64Array; rows: number; cols: number } {
  if (v instanceof Matrix) {
    const rows = v.rows;
    const cols = v.columns;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = checkFinite(where, param, v.get(i, j));
    return { data, rows, cols };
  }
  if (!Array.isArray(v) || v.length === 0) {
    throw new ParamTypeError(where, param, v, `'${param}' must be a Matrix or a non-empty array of rows, got ${show(v)}.`);
  }
  const first = numbers(where, `${param}[0]`, v[0]);
  const cols = first.length;
  const data = new Float64Array(v.length * cols);
  for (let i = 0; i < v.length; i++) data.set(numbers(where, `${param}[${i}]`, v[i], cols), i * cols);
  return { data, rows: v.length, cols };
}

/**
 * scikit-learn's two-class `n_samples`: an integer n (split as n // 2 for the
 * first class, the rest for the second) or a pair `[nFirst, nSecond]`.
 */
export function samplePair(where: string, v: unknown, min: number): [number, number] {
  if (typeof v === "number") {
    const n = int(where, "nSamples", v, min);
    const first = Math.floor(n / 2);
    return [first, n - first];
  }
  if (!Array.isArray(v) || v.length !== 2) {
    throw new ParamError(where, "nSamples", v, `'nSamples' must be an integer or a two-element array [nOuter, nInner], got ${show(v)}.`);
  }
  return [int(where, "nSamples[0]", v[0], 0), int(where, "nSamples[1]", v[1], 0)];
}

/** Row `i` of the output goes to row `dest[i]`: a random permutation when shuffling, else the identity. */
export function rowDestinations(rng: Rng, n: number, shuffle: boolean): Int32Array | null {
  return shuffle ? rng.permutation(n) : null;
}
