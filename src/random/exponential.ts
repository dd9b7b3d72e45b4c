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

/** The fast path over the buffered block (see normal.ts's `normalRun`). */
function exponentialRun(buf: Uint32Array, st: WordStream, out: Float64Array, i: number, n: number, scale: number): number {
  let pos = st.pos;
  while (i < n && pos < BLOCK) {
    const lo = buf[pos]!;
    const idx = (lo >>> 3) & 0xff;
    const ri = buf[pos + 1]! * 2097152 + (lo >>> 11);
    if (ri >= KE[idx]!) break;
    pos += 2;
    out[i++] = scale * (ri * WE[idx]!);
  }
  st.pos = pos;
  return i;
}

/** Fills `out` with `scale * Exp(1)`; same draws as repeated {@link standardExponential}. */
export function fillExponential(st: WordStream, out: Float64Array, scale = 1): void {
  const n = out.length;
  const buf = st.buf;
  let i = 0;
  if (st.bulk(out, 0, n, (k, m) => k.exponential(m, scale))) return; // WebAssembly: same words, same numbers
  while (i < n) {
    if (st.pos >= BLOCK) st.refill();
    i = exponentialRun(buf, st, out, i, n, scale);
    if (i < n && st.pos < BLOCK) out[i++] = scale * standardExponential(st);
  }
}
