import { DataError, ParamError, show } from "../../core/errors.js";
import { NearestNeighbors } from "../../core/knn.js";
import { asTable, type TableInput } from "../../core/table.js";
import { createRng } from "../../random/rng.js";
import { encodePair } from "../encode.js";
import { subsampleRows } from "../sampling.js";
import { median, type DcrOptions } from "./dcr.js";
import { defineMetric } from "./metric.js";

/**
 * Options of {@link dcrOverfitting}: those of {@link dcr}, but `maxRows`
 * applies to each real table and defaults to every row (SDMetrics compares
 * with every training and holdout row; a subsample of the training rows
 * hides copies of the rows left out).
 */
export interface DcrOverfittingOptions extends Omit<DcrOptions, "maxRows"> {
  /** Training and holdout rows indexed at most (a seeded subsample beyond). @defaultValue every row */
  maxRows?: number;
}

/** Result of {@link dcrOverfitting}. */
export interface DcrOverfittingResult {
  /**
   * min(1, (1 − closerToTraining) / (1 − expectedCloserToTraining)): 1 when
   * synthetic rows are no closer to the training rows than fresh rows would
   * be, 0 when every one is closer to a training row (a copy). With training
   * and holdout tables of one size this is SDMetrics' min(1, 2 · (1 − closerToTraining)).
   */
  score: number;
  /** Share of measured synthetic rows strictly closer to a training row than to any holdout row. */
  closerToTraining: number;
  /**
   * The share a synthesizer that does not memorize would show:
   * nTraining / (nTraining + nHoldout), the chance that the nearest of the
   * pooled real rows to a fresh row is a training row (½ for equal sizes).
   */
  expectedCloserToTraining: number;
  /** Median distance of a synthetic row to its closest training row, and to its closest holdout row. */
  medianDcrTraining: number;
  medianDcrHoldout: number;
  /** Training rows compared with (every row unless `maxRows` is set). */
  nTraining: number;
  /** Holdout rows compared with. */
  nHoldout: number;
  /** Synthetic rows measured (at most `maxQueries`, a seeded subsample beyond). */
  nSynthetic: number;
}

/** Rows encoded with `features` (row-major) laid out in the columns of `union` (absent features are 0). */
function inUnion(x: Float64Array, n: number, features: readonly string[], union: readonly string[]): Float64Array {
  const d = features.length;
  const D = union.length;
  if (d === D && features.every((f, j) => f === union[j])) return x;
  const to = features.map((f) => union.indexOf(f));
  const out = new Float64Array(n * D);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * D + to[j]!] = x[i * d + j]!;
  return out;
}

/**
 * Overfitting protection (SDMetrics' DCROverfittingProtection): does the
 * synthesizer reproduce the rows it was trained on more closely than real
 * rows it never saw? For each synthetic row, the distance to the closest
 * training row and to the closest holdout row (the distances of
 * {@link dcr}: per-column |a − b| over the training range, 0/1 for
 * categories, root mean square over columns); the score is
 * min(1, (1 − share closer to training) / (1 − expected share)). As in
 * SDMetrics, every training and every holdout row is compared with (so a
 * copy of any training row is at distance 0 from it, and a copy of the
 * training table scores 0); only the synthetic rows are subsampled, to
 * `maxQueries`. The expected share is nTraining / (nTraining + nHoldout):
 * a row drawn afresh from the real law is that likely to have its nearest
 * pooled real row in the training table. For tables of one size it is ½
 * and the score is SDMetrics' min(1, 2 · (1 − share)); SDMetrics keeps ½
 * for any sizes (and warns when the holdout is under half the training
 * rows), which marks an honest synthesizer as overfitting when the holdout
 * is small.
 *
 * @param training - the real rows the synthesizer was fitted on
 * @param holdout - real rows it never saw
 * @param synthetic - the synthetic rows
 * @param options - `maxRows`, `maxQueries`, `columns`, `seed`
 * @returns `{ score, closerToTraining, expectedCloserToTraining, medianDcrTraining, medianDcrHoldout, nTraining, nHoldout, nSynthetic }`, score in [0, 1] (goal: maximize)
 * @throws DataError for a missing column or fewer than 2 rows in a table
 * @example
 * const train = Array.from({ length: 40 }, (_, i) => ({ x: i, y: (i * 7) % 40 }));
 * const holdout = Array.from({ length: 40 }, (_, i) => ({ x: i + 0.5, y: (i * 11) % 40 }));
 * dcrOverfitting(train, holdout, train, { seed: 1 }).score; // => 0
 */
export const dcrOverfitting = defineMetric(
  { metricName: "DCROverfittingProtection", goal: "maximize", min: 0, max: 1, description: "Whether synthetic rows are closer to the training rows than to real rows the synthesizer never saw." },
  (training: TableInput, holdout: TableInput, synthetic: TableInput, options: DcrOverfittingOptions = {}): DcrOverfittingResult => {
    const where = "dcrOverfitting";
    for (const k of Object.keys(options)) {
      if (!["maxRows", "maxQueries", "columns", "seed"].includes(k)) {
        throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: maxRows, maxQueries, columns, seed.`);
      }
    }
    const maxRows = options.maxRows ?? Infinity;
    const maxQueries = options.maxQueries ?? 2000;
    for (const [name, v] of [["maxRows", maxRows], ["maxQueries", maxQueries]] as const) {
      if (!((Number.isInteger(v) || v === Infinity) && v >= 10)) throw new ParamError(where, name, v, `'${name}' must be an integer >= 10, got ${show(v)}.`);
    }
    const t0 = asTable(training, where, "training");
    const h0 = asTable(holdout, where, "holdout");
    const s0 = asTable(synthetic, where, "synthetic");
    const columns = options.columns ? [...options.columns] : t0.columnNames;
    for (const c of columns) {
      t0.columnInfo(c);
      for (const [name, t] of [["holdout", h0], ["synthetic", s0]] as const) {
        if (!t.columnNames.includes(c)) throw new DataError(where, name, c, `the ${name} table has no column '${c}'.`);
      }
    }
    for (const [name, t] of [["training", t0], ["holdout", h0], ["synthetic", s0]] as const) {
      if (t.nRows < 2) throw new DataError(where, name, t.nRows, `the ${name} table needs at least 2 rows, got ${t.nRows}.`);
    }
    const [rT, rH, rQ] = createRng(options.seed).spawn(3);
    const train = subsampleRows(t0.select(columns), maxRows, rT!);
    const hold = subsampleRows(h0.select(columns), maxRows, rH!);
    const queries = subsampleRows(s0.select(columns), maxQueries, rQ!);
    // one encoding, fitted on the training rows, for all three tables; the two pairs can differ by an
    // indicator column (a level or a missing value that only one side has), so both go into the union of features
    const encS = encodePair(train, queries, { scale: "range", oneHot: Math.SQRT1_2 });
    const encH = encodePair(train, hold, { scale: "range", oneHot: Math.SQRT1_2 });
    const union = [...new Set([...encS.features, ...encH.features])];
    const d = union.length;
    const q = { data: inUnion(encS.synthetic, encS.nSynthetic, encS.features, union), rows: encS.nSynthetic, cols: d };
    const t = { data: inUnion(encS.real, encS.nReal, encS.features, union), rows: encS.nReal, cols: d };
    const h = { data: inUnion(encH.synthetic, encH.nSynthetic, encH.features, union), rows: encH.nSynthetic, cols: d };
    const dT = new NearestNeighbors({ nNeighbors: 1 }).fit(t).kneighbors(q, 1).distances;
    const dH = new NearestNeighbors({ nNeighbors: 1 }).fit(h).kneighbors(q, 1).distances;
    let closer = 0;
    for (let i = 0; i < dT.length; i++) if (dT[i]! < dH[i]!) closer++;
    const share = closer / dT.length;
    const expected = train.nRows / (train.nRows + hold.nRows);
    const norm = Math.sqrt(columns.length);
    return {
      score: Math.max(0, Math.min(1, (1 - share) / (1 - expected))),
      closerToTraining: share,
      expectedCloserToTraining: expected,
      medianDcrTraining: median(dT) / norm,
      medianDcrHoldout: median(dH) / norm,
      nTraining: train.nRows,
      nHoldout: hold.nRows,
      nSynthetic: encS.nSynthetic,
    };
  },
);
