import { ParamError, show } from "../../core/errors.js";
import type { TableInput } from "../../core/table.js";
import { createRng } from "../../random/rng.js";
import { defineMetric } from "./metric.js";
import { preparePair, propensity, PROPENSITY_KEYS, type PropensityOptions } from "./propensity.js";

/** Result of {@link pmse}. */
export interface PmseResult {
  /** Mean squared difference between each row's propensity score and c = nSynthetic / (nReal + nSynthetic). */
  pmse: number;
  /** pMSE expected when the tables come from one distribution: (k − 1)(1 − c)² c / N for k model parameters (synthpop's null expectation for logistic models). */
  expectedNull: number;
  /** pmse / expectedNull (synthpop's S_pMSE ratio): about 1 for synthetic data as good as a fresh sample. */
  ratio: number;
  /** 1 − pmse / (c(1 − c)): 1 for indistinguishable tables, 0 when every row is told apart. */
  score: number;
  nReal: number;
  nSynthetic: number;
}

/**
 * Propensity-score mean squared error (synthpop's utility.gen pMSE with a
 * logistic model of the main effects): fit a logistic regression on the
 * stacked tables to predict "synthetic", then average (p̂ᵢ − c)² over every
 * row. 0 means the model learns nothing; c(1 − c) that it separates every
 * row.
 *
 * @param real - the real table
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `maxRows` (seeded subsample of each table), `l2`, `columns`, `seed`
 * @returns `{ pmse, expectedNull, ratio, score, nReal, nSynthetic }` (pmse: goal minimize, in [0, ¼])
 * @throws DataError for a missing column or fewer than 2 rows
 * @example
 * const rows = Array.from({ length: 40 }, (_, i) => ({ x: i % 7, y: (i * 3) % 5 }));
 * pmse(rows, rows, { seed: 1 }).pmse < 1e-12; // => true
 */
export const pmse = defineMetric(
  { metricName: "pMSE", goal: "minimize", min: 0, max: 0.25, description: "Propensity-score mean squared error of a logistic model predicting which rows are synthetic." },
  (real: TableInput, synthetic: TableInput, options: PropensityOptions = {}): PmseResult => {
    const where = "pmse";
    for (const k of Object.keys(options)) {
      if (!(PROPENSITY_KEYS as readonly string[]).includes(k)) {
        throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${PROPENSITY_KEYS.join(", ")}.`);
      }
    }
    const l2 = options.l2 ?? 1;
    if (!(l2 > 0)) throw new ParamError(where, "l2", l2, `'l2' must be > 0, got ${show(l2)}.`);
    const rng = createRng(options.seed);
    const pair = preparePair(where, real, synthetic, options, rng.spawn(1)[0]!);
    const p = propensity(pair.real, pair.synthetic, 1, l2, rng);
    const N = p.nReal + p.nSynthetic;
    const c = p.nSynthetic / N;
    let s = 0;
    for (let i = 0; i < N; i++) s += (p.scores[i]! - c) ** 2;
    const value = s / N;
    const expectedNull = ((p.nParams - 1) * (1 - c) ** 2 * c) / N;
    return { pmse: value, expectedNull, ratio: expectedNull > 0 ? value / expectedNull : NaN, score: Math.max(0, 1 - value / (c * (1 - c))), nReal: p.nReal, nSynthetic: p.nSynthetic };
  },
);
