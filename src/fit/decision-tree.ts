/**
 * One decision-tree grower (CART: Breiman et al. 1984, as rpart and
 * scikit-learn grow it) shared by the random forest of the quality metrics
 * and synthpop's CART synthesizer, so there is one split search to test.
 *
 * Features arrive as integer codes, computed once per feature by one sort
 * (see {@link rankFeature}) or by binning (the forest's quantile bins):
 * - `ordinal`: code b stands for the values `x <= thresholds[b]` (and above
 *   `thresholds[b − 1]`); a split "code <= b" is stored as `x <= thresholds[b]`.
 *   Ranks give exact splits (every cut between two distinct real values, at
 *   the midpoint as rpart and scikit-learn put it); NaN is the last code.
 * - `categorical`: code = level; at each node the levels are ordered by the
 *   target's mean (regression) or by the share of the node's most frequent
 *   class (classification; Breiman's ordering, optimal for two classes), and
 *   the best cut of that order becomes a level set going left.
 *
 * A node's split search on one feature costs O(rows + codes) through a
 * histogram of codes, or O(rows · log rows) by sorting the node's codes when
 * the node holds far fewer rows than the feature has codes (deep nodes of an
 * exact tree), so exact trees on 10^6 rows stay O(n log² n) per feature.
 * Impurity: Gini (classification) and squared error (regression), weighted.
 * Internal.
 */
import type { Rng } from "../random/rng.js";

/** One feature's codes (length n, values 0..nCodes−1). */
export type TreeFeature =
  | {
      readonly kind: "ordinal";
      readonly codes: ArrayLike<number>;
      readonly nCodes: number;
      readonly thresholds: Float64Array;
      /** The value of each code (ranks): splits then sit midway between the node's own neighbours, as scikit-learn's and rpart's do. */
      readonly values?: Float64Array | undefined;
    }
  | { readonly kind: "categorical"; readonly codes: ArrayLike<number>; readonly nCodes: number };

/** Options of {@link growTree}. */
export interface GrowOptions {
  readonly task: "classification" | "regression";
  /** Classes (classification). */
  readonly nClasses: number;
  /** Row weights (the forest's bootstrap counts); rows of weight 0 are left out. Default: every row once. */
  readonly weight?: Float64Array | undefined;
  /** Rows to grow on (default: every row with positive weight). */
  readonly rows?: Int32Array | undefined;
  readonly maxDepth: number;
  /** Smallest total weight of a leaf (rpart's minbucket, scikit-learn's min_samples_leaf). */
  readonly minLeaf: number;
  /** Smallest total weight of a node that may split (rpart's minsplit). */
  readonly minSplit: number;
  /** A split must lower the tree's impurity by at least cp × the root's (rpart's cp). */
  readonly cp: number;
  /** Features tried at each node (the forest's mtry); default all. */
  readonly mtry?: number | undefined;
  /** With a stream, each node tries its features in a random order (a partial shuffle, the first `mtry`); without, all in order. Needed when `mtry` < the number of features. */
  readonly rng?: Rng | undefined;
  /** The feature order the random shuffles start from, updated in place (a forest passes one across its trees). */
  readonly featureOrder?: Int32Array | undefined;
  /** Record the leaf of every grown-on row (CART's donor pools). */
  readonly recordLeaves?: boolean;
}

/**
 * A grown tree, flat: node k splits on `feature[k]` (−1: a leaf). Ordinal
 * splits send `x <= threshold[k]` left; categorical splits (`maskAt[k] >= 0`)
 * send level c left when `masks[maskAt[k] + c]` is 1 (levels beyond the
 * mask, unseen at the node, go where `masks` says at the mask's last entry).
 * A leaf's value (class shares or the mean) starts at `value[left[k]]`.
 */
export interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly maskAt: Int32Array;
  readonly masks: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  /** Levels of each categorical feature (its masks have levels + 1 entries); 0 for ordinal ones. */
  readonly levels: Int32Array;
  /** With `recordLeaves`: the leaf node of each row (−1: not grown on). */
  readonly leafOfRow?: Int32Array | undefined;
}

/**
 * Exact ordinal codes of one numeric feature (one sort): distinct values
 * ranked 0..U−1, NaN last; thresholds at midpoints between neighbours (+∞
 * after the largest value, so NaN alone goes right).
 */
export function rankFeature(x: ArrayLike<number>): Extract<TreeFeature, { kind: "ordinal" }> {
  const n = x.length;
  const order = new Int32Array(n);
  let m = 0;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    if (x[i] === x[i]) order[m++] = i;
    else hasNaN = true;
  }
  const present = order.subarray(0, m);
  // sort the present rows by value: a packed sort of (value) then a stable index lookup
  const vals = new Float64Array(m);
  for (let k = 0; k < m; k++) vals[k] = x[present[k]!]!;
  const sorted = Float64Array.from(vals).sort();
  const uniq: number[] = [];
  for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) uniq.push(sorted[k]!);
  const U = uniq.length;
  const codes = new Int32Array(n);
  const u = Float64Array.from(uniq);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v !== v) {
      codes[i] = U;
      continue;
    }
    let lo = 0;
    let hi = U - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  const nCodes = U + (hasNaN ? 1 : 0);
  const thresholds = new Float64Array(Math.max(nCodes, 1));
  for (let b = 0; b < U - 1; b++) {
    const mid = u[b]! + (u[b + 1]! - u[b]!) / 2;
    thresholds[b] = mid > u[b]! ? mid : u[b]!; // neighbours one ulp apart
  }
  if (U > 0) thresholds[U - 1] = Infinity;
  if (hasNaN) thresholds[U] = Infinity;
  const values = new Float64Array(Math.max(nCodes, 1));
  values.set(u);
  if (hasNaN) values[U] = NaN;
  return { kind: "ordinal", codes, nCodes: Math.max(nCodes, 1), thresholds, values };
}

/** Scratch buffers reused across the nodes (and trees) of one grower. */
class Scratch {
  hw = new Float64Array(0);
  hc = new Float64Array(0);
  keys = new Float64Array(0);
  order = new Int32Array(0);
  stat = new Float64Array(0);
  ensure(codes: number, width: number, rows: number): void {
    if (this.hw.length < codes * width) this.hw = new Float64Array(codes * width);
    if (this.hc.length < codes) {
      this.hc = new Float64Array(codes);
      this.order = new Int32Array(codes);
      this.stat = new Float64Array(codes);
    }
    if (this.keys.length < rows) this.keys = new Float64Array(rows);
  }
}

/** The largest number of histogram cells a node may use before it sorts instead. */
const HISTOGRAM_CELLS = 1 << 22;

/**
 * Grows one tree on `features` (each of length n) and target `y` (class codes
 * or numbers, length n).
 */
export function growTree(features: readonly TreeFeature[], y: Float64Array, o: GrowOptions): Tree {
  const d = features.length;
  const n = y.length;
  const cls = o.task === "classification";
  const width = cls ? o.nClasses : 1;
  const W = Math.max(width, 2);
  const weight = o.weight ?? new Float64Array(n).fill(1);
  let idx: Int32Array;
  if (o.rows) idx = Int32Array.from(o.rows);
  else {
    const tmp = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (weight[i]! > 0) tmp[m++] = i;
    idx = tmp.slice(0, m);
  }
  const m0 = idx.length;
  const scratch = new Int32Array(m0);
  const S = new Scratch();
  let maxCodes = 2;
  for (const f of features) maxCodes = Math.max(maxCodes, f.nCodes);
  S.ensure(Math.min(maxCodes, Math.max(2, Math.floor(HISTOGRAM_CELLS / W))), W, m0);
  const mtry = o.mtry ?? d;
  const feats = o.featureOrder ?? Int32Array.from({ length: d }, (_, i) => i);
  const nodeTotal = new Float64Array(W);
  const leftTotal = new Float64Array(W);
  let bestLeftMask: number[] = [];
  const feature: number[] = [];
  const threshold: number[] = [];
  const maskAt: number[] = [];
  const masks: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const leafOfRow = o.recordLeaves ? new Int32Array(n).fill(-1) : undefined;
  const newNode = (): number => {
    feature.push(-1);
    threshold.push(0);
    maskAt.push(-1);
    left.push(-1);
    right.push(-1);
    return feature.length - 1;
  };
  // the root's impurity (for cp)
  let rootImpurity = 0;
  {
    let wt = 0;
    nodeTotal.fill(0);
    let sq = 0;
    for (let k = 0; k < m0; k++) {
      const i = idx[k]!;
      const wi = weight[i]!;
      wt += wi;
      if (cls) nodeTotal[y[i]!]! += wi;
      else {
        nodeTotal[0]! += wi * y[i]!;
        sq += wi * y[i]! * y[i]!;
      }
    }
    if (wt > 0) rootImpurity = cls ? wt - nodeTotal.subarray(0, width).reduce((a, v) => a + v * v, 0) / wt : sq - (nodeTotal[0]! * nodeTotal[0]!) / wt;
  }
  const minGain = o.cp * rootImpurity;

  const stack: number[] = [newNode(), 0, m0, 0];
  while (stack.length) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    const node = stack.pop()!;
    nodeTotal.fill(0);
    let wTot = 0;
    for (let k = lo; k < hi; k++) {
      const i = idx[k]!;
      const wi = weight[i]!;
      wTot += wi;
      if (cls) nodeTotal[y[i]!]! += wi;
      else nodeTotal[0]! += wi * y[i]!;
    }
    let pure: boolean;
    if (cls) {
      let nonzero = 0;
      for (let c = 0; c < width; c++) if (nodeTotal[c]! > 0) nonzero++;
      pure = nonzero <= 1;
    } else {
      const y0 = y[idx[lo]!]!;
      pure = true;
      for (let k = lo + 1; k < hi && pure; k++) if (y[idx[k]!]! !== y0) pure = false;
    }
    let bestF = -1;
    let bestB = -1;
    let bestCat = false;
    if (!pure && depth < o.maxDepth && wTot >= 2 * o.minLeaf && wTot >= o.minSplit) {
      const parent = cls ? nodeTotal.subarray(0, width).reduce((a, v) => a + v * v, 0) / wTot : (nodeTotal[0]! * nodeTotal[0]!) / wTot;
      let best = Math.max(parent * (1 + 1e-12) + 1e-12, parent + minGain);
      for (let j = 0; j < mtry; j++) {
        if (o.rng) {
          const r = j + Math.floor(o.rng!.random() * (d - j));
          const tmp = feats[j]!;
          feats[j] = feats[r]!;
          feats[r] = tmp;
        }
        const f = feats[j]!;
        const F = features[f]!;
        const B = F.nCodes;
        if (B < 2) continue;
        const codes = F.codes;
        const m = hi - lo;
        // candidate cut positions come as a sequence of "groups" (codes or ordered levels);
        // the scan below adds groups left to right and scores each cut
        let nGroups: number;
        let group: Int32Array | undefined; // group g → histogram slot (identity when undefined)
        if (F.kind === "categorical") S.ensure(B, W, 0);
        const useHistogram = F.kind === "categorical" || B <= 256 || B <= 4 * m;
        if (useHistogram && B * W <= S.hw.length) {
          const { hw, hc } = S;
          hw.fill(0, 0, B * width);
          hc.fill(0, 0, B);
          if (cls) {
            for (let k = lo; k < hi; k++) {
              const i = idx[k]!;
              const b = codes[i]!;
              const wi = weight[i]!;
              hw[b * width + y[i]!]! += wi;
              hc[b]! += wi;
            }
          } else {
            for (let k = lo; k < hi; k++) {
              const i = idx[k]!;
              const b = codes[i]!;
              const wi = weight[i]!;
              hw[b]! += wi * y[i]!;
              hc[b]! += wi;
            }
          }
          if (F.kind === "categorical") {
            // order the present levels by the target's mean, or the share of the node's top class
            let top = 0;
            if (cls) for (let c = 1; c < width; c++) if (nodeTotal[c]! > nodeTotal[top]!) top = c;
            let L = 0;
            for (let b = 0; b < B; b++) {
              if (hc[b] === 0) continue;
              S.order[L] = b;
              S.stat[b] = cls ? hw[b * width + top]! / hc[b]! : hw[b]! / hc[b]!;
              L++;
            }
            const ord = S.order.subarray(0, L);
            const stat = S.stat;
            ord.sort((a, b) => stat[a]! - stat[b]! || a - b);
            nGroups = L;
            group = ord;
          } else {
            nGroups = B;
            group = undefined;
          }
          const res = scanCuts(nGroups, group, hw, hc, width, cls, nodeTotal, leftTotal, wTot, o.minLeaf, best);
          if (res.cut >= 0) {
            best = res.score;
            bestF = f;
            bestCat = F.kind === "categorical";
            if (bestCat) {
              // the level set left of the cut; unseen levels follow the heavier side
              const mask = new Array<number>(B + 1).fill(0);
              let wl = 0;
              for (let g = 0; g <= res.cut; g++) {
                mask[group![g]!] = 1;
                wl += hc[group![g]!]!;
              }
              const unseenLeft = wl >= wTot - wl ? 1 : 0;
              for (let b = 0; b < B; b++) if (hc[b] === 0) mask[b] = unseenLeft;
              mask[B] = unseenLeft;
              bestLeftMask = mask;
              bestB = res.cut;
            } else bestB = res.cut;
          }
        } else {
          // few rows, many codes: sort the node's codes and score a cut at every change of code
          const keys = S.keys;
          for (let k = lo; k < hi; k++) keys[k - lo] = codes[idx[k]!]! * 4294967296 + (k - lo);
          const ks = keys.subarray(0, m).sort();
          const Lt = leftTotal.fill(0);
          let wl = 0;
          let sl = 0;
          let code = Math.floor(ks[0]! / 4294967296);
          for (let t = 0; t < m - 1; t++) {
            const i = idx[lo + (ks[t]! - code * 4294967296)]!;
            const wi = weight[i]!;
            wl += wi;
            if (cls) Lt[y[i]!]! += wi;
            else sl += wi * y[i]!;
            const next = Math.floor(ks[t + 1]! / 4294967296);
            if (next === code) continue;
            const wr = wTot - wl;
            if (wl >= o.minLeaf && wr >= o.minLeaf) {
              let score: number;
              if (cls) {
                let a2 = 0;
                let b2 = 0;
                for (let c = 0; c < width; c++) {
                  const r2 = nodeTotal[c]! - Lt[c]!;
                  a2 += Lt[c]! * Lt[c]!;
                  b2 += r2 * r2;
                }
                score = a2 / wl + b2 / wr;
              } else {
                const sr = nodeTotal[0]! - sl;
                score = (sl * sl) / wl + (sr * sr) / wr;
              }
              if (score > best) {
                best = score;
                bestF = f;
                bestB = code;
                bestCat = false;
              }
            }
            code = next;
          }
          continue;
        }
      }
    }
    if (bestF < 0) {
      const start = value.length;
      for (let c = 0; c < width; c++) value.push(nodeTotal[c]! / wTot);
      left[node] = start; // a leaf keeps its value offset in `left`
      if (leafOfRow) for (let k = lo; k < hi; k++) leafOfRow[idx[k]!] = node;
      continue;
    }
    const F = features[bestF]!;
    const codes = F.codes;
    let a = lo;
    let z = 0;
    if (bestCat) {
      const mk = bestLeftMask;
      for (let k = lo; k < hi; k++) {
        const i = idx[k]!;
        if (mk[codes[i]!] === 1) idx[a++] = i;
        else scratch[z++] = i;
      }
      feature[node] = bestF;
      maskAt[node] = masks.length;
      masks.push(...mk);
    } else {
      let maxLeft = -1;
      let minRight = Infinity;
      for (let k = lo; k < hi; k++) {
        const i = idx[k]!;
        const c = codes[i]!;
        if (c <= bestB) {
          idx[a++] = i;
          if (c > maxLeft) maxLeft = c;
        } else {
          scratch[z++] = i;
          if (c < minRight) minRight = c;
        }
      }
      feature[node] = bestF;
      const Fo = F as Extract<TreeFeature, { kind: "ordinal" }>;
      if (Fo.values) {
        // midway between the node's own neighbours (scikit-learn's rule); NaN alone on the right: +Infinity
        const x0 = Fo.values[maxLeft]!;
        const x1 = Fo.values[minRight]!;
        let t = x1 === x1 ? x0 / 2 + x1 / 2 : Infinity;
        if (t === x1) t = x0;
        threshold[node] = t;
      } else threshold[node] = Fo.thresholds[bestB]!;
    }
    idx.set(scratch.subarray(0, z), a);
    const l = newNode();
    const r = newNode();
    left[node] = l;
    right[node] = r;
    stack.push(r, a, hi, depth + 1, l, lo, a, depth + 1);
  }
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    maskAt: Int32Array.from(maskAt),
    masks: Uint8Array.from(masks),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    levels: Int32Array.from(features, (f) => (f.kind === "categorical" ? f.nCodes : 0)),
    leafOfRow,
  };
}

/** The best cut of groups 0..nGroups−1 (cut g: groups 0..g go left) scoring above `best`. */
function scanCuts(
  nGroups: number,
  group: Int32Array | undefined,
  hw: Float64Array,
  hc: Float64Array,
  width: number,
  cls: boolean,
  nodeTotal: Float64Array,
  L: Float64Array,
  wTot: number,
  minLeaf: number,
  best: number,
): { cut: number; score: number } {
  let cut = -1;
  let wl = 0;
  if (cls) {
    L.fill(0);
    for (let g = 0; g < nGroups - 1; g++) {
      const b = group ? group[g]! : g;
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
      if (wl < minLeaf || wr < minLeaf) continue;
      const score = sl / wl + sr / wr;
      if (score > best) {
        best = score;
        cut = g;
      }
    }
  } else {
    let sl = 0;
    for (let g = 0; g < nGroups - 1; g++) {
      const b = group ? group[g]! : g;
      if (hc[b] === 0) continue;
      wl += hc[b]!;
      sl += hw[b]!;
      const wr = wTot - wl;
      if (wl < minLeaf || wr < minLeaf) continue;
      const sr = nodeTotal[0]! - sl;
      const score = (sl * sl) / wl + (sr * sr) / wr;
      if (score > best) {
        best = score;
        cut = g;
      }
    }
  }
  return { cut, score: best };
}

/**
 * The leaf node reached by each row of `X` (`n × d`, row-major, categorical
 * features as level codes).
 */
export function applyTree(tree: Tree, X: Float64Array, n: number, d: number, out: Int32Array = new Int32Array(n)): Int32Array {
  const { feature, threshold, maskAt, masks, left, right } = tree;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    let k = 0;
    while (feature[k]! >= 0) {
      const x = X[row + feature[k]!]!;
      const at = maskAt[k]!;
      if (at < 0) k = x <= threshold[k]! ? left[k]! : right[k]!;
      else {
        // mask layout: one entry per level, then the rule for unseen levels
        const L = tree.levels[feature[k]!]!;
        const c = x >= 0 && x < L ? x | 0 : L;
        k = masks[at + c] === 1 ? left[k]! : right[k]!;
      }
    }
    out[i] = k;
  }
  return out;
}

/**
 * {@link applyTree} on columns: feature f of row i is `columns[f][i]`.
 */
export function applyTreeColumns(tree: Tree, columns: readonly ArrayLike<number>[], n: number, out: Int32Array = new Int32Array(n)): Int32Array {
  const { feature, threshold, maskAt, masks, left, right, levels } = tree;
  for (let i = 0; i < n; i++) {
    let k = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const x = columns[f]![i]!;
      const at = maskAt[k]!;
      if (at < 0) k = x <= threshold[k]! ? left[k]! : right[k]!;
      else {
        const L = levels[f]!;
        const c = x >= 0 && x < L ? x | 0 : L;
        k = masks[at + c] === 1 ? left[k]! : right[k]!;
      }
      f = feature[k]!;
    }
    out[i] = k;
  }
  return out;
}

/** A tree as plain JSON (typed arrays as number arrays; ±Infinity thresholds as strings). */
export interface TreeJSON {
  feature: number[];
  threshold: (number | string)[];
  maskAt: number[];
  masks: number[];
  left: number[];
  right: number[];
  value: number[];
  levels: number[];
}

export function treeToJSON(t: Tree): TreeJSON {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold, (v) => (Number.isFinite(v) ? v : String(v))),
    maskAt: Array.from(t.maskAt),
    masks: Array.from(t.masks),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    levels: Array.from(t.levels),
  };
}

export function treeFromJSON(j: TreeJSON): Tree {
  return {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold, (v) => Number(v)),
    maskAt: Int32Array.from(j.maskAt),
    masks: Uint8Array.from(j.masks),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    value: Float64Array.from(j.value),
    levels: Int32Array.from(j.levels),
  };
}
