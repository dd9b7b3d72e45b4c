/**
 * CTGAN's DataTransformer (sdv-dev/CTGAN data_transformer.py with RDT's
 * ClusterBasedNormalizer), on the model columns the shared TableTransformer
 * gives with `uniform` encoding. Internal to CTGAN and TVAE.
 *
 * - A numerical value column: mode-specific normalization. A variational
 *   Gaussian mixture (./bgm.ts, at most 10 modes) is fitted; modes with weight
 *   above 0.005 are kept. A value becomes a scalar α = (x − μ_m) / (4 σ_m),
 *   clipped to ±0.99, for a mode m drawn from its posterior, followed by the
 *   one-hot of m: 1 tanh column + one softmax span.
 * - A missing-value indicator, a categorical or a boolean column: the one-hot
 *   of its level (one softmax span); these are CTGAN's discrete columns, the
 *   ones the conditional vector picks from.
 *
 * Back: α · 4 σ_m + μ_m with m the arg-max mode (TVAE first adds its learned
 * noise to α); the arg-max level, written as the middle of the level's
 * interval of the uniform encoding, so the shared transformer decodes it.
 */
import type { Rng } from "../random/rng.js";
import type { Encoded, ModelColumn } from "../tabular/transformer.js";
import { searchSorted } from "../tabular/transformer.js";
import { fitBayesianMixture1D } from "./bgm.js";

/** One output column group of the transformed matrix. */
export interface Span {
  readonly kind: "tanh" | "softmax";
  readonly start: number;
  readonly width: number;
}

/** A transformed numerical column: its kept modes. */
export interface ContinuousInfo {
  readonly type: "continuous";
  /** Index of the model column (in the shared transformer's columns). */
  readonly column: number;
  readonly weights: number[];
  readonly means: number[];
  readonly stds: number[];
  /** The value written for missing rows before fitting (the mean). */
  readonly fill: number;
}

/** A transformed discrete column: its levels' intervals in the uniform encoding. */
export interface DiscreteInfo {
  readonly type: "discrete";
  readonly column: number;
  /** Lower ends of the levels' intervals, and widths (level k ↔ [lo_k, lo_k + width_k)). */
  readonly lo: number[];
  readonly width: number[];
  /** Frequency of each level among the real rows. */
  readonly frequencies: number[];
}

export type ColumnInfo = ContinuousInfo | DiscreteInfo;

/** The fitted transformer's saved form. */
export interface CtganTransformerJSON {
  columns: ColumnInfo[];
}

const STD_MULTIPLIER = 4;

function levelIntervals(spec: ModelColumn): { lo: number[]; width: number[] } | undefined {
  if (spec.type === "interval") {
    const lo: number[] = [];
    let s = 0;
    for (const f of spec.frequencies) (lo.push(s), (s += f));
    return { lo, width: [...spec.frequencies] };
  }
  if (spec.type === "missing") return { lo: [0, 1 - spec.rate], width: [1 - spec.rate, spec.rate] };
  return undefined;
}

/** Mode-specific normalization and one-hot levels for CTGAN and TVAE. */
export class CtganTransformer {
  readonly columns: ColumnInfo[];
  /** Output spans, in order (continuous: tanh then softmax; discrete: softmax). */
  readonly spans: Span[];
  /** For each discrete column: its span's index in `spans`. */
  readonly discreteSpans: number[];
  readonly width: number;

  constructor(columns: ColumnInfo[]) {
    this.columns = columns;
    const spans: Span[] = [];
    const discreteSpans: number[] = [];
    let o = 0;
    for (const c of columns) {
      if (c.type === "continuous") {
        spans.push({ kind: "tanh", start: o++, width: 1 });
        spans.push({ kind: "softmax", start: o, width: c.means.length });
        o += c.means.length;
      } else {
        discreteSpans.push(spans.length);
        spans.push({ kind: "softmax", start: o, width: c.lo.length });
        o += c.lo.length;
      }
    }
    this.spans = spans;
    this.discreteSpans = discreteSpans;
    this.width = o;
  }

  /** Fits the mixtures (and level tables) to the model columns. */
  static fit(enc: Encoded, maxModes = 10, weightThreshold = 0.005): CtganTransformer {
    const cols: ColumnInfo[] = [];
    enc.specs.forEach((spec, j) => {
      if (spec.type !== "value" && spec.type !== "interval" && spec.type !== "missing") throw new Error(`CtganTransformer: unexpected model column ${spec.type}`);
      const iv = levelIntervals(spec);
      const x = enc.columns[j]!;
      if (iv) {
        const freq = new Array<number>(iv.lo.length).fill(0);
        const cut = iv.lo.map((l, k) => l + iv.width[k]!);
        for (let i = 0; i < enc.n; i++) freq[searchSorted(cut, x[i]!)]! += 1 / enc.n;
        cols.push({ type: "discrete", column: j, lo: iv.lo, width: iv.width, frequencies: freq });
        return;
      }
      const present = Float64Array.from(x.filter((v) => v === v));
      let fill = 0;
      for (const v of present) fill += v / present.length;
      const mix = fitBayesianMixture1D(present, Math.min(maxModes, present.length));
      const keep = mix.weights.map((_, k) => k).filter((k) => mix.weights[k]! > weightThreshold);
      const kept = keep.length ? keep : [mix.weights.indexOf(Math.max(...mix.weights))];
      cols.push({ type: "continuous", column: j, weights: kept.map((k) => mix.weights[k]!), means: kept.map((k) => mix.means[k]!), stds: kept.map((k) => Math.max(mix.stds[k]!, 1e-9)), fill });
    });
    return new CtganTransformer(cols);
  }

  /**
   * The model columns as CTGAN's matrix (n × width, f32) and each discrete
   * column's level per row (for the conditional sampler). Modes are drawn
   * from their posterior (probabilities + 1e-6, renormalized) with `rng`.
   */
  transform(enc: Encoded, rng: Rng): { data: Float32Array; levels: Int32Array[] } {
    const n = enc.n;
    const w = this.width;
    const data = new Float32Array(n * w);
    const levels: Int32Array[] = [];
    let o = 0;
    for (const c of this.columns) {
      const x = enc.columns[c.column]!;
      if (c.type === "discrete") {
        const cut = c.lo.map((l, k) => l + c.width[k]!);
        const lv = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          lv[i] = searchSorted(cut, x[i]!);
          data[i * w + o + lv[i]!] = 1;
        }
        levels.push(lv);
        o += c.lo.length;
        continue;
      }
      const K = c.means.length;
      const logp = new Float64Array(K);
      const u = rng.random(n) as Float64Array;
      for (let i = 0; i < n; i++) {
        const v = x[i]! === x[i]! ? x[i]! : c.fill;
        // posterior over the kept modes
        let mx = -Infinity;
        for (let k = 0; k < K; k++) {
          const z = (v - c.means[k]!) / c.stds[k]!;
          logp[k] = Math.log(c.weights[k]!) - 0.5 * z * z - Math.log(c.stds[k]!);
          if (logp[k]! > mx) mx = logp[k]!;
        }
        let s = 0;
        for (let k = 0; k < K; k++) s += logp[k] = Math.exp(logp[k]! - mx) + 1e-6;
        let r = u[i]! * s;
        let m = 0;
        while (m < K - 1 && r >= logp[m]!) r -= logp[m++]!;
        const a = (v - c.means[m]!) / (STD_MULTIPLIER * c.stds[m]!);
        data[i * w + o] = a < -0.99 ? -0.99 : a > 0.99 ? 0.99 : a;
        data[i * w + o + 1 + m] = 1;
      }
      o += 1 + K;
    }
    return { data, levels };
  }

  /**
   * CTGAN's matrix (activated: α in [−1, 1], spans as scores) back to the
   * shared transformer's model columns. With `sigmas` (TVAE), α gets normal
   * noise of its column's sigma before clipping, drawn from `rng`.
   */
  inverse(data: Float32Array, n: number, nModelColumns: number, sigmas?: Float32Array, rng?: Rng): Float64Array[] {
    const out: Float64Array[] = Array.from({ length: nModelColumns }, () => new Float64Array(n));
    let o = 0;
    for (const c of this.columns) {
      const col = out[c.column]!;
      const K = c.type === "discrete" ? c.lo.length : c.means.length;
      const first = c.type === "discrete" ? o : o + 1;
      const noise = c.type === "continuous" && sigmas && rng ? (rng.normal(0, 1, n) as Float64Array) : undefined;
      for (let i = 0; i < n; i++) {
        const r = i * this.width + first;
        let best = 0;
        for (let k = 1; k < K; k++) if (data[r + k]! > data[r + best]!) best = k;
        if (c.type === "discrete") col[i] = c.lo[best]! + c.width[best]! / 2;
        else {
          let a = data[i * this.width + o]!;
          if (noise) a += noise[i]! * sigmas![o]!;
          a = a < -1 ? -1 : a > 1 ? 1 : a;
          col[i] = a * STD_MULTIPLIER * c.stds[best]! + c.means[best]!;
        }
      }
      o += c.type === "discrete" ? K : K + 1;
    }
    return out;
  }

  toJSON(): CtganTransformerJSON {
    return { columns: this.columns };
  }

  static fromJSON(json: CtganTransformerJSON): CtganTransformer {
    return new CtganTransformer(json.columns);
  }
}
