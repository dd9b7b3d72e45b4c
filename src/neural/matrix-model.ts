/**
 * What the matrix networks ({@link GAN}, {@link VAE}) share (internal):
 * option checks, input scaling, mini-batches, hidden stacks, seeding.
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { toPoints, type PointsInput } from "../core/knn.js";
import { checkInteger } from "../core/validate.js";
import type { Rng } from "../random/rng.js";
import { LeakyReLU, Linear, type Layer } from "./layers.js";

/** Checks a list of hidden-layer widths (integers >= 1). */
export function checkDims(where: string, param: string, dims: unknown): number[] {
  if (!Array.isArray(dims)) throw new ParamTypeError(where, param, dims, `'${param}' must be an array of layer widths, got ${show(dims)}.`);
  dims.forEach((d, k) => checkInteger(where, `${param}[${k}]`, d, 1));
  return dims as number[];
}

/** Checks the shared training options. */
export function checkTraining(where: string, o: { epochs: unknown; batchSize: unknown; learningRate: unknown }): void {
  checkInteger(where, "epochs", o.epochs, 1);
  checkInteger(where, "batchSize", o.batchSize, 1);
  if (typeof o.learningRate !== "number" || !(o.learningRate > 0) || !Number.isFinite(o.learningRate)) {
    throw new ParamError(where, "learningRate", o.learningRate, `'learningRate' must be a finite number > 0, got ${show(o.learningRate)}.`);
  }
}

/** Per-column standardization ((x − mean) / std; a constant column keeps std 1). */
export interface Scaling {
  mean: number[];
  std: number[];
}

/** Reads X (rows × cols, finite) and its scaling. */
export function readMatrix(where: string, X: PointsInput, standardize: boolean): { data: Float32Array; rows: number; cols: number; scaling: Scaling } {
  const p = toPoints(where, "X", X);
  if (p.rows === 0 || p.cols === 0) throw new ParamError(where, "X", [p.rows, p.cols], `X is empty (${p.rows} rows × ${p.cols} columns); a network needs rows to learn from.`);
  const mean = new Array<number>(p.cols).fill(0);
  const std = new Array<number>(p.cols).fill(1);
  if (standardize) {
    for (let j = 0; j < p.cols; j++) {
      let s = 0;
      for (let i = 0; i < p.rows; i++) s += p.data[i * p.cols + j]!;
      const m = s / p.rows;
      let ss = 0;
      for (let i = 0; i < p.rows; i++) ss += (p.data[i * p.cols + j]! - m) ** 2;
      const sd = Math.sqrt(ss / p.rows);
      mean[j] = m;
      std[j] = sd > 1e-12 ? sd : 1;
    }
  }
  return { data: scaleRows(p.data, p.rows, p.cols, { mean, std }), rows: p.rows, cols: p.cols, scaling: { mean, std } };
}

/** Rows scaled into model units. */
export function scaleRows(x: Float64Array, rows: number, cols: number, s: Scaling): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = (x[i * cols + j]! - s.mean[j]!) / s.std[j]!;
  return out;
}

/** Model units back to data units (Float64Array, row-major). */
export function unscaleRows(y: Float32Array, rows: number, cols: number, s: Scaling): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = y[i * cols + j]! * s.std[j]! + s.mean[j]!;
  return out;
}

/** The rows `idx[from..to)` of a row-major matrix. */
export function gatherRows(x: Float32Array, cols: number, idx: ArrayLike<number>, from: number, to: number): Float32Array {
  const out = new Float32Array((to - from) * cols);
  for (let r = from; r < to; r++) {
    const i = idx[r]!;
    out.set(x.subarray(i * cols, (i + 1) * cols), (r - from) * cols);
  }
  return out;
}

/** Linear layers of the given widths with (leaky) ReLU between them, ending with a Linear to `outWidth`. */
export function mlp(inWidth: number, dims: readonly number[], outWidth: number, rng: Rng, slope = 0): Layer[] {
  const layers: Layer[] = [];
  let w = inWidth;
  for (const d of dims) {
    layers.push(new Linear(w, d, rng), new LeakyReLU(d, slope));
    w = d;
  }
  layers.push(new Linear(w, outWidth, rng));
  return layers;
}

/** `n` standard normal draws as f32. */
export function normals(rng: Rng, n: number): Float32Array {
  return Float32Array.from(rng.normal(0, 1, n) as Float64Array);
}
