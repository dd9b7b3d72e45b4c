/**
 * The one dense kernel the neural engine needs: C = op(A) · op(B) in f32,
 * behind one internal interface ({@link Gemm}) so the engine never knows which
 * implementation runs. Two exist: WebAssembly SIMD (./wasm/gemm.wat, 4 × 8
 * register blocks of f32x4 over B packed into 8-column panels) and a plain
 * JavaScript loop (where WebAssembly is unavailable). The same module also
 * holds the engine's heaviest element-wise loops (batch norm, leaky ReLU,
 * dropout, mask products, column sums, Adam; ./batch-norm-kernels.ts,
 * ./elementwise.ts, ./adam.ts), each bit-identical to the JavaScript loop it
 * replaced.
 *
 * Why a purpose-built engine and not TensorFlow.js. Measured on this machine
 * (2 shared cores at load 6–7, Node 20, one thread; fastest of 30 runs, the
 * medians being 2–3× slower and noisy):
 *
 * | one product 500 × 384 · 384 × 256 (49M multiply-adds) | time     |
 * |--------------------------------------------------------|----------|
 * | this kernel (WebAssembly SIMD, copies included)        | 2.0 ms   |
 * | the same with A or B stored transposed                 | 2.1–2.3 ms |
 * | @tensorflow/tfjs-backend-wasm 4.22 `tf.matMul`         | 2.8 ms   |
 * | plain JavaScript i-k-j loop on Float32Array            | 97 ms    |
 * | @tensorflow/tfjs-backend-cpu 4.22 `tf.matMul`          | 79 ms    |
 *
 * One training step, batch 500 on a 120-wide table (`npm run bench --
 * ctgan_step_500x120 tvae_step_500x120`, the architectures of
 * ../shared/bench/torch_peers.py, PyTorch on one CPU thread: CTGAN ~0.025 s,
 * TVAE ~0.0065 s). Ranges over runs of the same sitting (2 shared cores at
 * load 1.2–1.4, 2026-12-03), each run's fastest and median step:
 *
 * |                 | CTGAN fastest   | CTGAN median    | TVAE fastest      | TVAE median       |
 * |-----------------|-----------------|-----------------|-------------------|-------------------|
 * | before (3 runs) | 0.057–0.061 s   | 0.064–0.070 s   | 0.0144–0.0148 s   | 0.0148–0.0165 s   |
 * | after (5 runs)  | 0.0347–0.0356 s | 0.036–0.041 s   | 0.0097–0.0106 s   | 0.0106–0.0118 s   |
 *
 * (1.4× and 1.5× PyTorch's step, from 2.3× and 2.2×.)
 *
 * What changed, each step measured in-process (ms per CTGAN step, fastest of
 * 60): B packed into contiguous 8-column panels by the module (`pack`, and
 * `packT` straight from a stored Bᵀ, so Wᵀ is never built in JavaScript) and
 * the loops swapped so one panel stays in L1 while A streams past it (a
 * 500 × 1200 · 1200 × 256 product 7.0 → 5.9 ms); the bias and the
 * accumulation into `out` added in the kernel's epilogue instead of JavaScript
 * loops over the result (Linear forward + backward 32.7 → 27.5 ms); batch
 * norm in f64x2 (forward 5.2 → 1.0 ms, backward 2.3 → 0.4 ms); leaky ReLU
 * without a branch on the sign and then in the module (5.4 → 0.6 ms), its
 * backward (0.8 → 0.25 ms); dropout (1.3 → 0.45 ms); Adam in
 * f64x2 (5.0 → 2.0 ms); layers writing into buffers kept between calls where
 * the result is an intermediate (a fresh 500 × 256 Float32Array costs
 * 0.13–0.3 ms in page faults here, about what the loop filling it costs).
 * Every one keeps the bits: the same seed gives the same weights as before
 * (checked on the weights after 4 steps of both networks, with and without
 * softmax spans; test/neural/kernels.test.ts compares each loop with the
 * JavaScript it replaced).
 *
 * After (CPU profile, self time): the CTGAN step is 63% in this kernel (+6%
 * copies and packing), 5% Adam, 4% the module's element-wise loops, 18%
 * element-wise JavaScript (7% the `Math.tanh` of `activate`, 2.5% the
 * residual blocks' row copies), 3% random draws; TVAE 52% kernel (+4%), 33%
 * `Math.tanh` / `Math.exp` in JavaScript (the loss, the reparameterization
 * and the KL term), 3% Adam. The kernel runs at 52–55 GFLOP/s, about the
 * 128-bit limit of this core (two f32x4 multiplies and two f32x4 adds a
 * cycle at ~3.4 GHz);
 * CTGAN's ~610M multiply-adds alone take ~23 ms, so PyTorch's 0.025 s (AVX2 /
 * AVX-512 FMA, 8–16 lanes) is out of reach of WebAssembly's 4 lanes.
 *
 * Relaxed SIMD (`f32x4.relaxed_madd`, a true vfmadd on this CPU: 59 of 64
 * cells of a test product differ from mul + add in the last bits) was
 * measured and not adopted. In Node 20 it sits behind
 * `--experimental-wasm-relaxed-simd`, which a library can set at run time
 * (`v8.setFlagsFromString` before compiling the module; Node 22 ships it), with
 * this unfused module as the fallback. Fused 4 × 8 ran 0–7% faster than
 * unfused 4 × 8 (packed, the CTGAN shapes: 52–55 against 50–54 GFLOP/s; the
 * unfused kernel already keeps the multiply and the add pipes busy), while
 * 6 × 8 (12 accumulators: they spill) ran at 27 GFLOP/s and 3 × 12, 2 × 16
 * at 52–53. A few percent of the step did not pay for setting a process-wide
 * V8 flag from a library, nor for weights that would differ in the last bits
 * between Node versions and between CPUs with and without FMA (relaxed
 * SIMD lets either happen).
 *
 * The issue measured a tfjs (wasm) WGAN-GP step at ~0.3 s, with autograd's
 * transposed `matMul` 15–25× slower than an explicit transpose and double
 * back-propagation through `tf.leakyRelu` failing. The matrix products of
 * these small dense nets (120–640 wide, batch 500) run a little faster in this
 * kernel than in tfjs-wasm, and a hand-written engine needs no autograd graph: the
 * gradient penalty's second derivative is computed in closed form for
 * piecewise-linear critics (./penalty.ts). It also keeps tfjs 4 out of the
 * dependency tree, where danfojs-node pins tfjs 3.21.
 *
 * Determinism: the same shapes and inputs give bit-identical results on every
 * run of one machine (the summation order is fixed, no fused multiply-add).
 * The JavaScript fallback rounds differently from the SIMD kernel, so a model
 * trained where WebAssembly is missing differs in the last bits.
 */
import { GEMM_WASM_BASE64 } from "./wasm/gemm-bytes.js";

/**
 * C (m × n) = op(A) · op(B): A is m × k (stored k × m when `transA`), B is k × n
 * (stored n × k when `transB`); with `accumulate` the product is added to `out`,
 * with `bias` (n values) the bias is added to every row of the product. Either
 * way the product is rounded first and then added once, so `bias` gives the
 * same bits as adding it afterwards.
 */
export type Gemm = (
  a: Float32Array,
  transA: boolean,
  b: Float32Array,
  transB: boolean,
  m: number,
  k: number,
  n: number,
  out?: Float32Array,
  accumulate?: boolean,
  bias?: Float32Array,
) => Float32Array;

/** The module's exports (internal: ./batch-norm-kernels.ts, ./elementwise.ts and ./adam.ts use its other loops). */
export interface GemmExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  pack(src: number, dst: number, k: number, n: number): void;
  packT(src: number, dst: number, k: number, n: number): void;
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, si: number, sp: number, mode: number, bias: number): void;
  bnStats(x: number, n: number, w: number, mean: number, sumSq: number): void;
  bnNormalize(x: number, n: number, w: number, mean: number, inv: number, g: number, b: number, xhat: number, y: number): void;
  bnBackwardSums(dy: number, xhat: number, n: number, w: number, sumDy: number, sumDyX: number): void;
  bnBackwardDx(dy: number, xhat: number, n: number, w: number, coef: number, sumDy: number, sumDyX: number, dx: number): void;
  leakyRelu(x: number, y: number, s: number, len: number, slope: number): void;
  mul(x: number, y: number, z: number, len: number): void;
  dropout(x: number, u: number, y: number, mask: number, len: number, p: number, keep: number): void;
  colSumAdd(dy: number, n: number, w: number, head: number, g: number): void;
  adam(x: number, g: number, m: number, v: number, len: number, b1: number, b2: number, a1: number, a2: number, wd: number, s: number, c2: number, eps: number): void;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let wasm: GemmExports | null | undefined;

/** The compiled module (compiled on first use), or null where WebAssembly SIMD is missing. */
export function instance(): GemmExports | null {
  if (wasm !== undefined) return wasm;
  try {
    const bin = atob(GEMM_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const wa = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wa) throw new Error("no WebAssembly");
    wasm = new wa.Instance(new wa.Module(bytes), {}).exports as GemmExports;
  } catch {
    wasm = null;
  }
  return wasm;
}

/** The plain JavaScript product (i-k-j order, row-major). */
export const gemmJs: Gemm = (a, transA, b, transB, m, k, n, out, accumulate = false, bias) => {
  const c = out ?? new Float32Array(m * n);
  if (!accumulate) c.fill(0, 0, m * n);
  const bb = transB ? transpose(b, n, k) : b;
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const x = transA ? a[p * m + i]! : a[i * k + p]!;
      if (x === 0) continue;
      const o = p * n;
      for (let j = 0; j < n; j++) row[j]! += x * bb[o + j]!;
    }
    const o = i * n;
    for (let j = 0; j < n; j++) c[o + j]! += row[j]!;
    if (bias) for (let j = 0; j < n; j++) c[o + j]! += bias[j]!;
  }
  return c;
};

/** Byte offsets rounded up to a cache line (the layouts of the module's memory here and in its other users). */
export const line = (bytes: number): number => (bytes + 63) & ~63;

/** The module with at least `bytes` of memory (grown when short), or null where WebAssembly SIMD is missing. */
export function moduleWithMemory(bytes: number): GemmExports | null {
  const w = instance();
  if (!w) return null;
  const have = w.memory.buffer.byteLength;
  if (bytes > have) w.memory.grow(Math.ceil((bytes - have) / 65536));
  return w;
}

/**
 * The WebAssembly SIMD product. A is copied in (rows past m zero), B copied in
 * as stored and packed into 8-column panels by the module (transposing when
 * `transB`, so Wᵀ never exists in JavaScript), C (when accumulating) and the
 * bias copied in, the result copied out: whole-array `set` copies where the
 * widths need no padding.
 */
export const gemmWasm: Gemm = (a, transA, b, transB, m, k, n, out, accumulate = false, bias) => {
  const mp = (m + 3) & ~3;
  const np = (n + 7) & ~7;
  const aOff = 0;
  const rawOff = line(aOff + mp * k * 4);
  const bOff = line(rawOff + k * n * 4);
  const cOff = line(bOff + k * np * 4);
  const biasOff = line(cOff + mp * np * 4);
  const w = moduleWithMemory(biasOff + np * 4);
  if (!w) return gemmJs(a, transA, b, transB, m, k, n, out, accumulate, bias);
  const mem = new Float32Array(w.memory.buffer);
  // A as stored: m × k (rows past m zero), or transposed k × mp (columns past m zero), read through strides
  if (transA) {
    if (mp === m) mem.set(a.subarray(0, k * m), 0);
    else {
      for (let p = 0; p < k; p++) {
        mem.set(a.subarray(p * m, (p + 1) * m), p * mp);
        mem.fill(0, p * mp + m, (p + 1) * mp);
      }
    }
  } else {
    mem.set(a.subarray(0, m * k), 0);
    mem.fill(0, m * k, mp * k);
  }
  // B as stored (k × n, or n × k when transposed), then packed into panels (columns past n zero)
  mem.set(b.subarray(0, k * n), rawOff >> 2);
  if (transB) w.packT(rawOff, bOff, k, n);
  else w.pack(rawOff, bOff, k, n);
  const c = out ?? new Float32Array(m * n);
  const co = cOff >> 2;
  let mode = 0;
  if (accumulate) {
    mode = 1;
    if (np === n) mem.set(c.subarray(0, m * n), co);
    else for (let i = 0; i < m; i++) mem.set(c.subarray(i * n, (i + 1) * n), co + i * np);
  } else if (bias) {
    mode = 2;
    mem.set(bias.subarray(0, n), biasOff >> 2);
    mem.fill(0, (biasOff >> 2) + n, (biasOff >> 2) + np);
  }
  w.gemm(aOff, bOff, cOff, mp, k, np, transA ? 4 : 4 * k, transA ? 4 * mp : 4, mode, biasOff);
  if (np === n) c.set(mem.subarray(co, co + m * n));
  else for (let i = 0; i < m; i++) c.set(mem.subarray(co + i * np, co + i * np + n), i * n);
  return c;
};

/** The engine's product: WebAssembly SIMD when available, JavaScript otherwise. */
export const gemm: Gemm = (a, transA, b, transB, m, k, n, out, accumulate, bias) =>
  instance() ? gemmWasm(a, transA, b, transB, m, k, n, out, accumulate, bias) : gemmJs(a, transA, b, transB, m, k, n, out, accumulate, bias);

/** The name of the kernel in use (`"wasm-simd"` or `"js"`). */
export function gemmBackend(): "wasm-simd" | "js" {
  return instance() ? "wasm-simd" : "js";
}

/** A rows × cols row-major matrix transposed (cols × rows). */
export function transpose(x: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) t[j * rows + i] = x[o + j]!;
  }
  return t;
}
