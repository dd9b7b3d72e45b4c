import { EXP_H, EXP_TAIL } from "./exp-tables.js";

/*
 * exp(x) by table reduction (the method of ARM's optimized-routines exp,
 * N = 128): x = k ln2/128 + r, exp(x) = 2^(k>>7) · 2^((k&127)/128) · e^r,
 * with a degree-5 polynomial for e^r and a 128-entry table of 2^(j/128)
 * split into a double H[j] and its relative error. Error about 0.51 ulp.
 * The WebAssembly lognormal kernel (./wasm/kernels.wat) runs the very same
 * operations, so scalar and bulk lognormal draws are identical. V8's Math.exp
 * (fdlibm) costs ~12 ns; this ~4 ns in WebAssembly.
 */

const INV_LN2_N = 184.6649652337873; // 128 / ln 2
const SHIFT = 6755399441055744; // 1.5 * 2^52: adding it rounds to an integer
const NEG_LN2_HI_N = -0.005415212348111709; // -ln2/128, high part (-0x1.62e42fefa0000p-8)
const NEG_LN2_LO_N = -1.2864023111638346e-14; // low part (-0x1.cf79abc9e3b3ap-47)
const C2 = 0.49999999999996786;
const C3 = 0.16666666666665886;
const C4 = 0.0416666808410674;
const C5 = 0.008333335853059549;

/** 2^e for integer e in [-1022, 1023], exact. */
const POW2 = new Float64Array(2046);
for (let e = -1022, v = 2 ** -1022; e <= 1023; e++, v *= 2) POW2[e + 1022] = v;

/** e^x; outside |x| < 512 (and for tiny |x|) it defers to Math.exp. */
export function exp(x: number): number {
  if (!(Math.abs(x) < 512) || Math.abs(x) < 5.551115123125783e-17) return Math.exp(x);
  const z = INV_LN2_N * x;
  let kd = z + SHIFT;
  kd -= SHIFT;
  const r = x + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N;
  const k = kd | 0;
  const j = k & 127;
  const scale = EXP_H[j]! * POW2[(k >> 7) + 1022]!;
  const r2 = r * r;
  const tmp = EXP_TAIL[j]! + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  return scale + scale * tmp;
}

/**
 * e^(x + xtail) for |xtail| << |x| (the tail of a double-double argument,
 * added to the reduced argument as ARM's `exp_inline` does), for |x| < 700;
 * the caller handles the other ranges. Used by {@link pow} in ./log.ts.
 */
export function expTail(x: number, xtail: number): number {
  const z = INV_LN2_N * x;
  let kd = z + SHIFT;
  kd -= SHIFT;
  const r = x + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N + xtail;
  const k = kd | 0;
  const j = k & 127;
  const scale = EXP_H[j]! * POW2[(k >> 7) + 1022]!;
  const r2 = r * r;
  const tmp = EXP_TAIL[j]! + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  return scale + scale * tmp;
}
