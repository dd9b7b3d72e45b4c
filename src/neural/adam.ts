/**
 * Adam (PyTorch's `torch.optim.Adam`, internal): weight decay as an L2 term
 * added to the gradient, bias-corrected moments, eps 1e-8.
 */
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
      const m = this.m[k]!;
      const v = this.v[k]!;
      const x = p.data;
      const g = p.grad;
      for (let i = 0; i < x.length; i++) {
        const gi = g[i]! + wd * x[i]!;
        const mi = (m[i] = b1 * m[i]! + (1 - b1) * gi);
        const vi = (v[i] = b2 * v[i]! + (1 - b2) * gi * gi);
        x[i] = x[i]! - (stepSize * mi) / (Math.sqrt(vi) / c2 + eps);
      }
      p.version++;
    });
  }
}
