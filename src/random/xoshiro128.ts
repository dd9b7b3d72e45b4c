import type { BitGenerator } from "./bit-generator.js";
import { runKernel, type KernelCall } from "./wasm/kernels.js";

/**
 * xoshiro128** 1.1 (Blackman & Vigna 2018): 128-bit state, period 2^128 - 1,
 * passes BigCrush and PractRand. 32-bit operations only, so it runs at full
 * speed in JavaScript. synthlab's default bit generator.
 */
export class Xoshiro128 implements BitGenerator {
  readonly name = "xoshiro128**";
  private readonly s = new Int32Array(4);

  constructor(seedWords: Uint32Array) {
    this.s.set(seedWords.subarray(0, 4));
    // The all-zero state is the one state xoshiro cannot leave.
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 0x9e3779b9 | 0;
  }

  fill(out: Uint32Array): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let i = 0, n = out.length; i < n; i++) {
      const m = Math.imul(s1, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  fillDoubles(out: Float64Array, start: number, end: number): void {
    if (end - start >= 256 && runKernel(this.s, out, start, end, (k, n) => k.uniform(n))) return;
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let i = start; i < end; i++) {
      let m = Math.imul(s1, 5);
      const lo = Math.imul((m << 7) | (m >>> 25), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const hi = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = ((hi >>> 0) * 2097152 + (lo >>> 11)) * 1.1102230246251565e-16;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  bulk(out: Float64Array, start: number, end: number, call: KernelCall): boolean {
    return runKernel(this.s, out, start, end, call);
  }

  getState(): number[] {
    return Array.from(this.s, (v) => v >>> 0);
  }

  setState(state: readonly number[]): void {
    if (state.length !== 4 || state.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff)) {
      throw new RangeError(`xoshiro128**: state must be four uint32 words, got ${JSON.stringify(state)}.`);
    }
    if (state.every((v) => v === 0)) throw new RangeError("xoshiro128**: the all-zero state is invalid.");
    for (let i = 0; i < 4; i++) this.s[i] = state[i]! | 0;
  }
}
