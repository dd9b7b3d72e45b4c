/**
 * Matrices with block structure for biclustering (scikit-learn's
 * `make_biclusters` and `make_checkerboard`).
 */
import type { Matrix } from "ml-matrix";
import { ParamError, show } from "../core/errors.js";
import { checkFinite } from "../core/validate.js";
import type { Rng } from "../random/rng.js";
import { bool, int, nonNegative, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** Options of {@link makeBiclusters} and {@link makeCheckerboard}. */
export interface BiclusterOptions {
  /** Standard deviation of the Gaussian noise added to every entry. @defaultValue 0 */
  noise?: number;
  /** The smallest block value (block values are uniform in [minval, maxval)). @defaultValue 10 */
  minval?: number;
  /** The largest block value. @defaultValue 100 */
  maxval?: number;
  /** Shuffle the rows and the columns (else the blocks are contiguous). @defaultValue true */
  shuffle?: boolean;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeBiclusters} and {@link makeCheckerboard} return. */
export interface BiclusterResult extends DatasetResult {
  /** The data (nRows × nCols). */
  readonly X: Matrix;
  /** Indicator of each bicluster's rows (nBiclusters × nRows, 1 where the row belongs): scikit-learn's `rows`. */
  readonly rows: Matrix;
  /** Indicator of each bicluster's columns (nBiclusters × nCols): scikit-learn's `cols`. */
  readonly cols: Matrix;
  /** The row cluster of each row (Int32Array). */
  readonly rowLabels: Int32Array;
  /** The column cluster of each column (Int32Array). */
  readonly columnLabels: Int32Array;
}

const DEFAULTS: BiclusterOptions = { noise: 0, minval: 10, maxval: 100, shuffle: true, seed: undefined };

function checkShape(where: string, shape: unknown): [number, number] {
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw new ParamError(where, "shape", shape, `'shape' must be a pair [nRows, nCols], got ${show(shape)}.`);
  }
  return [int(where, "shape[0]", shape[0], 1), int(where, "shape[1]", shape[1], 1)];
}

function common(where: string, options: unknown) {
  const { o, rng } = setup(where, DEFAULTS, options);
  const noise = nonNegative(where, "noise", o.noise);
  const minval = checkFinite(where, "minval", o.minval);
  const maxval = checkFinite(where, "maxval", o.maxval);
  if (minval > maxval) throw new ParamError(where, "minval", minval, `'minval' (${minval}) must be <= 'maxval' (${maxval}).`);
  return { rng, noise, minval, maxval, shuffle: bool(where, "shuffle", o.shuffle) };
}

/** Cluster labels of `n` items with multinomial sizes over k equally likely clusters, contiguous. */
function labelsOf(rng: Rng, n: number, k: number): Int32Array {
  const sizes = rng.multinomial(n, new Float64Array(k).fill(1 / k));
  const out = new Int32Array(n);
  let i = 0;
  for (let c = 0; c < k; c++) for (let m = sizes[c]!; m > 0; m--) out[i++] = c;
  return out;
}

/** Adds noise, shuffles rows and columns (permuting the labels alike), returns the parts. */
function finish(rng: Rng, buf: Float64Array, rowL: Int32Array, colL: Int32Array, noise: number, shuffle: boolean) {
  const nr = rowL.length;
  const nc = colL.length;
  if (noise > 0) {
    const z = rng.normal(0, noise, nr * nc);
    for (let i = 0; i < buf.length; i++) buf[i] += z[i]!;
  }
  if (!shuffle) return { buf, rowL, colL };
  const rp = rng.permutation(nr);
  const cp = rng.permutation(nc);
  const out = new Float64Array(nr * nc);
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) out[i * nc + j] = buf[rp[i]! * nc + cp[j]!]!;
  return { buf: out, rowL: Int32Array.from(rp, (r) => rowL[r]!), colL: Int32Array.from(cp, (c) => colL[c]!) };
}

/** An indicator Matrix: row b marks the items whose label satisfies `match(b, label)`. */
function indicator(labels: Int32Array, nb: number, match: (b: number, label: number) => boolean): Matrix {
  const n = labels.length;
  const out = new Float64Array(nb * n);
  for (let b = 0; b < nb; b++) for (let i = 0; i < n; i++) if (match(b, labels[i]!)) out[b * n + i] = 1;
  return wrapRowMajor(out, nb, n);
}

/**
 * A constant-block diagonal structure: rows and columns are split into
 * `nClusters` groups (multinomial sizes, equally likely); bicluster c (row
 * group c × column group c) holds a constant uniform in [minval, maxval),
 * everything else 0; then noise and a shuffle of rows and columns.
 *
 * @param shape - `[nRows, nCols]`.
 * @param nClusters - The number of biclusters (>= 1).
 * @param options - {@link BiclusterOptions}: `noise` (0), `minval` (10), `maxval` (100), `shuffle` (true), `seed`.
 * @returns `{ X, rows, cols, rowLabels, columnLabels, seed }`.
 * @throws {ParamError} When the shape or nClusters are not integers >= 1, `noise` < 0 or minval > maxval.
 * @example
 * const { X, rows, cols } = makeBiclusters([6, 4], 2, { seed: 11 });
 * [X.rows, X.columns, rows.rows, rows.columns, cols.columns]; // => [6, 4, 2, 6, 4]
 */
export function makeBiclusters(shape: readonly [number, number], nClusters: number, options?: BiclusterOptions): BiclusterResult {
  const where = "makeBiclusters";
  const [nr, nc] = checkShape(where, shape);
  const k = int(where, "nClusters", nClusters, 1);
  const { rng, noise, minval, maxval, shuffle } = common(where, options);
  const consts = rng.uniform(minval, maxval, k);
  const rowL0 = labelsOf(rng, nr, k);
  const colL0 = labelsOf(rng, nc, k);
  const buf0 = new Float64Array(nr * nc);
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) if (rowL0[i] === colL0[j]) buf0[i * nc + j] = consts[rowL0[i]!]!;
  const { buf, rowL, colL } = finish(rng, buf0, rowL0, colL0, noise, shuffle);
  const same = (b: number, l: number) => b === l;
  return withDataFrame({
    X: wrapRowMajor(buf, nr, nc),
    rows: indicator(rowL, k, same),
    cols: indicator(colL, k, same),
    rowLabels: rowL,
    columnLabels: colL,
    seed: rng.seed,
  });
}

/**
 * A checkerboard: rows split into `nRowClusters` groups and columns into
 * `nColClusters` (multinomial sizes); every (row group, column group)
 * block holds its own constant uniform in [minval, maxval); then noise and
 * a shuffle of rows and columns. Bicluster b = i · nColClusters + j is
 * row group i × column group j.
 *
 * @param shape - `[nRows, nCols]`.
 * @param nClusters - The number of row and column clusters: one number for both, or `[nRowClusters, nColClusters]`.
 * @param options - {@link BiclusterOptions}: `noise` (0), `minval` (10), `maxval` (100), `shuffle` (true), `seed`.
 * @returns `{ X, rows, cols, rowLabels, columnLabels, seed }`, with nRowClusters · nColClusters biclusters.
 * @throws {ParamError} When the shape or cluster counts are not integers >= 1, `noise` < 0 or minval > maxval.
 * @example
 * const { X, rows } = makeCheckerboard([6, 4], [3, 2], { shuffle: false, seed: 11 });
 * [X.rows, rows.rows]; // => [6, 6]
 */
export function makeCheckerboard(shape: readonly [number, number], nClusters: number | readonly [number, number], options?: BiclusterOptions): BiclusterResult {
  const where = "makeCheckerboard";
  const [nr, nc] = checkShape(where, shape);
  let kr: number;
  let kc: number;
  if (typeof nClusters === "number") kr = kc = int(where, "nClusters", nClusters, 1);
  else if (Array.isArray(nClusters) && nClusters.length === 2) {
    kr = int(where, "nClusters[0]", nClusters[0], 1);
    kc = int(where, "nClusters[1]", nClusters[1], 1);
  } else throw new ParamError(where, "nClusters", nClusters, `'nClusters' must be an integer or a pair [nRowClusters, nColClusters], got ${show(nClusters)}.`);
  const { rng, noise, minval, maxval, shuffle } = common(where, options);
  const rowL0 = labelsOf(rng, nr, kr);
  const colL0 = labelsOf(rng, nc, kc);
  const values = rng.uniform(minval, maxval, kr * kc);
  const buf0 = new Float64Array(nr * nc);
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) buf0[i * nc + j] = values[rowL0[i]! * kc + colL0[j]!]!;
  const { buf, rowL, colL } = finish(rng, buf0, rowL0, colL0, noise, shuffle);
  return withDataFrame({
    X: wrapRowMajor(buf, nr, nc),
    rows: indicator(rowL, kr * kc, (b, l) => Math.floor(b / kc) === l),
    cols: indicator(colL, kr * kc, (b, l) => b % kc === l),
    rowLabels: rowL,
    columnLabels: colL,
    seed: rng.seed,
  });
}
