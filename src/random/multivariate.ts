/**
 * Multivariate samplers (numpy's `multinomial`, `dirichlet`,
 * `multivariate_hypergeometric`, `multivariate_normal`): the draw loops, on
 * validated inputs. Validation lives in the `Rng` methods.
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from "ml-matrix";
import { ParamError } from "../core/errors.js";
import { beta } from "./beta.js";
import { BinomialSampler, hypergeometric } from "./discrete.js";
import { standardGamma } from "./gamma.js";
import { randomInterval } from "./integers.js";
import { fillNormal } from "./normal.js";
import type { WordStream } from "./stream.js";

/** One multinomial draw into `out[offset:offset+d)` (numpy's `random_multinomial`: successive conditional binomials). */
export function multinomialInto(st: WordStream, n: number, pvals: Float64Array, out: Int32Array, offset: number): void {
  const d = pvals.length;
  let remainingP = 1;
  let dn = n;
  for (let j = 0; j < d - 1; j++) {
    const v = new BinomialSampler(dn, pvals[j]! / remainingP).draw(st);
    out[offset + j] = v;
    dn -= v;
    if (dn <= 0) break;
    remainingP -= pvals[j]!;
  }
  if (dn > 0) out[offset + d - 1] = dn;
}

/**
 * One Dirichlet draw into `out[offset:offset+k)`: normalized gammas, or, when
 * every alpha is below 0.1, numpy's stick-breaking with beta draws (which
 * avoids gammas that underflow to 0).
 */
export function dirichletInto(st: WordStream, alpha: Float64Array, out: Float64Array, offset: number, tailSums: Float64Array | null): void {
  const k = alpha.length;
  if (tailSums) {
    let acc = 1;
    for (let j = 0; j < k - 1; j++) {
      const v = beta(st, alpha[j]!, tailSums[j + 1]!);
      out[offset + j] = acc * v;
      acc *= 1 - v;
    }
    out[offset + k - 1] = acc;
    return;
  }
  let acc = 0;
  for (let j = 0; j < k; j++) {
    const g = standardGamma(st, alpha[j]!);
    out[offset + j] = g;
    acc += g;
  }
  const inv = 1 / acc;
  for (let j = 0; j < k; j++) out[offset + j] = out[offset + j]! * inv;
}

/** Suffix sums of alpha when numpy's small-alpha (max < 0.1) method applies, else null. */
export function dirichletTailSums(alpha: Float64Array): Float64Array | null {
  const k = alpha.length;
  let max = -Infinity;
  for (const a of alpha) max = Math.max(max, a);
  if (!(k > 0 && max < 0.1)) return null;
  const tail = new Float64Array(k);
  let s = 0;
  for (let j = k - 1; j >= 0; j--) {
    s += alpha[j]!;
    tail[j] = s;
  }
  return tail;
}

/** numpy's `random_mvhg_marginals`, writing `nVariates` rows into `out`. */
export function mvhgMarginals(st: WordStream, colors: readonly number[], total: number, nsample: number, nVariates: number, out: Int32Array): void {
  const nc = colors.length;
  if (total === 0 || nsample === 0 || nVariates === 0) return;
  const moreThanHalf = nsample > Math.floor(total / 2);
  if (moreThanHalf) nsample = total - nsample;
  for (let i = 0; i < nVariates * nc; i += nc) {
    let toSample = nsample;
    let remaining = total;
    for (let j = 0; toSample > 0 && j + 1 < nc; j++) {
      remaining -= colors[j]!;
      const r = hypergeometric(st, colors[j]!, remaining, toSample);
      out[i + j] = r;
      toSample -= r;
    }
    if (toSample > 0) out[i + nc - 1] = toSample;
    if (moreThanHalf) for (let k = 0; k < nc; k++) out[i + k] = colors[k]! - out[i + k]!;
  }
}

/** numpy's `random_mvhg_count`: a partial Fisher–Yates over the expanded urn, kept across variates. */
export function mvhgCount(st: WordStream, colors: readonly number[], total: number, nsample: number, nVariates: number, out: Int32Array): void {
  const nc = colors.length;
  if (total === 0 || nsample === 0 || nVariates === 0) return;
  const choices = new Int32Array(total);
  for (let i = 0, k = 0; i < nc; i++) for (let j = 0; j < colors[i]!; j++) choices[k++] = i;
  const moreThanHalf = nsample > Math.floor(total / 2);
  if (moreThanHalf) nsample = total - nsample;
  for (let i = 0; i < nVariates * nc; i += nc) {
    for (let j = 0; j < nsample; j++) {
      const k = j + randomInterval(st, total - j - 1);
      const t = choices[k]!;
      choices[k] = choices[j]!;
      choices[j] = t;
    }
    for (let j = 0; j < nsample; j++) out[i + choices[j]!]! += 1;
    if (moreThanHalf) for (let k = 0; k < nc; k++) out[i + k] = colors[k]! - out[i + k]!;
  }
}

/**
 * A factor A with A Aᵀ = cov: Cholesky when cov is positive definite, else
 * the symmetric eigendecomposition V·diag(√λ) (cov positive semi-definite).
 * Throws when cov is not symmetric or has an eigenvalue below -tol·max|λ|.
 */
export function covarianceFactor(where: string, cov: Matrix, tol: number): Matrix {
  const d = cov.rows;
  let scale = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) scale = Math.max(scale, Math.abs(cov.get(i, j)));
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const a = cov.get(i, j);
      const b = cov.get(j, i);
      if (Math.abs(a - b) > tol * Math.max(1, scale)) {
        throw new ParamError(where, "cov", cov.to2DArray(), `'cov' must be symmetric, but cov[${i}][${j}] = ${a} and cov[${j}][${i}] = ${b}.`);
      }
    }
  }
  const chol = new CholeskyDecomposition(cov);
  if (chol.isPositiveDefinite()) {
    // ml-matrix accepts a rounding-level positive pivot of a singular matrix: require a well-conditioned factor
    const l = chol.lowerTriangularMatrix;
    let ok = true;
    for (let i = 0; i < d; i++) if (l.get(i, i) ** 2 < 1e-10 * Math.max(cov.get(i, i), Number.MIN_VALUE)) ok = false;
    if (ok) return l;
  }
  const evd = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
  const lambda = evd.realEigenvalues;
  let maxAbs = 0;
  for (const l of lambda) maxAbs = Math.max(maxAbs, Math.abs(l));
  let minL = Infinity;
  for (const l of lambda) minL = Math.min(minL, l);
  if (minL < -tol * Math.max(1, maxAbs)) {
    throw new ParamError(
      where,
      "cov",
      cov.to2DArray(),
      `'cov' must be positive semi-definite, but it has the eigenvalue ${minL}. Use a covariance matrix (e.g. X^T X / n), or add a small multiple of the identity.`,
    );
  }
  const v = evd.eigenvectorMatrix;
  const a = new Matrix(d, d);
  for (let j = 0; j < d; j++) {
    // eigenvalues at rounding level are zeros of a singular covariance
    const s = lambda[j]! <= 1e-12 * Math.max(1, maxAbs) ? 0 : Math.sqrt(lambda[j]!);
    for (let i = 0; i < d; i++) a.set(i, j, v.get(i, j) * s);
  }
  return a;
}

/** `size` rows of mean + A z, z standard normal (row-major draws, numpy's order). */
export function multivariateNormalRows(st: WordStream, mean: Float64Array, factor: Matrix, size: number): Float64Array {
  const d = mean.length;
  const z = new Float64Array(size * d);
  fillNormal(st, z);
  const a = factor.to2DArray();
  const out = new Float64Array(size * d);
  for (let r = 0; r < size; r++) {
    const o = r * d;
    for (let i = 0; i < d; i++) {
      const ai = a[i]!;
      let s = mean[i]!;
      for (let j = 0; j < d; j++) s += ai[j]! * z[o + j]!;
      out[o + i] = s;
    }
  }
  return out;
}
