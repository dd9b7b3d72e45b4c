/**
 * Reversible column transforms shared by every table synthesizer (RDT's
 * HyperTransformer, in one file): a canonical table (see storage.ts) in,
 * numeric model columns out, and back.
 *
 * | column      | model columns                                   | back                                                    |
 * |-------------|-------------------------------------------------|---------------------------------------------------------|
 * | numerical   | the value (+ a missing indicator when the real column has missing values) | missing from the indicator; clipped to the real [min, max]; rounded to the real decimals (integers stay integers) |
 * | datetime    | epoch ms, as numerical                          | clipped, rounded to the real resolution (days, seconds, ...) |
 * | categorical | by encoding: `uniform` (SDV's UniformEncoder: a uniform draw inside the level's frequency interval of [0, 1], for copulas), `onehot` (the `maxLevels` most frequent levels, the rest share one "other" column, for networks and distance-based fitters), `codes` (the level's index, for trees) | only real levels: interval lookup, arg-max, or index; "other" draws a rare level by its frequency |
 * | boolean     | a categorical with levels false / true          | a boolean                                              |
 *
 * Missing values of categorical and boolean columns are a level of their
 * own, so they are modelled jointly with the other columns. Memory stays
 * O(rows × model columns): a high-cardinality column is one `uniform` or
 * `codes` column, and at most `maxLevels` + 1 one-hot columns. Internal.
 */
import { cellAt, type Column } from "../core/column.js";
import { DataError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import type { Rng } from "../random/rng.js";
import { datetimeResolution, decimalsOf } from "./constraints/shared.js";
import type { ColumnMetadata } from "./types.js";

/** How categorical columns become numbers. */
export type CategoricalEncoding = "uniform" | "onehot" | "codes";

/** Options of {@link TableTransformer}. */
export interface TransformerOptions {
  encoding: CategoricalEncoding;
  /** Keep synthetic numbers and dates inside the real [min, max]. */
  enforceMinMax: boolean;
  /** Round synthetic numbers to the real column's decimals. */
  enforceRounding: boolean;
  /** one-hot: levels kept as their own column. */
  maxLevels: number;
  /** one-hot: numbers standardized ((v − mean) / std) with missing values at 0. */
  standardize: boolean;
}

/** A fitted numerical (or datetime) column. */
export interface NumericalState {
  readonly type: "numerical";
  readonly name: string;
  readonly kind: "numeric" | "integer" | "datetime";
  readonly min: number;
  readonly max: number;
  /** numbers: decimals (−1: no rounding); datetimes: unused. */
  readonly decimals: number;
  /** datetimes: resolution in ms (1 day, 1 s, ...). */
  readonly resolution: number;
  readonly missingRate: number;
  readonly mean: number;
  readonly std: number;
}

/** A fitted categorical or boolean column. */
export interface DiscreteState {
  readonly type: "discrete";
  readonly name: string;
  readonly kind: "categorical" | "boolean";
  /** Levels by decreasing frequency; `null` is the missing level. */
  readonly levels: (string | null)[];
  readonly frequencies: number[];
}

export type ColumnState = NumericalState | DiscreteState;

/** One model column. */
export type ModelColumn =
  | { readonly type: "value"; readonly source: string }
  | { readonly type: "missing"; readonly source: string; readonly rate: number }
  | { readonly type: "interval"; readonly source: string; readonly frequencies: readonly number[] }
  | { readonly type: "onehot"; readonly source: string; readonly level: number; readonly other: boolean }
  | { readonly type: "code"; readonly source: string; readonly nLevels: number };

/** Model columns of a table: one Float64Array per column, `n` rows each. */
export interface Encoded {
  readonly n: number;
  readonly specs: readonly ModelColumn[];
  readonly columns: Float64Array[];
}

/** Digits after the point of a number's shortest round-trip form, at most 15 (beyond, a column is treated as continuous). */
export function countDecimals(v: number): number {
  return Math.min(15, decimalsOf(v));
}

/** Index of the first entry of the ascending `cut` that is greater than `x` (the last index when none is): a level from its cumulative bound. */
export function searchSorted(cut: ArrayLike<number>, x: number): number {
  let a = 0;
  let b = cut.length - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (x < cut[mid]!) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Rounds to `d` decimals (JavaScript's half-up on the scaled float). */
export function roundTo(v: number, d: number): number {
  if (d < 0) return v;
  if (d === 0) return Math.round(v);
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

function fitNumerical(col: Column, meta: ColumnMetadata | undefined, where: string): NumericalState {
  const v = col.values as Float64Array;
  let min = Infinity;
  let max = -Infinity;
  let m = 0;
  let sum = 0;
  let decimals = 0;
  const integer = col.kind === "integer" || meta?.representation === "integer";
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    if (!Number.isFinite(x)) throw new DataError(where, col.name, x, `column '${col.name}' row ${i + 1} is ${show(x)}; synthesizers need finite numbers (replace infinities or mark them missing).`);
    m++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (!integer && col.kind !== "datetime" && decimals < 15) {
      const d = countDecimals(x);
      if (d > decimals) decimals = d;
    }
  }
  if (m === 0) {
    throw new DataError(where, col.name, null, `column '${col.name}' has no values (every one of its ${v.length} rows is missing); drop it or fill it.`);
  }
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) ss += (v[i]! - mean) ** 2;
  const std = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
  if (meta?.decimals !== undefined && !integer) decimals = meta.decimals;
  return {
    type: "numerical",
    name: col.name,
    kind: col.kind === "datetime" ? "datetime" : integer ? "integer" : "numeric",
    min: meta?.min !== undefined && col.kind !== "datetime" ? Math.min(meta.min, min) : min,
    max: meta?.max !== undefined && col.kind !== "datetime" ? Math.max(meta.max, max) : max,
    decimals: integer ? 0 : decimals >= 15 ? -1 : decimals,
    resolution: col.kind === "datetime" ? datetimeResolution(v) : 1,
    missingRate: (v.length - m) / v.length,
    mean,
    std: std > 0 && Number.isFinite(std) ? std : 1,
  };
}

function fitDiscrete(col: Column, where: string): DiscreteState {
  const n = col.values.length;
  const labels: (string | null)[] = col.kind === "categorical" ? [...col.categories, null] : ["false", "true", null];
  const counts = new Float64Array(labels.length);
  const missing = labels.length - 1;
  for (let i = 0; i < n; i++) {
    const c = col.values[i]!;
    counts[c < 0 ? missing : c]! += 1;
  }
  if (counts[missing] === n) {
    throw new DataError(where, col.name, null, `column '${col.name}' has no values (every one of its ${n} rows is missing); drop it or fill it.`);
  }
  const order = Array.from(labels.keys())
    .filter((k) => counts[k]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
  return {
    type: "discrete",
    name: col.name,
    kind: col.kind === "boolean" ? "boolean" : "categorical",
    levels: order.map((k) => labels[k]!),
    frequencies: order.map((k) => counts[k]! / n),
  };
}

/** Level index of each row of a canonical discrete column (into `state.levels`). */
export function levelIndex(state: DiscreteState, col: Column): Int32Array {
  const map = new Map<string | null, number>();
  state.levels.forEach((l, k) => map.set(l, k));
  const n = col.values.length;
  const out = new Int32Array(n);
  if (col.kind === "categorical") {
    const lut = col.categories.map((c) => map.get(c) ?? -1);
    const miss = map.get(null) ?? -1;
    for (let i = 0; i < n; i++) {
      const c = col.values[i]!;
      out[i] = c < 0 ? miss : lut[c]!;
    }
  } else {
    const lut = [map.get(null) ?? -1, map.get("false") ?? -1, map.get("true") ?? -1];
    for (let i = 0; i < n; i++) out[i] = lut[col.values[i]! + 1]!;
  }
  return out;
}

/**
 * Fits the per-column transforms on a canonical table and maps it to model
 * columns and back. Columns whose metadata is id or personal data must be
 * removed before (they are generated, never learned).
 */
export class TableTransformer {
  readonly states: ColumnState[];
  readonly specs: ModelColumn[];
  readonly options: TransformerOptions;
  /**
   * one-hot / codes decoding, calibrated on a draw from the fitted model (see {@link calibrate}):
   * per column, the missing-indicator threshold and the arg-max offsets of its levels.
   */
  calibration: Record<string, { threshold?: number; offsets?: number[] }> = {};

  constructor(states: ColumnState[], options: TransformerOptions) {
    this.states = states;
    this.options = options;
    this.specs = buildSpecs(states, options);
  }

  /** Fits every column's transform. */
  static fit(table: Table, columns: Readonly<Record<string, ColumnMetadata>>, options: TransformerOptions, where: string): TableTransformer {
    if (table.nRows === 0) throw new DataError(where, "data", 0, "the table has no rows; a synthesizer needs at least one real row.");
    const states = table.columns.map((c) =>
      c.kind === "categorical" || c.kind === "boolean" ? fitDiscrete(c, where) : fitNumerical(c, columns[c.name], where),
    );
    return new TableTransformer(states, options);
  }

  /** Number of model columns. */
  get width(): number {
    return this.specs.length;
  }

  /** The canonical table as model columns (`uniform` draws from `rng`). */
  transform(table: Table, rng: Rng): Encoded {
    const n = table.nRows;
    const columns: Float64Array[] = [];
    const { encoding, standardize, maxLevels } = this.options;
    for (const st of this.states) {
      const col = table.columnInfo(st.name);
      if (st.type === "numerical") {
        const v = col.values as Float64Array;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const x = v[i]!;
          out[i] = encoding === "onehot" && standardize ? (x === x ? (x - st.mean) / st.std : 0) : x;
        }
        columns.push(out);
        if (st.missingRate > 0) {
          const m = new Float64Array(n);
          if (encoding === "uniform") {
            const pPresent = 1 - st.missingRate;
            for (let i = 0; i < n; i++) {
              const u = rng.random();
              m[i] = v[i] === v[i] ? u * pPresent : pPresent + u * st.missingRate;
            }
          } else for (let i = 0; i < n; i++) m[i] = v[i] === v[i] ? 0 : 1;
          columns.push(m);
        }
        continue;
      }
      const idx = levelIndex(st, col);
      const L = st.levels.length;
      if (encoding === "uniform") {
        const lo = new Float64Array(L);
        for (let k = 1; k < L; k++) lo[k] = lo[k - 1]! + st.frequencies[k - 1]!;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const k = idx[i]!;
          out[i] = lo[k]! + rng.random() * st.frequencies[k]!;
        }
        columns.push(out);
      } else if (encoding === "codes") {
        columns.push(Float64Array.from(idx));
      } else {
        const kept = Math.min(L, maxLevels);
        const width = kept + (L > kept ? 1 : 0);
        const block = Array.from({ length: width }, () => new Float64Array(n));
        for (let i = 0; i < n; i++) block[Math.min(idx[i]!, kept)]![i] = 1;
        columns.push(...block);
      }
    }
    return { n, specs: this.specs, columns };
  }

  /**
   * Model columns back to a canonical table: real levels only, numbers
   * clipped and rounded as the options say, missing values where the
   * model says. `rng` draws the level of one-hot "other" rows.
   */
  reverse(enc: { n: number; columns: readonly Float64Array[] }, rng: Rng): Table {
    const n = enc.n;
    const out: Column[] = [];
    let j = 0;
    const { encoding, standardize, maxLevels, enforceMinMax, enforceRounding } = this.options;
    for (const st of this.states) {
      if (st.type === "numerical") {
        const src = enc.columns[j++]!;
        const miss = st.missingRate > 0 ? enc.columns[j++]! : undefined;
        const threshold = encoding === "uniform" ? 1 - st.missingRate : (this.calibration[st.name]?.threshold ?? 0.5);
        const v = new Float64Array(n);
        const scaled = encoding === "onehot" && standardize;
        const lo = st.min;
        const hi = st.max;
        const step = st.kind === "datetime" ? st.resolution : 0;
        const d = st.kind === "integer" ? 0 : st.decimals;
        for (let i = 0; i < n; i++) {
          if (miss && miss[i]! >= threshold) {
            v[i] = NaN;
            continue;
          }
          let x = scaled ? src[i]! * st.std + st.mean : src[i]!;
          if (x !== x) x = st.mean;
          if (enforceMinMax) x = x < lo ? lo : x > hi ? hi : x;
          if (step > 1) x = Math.round(x / step) * step;
          else if (st.kind === "datetime") x = Math.round(x);
          else if (enforceRounding || st.kind === "integer") x = roundTo(x, d);
          v[i] = x;
        }
        out.push({ name: st.name, kind: st.kind, values: v });
        continue;
      }
      const L = st.levels.length;
      const level = new Int32Array(n);
      if (encoding === "uniform") {
        const src = enc.columns[j++]!;
        const cum = new Float64Array(L);
        let s = 0;
        for (let k = 0; k < L; k++) cum[k] = s += st.frequencies[k]!;
        for (let i = 0; i < n; i++) level[i] = searchSorted(cum, src[i]!);
      } else if (encoding === "codes") {
        const src = enc.columns[j++]!;
        for (let i = 0; i < n; i++) {
          const c = Math.round(src[i]!);
          level[i] = c < 0 || c !== c ? 0 : c >= L ? L - 1 : c;
        }
      } else {
        const kept = Math.min(L, maxLevels);
        const width = kept + (L > kept ? 1 : 0);
        const block = enc.columns.slice(j, j + width);
        j += width;
        const offsets = this.calibration[st.name]?.offsets ?? new Array<number>(width).fill(0);
        // the rare levels shared by "other", drawn by their frequency
        const rareCum = new Float64Array(Math.max(0, L - kept));
        let s = 0;
        for (let k = kept; k < L; k++) rareCum[k - kept] = s += st.frequencies[k]!;
        for (let i = 0; i < n; i++) {
          let best = argmaxRow(block, offsets, i);
          if (best === kept) {
            const u = rng.random() * s;
            let k = 0;
            while (k < rareCum.length - 1 && u >= rareCum[k]!) k++;
            best = kept + k;
          }
          level[i] = best;
        }
      }
      out.push(discreteColumn(st, level));
    }
    return new Table(out);
  }

  /**
   * Calibrates the decoding of one-hot models on `draw` (model columns drawn from the fitted model):
   * each missing indicator's threshold becomes the quantile that gives the real missing rate, and each
   * one-hot block gets offsets (a few rounds of proportional fitting) so the arg-max picks levels at
   * their real frequencies. A model that smears a 0/1 column (a multivariate normal, a mixture) then
   * still gives missing values and categories at the real rates.
   */
  calibrate(draw: { n: number; columns: readonly Float64Array[] }): void {
    if (this.options.encoding !== "onehot" || draw.n === 0) return;
    const { maxLevels } = this.options;
    const n = draw.n;
    let j = 0;
    for (const st of this.states) {
      if (st.type === "numerical") {
        j++;
        if (st.missingRate > 0) {
          const v = Float64Array.from(draw.columns[j++]!).sort();
          const q = Math.min(n - 1, Math.max(0, Math.floor((1 - st.missingRate) * n)));
          this.calibration[st.name] = { threshold: v[q]! };
        }
        continue;
      }
      const L = st.levels.length;
      const kept = Math.min(L, maxLevels);
      const width = kept + (L > kept ? 1 : 0);
      const block = draw.columns.slice(j, j + width);
      j += width;
      const target = new Float64Array(width);
      for (let k = 0; k < L; k++) target[Math.min(k, kept)]! += st.frequencies[k]!;
      const offsets = new Array<number>(width).fill(0);
      const counts = new Float64Array(width);
      for (let round = 0; round < 30; round++) {
        counts.fill(0);
        for (let i = 0; i < n; i++) counts[argmaxRow(block, offsets, i)]! += 1 / n;
        let worst = 0;
        for (let k = 0; k < width; k++) {
          const gap = target[k]! - counts[k]!;
          worst = Math.max(worst, Math.abs(gap));
          // move a level up when it is picked too rarely, down when too often (damped log-ratio step)
          offsets[k]! += 0.5 * (Math.log(target[k]! + 1e-4) - Math.log(counts[k]! + 1e-4)) * 0.2;
        }
        if (worst < 0.002) break;
      }
      this.calibration[st.name] = { offsets };
    }
  }

  toJSON(): { states: ColumnState[]; options: TransformerOptions; calibration: TableTransformer["calibration"] } {
    return { states: this.states, options: this.options, calibration: this.calibration };
  }

  static fromJSON(json: { states: ColumnState[]; options: TransformerOptions; calibration?: TableTransformer["calibration"] }): TableTransformer {
    const t = new TableTransformer(json.states, json.options);
    t.calibration = json.calibration ?? {};
    return t;
  }
}

function buildSpecs(states: readonly ColumnState[], o: TransformerOptions): ModelColumn[] {
  const specs: ModelColumn[] = [];
  for (const st of states) {
    if (st.type === "numerical") {
      specs.push({ type: "value", source: st.name });
      if (st.missingRate > 0) specs.push({ type: "missing", source: st.name, rate: st.missingRate });
      continue;
    }
    const L = st.levels.length;
    if (o.encoding === "uniform") specs.push({ type: "interval", source: st.name, frequencies: st.frequencies });
    else if (o.encoding === "codes") specs.push({ type: "code", source: st.name, nLevels: L });
    else {
      const kept = Math.min(L, o.maxLevels);
      for (let k = 0; k < kept; k++) specs.push({ type: "onehot", source: st.name, level: k, other: false });
      if (L > kept) specs.push({ type: "onehot", source: st.name, level: kept, other: true });
    }
  }
  return specs;
}

/** The one-hot column with the largest value (plus its offset) in row `i`. */
function argmaxRow(block: readonly Float64Array[], offsets: readonly number[], i: number): number {
  let best = 0;
  let bv = -Infinity;
  for (let k = 0; k < block.length; k++) {
    const x = block[k]![i]! + offsets[k]!;
    if (x > bv) (bv = x), (best = k);
  }
  return best;
}

/** A canonical column from level indices. */
export function discreteColumn(st: DiscreteState, level: Int32Array): Column {
  const n = level.length;
  if (st.kind === "boolean") {
    const lut = Int8Array.from(st.levels, (l) => (l === null ? -1 : l === "true" ? 1 : 0));
    const v = new Int8Array(n);
    for (let i = 0; i < n; i++) v[i] = lut[level[i]!]!;
    return { name: st.name, kind: "boolean", values: v };
  }
  const categories: string[] = [];
  const lut = Int32Array.from(st.levels, (l) => (l === null ? -1 : categories.push(l) - 1));
  const v = new Int32Array(n);
  for (let i = 0; i < n; i++) v[i] = lut[level[i]!]!;
  return { name: st.name, kind: "categorical", values: v, categories };
}

/** The level index of a condition value in a fitted discrete column, or −1. */
export function levelOf(st: DiscreteState, value: unknown): number {
  if (value === null || value === undefined) return st.levels.indexOf(null);
  const label = st.kind === "boolean" ? (value === true || value === 1 || value === "true" ? "true" : value === false || value === 0 || value === "false" ? "false" : undefined) : String(value);
  return label === undefined ? -1 : st.levels.indexOf(label);
}

/** A cell of a canonical column as a display value (for messages). */
export function cellText(col: Column, i: number): string {
  return show(cellAt(col, i));
}
