import type { BitGenerator } from "./bit-generator.js";

/** Words drawn from the bit generator at a time. */
export const BLOCK = 2048;
const TWO_M53 = 1.1102230246251565e-16; // 2 ** -53

/** Serializable position of a {@link WordStream}. */
export interface StreamState {
  /** Bit-generator state at the start of the current block. */
  readonly blockStart: number[];
  /** Words of that block already consumed (0 when no block is in progress). */
  readonly offset: number;
}

/**
 * A buffered reader of 32-bit words: distributions read words from `buf` at
 * `pos` and call {@link refill} when it runs out. Two consecutive words, low
 * then high, form one 64-bit draw. Every sampler, scalar or bulk, consumes
 * words in the same order, so `normal(0, 1, 5)` equals five scalar draws.
 */
export class WordStream {
  readonly buf = new Uint32Array(BLOCK);
  pos = BLOCK;
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

  /** The next 32-bit word, as an unsigned integer. */
  u32(): number {
    if (this.pos >= BLOCK) this.refill();
    return this.buf[this.pos++]!;
  }

  /** A double in [0, 1) with 53 random bits (numpy's `next_double`). */
  double(): number {
    const lo = this.u32();
    const hi = this.u32();
    return (hi * 2097152 + (lo >>> 11)) * TWO_M53;
  }

  /** Fills `out[start:end)` with doubles in [0, 1) (same words as repeated {@link double}). */
  fillDouble(out: Float64Array, start = 0, end = out.length): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      if (pos > BLOCK - 2) {
        this.pos = pos;
        out[i] = this.double();
        pos = this.pos;
        continue;
      }
      out[i] = (buf[pos + 1]! * 2097152 + (buf[pos]! >>> 11)) * TWO_M53;
      pos += 2;
    }
    this.pos = pos;
  }

  getState(): StreamState {
    return this.pos >= BLOCK
      ? { blockStart: this.bitGenerator.getState(), offset: 0 }
      : { blockStart: [...this.blockStart], offset: this.pos };
  }

  setState(state: StreamState): void {
    this.bitGenerator.setState(state.blockStart);
    this.blockStart = [...state.blockStart];
    if (state.offset > 0) {
      this.refill();
      this.pos = state.offset;
    } else {
      this.pos = BLOCK;
    }
  }
}
