/**
 * A bit generator makes raw 32-bit words; an {@link Rng} turns them into
 * distributions (numpy's split between `BitGenerator` and `Generator`).
 * Two consecutive words (low first, then high) form one 64-bit draw.
 */
export interface BitGenerator {
  /** Registry name, e.g. `"xoshiro128**"`. */
  readonly name: string;
  /** Fills `out` with the next `out.length` words of the stream. */
  fill(out: Uint32Array): void;
  /** A copy of the internal state, as plain numbers (JSON-safe). */
  getState(): number[];
  /** Restores a state returned by {@link getState}. */
  setState(state: readonly number[]): void;
}

/** Constructs a bit generator from 128 bits of seed material (four uint32 words). */
export type BitGeneratorFactory = (seedWords: Uint32Array) => BitGenerator;
