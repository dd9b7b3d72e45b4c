import type { BitGenerator } from "./bit-generator.js";
import type { KernelCall } from "./wasm/kernels.js";

/** Words drawn from the bit generator at a time (an even number: 64-bit draws are word pairs). */
export const BLOCK = 4096;
const TWO_M53 = 1.1102230246251565e-16; // 2 ** -53

/** Serializable position of a {@link WordStream}. */
export interface StreamState {
  /** Bit-generator state at the start of the current block. */
  readonly blockStart: number[];
  /** Words of that block already consumed (0 when no block is in progress). */
  readonly offset: number;
  /** The buffered upper half of a 64-bit draw of which a 32-bit draw used the lower half, or -1. */
  readonly half?: number;
}

/**
 * A buffered reader of 64-bit draws, stored as word pairs (low, high) in
 * `buf`; `pos` is always even. Distributions read pairs at `pos` and call
 * {@link refill} when the block runs out. A 32-bit draw ({@link u32}) uses
 * the low half of a fresh 64-bit draw and keeps the high half for the next
 * 32-bit draw, as numpy's `next_uint32` does, so integer streams match
 * numpy's for the same bit generator. Every sampler, scalar or bulk, consumes
 * draws in the same order, so `normal(0, 1, 5)` equals five scalar draws.
 */
export class WordStream {
  readonly buf = new Uint32Array(BLOCK);
  pos = BLOCK;
  /** Buffered high half for {@link u32}, or -1. */
  half = -1;
  private blockStart: number[];

  constructor(readonly bitGenerator: BitGenerator) {
    this.blockStart = bitGenerator.getState();
  }

  /** Draws the next block of words. */
  refill(): void {
    this.blockStart = this.bitGenerator.getState();
    this.bitGenerator.fill(this.buf);
    this.pos = 0;
  }

  /** The low word of the next 64-bit draw (call {@link hi} right after for the high word). */
  lo(): number {
    if (this.pos >= BLOCK) this.refill();
    return this.buf[this.pos]!;
  }

  /** The high word of the draw whose low word {@link lo} returned; advances past it. */
  hi(): number {
    const v = this.buf[this.pos + 1]!;
    this.pos += 2;
    return v;
  }

  /** A 32-bit draw, as an unsigned integer (numpy's buffered `next_uint32`). */
  u32(): number {
    const h = this.half;
    if (h >= 0) {
      this.half = -1;
      return h;
    }
    if (this.pos >= BLOCK) this.refill();
    const v = this.buf[this.pos]!;
    this.half = this.buf[this.pos + 1]!;
    this.pos += 2;
    return v;
  }

  /** A double in [0, 1) with 53 random bits (numpy's `next_double`). */
  double(): number {
    if (this.pos >= BLOCK) this.refill();
    const p = this.pos;
    this.pos = p + 2;
    return (this.buf[p + 1]! * 2097152 + (this.buf[p]! >>> 11)) * TWO_M53;
  }

  /** Fills `out[start:end)` with doubles in [0, 1) (same draws as repeated {@link double}). */
  fillDouble(out: Float64Array, start = 0, end = out.length): void {
    const buf = this.buf;
    let pos = this.pos;
    let i = start;
    for (; i < end && pos < BLOCK; i++, pos += 2) out[i] = (buf[pos + 1]! * 2097152 + (buf[pos]! >>> 11)) * TWO_M53;
    this.pos = pos;
    if (i === end) return;
    const bg = this.bitGenerator;
    if (bg.fillDoubles) {
      bg.fillDoubles(out, i, end);
      return;
    }
    while (i < end) {
      this.refill();
      const stop = Math.min(end, i + BLOCK / 2);
      pos = 0;
      for (; i < stop; i++, pos += 2) out[i] = (buf[pos + 1]! * 2097152 + (buf[pos]! >>> 11)) * TWO_M53;
      this.pos = pos;
    }
  }

  /**
   * Hands the unread rest of the block back: rewinds the bit generator to
   * the next unread word (block start, then the consumed words again) and
   * empties the buffer. The stream of words is unchanged.
   */
  release(): void {
    if (this.pos >= BLOCK) return;
    const used = this.pos;
    this.bitGenerator.setState(this.blockStart);
    if (used > 0) this.bitGenerator.fill(new Uint32Array(used));
    this.pos = BLOCK;
  }

  /**
   * Fills `out[start:end)` with a WebAssembly kernel when the bit generator
   * has them (see {@link BitGenerator.bulk}); false when it has none.
   */
  bulk(out: Float64Array, start: number, end: number, call: KernelCall): boolean {
    const bg = this.bitGenerator;
    if (!bg.bulk || end - start < 64) return false;
    this.release();
    return bg.bulk(out, start, end, call);
  }

  getState(): StreamState {
    return this.pos >= BLOCK
      ? { blockStart: this.bitGenerator.getState(), offset: 0, half: this.half }
      : { blockStart: [...this.blockStart], offset: this.pos, half: this.half };
  }

  setState(state: StreamState): void {
    this.bitGenerator.setState(state.blockStart);
    this.blockStart = [...state.blockStart];
    this.half = state.half ?? -1;
    if (state.offset > 0) {
      this.refill();
      this.pos = state.offset;
    } else {
      this.pos = BLOCK;
    }
  }
}
