import { NearestNeighbors } from "../../core/knn.js";
import { ParamError, show } from "../../core/errors.js";
import type { TableInput } from "../../core/table.js";
import { createRng, type Rng } from "../../random/rng.js";
import { encodePair } from "../encode.js";
import { defineMetric } from "./metric.js";
import { subsampleRows } from "../sampling.js";
import { preparePair } from "./propensity.js";

/** Options of {@link dcr}. */
export interface DcrOptions {
  /** Real rows indexed at most (a seeded subsample beyond). @defaultValue 20000 */
  maxRows?: number;
  /** Synthetic rows (and as many uniform baseline rows) measured at most. @defaultValue 2000 */
  maxQueries?: number;
  /** Columns to use (default: every column of the real table). */
  columns?: readonly string[];
  seed?: number | string | Rng;
}

/** Result of {@link dcr}. */
export interface DcrResult {
  /** min(1, median DCR of the synthetic rows / median DCR of uniform random rows): 1 when the synthetic rows are no closer to real ones than random rows are. */
  score: number;
  /** Median distance from a synthetic row to its closest real row. */
  medianDcr: number;
  /** Median distance from a uniform random row (within the real ranges and categories) to its closest real row. */
  medianBaseline: number;
  /** Fraction of measured synthetic rows at distance 0 from a real row. */
  zeroDistanceRate: number;
  /** Each measured synthetic row's distance to its closest real row. */
  distances: Float64Array;
  /** Each baseline row's distance. */
  baselineDistances: Float64Array;
  nReal: number;
  nSynthetic: number;
}

/** @internal The median of `x` (a copy is sorted); shared with dcr-overfitting.ts. */
export function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/**
 * Distance to closest record (SDMetrics' DCRBaselineProtection): for each
 * synthetic row, the distance to the nearest real row, against the same for
 * rows drawn uniformly within the real ranges and categories. Per column,
 * numbers differ by |a − b| / (real max − real min) and categories by 0 or 1
 * (SDMetrics' per-column distances); a row distance is the root mean square
 * of the per-column distances (SDMetrics averages them: the L2 form lets the
 * one exact nearest-neighbour index of src/core/knn.ts find the nearest row).
 * Large tables are subsampled (seeded): `maxRows` real rows are indexed,
 * `maxQueries` synthetic rows measured.
 *
 * @param real - the real table
 * @param synthetic - the synthetic table, with the same columns
 * @param options - `maxRows`, `maxQueries`, `columns`, `seed`
 * @returns `{ score, medianDcr, medianBaseline, zeroDistanceRate, distances, baselineDistances, nReal, nSynthetic }`, score in [0, 1] (goal: maximize)
 * @throws DataError for a missing column or fewer than 2 rows
 * @example
 * const real = Array.from({ length: 50 }, (_, i) => ({ x: i, y: (i * 7) % 50 }));
 * dcr(real, real, { seed: 1 }).score; // => 0
 */
export const dcr = defineMetric(
  { metricName: "DCRBaselineProtection", goal: "maximize", min: 0, max: 1, description: "Distance from synthetic rows to their closest real row, relative to uniform random rows." },
  (real: TableInput, synthetic: TableInput, options: DcrOptions = {}): DcrResult => {
    const where = "dcr";
    for (const k of Object.keys(options)) {
      if (!["maxRows", "maxQueries", "columns", "seed"].includes(k)) {
        throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: maxRows, maxQueries, columns, seed.`);
      }
    }
    const maxQueries = options.maxQueries ?? 2000;
    if (!(Number.isInteger(maxQueries) && maxQueries >= 10)) throw new ParamError(where, "maxQueries", maxQueries, `'maxQueries' must be an integer >= 10, got ${show(maxQueries)}.`);
    const rng = createRng(options.seed);
    const [rPair, rQuery, rBase] = rng.spawn(3);
    const pair = preparePair(where, real, synthetic, { maxRows: options.maxRows ?? 20000, ...(options.columns ? { columns: options.columns } : {}) }, rPair!);
    const queries = subsampleRows(pair.synthetic, maxQueries, rQuery!);
    const enc = encodePair(pair.real, queries, { scale: "range", oneHot: Math.SQRT1_2 });
    const { d, nReal, nSynthetic } = enc;
    const nn = new NearestNeighbors({ nNeighbors: 1 }).fit({ data: enc.real, rows: nReal, cols: d });
    const norm = Math.sqrt(pair.columns.length);
    const distances = Float64Array.from(nn.kneighbors({ data: enc.synthetic, rows: nSynthetic, cols: d }, 1).distances, (v) => v / norm);
    // uniform baseline in the encoded space: numbers uniform on [0, 1] (the real range), one level per category
    const base = new Float64Array(nSynthetic * d);
    for (const g of enc.groups) {
      for (let i = 0; i < nSynthetic; i++) {
        if (g.kind === "number") base[i * d + g.start] = rBase!.uniform();
        else base[i * d + g.start + rBase!.integers(0, g.width)] = Math.SQRT1_2;
      }
    }
    const baselineDistances = Float64Array.from(nn.kneighbors({ data: base, rows: nSynthetic, cols: d }, 1).distances, (v) => v / norm);
    const medianDcr = median(distances);
    const medianBaseline = median(baselineDistances);
    let zeros = 0;
    for (let i = 0; i < distances.length; i++) if (distances[i] === 0) zeros++;
    const score = medianBaseline > 0 ? Math.min(1, medianDcr / medianBaseline) : medianDcr > 0 ? 1 : 0;
    return { score, medianDcr, medianBaseline, zeroDistanceRate: zeros / nSynthetic, distances, baselineDistances, nReal, nSynthetic };
  },
);
