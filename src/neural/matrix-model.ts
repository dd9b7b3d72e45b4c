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

/**
 * The reparameterization trick of a VAE: `h` holds each row's mean (first L
 * values) and log-variance (next L); z = mean + eps · exp(logvar / 2). The
 * standard deviations exp(logvar / 2) are left in `sd` (b × L doubles) for
 * {@link latentBackward}, which needs the same values.
 */
export function reparameterize(h: Float32Array, eps: Float32Array, b: number, L: number, sd: Float64Array = new Float64Array(b * L)): Float32Array {
  const z = new Float32Array(b * L);
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < L; j++) {
      const s = Math.exp(0.5 * h[i * 2 * L + L + j]!);
      sd[i * L + j] = s;
      z[i * L + j] = h[i * 2 * L + j]! + eps[i * L + j]! * s;
    }
  }
  return z;
}

/**
 * Back through {@link reparameterize} plus the KL term to N(0, I), averaged
 * over the batch: the gradient on `h` from the decoder's gradient on z (`dz`)
 * and the standard deviations `sd` that {@link reparameterize} computed,
 * and the KL divergence of each cell divided by `klScale`, added in order to
 * `total` (a running loss) and returned as `total`.
 */
export function latentBackward(h: Float32Array, eps: Float32Array, sd: Float64Array, dz: Float32Array, b: number, L: number, klScale: number, total: number): { dh: Float32Array; total: number } {
  const dh = new Float32Array(b * 2 * L);
  let kl = total;
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < L; j++) {
      const mu = h[i * 2 * L + j]!;
      const lv = h[i * 2 * L + L + j]!;
      const ev = Math.exp(lv);
      kl += klScale === 1 ? -0.5 * (1 + lv - mu * mu - ev) : (-0.5 * (1 + lv - mu * mu - ev)) / klScale;
      const g = dz[i * L + j]!;
      dh[i * 2 * L + j] = g + mu / b;
      dh[i * 2 * L + L + j] = g * eps[i * L + j]! * 0.5 * sd[i * L + j]! + (0.5 * (ev - 1)) / b;
    }
  }
  return { dh, total: kl };
}
