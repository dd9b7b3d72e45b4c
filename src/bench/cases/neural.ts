import { createRng } from "../../random/rng.js";
import { CtganNetwork, type CtganBatch } from "../../neural/ctgan-network.js";
import { TvaeNetwork } from "../../neural/tvae-network.js";
import type { Span } from "../../neural/ctgan-transformer.js";
import { gemmBackend } from "../../neural/gemm.js";
import type { BenchCase } from "../case.js";

const B = 500;
const D = 120;
const SEED = 11;
/** Untimed steps before timing, as the peer's 5 warm-up steps (the JIT compiles the hot paths). */
const WARMUP = 5;

/** 120 α columns (tanh), no spans and no conditional vector: the peer's layout. */
const SPANS: Span[] = Array.from({ length: D }, (_, k) => ({ kind: "tanh", start: k, width: 1 }));

/**
 * One training step of CTGAN's and TVAE's networks at sdv-dev/CTGAN's defaults,
 * batch 500 on a 120-wide transformed table, as ../shared/bench/torch_peers.py
 * (PyTorch, one CPU thread). The engine: src/neural (WebAssembly SIMD products).
 */
export const NEURAL_CASES: BenchCase[] = [
  {
    name: "ctgan_step_500x120",
    params: () => `one critic step with gradient penalty (λ 10, pac 10) and one generator step; generator 128 → residual (256, 256) → 120, critic 1200 → (256, 256) → 1; batch 500 [not scaled; gemm: ${gemmBackend()}]`,
    setup: () => {
      const rng = createRng(SEED);
      const net = new CtganNetwork(D, 0, SPANS, { embeddingDim: 128, generatorDim: [256, 256], discriminatorDim: [256, 256], generatorLr: 2e-4, generatorDecay: 1e-6, discriminatorLr: 2e-4, discriminatorDecay: 1e-6, pac: 10 }, rng);
      const real = Float32Array.from(rng.normal(0, 1, B * D) as Float64Array);
      const none = new Float32Array(0);
      const batch: CtganBatch = { real, realCond: none, fakeCond: none, condSpan: new Int32Array(B).fill(-1), condLevel: new Int32Array(B) };
      for (let i = 0; i < WARMUP; i++) net.step(B, () => batch, () => batch, rng);
      return { op: () => net.step(B, () => batch, () => batch, rng) };
    },
  },
  {
    name: "tvae_step_500x120",
    params: () => `one step: encoder 120 → (128, 128) → 2 × 128, decoder 128 → (128, 128) → 120, learned sigma; batch 500 [not scaled; gemm: ${gemmBackend()}]`,
    setup: () => {
      const rng = createRng(SEED);
      const net = new TvaeNetwork(D, SPANS, { embeddingDim: 128, compressDims: [128, 128], decompressDims: [128, 128], l2scale: 1e-5, lossFactor: 2, learningRate: 1e-3 }, rng);
      const real = Float32Array.from(rng.normal(0, 1, B * D) as Float64Array);
      for (let i = 0; i < WARMUP; i++) net.step(real, B, rng);
      return { op: () => net.step(real, B, rng) };
    },
  },
];
