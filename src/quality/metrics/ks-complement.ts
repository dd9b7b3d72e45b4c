import { ks2samp } from "../ks.js";
import { finiteNumbers, requireValues, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/**
 * KS complement (SDMetrics' KSComplement): 1 − the two-sample
 * Kolmogorov–Smirnov statistic of a real and a synthetic numeric column
 * (missing values dropped; dates as epoch milliseconds). 1 when the
 * empirical CDFs coincide, 0 when they do not overlap.
 *
 * @param real - a numeric/integer/datetime/boolean column or an array of numbers
 * @param synthetic - the same for the synthetic data
 * @returns a score in [0, 1] (goal: maximize)
 * @throws DataError when a side has no values; ParamTypeError for categories
 * @example
 * ksComplement([1, 2, 3, 4], [1, 2, 3, 4]); // => 1
 * ksComplement([1, 2, 3, 4], [3, 4, 5, 6]); // => 0.5
 * ksComplement.goal; // => "maximize"
 */
export const ksComplement = defineMetric(
  { metricName: "KSComplement", goal: "maximize", min: 0, max: 1, description: "1 − the Kolmogorov–Smirnov statistic between the real and synthetic marginals." },
  (real: ColumnInput, synthetic: ColumnInput): number => {
    const r = finiteNumbers("ksComplement", "real", real);
    const s = finiteNumbers("ksComplement", "synthetic", synthetic);
    requireValues("ksComplement", "real", r.length);
    requireValues("ksComplement", "synthetic", s.length);
    // the statistic alone: the asymptotic path skips the exact p-value's cost
    return 1 - ks2samp(r, s, { method: "asymp" }).statistic;
  },
);
