import { DataError, ParamError, show } from "../core/errors.js";
import { NearestNeighbors, type PointsInput } from "../core/knn.js";
import { checkInteger, checkOneOf, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { classCounts, indicesOf, overSamplingTargets, type Label, type SamplingStrategy } from "./sampling-strategy.js";
import { assemble, checkClassSize, checkXY, makeSamples, takeRows, type Labels, type ResampleResult } from "./smote.js";

// ------------------------------------------------------------------ SMOTENC

/** Options of {@link SMOTENC}. */
export interface SMOTENCOptions {
  /** Column indices of the categorical features (their values are category codes). Required. */
  categoricalFeatures: readonly number[];
  /** @defaultValue 5 */
  kNeighbors?: number;
  /** @defaultValue "auto" */
  samplingStrategy?: SamplingStrategy;
  seed?: SeedValue | Rng | undefined;
}

/**
 * SMOTE-NC for mixed numeric and categorical columns, imbalanced-learn's
 * `SMOTENC`: categorical columns are one-hot encoded with the value
 * median(std of the continuous columns in the minority class) / 2, so a
 * category mismatch costs that median in the neighbour distance; continuous
 * columns are interpolated as in SMOTE; each categorical column of a new row
 * takes the most frequent category among the base row's k neighbours (ties
 * broken at random).
 *
 * @example
 * const X = [[0, 0], [1, 0], [0, 1], [1, 1], [9, 1], [8, 1], [9, 0]];
 * const r = new SMOTENC({ categoricalFeatures: [1], kNeighbors: 2, seed: 0 }).fitResample(X, [0, 0, 0, 0, 1, 1, 1]);
 * [0, 1].includes(r.X.get(7, 1)); // => true
 */
export class SMOTENC {
  private readonly options: Required<Omit<SMOTENCOptions, "seed">> & Pick<SMOTENCOptions, "seed">;
  /** Median standard deviation of the continuous columns in the minority class (the last fit). */
  medianStd = NaN;

  constructor(options: SMOTENCOptions) {
    const where = "SMOTENC";
    const o = mergeOptions(where, { categoricalFeatures: [], kNeighbors: 5, samplingStrategy: "auto", seed: undefined } as SMOTENCOptions, options) as typeof this.options;
    if (!Array.isArray(o.categoricalFeatures) || o.categoricalFeatures.length === 0) {
      throw new ParamError(where, "categoricalFeatures", o.categoricalFeatures, `'categoricalFeatures' must list at least one column index, got ${show(o.categoricalFeatures)}.`);
    }
    o.categoricalFeatures.forEach((c) => checkInteger(where, "categoricalFeatures", c, 0));
    checkInteger(where, "kNeighbors", o.kNeighbors, 1);
    this.options = o;
  }

  /**
   * Resamples (X, y); categorical columns of X hold category codes (numbers).
   * @returns `{ X, y }`: originals, then synthetic rows
   * @throws DataError / ParamError as {@link SMOTE.fitResample}, and for column indices out of range or no continuous column
   */
  fitResample<Y extends Labels>(X: PointsInput, y: Y): ResampleResult<Y> {
    const where = "SMOTENC.fitResample";
    const xy = checkXY(where, X, y);
    const { data, n, d } = xy;
    const cat = [...new Set(this.options.categoricalFeatures)].sort((a, b) => a - b);
    for (const c of cat) if (c >= d) throw new ParamError(where, "categoricalFeatures", c, `categorical column ${c} is out of range: X has ${d} columns.`);
    const cont = [...Array(d).keys()].filter((j) => !cat.includes(j));
    if (cont.length === 0) throw new ParamError(where, "categoricalFeatures", cat, "every column is categorical; SMOTE-NC needs at least one continuous column.");
    const targets = overSamplingTargets(where, this.options.samplingStrategy, xy.y);
    // Median std of the continuous columns in the minority class.
    const counts = classCounts(xy.y);
    let minority: Label | undefined;
    for (const [kk, v] of counts) if (minority === undefined || v < counts.get(minority)!) minority = kk;
    const minIdx = indicesOf(xy.y, minority!);
    const stds = cont.map((j) => {
      let m = 0;
      for (const i of minIdx) m += data[i * d + j]!;
      m /= minIdx.length;
      let v = 0;
      for (const i of minIdx) v += (data[i * d + j]! - m) ** 2;
      return Math.sqrt(v / minIdx.length);
    });
    stds.sort((a, b) => a - b);
    const med = stds.length % 2 ? stds[(stds.length - 1) >> 1]! : (stds[stds.length / 2 - 1]! + stds[stds.length / 2]!) / 2;
    this.medianStd = med;
    // Category lists per categorical column (sorted, as OneHotEncoder).
    const cats = cat.map((j) => [...new Set(Array.from({ length: n }, (_, i) => data[i * d + j]!))].sort((a, b) => a - b));
    const width = cont.length + cats.reduce((s, c) => s + c.length, 0);
    const enc = new Float64Array(n * width);
    for (let i = 0; i < n; i++) {
      cont.forEach((j, t) => (enc[i * width + t] = data[i * d + j]!));
      let off = cont.length;
      cat.forEach((j, t) => {
        enc[i * width + off + cats[t]!.indexOf(data[i * d + j]!)] = med / 2;
        off += cats[t]!.length;
      });
    }
    const rng = createRng(this.options.seed);
    const k = this.options.kNeighbors;
    const blocks: { data: Float64Array; label: Label }[] = [];
    for (const [label, nNew] of targets) {
      if (nNew === 0) continue;
      const idx = indicesOf(xy.y, label);
      checkClassSize(where, "kNeighbors", label, idx.length, k);
      const Ec = takeRows(enc, width, idx);
      const nns = new NearestNeighbors({ nNeighbors: k }).fit({ data: Ec, rows: idx.length, cols: width }).kneighbors(null, k).indices;
      const tmp = new Float64Array(nNew * width);
      const { rows } = makeSamples(Ec, Ec, nns, k, width, nNew, 1, rng, tmp, 0, true);
      const out = new Float64Array(nNew * d);
      const votes = new Map<number, number>();
      for (let s = 0; s < nNew; s++) {
        cont.forEach((j, t) => (out[s * d + j] = tmp[s * width + t]!));
        const r = rows[s]!;
        for (const j of cat) {
          votes.clear();
          let top = 0;
          for (let t = 0; t < k; t++) {
            const v = data[idx[nns[r * k + t]!]! * d + j]!;
            const c = (votes.get(v) ?? 0) + 1;
            votes.set(v, c);
            if (c > top) top = c;
          }
          const tied = [...votes.entries()].filter(([, c]) => c === top).map(([v]) => v);
          out[s * d + j] = tied.length === 1 ? tied[0]! : tied[rng.integers(0, tied.length)]!;
        }
      }
      blocks.push({ data: out, label });
    }
    return assemble<Y>(xy, blocks);
  }
}

// ---------------------------------------------------------- BorderlineSMOTE

/** Options of {@link BorderlineSMOTE}. */
export interface BorderlineSMOTEOptions {
  /** Neighbours used to interpolate. @defaultValue 5 */
  kNeighbors?: number;
  /** Neighbours (over all classes) that decide whether a row is in danger. @defaultValue 10 */
  mNeighbors?: number;
  /** `"borderline-1"` (interpolate towards the class only) or `"borderline-2"` (also half-way towards other classes). @defaultValue "borderline-1" */
  kind?: "borderline-1" | "borderline-2";
  /** @defaultValue "auto" */
  samplingStrategy?: SamplingStrategy;
  seed?: SeedValue | Rng | undefined;
}

/**
 * Borderline-SMOTE (Han et al. 2005), imbalanced-learn's `BorderlineSMOTE`:
 * only rows "in danger" (at least half, but not all, of their `mNeighbors`
 * nearest rows belong to other classes) seed new rows. borderline-2 draws a
 * Beta(10, 10) share of the new rows towards the class's own neighbours (step
 * up to 1) and the rest towards the nearest rows of other classes (step up to
 * 0.5); imbalanced-learn indexes the other classes with the in-class
 * neighbour table, this port finds the danger rows' own nearest rows in the
 * other classes instead.
 *
 * @example
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [0.5, 0.5], [1.5, 1.5], [2, 1], [1, 2], [3, 3], [2.5, 2.5], [0, 2]];
 * const y = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
 * new BorderlineSMOTE({ kNeighbors: 2, mNeighbors: 4, seed: 0 }).fitResample(X, y).X.rows >= 12; // => true
 */
export class BorderlineSMOTE {
  private readonly options: Required<Omit<BorderlineSMOTEOptions, "seed">> & Pick<BorderlineSMOTEOptions, "seed">;

  constructor(options: BorderlineSMOTEOptions = {}) {
    const where = "BorderlineSMOTE";
    const o = mergeOptions(where, { kNeighbors: 5, mNeighbors: 10, kind: "borderline-1", samplingStrategy: "auto", seed: undefined } as BorderlineSMOTEOptions, options) as typeof this.options;
    checkInteger(where, "kNeighbors", o.kNeighbors, 1);
    checkInteger(where, "mNeighbors", o.mNeighbors, 1);
    checkOneOf(where, "kind", o.kind, ["borderline-1", "borderline-2"] as const);
    this.options = o;
  }

  /** Resamples (X, y); see {@link SMOTE.fitResample}. Classes with no row in danger get no new rows. */
  fitResample<Y extends Labels>(X: PointsInput, y: Y): ResampleResult<Y> {
    const where = "BorderlineSMOTE.fitResample";
    const xy = checkXY(where, X, y);
    const { data, n, d } = xy;
    const targets = overSamplingTargets(where, this.options.samplingStrategy, xy.y);
    const rng = createRng(this.options.seed);
    const { kNeighbors: k, mNeighbors: m, kind } = this.options;
    if (n < m + 1) throw new DataError(where, "mNeighbors", n, `X has ${n} rows; mNeighbors (${m}) needs at least mNeighbors + 1 = ${m + 1}. Lower mNeighbors.`);
    const all = new NearestNeighbors({ nNeighbors: m }).fit({ data, rows: n, cols: d });
    const blocks: { data: Float64Array; label: Label }[] = [];
    for (const [label, nNew] of targets) {
      if (nNew === 0) continue;
      const idx = indicesOf(xy.y, label);
      checkClassSize(where, "kNeighbors", label, idx.length, k);
      const Xc = takeRows(data, d, idx);
      // In danger: m/2 <= (neighbours of other classes) < m, neighbours over all rows, self excluded.
      const nbAll = all.kneighbors({ data: Xc, rows: idx.length, cols: d }, m + 1).indices;
      const danger: number[] = [];
      for (let i = 0; i < idx.length; i++) {
        let other = 0;
        for (let t = 1; t <= m; t++) if (xy.y[nbAll[i * (m + 1) + t]!] !== label) other++;
        if (other >= m / 2 && other < m) danger.push(i);
      }
      if (danger.length === 0) continue;
      const Xd = takeRows(Xc, d, danger);
      const nnClass = new NearestNeighbors({ nNeighbors: k }).fit({ data: Xc, rows: idx.length, cols: d });
      // k + 1 neighbours of each danger row in its class, the row itself dropped.
      const raw = nnClass.kneighbors({ data: Xd, rows: danger.length, cols: d }, k + 1).indices;
      const nns = new Int32Array(danger.length * k);
      for (let i = 0; i < danger.length; i++) {
        let t2 = 0;
        for (let t = 0; t <= k && t2 < k; t++) {
          const j = raw[i * (k + 1) + t]!;
          if (j === danger[i] && t2 === t) continue;
          nns[i * k + t2++] = j;
        }
      }
      if (kind === "borderline-1") {
        const out = new Float64Array(nNew * d);
        makeSamples(Xd, Xc, nns, k, d, nNew, 1, rng, out, 0);
        blocks.push({ data: out, label });
      } else {
        const frac = rng.beta(10, 10);
        const n1 = Math.trunc(frac * (nNew + 1));
        const n2 = Math.trunc((1 - frac) * nNew);
        const out = new Float64Array((n1 + n2) * d);
        makeSamples(Xd, Xc, nns, k, d, n1, 1, rng, out, 0);
        const otherIdx = new Int32Array([...Array(n).keys()].filter((i) => xy.y[i] !== label));
        const Xo = takeRows(data, d, otherIdx);
        const ko = Math.min(k, otherIdx.length);
        const nnsO = new NearestNeighbors({ nNeighbors: ko }).fit({ data: Xo, rows: otherIdx.length, cols: d }).kneighbors({ data: Xd, rows: danger.length, cols: d }, ko).indices;
        makeSamples(Xd, Xo, nnsO, ko, d, n2, 0.5, rng, out, n1);
        blocks.push({ data: out, label });
      }
    }
    return assemble<Y>(xy, blocks);
  }
}

// -------------------------------------------------------------------- ADASYN

/** Options of {@link ADASYN}. */
export interface ADASYNOptions {
  /** @defaultValue 5 */
  nNeighbors?: number;
  /** @defaultValue "auto" */
  samplingStrategy?: SamplingStrategy;
  seed?: SeedValue | Rng | undefined;
}

/**
 * ADASYN (He et al. 2008), imbalanced-learn's `ADASYN`: like SMOTE, but each
 * row of the class seeds a number of new rows proportional to the share of
 * other-class rows among its `nNeighbors` nearest rows (rounded half to
 * even, so the total may differ slightly from the target).
 *
 * @example
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [0.5, 0.5], [1.5, 1.5], [2, 1], [1, 2], [3, 3], [2.5, 2.5], [0, 2]];
 * const y = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
 * new ADASYN({ nNeighbors: 3, seed: 0 }).fitResample(X, y).X.rows; // => 16
 */
export class ADASYN {
  private readonly options: Required<Omit<ADASYNOptions, "seed">> & Pick<ADASYNOptions, "seed">;

  constructor(options: ADASYNOptions = {}) {
    const o = mergeOptions("ADASYN", { nNeighbors: 5, samplingStrategy: "auto", seed: undefined } as ADASYNOptions, options) as typeof this.options;
    checkInteger("ADASYN", "nNeighbors", o.nNeighbors, 1);
    this.options = o;
  }

  /**
   * Resamples (X, y); see {@link SMOTE.fitResample}.
   * @throws DataError when no neighbour of a class belongs to another class (ADASYN's weights are undefined; use SMOTE)
   */
  fitResample<Y extends Labels>(X: PointsInput, y: Y): ResampleResult<Y> {
    const where = "ADASYN.fitResample";
    const xy = checkXY(where, X, y);
    const { data, n, d } = xy;
    const targets = overSamplingTargets(where, this.options.samplingStrategy, xy.y);
    const rng = createRng(this.options.seed);
    const k = this.options.nNeighbors;
    if (n < k + 1) throw new DataError(where, "nNeighbors", n, `X has ${n} rows; nNeighbors (${k}) needs at least nNeighbors + 1 = ${k + 1}.`);
    const all = new NearestNeighbors({ nNeighbors: k }).fit({ data, rows: n, cols: d });
    const blocks: { data: Float64Array; label: Label }[] = [];
    for (const [label, nNew] of targets) {
      if (nNew === 0) continue;
      const idx = indicesOf(xy.y, label);
      checkClassSize(where, "nNeighbors", label, idx.length, k);
      const Xc = takeRows(data, d, idx);
      const nbAll = all.kneighbors({ data: Xc, rows: idx.length, cols: d }, k + 1).indices;
      const ratio = new Float64Array(idx.length);
      let total = 0;
      for (let i = 0; i < idx.length; i++) {
        let other = 0;
        for (let t = 1; t <= k; t++) if (xy.y[nbAll[i * (k + 1) + t]!] !== label) other++;
        ratio[i] = other / k;
        total += ratio[i]!;
      }
      if (total === 0) {
        throw new DataError(where, "y", label, `no neighbour of class ${show(label)} belongs to another class, so ADASYN's weights are undefined. Use SMOTE instead.`);
      }
      const counts = new Int32Array(idx.length);
      let m = 0;
      for (let i = 0; i < idx.length; i++) m += counts[i] = roundHalfEven((ratio[i]! / total) * nNew);
      if (m === 0) throw new DataError(where, "samplingStrategy", nNew, "no rows would be generated with these settings (the rounded per-row counts are all 0).");
      const nns = new NearestNeighbors({ nNeighbors: k }).fit({ data: Xc, rows: idx.length, cols: d }).kneighbors(null, k).indices;
      const cols = rng.integers(0, k, m);
      const steps = rng.random(m);
      const out = new Float64Array(m * d);
      let s = 0;
      for (let i = 0; i < idx.length; i++) {
        for (let c = 0; c < counts[i]!; c++, s++) {
          const nb = nns[i * k + cols[s]!]!;
          for (let j = 0; j < d; j++) out[s * d + j] = Xc[i * d + j]! + steps[s]! * (Xc[nb * d + j]! - Xc[i * d + j]!);
        }
      }
      blocks.push({ data: out, label });
    }
    return assemble<Y>(xy, blocks);
  }
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const r = x - f;
  if (r > 0.5) return f + 1;
  if (r < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
