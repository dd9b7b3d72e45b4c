/**
 * Turns a real and a synthetic table into numeric row-major matrices with
 * one shared encoding (fitted on the real rows): the input of the detection,
 * pMSE, utility and privacy metrics. Internal.
 */
import type { Column } from "../core/column.js";
import type { Table } from "../core/table.js";
import { sharedCodes } from "./columns.js";

/** Options of {@link encodePair}. */
export interface EncodeOptions {
  /** Columns to encode (default: every column of `real`). */
  columns?: readonly string[];
  /**
   * `"standard"`: (v − mean) / std of the real column (models);
   * `"range"`: (v − min) / (max − min) of the real column (distances, SDMetrics' DCR scaling).
   * @defaultValue "standard"
   */
  scale?: "standard" | "range";
  /** Categories kept per column (the most frequent in the real data); the rest share one "other" indicator. @defaultValue 20 */
  maxLevels?: number;
  /** Value of a one-hot indicator (1/√2 makes two different categories exactly 1 apart). @defaultValue 1 */
  oneHot?: number;
}

/** Both tables encoded. */
export interface EncodedPair {
  readonly real: Float64Array;
  readonly synthetic: Float64Array;
  readonly nReal: number;
  readonly nSynthetic: number;
  /** Encoded columns. */
  readonly d: number;
  /** A label per encoded column (`col`, `col=level`, `col missing`). */
  readonly features: string[];
  /** Where each source column went: `width` encoded columns from `start` (numbers: the value, then a missing indicator when present; categories: one-hot). */
  readonly groups: { column: string; start: number; width: number; kind: "number" | "onehot" }[];
}

function numericValues(c: Column): Float64Array {
  if (c.kind === "boolean") return Float64Array.from(c.values, (v) => (v < 0 ? NaN : v));
  return c.values as Float64Array;
}

/** Encodes `real` and `synthetic` (same column names) with the encoding fitted on `real`. */
export function encodePair(real: Table, synthetic: Table, options: EncodeOptions = {}): EncodedPair {
  const { columns = real.columnNames, scale = "standard", maxLevels = 20, oneHot = 1 } = options;
  const nr = real.nRows;
  const ns = synthetic.nRows;
  const realCols: Float64Array[] = [];
  const synCols: Float64Array[] = [];
  const features: string[] = [];
  const groups: EncodedPair["groups"] = [];
  for (const name of columns) {
    const start = realCols.length;
    const rc = real.columnInfo(name);
    const sc = synthetic.columnInfo(name);
    if (rc.kind === "categorical" || sc.kind === "categorical") {
      const codes = sharedCodes(rc, sc);
      const L = codes.levels.length;
      const counts = new Float64Array(L);
      for (let i = 0; i < nr; i++) counts[codes.real[i]!]! += 1;
      const order = Array.from({ length: L }, (_, k) => k).sort((a, b) => counts[b]! - counts[a]! || a - b);
      const kept = order.slice(0, Math.min(L, maxLevels)).filter((k) => counts[k]! > 0);
      const slot = new Int32Array(L).fill(-1);
      kept.forEach((k, s) => (slot[k] = s));
      const hasOther = L > kept.length;
      const width = kept.length + (hasOther ? 1 : 0);
      for (let s = 0; s < width; s++) {
        const rv = new Float64Array(nr);
        const sv = new Float64Array(ns);
        realCols.push(rv);
        synCols.push(sv);
        features.push(s < kept.length ? `${name}=${codes.levels[kept[s]!]}` : `${name}=(other)`);
      }
      const base = realCols.length - width;
      const fill = (src: Int32Array, dst: Float64Array[], n: number) => {
        for (let i = 0; i < n; i++) {
          const s = slot[src[i]!]!;
          dst[base + (s >= 0 ? s : width - 1)]![i] = oneHot;
        }
      };
      fill(codes.real, realCols, nr);
      fill(codes.synthetic, synCols, ns);
      groups.push({ column: name, start, width, kind: "onehot" });
      continue;
    }
    const rv = numericValues(rc);
    const sv = numericValues(sc);
    let center = 0;
    let spread = 1;
    let missing = false;
    if (scale === "standard") {
      let s = 0;
      let m = 0;
      for (let i = 0; i < nr; i++) if (Number.isFinite(rv[i]!)) (s += rv[i]!, m++);
      center = m ? s / m : 0;
      let ss = 0;
      for (let i = 0; i < nr; i++) if (Number.isFinite(rv[i]!)) ss += (rv[i]! - center) ** 2;
      spread = m > 1 ? Math.sqrt(ss / (m - 1)) : 1;
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < nr; i++) {
        const v = rv[i]!;
        if (Number.isFinite(v)) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      center = Number.isFinite(lo) ? lo : 0;
      spread = hi > lo ? hi - lo : 1;
    }
    if (!(spread > 0) || !Number.isFinite(spread)) spread = 1;
    const r = new Float64Array(nr);
    const s = new Float64Array(ns);
    for (let i = 0; i < nr; i++) {
      const v = rv[i]!;
      if (Number.isFinite(v)) r[i] = (v - center) / spread;
      else missing = true;
    }
    for (let i = 0; i < ns; i++) {
      const v = sv[i]!;
      if (Number.isFinite(v)) s[i] = (v - center) / spread;
      else missing = true;
    }
    realCols.push(r);
    synCols.push(s);
    features.push(name);
    if (missing) {
      const rm = new Float64Array(nr);
      const sm = new Float64Array(ns);
      for (let i = 0; i < nr; i++) if (!Number.isFinite(rv[i]!)) rm[i] = oneHot;
      for (let i = 0; i < ns; i++) if (!Number.isFinite(sv[i]!)) sm[i] = oneHot;
      realCols.push(rm);
      synCols.push(sm);
      features.push(`${name} missing`);
    }
    groups.push({ column: name, start, width: realCols.length - start, kind: "number" });
  }
  const d = realCols.length;
  const toRows = (cols: Float64Array[], n: number): Float64Array => {
    const out = new Float64Array(n * d);
    for (let j = 0; j < d; j++) {
      const c = cols[j]!;
      for (let i = 0; i < n; i++) out[i * d + j] = c[i]!;
    }
    return out;
  };
  return { real: toRows(realCols, nr), synthetic: toRows(synCols, ns), nReal: nr, nSynthetic: ns, d, features, groups };
}
