/**
 * A random forest (Breiman 2001, as scikit-learn's RandomForestClassifier and
 * RandomForestRegressor: bootstrap rows, a random subset of features at every
 * split, fully grown trees, probabilities or means averaged) on row-major
 * Float64Array features. Splits are searched on at most `maxBins` quantile
 * bins per feature (as LightGBM and scikit-learn's HistGradientBoosting do),
 * so a node costs one pass over its rows per candidate feature. The trees
 * are grown by the one tree grower of fit/decision-tree.ts (shared with the
 * CART synthesizer). The model behind the utility and detection metrics.
 * Internal.
 */
import { ParamError, show } from "../../core/errors.js";
import { growTree, type Tree, type TreeFeature } from "../../fit/decision-tree.js";
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
  const features: TreeFeature[] = edges.map((e, f) => ({ kind: "ordinal", codes: bins.subarray(f * n, (f + 1) * n), nCodes: nb[f]!, thresholds: e }));
  const yv = Float64Array.from(y);
  const trees: Tree[] = [];
  const weight = new Float64Array(n);
  const featureOrder = Int32Array.from({ length: d }, (_, i) => i);
  for (let t = 0; t < o.nEstimators; t++) {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[Math.floor(rng.random() * n)]! += 1;
    trees.push(growTree(features, yv, { task, nClasses: width, weight, maxDepth: o.maxDepth, minLeaf: o.minSamplesLeaf, minSplit: 0, cp: 0, mtry: o.mtry, rng, featureOrder }));
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
