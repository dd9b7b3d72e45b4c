/**
 * A variational autoencoder on numeric matrices (Kingma & Welling 2014): a
 * ReLU encoder to the mean and log-variance of a normal latent, the
 * reparameterized draw, a ReLU decoder back to the (standardized) columns;
 * loss = ½ squared error + KL divergence to N(0, I), per row; Adam.
 */
import type { Matrix } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import type { PointsInput } from "../core/knn.js";
import { fromRowMajor, toRowMajor } from "../core/matrix.js";
import { toPoints } from "../core/knn.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { checkBoolean, checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import { checkSeed, entropySeed, type SeedValue } from "../random/seed.js";
import { Adam } from "./adam.js";
import { Sequential } from "./layers.js";
import { checkDims, checkTraining, gatherRows, latentBackward, mlp, normals, readMatrix, reparameterize, scaleRows, unscaleRows, type Scaling } from "./matrix-model.js";

/** Options of {@link VAE}. */
export interface VAEOptions {
  /** Width of the latent normal. @defaultValue 8 */
  latentDim?: number;
  /** Hidden widths of the encoder (ReLU). @defaultValue [128] */
  encoderDims?: number[];
  /** Hidden widths of the decoder (ReLU). @defaultValue [128] */
  decoderDims?: number[];
  /** Passes over the data. @defaultValue 100 */
  epochs?: number;
  /** Rows per step. @defaultValue 32 */
  batchSize?: number;
  /** Adam's step size. @defaultValue 1e-3 */
  learningRate?: number;
  /** Train on standardized columns (and sample back in data units). @defaultValue true */
  standardize?: boolean;
  /** Seed of initialization, training and unseeded `sample` calls. */
  seed?: SeedValue | undefined;
}

/** Losses per epoch (means per row over the epoch). */
export interface VAEHistory {
  loss: number[];
  reconstruction: number[];
  kl: number[];
}

const DEFAULTS: Required<Omit<VAEOptions, "seed">> & { seed: SeedValue | undefined } = {
  latentDim: 8,
  encoderDims: [128],
  decoderDims: [128],
  epochs: 100,
  batchSize: 32,
  learningRate: 1e-3,
  standardize: true,
  seed: undefined,
};

/**
 * A variational autoencoder on numeric matrices.
 *
 * @example
 * const X = Array.from(createRng(0).normal(0, 1, 300), (v) => [v, 2 * v]);
 * const vae = new VAE({ latentDim: 2, encoderDims: [16], decoderDims: [16], epochs: 3, seed: 1 }).fit(X);
 * vae.history.loss.length; // => 3
 * vae.sample(4, { seed: 2 }).columns; // => 2
 */
export class VAE {
  readonly options: Required<Omit<VAEOptions, "seed">> & { seed: SeedValue };
  /** Losses per epoch, filled by `fit`. */
  readonly history: VAEHistory = { loss: [], reconstruction: [], kl: [] };
  private rng: Rng;
  private encoder: Sequential | undefined;
  private decoder: Sequential | undefined;
  private scaling: Scaling | undefined;
  private cols = 0;

  /**
   * @param options - network sizes, training settings and `seed` (see {@link VAEOptions})
   * @throws ParamError for an unknown option, widths or epochs below 1, a learning rate <= 0
   */
  constructor(options: VAEOptions = {}) {
    const where = "VAE";
    const o = mergeOptions(where, DEFAULTS, options);
    checkInteger(where, "latentDim", o.latentDim, 1);
    checkDims(where, "encoderDims", o.encoderDims);
    checkDims(where, "decoderDims", o.decoderDims);
    checkTraining(where, o);
    checkBoolean(where, "standardize", o.standardize);
    const seed = o.seed === undefined ? entropySeed() : checkSeed(where, o.seed);
    this.options = { ...o, seed };
    this.rng = createRng(seed);
  }

  /**
   * Trains on the rows of X.
   * @param X - a Matrix or an array of rows (n × d, finite numbers)
   * @param options - `onProgress(epoch, epochs, note)` after each epoch
   * @returns this
   * @throws ParamError for an empty X or a non-finite value
   */
  fit(X: PointsInput, options: { onProgress?: ProgressCallback } = {}): this {
    const where = "VAE.fit";
    const { onProgress } = mergeOptions(where, { onProgress: undefined as ProgressCallback | undefined }, options);
    checkProgress(where, onProgress);
    const o = this.options;
    const data = readMatrix(where, X, o.standardize);
    const [initRng, trainRng] = this.rng.spawn(2) as [Rng, Rng];
    const d = data.cols;
    const L = o.latentDim;
    const E = new Sequential(mlp(d, o.encoderDims, 2 * L, initRng));
    const D = new Sequential(mlp(L, o.decoderDims, d, initRng));
    const opt = new Adam([...E.params, ...D.params], { learningRate: o.learningRate, beta1: 0.9, beta2: 0.999, weightDecay: 0 });
    const ctx = { train: true, rng: trainRng };
    const n = data.rows;
    for (const k of ["loss", "reconstruction", "kl"] as const) this.history[k].length = 0;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const perm = trainRng.permutation(n) as Int32Array;
      let sumRec = 0;
      let sumKl = 0;
      for (let start = 0; start < n; start += o.batchSize) {
        const b = Math.min(o.batchSize, n - start);
        const x = gatherRows(data.data, d, perm, start, start + b);
        opt.zeroGrad();
        const h = E.forward(x, b, ctx);
        const eps = normals(trainRng, b * L);
        const sd = new Float64Array(b * L);
        const z = reparameterize(h, eps, b, L, sd);
        const y = D.forward(z, b, ctx);
        const dy = new Float32Array(b * d);
        for (let i = 0; i < b * d; i++) {
          const e = y[i]! - x[i]!;
          sumRec += 0.5 * e * e;
          dy[i] = e / b;
        }
        const dz = D.backward(dy, b);
        const back = latentBackward(h, eps, sd, dz, b, L, 1, sumKl);
        const dh = back.dh;
        sumKl = back.total;
        E.backward(dh, b, false);
        opt.step();
      }
      this.history.reconstruction.push(sumRec / n);
      this.history.kl.push(sumKl / n);
      this.history.loss.push((sumRec + sumKl) / n);
      onProgress?.(epoch + 1, o.epochs, `epoch ${epoch + 1}: loss ${((sumRec + sumKl) / n).toFixed(3)}`);
    }
    this.encoder = E;
    this.decoder = D;
    this.scaling = data.scaling;
    this.cols = d;
    return this;
  }

  private fitted(where: string): { E: Sequential; D: Sequential; s: Scaling } {
    if (!this.encoder || !this.decoder || !this.scaling) throw new ParamError(where, "this", undefined, "the VAE is not fitted yet: call fit(X) first.");
    return { E: this.encoder, D: this.decoder, s: this.scaling };
  }

  /**
   * Draws synthetic rows: latent normals through the decoder.
   * @param n - rows (integer >= 0)
   * @param options - `seed` (without it, the model's own stream advances)
   * @returns an n × d Matrix in data units
   */
  sample(n: number, options: { seed?: SeedValue | Rng } = {}): Matrix {
    const where = "VAE.sample";
    checkInteger(where, "n", n, 0);
    const { seed } = mergeOptions(where, { seed: undefined as SeedValue | Rng | undefined }, options);
    const { D, s } = this.fitted(where);
    const rng = seed === undefined ? this.rng.spawn(1)[0]! : createRng(seed);
    const y = D.forward(normals(rng, n * this.options.latentDim), n, { train: false, rng });
    return fromRowMajor(unscaleRows(y, n, this.cols, s), n, this.cols);
  }

  /**
   * The latent means of X's rows (the encoder's mean).
   * @returns an n × latentDim Matrix
   */
  encode(X: PointsInput): Matrix {
    const where = "VAE.encode";
    const { E, s } = this.fitted(where);
    const p = toPoints(where, "X", X);
    if (p.cols !== this.cols) throw new ParamError(where, "X", p.cols, `X has ${p.cols} columns; the VAE was fitted on ${this.cols}.`);
    const L = this.options.latentDim;
    const h = E.forward(scaleRows(p.data, p.rows, p.cols, s), p.rows, { train: false, rng: this.rng });
    const mu = new Float64Array(p.rows * L);
    for (let i = 0; i < p.rows; i++) for (let j = 0; j < L; j++) mu[i * L + j] = h[i * 2 * L + j]!;
    return fromRowMajor(mu, p.rows, L);
  }

  /**
   * X's rows through the encoder's mean and the decoder: the reconstruction.
   * @returns an n × d Matrix in data units
   */
  reconstruct(X: PointsInput): Matrix {
    const where = "VAE.reconstruct";
    const { D, s } = this.fitted(where);
    const z = this.encode(X);
    const y = D.forward(Float32Array.from(toRowMajor(z)), z.rows, { train: false, rng: this.rng });
    return fromRowMajor(unscaleRows(y, z.rows, this.cols, s), z.rows, this.cols);
  }
}
