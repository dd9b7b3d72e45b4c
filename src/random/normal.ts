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

/** Fills `out` with `loc + scale * N(0, 1)`; same words as repeated {@link standardNormal}. */
export function fillNormal(st: WordStream, out: Float64Array, loc = 0, scale = 1): void {
  const buf = st.buf;
  let pos = st.pos;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    if (pos < BLOCK) {
      const lo = buf[pos]!;
      const hi = buf[pos + 1]!;
      const idx = lo & 0xff;
      const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
      if (rabs < KI[idx]!) {
        pos += 2;
        const x = rabs * WI[idx]!;
        out[i] = loc + scale * ((lo >>> 8) & 1 ? -x : x);
        continue;
      }
    }
    st.pos = pos;
    out[i] = loc + scale * standardNormal(st);
    pos = st.pos;
  }
  st.pos = pos;
}
