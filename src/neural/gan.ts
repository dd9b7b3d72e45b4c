/**
 * A GAN on numeric matrices (Goodfellow et al. 2014), the tutorials' network:
 * a generator from latent normals through ReLU layers to the data, a
 * discriminator through leaky-ReLU layers to one logit, the non-saturating
 * loss (binary cross-entropy on logits), one discriminator and one generator
 * Adam step per mini-batch, fresh fakes every step.
 */
import type { Matrix } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import type { PointsInput } from "../core/knn.js";
import { fromRowMajor } from "../core/matrix.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { checkBoolean, checkInteger, checkOneOf, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import { checkSeed, entropySeed, type SeedValue } from "../random/seed.js";
import { Adam } from "./adam.js";
import { Sequential, Sigmoid, Tanh, type Layer } from "./layers.js";
import { checkDims, checkTraining, gatherRows, mlp, normals, readMatrix, unscaleRows, type Scaling } from "./matrix-model.js";

/** The generator's last activation. */
export type OutputActivation = "linear" | "sigmoid" | "tanh";

/** Options of {@link GAN}. */
export interface GANOptions {
  /** Width of the generator's normal input. @defaultValue 64 */
  latentDim?: number;
  /** Hidden widths of the generator (ReLU). @defaultValue [128] */
  generatorDims?: number[];
  /** Hidden widths of the discriminator (leaky ReLU 0.2). @defaultValue [128] */
  discriminatorDims?: number[];
  /** Passes over the data. @defaultValue 100 */
  epochs?: number;
  /** Rows per step. @defaultValue 32 */
  batchSize?: number;
  /** Adam's step size (both networks). @defaultValue 2e-4 */
  learningRate?: number;
  /** Adam's first-moment decay (DCGAN's 0.5). @defaultValue 0.5 */
  beta1?: number;
  /** Adam's second-moment decay. @defaultValue 0.999 */
  beta2?: number;
  /** The generator's last activation, applied in model units. @defaultValue "linear" */
  outputActivation?: OutputActivation;
  /** Train on standardized columns (and sample back in data units). @defaultValue true */
  standardize?: boolean;
  /** Seed of initialization, training and unseeded `sample` calls. */
  seed?: SeedValue | undefined;
}

/** Losses per epoch (means over the epoch's steps). */
export interface GANHistory {
  generatorLoss: number[];
  discriminatorLoss: number[];
}

const DEFAULTS: Required<Omit<GANOptions, "seed">> & { seed: SeedValue | undefined } = {
  latentDim: 64,
  generatorDims: [128],
  discriminatorDims: [128],
  epochs: 100,
  batchSize: 32,
  learningRate: 2e-4,
  beta1: 0.5,
  beta2: 0.999,
  outputActivation: "linear",
  standardize: true,
  seed: undefined,
};

/** log(1 + e^x), stable. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Binary cross-entropy on logits `y` (b rows) against one label for all rows
 * (1: real, 0: fake): the batch-mean gradient, and the losses added in order to `total`.
 */
function logisticLoss(y: Float32Array, b: number, label: 0 | 1, total: number): { dy: Float32Array; total: number } {
  const dy = new Float32Array(b);
  for (let i = 0; i < b; i++) {
    total += softplus(label === 1 ? -y[i]! : y[i]!);
    dy[i] = (sigmoid(y[i]!) - label) / b;
  }
  return { dy, total };
}

/**
 * A generative adversarial network on numeric matrices.
 *
 * @example
 * const X = createRng(0).normal(3, 1, 200);
 * const gan = new GAN({ latentDim: 4, generatorDims: [16], discriminatorDims: [16], epochs: 2, seed: 1 });
 * gan.fit(Array.from(X, (v) => [v]));
 * gan.history.generatorLoss.length; // => 2
 * gan.sample(5, { seed: 2 }).rows; // => 5
 */
export class GAN {
  readonly options: Required<Omit<GANOptions, "seed">> & { seed: SeedValue };
  /** Losses per epoch, filled by `fit`. */
  readonly history: GANHistory = { generatorLoss: [], discriminatorLoss: [] };
  private rng: Rng;
  private generator: Sequential | undefined;
  private scaling: Scaling | undefined;
  private cols = 0;

  /**
   * @param options - network sizes, training settings and `seed` (see {@link GANOptions})
   * @throws ParamError for an unknown option, widths or epochs below 1, a learning rate <= 0
   */
  constructor(options: GANOptions = {}) {
    const where = "GAN";
    const o = mergeOptions(where, DEFAULTS, options);
    checkInteger(where, "latentDim", o.latentDim, 1);
    checkDims(where, "generatorDims", o.generatorDims);
    checkDims(where, "discriminatorDims", o.discriminatorDims);
    checkTraining(where, o);
    checkOneOf(where, "outputActivation", o.outputActivation, ["linear", "sigmoid", "tanh"] as const);
    checkBoolean(where, "standardize", o.standardize);
    for (const b of ["beta1", "beta2"] as const) {
      if (typeof o[b] !== "number" || !(o[b] >= 0 && o[b] < 1)) throw new ParamError(where, b, o[b], `'${b}' must be in [0, 1), got ${String(o[b])}.`);
    }
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
    const where = "GAN.fit";
    const { onProgress } = mergeOptions(where, { onProgress: undefined as ProgressCallback | undefined }, options);
    checkProgress(where, onProgress);
    const o = this.options;
    const data = readMatrix(where, X, o.standardize);
    const [initRng, trainRng] = this.rng.spawn(2) as [Rng, Rng];
    const d = data.cols;
    const genLayers: Layer[] = mlp(o.latentDim, o.generatorDims, d, initRng);
    if (o.outputActivation === "sigmoid") genLayers.push(new Sigmoid(d));
    if (o.outputActivation === "tanh") genLayers.push(new Tanh(d));
    const G = new Sequential(genLayers);
    const D = new Sequential(mlp(d, o.discriminatorDims, 1, initRng, 0.2));
    const adam = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: 0 };
    const optG = new Adam(G.params, adam);
    const optD = new Adam(D.params, adam);
    const ctx = { train: true, rng: trainRng };
    const n = data.rows;
    this.history.generatorLoss.length = 0;
    this.history.discriminatorLoss.length = 0;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const perm = trainRng.permutation(n) as Int32Array;
      let sumG = 0;
      let sumD = 0;
      let steps = 0;
      for (let start = 0; start < n; start += o.batchSize) {
        const b = Math.min(o.batchSize, n - start);
        const real = gatherRows(data.data, d, perm, start, start + b);
        // discriminator: −log σ(D(real)) − log(1 − σ(D(fake)))
        optD.zeroGrad();
        const fake = G.forward(normals(trainRng, b * o.latentDim), b, ctx);
        const onReal = logisticLoss(D.forward(real, b, ctx), b, 1, 0);
        D.backward(onReal.dy, b, false);
        const onFake = logisticLoss(D.forward(fake, b, ctx), b, 0, onReal.total);
        D.backward(onFake.dy, b, false);
        const lossD = onFake.total;
        optD.step();
        // generator (non-saturating): −log σ(D(G(z)))
        optG.zeroGrad();
        const fake2 = G.forward(normals(trainRng, b * o.latentDim), b, ctx);
        const gen = logisticLoss(D.forward(fake2, b, ctx), b, 1, 0);
        const lossG = gen.total;
        G.backward(D.backward(gen.dy, b), b, false);
        optG.step();
        sumD += lossD / b;
        sumG += lossG / b;
        steps++;
      }
      this.history.generatorLoss.push(sumG / steps);
      this.history.discriminatorLoss.push(sumD / steps);
      onProgress?.(epoch + 1, o.epochs, `epoch ${epoch + 1}: generator ${(sumG / steps).toFixed(3)}, discriminator ${(sumD / steps).toFixed(3)}`);
    }
    this.generator = G;
    this.scaling = data.scaling;
    this.cols = d;
    return this;
  }

  /**
   * Draws synthetic rows.
   * @param n - rows (integer >= 0)
   * @param options - `seed` (without it, the model's own stream advances)
   * @returns an n × d Matrix in data units
   * @throws ParamError before `fit`
   */
  sample(n: number, options: { seed?: SeedValue | Rng } = {}): Matrix {
    const where = "GAN.sample";
    checkInteger(where, "n", n, 0);
    const { seed } = mergeOptions(where, { seed: undefined as SeedValue | Rng | undefined }, options);
    if (!this.generator || !this.scaling) throw new ParamError(where, "this", undefined, "the GAN is not fitted yet: call fit(X) first.");
    const rng = seed === undefined ? this.rng.spawn(1)[0]! : createRng(seed);
    const y = this.generator.forward(normals(rng, n * this.options.latentDim), n, { train: false, rng });
    return fromRowMajor(unscaleRows(y, n, this.cols, this.scaling), n, this.cols);
  }
}
