/**
 * CTGAN (Xu et al. 2019; sdv-dev/CTGAN's defaults) as a table synthesizer:
 * `createSynthesizer("ctgan")`. Mode-specific normalization (./ctgan-transformer.ts),
 * the conditional vector with training-by-sampling (./ctgan-sampler.ts), a
 * residual generator and a PacGAN critic trained with WGAN-GP
 * (./ctgan-network.ts) on the engine of ./gemm.ts.
 *
 * One departure from sdv-dev/CTGAN's schedule: an epoch makes at least
 * `minStepsPerEpoch` (10) steps, so a table under 5,000 rows is not left
 * with 300–2,700 steps at the default 300 epochs (see the option).
 *
 * Conditions: a condition on one categorical (or boolean) value is met
 * through the conditional vector (every generated row asks for that level);
 * other conditions by rejection inside the draw.
 */
import { ParamError } from "../core/errors.js";
import type { ProgressCallback } from "../core/progress.js";
import { checkBoolean, checkInteger, checkPositive } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import { TableSynthesizer, type BaseSynthesizerOptions, type ModelCondition } from "../tabular/synthesizer.js";
import type { Encoded } from "../tabular/transformer.js";
import { CtganNetwork } from "./ctgan-network.js";
import { CondSampler } from "./ctgan-sampler.js";
import { CtganTransformer, type CtganTransformerJSON } from "./ctgan-transformer.js";
import { checkDims } from "./matrix-model.js";
import { weightsFromJSON, weightsToJSON, type WeightsJSON } from "./weights.js";
import { acceptRows, conditionPlan } from "./conditions.js";

/** Options of {@link CTGANSynthesizer} (SDV's names in camelCase, sdv-dev/CTGAN's defaults). */
export interface CTGANOptions {
  /** Width of the generator's normal input. @defaultValue 128 */
  embeddingDim?: number;
  /** Widths of the generator's residual blocks. @defaultValue [256, 256] */
  generatorDim?: number[];
  /** Widths of the critic's hidden layers. @defaultValue [256, 256] */
  discriminatorDim?: number[];
  /** @defaultValue 2e-4 */
  generatorLr?: number;
  /** @defaultValue 1e-6 */
  generatorDecay?: number;
  /** @defaultValue 2e-4 */
  discriminatorLr?: number;
  /** @defaultValue 1e-6 */
  discriminatorDecay?: number;
  /** Rows per step; a multiple of `pac`. @defaultValue 500 */
  batchSize?: number;
  /** Critic steps per generator step. @defaultValue 1 */
  discriminatorSteps?: number;
  /** Training-by-sampling draws levels by log-frequency. @defaultValue true */
  logFrequency?: boolean;
  /** Epochs: each makes max(minStepsPerEpoch, ⌊n / batchSize⌋) generator steps (sdv-dev/CTGAN: max(1, ⌊n / batchSize⌋)). @defaultValue 300 */
  epochs?: number;
  /**
   * The fewest generator steps (each after `discriminatorSteps` critic
   * steps) an epoch makes. sdv-dev/CTGAN makes ⌊n / batchSize⌋ steps per
   * epoch, at least 1, so a table under 1,000 rows gets only 300 steps from
   * the default 300 epochs, too few for the GAN to learn the numeric
   * columns: sdv-dev/CTGAN itself (PyTorch) scored Column Shapes 0.73–0.81
   * on iris (150 rows) at its defaults, this port 0.71–0.79 on iris, wine,
   * breast_cancer and 300- and 1,000-row samples of mlc_churn. With 10, the
   * defaults make at least the 3,000 steps a 5,000-row table gets (iris
   * 0.91, wine 0.88 here); tables of 5,000 rows or more train exactly as
   * sdv-dev/CTGAN's, and a smaller table costs what a 5,000-row one of the
   * same columns does. Set 1 for sdv-dev/CTGAN's schedule.
   * @defaultValue 10
   */
  minStepsPerEpoch?: number;
  /** Rows the critic sees together (PacGAN). @defaultValue 10 */
  pac?: number;
}

const DEFAULTS: Required<CTGANOptions> = {
  embeddingDim: 128,
  generatorDim: [256, 256],
  discriminatorDim: [256, 256],
  generatorLr: 2e-4,
  generatorDecay: 1e-6,
  discriminatorLr: 2e-4,
  discriminatorDecay: 1e-6,
  batchSize: 500,
  discriminatorSteps: 1,
  logFrequency: true,
  epochs: 300,
  minStepsPerEpoch: 10,
  pac: 10,
};

interface Fitted {
  transformer: CtganTransformer;
  sampler: CondSampler;
  net: CtganNetwork;
  nModelColumns: number;
}

/** Saved model. */
interface CtganModelJSON {
  transformer: CtganTransformerJSON;
  levelCounts: number[][];
  generator: WeightsJSON;
  nModelColumns: number;
  history: { generatorLoss: number[]; discriminatorLoss: number[] };
}

/**
 * CTGAN for mixed tables.
 *
 * @example
 * const s = new CTGANSynthesizer({ epochs: 1, batchSize: 50, seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).shape; // => [3, 5]
 */
export class CTGANSynthesizer extends TableSynthesizer<CTGANOptions> {
  readonly method = "ctgan";
  protected readonly encoding = "uniform" as const;
  protected override readonly exactConditions = true;
  /** Generator and critic losses per epoch (the last step's, as CTGAN records them). */
  history: { generatorLoss: number[]; discriminatorLoss: number[] } = { generatorLoss: [], discriminatorLoss: [] };
  private model: Fitted | undefined;

  constructor(options: BaseSynthesizerOptions & CTGANOptions = {}) {
    super("CTGANSynthesizer", DEFAULTS, options);
    const where = "CTGANSynthesizer";
    const p = this.params;
    checkInteger(where, "embeddingDim", p.embeddingDim, 1);
    checkDims(where, "generatorDim", p.generatorDim);
    checkDims(where, "discriminatorDim", p.discriminatorDim);
    for (const k of ["generatorLr", "discriminatorLr"] as const) checkPositive(where, k, p[k]);
    for (const k of ["generatorDecay", "discriminatorDecay"] as const) checkPositive(where, k, p[k], true);
    checkInteger(where, "epochs", p.epochs, 1);
    checkInteger(where, "minStepsPerEpoch", p.minStepsPerEpoch, 1);
    checkInteger(where, "batchSize", p.batchSize, 1);
    checkInteger(where, "pac", p.pac, 1);
    checkInteger(where, "discriminatorSteps", p.discriminatorSteps, 1);
    checkBoolean(where, "logFrequency", p.logFrequency);
    if (p.batchSize % p.pac !== 0) {
      throw new ParamError(where, "batchSize", p.batchSize, `'batchSize' (${p.batchSize}) must be a multiple of 'pac' (${p.pac}): the critic sees the rows in packs of pac. Try batchSize ${Math.max(p.pac, Math.round(p.batchSize / p.pac) * p.pac)}.`);
    }
  }

  private networkOptions() {
    const p = this.params;
    return { embeddingDim: p.embeddingDim, generatorDim: p.generatorDim, discriminatorDim: p.discriminatorDim, generatorLr: p.generatorLr, generatorDecay: p.generatorDecay, discriminatorLr: p.discriminatorLr, discriminatorDecay: p.discriminatorDecay, pac: p.pac };
  }

  protected fitModel(enc: Encoded, rng: Rng, onProgress: ProgressCallback | undefined): void {
    const p = this.params;
    const [tRng, initRng, trainRng] = rng.spawn(3) as [Rng, Rng, Rng];
    const transformer = CtganTransformer.fit(enc);
    const { data, levels } = transformer.transform(enc, tRng);
    const nLevels = transformer.discreteSpans.map((si) => transformer.spans[si]!.width);
    const sampler = CondSampler.fromLevels(levels, nLevels, p.logFrequency);
    const net = new CtganNetwork(transformer.width, sampler.width, transformer.spans, this.networkOptions(), initRng);
    const b = p.batchSize;
    const w = transformer.width;
    const draw = () => {
      if (sampler.nColumns === 0) {
        const idx = new Int32Array(b);
        for (let i = 0; i < b; i++) idx[i] = Math.floor((trainRng.random() as number) * enc.n);
        const none = new Float32Array(0);
        return { real: rowsOf(data, w, idx), realCond: none, fakeCond: none, condSpan: new Int32Array(b).fill(-1), condLevel: new Int32Array(b) };
      }
      const c = sampler.sampleTrain(b, trainRng);
      const perm = trainRng.permutation(b) as Int32Array;
      const col = Int32Array.from(perm, (k) => c.column[k]!);
      const lvl = Int32Array.from(perm, (k) => c.level[k]!);
      const real = rowsOf(data, w, sampler.realRows(col, lvl, trainRng));
      const realCond = rowsOf(c.cond, sampler.width, perm);
      return { real, realCond, fakeCond: c.cond, condSpan: Int32Array.from(c.column, (k) => transformer.discreteSpans[k]!), condLevel: c.level };
    };
    const steps = Math.max(p.minStepsPerEpoch, Math.floor(enc.n / b));
    this.history.generatorLoss.length = 0;
    this.history.discriminatorLoss.length = 0;
    for (let epoch = 0; epoch < p.epochs; epoch++) {
      let last = { lossD: 0, lossG: 0 };
      for (let s = 0; s < steps; s++) last = net.step(b, draw, draw, trainRng, p.discriminatorSteps);
      this.history.generatorLoss.push(last.lossG);
      this.history.discriminatorLoss.push(last.lossD);
      onProgress?.(epoch + 1, p.epochs, `epoch ${epoch + 1}: generator ${last.lossG.toFixed(3)}, discriminator ${last.lossD.toFixed(3)}`);
    }
    this.model = { transformer, sampler, net, nModelColumns: enc.columns.length };
  }

  protected sampleModel(n: number, rng: Rng, conditions: readonly ModelCondition[]): Float64Array[] {
    const m = this.model;
    if (!m) throw new ParamError("CTGANSynthesizer.sample", "this", undefined, "the synthesizer is not fitted yet: call fit(data) first.");
    const plan = conditionPlan(m.transformer, conditions);
    const b = this.params.batchSize;
    return acceptRows("CTGANSynthesizer.sample", n, m.nModelColumns, plan.rest, (want) => {
      const parts: Float64Array[][] = [];
      let got = 0;
      while (got < want) {
        const cond = plan.vector ? m.sampler.fixed(b, plan.vector.column, plan.vector.level) : m.sampler.sampleOriginal(b, rng);
        const act = m.net.activate(m.net.generate(b, cond, rng), b, rng).act;
        parts.push(m.transformer.inverse(act, b, m.nModelColumns));
        got += b;
      }
      return parts;
    });
  }

  protected modelToJSON(): unknown {
    const m = this.model!;
    const json: CtganModelJSON = {
      transformer: m.transformer.toJSON(),
      levelCounts: m.sampler.levelCounts,
      generator: weightsToJSON(m.net.generator),
      nModelColumns: m.nModelColumns,
      history: this.history,
    };
    return json;
  }

  protected modelFromJSON(json: unknown): void {
    const j = json as CtganModelJSON;
    const transformer = CtganTransformer.fromJSON(j.transformer);
    const sampler = new CondSampler(j.levelCounts, this.params.logFrequency);
    const net = new CtganNetwork(transformer.width, sampler.width, transformer.spans, this.networkOptions(), createRng(0));
    weightsFromJSON(net.generator, j.generator, "loadSynthesizer");
    this.history.generatorLoss = [...j.history.generatorLoss];
    this.history.discriminatorLoss = [...j.history.discriminatorLoss];
    this.model = { transformer, sampler, net, nModelColumns: j.nModelColumns };
  }
}

function rowsOf(x: Float32Array, w: number, idx: ArrayLike<number>): Float32Array {
  const out = new Float32Array(idx.length * w);
  for (let r = 0; r < idx.length; r++) out.set(x.subarray(idx[r]! * w, (idx[r]! + 1) * w), r * w);
  return out;
}
