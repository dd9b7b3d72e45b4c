import type { Column } from "../../core/column.js";
import { Table } from "../../core/table.js";
import { discretizeColumn } from "../binning.js";
import { columnShape, sharedCodes } from "../columns.js";
import { correlationMatrix } from "../correlation.js";
import { contingencyFromCodes } from "../metrics/contingency-similarity.js";
import { sampleIndices } from "../sampling.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/** Options of {@link columnPairTrendsProperty}. */
export interface PairTrendsOptions {
  /** A numeric pair counts towards the score only when |real correlation| > this (SDMetrics' QualityReport default). @defaultValue 0.5 */
  realCorrelationThreshold: number;
  /** A pair with a category counts only when the real pair's Cramér's V > this (SDMetrics' default). @defaultValue 0.3 */
  realAssociationThreshold: number;
  /** Rows (of each table) used for the contingency tables at most; a seeded subsample beyond. @defaultValue 100000 */
  maxRows: number;
  /** Bins of a continuous column paired with a discrete one (SDMetrics' `num_discrete_bins`: equal width over the real range, half-open, the outer two open-ended). @defaultValue 10 */
  bins: number;
}

/** Column Pair Trends result, with the matrices the report draws. */
export interface PairTrendsResult extends PropertyResult {
  /** Continuous columns and their Pearson correlation matrices (real, synthetic). */
  readonly continuous: { names: string[]; real: number[][]; synthetic: number[][] };
  /** Pair score matrix over every compared column (NaN where not computed). */
  readonly scoreMatrix: { names: string[]; matrix: number[][]; counted?: boolean[][] };
}

/** A datetime column as a numeric one (epoch ms), so correlations see it. */
function asNumeric(c: Column): Column {
  return c.kind === "datetime" ? { name: c.name, kind: "numeric", values: c.values } : c;
}

/**
 * Column Pair Trends (SDMetrics): for every pair of columns, whether the
 * synthetic data keeps the real relation. Two continuous columns:
 * CorrelationSimilarity (Pearson); otherwise ContingencySimilarity, with a
 * continuous column cut as SDMetrics' `discretize_column` does
 * ({@link discretizeColumn}: equal-width bins over the real range, a value
 * on an edge in the upper bin, the outer bins open-ended; the same edges
 * for the synthetic column). As in SDMetrics' QualityReport, the score
 * averages the pairs that have a trend in the real data (|r| above
 * `realCorrelationThreshold`, Cramér's V above `realAssociationThreshold`);
 * when no pair has one, every pair counts.
 */
export function columnPairTrendsProperty(ctx: PropertyContext, options: PairTrendsOptions): PairTrendsResult {
  const names = [...ctx.columns];
  const k = names.length;
  const rc = names.map((n) => asNumeric(ctx.real.columnInfo(n)));
  const sc = names.map((n) => asNumeric(ctx.synthetic.columnInfo(n)));
  const shape = rc.map((c) => columnShape(c));
  const contIdx = names.map((_, j) => j).filter((j) => shape[j] === "continuous" && rc[j]!.kind !== "boolean" && columnShape(sc[j]!) === "continuous");
  const contNames = contIdx.map((j) => names[j]!);
  const realCorr = contIdx.length ? correlationMatrix(new Table(contIdx.map((j) => rc[j]!))).matrix : [];
  const synCorr = contIdx.length ? correlationMatrix(new Table(contIdx.map((j) => sc[j]!))).matrix : [];
  const pos = new Map(contIdx.map((j, p) => [j, p]));

  // discrete codes on (subsampled) rows, built lazily per column
  const [ra, rb] = ctx.rng.spawn(2);
  const rIdx = sampleIndices(ctx.real.nRows, options.maxRows, ra!);
  const sIdx = sampleIndices(ctx.synthetic.nRows, options.maxRows, rb!);
  const pick = (v: Float64Array, idx: Int32Array) => (idx.length === v.length ? v : Float64Array.from(idx, (i) => v[i]!));
  const codes = new Map<number, { real: Int32Array; synthetic: Int32Array; levels: number }>();
  const codesOf = (j: number) => {
    let c = codes.get(j);
    if (!c) {
      const a = rc[j]!;
      const b = sc[j]!;
      if (shape[j] === "continuous" && a.kind !== "boolean") {
        if (columnShape(b) !== "continuous") throw new Error(`'${names[j]}' is ${a.kind} in the real table, ${b.kind} in the synthetic one.`);
        c = discretizeColumn(pick(a.values as Float64Array, rIdx), pick(b.values as Float64Array, sIdx), options.bins);
      } else {
        const s = sharedCodes(a, b);
        c = { real: Int32Array.from(rIdx, (i) => s.real[i]!), synthetic: Int32Array.from(sIdx, (i) => s.synthetic[i]!), levels: s.levels.length };
      }
      codes.set(j, c);
    }
    return c;
  };

  const col1: string[] = [];
  const col2: string[] = [];
  const metric: string[] = [];
  const score: number[] = [];
  const realCorrelation: number[] = [];
  const syntheticCorrelation: number[] = [];
  const realAssociation: number[] = [];
  const meets: (boolean | null)[] = [];
  const error: (string | null)[] = [];
  const scoreMatrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : NaN)));
  const countedMatrix = Array.from({ length: k }, () => Array.from({ length: k }, () => true));
  let subsampled = false;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      col1.push(names[a]!);
      col2.push(names[b]!);
      const pa = pos.get(a);
      const pb = pos.get(b);
      let s = NaN;
      let rCorr = NaN;
      let sCorr = NaN;
      let assoc = NaN;
      let meet: boolean | null = null;
      let err: string | null = null;
      try {
        if (pa !== undefined && pb !== undefined) {
          metric.push("CorrelationSimilarity");
          rCorr = realCorr[pa]![pb]!;
          sCorr = synCorr[pa]![pb]!;
          if (!Number.isFinite(rCorr)) throw new Error("a real column is constant (or too sparse): the correlation is undefined.");
          if (!Number.isFinite(sCorr)) throw new Error("a synthetic column is constant (or too sparse): the correlation is undefined.");
          s = 1 - Math.abs(rCorr - sCorr) / 2;
          meet = Math.abs(rCorr) > options.realCorrelationThreshold;
        } else {
          metric.push("ContingencySimilarity");
          subsampled ||= rIdx.length < ctx.real.nRows || sIdx.length < ctx.synthetic.nRows;
          const ca = codesOf(a);
          const cb = codesOf(b);
          const r = contingencyFromCodes(ca.real, cb.real, ca.synthetic, cb.synthetic, ca.levels, cb.levels, options.realAssociationThreshold);
          s = r.score;
          assoc = r.realAssociation;
          meet = r.meetsThreshold;
        }
      } catch (e) {
        if (metric.length < col1.length) metric.push(pa !== undefined && pb !== undefined ? "CorrelationSimilarity" : "ContingencySimilarity");
        err = errorMessage(e);
      }
      score.push(s);
      realCorrelation.push(rCorr);
      syntheticCorrelation.push(sCorr);
      realAssociation.push(assoc);
      meets.push(meet);
      error.push(err);
      scoreMatrix[a]![b] = s;
      scoreMatrix[b]![a] = s;
      countedMatrix[a]![b] = countedMatrix[b]![a] = meet === true;
    }
  }
  const counted = score.filter((v, i) => Number.isFinite(v) && meets[i] === true);
  const all = score.filter((v) => Number.isFinite(v));
  const used = counted.length ? counted : all;
  const notes = [
    `Pairs count towards the score when the real data has a trend: |Pearson r| > ${options.realCorrelationThreshold} for two numeric columns, Cramér's V > ${options.realAssociationThreshold} otherwise (SDMetrics' QualityReport thresholds); ${counted.length} of ${all.length} scored pairs do.` +
      (counted.length ? "" : " No pair does, so every pair counts."),
  ];
  if (subsampled) notes.push(`Contingency tables use a seeded subsample of ${rIdx.length.toLocaleString("en-US")} real and ${sIdx.length.toLocaleString("en-US")} synthetic rows; correlations use every row.`);
  return {
    name: "Column Pair Trends",
    score: used.length ? used.reduce((x, y) => x + y, 0) / used.length : NaN,
    details: detailsTable({
      "column 1": col1,
      "column 2": col2,
      metric,
      score,
      "real correlation": realCorrelation,
      "synthetic correlation": syntheticCorrelation,
      "real association": realAssociation,
      "meets threshold": meets,
      error,
    }),
    description: "Whether the synthetic data keeps the relation of each pair of columns: correlation similarity for two numeric columns, contingency-table similarity otherwise (SDMetrics' ColumnPairTrends).",
    notes,
    continuous: { names: contNames, real: realCorr, synthetic: synCorr },
    scoreMatrix: { names, matrix: scoreMatrix, counted: counted.length ? countedMatrix : names.map(() => names.map(() => true)) },
  };
}
