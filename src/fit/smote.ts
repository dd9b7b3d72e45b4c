import { Matrix } from "ml-matrix";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { NearestNeighbors, toPoints, type PointsInput } from "../core/knn.js";
import { viewMatrix } from "../core/linalg.js";
import { checkBoolean, checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { indicesOf, overSamplingTargets, type Label, type SamplingStrategy } from "./sampling-strategy.js";

/** Labels accepted by the over-samplers: numbers (typed or plain arrays) or strings. */
export type Labels = Int32Array | Float64Array | readonly number[] | readonly string[];

/** What `fitResample` returns: the original rows first, then the new ones (imbalanced-learn's order). */
export interface ResampleResult<Y extends Labels = Labels> {
  /** (n + new) × d. */
  readonly X: Matrix;
  /** Labels, same kind as the input's. */
  readonly y: Y;
}

/** Options of {@link SMOTE}. */
export interface SMOTEOptions {
  /** Neighbours (within the class) to interpolate towards. @defaultValue 5 */
  kNeighbors?: number;
  /** imbalanced-learn's `sampling_strategy` ({@link SamplingStrategy}). @defaultValue "auto" */
  samplingStrategy?: SamplingStrategy;
  /** Seed of the draws. */
  seed?: SeedValue | Rng | undefined;
}

/** @internal X and y checked and flattened. */
export interface XY {
  data: Float64Array;
  n: number;
  d: number;
  y: ArrayLike<Label>;
}

/** @internal checks X and y (shapes, finiteness, label types). */
export function checkXY(where: string, X: PointsInput, y: Labels): XY {
  const { data, rows, cols } = toPoints(where, "X", X);
  if (!y || typeof (y as ArrayLike<unknown>).length !== "number") throw new ParamTypeError(where, "y", y, `'y' must be an array of labels, got ${show(y)}.`);
  if (y.length !== rows) throw new ParamError(where, "y", y.length, `X has ${rows} rows but y has ${y.length} labels.`);
  // Int32Array labels are finite numbers by type
  for (let i = y instanceof Int32Array ? y.length : 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string") {
      throw new DataError(where, "y", v, `y[${i}] is ${show(v)}; labels must be finite numbers or strings.`);
    }
  }
  return { data, n: rows, d: cols, y: y as ArrayLike<Label> };
}

/** @internal the rows of `idx` as a new buffer. */
export function takeRows(data: Float64Array, d: number, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length * d);
  for (let i = 0; i < idx.length; i++) out.set(data.subarray(idx[i]! * d, idx[i]! * d + d), i * d);
  return out;
}

/** @internal throws when a class has too few rows for kNeighbors. */
export function checkClassSize(where: string, param: string, label: Label | undefined, rows: number, k: number): void {
  if (rows < k + 1) {
    const who = label === undefined ? "X" : `class ${show(label)}`;
    throw new DataError(where, param, rows, `${who} has ${rows} rows; ${param} (${k}) needs at least ${param} + 1 = ${k + 1}. Lower ${param}.`);
  }
}

/**
 * @internal imbalanced-learn's `_make_samples`: `nSamples` points
 * base[r] + stepSize · u · (nnData[nns[r, c]] − base[r]) with (r, c) uniform
 * over the neighbour table and u ~ U[0, 1), written to `out` from row `at`.
 * With `record`, returns the base row of each new point.
 */
export function makeSamples(
  base: Float64Array,
  nnData: Float64Array,
  nns: Int32Array,
  k: number,
  d: number,
  nSamples: number,
  stepSize: number,
  rng: Rng,
  out: Float64Array,
  at: number,
  record = false,
): { rows: Int32Array } {
  const nBase = nns.length / k;
  const rowsOut = new Int32Array(record ? nSamples : 0);
  const CH = 65536;
  for (let s0 = 0; s0 < nSamples; s0 += CH) {
    const m = Math.min(CH, nSamples - s0);
    const idx = rng.integers(0, nBase * k, m);
    const steps = rng.random(m);
    interpolate(base, nnData, nns, k, d, idx, steps, stepSize, out, (at + s0) * d, record ? rowsOut.subarray(s0, s0 + m) : null);
  }
  return { rows: rowsOut };
}

/**
 * The loop of {@link makeSamples} on typed arrays and numbers only: its
 * compiled code depends on no object shape that a garbage collection can
 * drop, so it stays optimized from call to call.
 */
function interpolate(
  base: Float64Array,
  nnData: Float64Array,
  nns: Int32Array,
  k: number,
  d: number,
  idx: Float64Array,
  steps: Float64Array,
  stepSize: number,
  out: Float64Array,
  oo: number,
  rowsOut: Int32Array | null,
): void {
  const m = idx.length;
  for (let t = 0; t < m; t++) {
    const flat = idx[t]!;
    const r = Math.floor(flat / k);
    if (rowsOut) rowsOut[t] = r;
    const bo = r * d;
    const no = nns[flat]! * d;
    const g = stepSize * steps[t]!;
    for (let j = 0; j < d; j++) {
      const b = base[bo + j]!;
      out[oo + j] = b + g * (nnData[no + j]! - b);
    }
    oo += d;
  }
}

/** @internal X (original rows then new blocks) and y of the same kind as the input labels. */
export function assemble<Y extends Labels>(xy: XY, blocks: { data: Float64Array; label: Label }[]): ResampleResult<Y> {
  const { data, n, d } = xy;
  let total = n;
  for (const b of blocks) total += b.data.length / d;
  const buf = new Float64Array(total * d);
  buf.set(data.subarray(0, n * d));
  let r = n;
  for (const b of blocks) {
    buf.set(b.data, r * d);
    r += b.data.length / d;
  }
  return { X: viewMatrix(buf, total, d), y: resampledLabels<Y>(xy, blocks.map((b) => ({ label: b.label, rows: b.data.length / d }))) };
}

/** The labels of a resampled table: y, then each block's label once per row of the block. */
function resampledLabels<Y extends Labels>(xy: XY, blocks: readonly { label: Label; rows: number }[]): Y {
  const { n, y } = xy;
  let total = n;
  for (const b of blocks) total += b.rows;
  let yOut: Labels;
  if (y instanceof Int32Array || y instanceof Float64Array) {
    const Ctor = y.constructor as Int32ArrayConstructor | Float64ArrayConstructor;
    const arr = new Ctor(total);
    arr.set(y);
    let t = n;
    for (const b of blocks) arr.fill(b.label as number, t, (t += b.rows));
    yOut = arr;
  } else {
    const arr: Label[] = Array.from(y);
    for (const b of blocks) for (let i = 0; i < b.rows; i++) arr.push(b.label);
    yOut = arr as Labels;
  }
  return yOut as Y;
}

const SMOTE_DEFAULTS: SMOTEOptions = { kNeighbors: 5, samplingStrategy: "auto", seed: undefined };

/**
 * SMOTE, imbalanced-learn's `SMOTE`: for each class to grow, new rows on the
 * segments between a random row of the class and one of its `kNeighbors`
 * nearest neighbours in the class. The result holds the original rows
 * first, then the new rows class by class (classes in sorted order).
 *
 * @example
 * const X = [[0, 0], [1, 0], [0, 1], [1, 1], [5, 5], [5, 6], [6, 5]];
 * const { X: Xr, y: yr } = new SMOTE({ kNeighbors: 2, seed: 0 }).fitResample(X, [0, 0, 0, 0, 1, 1, 1]);
 * Xr.rows; // => 8
 * yr; // => [0, 0, 0, 0, 1, 1, 1, 1]
 */
export class SMOTE {
  private readonly options: Required<Omit<SMOTEOptions, "seed">> & Pick<SMOTEOptions, "seed">;
  /** Rows generated per class by the last `fitResample` (imbalanced-learn's `sampling_strategy_`). */
  samplingStrategy_: Map<Label, number> | undefined;

  constructor(options: SMOTEOptions = {}) {
    const o = mergeOptions("SMOTE", SMOTE_DEFAULTS, options) as typeof this.options;
    checkInteger("SMOTE", "kNeighbors", o.kNeighbors, 1);
    this.options = o;
  }

  /**
   * Resamples (X, y).
   * @param X - n × d numeric features
   * @param y - n labels (at least 2 classes)
   * @returns `{ X, y }`: the n original rows, then the synthetic ones
   * @throws DataError for NaN/infinite values, one class, or a class with fewer than kNeighbors + 1 rows; ParamError for a bad samplingStrategy
   */
  fitResample<Y extends Labels>(X: PointsInput, y: Y): ResampleResult<Y> {
    const where = "SMOTE.fitResample";
    const xy = checkXY(where, X, y);
    const targets = overSamplingTargets(where, this.options.samplingStrategy, xy.y);
    this.samplingStrategy_ = targets;
    const rng = createRng(this.options.seed);
    const k = this.options.kNeighbors;
    const classes: { label: Label; idx: Int32Array; rows: number }[] = [];
    for (const [label, rows] of targets) {
      if (rows === 0) continue;
      const idx = indicesOf(xy.y, label);
      checkClassSize(where, "kNeighbors", label, idx.length, k);
      classes.push({ label, idx, rows });
    }
    // the new rows are written straight into the result, after the original rows (one allocation, no second copy)
    const { d, n } = xy;
    let total = n;
    for (const c of classes) total += c.rows;
    const buf = new Float64Array(total * d);
    buf.set(xy.data.subarray(0, n * d));
    let at = n;
    for (const { idx, rows } of classes) {
      const Xc = takeRows(xy.data, d, idx);
      const nns = new NearestNeighbors({ nNeighbors: k }).fit({ data: Xc, rows: idx.length, cols: d }).kneighbors(null, k).indices;
      makeSamples(Xc, Xc, nns, k, d, rows, 1, rng, buf, at);
      at += rows;
    }
    return { X: viewMatrix(buf, total, d), y: resampledLabels<Y>(xy, classes) };
  }
}

/** Options of {@link smote}. */
export interface SmoteOptions {
  /** Rows returned. Required; any integer >= 1 (not only multiples of the input size). */
  nSamples: number;
  /** Neighbours to interpolate towards. @defaultValue 5 */
  kNeighbors?: number;
  /**
   * Put the real rows first and generate only `nSamples − n` synthetic ones
   * (imbalanced-learn's output for one class grown to nSamples). With
   * `false` every returned row is synthetic.
   * @defaultValue false
   */
  includeReal?: boolean;
  /**
   * The `kNeighbors` nearest neighbours of every row (n × kNeighbors, row-major, each row's own index
   * excluded), as a sampler that draws repeatedly from the same rows computes them once; searched when absent.
   */
  neighbours?: Int32Array | undefined;
  /** Seed of the draws. */
  seed?: SeedValue | Rng | undefined;
}

/**
 * The `k` nearest neighbours of every row of X (itself excluded), n × k
 * row-major: what {@link smote} interpolates towards, for its `neighbours`
 * option when one sample is drawn from many times.
 * @example
 * Array.from(smoteNeighbours([[0], [1], [5], [7]], 1)); // => [1, 0, 3, 2]
 */
export function smoteNeighbours(X: PointsInput, k = 5): Int32Array {
  const { data, rows, cols } = toPoints("smoteNeighbours", "X", X);
  checkInteger("smoteNeighbours", "k", k, 1);
  return new NearestNeighbors({ nNeighbors: k }).fit({ data, rows, cols }).kneighbors(null, k).indices;
}

/**
 * SMOTE for one unlabeled sample (the oversampling of seed 002): `nSamples`
 * rows, each on a segment between a random row of X and one of its
 * `kNeighbors` nearest neighbours. The draws are imbalanced-learn's
 * (uniform over the row × neighbour table, then a uniform step), so the
 * result equals `SMOTE().fitResample` growing one class to nSamples.
 *
 * @param X - n × d sample (n >= kNeighbors + 1)
 * @param options - {@link SmoteOptions}; `nSamples` required
 * @returns nSamples × d Matrix (with `includeReal`, the n real rows first)
 * @throws DataError for NaN/infinite values or n < kNeighbors + 1; ParamError for nSamples < 1 (or < n with includeReal)
 *
 * @example
 * const S = smote([[0, 0], [1, 0], [0, 1], [1, 1]], { nSamples: 10, kNeighbors: 2, seed: 1 });
 * S.rows; // => 10
 */
export function smote(X: PointsInput, options: SmoteOptions): Matrix {
  const where = "smote";
  const o = mergeOptions(where, { nSamples: NaN, kNeighbors: 5, includeReal: false, neighbours: undefined, seed: undefined } as SmoteOptions, options);
  if (options === undefined || (options as Partial<SmoteOptions>).nSamples === undefined) {
    throw new ParamError(where, "nSamples", undefined, "'nSamples' is required (the number of rows to return).");
  }
  checkInteger(where, "nSamples", o.nSamples, 1);
  const k = checkInteger(where, "kNeighbors", o.kNeighbors, 1);
  checkBoolean(where, "includeReal", o.includeReal);
  const { data, rows: n, cols: d } = toPoints(where, "X", X);
  checkClassSize(where, "kNeighbors", undefined, n, k);
  if (o.includeReal && o.nSamples < n) {
    throw new ParamError(where, "nSamples", o.nSamples, `with includeReal, 'nSamples' (${o.nSamples}) must be >= the number of real rows (${n}).`);
  }
  const rng = createRng(o.seed);
  if (o.neighbours !== undefined && !(o.neighbours instanceof Int32Array && o.neighbours.length === n * k)) {
    throw new ParamError(where, "neighbours", o.neighbours, `'neighbours' must be an Int32Array of n × kNeighbors = ${n * k} indices (see smoteNeighbours), got ${show(o.neighbours)}.`);
  }
  const nns = o.neighbours ?? smoteNeighbours({ data, rows: n, cols: d }, k);
  const out = new Float64Array(o.nSamples * d);
  let at = 0;
  if (o.includeReal) {
    out.set(data);
    at = n;
  }
  makeSamples(data, data, nns, k, d, o.nSamples - at, 1, rng, out, at);
  return viewMatrix(out, o.nSamples, d);
}
