import { Matrix } from "ml-matrix";
import { DataError, ParamError, show } from "../core/errors.js";
import { NearestNeighbors, toPoints, type PointsInput } from "../core/knn.js";
import { columnMeans, columnVariances, correlationMatrix, viewMatrix } from "../core/linalg.js";
import { toRowMajor } from "../core/matrix.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { checkInRange, checkInteger, checkPositive, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
// The one KS implementation (src/quality); statistic only, so the cheap asymptotic p-value.
import { ks2samp } from "../quality/ks.js";

/** Options of {@link munge}. */
export interface MungeOptions {
  /** Rows returned, all synthetic. Required; any integer >= 1. */
  nSamples: number;
  /**
   * Probability that an attribute of the synthetic row is taken from the
   * nearest neighbour (discrete) or redrawn around it (continuous). 0 copies
   * the real rows; 1 moves every attribute.
   * @defaultValue 0.5
   */
  p?: number;
  /**
   * Local variance parameter: a continuous attribute is redrawn from
   * N(e'_a, |e_a − e'_a| / s), so larger s means less noise.
   * @defaultValue 10
   */
  s?: number;
  /** Column indices of discrete attributes (values swapped, never perturbed). @defaultValue [] */
  discreteFeatures?: readonly number[];
  seed?: SeedValue | Rng | undefined;
  /**
   * The nearest neighbour of each row of X, as {@link mungeNearestNeighbours} gives it, to skip the
   * search when the same X is resampled many times (table synthesizers draw in blocks).
   */
  neighbours?: Int32Array | undefined;
}

const DEFAULTS: MungeOptions = { nSamples: NaN, p: 0.5, s: 10, discreteFeatures: [], seed: undefined, neighbours: undefined };

/**
 * The nearest neighbour of every row of X as MUNGE searches it (continuous columns standardized, discrete
 * columns one-hot), for `munge(X, { neighbours })`.
 * @example
 * const X = [[0, 0], [0, 1], [5, 5], [5, 6]];
 * Array.from(mungeNearestNeighbours(X)); // => [1, 0, 3, 2]
 */
export function mungeNearestNeighbours(X: PointsInput, discreteFeatures: readonly number[] = []): Int32Array {
  const { data, rows, cols } = toPoints("mungeNearestNeighbours", "X", X);
  return mungeNeighbours(data, rows, cols, new Set(discreteFeatures));
}

/** Discrete columns with at most this many levels are one-hot encoded for the neighbour search. */
const ONE_HOT_MAX_LEVELS = 16;

/**
 * @internal the nearest neighbour of every row for MUNGE: continuous columns
 * standardized; a discrete column with at most 16 levels one-hot with entries
 * 1/√2 (a mismatch adds 1 to the squared distance, one standardized unit);
 * a discrete column with more levels (counts, codes) standardized like a
 * continuous one, so the search stays low-dimensional.
 */
function mungeNeighbours(data: Float64Array, n: number, d: number, discrete: Set<number>): Int32Array {
  const mean = columnMeans(data, n, d);
  const sd = columnVariances(data, n, d, mean).map(Math.sqrt);
  const levels = new Map<number, Map<number, number>>();
  for (const j of discrete) {
    const m = new Map<number, number>();
    for (let i = 0; i < n && m.size <= ONE_HOT_MAX_LEVELS; i++) {
      const v = data[i * d + j]!;
      if (!m.has(v)) m.set(v, m.size);
    }
    if (m.size <= ONE_HOT_MAX_LEVELS) levels.set(j, m);
  }
  let width = 0;
  for (let j = 0; j < d; j++) width += levels.has(j) ? levels.get(j)!.size : 1;
  const enc = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    let o = i * width;
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]!;
      const lv = levels.get(j);
      if (lv) {
        enc[o + lv.get(v)!] = Math.SQRT1_2;
        o += lv.size;
      } else enc[o++] = sd[j]! > 0 ? (v - mean[j]!) / sd[j]! : 0;
    }
  }
  return new NearestNeighbors({ nNeighbors: 1 }).fit({ data: enc, rows: n, cols: width }).kneighbors(null, 1).indices;
}

/**
 * MUNGE (Bucila, Caruana & Niculescu-Mizil 2006, "Model compression"), as
 * seed 002 describes it: each synthetic row starts as a copy of a real row
 * e (the real rows taken in turn, in a shuffled order, so each seeds
 * ⌊nSamples/n⌋ or ⌈nSamples/n⌉ rows) with e' its nearest neighbour
 * (Euclidean on standardized continuous columns, a discrete mismatch counting
 * one standardized unit; discrete columns with more than 16 levels count as
 * standardized numbers in this search); then each attribute a, with probability p, becomes
 * e'_a (discrete) or a draw from N(e'_a, |e_a − e'_a| / s) (continuous).
 * A constant column stays constant. To choose p and s from the data, see
 * {@link tuneMunge}.
 *
 * @param X - n × d sample (n >= 2)
 * @param options - {@link MungeOptions}; `nSamples` required
 * @returns nSamples × d Matrix of synthetic rows (no real row included)
 * @throws DataError for NaN/infinite values or fewer than 2 rows; ParamError for nSamples < 1, p outside [0, 1], s <= 0, bad discreteFeatures
 *
 * @example
 * const S = munge([[0, 1], [1, 1], [2, 0], [3, 0]], { nSamples: 6, discreteFeatures: [1], seed: 0 });
 * S.rows; // => 6
 * S.getColumn(1).every((v) => v === 0 || v === 1); // => true
 */
export function munge(X: PointsInput, options: MungeOptions): Matrix {
  const where = "munge";
  const o = mergeOptions(where, DEFAULTS, options);
  if (options === undefined || (options as Partial<MungeOptions>).nSamples === undefined) {
    throw new ParamError(where, "nSamples", undefined, "'nSamples' is required (the number of rows to return).");
  }
  checkInteger(where, "nSamples", o.nSamples, 1);
  const p = checkInRange(where, "p", o.p, 0, 1);
  const s = checkPositive(where, "s", o.s);
  const { data, rows: n, cols: d } = toPoints(where, "X", X);
  if (n < 2) throw new DataError(where, "X", n, `needs at least 2 rows (a row and its nearest neighbour), got ${n}.`);
  const discrete = new Set<number>();
  if (!Array.isArray(o.discreteFeatures)) throw new ParamError(where, "discreteFeatures", o.discreteFeatures, `'discreteFeatures' must be an array of column indices, got ${show(o.discreteFeatures)}.`);
  for (const j of o.discreteFeatures) {
    checkInteger(where, "discreteFeatures", j, 0);
    if (j >= d) throw new ParamError(where, "discreteFeatures", j, `discrete column ${j} is out of range: X has ${d} columns.`);
    discrete.add(j);
  }
  if (o.neighbours !== undefined && (!(o.neighbours instanceof Int32Array) || o.neighbours.length !== n)) {
    throw new ParamError(where, "neighbours", o.neighbours, `'neighbours' must be an Int32Array of ${n} row indices (mungeNearestNeighbours(X)), got ${show(o.neighbours)}.`);
  }
  const nn = o.neighbours ?? mungeNeighbours(data, n, d, discrete);
  const rng = createRng(o.seed);
  const [orderRng, drawRng] = rng.spawn(2);
  const out = new Float64Array(o.nSamples * d);
  const isDiscrete = new Uint8Array(d);
  for (const j of discrete) isDiscrete[j] = 1;
  let perm: Int32Array = orderRng!.permutation(n);
  const CH = 16384;
  for (let r0 = 0; r0 < o.nSamples; r0 += CH) {
    const m = Math.min(CH, o.nSamples - r0);
    const u = drawRng!.random(m * d);
    const z = drawRng!.standardNormal(m * d);
    for (let t = 0; t < m; t++) {
      const r = r0 + t;
      const pos = r % n;
      if (pos === 0 && r > 0) perm = orderRng!.permutation(n);
      const e = perm[pos]!;
      const f = nn[e]!;
      const ro = r * d;
      for (let j = 0; j < d; j++) {
        const ea = data[e * d + j]!;
        if (u[t * d + j]! >= p) out[ro + j] = ea;
        else {
          const fa = data[f * d + j]!;
          out[ro + j] = isDiscrete[j] ? fa : fa + (Math.abs(ea - fa) / s) * z[t * d + j]!;
        }
      }
    }
  }
  return viewMatrix(out, o.nSamples, d);
}

/** Fidelity of `syn` to `ref` (both row-major, d columns): mean KS over columns and RMS correlation difference. @internal */
export function fidelity(syn: Float64Array, nSyn: number, ref: Float64Array, nRef: number, d: number): { meanKS: number; corrRMS: number } {
  let ks = 0;
  const a = new Float64Array(nSyn);
  const b = new Float64Array(nRef);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < nSyn; i++) a[i] = syn[i * d + j]!;
    for (let i = 0; i < nRef; i++) b[i] = ref[i * d + j]!;
    ks += ks2samp(a, b, { method: "asymp" }).statistic;
  }
  const c1 = correlationMatrix(syn, nSyn, d);
  const c2 = correlationMatrix(ref, nRef, d);
  let s = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) s += (c1[i * d + j]! - c2[i * d + j]!) ** 2;
  return { meanKS: ks / d, corrRMS: d > 1 ? Math.sqrt(s / ((d * (d - 1)) / 2)) : 0 };
}

/** Options of {@link tuneMunge}. */
export interface TuneMungeOptions {
  /** Candidate p values. @defaultValue [0.1, 0.2, 0.3, 0.5, 0.7, 0.9] */
  pGrid?: readonly number[];
  /** Candidate s values. @defaultValue [0.5, 1, 2, 5, 10, 20] */
  sGrid?: readonly number[];
  /** Share of rows held out to judge the candidates. @defaultValue 0.5 */
  testFraction?: number;
  /** Synthetic rows per candidate (from the training part). @defaultValue 2 × training rows */
  nSamples?: number | undefined;
  /** As {@link MungeOptions.discreteFeatures}. @defaultValue [] */
  discreteFeatures?: readonly number[];
  seed?: SeedValue | Rng | undefined;
  /** Called after each candidate with (candidates done, candidates). */
  onProgress?: ProgressCallback | undefined;
}

/** One row of {@link tuneMunge}'s table. */
export interface MungeCandidate {
  readonly p: number;
  readonly s: number;
  /** Mean over columns of the KS statistic between synthetic and held-out rows. */
  readonly meanKS: number;
  /** RMS difference of the off-diagonal correlations, synthetic vs held-out. */
  readonly corrRMS: number;
  /** meanKS + corrRMS (lower is better). */
  readonly score: number;
}

/**
 * Chooses MUNGE's p and s on a grid by the quality of the result (the
 * question of seed 002): the rows are split into a training part and a
 * held-out part; for every (p, s), MUNGE grows the training part and the
 * synthetic rows are compared with the held-out rows by the mean KS statistic
 * over columns (marginals) plus the RMS difference of the correlation
 * matrices (joint structure). `copyBaseline` scores the training rows
 * themselves against the held-out rows: a candidate should not be much worse
 * than this floor of sampling noise, and a candidate at the floor with p near
 * 0 is copying rows rather than generalizing.
 *
 * @returns `{ bestParams: { p, s }, table, copyBaseline }`, table in grid order (p outer, s inner)
 * @throws ParamError for empty grids or a testFraction outside (0, 1); DataError for too few rows
 *
 * @example
 * const rng = createRng(0);
 * const X = Array.from({ length: 200 }, () => { const a = rng.normal(); return [a, a + rng.normal(0, 0.5)]; });
 * const t = tuneMunge(X, { pGrid: [0.2, 0.8], sGrid: [1, 10], seed: 1 });
 * t.table.length; // => 4
 */
export function tuneMunge(
  X: PointsInput,
  options: TuneMungeOptions = {},
): { bestParams: { p: number; s: number }; table: MungeCandidate[]; copyBaseline: { meanKS: number; corrRMS: number; score: number } } {
  const where = "tuneMunge";
  const o = mergeOptions(where, { pGrid: [0.1, 0.2, 0.3, 0.5, 0.7, 0.9], sGrid: [0.5, 1, 2, 5, 10, 20], testFraction: 0.5, nSamples: undefined, discreteFeatures: [], seed: undefined, onProgress: undefined } as TuneMungeOptions, options);
  const onProgress = checkProgress(where, o.onProgress);
  if (!o.pGrid?.length) throw new ParamError(where, "pGrid", o.pGrid, "'pGrid' must list at least one value.");
  if (!o.sGrid?.length) throw new ParamError(where, "sGrid", o.sGrid, "'sGrid' must list at least one value.");
  checkInRange(where, "testFraction", o.testFraction, 0, 1, { loOpen: true, hiOpen: true });
  const Xm = X instanceof Matrix ? X : undefined;
  const { data, rows: n, cols: d } = Xm ? { data: toRowMajor(Xm), rows: Xm.rows, cols: Xm.columns } : toPoints(where, "X", X);
  toPoints(where, "X", { data, rows: n, cols: d }); // finiteness
  const nTest = Math.round(n * o.testFraction!);
  const nTrain = n - nTest;
  if (nTrain < 2 || nTest < 2) throw new DataError(where, "X", n, `needs at least 2 training and 2 held-out rows; got ${n} rows with testFraction ${o.testFraction}.`);
  const rng = createRng(o.seed);
  const perm = rng.permutation(n);
  const train = new Float64Array(nTrain * d);
  const test = new Float64Array(nTest * d);
  for (let i = 0; i < n; i++) {
    const src = data.subarray(perm[i]! * d, perm[i]! * d + d);
    if (i < nTrain) train.set(src, i * d);
    else test.set(src, (i - nTrain) * d);
  }
  const nSamples = o.nSamples ?? 2 * nTrain;
  const table: MungeCandidate[] = [];
  for (const p of o.pGrid!) {
    for (const s of o.sGrid!) {
      const S = munge({ data: train, rows: nTrain, cols: d }, { nSamples, p, s, discreteFeatures: o.discreteFeatures, seed: rng.spawn(1)[0] });
      const f = fidelity(toRowMajor(S), nSamples, test, nTest, d);
      table.push({ p, s, ...f, score: f.meanKS + f.corrRMS });
      onProgress?.(table.length, o.pGrid!.length * o.sGrid!.length, `p ${p}, s ${s}`);
    }
  }
  let best = table[0]!;
  for (const r of table) if (r.score < best.score) best = r;
  const base = fidelity(train, nTrain, test, nTest, d);
  return { bestParams: { p: best.p, s: best.s }, table, copyBaseline: { ...base, score: base.meanKS + base.corrRMS } };
}
