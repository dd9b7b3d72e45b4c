import { finiteNumbers, requireValues, type ColumnInput } from "../columns.js";
import { defineMetric } from "./metric.js";

/**
 * Boundary adherence (SDMetrics' BoundaryAdherence): the fraction of
 * synthetic values inside the real column's [min, max] (missing values
 * dropped; dates as epoch milliseconds).
 *
 * @param real - a numeric/integer/datetime column or an array of numbers
 * @param synthetic - the same for the synthetic data
 * @returns a score in [0, 1] (goal: maximize)
 * @throws DataError when a side has no values
 * @example
 * boundaryAdherence([0, 10], [-1, 0, 5, 10, 11]); // => 0.6
 */
export const boundaryAdherence = defineMetric(
  { metricName: "BoundaryAdherence", goal: "maximize", min: 0, max: 1, description: "Fraction of synthetic values within the real column's minimum and maximum." },
  (real: ColumnInput, synthetic: ColumnInput): number => {
    const r = finiteNumbers("boundaryAdherence", "real", real);
    const s = finiteNumbers("boundaryAdherence", "synthetic", synthetic);
    requireValues("boundaryAdherence", "real", r.length);
    requireValues("boundaryAdherence", "synthetic", s.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < r.length; i++) {
      const v = r[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    let inside = 0;
    for (let i = 0; i < s.length; i++) if (s[i]! >= lo && s[i]! <= hi) inside++;
    return inside / s.length;
  },
);
