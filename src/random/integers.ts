import { BLOCK, type WordStream } from "./stream.js";

/** Ranges up to this bound have an exact word × range product in a double (< 2^53). */
const EXACT_RANGE = 2097152; // 2^21
const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/**
 * An integer in [0, range) for 1 <= range <= 2^32, by Lemire's multiply-shift
 * with rejection on buffered 32-bit draws, exactly as numpy's
 * `buffered_bounded_lemire_uint32` (range 1 draws nothing, as numpy). The
 * 64-bit product of a word and `range` is split into exact 16-bit halves.
 */
export function boundedU32(st: WordStream, range: number): number {
  if (range === 1) return 0;
  if (range === 4294967296) return st.u32();
  if (range <= EXACT_RANGE) {
    // one exact product: high = floor(p / 2^32), low = p mod 2^32
    let threshold = -1;
    for (;;) {
      const p = st.u32() * range;
      const high = Math.floor(p * TWO_M32);
      const low = p - high * 4294967296;
      if (low >= range) return high;
      if (threshold < 0) threshold = (4294967296 - range) % range;
      if (low >= threshold) return high;
    }
  }
  let threshold = -1;
  for (;;) {
    const w = st.u32();
    const a = (w & 0xffff) * range; // < 2^48
    const mid = (w >>> 16) * range + Math.floor(a / 65536); // (w*range) >> 16
    const high = Math.floor(mid / 65536); // (w*range) >> 32
    const low = ((mid % 65536) * 65536 + (a % 65536)) >>> 0; // (w*range) & 0xffffffff
    if (low >= range) return high;
    if (threshold < 0) threshold = (4294967296 - range) % range;
    if (low >= threshold) return high;
  }
}

/**
 * Fills `out[start:end)` with `low` + integers in [0, range): the same words
 * and results as repeated {@link boundedInt} calls, read straight from the
 * stream's block (numpy's bulk `random_bounded_uint32_fill` with the Lemire
 * threshold computed once).
 */
export function fillBoundedInt(st: WordStream, out: Float64Array, low: number, range: number, start = 0, end = out.length): void {
  let i = start;
  if (range > EXACT_RANGE || range === 1) {
    for (; i < end; i++) out[i] = low + boundedInt(st, range);
    return;
  }
  // the buffered high half of a pair goes first, as u32() would use it
  for (; i < end && st.half >= 0; i++) out[i] = low + boundedU32(st, range);
  if (i === end) return;
  const threshold = (4294967296 - range) % range; // < range, so `low >= threshold` covers numpy's two tests
  const buf = st.buf;
  let pos = st.pos;
  while (i < end) {
    if (pos >= BLOCK) {
      st.refill();
      pos = 0;
    }
    const p = buf[pos++]! * range;
    const high = Math.floor(p * TWO_M32);
    if (p - high * 4294967296 >= threshold) out[i++] = low + high;
  }
  if (pos & 1) {
    // the low word of a pair was used: its high word is buffered for the next 32-bit draw
    st.half = buf[pos]!;
    pos++;
  }
  st.pos = pos;
}

const TWO64 = 1n << 64n;

/**
 * An integer in [0, range) for ranges up to 2^53: Lemire on 32-bit draws
 * for ranges up to 2^32, else Lemire on 64-bit draws (numpy's
 * `random_bounded_uint64`, 128-bit product in BigInt on this rare path).
 */
export function boundedInt(st: WordStream, range: number): number {
  if (range <= 4294967296) return boundedU32(st, range);
  const r = BigInt(range);
  const threshold = (TWO64 - r) % r;
  for (;;) {
    const lo = st.lo();
    const hi = st.hi();
    const m = (BigInt(hi) * 4294967296n + BigInt(lo)) * r;
    if ((m & (TWO64 - 1n)) >= threshold) return Number(m >> 64n);
  }
}

/**
 * An integer in [0, max] by masked rejection (numpy's `random_interval`,
 * used by `shuffle`, `permutation` and the hypergeometric sampler).
 */
export function randomInterval(st: WordStream, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    for (;;) {
      const v = (st.u32() & mask) >>> 0;
      if (v <= max) return v;
    }
  }
  const hiMask = 2 ** Math.ceil(Math.log2(Math.floor(max / 4294967296) + 1)) - 1;
  for (;;) {
    const lo = st.lo();
    const hi = st.hi() & hiMask;
    const v = hi * 4294967296 + lo;
    if (v <= max) return v;
  }
}
