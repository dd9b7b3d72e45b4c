import { ParamError } from "../../core/errors.js";
import { checkOneOf } from "../../core/validate.js";
import { MISSING_LABEL, requireValues, sharedCodes, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/** Category frequencies (fractions) of two coded columns over `levels` levels. */
export function frequencies(codes: Int32Array, levels: number): Float64Array {
  const f = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) f[codes[i]!]! += 1;
  for (let k = 0; k < levels; k++) f[k]! /= codes.length;
  return f;
}

/** Options of {@link tvComplement}. */
export interface TvComplementOptions {
  /**
   * `"drop"`: compare the frequencies of the present values only
   * (SDMetrics' TVComplement; compare missing rates with
   * {@link missingValueSimilarity}); `"category"`: a missing value is a
   * category of its own (synthlab before 0.2).
   * @defaultValue "drop"
   */
  missing?: "drop" | "category";
}

/**
 * TV complement (SDMetrics' TVComplement): 1 − the total variation distance
 * between the category frequencies of a real and a synthetic discrete
 * column, 1 − ½ Σ |f_real − f_synthetic|, over the present values (missing
 * values dropped first, as SDMetrics does; `missing: "category"` counts
 * them as a category instead). SDMetrics adds 10⁻⁶ to the real count of a
 * category seen only in the synthetic column; here its real frequency is 0.
 *
 * @param real - a categorical/boolean column or an array of labels
 * @param synthetic - the same for the synthetic data
 * @param options - `missing`
 * @returns a score in [0, 1] (goal: maximize)
 * @throws DataError when a side has no present value
 * @example
 * tvComplement(["a", "a", "b", "b"], ["a", "b", "b", "b"]); // => 0.75
 * tvComplement(["a", "b", null, null], ["a", "b"]); // => 1
 * tvComplement(["a", "b", null, null], ["a", "b"], { missing: "category" }); // => 0.5
 */
export const tvComplement = defineMetric(
  { metricName: "TVComplement", goal: "maximize", min: 0, max: 1, description: "1 − the total variation distance between the real and synthetic category frequencies." },
  (real: ColumnInput, synthetic: ColumnInput, options: TvComplementOptions = {}): number => {
    const where = "tvComplement";
    for (const k of Object.keys(options)) {
      if (k !== "missing") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: missing.`);
    }
    const missing = checkOneOf(where, "missing", options.missing ?? "drop", ["drop", "category"] as const);
    const c = sharedCodes(real, synthetic);
    const L = c.levels.length;
    const skip = missing === "drop" ? c.levels.indexOf(MISSING_LABEL) : -1;
    const count = (codes: Int32Array) => {
      const f = new Float64Array(L);
      for (let i = 0; i < codes.length; i++) f[codes[i]!]! += 1;
      if (skip >= 0) f[skip] = 0;
      return f;
    };
    const fr = count(c.real);
    const fs = count(c.synthetic);
    const nr = fr.reduce((a, b) => a + b, 0);
    const ns = fs.reduce((a, b) => a + b, 0);
    requireValues(where, "real", nr);
    requireValues(where, "synthetic", ns);
    let tv = 0;
    for (let k = 0; k < L; k++) tv += Math.abs(fr[k]! / nr - fs[k]! / ns);
    return Math.max(0, 1 - tv / 2);
  },
);

/** Share of missing values in a column (a category column's -1 codes, a number's NaN, null/undefined/NaN in an array). */
export function missingRate(x: ColumnInput): number {
  if (typeof x === "object" && x !== null && "kind" in x && "values" in x) {
    const v = x.values as ArrayLike<number>;
    let m = 0;
    if (x.kind === "categorical" || x.kind === "boolean") {
      for (let i = 0; i < v.length; i++) if (v[i]! < 0) m++;
    } else {
      for (let i = 0; i < v.length; i++) if (v[i]! !== v[i]!) m++;
    }
    return v.length ? m / v.length : 0;
  }
  const a = x as ArrayLike<unknown>;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === null || v === undefined || (typeof v === "number" && v !== v)) m++;
  }
  return a.length ? m / a.length : 0;
}

/**
 * Missing value similarity (SDMetrics' MissingValueSimilarity): 1 − the
 * absolute difference between the real and synthetic shares of missing
 * values in a column (any kind).
 *
 * @param real - a column or an array (null, undefined and NaN are missing)
 * @param synthetic - the same for the synthetic data
 * @returns a score in [0, 1] (goal: maximize)
 * @example
 * missingValueSimilarity([1, null, 3, null], [1, 2, 3, null]); // => 0.75
 */
export const missingValueSimilarity = defineMetric(
  { metricName: "MissingValueSimilarity", goal: "maximize", min: 0, max: 1, description: "1 − the absolute difference between the real and synthetic shares of missing values." },
  (real: ColumnInput, synthetic: ColumnInput): number => 1 - Math.abs(missingRate(real) - missingRate(synthetic)),
);
