import { requireValues, sharedCodes, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/**
 * Category adherence (SDMetrics' CategoryAdherence): the fraction of
 * synthetic values that are categories seen in the real column (a missing
 * value adheres when the real column has missing values too).
 *
 * @param real - a categorical/boolean column or an array of labels
 * @param synthetic - the same for the synthetic data
 * @returns a score in [0, 1] (goal: maximize)
 * @throws DataError when a side is empty
 * @example
 * categoryAdherence(["a", "b"], ["a", "b", "c", "a"]); // => 0.75
 */
export const categoryAdherence = defineMetric(
  { metricName: "CategoryAdherence", goal: "maximize", min: 0, max: 1, description: "Fraction of synthetic values that are categories of the real column." },
  (real: ColumnInput, synthetic: ColumnInput): number => {
    const c = sharedCodes(real, synthetic);
    requireValues("categoryAdherence", "real", c.real.length);
    requireValues("categoryAdherence", "synthetic", c.synthetic.length);
    const seen = new Uint8Array(c.levels.length);
    for (let i = 0; i < c.real.length; i++) seen[c.real[i]!] = 1;
    let ok = 0;
    for (let i = 0; i < c.synthetic.length; i++) ok += seen[c.synthetic[i]!]!;
    return ok / c.synthetic.length;
  },
);
