import { requireValues, sharedCodes, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/** Category frequencies (fractions) of two coded columns over `levels` levels. */
export function frequencies(codes: Int32Array, levels: number): Float64Array {
  const f = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) f[codes[i]!]! += 1;
  for (let k = 0; k < levels; k++) f[k]! /= codes.length;
  return f;
}

/**
 * TV complement (SDMetrics' TVComplement): 1 − the total variation distance
 * between the category frequencies of a real and a synthetic discrete
 * column, 1 − ½ Σ |f_real − f_synthetic|. Missing values count as a
 * category of their own.
 *
 * @param real - a categorical/boolean column or an array of labels
 * @param synthetic - the same for the synthetic data
 * @returns a score in [0, 1] (goal: maximize)
 * @throws DataError when a side is empty
 * @example
 * tvComplement(["a", "a", "b", "b"], ["a", "b", "b", "b"]); // => 0.75
 * tvComplement(["a", "b"], ["b", "a"]); // => 1
 */
export const tvComplement = defineMetric(
  { metricName: "TVComplement", goal: "maximize", min: 0, max: 1, description: "1 − the total variation distance between the real and synthetic category frequencies." },
  (real: ColumnInput, synthetic: ColumnInput): number => {
    const c = sharedCodes(real, synthetic);
    requireValues("tvComplement", "real", c.real.length);
    requireValues("tvComplement", "synthetic", c.synthetic.length);
    const fr = frequencies(c.real, c.levels.length);
    const fs = frequencies(c.synthetic, c.levels.length);
    let tv = 0;
    for (let k = 0; k < fr.length; k++) tv += Math.abs(fr[k]! - fs[k]!);
    return Math.max(0, 1 - tv / 2);
  },
);
