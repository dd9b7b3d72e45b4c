/**
 * Structured random matrices (scikit-learn's `make_low_rank_matrix`,
 * `make_spd_matrix`, `make_sparse_spd_matrix`, `make_sparse_coded_signal`):
 * a fat-tailed low-rank profile, symmetric positive definite matrices (dense
 * and sparse precision-like), and signals built from a sparse code.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import { checkInRange } from "../core/validate.js";
import type { Rng } from "../random/rng.js";
import { bool, int, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** A result that is one matrix `X` (no targets). */
export interface MatrixResult extends DatasetResult {
  readonly X: Matrix;
}

// ------------------------------------------------------------ low rank

/** Options of {@link makeLowRankMatrix}. */
export interface LowRankMatrixOptions {
  /** The number of rows. @defaultValue 100 */
  nSamples?: number;
  /** The number of columns. @defaultValue 100 */
  nFeatures?: number;
  /** The approximate number of singular vectors that carry most of the energy. @defaultValue 10 */
  effectiveRank?: number;
  /** The relative weight of the slowly decaying tail of the singular values, in [0, 1]. @defaultValue 0.5 */
  tailStrength?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** A thin orthonormal basis (m × k, k <= m) of the columns of a standard normal m × k matrix. */
function randomOrthonormal(rng: Rng, m: number, k: number): Matrix {
  const g = wrapRowMajor(rng.standardNormal(m * k), m, k);
  return new QrDecomposition(g).orthogonalMatrix;
}

/** The low-rank matrix as a row-major buffer (shared with makeRegression). */
export function lowRankBuffer(rng: Rng, n: number, d: number, effectiveRank: number, tailStrength: number): Float64Array {
  const k = Math.min(n, d);
  const u = randomOrthonormal(rng, n, k);
  const v = randomOrthonormal(rng, d, k);
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const r = i / effectiveRank;
    s[i] = (1 - tailStrength) * Math.exp(-r * r) + tailStrength * Math.exp((-0.1 * i) / effectiveRank);
  }
  // X = U diag(s) Vᵀ, with the rows of V scaled once
  const vs = new Float64Array(d * k);
  for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) vs[j * k + c] = v.get(j, c) * s[c]!;
  const out = new Float64Array(n * d);
  const urow = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) urow[c] = u.get(i, c);
    for (let j = 0; j < d; j++) {
      let acc = 0;
      for (let c = 0; c < k; c++) acc += urow[c]! * vs[j * k + c]!;
      out[i * d + j] = acc;
    }
  }
  return out;
}

/**
 * A mostly low-rank matrix with bell-shaped singular values
 * (scikit-learn's `make_low_rank_matrix`): `X = U diag(s) Vᵀ` with random
 * orthonormal U, V and `s_i = (1 - tailStrength) exp(-(i / effectiveRank)²) + tailStrength exp(-0.1 i / effectiveRank)`.
 *
 * @param options - {@link LowRankMatrixOptions}: `nSamples` (100), `nFeatures` (100), `effectiveRank` (10), `tailStrength` (0.5), `seed`.
 * @returns `{ X, singularValues, seed }`: `X` a Matrix (nSamples × nFeatures) and its singular values (Float64Array, min(nSamples, nFeatures)).
 * @throws {ParamError} When sizes or `effectiveRank` are not integers >= 1, or `tailStrength` is outside [0, 1].
 * @example
 * const { X, singularValues } = makeLowRankMatrix({ nSamples: 6, nFeatures: 4, effectiveRank: 2, seed: 11 });
 * [X.rows, X.columns, singularValues.length]; // => [6, 4, 4]
 */
export function makeLowRankMatrix(options?: LowRankMatrixOptions): MatrixResult & { readonly singularValues: Float64Array } {
  const where = "makeLowRankMatrix";
  const { o, rng } = setup(where, { nSamples: 100, nFeatures: 100, effectiveRank: 10, tailStrength: 0.5, seed: undefined } as LowRankMatrixOptions, options);
  const n = int(where, "nSamples", o.nSamples, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const rank = int(where, "effectiveRank", o.effectiveRank, 1);
  const tail = checkInRange(where, "tailStrength", o.tailStrength, 0, 1);
  const buf = lowRankBuffer(rng, n, d, rank, tail);
  const k = Math.min(n, d);
  const singularValues = new Float64Array(k);
  for (let i = 0; i < k; i++) singularValues[i] = (1 - tail) * Math.exp(-((i / rank) ** 2)) + tail * Math.exp((-0.1 * i) / rank);
  return withDataFrame({ X: wrapRowMajor(buf, n, d), singularValues, seed: rng.seed });
}

// ------------------------------------------------------------------ SPD

/** Options of {@link makeSpdMatrix}. */
export interface SpdMatrixOptions {
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/**
 * A random symmetric positive definite matrix (scikit-learn's
 * `make_spd_matrix`): the eigenvectors of `AᵀA` for a uniform random A,
 * with eigenvalues `1 + u`, u uniform on [0, 1); so its eigenvalues lie in [1, 2).
 *
 * @param nDim - The matrix dimension (>= 1).
 * @param options - {@link SpdMatrixOptions}: `seed`.
 * @returns `{ X, seed }`: `X` a symmetric Matrix (nDim × nDim).
 * @throws {ParamError} When `nDim` is not an integer >= 1.
 * @example
 * const { X } = makeSpdMatrix(3, { seed: 11 });
 * [X.rows, X.isSymmetric()]; // => [3, true]
 */
export function makeSpdMatrix(nDim: number, options?: SpdMatrixOptions): MatrixResult {
  const where = "makeSpdMatrix";
  const { rng } = setup(where, { seed: undefined } as SpdMatrixOptions, options);
  const n = int(where, "nDim", nDim, 1);
  const a = wrapRowMajor(rng.random(n * n), n, n);
  const ata = a.transpose().mmul(a);
  const q = new EigenvalueDecomposition(ata, { assumeSymmetric: true }).eigenvectorMatrix;
  const lam = rng.random(n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let acc = 0;
      for (let c = 0; c < n; c++) acc += q.get(i, c) * (1 + lam[c]!) * q.get(j, c);
      out[i * n + j] = acc;
      out[j * n + i] = acc;
    }
  }
  return withDataFrame({ X: wrapRowMajor(out, n, n), seed: rng.seed });
}

/** Options of {@link makeSparseSpdMatrix}. */
export interface SparseSpdMatrixOptions {
  /** The matrix dimension. @defaultValue 1 */
  nDim?: number;
  /** The probability that a coefficient of the Cholesky-like factor is zero, in [0, 1]; larger is sparser. @defaultValue 0.95 */
  alpha?: number;
  /** Scale to a unit diagonal. @defaultValue false */
  normDiag?: boolean;
  /** The smallest absolute non-zero off-diagonal coefficient of the factor, in [0, 1]. @defaultValue 0.1 */
  smallestCoef?: number;
  /** The largest absolute non-zero off-diagonal coefficient of the factor, in [0, 1]. @defaultValue 0.9 */
  largestCoef?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/**
 * A sparse symmetric positive definite matrix (scikit-learn's
 * `make_sparse_spd_matrix`): `CᵀC` for a factor C with -1 on the diagonal
 * and, below it before a random symmetric permutation, coefficients that
 * are zero with probability `alpha` and else uniform in
 * [smallestCoef, largestCoef].
 *
 * @param options - {@link SparseSpdMatrixOptions}: `nDim` (1), `alpha` (0.95), `normDiag` (false), `smallestCoef` (0.1), `largestCoef` (0.9), `seed`.
 * @returns `{ X, seed }`: `X` a symmetric positive definite Matrix (nDim × nDim), mostly zeros off the diagonal.
 * @throws {ParamError} When `nDim` < 1, `alpha` or the coefficients are outside [0, 1], or smallestCoef > largestCoef.
 * @example
 * const { X } = makeSparseSpdMatrix({ nDim: 4, alpha: 0.5, normDiag: true, seed: 11 });
 * [X.isSymmetric(), X.get(2, 2)]; // => [true, 1]
 */
export function makeSparseSpdMatrix(options?: SparseSpdMatrixOptions): MatrixResult {
  const where = "makeSparseSpdMatrix";
  const defaults: SparseSpdMatrixOptions = { nDim: 1, alpha: 0.95, normDiag: false, smallestCoef: 0.1, largestCoef: 0.9, seed: undefined };
  const { o, rng } = setup(where, defaults, options);
  const n = int(where, "nDim", o.nDim, 1);
  const alpha = checkInRange(where, "alpha", o.alpha, 0, 1);
  const normDiag = bool(where, "normDiag", o.normDiag);
  const lo = checkInRange(where, "smallestCoef", o.smallestCoef, 0, 1);
  const hi = checkInRange(where, "largestCoef", o.largestCoef, 0, 1);
  if (lo > hi) throw new ParamError(where, "smallestCoef", lo, `'smallestCoef' (${lo}) must be <= 'largestCoef' (${hi}).`);
  const aux = rng.random(n * n);
  let kept = 0;
  for (let i = 0; i < aux.length; i++) if (aux[i]! > alpha) kept++;
  const coefs = rng.random(kept);
  for (let i = 0, c = 0; i < aux.length; i++) {
    if (aux[i]! > alpha) aux[i] = lo + (hi - lo) * coefs[c++]!;
    else aux[i] = 0;
  }
  // strictly lower triangle, rows and columns permuted alike: C[i][j] = aux[p[j]][p[i]] for p[j] > p[i]
  const p = rng.permutation(n);
  const chol = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    chol[i * n + i] = -1;
    for (let j = 0; j < n; j++) {
      const a = p[j]!;
      const b = p[i]!;
      if (a > b) chol[i * n + j] += aux[a * n + b]!;
    }
  }
  const prec = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += chol[k * n + i]! * chol[k * n + j]!;
      prec[i * n + j] = acc;
      prec[j * n + i] = acc;
    }
  }
  if (normDiag) {
    const dinv = new Float64Array(n);
    for (let i = 0; i < n; i++) dinv[i] = 1 / Math.sqrt(prec[i * n + i]!);
    for (let i = 0; i < n; i++) {
      prec[i * n + i] = 1;
      for (let j = i + 1; j < n; j++) prec[i * n + j] = prec[j * n + i] = prec[i * n + j]! * dinv[i]! * dinv[j]!;
    }
  }
  return withDataFrame({ X: wrapRowMajor(prec, n, n), seed: rng.seed });
}

// ------------------------------------------------------- sparse coded signal

/** Options of {@link makeSparseCodedSignal} (the three sizes are required). */
export interface SparseCodedSignalOptions {
  /** The number of atoms (rows of the dictionary). */
  nComponents: number;
  /** The dimension of the signal (columns of the dictionary). */
  nFeatures: number;
  /** The number of non-zero coefficients of each sample's code (<= nComponents). */
  nNonzeroCoefs: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

/** What {@link makeSparseCodedSignal} returns. */
export interface SparseCodedSignalResult extends DatasetResult {
  /** The signal, `code · dictionary` (nSamples × nFeatures): scikit-learn's `Y`. */
  readonly X: Matrix;
  /** The dictionary, unit-norm atoms as rows (nComponents × nFeatures): scikit-learn's `D`. */
  readonly dictionary: Matrix;
  /** The sparse code (nSamples × nComponents), `nNonzeroCoefs` standard normal entries a row: scikit-learn's `X`. */
  readonly code: Matrix;
}

/**
 * A signal as a sparse combination of dictionary atoms (scikit-learn's
 * `make_sparse_coded_signal` with `data_transposed=False`): the dictionary
 * has standard normal entries with each atom scaled to unit norm; each
 * sample's code has `nNonzeroCoefs` standard normal coefficients at random
 * distinct atoms.
 *
 * @param nSamples - The number of samples (>= 1).
 * @param options - {@link SparseCodedSignalOptions}: `nComponents`, `nFeatures`, `nNonzeroCoefs` (required), `seed`.
 * @returns `{ X, dictionary, code, seed }` with `X = code · dictionary`.
 * @throws {ParamError} When a size is missing or not an integer >= 1, or nNonzeroCoefs > nComponents.
 * @example
 * const { X, dictionary, code } = makeSparseCodedSignal(5, { nComponents: 8, nFeatures: 10, nNonzeroCoefs: 3, seed: 11 });
 * [X.rows, X.columns, dictionary.rows, code.columns]; // => [5, 10, 8, 8]
 * code.getRow(0).filter((v) => v !== 0).length; // => 3
 */
export function makeSparseCodedSignal(nSamples: number, options: SparseCodedSignalOptions): SparseCodedSignalResult {
  const where = "makeSparseCodedSignal";
  const defaults = { nComponents: NaN, nFeatures: NaN, nNonzeroCoefs: NaN, seed: undefined } as SparseCodedSignalOptions;
  for (const k of ["nComponents", "nFeatures", "nNonzeroCoefs"] as const) {
    if (options?.[k] === undefined) throw new ParamError(where, k, undefined, `'${k}' is required.`);
  }
  const { o, rng } = setup(where, defaults, options);
  const n = int(where, "nSamples", nSamples, 1);
  const k = int(where, "nComponents", o.nComponents, 1);
  const d = int(where, "nFeatures", o.nFeatures, 1);
  const nnz = int(where, "nNonzeroCoefs", o.nNonzeroCoefs, 1);
  if (nnz > k) throw new ParamError(where, "nNonzeroCoefs", nnz, `'nNonzeroCoefs' (${nnz}) must be <= 'nComponents' (${k}).`);
  // dictionary: d × k standard normal, columns (atoms) scaled to unit norm; stored as atoms × features
  const g = rng.standardNormal(d * k);
  const dict = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    let ss = 0;
    for (let f = 0; f < d; f++) ss += g[f * k + c]! ** 2;
    const inv = 1 / Math.sqrt(ss);
    for (let f = 0; f < d; f++) dict[c * d + f] = g[f * k + c]! * inv;
  }
  const code = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const idx = rng.permutation(k);
    const v = rng.standardNormal(nnz);
    for (let t = 0; t < nnz; t++) code[i * k + idx[t]!] = v[t]!;
  }
  const signal = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const w = code[i * k + c]!;
      if (w === 0) continue;
      for (let f = 0; f < d; f++) signal[i * d + f] += w * dict[c * d + f]!;
    }
  }
  return withDataFrame({ X: wrapRowMajor(signal, n, d), dictionary: wrapRowMajor(dict, k, d), code: wrapRowMajor(code, n, k), seed: rng.seed });
}
