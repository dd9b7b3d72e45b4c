import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { discretizeColumn } from "../binning.js";
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
  /**
   * SDMetrics' `continuous_column_names`: the columns of the pair to bin
   * before counting, by name (a Table column's `name`) or by position (0 or
   * 1, for plain arrays). Each is cut as SDMetrics' `discretize_column`
   * does: `numDiscreteBins` equal-width bins over the real values' range
   * (numpy's edges, a value on an edge in the upper bin, the outer two bins
   * open-ended, missing values a bin of their own), the synthetic values on
   * the real edges. The quality report bins its numeric columns this way.
   * @defaultValue [] (every column is taken as categories)
   */
  continuousColumnNames?: readonly (string | number)[];
  /** SDMetrics' `num_discrete_bins`. @defaultValue 10 */
  numDiscreteBins?: number;
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
 * Missing values are a category. Numeric columns named in
 * `continuousColumnNames` are binned first (SDMetrics' rule, the one the
 * quality report uses); other columns count each distinct value.
 *
 * @param real - the real pair `[a, b]` (discrete columns or arrays of labels)
 * @param synthetic - the synthetic pair
 * @param options - `realAssociationThreshold`, `continuousColumnNames`, `numDiscreteBins`
 * @returns `{ score, realAssociation, meetsThreshold }`, score in [0, 1] (goal: maximize)
 * @throws ParamError for pairs of unequal lengths; DataError for an empty side
 * @example
 * contingencySimilarity([["a", "b"], ["x", "y"]], [["a", "b"], ["x", "y"]]).score; // => 1
 * contingencySimilarity([["a", "b"], ["x", "y"]], [["a", "b"], ["y", "x"]]).score; // => 0
 * // a numeric column binned: 0.5 and 0.9 fall in the same tenth of [0, 10]
 * contingencySimilarity([[0, 10], ["x", "y"]], [[0.5, 10], ["x", "y"]], { continuousColumnNames: [0] }).score; // => 1
 */
export const contingencySimilarity = defineMetric(
  { metricName: "ContingencySimilarity", goal: "maximize", min: 0, max: 1, description: "1 − the total variation distance between the real and synthetic two-way frequency tables of a column pair." },
  (
    real: readonly [ColumnInput, ColumnInput],
    synthetic: readonly [ColumnInput, ColumnInput],
    options: ContingencySimilarityOptions = {},
  ): ContingencySimilarityResult => {
    const where = "contingencySimilarity";
    const keys = ["realAssociationThreshold", "continuousColumnNames", "numDiscreteBins"];
    for (const k of Object.keys(options)) {
      if (!keys.includes(k)) throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${keys.join(", ")}.`);
    }
    const threshold = options.realAssociationThreshold ?? 0;
    if (!(threshold >= 0 && threshold < 1)) throw new ParamError(where, "realAssociationThreshold", threshold, `'realAssociationThreshold' must be in [0, 1), got ${show(threshold)}.`);
    const bins = options.numDiscreteBins ?? 10;
    if (!(Number.isInteger(bins) && bins >= 1)) throw new ParamError(where, "numDiscreteBins", bins, `'numDiscreteBins' must be an integer >= 1, got ${show(bins)}.`);
    for (const [side, p] of [["real", real], ["synthetic", synthetic]] as const) {
      if (!Array.isArray(p) || p.length !== 2) throw new ParamTypeError(where, side, p, `'${side}' must be a pair [a, b] of columns, got ${show(p)}.`);
    }
    const continuous = options.continuousColumnNames ?? [];
    if (!Array.isArray(continuous)) throw new ParamTypeError(where, "continuousColumnNames", continuous, `'continuousColumnNames' must be an array of column names or positions, got ${show(continuous)}.`);
    const nameOf = (x: ColumnInput): string | undefined => (typeof x === "object" && x !== null && "name" in x && typeof x.name === "string" ? x.name : undefined);
    const names = [nameOf(real[0]), nameOf(real[1])];
    const binned = [false, false];
    for (const c of continuous) {
      const pos = typeof c === "number" ? (c === 0 || c === 1 ? c : -1) : names.indexOf(c);
      if (pos < 0) throw new ParamError(where, "continuousColumnNames", c, `${show(c)} is not a column of the pair (${names.map((n, i) => (n === undefined ? String(i) : `${show(n)} or ${i}`)).join(", ")}).`);
      binned[pos] = true;
    }
    const codesOf = (k: 0 | 1) => {
      if (!binned[k]) {
        const c = sharedCodes(real[k], synthetic[k]);
        return { real: c.real, synthetic: c.synthetic, levels: c.levels.length };
      }
      const r = finiteOrNaN(where, "real", real[k]);
      const s = finiteOrNaN(where, "synthetic", synthetic[k]);
      const d = discretizeColumn(r, s, bins);
      return d;
    };
    const a = codesOf(0);
    const b = codesOf(1);
    if (a.real.length !== b.real.length) throw new ParamError(where, "real", b.real.length, `the two real columns have ${a.real.length} and ${b.real.length} rows.`);
    if (a.synthetic.length !== b.synthetic.length) throw new ParamError(where, "synthetic", b.synthetic.length, `the two synthetic columns have ${a.synthetic.length} and ${b.synthetic.length} rows.`);
    requireValues(where, "real", a.real.length);
    requireValues(where, "synthetic", a.synthetic.length);
    return contingencyFromCodes(a.real, b.real, a.synthetic, b.synthetic, a.levels, b.levels, threshold);
  },
);

/** A column's values as numbers with NaN for missing (for binning). */
function finiteOrNaN(where: string, side: string, x: ColumnInput): Float64Array {
  if (typeof x === "object" && x !== null && "kind" in x && "values" in x) {
    if (x.kind === "categorical") throw new ParamTypeError(where, "continuousColumnNames", x.name, `column '${x.name}' is categorical; only numeric columns can be binned.`);
    if (x.kind === "boolean") return Float64Array.from(x.values, (v) => (v < 0 ? NaN : v));
    return x.values as Float64Array;
  }
  const a = x as ArrayLike<unknown>;
  return Float64Array.from({ length: a.length }, (_, i) => {
    const v = a[i];
    if (v === null || v === undefined) return NaN;
    if (typeof v !== "number") throw new ParamTypeError(where, side, v, `'${side}'[${i}] is ${show(v)}; a column in 'continuousColumnNames' needs numbers.`);
    return v;
  });
}
