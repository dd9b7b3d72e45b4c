/**
 * TVAE's networks and one training step (sdv-dev/CTGAN tvae.py), internal: a
 * ReLU encoder to the mean and log-variance of the embedding, a ReLU decoder
 * to the transformed width, and a learned per-column sigma (initialized at
 * 0.1, kept in [0.01, 1]). Loss per batch: factor × (Σ over α columns of
 * (x − tanh(x̂))² / 2σ² + log σ, plus the cross-entropy of each span) / b +
 * KL / b; Adam with weight decay.
 */
import type { Rng } from "../random/rng.js";
import { Adam } from "./adam.js";
import type { Span } from "./ctgan-transformer.js";
import { Sequential, type Param } from "./layers.js";
import { latentBackward, mlp, normals, reparameterize } from "./matrix-model.js";

/** TVAE's network settings. */
export interface TvaeNetworkOptions {
  embeddingDim: number;
  compressDims: number[];
  decompressDims: number[];
  l2scale: number;
  lossFactor: number;
  learningRate: number;
}

/** The encoder, the decoder, sigma and the optimizer. */
export class TvaeNetwork {
  readonly encoder: Sequential;
  readonly decoder: Sequential;
  readonly sigma: Param;
  private readonly opt: Adam;

  constructor(
    readonly dataWidth: number,
    readonly spans: readonly Span[],
    readonly options: TvaeNetworkOptions,
    rng: Rng,
  ) {
    this.encoder = new Sequential(mlp(dataWidth, options.compressDims, 2 * options.embeddingDim, rng));
    this.decoder = new Sequential(mlp(options.embeddingDim, options.decompressDims, dataWidth, rng));
    this.sigma = { data: new Float32Array(dataWidth).fill(0.1), grad: new Float32Array(dataWidth), version: 0 };
    this.opt = new Adam([...this.encoder.params, ...this.decoder.params, this.sigma], { learningRate: options.learningRate, beta1: 0.9, beta2: 0.999, weightDecay: options.l2scale });
  }

  /** One step on the b × dataWidth rows `x`; returns the loss. */
  step(x: Float32Array, b: number, rng: Rng): number {
    const L = this.options.embeddingDim;
    const w = this.dataWidth;
    const f = this.options.lossFactor;
    const ctx = { train: true, rng };
    this.opt.zeroGrad();
    const h = this.encoder.forward(x, b, ctx);
    const eps = normals(rng, b * L);
    const sd = new Float64Array(b * L);
    const z = reparameterize(h, eps, b, L, sd);
    const rec = this.decoder.forward(z, b, ctx);
    const dRec = new Float32Array(b * w);
    const sig = this.sigma.data;
    const gSig = this.sigma.grad;
    let loss = 0;
    for (const s of this.spans) {
      if (s.kind === "tanh") {
        const c = s.start;
        const sd = sig[c]!;
        let sq = 0;
        for (let i = 0; i < b; i++) {
          const t = Math.tanh(rec[i * w + c]!);
          const e = x[i * w + c]! - t;
          sq += e * e;
          dRec[i * w + c] = ((f / b) * (-e / (sd * sd))) * (1 - t * t);
        }
        loss += (f / b) * (sq / (2 * sd * sd) + b * Math.log(sd));
        gSig[c]! += (f / b) * (-sq / (sd * sd * sd) + b / sd);
        continue;
      }
      for (let i = 0; i < b; i++) {
        const o = i * w + s.start;
        let mx = -Infinity;
        let target = 0;
        for (let k = 0; k < s.width; k++) {
          mx = Math.max(mx, rec[o + k]!);
          if (x[o + k]! > x[o + target]!) target = k;
        }
        let sum = 0;
        for (let k = 0; k < s.width; k++) sum += Math.exp(rec[o + k]! - mx);
        loss += (f / b) * (mx + Math.log(sum) - rec[o + target]!);
        for (let k = 0; k < s.width; k++) dRec[o + k] = (f / b) * (Math.exp(rec[o + k]! - mx) / sum - (k === target ? 1 : 0));
      }
    }
    const dz = this.decoder.backward(dRec, b);
    const back = latentBackward(h, eps, sd, dz, b, L, b, loss);
    const dh = back.dh;
    loss = back.total;
    this.encoder.backward(dh, b, false);
    this.opt.step();
    for (let c = 0; c < w; c++) sig[c] = Math.min(1, Math.max(0.01, sig[c]!));
    return loss;
  }

  /** `n` rows from latent normals: tanh of the decoder's output (TVAE's sample). */
  generate(n: number, rng: Rng): Float32Array {
    const y = this.decoder.forward(normals(rng, n * this.options.embeddingDim), n, { train: false, rng });
    for (let i = 0; i < y.length; i++) y[i] = Math.tanh(y[i]!);
    return y;
  }
}
