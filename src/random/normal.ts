import { BLOCK, type WordStream } from "./stream.js";
import { NORMAL_TABLES, NOR_INV_R, NOR_R } from "./ziggurat.js";

const { k: KI, w: WI, f: FI } = NORMAL_TABLES;

/** The rare ziggurat path: the tail (idx 0) or a wedge test. `NaN` means "draw again". */
function normalSlow(st: WordStream, idx: number, x: number, lo: number): number {
  if (idx === 0) {
    for (;;) {
      const xx = -NOR_INV_R * Math.log(1 - st.double());
      const yy = -Math.log(1 - st.double());
      if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
    }
  }
  return (FI[idx - 1]! - FI[idx]!) * st.double() + FI[idx]! < Math.exp(-0.5 * x * x) ? x : NaN;
}

/**
 * One standard normal draw by numpy's 256-layer ziggurat: one 64-bit word
 * gives the layer (8 bits), the sign (1 bit) and a 52-bit magnitude.
 */
export function standardNormal(st: WordStream): number {
  for (;;) {
    const lo = st.lo();
    const hi = st.hi();
    const idx = lo & 0xff;
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx]!;
    if ((lo >>> 8) & 1) x = -x;
    if (rabs < KI[idx]!) return x;
    const y = normalSlow(st, idx, x, lo);
    if (y === y) return y;
  }
}

/**
 * The fast path over the buffered block: writes draws from `out[i]` on until
 * the block ends or a draw needs the slow path (left unconsumed at `st.pos`).
 * Returns the next index to fill. A separate small function so the hot loop
 * stays free of calls (V8 optimizes it as a whole).
 */
function normalRun(buf: Uint32Array, st: WordStream, out: Float64Array, i: number, n: number, loc: number, scale: number): number {
  let pos = st.pos;
  while (i < n && pos < BLOCK) {
    const lo = buf[pos]!;
    const idx = lo & 0xff;
    const rabs = (buf[pos + 1]! & 0x1fffffff) * 8388608 + (lo >>> 9);
    if (rabs >= KI[idx]!) break;
    pos += 2;
    const x = rabs * WI[idx]!;
    out[i++] = loc + scale * (x * (1 - ((lo >>> 7) & 2))); // branch-free sign (bit 8): exactly ±x
  }
  st.pos = pos;
  return i;
}

/** Fills `out` with `loc + scale * N(0, 1)`; same draws as repeated {@link standardNormal}. */
export function fillNormal(st: WordStream, out: Float64Array, loc = 0, scale = 1): void {
  const n = out.length;
  const buf = st.buf;
  let i = 0;
  if (st.bulk(out, 0, n, (k, m) => k.normal(m, loc, scale))) return; // WebAssembly: same words, same numbers
  while (i < n) {
    if (st.pos >= BLOCK) st.refill();
    i = normalRun(buf, st, out, i, n, loc, scale);
    if (i < n && st.pos < BLOCK) out[i++] = loc + scale * standardNormal(st);
  }
}
