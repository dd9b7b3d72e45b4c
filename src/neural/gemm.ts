/**
 * The one dense kernel the neural engine needs: C = op(A) · op(B) in f32,
 * behind one internal interface ({@link Gemm}) so the engine never knows which
 * implementation runs. Two exist: WebAssembly SIMD (./wasm/gemm.wat, 4 × 8
 * register blocks of f32x4) and a plain JavaScript loop (where WebAssembly is
 * unavailable).
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
 * ../shared/bench/torch_peers.py; several sittings at load 4–7, fastest to
 * median of 5 runs): CTGAN 0.07–0.13 s against PyTorch's 0.027 s on one CPU
 * thread (ratio 2.6–4.8), TVAE 0.015–0.03 s against 0.0073 s (ratio 2.1–4). About 650M multiply-adds make a
 * CTGAN step, roughly half of its time in this kernel; the rest is element-wise
 * work (batch norm, activations, Gumbel-softmax), copies into the module's
 * memory and Adam.
 * PyTorch's kernels use fused multiply-adds on 8-wide registers; WebAssembly
 * SIMD in Node 20 has 4-wide lanes and no fused multiply-add (relaxed SIMD is
 * behind a flag), which bounds this kernel at roughly a third of MKL's rate.
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
 * run of one machine (the summation order is fixed). The JavaScript fallback
 * rounds differently from the SIMD kernel, so a model trained where
 * WebAssembly is missing differs in the last bits.
 */
import { GEMM_WASM_BASE64 } from "./wasm/gemm-bytes.js";

/**
 * C (m × n) = op(A) · op(B): A is m × k (stored k × m when `transA`), B is k × n
 * (stored n × k when `transB`); with `accumulate` the product is added to `out`.
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
) => Float32Array;

interface GemmExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, si: number, sp: number): void;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let wasm: GemmExports | null | undefined;

function instance(): GemmExports | null {
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
export const gemmJs: Gemm = (a, transA, b, transB, m, k, n, out, accumulate = false) => {
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
  }
  return c;
};

/** The WebAssembly SIMD product (inputs copied in with zero padding, the result copied out). */
export const gemmWasm: Gemm = (a, transA, b, transB, m, k, n, out, accumulate = false) => {
  const w = instance();
  if (!w) return gemmJs(a, transA, b, transB, m, k, n, out, accumulate);
  const mp = (m + 3) & ~3;
  const np = (n + 7) & ~7;
  const aOff = 0;
  const bOff = aOff + mp * k * 4;
  const cOff = bOff + k * np * 4;
  const need = cOff + mp * np * 4;
  const have = w.memory.buffer.byteLength;
  if (need > have) w.memory.grow(Math.ceil((need - have) / 65536));
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
  // B: k × np, columns past n zero
  const bo = bOff >> 2;
  if (transB) {
    for (let j = 0; j < n; j++) {
      const src = j * k;
      for (let p = 0; p < k; p++) mem[bo + p * np + j] = b[src + p]!;
    }
    if (np > n) for (let p = 0; p < k; p++) mem.fill(0, bo + p * np + n, bo + (p + 1) * np);
  } else if (np === n) mem.set(b.subarray(0, k * n), bo);
  else {
    for (let p = 0; p < k; p++) {
      mem.set(b.subarray(p * n, (p + 1) * n), bo + p * np);
      mem.fill(0, bo + p * np + n, bo + (p + 1) * np);
    }
  }
  w.gemm(aOff, bOff, cOff, mp, k, np, transA ? 4 : 4 * k, transA ? 4 * mp : 4);
  const c = out ?? new Float32Array(m * n);
  const co = cOff >> 2;
  if (accumulate) {
    for (let i = 0; i < m; i++) {
      const s = co + i * np;
      const d = i * n;
      for (let j = 0; j < n; j++) c[d + j]! += mem[s + j]!;
    }
  } else if (np === n) c.set(mem.subarray(co, co + m * n));
  else for (let i = 0; i < m; i++) c.set(mem.subarray(co + i * np, co + i * np + n), i * n);
  return c;
};

/** The engine's product: WebAssembly SIMD when available, JavaScript otherwise. */
export const gemm: Gemm = (a, transA, b, transB, m, k, n, out, accumulate) =>
  instance() ? gemmWasm(a, transA, b, transB, m, k, n, out, accumulate) : gemmJs(a, transA, b, transB, m, k, n, out, accumulate);

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
