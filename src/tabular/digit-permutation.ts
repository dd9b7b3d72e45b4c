/**
 * A keyed bijection of mixed-radix digit vectors, the building block of
 * ids.ts: row indices go in, distinct random-looking ids come out, and no
 * table of used ids is needed to keep them unique.
 */

/** murmur3's 32-bit finalizer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ROUNDS = 8;

/**
 * A keyed bijection of [0, r0·r1·…·r(m-1)) written as digit vectors of radices
 * `radices` (most significant first). The digits are split into two groups A
 * and B of about equal size (by log of their ranges); 8 Feistel rounds
 * alternately add a keyed hash of B to A and of A to B, digit by digit, mod
 * each digit's radix. Adding mod a radix can be undone given the other group,
 * so every round, and the whole network, is a bijection whatever the hash.
 * One digit alone gets a keyed shuffle instead. This is format-preserving
 * encryption in the style of NIST's FF1 (which uses 10 AES rounds) without its
 * cryptographic claims: ids should look random, not resist analysis.
 *
 * @internal used by ids.ts; not part of the public API.
 */
export class DigitPermutation {
  private readonly radices: Uint8Array;
  private readonly split: number;
  private readonly key: Int32Array;
  private readonly table: Uint8Array | null = null;

  /**
   * @param radices - each digit's radix (2-255), most significant first
   * @param key - four 32-bit words
   * @param tweak - an integer mixed into the key, so one key gives several independent permutations
   */
  constructor(radices: ArrayLike<number>, key: ArrayLike<number>, tweak: number) {
    this.radices = Uint8Array.from(radices);
    const m = this.radices.length;
    this.key = Int32Array.from({ length: 4 }, (_, i) => fmix32(key[i]! ^ Math.imul(tweak + 1, 0x9e3779b9) ^ i) | 0);
    if (m === 1) {
      const r = this.radices[0]!;
      const t = Uint8Array.from({ length: r }, (_, i) => i);
      for (let i = r - 1; i > 0; i--) {
        const j = fmix32(this.key[0]! ^ Math.imul(i, 0x85ebca6b)) % (i + 1);
        const x = t[i]!;
        t[i] = t[j]!;
        t[j] = x;
      }
      this.table = t;
    }
    // Split where the two groups' log-sizes are closest.
    let total = 0;
    for (const r of this.radices) total += Math.log(r);
    let best = 1;
    let bestGap = Infinity;
    let acc = 0;
    for (let k = 1; k < m; k++) {
      acc += Math.log(this.radices[k - 1]!);
      const gap = Math.abs(total - 2 * acc);
      if (gap < bestGap) {
        bestGap = gap;
        best = k;
      }
    }
    this.split = best;
  }

  /** Writes the digits of the permuted `index` (< the product of the radices) into `out`. */
  apply(index: number, out: Uint8Array): void {
    const rad = this.radices;
    const key = this.key;
    const m = rad.length;
    if (this.table) {
      out[0] = this.table[index]!;
      return;
    }
    let x = index;
    for (let j = m - 1; j >= 0; j--) {
      let d = 0;
      if (x > 0) {
        const r = rad[j]!;
        d = x % r;
        x = (x - d) / r;
      }
      out[j] = d;
    }
    // Even rounds add F(B) to A, odd rounds F(A) to B: a Feistel network with the swap left implicit.
    const k = this.split;
    for (let round = 0; round < ROUNDS; round++) {
      const odd = round & 1;
      const lo = odd ? k : 0;
      const hi = odd ? m : k;
      // F: a keyed hash of the other group's digits, stretched by xorshift32 into one addend per digit.
      let h = key[round & 3]! ^ Math.imul(round + 1, 0x9e3779b9);
      for (let j = odd ? 0 : k, end = odd ? k : m; j < end; j++) h = Math.imul(h ^ out[j]!, 0x01000193) ^ (h >>> 15);
      h = fmix32(h ^ key[(round + 1) & 3]!) | 1;
      for (let j = lo; j < hi; j++) {
        h ^= h << 13;
        h ^= h >>> 17;
        h ^= h << 5;
        const r = rad[j]!;
        const v = out[j]! + (((h >>> 16) * r) >>> 16); // an addend in [0, r) without a division
        out[j] = v >= r ? v - r : v;
      }
    }
  }
}
