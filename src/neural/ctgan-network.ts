/**
 * CTGAN's networks and one training step (sdv-dev/CTGAN ctgan.py), internal:
 * a residual generator (embedding + conditional vector → Residual blocks with
 * batch norm → the transformed width; tanh on α columns, Gumbel-softmax with
 * τ = 0.2 on spans), a PacGAN critic (pac rows side by side → Linear, leaky
 * ReLU 0.2, dropout 0.5 per hidden layer → 1), WGAN-GP with λ = 10 and the
 * generator's cross-entropy on the conditioned span; Adam with betas
 * (0.5, 0.9) and weight decay for both.
 */
import type { Rng } from "../random/rng.js";
import { Adam } from "./adam.js";
import type { Span } from "./ctgan-transformer.js";
import { Dropout, LeakyReLU, Linear, Residual, Sequential, type Layer } from "./layers.js";
import { normals } from "./matrix-model.js";
import { gradientPenalty } from "./penalty.js";

/** CTGAN's network settings. */
export interface CtganNetworkOptions {
  embeddingDim: number;
  generatorDim: number[];
  discriminatorDim: number[];
  generatorLr: number;
  generatorDecay: number;
  discriminatorLr: number;
  discriminatorDecay: number;
  pac: number;
}

/** A training batch: real rows with their conditional vectors, and the generator's conditional vectors. */
export interface CtganBatch {
  /** b × dataWidth real rows (paired with `realCond`). */
  real: Float32Array;
  realCond: Float32Array;
  /** b × condWidth vectors for the fakes, and per row the span index (into `spans`) and level to reproduce (−1: none). */
  fakeCond: Float32Array;
  condSpan: Int32Array;
  condLevel: Int32Array;
}

function concatRows(a: Float32Array, wa: number, b: Float32Array, wb: number, n: number): Float32Array {
  if (wb === 0) return a;
  const w = wa + wb;
  const out = new Float32Array(n * w);
  for (let i = 0; i < n; i++) {
    out.set(a.subarray(i * wa, (i + 1) * wa), i * w);
    out.set(b.subarray(i * wb, (i + 1) * wb), i * w + wa);
  }
  return out;
}

/** The generator, the critic and their optimizers. */
export class CtganNetwork {
  readonly generator: Sequential;
  readonly critic: Sequential;
  private readonly optG: Adam;
  private readonly optD: Adam;

  constructor(
    readonly dataWidth: number,
    readonly condWidth: number,
    readonly spans: readonly Span[],
    readonly options: CtganNetworkOptions,
    rng: Rng,
  ) {
    const g: Layer[] = [];
    let w = options.embeddingDim + condWidth;
    for (const d of options.generatorDim) {
      const r = new Residual(w, d, rng);
      g.push(r);
      w = r.outWidth;
    }
    g.push(new Linear(w, dataWidth, rng));
    this.generator = new Sequential(g);
    const c: Layer[] = [];
    w = (dataWidth + condWidth) * options.pac;
    for (const d of options.discriminatorDim) {
      c.push(new Linear(w, d, rng), new LeakyReLU(d, 0.2), new Dropout(d, 0.5));
      w = d;
    }
    c.push(new Linear(w, 1, rng));
    this.critic = new Sequential(c);
    this.optG = new Adam(this.generator.params, { learningRate: options.generatorLr, beta1: 0.5, beta2: 0.9, weightDecay: options.generatorDecay });
    this.optD = new Adam(this.critic.params, { learningRate: options.discriminatorLr, beta1: 0.5, beta2: 0.9, weightDecay: options.discriminatorDecay });
  }

  /** Raw generator output for `b` rows with conditional vectors `cond` (train mode: batch statistics, as CTGAN samples). */
  generate(b: number, cond: Float32Array, rng: Rng): Float32Array {
    const z = normals(rng, b * this.options.embeddingDim);
    return this.generator.forward(concatRows(z, this.options.embeddingDim, cond, this.condWidth, b), b, { train: true, rng });
  }

  /** tanh on α columns, Gumbel-softmax (τ 0.2) on spans; returns the activation and its backward. */
  activate(raw: Float32Array, b: number, rng: Rng): { act: Float32Array; backward: (dAct: Float32Array) => Float32Array } {
    const w = this.dataWidth;
    const act = new Float32Array(b * w);
    const tau = 0.2;
    for (const s of this.spans) {
      if (s.kind === "tanh") {
        for (let i = 0; i < b; i++) act[i * w + s.start] = Math.tanh(raw[i * w + s.start]!);
        continue;
      }
      const e = rng.standardExponential(b * s.width) as Float64Array;
      for (let i = 0; i < b; i++) {
        const o = i * w + s.start;
        let mx = -Infinity;
        for (let k = 0; k < s.width; k++) {
          const v = (raw[o + k]! - Math.log(e[i * s.width + k]!)) / tau;
          act[o + k] = v;
          if (v > mx) mx = v;
        }
        let sum = 0;
        for (let k = 0; k < s.width; k++) sum += act[o + k] = Math.exp(act[o + k]! - mx);
        for (let k = 0; k < s.width; k++) act[o + k]! /= sum;
      }
    }
    const backward = (dAct: Float32Array): Float32Array => {
      const d = new Float32Array(b * w);
      for (const s of this.spans) {
        if (s.kind === "tanh") {
          for (let i = 0; i < b; i++) {
            const y = act[i * w + s.start]!;
            d[i * w + s.start] = dAct[i * w + s.start]! * (1 - y * y);
          }
          continue;
        }
        for (let i = 0; i < b; i++) {
          const o = i * w + s.start;
          let dot = 0;
          for (let k = 0; k < s.width; k++) dot += dAct[o + k]! * act[o + k]!;
          for (let k = 0; k < s.width; k++) d[o + k] = (act[o + k]! * (dAct[o + k]! - dot)) / tau;
        }
      }
      return d;
    };
    return { act, backward };
  }

  /** `criticSteps` critic steps and one generator step (CTGAN's loop body); returns the last losses. */
  step(b: number, drawBatch: () => CtganBatch, drawFakeCond: () => CtganBatch, rng: Rng, criticSteps = 1): { lossD: number; lossG: number } {
    let lossD = 0;
    for (let k = 0; k < criticSteps; k++) lossD = this.criticStep(b, drawBatch(), rng);
    return { lossD, lossG: this.generatorStep(b, drawFakeCond(), rng) };
  }

  private criticStep(b: number, batch: CtganBatch, rng: Rng): number {
    const pac = this.options.pac;
    const packs = b / pac;
    const dw = this.dataWidth;
    const cw = this.condWidth;
    const ctx = { train: true, rng };
    const fake = this.activate(this.generate(b, batch.fakeCond, rng), b, rng).act;
    const fakeCat = concatRows(fake, dw, batch.fakeCond, cw, b);
    const realCat = concatRows(batch.real, dw, batch.realCond, cw, b);
    this.optD.zeroGrad();
    const W = dw + cw;
    const interp = new Float32Array(b * W);
    const alpha = rng.random(packs) as Float64Array;
    for (let p = 0; p < packs; p++) {
      const a = alpha[p]!;
      for (let i = p * pac * W; i < (p + 1) * pac * W; i++) interp[i] = a * realCat[i]! + (1 - a) * fakeCat[i]!;
    }
    gradientPenalty(this.critic, interp, packs, ctx, 10);
    const yReal = this.critic.forward(realCat, packs, ctx);
    this.critic.backward(new Float32Array(packs).fill(-1 / packs), packs, false);
    const yFake = this.critic.forward(fakeCat, packs, ctx);
    this.critic.backward(new Float32Array(packs).fill(1 / packs), packs, false);
    let lossD = 0;
    for (let p = 0; p < packs; p++) lossD += (yFake[p]! - yReal[p]!) / packs;
    this.optD.step();
    return lossD;
  }

  private generatorStep(b: number, g: CtganBatch, rng: Rng): number {
    const pac = this.options.pac;
    const packs = b / pac;
    const dw = this.dataWidth;
    const cw = this.condWidth;
    const W = dw + cw;
    const ctx = { train: true, rng };
    const raw = this.generate(b, g.fakeCond, rng);
    const { act, backward } = this.activate(raw, b, rng);
    const y = this.critic.forward(concatRows(act, dw, g.fakeCond, cw, b), packs, ctx);
    const dIn = this.critic.backward(new Float32Array(packs).fill(-1 / packs), packs);
    let lossG = 0;
    for (let p = 0; p < packs; p++) lossG -= y[p]! / packs;
    const dAct = new Float32Array(b * dw);
    for (let i = 0; i < b; i++) dAct.set(dIn.subarray(i * W, i * W + dw), i * dw);
    const dRaw = backward(dAct);
    // cross-entropy of the conditioned span's logits against the conditioned level
    for (let i = 0; i < b; i++) {
      const si = g.condSpan[i]!;
      if (si < 0) continue;
      const s = this.spans[si]!;
      const o = i * dw + s.start;
      let mx = -Infinity;
      for (let k = 0; k < s.width; k++) mx = Math.max(mx, raw[o + k]!);
      let sum = 0;
      for (let k = 0; k < s.width; k++) sum += Math.exp(raw[o + k]! - mx);
      const lvl = g.condLevel[i]!;
      lossG += (mx + Math.log(sum) - raw[o + lvl]!) / b;
      for (let k = 0; k < s.width; k++) dRaw[o + k]! += (Math.exp(raw[o + k]! - mx) / sum - (k === lvl ? 1 : 0)) / b;
    }
    this.optG.zeroGrad();
    this.generator.backward(dRaw, b, false);
    this.optG.step();
    return lossG;
  }
}
