import { DataError, ParamError } from "../core/errors.js";
import { toPoints, type PointsInput } from "../core/knn.js";
import { columnVariances } from "../core/linalg.js";
import { fromRowMajor } from "../core/matrix.js";
import { checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import type { Matrix } from "ml-matrix";

/**
 * k-means++ seeding on a row-major buffer (scikit-learn's `_kmeans_plusplus`,
 * greedy: each step tries `2 + floor(ln k)` candidates drawn with probability
 * proportional to the squared distance to the nearest chosen center and keeps
 * the one that lowers the potential most).
 * @returns the k chosen row indices
 * @internal
 */
export function kmeansPlusPlusIndices(x: Float64Array, n: number, d: number, k: number, rng: Rng): Int32Array {
  const ids = new Int32Array(k);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(n);
  const sq = (a: number, b: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = x[a * d + j]! - x[b * d + j]!;
      s += t * t;
    }
    return s;
  };
  ids[0] = rng.integers(0, n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sq(i, ids[0]!);
    pot += closest[i]!;
  }
  const cum = new Float64Array(n);
  const cand = new Float64Array(trials * n);
  for (let c = 1; c < k; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) cum[i] = s += closest[i]!;
    let bestPot = Infinity;
    let best = -1;
    let bestT = -1;
    const candIds: number[] = [];
    for (let t = 0; t < trials; t++) {
      const r = rng.random() * pot;
      // searchsorted (left) in the cumulative sums, clipped to n - 1.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      const id = Math.min(lo, n - 1);
      candIds.push(id);
      let p = 0;
      const co = id * d;
      for (let i = 0; i < n; i++) {
        const ci = closest[i]!;
        const io = i * d;
        let s2 = 0;
        for (let j = 0; j < d && s2 < ci; j++) {
          const t2 = x[io + j]! - x[co + j]!;
          s2 += t2 * t2;
        }
        const v = s2 < ci ? s2 : ci;
        cand[t * n + i] = v;
        p += v;
      }
      if (p < bestPot) {
        bestPot = p;
        best = id;
        bestT = t;
      }
    }
    ids[c] = best;
    pot = bestPot;
    closest.set(cand.subarray(bestT * n, bestT * n + n));
  }
  return ids;
}

/** Result of {@link kmeansFit}. */
export interface KMeansResult {
  /** k × d centers, row-major. */
  readonly centers: Float64Array;
  /** Cluster of each row. */
  readonly labels: Int32Array;
  /** Sum of squared distances to the assigned centers. */
  readonly inertia: number;
  readonly nIter: number;
}

/**
 * Lloyd's k-means from k-means++ seeds (scikit-learn's `KMeans(n_init=1)`:
 * stops when the squared center shift is <= tol × mean column variance, or
 * the labels stop changing, or after maxIter iterations).
 * @internal
 */
export function kmeansFit(x: Float64Array, n: number, d: number, k: number, rng: Rng, maxIter = 300, tol = 1e-4): KMeansResult {
  const seeds = kmeansPlusPlusIndices(x, n, d, k, rng);
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centers.set(x.subarray(seeds[c]! * d, seeds[c]! * d + d), c * d);
  let tolAbs = 0;
  for (const v of columnVariances(x, n, d)) tolAbs += v;
  tolAbs = (tolAbs / d) * tol;
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(1);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  let nIter = 0;
  let inertia = 0;
  for (let it = 0; it < maxIter; it++) {
    nIter = it + 1;
    let changed = 0;
    inertia = 0;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const prev = labels[i]!;
      const best = nearestCenter(x, i, d, centers, k, prev < 0 ? 0 : prev, dist);
      const bd = dist[0]!;
      inertia += bd;
      if (labels[i] !== best) changed++;
      labels[i] = best;
      counts[best]!++;
      for (let j = 0; j < d; j++) sums[best * d + j]! += x[i * d + j]!;
    }
    if (changed === 0) break;
    let shift = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue; // an empty cluster keeps its center
      for (let j = 0; j < d; j++) {
        const v = sums[c * d + j]! / counts[c]!;
        const t = v - centers[c * d + j]!;
        shift += t * t;
        centers[c * d + j] = v;
      }
    }
    if (shift <= tolAbs) {
      // Final assignment to the moved centers (as scikit-learn's last E-step).
      for (let i = 0; i < n; i++) {
        const best = nearestCenter(x, i, d, centers, k, labels[i]!, dist);
        labels[i] = best;
      }
      break;
    }
  }
  return { centers, labels, inertia, nIter };
}

/**
 * Index of the nearest center to row i (the smallest index among ties). The
 * `first` center (the row's previous label) is measured first, so its
 * distance bounds the others, whose sums stop as soon as they exceed it.
 * The squared distance goes to `dist[0]`.
 */
function nearestCenter(x: Float64Array, i: number, d: number, centers: Float64Array, k: number, first: number, dist: Float64Array): number {
  const xo = i * d;
  let best = first;
  let bd = 0;
  for (let j = 0; j < d; j++) {
    const t = x[xo + j]! - centers[first * d + j]!;
    bd += t * t;
  }
  for (let c = 0; c < k; c++) {
    if (c === first) continue;
    const co = c * d;
    let s = 0;
    for (let j = 0; j < d && s <= bd; j++) {
      const t = x[xo + j]! - centers[co + j]!;
      s += t * t;
    }
    if (s < bd || (s === bd && c < best)) {
      bd = s;
      best = c;
    }
  }
  dist[0] = bd;
  return best;
}

/** Options of {@link kmeansPlusPlus}. */
export interface KMeansPlusPlusOptions {
  /** Seed of the draws. */
  seed?: SeedValue | Rng | undefined;
}

/**
 * k-means++ initial centers (scikit-learn's `kmeans_plusplus`): `nClusters`
 * rows of X chosen greedily, far apart with high probability.
 * @param X - n × d data
 * @param nClusters - number of centers (1 <= nClusters <= n)
 * @returns `{ centers: Matrix (nClusters × d), indices: Int32Array }`
 * @throws ParamError for nClusters out of range; DataError for NaN/infinite values
 *
 * @example
 * const { indices } = kmeansPlusPlus([[0, 0], [0, 0.1], [10, 10], [10, 10.1]], 2, { seed: 0 });
 * indices.length; // => 2
 */
export function kmeansPlusPlus(X: PointsInput, nClusters: number, options: KMeansPlusPlusOptions = {}): { centers: Matrix; indices: Int32Array } {
  const where = "kmeansPlusPlus";
  const o = mergeOptions(where, { seed: undefined } as KMeansPlusPlusOptions, options);
  const { data, rows, cols } = toPoints(where, "X", X);
  checkInteger(where, "nClusters", nClusters, 1);
  if (rows < 1) throw new DataError(where, "X", rows, "needs at least 1 row, got 0.");
  if (nClusters > rows) throw new ParamError(where, "nClusters", nClusters, `'nClusters' (${nClusters}) must be <= the number of rows (${rows}).`);
  const idx = kmeansPlusPlusIndices(data, rows, cols, nClusters, createRng(o.seed));
  const c = new Float64Array(nClusters * cols);
  for (let i = 0; i < nClusters; i++) c.set(data.subarray(idx[i]! * cols, idx[i]! * cols + cols), i * cols);
  return { centers: fromRowMajor(c, nClusters, cols), indices: idx };
}
