import type { SeedValue } from "./seed.js";
import type { KernelCall } from "./wasm/kernels.js";

/**
 * A bit generator makes raw 64-bit draws, delivered as pairs of 32-bit words
 * (low half first); an {@link Rng} turns them into distributions (numpy's
 * split between `BitGenerator` and `Generator`).
 */
export interface BitGenerator {
  /** Registry name, e.g. `"xoshiro128**"`. */
  readonly name: string;
  /** Fills `out` (even length) with the next `out.length / 2` 64-bit draws, low word first. */
  fill(out: Uint32Array): void;
  /**
   * Optional fast path: fills `out[start:end)` with doubles in [0, 1), each
   * `(hi * 2^21 + (lo >>> 11)) * 2^-53` of the next 64-bit draw, advancing the
   * state exactly as {@link fill} of `2 * (end - start)` words would.
   */
  fillDoubles?(out: Float64Array, start: number, end: number): void;
  /**
   * Optional: runs a WebAssembly bulk kernel (./wasm/kernels.wat) from this
   * generator's current state over `out[start:end)`, advancing the state by
   * exactly the words the JavaScript samplers would consume. Returns false
   * to decline (the caller then runs its own loop).
   */
  bulk?(out: Float64Array, start: number, end: number, call: KernelCall): boolean;
  /** A copy of the internal state, as plain numbers (JSON-safe). */
  getState(): number[];
  /** Restores a state returned by {@link getState}. */
  setState(state: readonly number[]): void;
}

/** Constructs a bit generator from a user seed and a spawn path (numpy's `SeedSequence(seed, spawn_key)`). */
export type BitGeneratorFactory = (seed: SeedValue, spawnKey: readonly number[]) => BitGenerator;
