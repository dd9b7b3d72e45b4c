import { expTail } from "./exp.js";
import { LOG_INVC, LOG_LOGC, LOG_LOGCTAIL } from "./log-tables.js";

/*
 * log(x) as a double-double hi + lo, and pow(x, y) = exp(y log x) on it, by
 * the method of ARM's optimized-routines pow (N = 128, the variant without
 * fused multiply-add): x = 2^k z with z in [0.7056, 1.4112), z = c (1 + r)
 * where 1/c (a table entry with 8 significant bits) makes r = z/c - 1 exact,
 * log x = k ln2 + log c + log1p(r) with log1p by its Taylor series to r^8
 * (|r| < 0.0058: truncation below 2^-70 relative). The product y * log x is
 * formed exactly by Veltkamp splitting, and its low part goes into the
 * reduced argument of the table exponential of ./exp.ts. Measured against
 * mpmath (test/fixtures/mathref_pow.json): log correctly rounded at every
 * point, pow within 0.5005 ulp. V8's Math.pow costs ~60 ns.
 */

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1: k * LN2_HI is exact
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
const OFF_HI = 0x3fe69555; // high word of 0x3fe6955500000000: start of z's range
const SPLIT = 134217729; // 2^27 + 1: Veltkamp splitting into 26-bit halves
const A1 = -2 / 3; // log1p(r) = r - r^2/2 + p(r), p written in -r^3/2 and -r^2/2
const A2 = 0.5;
const A3 = 0.8;
const A4 = -2 / 3;
const A5 = -8 / 7;
const A6 = 1;
const MIN_NORMAL = 2.2250738585072014e-308;
const SPLIT32 = 4294967297; // 2^32 + 1

/** 2^e for integer e in [-1024, 1023], exact, at index e + 1024. */
const POW2 = new Float64Array(2048);
for (let e = -1024, v = 2 ** -1024; e <= 1023; e++, v *= 2) POW2[e + 1024] = v;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: U32[1] is the high word

/** The low part of the last {@link logHiLo} result. */
let tail = 0;

/** log(x) for x positive, normal and finite, as hi + lo with |lo| < 2^-7 |hi|: returns hi, leaves lo in `tail`. */
function logHiLo(x: number): number {
  F64[0] = x;
  const tmp = (U32[1]! - OFF_HI) | 0;
  const i = (tmp >> 13) & 127;
  const kd = tmp >> 20;
  const z = x * POW2[1024 - kd]!; // x 2^-k, exact (k <= 1024)
  const t = z * SPLIT32;
  const zhi = t - (t - z); // z rounded to 21 bits: zhi / c is exact
  const zlo = z - zhi;
  const invc = LOG_INVC[i]!;
  const rhi = zhi * invc - 1; // exact
  const rlo = zlo * invc; // exact
  const r = rhi + rlo;
  const t1 = kd * LN2_HI + LOG_LOGC[i]!;
  const t2 = t1 + r;
  const lo1 = kd * LN2_LO + LOG_LOGCTAIL[i]!;
  const lo2 = t1 - t2 + r;
  const ar = -0.5 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const arhi = -0.5 * rhi;
  const arhi2 = rhi * arhi;
  const hi = t2 + arhi2;
  const lo3 = rlo * (ar + arhi);
  const lo4 = t2 - hi + arhi2;
  const p = ar3 * (A1 + r * A2 + ar2 * (A3 + r * A4 + ar2 * (A5 + r * A6)));
  tail = lo1 + lo2 + (lo3 + lo4) + p;
  return hi;
}

/** Natural logarithm (within 0.51 ulp, see above); non-positive, subnormal and non-finite x defer to Math.log. */
export function log(x: number): number {
  if (!(x >= MIN_NORMAL && x < Infinity)) return Math.log(x);
  const hi = logHiLo(x);
  return hi + tail;
}

/**
 * x^y (within 0.52 ulp, see above) for x > 0; y = 2 and y = 1 exactly
 * (x * x, x); other x, non-finite y and results outside e^±700 defer to
 * Math.pow.
 */
export function pow(x: number, y: number): number {
  if (y === 2) return x * x; // correctly rounded, as Math.pow
  if (y === 1) return x;
  if (!(x >= MIN_NORMAL && x < Infinity)) return Math.pow(x, y);
  const hi = logHiLo(x);
  let t = SPLIT * hi;
  const lhi = t - (t - hi);
  const llo = hi - lhi + tail;
  t = SPLIT * y;
  const yhi = t - (t - y);
  const ylo = y - yhi;
  const ehi = yhi * lhi; // exact: 26-bit halves
  const elo = ylo * lhi + y * llo;
  const e = ehi + elo;
  if (!(Math.abs(e) < 700)) return Math.pow(x, y);
  return expTail(ehi, elo);
}
