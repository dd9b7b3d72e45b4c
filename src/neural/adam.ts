/**
 * Adam (PyTorch's `torch.optim.Adam`, internal): weight decay as an L2 term
 * added to the gradient, bias-corrected moments, eps 1e-8.
 */
import { CHUNK } from "./elementwise.js";
import { line, moduleWithMemory } from "./gemm.js";
import type { Param } from "./layers.js";

/** Adam's settings. */
export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  weightDecay: number;
  eps?: number;
}

/** Adam over a fixed list of parameters. */
export class Adam {
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;

  constructor(
    readonly params: readonly Param[],
    readonly options: AdamOptions,
  ) {
    this.m = params.map((p) => new Float32Array(p.data.length));
    this.v = params.map((p) => new Float32Array(p.data.length));
  }

  /** Sets every gradient to 0. */
  zeroGrad(): void {
    for (const p of this.params) p.grad.fill(0);
  }

  /** One update from the accumulated gradients. */
  step(): void {
    const { learningRate: lr, beta1: b1, beta2: b2, weightDecay: wd } = this.options;
    const eps = this.options.eps ?? 1e-8;
    this.t++;
    const c1 = 1 - b1 ** this.t;
    const c2 = Math.sqrt(1 - b2 ** this.t);
    const stepSize = lr / c1;
    this.params.forEach((p, k) => {
      adamUpdate(p.data, p.grad, this.m[k]!, this.v[k]!, b1, b2, wd, stepSize, c2, eps);
      p.version++;
    });
  }
}

/**
 * One Adam update of `x` in place: the even-length head in the WebAssembly
 * module of ./gemm.ts (f64x2, the same operations in the same order, so the
 * same bits; copies in and out included, ~2 ms against 3.5–3.9 ms for CTGAN's
 * 580k parameters here), the rest in JavaScript.
 */
function adamUpdate(x: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, b1: number, b2: number, wd: number, stepSize: number, c2: number, eps: number): void {
  const a1 = 1 - b1;
  const a2 = 1 - b2;
  const evenHead = x.length & ~1;
  const size = line(Math.min(evenHead, CHUNK) * 4);
  const w = evenHead > 0 ? moduleWithMemory(4 * size) : null;
  const head = w ? evenHead : 0;
  if (w) {
    const f32 = new Float32Array(w.memory.buffer);
    const q = size >> 2;
    for (let from = 0; from < head; from += CHUNK) {
      const len = Math.min(CHUNK, head - from);
      const to = from + len;
      f32.set(x.subarray(from, to), 0);
      f32.set(g.subarray(from, to), q);
      f32.set(m.subarray(from, to), 2 * q);
      f32.set(v.subarray(from, to), 3 * q);
      w.adam(0, size, 2 * size, 3 * size, len, b1, b2, a1, a2, wd, stepSize, c2, eps);
      x.set(f32.subarray(0, len), from);
      m.set(f32.subarray(2 * q, 2 * q + len), from);
      v.set(f32.subarray(3 * q, 3 * q + len), from);
    }
  }
  for (let i = head; i < x.length; i++) {
    const xi = x[i]!;
    const gi = g[i]! + wd * xi;
    const mi = (m[i] = b1 * m[i]! + a1 * gi);
    const vi = (v[i] = b2 * v[i]! + a2 * gi * gi);
    x[i] = xi - (stepSize * mi) / (Math.sqrt(vi) / c2 + eps);
  }
}
