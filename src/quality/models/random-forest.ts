/**
 * A random forest (Breiman 2001, as scikit-learn's RandomForestClassifier and
 * RandomForestRegressor: bootstrap rows, a random subset of features at every
 * split, fully grown trees, probabilities or means averaged) on row-major
 * Float64Array features. Splits are searched on at most `maxBins` quantile
 * bins per feature (as LightGBM and scikit-learn's HistGradientBoosting do),
 * so a node costs one pass over its rows per candidate feature. The model
 * behind the utility metric. Internal.
 */
import { ParamError, show } from "../../core/errors.js";
import type { Rng } from "../../random/rng.js";

/** Options of {@link fitForest}. */
export interface ForestOptions {
  /** Trees. @defaultValue 50 */
  nEstimators?: number;
  /** Deepest split level (root = 0). @defaultValue 32 */
  maxDepth?: number;
  /** Smallest (bootstrap-weighted) row count of a leaf. @defaultValue 1 */
  minSamplesLeaf?: number;
  /** Features tried at each split: a count, or "sqrt" / "all". @defaultValue "sqrt" for classification, "all" for regression (scikit-learn's) */
  maxFeatures?: number | "sqrt" | "all";
  /** Quantile bins per feature (2 to 255). @defaultValue 64 */
  maxBins?: number;
}

/** A fitted forest. */
export interface Forest {
  readonly task: "classification" | "regression";
  /** Classes (classification), 1 (regression): the width of each leaf value. */
  readonly width: number;
  readonly d: number;
  readonly trees: readonly Tree[];
}

/** One tree, flat: node k splits on `feature[k]` at `threshold[k]` (x <= t goes left), or is a leaf (`feature[k] = -1`) whose value starts at `value[k * width]`. */
interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/** Quantile cut points of one feature: bin b holds (edges[b−1], edges[b]]; NaN goes to the last bin. */
function binEdges(X: Float64Array, n: number, d: number, f: number, maxBins: number): Float64Array {
  const step = Math.max(1, Math.floor(n / 20000));
  const v: number[] = [];
  for (let i = 0; i < n; i += step) {
    const x = X[i * d + f]!;
    if (!Number.isNaN(x)) v.push(x);
  }
  const s = Float64Array.from(v).sort();
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const e = s[Math.min(s.length - 1, Math.floor((b * s.length) / maxBins))]!;
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
  }
  // the largest value needs no edge of its own (it falls in the bin after the last edge)
  if (edges.length && edges[edges.length - 1]! >= s[s.length - 1]!) edges.pop();
  return Float64Array.from(edges);
}

function binOf(edges: Float64Array, x: number): number {
  if (Number.isNaN(x)) return edges.length;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function checkForestOptions(o: ForestOptions, d: number, task: Forest["task"]): Required<Omit<ForestOptions, "maxFeatures">> & { mtry: number } {
  const where = "fitForest";
  const nEstimators = o.nEstimators ?? 50;
  const maxDepth = o.maxDepth ?? 32;
  const minSamplesLeaf = o.minSamplesLeaf ?? 1;
  const maxBins = o.maxBins ?? 64;
  if (!(Number.isInteger(nEstimators) && nEstimators >= 1)) throw new ParamError(where, "nEstimators", nEstimators, `'nEstimators' must be an integer >= 1, got ${show(nEstimators)}.`);
  if (!(Number.isInteger(maxDepth) && maxDepth >= 1)) throw new ParamError(where, "maxDepth", maxDepth, `'maxDepth' must be an integer >= 1, got ${show(maxDepth)}.`);
  if (!(Number.isInteger(minSamplesLeaf) && minSamplesLeaf >= 1)) throw new ParamError(where, "minSamplesLeaf", minSamplesLeaf, `'minSamplesLeaf' must be an integer >= 1, got ${show(minSamplesLeaf)}.`);
  if (!(Number.isInteger(maxBins) && maxBins >= 2 && maxBins <= 255)) throw new ParamError(where, "maxBins", maxBins, `'maxBins' must be an integer in [2, 255], got ${show(maxBins)}.`);
  const mf = o.maxFeatures ?? (task === "classification" ? "sqrt" : "all");
  let mtry: number;
  if (mf === "sqrt") mtry = Math.max(1, Math.floor(Math.sqrt(d)));
  else if (mf === "all") mtry = d;
  else if (Number.isInteger(mf) && mf >= 1 && mf <= d) mtry = mf;
  else throw new ParamError(where, "maxFeatures", mf, `'maxFeatures' must be "sqrt", "all" or an integer in [1, ${d}], got ${show(mf)}.`);
  return { nEstimators, maxDepth, minSamplesLeaf, maxBins, mtry };
}

/**
 * Fits a random forest. `X` is `n × d` row-major; `y` holds class codes
 * `0..nClasses−1` (classification) or numbers (regression).
 */
export function fitForest(X: Float64Array, y: ArrayLike<number>, n: number, d: number, task: Forest["task"], nClasses: number, rng: Rng, options: ForestOptions = {}): Forest {
  const o = checkForestOptions(options, d, task);
  const width = task === "classification" ? nClasses : 1;
  // column-major bins
  const edges: Float64Array[] = [];
  const nb = new Int32Array(d);
  const bins = new Uint8Array(n * d);
  for (let f = 0; f < d; f++) {
    const e = binEdges(X, n, d, f, o.maxBins);
    edges.push(e);
    nb[f] = e.length + 1;
    const off = f * n;
    for (let i = 0; i < n; i++) bins[off + i] = binOf(e, X[i * d + f]!);
  }
  const yv = Float64Array.from(y);
  const trees: Tree[] = [];
  const weight = new Float64Array(n);
  const idx = new Int32Array(n);
  const scratch = new Int32Array(n);
  const feats = Int32Array.from({ length: d }, (_, i) => i);
  const hw = new Float64Array(256 * Math.max(width, 2)); // per bin: class weights, or (weight, sum)
  const hc = new Float64Array(256);
  const nodeTotal = new Float64Array(Math.max(width, 2));
  const leftTotal = new Float64Array(Math.max(width, 2)); // class weights left of a candidate split
  for (let t = 0; t < o.nEstimators; t++) {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[Math.floor(rng.random() * n)]! += 1;
    let m = 0;
    for (let i = 0; i < n; i++) if (weight[i]! > 0) idx[m++] = i;
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    // stack of [node id, lo, hi, depth]
    const stack: number[] = [];
    const newNode = (): number => {
      feature.push(-1);
      threshold.push(0);
      left.push(-1);
      right.push(-1);
      return feature.length - 1;
    };
    stack.push(newNode(), 0, m, 0);
    while (stack.length) {
      const depth = stack.pop()!;
      const hi = stack.pop()!;
      const lo = stack.pop()!;
      const node = stack.pop()!;
      // node totals
      nodeTotal.fill(0);
      let wTot = 0;
      for (let k = lo; k < hi; k++) {
        const i = idx[k]!;
        const w = weight[i]!;
        wTot += w;
        if (task === "classification") nodeTotal[yv[i]!]! += w;
        else nodeTotal[0]! += w * yv[i]!;
      }
      let pure = false;
      if (task === "classification") {
        let nonzero = 0;
        for (let c = 0; c < width; c++) if (nodeTotal[c]! > 0) nonzero++;
        pure = nonzero <= 1;
      } else {
        const y0 = yv[idx[lo]!]!;
        pure = true;
        for (let k = lo + 1; k < hi && pure; k++) if (yv[idx[k]!]! !== y0) pure = false;
      }
      let bestF = -1;
      let bestB = -1;
      if (!pure && depth < o.maxDepth && wTot >= 2 * o.minSamplesLeaf) {
        const parent = task === "classification" ? nodeTotal.subarray(0, width).reduce((a, v) => a + v * v, 0) / wTot : (nodeTotal[0]! * nodeTotal[0]!) / wTot;
        let best = parent * (1 + 1e-12) + 1e-12;
        // a random subset of mtry features (partial Fisher–Yates)
        for (let j = 0; j < o.mtry; j++) {
          const r = j + Math.floor(rng.random() * (d - j));
          const tmp = feats[j]!;
          feats[j] = feats[r]!;
          feats[r] = tmp;
          const f = feats[j]!;
          const B = nb[f]!;
          if (B < 2) continue;
          const off = f * n;
          if (task === "classification") {
            hw.fill(0, 0, B * width);
            hc.fill(0, 0, B);
            for (let k = lo; k < hi; k++) {
              const i = idx[k]!;
              const b = bins[off + i]!;
              hw[b * width + yv[i]!]! += weight[i]!;
              hc[b]! += weight[i]!;
            }
            const L = leftTotal.fill(0);
            let wl = 0;
            for (let b = 0; b < B - 1; b++) {
              if (hc[b] === 0) continue;
              wl += hc[b]!;
              let sl = 0;
              let sr = 0;
              for (let c = 0; c < width; c++) {
                L[c]! += hw[b * width + c]!;
                const r2 = nodeTotal[c]! - L[c]!;
                sl += L[c]! * L[c]!;
                sr += r2 * r2;
              }
              const wr = wTot - wl;
              if (wl < o.minSamplesLeaf || wr < o.minSamplesLeaf) continue;
              const score = sl / wl + sr / wr;
              if (score > best) {
                best = score;
                bestF = f;
                bestB = b;
              }
            }
          } else {
            hw.fill(0, 0, B);
            hc.fill(0, 0, B);
            for (let k = lo; k < hi; k++) {
              const i = idx[k]!;
              const b = bins[off + i]!;
              hw[b]! += weight[i]! * yv[i]!;
              hc[b]! += weight[i]!;
            }
            let wl = 0;
            let sl = 0;
            for (let b = 0; b < B - 1; b++) {
              if (hc[b] === 0) continue;
              wl += hc[b]!;
              sl += hw[b]!;
              const wr = wTot - wl;
              if (wl < o.minSamplesLeaf || wr < o.minSamplesLeaf) continue;
              const sr = nodeTotal[0]! - sl;
              const score = (sl * sl) / wl + (sr * sr) / wr;
              if (score > best) {
                best = score;
                bestF = f;
                bestB = b;
              }
            }
          }
        }
      }
      if (bestF < 0) {
        // leaf: class probabilities or the mean
        const start = value.length;
        for (let c = 0; c < width; c++) value.push(task === "classification" ? nodeTotal[c]! / wTot : nodeTotal[0]! / wTot);
        feature[node] = -1;
        left[node] = start; // leaves keep their value offset in `left`
        continue;
      }
      // partition idx[lo, hi) by bin <= bestB (stable, through scratch)
      const off = bestF * n;
      let a = lo;
      let z = 0;
      for (let k = lo; k < hi; k++) {
        const i = idx[k]!;
        if (bins[off + i]! <= bestB) idx[a++] = i;
        else scratch[z++] = i;
      }
      idx.set(scratch.subarray(0, z), a);
      feature[node] = bestF;
      threshold[node] = edges[bestF]![bestB]!;
      const l = newNode();
      const r = newNode();
      left[node] = l;
      right[node] = r;
      stack.push(r, a, hi, depth + 1, l, lo, a, depth + 1);
    }
    trees.push({ feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), left: Int32Array.from(left), right: Int32Array.from(right), value: Float64Array.from(value) });
  }
  return { task, width, d, trees };
}

/** The averaged leaf values of every row: class probabilities (`n × width`, row-major) or predicted means (`n`). */
export function forestPredictValues(model: Forest, X: Float64Array, n: number): Float64Array {
  const { width, d } = model;
  const out = new Float64Array(n * width);
  for (const t of model.trees) {
    for (let i = 0; i < n; i++) {
      let k = 0;
      while (t.feature[k]! >= 0) {
        const x = X[i * d + t.feature[k]!]!;
        k = x <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
      }
      const v = t.left[k]!;
      for (let c = 0; c < width; c++) out[i * width + c]! += t.value[v + c]!;
    }
  }
  const inv = 1 / model.trees.length;
  for (let j = 0; j < out.length; j++) out[j]! *= inv;
  return out;
}

/** Predicted class codes (the highest averaged probability; ties to the lower code). */
export function forestPredictClasses(model: Forest, X: Float64Array, n: number): Int32Array {
  const p = forestPredictValues(model, X, n);
  const w = model.width;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < w; c++) if (p[i * w + c]! > p[i * w + best]!) best = c;
    out[i] = best;
  }
  return out;
}
