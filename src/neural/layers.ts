/**
 * The neural engine's layers (internal): dense, batch norm, activations,
 * dropout, CTGAN's residual block, and a sequence of them. Activations are
 * row-major Float32Arrays (rows are samples). Each layer caches what its
 * backward pass needs during `forward`; `backward(dy)` adds the parameter
 * gradients to `param.grad` and returns the gradient of the input. A layer is
 * used by one forward/backward pair at a time (call forward, then backward,
 * before the next forward). Matrix products go through ./gemm.ts, the
 * heaviest element-wise loops through ./elementwise.ts and
 * ./batch-norm-kernels.ts (WebAssembly, bit-identical to the JavaScript).
 * Inside a {@link Sequential} (and a {@link Residual}), a layer whose result
 * is an intermediate writes it into a buffer kept between calls (see
 * `keepOutput`); a chain's own result is always a fresh array.
 */
import type { Rng } from "../random/rng.js";
import { batchNormBackward, columnStats, normalizeRows } from "./batch-norm-kernels.js";
import { addColumnSums, dropoutInto, leakyReluInto, multiplyInto } from "./elementwise.js";
import { gemm } from "./gemm.js";

/** A trainable tensor and its gradient (same length); `version` counts the optimizer's updates (for caches of anything derived from `data`). */
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
  /**
   * Set by the enclosing {@link Sequential} or {@link Residual} when whoever
   * reads `forward`'s result is done with it before the next `forward` (an
   * intermediate activation): the layer may then write every `forward` into
   * one buffer instead of a fresh array. Fresh 500 × 256 arrays cost
   * 0.1–0.3 ms each here (new pages from the allocator), about as much as
   * the loop that fills them.
   */
  keepOutput?: boolean;
  /** The same for `backward`'s result (every layer but a chain's first). */
  keepInputGrad?: boolean;
}

function param(size: number): Param {
  return { data: new Float32Array(size), grad: new Float32Array(size), version: 0 };
}

const EMPTY = new Float32Array(0);

/**
 * `prev` when it may be reused (`keep`) and holds `length` floats, else a new
 * zeroed array. A reused buffer holds the previous call's values, so the
 * caller writes every entry.
 */
function buffer(prev: Float32Array, length: number, keep: boolean | undefined): Float32Array {
  return keep === true && prev.length === length ? prev : new Float32Array(length);
}

/** y = x · W + b, W stored in × out; PyTorch's default initialization (uniform ±1/√in). */
export class Linear implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  readonly params: Param[];
  readonly buffers: Float32Array[] = [];
  private x: Float32Array = new Float32Array(0);
  private y: Float32Array = EMPTY;
  private dx: Float32Array = EMPTY;
  keepOutput?: boolean;
  keepInputGrad?: boolean;

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
    this.y = buffer(this.y, n * this.outWidth, this.keepOutput);
    return gemm(x, false, this.weight.data, false, n, this.inWidth, this.outWidth, this.y, false, this.bias.data);
  }

  backward(dy: Float32Array, n: number, needInput = true): Float32Array {
    const o = this.outWidth;
    gemm(this.x, true, dy, false, this.inWidth, n, o, this.weight.grad, true);
    addColumnSums(dy, n, o, this.bias.grad);
    if (!needInput) return EMPTY;
    this.dx = buffer(this.dx, n * this.inWidth, this.keepInputGrad);
    return gemm(dy, false, this.weight.data, true, n, o, this.inWidth, this.dx);
  }
}

/** Leaky ReLU max(x, slope · x) (slope 0: ReLU). Keeps its slope mask for the gradient penalty. */
export class LeakyReLU implements Layer {
  readonly params: Param[] = [];
  readonly buffers: Float32Array[] = [];
  readonly outWidth: number;
  /** d output / d input per cell of the last forward pass. */
  slopes: Float32Array = new Float32Array(0);
  private y: Float32Array = EMPTY;
  private dx: Float32Array = EMPTY;
  keepOutput?: boolean;
  keepInputGrad?: boolean;

  constructor(
    readonly inWidth: number,
    readonly slope = 0,
  ) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array): Float32Array {
    const y = (this.y = buffer(this.y, x.length, this.keepOutput));
    const s = (this.slopes = buffer(this.slopes, x.length, true));
    leakyReluInto(x, this.slope, y, s);
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = (this.dx = buffer(this.dx, dy.length, this.keepInputGrad));
    multiplyInto(dy, this.slopes, dx);
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
  private y: Float32Array = EMPTY;
  private dx: Float32Array = EMPTY;
  keepOutput?: boolean;
  keepInputGrad?: boolean;

  constructor(
    readonly inWidth: number,
    readonly p: number,
  ) {
    this.outWidth = inWidth;
  }

  forward(x: Float32Array, _n: number, ctx: ForwardContext): Float32Array {
    const mask = (this.mask = buffer(this.mask, x.length, true));
    if (!ctx.train || this.p === 0) {
      mask.fill(1);
      return x;
    }
    const u = ctx.rng.random(x.length) as Float64Array;
    const keep = 1 / (1 - this.p);
    const y = (this.y = buffer(this.y, x.length, this.keepOutput));
    dropoutInto(x, u, this.p, keep, y, mask);
    return y;
  }

  backward(dy: Float32Array): Float32Array {
    const dx = (this.dx = buffer(this.dx, dy.length, this.keepInputGrad));
    multiplyInto(dy, this.mask, dx);
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
  private y: Float32Array = EMPTY;
  private dx: Float32Array = EMPTY;
  keepOutput?: boolean;
  keepInputGrad?: boolean;

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
      const v = new Float64Array(w);
      columnStats(x, n, w, mean, v);
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
    const xhat = (this.xhat = buffer(this.xhat, n * w, true));
    const y = (this.y = buffer(this.y, n * w, this.keepOutput));
    normalizeRows(x, n, w, mean, inv, this.gamma.data, this.beta.data, xhat, y);
    this.invStd = inv;
    return y;
  }

  backward(dy: Float32Array, n: number): Float32Array {
    const w = this.inWidth;
    const sumDy = new Float64Array(w);
    const sumDyX = new Float64Array(w);
    const coef = new Float64Array(w);
    const g = this.gamma.data;
    const inv = this.invStd;
    for (let j = 0; j < w; j++) coef[j] = (g[j]! * inv[j]!) / n;
    const dx = (this.dx = buffer(this.dx, n * w, this.keepInputGrad));
    batchNormBackward(dy, this.xhat, n, w, coef, sumDy, sumDyX, dx);
    const gg = this.gamma.grad;
    const gb = this.beta.grad;
    for (let j = 0; j < w; j++) {
      gg[j]! += sumDyX[j]!;
      gb[j]! += sumDy[j]!;
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
    // every output but the last is read by the next layer only, every input gradient but the first by the previous one
    layers.forEach((l, k) => {
      if (k < layers.length - 1) l.keepOutput = true;
      if (k > 0) l.keepInputGrad = true;
    });
  }

  /** The chain's output is its last layer's. */
  get keepOutput(): boolean | undefined {
    return this.layers[this.layers.length - 1]!.keepOutput;
  }

  set keepOutput(keep: boolean | undefined) {
    this.layers[this.layers.length - 1]!.keepOutput = keep;
  }

  /** The chain's input gradient is its first layer's. */
  get keepInputGrad(): boolean | undefined {
    return this.layers[0]!.keepInputGrad;
  }

  set keepInputGrad(keep: boolean | undefined) {
    this.layers[0]!.keepInputGrad = keep;
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
  private y: Float32Array = EMPTY;
  private dh: Float32Array = EMPTY;
  keepOutput?: boolean;

  constructor(
    readonly inWidth: number,
    width: number,
    rng: Rng,
  ) {
    this.branch = new Sequential([new Linear(inWidth, width, rng), new BatchNorm(width), new LeakyReLU(width, 0)]);
    this.outWidth = width + inWidth;
    this.params = this.branch.params;
    this.buffers = this.branch.buffers;
    this.branch.keepOutput = true; // copied into the block's output at once
  }

  /** The block's input gradient is the branch's, with the skip connection's added. */
  get keepInputGrad(): boolean | undefined {
    return this.branch.keepInputGrad;
  }

  set keepInputGrad(keep: boolean | undefined) {
    this.branch.keepInputGrad = keep;
  }

  forward(x: Float32Array, n: number, ctx: ForwardContext): Float32Array {
    const h = this.branch.forward(x, n, ctx);
    const a = this.branch.outWidth;
    const b = this.inWidth;
    const w = a + b;
    const y = (this.y = buffer(this.y, n * w, this.keepOutput));
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
    const dh = (this.dh = buffer(this.dh, n * a, true));
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
