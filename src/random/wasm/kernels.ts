import { EXP_H, EXP_TAIL } from "../exp-tables.js";
import { LOG_INVC, LOG_LOGC, LOG_LOGCTAIL } from "../log-tables.js";
import { FE, FI, KE, KI, WE, WI } from "../ziggurat-tables.js";
import { KERNELS_WASM_BASE64 } from "./kernels-bytes.js";

/** The exports of ./kernels.wat. */
export interface Kernels {
  readonly memory: { readonly buffer: ArrayBuffer };
  uniform(n: number): void;
  normal(n: number, loc: number, scale: number): void;
  exponential(n: number, scale: number): void;
  poissonMult(n: number, enlam: number): void;
  binomialInversion(n: number, nTrials: number, pp: number, q: number, qn: number, bound: number, flip: number): void;
  gamma(n: number, shape: number, scale: number): void;
  pcg64Fill(n: number): void;
  lognormal(n: number, mean: number, sigma: number): void;
  betaJohnk(n: number, a: number, b: number): void;
}

/** A call of one kernel for `n` values (written to the output area). */
export type KernelCall = (k: Kernels, n: number) => void;

/** Doubles per kernel call (the output area of the module's memory). */
export const CHUNK = 65536;
/** Byte offset of the output area. */
export const OUT_OFFSET = 16384;

/** The part of the WebAssembly API used here (the project's TS lib has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let instance: Kernels | null | undefined;

/**
 * The bulk kernels for xoshiro128** (uniform, ziggurat normal and
 * exponential), instantiated once with numpy's ziggurat tables; `null` where
 * WebAssembly is unavailable (callers then use the JavaScript loops, which
 * draw the same numbers).
 */
export function kernels(): Kernels | null {
  if (instance !== undefined) return instance;
  try {
    const bin = atob(KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const wa = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wa) throw new Error("no WebAssembly");
    const inst = new wa.Instance(new wa.Module(bytes), { env: { log: Math.log, exp: Math.exp, pow: Math.pow } });
    const k = inst.exports as unknown as Kernels;
    const mem = new Float64Array(k.memory.buffer);
    [KI, WI, FI, KE, WE, FE].forEach((t, j) => mem.set(t, 8 + j * 256));
    mem.set(EXP_H, 12352 / 8);
    mem.set(EXP_TAIL, 13376 / 8);
    [LOG_INVC, LOG_LOGC, LOG_LOGCTAIL].forEach((t, j) => mem.set(t, 540672 / 8 + j * 128));
    instance = k;
  } catch {
    instance = null;
  }
  return instance;
}

/**
 * Runs a kernel over `out[start:end)` in chunks from the xoshiro128** state
 * `s` (four int32 words), updating `s`. Returns false when WebAssembly is
 * unavailable.
 */
export function runKernel(s: Int32Array, out: Float64Array, start: number, end: number, call: KernelCall): boolean {
  const k = kernels();
  if (!k) return false;
  const state = new Int32Array(k.memory.buffer, 0, 4);
  const view = new Float64Array(k.memory.buffer, OUT_OFFSET, CHUNK);
  state.set(s);
  for (let i = start; i < end; ) {
    const m = Math.min(CHUNK, end - i);
    call(k, m);
    out.set(m === CHUNK ? view : view.subarray(0, m), i);
    i += m;
  }
  s.set(state);
  return true;
}

/**
 * Fills `out` (even length <= 2 * CHUNK) with PCG64 outputs as (low, high)
 * word pairs from `state` (state then increment, eight uint32 words, least
 * significant first), updating the state words. False without WebAssembly.
 */
export function pcg64Fill(state: Uint32Array, out: Uint32Array): boolean {
  const k = kernels();
  if (!k) return false;
  const st = new Uint32Array(k.memory.buffer, 16, 8);
  st.set(state);
  for (let i = 0; i < out.length; ) {
    const words = Math.min(2 * CHUNK, out.length - i);
    k.pcg64Fill(words / 2);
    out.set(new Uint32Array(k.memory.buffer, OUT_OFFSET, words), i);
    i += words;
  }
  state.set(st.subarray(0, 4));
  return true;
}
