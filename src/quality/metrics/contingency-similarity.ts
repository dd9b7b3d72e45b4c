import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { requireValues, sharedCodes, type ColumnInput } from "../columns.js";
import { cramersVTable, crossTab } from "./cramers-v.js";
import { defineMetric } from "./metric.js";

/** Options of {@link contingencySimilarity}. */
export interface ContingencySimilarityOptions {
  /**
   * SDMetrics' `real_association_threshold`: the pair counts towards a
   * property score only when the real pair's Cramér's V exceeds it; 0 counts
   * every pair.
   * @defaultValue 0
   */
  realAssociationThreshold?: number;
}

/** Result of {@link contingencySimilarity}. */
export interface ContingencySimilarityResult {
  /** 1 − the total variation distance between the two normalized contingency tables. */
  score: number;
  /** Cramér's V of the real pair. */
  realAssociation: number;
  /** realAssociation > realAssociationThreshold (always true for threshold 0). */
  meetsThreshold: boolean;
}

/**
 * Contingency similarity from codes already shared between real and
 * synthetic (`a` over `la` levels, `b` over `lb`): the core of
 * {@link contingencySimilarity}, used by the properties on binned columns.
 */
export function contingencyFromCodes(
  realA: Int32Array,
  realB: Int32Array,
  synA: Int32Array,
  synB: Int32Array,
  la: number,
  lb: number,
  threshold = 0,
): ContingencySimilarityResult {
  const tr = crossTab(realA, realB, la, lb);
  const ts = crossTab(synA, synB, la, lb);
  const nr = realA.length;
  const ns = synA.length;
  let tv = 0;
  for (let i = 0; i < la; i++) for (let j = 0; j < lb; j++) tv += Math.abs(tr[i]![j]! / nr - ts[i]![j]! / ns);
  const realAssociation = cramersVTable(tr);
  return { score: Math.max(0, 1 - tv / 2), realAssociation, meetsThreshold: threshold <= 0 || realAssociation > threshold };
}

/**
 * Contingency similarity (SDMetrics' ContingencySimilarity) of a pair of
 * discrete columns: 1 − the total variation distance between the real and
 * synthetic two-way frequency tables, 1 − ½ Σ |p_real(a, b) − p_synthetic(a, b)|.
 * Missing values are a category. Continuous columns are binned first by the
 * properties (ten equal-width bins over the real range, SDMetrics' rule).
 *
 * @param real - the real pair `[a, b]` (discrete columns or arrays of labels)
 * @param synthetic - the synthetic pair
 * @param options - `realAssociationThreshold`
 * @returns `{ score, realAssociation, meetsThreshold }`, score in [0, 1] (goal: maximize)
 * @throws ParamError for pairs of unequal lengths; DataError for an empty side
 * @example
 * contingencySimilarity([["a", "b"], ["x", "y"]], [["a", "b"], ["x", "y"]]).score; // => 1
 * contingencySimilarity([["a", "b"], ["x", "y"]], [["a", "b"], ["y", "x"]]).score; // => 0
 */
export const contingencySimilarity = defineMetric(
  { metricName: "ContingencySimilarity", goal: "maximize", min: 0, max: 1, description: "1 − the total variation distance between the real and synthetic two-way frequency tables of a column pair." },
  (
    real: readonly [ColumnInput, ColumnInput],
    synthetic: readonly [ColumnInput, ColumnInput],
    options: ContingencySimilarityOptions = {},
  ): ContingencySimilarityResult => {
    const where = "contingencySimilarity";
    for (const k of Object.keys(options)) {
      if (k !== "realAssociationThreshold") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: realAssociationThreshold.`);
    }
    const threshold = options.realAssociationThreshold ?? 0;
    if (!(threshold >= 0 && threshold < 1)) throw new ParamError(where, "realAssociationThreshold", threshold, `'realAssociationThreshold' must be in [0, 1), got ${show(threshold)}.`);
    for (const [side, p] of [["real", real], ["synthetic", synthetic]] as const) {
      if (!Array.isArray(p) || p.length !== 2) throw new ParamTypeError(where, side, p, `'${side}' must be a pair [a, b] of columns, got ${show(p)}.`);
    }
    const a = sharedCodes(real[0], synthetic[0]);
    const b = sharedCodes(real[1], synthetic[1]);
    if (a.real.length !== b.real.length) throw new ParamError(where, "real", b.real.length, `the two real columns have ${a.real.length} and ${b.real.length} rows.`);
    if (a.synthetic.length !== b.synthetic.length) throw new ParamError(where, "synthetic", b.synthetic.length, `the two synthetic columns have ${a.synthetic.length} and ${b.synthetic.length} rows.`);
    requireValues(where, "real", a.real.length);
    requireValues(where, "synthetic", a.synthetic.length);
    return contingencyFromCodes(a.real, b.real, a.synthetic, b.synthetic, a.levels.length, b.levels.length, threshold);
  },
);
