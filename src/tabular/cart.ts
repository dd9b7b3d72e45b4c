/**
 * synthpop's CART synthesis (`syn(data, method = "cart")`, Reiter 2005;
 * Nowok, Raab & Dibben 2016), the method statistical offices use to release
 * microdata. Columns are synthesized one at a time in a visit sequence
 * (default: the table's column order): the first from its marginal (a random
 * real value), then each from a tree grown on the columns visited before it
 * (a classification tree for categories, booleans and missing-value
 * indicators, a regression tree for numbers and dates; rpart's `minbucket` 5,
 * `cp` 1e-8, `maxdepth` 30 and `minsplit` 3 × minbucket). A synthetic row
 * walks down the tree on its synthetic values so far, and takes the value of
 * a random real row (a donor) in the leaf it reaches; numbers may then be
 * smoothed (synthpop's `smoothing = "density"`). Missing numbers are
 * synthesized first as their own indicator (synthpop's way), and the value
 * only for rows the indicator keeps.
 *
 * Trees come from the one grower in fit/decision-tree.ts (exact splits on
 * ranks computed by one sort per column; categorical predictors split by
 * level sets), shared with the random forest of the quality metrics.
 *
 * Privacy: donors are real values, and the model keeps each leaf's donor
 * values (in `toJSON()` too). Larger `minBucket` leaves pool more real rows
 * per leaf; `avoidCopies` rejects synthetic rows equal to a real row and
 * `countCopies` reports them.
 */
import type { ProgressCallback } from "../core/progress.js";
import { checkInteger, checkOneOf, checkPositive } from "../core/validate.js";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import type { Rng } from "../random/rng.js";
import { applyTreeColumns, growTree, rankFeature, treeFromJSON, treeToJSON, type Tree, type TreeFeature, type TreeJSON } from "../fit/decision-tree.js";
import { TableSynthesizer, type BaseSynthesizerOptions } from "./synthesizer.js";
import type { Encoded } from "./transformer.js";

/** How CART smooths the numbers it draws. */
export type CartSmoothing = "none" | "density";

/** CART's own options (synthpop's names in camelCase). */
export interface CartSynthesizerOptions {
  /**
   * Order in which columns are synthesized, each learned column once (ids and personal data, which are
   * generated, may be listed or left out). `null`: the table's column order.
   * @defaultValue null
   */
  visitSequence?: readonly string[] | null;
  /** Fewest real rows in a leaf (rpart's minbucket): larger leaves pool more donors per synthetic value. @defaultValue 5 */
  minBucket?: number;
  /** Complexity: a split must lower the tree's impurity by at least cp × the root's (rpart's cp). @defaultValue 1e-8 */
  cp?: number;
  /** Deepest split level (rpart's maxdepth). @defaultValue 30 */
  maxDepth?: number;
  /**
   * `"density"`: Gaussian noise with Silverman's bandwidth of the real values is added to each drawn number
   * (values of a column where one value holds more than 70% of the rows are left as drawn), as synthpop's
   * `smoothing = "density"`; integers and decimals are then rounded back. @defaultValue "none"
   */
  smoothing?: CartSmoothing;
}

const DEFAULTS: Required<CartSynthesizerOptions> = { visitSequence: null, minBucket: 5, cp: 1e-8, maxDepth: 30, smoothing: "none" };

/** One column's fitted tree with its leaves' donor values. */
interface ColumnTree {
  /** Model column synthesized. */
  readonly column: number;
  /** Model columns the tree splits on (feature f = predictors[f]). */
  readonly predictors: Int32Array;
  readonly tree: Tree;
  /** Donors of leaf node k: donors[start[k] .. start[k] + count[k]). */
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly donors: Float64Array;
  /** Model column of this value's missing indicator (−1: none). */
  readonly indicator: number;
  /** Smoothing bandwidth (0: none) and the dominant value left unsmoothed (NaN: none). */
  readonly bandwidth: number;
  readonly dominant: number;
}

interface CartModel {
  readonly width: number;
  readonly visit: Int32Array;
  readonly trees: ColumnTree[];
}

/**
 * synthpop's CART synthesizer (`createSynthesizer("cart")`).
 *
 * @example
 * const s = new CartSynthesizer({ seed: 1 }).fit(loadTable("mlc_churn").head(500));
 * s.sample(3, { seed: 2 }).shape; // => [3, 20]
 * s.visitOrder.slice(0, 3); // => ["state", "account_length", "area_code"]
 */
export class CartSynthesizer extends TableSynthesizer<CartSynthesizerOptions> {
  readonly method = "cart";
  protected readonly encoding = "codes" as const;
  private model: CartModel | undefined;

  /**
   * @param options - the shared options (`metadata`, `seed`, `constraints`, `avoidCopies`, ...) and CART's own
   * @throws ParamError for a `minBucket` below 1, a negative `cp`, a `maxDepth` below 1, a visit sequence that repeats a column
   */
  constructor(options: BaseSynthesizerOptions & CartSynthesizerOptions = {}) {
    super("CartSynthesizer", DEFAULTS, options);
    const where = "CartSynthesizer";
    checkInteger(where, "minBucket", this.params.minBucket, 1);
    checkPositive(where, "cp", this.params.cp, true);
    checkInteger(where, "maxDepth", this.params.maxDepth, 1);
    checkOneOf(where, "smoothing", this.params.smoothing, ["none", "density"] as const);
    const vs = this.params.visitSequence;
    if (vs !== null) {
      if (!Array.isArray(vs) || vs.some((c) => typeof c !== "string")) {
        throw new ParamTypeError(where, "visitSequence", vs, `'visitSequence' must be an array of column names or null, got ${show(vs)}.`);
      }
      const seen = new Set<string>();
      for (const c of vs) {
        if (seen.has(c)) throw new ParamError(where, "visitSequence", vs, `'visitSequence' lists column '${c}' twice; each column is synthesized once.`);
        seen.add(c);
      }
    }
  }

  /** The order in which the learned columns were synthesized (after fit). */
  get visitOrder(): string[] {
    const m = this.fittedModel("visitOrder");
    const names: string[] = [];
    for (const j of m.visit) {
      const src = this.transformer.specs[j]!.source;
      if (!names.includes(src)) names.push(src);
    }
    return names;
  }

  private fittedModel(what: string): CartModel {
    if (!this.model) throw new ParamError(`CartSynthesizer.${what}`, "this", undefined, "the synthesizer is not fitted yet: call fit(data) first.");
    return this.model;
  }

  /** Model columns in visit order: each source's missing indicator before its value. */
  private visitOrderOf(enc: Encoded): Int32Array {
    const where = "CartSynthesizer.fit";
    const specs = enc.specs;
    const sources: string[] = [];
    for (const s of specs) if (!sources.includes(s.source)) sources.push(s.source);
    let ordered = sources;
    const vs = this.params.visitSequence;
    if (vs !== null) {
      const { modelled, generated } = this.fittedColumns;
      const unknown = vs.filter((c) => !modelled.includes(c) && !generated.includes(c));
      if (unknown.length) {
        throw new ParamError(where, "visitSequence", vs, `'visitSequence' names ${unknown.map((c) => `'${c}'`).join(", ")}, not a column of the table; the learned columns are ${modelled.map((c) => `'${c}'`).join(", ")}.`);
      }
      const missing = modelled.filter((c) => !vs.includes(c));
      if (missing.length) {
        throw new ParamError(where, "visitSequence", vs, `'visitSequence' misses ${missing.map((c) => `'${c}'`).join(", ")}; list every learned column once (ids and personal data may be left out).`);
      }
      // a model column made by a constraint from several real columns ("a#b", "high#diff") is visited at its first real column
      const rank = (src: string): number => {
        const parts = src.endsWith("#diff") ? [src.slice(0, -5)] : src.split("#");
        const pos = parts.map((p) => vs.indexOf(p)).filter((p) => p >= 0);
        return pos.length ? Math.min(...pos) : vs.indexOf(src);
      };
      ordered = [...sources].sort((a, b) => rank(a) - rank(b));
    }
    const visit: number[] = [];
    for (const src of ordered) {
      const cols = specs.flatMap((s, j) => (s.source === src ? [j] : []));
      cols.sort((a, b) => (specs[a]!.type === "missing" ? 0 : 1) - (specs[b]!.type === "missing" ? 0 : 1));
      visit.push(...cols);
    }
    return Int32Array.from(visit);
  }

  protected fitModel(enc: Encoded, _rng: Rng, onProgress: ProgressCallback | undefined): void {
    const where = "CartSynthesizer.fit";
    const { minBucket, cp, maxDepth, smoothing } = this.params;
    if (enc.n < 2 * minBucket) {
      throw new DataError(where, "data", enc.n, `CART needs at least 2 × minBucket = ${2 * minBucket} rows to split, got ${enc.n}; lower minBucket or give more rows.`);
    }
    const visit = this.visitOrderOf(enc);
    const specs = enc.specs;
    const features: (TreeFeature | undefined)[] = new Array(specs.length);
    const featureOf = (j: number): TreeFeature => {
      let f = features[j];
      if (!f) {
        const s = specs[j]!;
        const col = enc.columns[j]!;
        f = s.type === "code" ? { kind: "categorical", codes: Int32Array.from(col), nCodes: Math.max(1, s.nLevels) } : rankFeature(col);
        features[j] = f;
      }
      return f;
    };
    const trees: ColumnTree[] = [];
    for (let k = 0; k < visit.length; k++) {
      const j = visit[k]!;
      const s = specs[j]!;
      const y = enc.columns[j]!;
      const predictors = visit.subarray(0, k);
      const feats = Array.from(predictors, featureOf);
      const indicator = s.type === "value" ? specs.findIndex((t) => t.type === "missing" && t.source === s.source) : -1;
      let rows: Int32Array | undefined;
      if (s.type === "value") {
        const present: number[] = [];
        for (let i = 0; i < enc.n; i++) if (y[i] === y[i]) present.push(i);
        rows = Int32Array.from(present);
      }
      const cls = s.type !== "value";
      const nClasses = s.type === "code" ? Math.max(1, s.nLevels) : s.type === "missing" ? 2 : 1;
      let tree: Tree;
      if (rows && rows.length === 0) tree = growTree([], new Float64Array(0), { task: "regression", nClasses: 1, maxDepth, minLeaf: minBucket, minSplit: 3 * minBucket, cp, recordLeaves: true });
      else tree = growTree(feats, y, { task: cls ? "classification" : "regression", nClasses, rows, maxDepth, minLeaf: minBucket, minSplit: 3 * minBucket, cp, recordLeaves: true });
      // donor pools: the real values of each leaf
      const nNodes = tree.feature.length;
      const count = new Int32Array(nNodes);
      const leafOf = tree.leafOfRow!;
      for (let i = 0; i < leafOf.length; i++) if (leafOf[i]! >= 0) count[leafOf[i]!]!++;
      const start = new Int32Array(nNodes);
      for (let q = 1; q < nNodes; q++) start[q] = start[q - 1]! + count[q - 1]!;
      const fill = start.slice();
      const donors = new Float64Array(nNodes ? start[nNodes - 1]! + count[nNodes - 1]! : 0);
      for (let i = 0; i < leafOf.length; i++) if (leafOf[i]! >= 0) donors[fill[leafOf[i]!]!++] = y[i]!;
      let bandwidth = 0;
      let dominant = NaN;
      if (smoothing === "density" && s.type === "value" && donors.length > 1) ({ bandwidth, dominant } = densityBandwidth(donors));
      const { leafOfRow: _drop, ...kept } = tree;
      trees.push({ column: j, predictors: Int32Array.from(predictors), tree: kept, start, count, donors, indicator, bandwidth, dominant });
      onProgress?.(k + 1, visit.length, `tree ${k + 1} of ${visit.length}: ${s.source}${s.type === "missing" ? " (missing?)" : ""}`);
    }
    this.model = { width: specs.length, visit, trees };
  }

  protected sampleModel(n: number, rng: Rng): Float64Array[] {
    const m = this.fittedModel("sample");
    const out = Array.from({ length: m.width }, () => new Float64Array(n));
    const leaves = new Int32Array(n);
    for (const t of m.trees) {
      applyTreeColumns(t.tree, Array.from(t.predictors, (p) => out[p]!), n, leaves);
      const y = out[t.column]!;
      const ind = t.indicator >= 0 ? out[t.indicator]! : undefined;
      const { donors, start, count, bandwidth, dominant } = t;
      const u = rng.random(n); // one uniform per row, drawn in bulk: the donor
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i]!;
        const c = count[leaf]!;
        y[i] = c > 0 ? donors[start[leaf]! + Math.floor(u[i]! * c)]! : NaN;
      }
      if (ind) for (let i = 0; i < n; i++) if (ind[i]! >= 0.5) y[i] = NaN;
      if (bandwidth > 0) {
        const z = rng.normal(0, bandwidth, n);
        for (let i = 0; i < n; i++) if (y[i] !== dominant && y[i] === y[i]) y[i]! += z[i]!;
      }
    }
    return out;
  }

  protected modelToJSON(): unknown {
    const m = this.fittedModel("toJSON");
    return {
      width: m.width,
      visit: Array.from(m.visit),
      trees: m.trees.map((t) => ({
        column: t.column,
        predictors: Array.from(t.predictors),
        tree: treeToJSON(t.tree),
        count: Array.from(t.count),
        donors: Array.from(t.donors),
        indicator: t.indicator,
        bandwidth: t.bandwidth,
        dominant: Number.isNaN(t.dominant) ? null : t.dominant,
      })),
    };
  }

  protected modelFromJSON(json: unknown): void {
    const j = json as { width: number; visit: number[]; trees: { column: number; predictors: number[]; tree: TreeJSON; count: number[]; donors: number[]; indicator: number; bandwidth: number; dominant: number | null }[] };
    this.model = {
      width: j.width,
      visit: Int32Array.from(j.visit),
      trees: j.trees.map((t) => {
        const count = Int32Array.from(t.count);
        const start = new Int32Array(count.length);
        for (let q = 1; q < count.length; q++) start[q] = start[q - 1]! + count[q - 1]!;
        return { column: t.column, predictors: Int32Array.from(t.predictors), tree: treeFromJSON(t.tree), start, count, donors: Float64Array.from(t.donors), indicator: t.indicator, bandwidth: t.bandwidth, dominant: t.dominant ?? NaN };
      }),
    };
  }
}

/**
 * synthpop's density smoothing: Silverman's rule-of-thumb bandwidth (R's
 * bw.nrd0) of the values, leaving a value that holds over 70% of them as is.
 */
function densityBandwidth(values: Float64Array): { bandwidth: number; dominant: number } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let dominant = NaN;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && sorted[i] === sorted[i - 1]) run++;
    else {
      if (run > 0.7 * n) dominant = sorted[i - 1]!;
      run = 1;
    }
  }
  const kept = Number.isNaN(dominant) ? sorted : sorted.filter((v) => v !== dominant);
  const k = kept.length;
  if (k < 2) return { bandwidth: 0, dominant };
  let mean = 0;
  for (const v of kept) mean += v;
  mean /= k;
  let ss = 0;
  for (const v of kept) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (k - 1));
  const q = (p: number): number => {
    const h = (k - 1) * p;
    const lo = Math.floor(h);
    return kept[lo]! + (h - lo) * ((kept[Math.min(lo + 1, k - 1)] ?? kept[lo]!) - kept[lo]!);
  };
  const iqr = q(0.75) - q(0.25);
  let lo = Math.min(sd, iqr / 1.34);
  if (!(lo > 0)) lo = sd || Math.abs(kept[0]!) || 1;
  return { bandwidth: 0.9 * lo * k ** -0.2, dominant };
}
