import type { WordStream } from "./stream.js";

/**
 * An integer in [0, range) for 1 <= range <= 2^32, by Lemire's multiply-shift
 * with rejection (the method numpy's Generator uses for 32-bit ranges): the
 * 64-bit product of a word and `range` is split into exact 16-bit halves.
 */
export function boundedU32(st: WordStream, range: number): number {
  if (range === 4294967296) return st.u32();
  let threshold = -1;
  for (;;) {
    const w = st.u32();
    const wh = w >>> 16;
    const wl = w & 0xffff;
    // w * range = (wh*2^16 + wl) * range; compute high and low 32-bit halves exactly.
    const a = wl * range; // < 2^48
    const b = wh * range; // < 2^48
    const mid = b + Math.floor(a / 65536); // (w*range) >> 16, < 2^49
    const high = Math.floor(mid / 65536); // (w*range) >> 32
    const low = ((mid % 65536) * 65536 + (a % 65536)) >>> 0; // (w*range) & 0xffffffff
    if (low >= range) return high;
    if (threshold < 0) threshold = (4294967296 - range) % range;
    if (low >= threshold) return high;
  }
}

/**
 * An integer in [0, range) for ranges up to 2^53, by masked rejection on
 * 53-bit draws when the range exceeds 32 bits.
 */
export function boundedInt(st: WordStream, range: number): number {
  if (range <= 4294967296) return boundedU32(st, range);
  const bits = Math.ceil(Math.log2(range));
  const hiMask = 2 ** (bits - 32);
  for (;;) {
    const lo = st.u32();
    const hi = st.u32() % hiMask;
    const v = hi * 4294967296 + lo;
    if (v < range) return v;
  }
}
