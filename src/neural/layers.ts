/**
 * The neural engine's layers (internal): dense, batch norm, activations,
 * dropout, CTGAN's residual block, and a sequence of them. Activations are
 * row-major Float32Arrays (rows are samples). Each layer caches what its
 * backward pass needs during `forward`; `backward(dy)` adds the parameter
 * gradients to `param.grad` and returns the gradient of the input. A layer is
 * used by one forward/backward pair at a time (call forward, then backward,
 * before the next forward). Matrix products go through ./gemm.ts.
 */
import type { Rng } from "../random/rng.js";
import { gemm, transpose } from "./gemm.js";

/** A trainable tensor and its gradient (same length); `version` counts the optimizer's updates (for cached transposes). */
export interface Param {
  readonly data: Float32Array;
  readonly grad: Float32Array;
  version: number;
}

/** What a forward pass needs besides its input. */
export interface ForwardContext {
  /** Training mode: dropout active, batch norm on batch statistics (and running ones updated). */
  readonly train: boolean;
  /** Dropout masks are drawn from it. */
  readonly rng: Rng;
}

/** A layer of the engine. */
export interface Layer {
  readonly inWidth: number;
  readonly outWidth: number;
  /** Trainable tensors, in a fixed order. */
  readonly params: readonly Param[];
  /** Non-trainable state saved with the weights (batch norm's running statistics). */
  readonly buffers: readonly Float32Array[];
  forward(x: Float32Array, n: number, ctx: ForwardContext): Float32Array;
  /** Adds parameter gradients; returns the input's gradient (an empty array when `needInput` is false). */
  backward(dy: Float32Array, n: number, needInput?: boolean): Float32Array;
}

function param(size: number): Param {
  return { data: new Float32Array(size), grad: new Float32Array(size), version: 0 };
}

const EMPTY = new Float32Array(0);

/** y = x · W + b, W stored in × out; PyTorch's default initialization (uniform ±1/√in). */
export class Linear implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  readonly params: Param[];
  readonly buffers: Float32Array[] = [];
  private x: Float32Array = new Float32Array(0);
  private wT: Float32Array = new Float32Array(0);
  private wTVersion = -1;

  constructor(
    readonly inWidth: number,
    readonly outWidth: number,
    rng: Rng,
  ) {
    this.weight = param(inWidth * outWidth);
    this.bias = param(outWidth);
    const bound = 1 / Math.sqrt(inWidth);
    const w = rng.uniform(-bound, bound, inWidth * outWidth) as Float64Array;
    this.weight.data.set(w);
    this.bias.data.set(rng.uniform(-bound, bound, outWidth) as Float64Array);
    this.params = [this.weight, this.bias];
  }

  forward(x: Float32Array, n: number): Float32Array {
    this.x = x;
    const o = this.outWidth;
    const y = gemm(x, false, this.weight.data, false, n, this.inWidth, o);
    const b = this.bias.data;
    for (let i = 0; i < n; i++) {
      const r = i * o;
      for (let j = 0; j < o; j++) y[r + j]! += b[j]!;
    }
    return y;
  }

  /** Wᵀ (out × in), transposed once per weight update. */
  transposedWeight(): Float32Array {
    if (this.wTVersion !== this.weight.version || this.wT.length !== this.weight.data.length) {
      this.wT = transpose(this.weight.data, this.inWidth, this.outWidth);
      this.wTVersion = this.weight.version;
    }
    return this.wT;
  }

  backward(dy: Float32Array, n: number, needInput = true): Float32Array {
    const o = this.outWidth;
    gemm(this.x, true, dy, false, this.inWidth, n, o, this.weight.grad, true);
    const gb = this.bias.grad;
    for (let i = 0; i < n; i++) {
      const r = i * o;
      for (let j = 0; j < o; j++) gb[j]! += dy[r + j]!;
    }
    return needInput ? gemm(dy, false, this.transposedWeight(), false, n, o, this.inWidth) : EMPTY;
  }
}

/** Leaky ReLU max(x, slope · x) (slope 0: ReLU). Keeps its slope mask for the gradient penalty. */
export class LeakyReLU implements Layer {
  readonly params: Param[] = [];
  readonly buffers: Float32Array[] = [];
  readonly outWidth: number;
  /** d output / d input per cell of the last forward pass. */
  slopes: Float32Array = new Float32Array(0);

  constructor(
    readonly inWidth: number,
    readonly slope = 0,
  ) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array): Float32Array {
    const y = new Float32Array(x.length);
    const s = new Float32Array(x.length);
    const a = this.slope;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const k = v > 0 ? 1 : a;
      s[i] = k;
      y[i] = k * v;
    }
    this.slopes = s;
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = new Float32Array(dy.length);
    const s = this.slopes;
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i]! * s[i]!;
    return dx;
  }
}

/** tanh. */
export class Tanh implements Layer {
  readonly params: Param[] = [];
  readonly buffers: Float32Array[] = [];
  readonly outWidth: number;
  private y: Float32Array = new Float32Array(0);

  constructor(readonly inWidth: number) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array): Float32Array {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]!);
    this.y = y;
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = new Float32Array(dy.length);
    const y = this.y;
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i]! * (1 - y[i]! * y[i]!);
    return dx;
  }
}

/** The logistic sigmoid. */
export class Sigmoid implements Layer {
  readonly params: Param[] = [];
  readonly buffers: Float32Array[] = [];
  readonly outWidth: number;
  private y: Float32Array = new Float32Array(0);

  constructor(readonly inWidth: number) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array): Float32Array {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]!));
    this.y = y;
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = new Float32Array(dy.length);
    const y = this.y;
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i]! * y[i]! * (1 - y[i]!);
    return dx;
  }
}

/** Inverted dropout: in training, each cell is zeroed with probability p and the rest scaled by 1 / (1 − p). */
export class Dropout implements Layer {
  readonly params: Param[] = [];
  readonly buffers: Float32Array[] = [];
  readonly outWidth: number;
  /** The last forward pass's multipliers (0 or 1 / (1 − p); all 1 outside training). */
  mask: Float32Array = new Float32Array(0);

  constructor(
    readonly inWidth: number,
    readonly p: number,
  ) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array, _n: number, ctx: ForwardContext): Float32Array {
    const mask = new Float32Array(x.length);
    if (!ctx.train || this.p === 0) {
      mask.fill(1);
      this.mask = mask;
      return x;
    }
    const u = ctx.rng.random(x.length) as Float64Array;
    const keep = 1 / (1 - this.p);
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      if (u[i]! >= this.p) {
        mask[i] = keep;
        y[i] = x[i]! * keep;
      }
    }
    this.mask = mask;
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = new Float32Array(dy.length);
    const m = this.mask;
    for (let i = 0; i < dy.length; i++) dx[i] = dy[i]! * m[i]!;
    return dx;
  }
}

/** Batch normalization over the rows (PyTorch's BatchNorm1d: eps 1e-5, momentum 0.1, running statistics). */
export class BatchNorm implements Layer {
  readonly gamma: Param;
  readonly beta: Param;
  readonly params: Param[];
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  readonly buffers: Float32Array[];
  readonly outWidth: number;
  private xhat: Float32Array = new Float32Array(0);
  private invStd: Float64Array = new Float64Array(0);

  constructor(
    readonly inWidth: number,
    readonly eps = 1e-5,
    readonly momentum = 0.1,
  ) {
    this.outWidth = inWidth;
    this.gamma = param(inWidth);
    this.gamma.data.fill(1);
    this.beta = param(inWidth);
    this.params = [this.gamma, this.beta];
    this.runningMean = new Float32Array(inWidth);
    this.runningVar = new Float32Array(inWidth).fill(1);
    this.buffers = [this.runningMean, this.runningVar];
  }

  forward(x: Float32Array, n: number, ctx: ForwardContext): Float32Array {
    const w = this.inWidth;
    const mean = new Float64Array(w);
    const inv = new Float64Array(w);
    if (ctx.train) {
      for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) mean[j]! += x[i * w + j]!;
      for (let j = 0; j < w; j++) mean[j]! /= n;
      const v = new Float64Array(w);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < w; j++) {
          const d = x[i * w + j]! - mean[j]!;
          v[j]! += d * d;
        }
      }
      const m = this.momentum;
      for (let j = 0; j < w; j++) {
        inv[j] = 1 / Math.sqrt(v[j]! / n + this.eps);
        this.runningMean[j] = (1 - m) * this.runningMean[j]! + m * mean[j]!;
        this.runningVar[j] = (1 - m) * this.runningVar[j]! + m * (n > 1 ? v[j]! / (n - 1) : v[j]!);
      }
    } else {
      for (let j = 0; j < w; j++) {
        mean[j] = this.runningMean[j]!;
        inv[j] = 1 / Math.sqrt(this.runningVar[j]! + this.eps);
      }
    }
    const xhat = new Float32Array(n * w);
    const y = new Float32Array(n * w);
    const g = this.gamma.data;
    const b = this.beta.data;
    for (let i = 0; i < n; i++) {
      const r = i * w;
      for (let j = 0; j < w; j++) {
        const h = (x[r + j]! - mean[j]!) * inv[j]!;
        xhat[r + j] = h;
        y[r + j] = g[j]! * h + b[j]!;
      }
    }
    this.xhat = xhat;
    this.invStd = inv;
    return y;
  }

  backward(dy: Float32Array, n: number): Float32Array {
    const w = this.inWidth;
    const xhat = this.xhat;
    const sumDy = new Float64Array(w);
    const sumDyX = new Float64Array(w);
    for (let i = 0; i < n; i++) {
      const r = i * w;
      for (let j = 0; j < w; j++) {
        sumDy[j]! += dy[r + j]!;
        sumDyX[j]! += dy[r + j]! * xhat[r + j]!;
      }
    }
    const gg = this.gamma.grad;
    const gb = this.beta.grad;
    for (let j = 0; j < w; j++) {
      gg[j]! += sumDyX[j]!;
      gb[j]! += sumDy[j]!;
    }
    const g = this.gamma.data;
    const inv = this.invStd;
    const dx = new Float32Array(n * w);
    for (let i = 0; i < n; i++) {
      const r = i * w;
      for (let j = 0; j < w; j++) {
        dx[r + j] = ((g[j]! * inv[j]!) / n) * (n * dy[r + j]! - sumDy[j]! - xhat[r + j]! * sumDyX[j]!);
      }
    }
    return dx;
  }
}

/** A chain of layers. */
export class Sequential implements Layer {
  readonly inWidth: number;
  readonly outWidth: number;
  readonly params: Param[];
  readonly buffers: Float32Array[];

  constructor(readonly layers: readonly Layer[]) {
    this.inWidth = layers[0]!.inWidth;
    this.outWidth = layers[layers.length - 1]!.outWidth;
    this.params = layers.flatMap((l) => l.params);
    this.buffers = layers.flatMap((l) => l.buffers);
  }

  forward(x: Float32Array, n: number, ctx: ForwardContext): Float32Array {
    let h = x;
    for (const l of this.layers) h = l.forward(h, n, ctx);
    return h;
  }

  backward(dy: Float32Array, n: number, needInput = true): Float32Array {
    let d = dy;
    for (let k = this.layers.length - 1; k >= 0; k--) d = this.layers[k]!.backward(d, n, k > 0 || needInput);
    return d;
  }
}

/** CTGAN's residual block: [ReLU(BatchNorm(Linear(x))), x] (the output is out + in wide). */
export class Residual implements Layer {
  readonly outWidth: number;
  readonly params: Param[];
  readonly buffers: Float32Array[];
  private readonly branch: Sequential;

  constructor(
    readonly inWidth: number,
    width: number,
    rng: Rng,
  ) {
    this.branch = new Sequential([new Linear(inWidth, width, rng), new BatchNorm(width), new LeakyReLU(width, 0)]);
    this.outWidth = width + inWidth;
    this.params = this.branch.params;
    this.buffers = this.branch.buffers;
  }

  forward(x: Float32Array, n: number, ctx: ForwardContext): Float32Array {
    const h = this.branch.forward(x, n, ctx);
    const a = this.branch.outWidth;
    const b = this.inWidth;
    const w = a + b;
    const y = new Float32Array(n * w);
    for (let i = 0; i < n; i++) {
      y.set(h.subarray(i * a, (i + 1) * a), i * w);
      y.set(x.subarray(i * b, (i + 1) * b), i * w + a);
    }
    return y;
  }

  backward(dy: Float32Array, n: number, needInput = true): Float32Array {
    const a = this.branch.outWidth;
    const b = this.inWidth;
    const w = a + b;
    const dh = new Float32Array(n * a);
    for (let i = 0; i < n; i++) dh.set(dy.subarray(i * w, i * w + a), i * a);
    const dx = this.branch.backward(dh, n, needInput);
    if (!needInput) return dx;
    for (let i = 0; i < n; i++) {
      const r = i * w + a;
      const o = i * b;
      for (let j = 0; j < b; j++) dx[o + j]! += dy[r + j]!;
    }
    return dx;
  }
}

/** Sets every parameter gradient of `layer` to 0. */
export function zeroGrad(layer: Layer): void {
  for (const p of layer.params) p.grad.fill(0);
}
