import { BLOCK, type WordStream } from "./stream.js";
import { EXPONENTIAL_TABLES, EXP_R } from "./ziggurat.js";

const { k: KE, w: WE, f: FE } = EXPONENTIAL_TABLES;

/** One standard exponential draw by numpy's 256-layer ziggurat. */
export function standardExponential(st: WordStream): number {
  for (;;) {
    const lo = st.lo();
    const hi = st.hi();
    const idx = (lo >>> 3) & 0xff;
    const ri = hi * 2097152 + (lo >>> 11);
    const x = ri * WE[idx]!;
    if (ri < KE[idx]!) return x;
    if (idx === 0) return EXP_R - Math.log(1 - st.double());
    if ((FE[idx - 1]! - FE[idx]!) * st.double() + FE[idx]! < Math.exp(-x)) return x;
  }
}

/** Fills `out` with `scale * Exp(1)`; same words as repeated {@link standardExponential}. */
export function fillExponential(st: WordStream, out: Float64Array, scale = 1): void {
  const buf = st.buf;
  let pos = st.pos;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    if (pos < BLOCK) {
      const lo = buf[pos]!;
      const idx = (lo >>> 3) & 0xff;
      const ri = buf[pos + 1]! * 2097152 + (lo >>> 11);
      if (ri < KE[idx]!) {
        pos += 2;
        out[i] = scale * ri * WE[idx]!;
        continue;
      }
    }
    st.pos = pos;
    out[i] = scale * standardExponential(st);
    pos = st.pos;
  }
  st.pos = pos;
}
