import { FE, FI, KE, KI, WE, WI } from "./ziggurat-tables.js";

/**
 * Ziggurat tables (Marsaglia & Tsang 2000) in numpy's layout: 256 layers,
 * 52-bit magnitudes for the normal, 53-bit for the exponential. The tables
 * in use are numpy's own (./ziggurat-tables.ts, data), so streams match
 * numpy's bit for bit; {@link buildZiggurat} recomputes them from the tail
 * points and layer areas (the test checks they agree to ~1e-9: the published
 * layer areas carry 12 digits, so a recomputation cannot be bit-exact).
 */
export interface ZigguratTables {
  /** Acceptance thresholds (integers below 2^53). */
  readonly k: Float64Array;
  /** Multipliers from integer to x. */
  readonly w: Float64Array;
  /** Density at each layer edge. */
  readonly f: Float64Array;
}

/** Normal tail point r and layer area v (numpy's `ziggurat_nor_r`). */
export const NOR_R = 3.6541528853610088;
export const NOR_INV_R = 0.27366123732975828;
const NOR_V = 4.92867323399e-3;
/** Exponential tail point r and layer area v (numpy's `ziggurat_exp_r`). */
export const EXP_R = 7.6971174701310497;
const EXP_V = 3.949659822581572e-3;

export function buildZiggurat(r: number, v: number, bits: number, density: (x: number) => number, inverse: (y: number) => number): ZigguratTables {
  const m = 2 ** bits;
  const k = new Float64Array(256);
  const w = new Float64Array(256);
  const f = new Float64Array(256);
  let dn = r;
  let tn = dn;
  const q = v / density(dn);
  k[0] = Math.floor((dn / q) * m);
  k[1] = 0;
  w[0] = q / m;
  w[255] = dn / m;
  f[0] = 1;
  f[255] = density(dn);
  for (let i = 254; i >= 1; i--) {
    dn = inverse(v / dn + density(dn));
    k[i + 1] = Math.floor((dn / tn) * m);
    tn = dn;
    f[i] = density(dn);
    w[i] = dn / m;
  }
  return { k, w, f };
}

/** Recomputes the normal tables (for the test). */
export const computeNormalTables = (): ZigguratTables =>
  buildZiggurat(NOR_R, NOR_V, 52, (x) => Math.exp(-0.5 * x * x), (y) => Math.sqrt(-2 * Math.log(y)));

/** Recomputes the exponential tables (for the test). */
export const computeExponentialTables = (): ZigguratTables =>
  buildZiggurat(EXP_R, EXP_V, 53, (x) => Math.exp(-x), (y) => -Math.log(y));

export const NORMAL_TABLES: ZigguratTables = { k: KI, w: WI, f: FI };
export const EXPONENTIAL_TABLES: ZigguratTables = { k: KE, w: WE, f: FE };
