/**
 * The Gaussian copula's correlation: normal scores' Pearson correlation,
 * repaired to the nearest valid correlation matrix (Higham 2002: alternating
 * projections with Dykstra's correction onto the positive semidefinite cone
 * and the unit-diagonal matrices), and the conditional normal used for exact
 * conditional sampling (Gibbs sampling inside a box for several interval
 * conditions, inversion for one). Matrices are row-major Float64Arrays.
 * Internal.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { choleskyLower, pairwiseMoments } from "../core/linalg.js";
import { normCdf, normPpf } from "../random/distributions.js";
import type { Rng } from "../random/rng.js";

/**
 * Pearson correlation of `d` columns of `n` rows (columns given separately); a constant column correlates 0.
 * With `present[j]` (1 where column j has a value), pairs are correlated on the rows where both have one
 * (pairwise-complete, as pandas' `corr`), so filling missing values does not pull correlations to 0; the
 * result may then need {@link nearestCorrelation}.
 */
export function columnCorrelation(cols: readonly Float64Array[], n: number, present: readonly (Uint8Array | undefined)[] = []): Float64Array {
  const d = cols.length;
  const mean = cols.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]!;
    return s / n;
  });
  const centered = cols.map((c, j) => {
    const out = new Float64Array(n);
    const m = mean[j]!;
    for (let i = 0; i < n; i++) out[i] = c[i]! - m;
    return out;
  });
  const ss = centered.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]! * c[i]!;
    return s;
  });
  // columns with missing values, their placeholders as NaN, for the pairwise-complete pairs
  const masked = cols.map((c, j) => {
    const p = present[j];
    return p ? Float64Array.from(c.subarray(0, n), (v, i) => (p[i] ? v : NaN)) : c.subarray(0, n);
  });
  const R = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    R[a * d + a] = 1;
    const ca = centered[a]!;
    for (let b = a + 1; b < d; b++) {
      let r: number;
      if (present[a] || present[b]) {
        const m = pairwiseMoments(masked[a]!, masked[b]!);
        const den = Math.sqrt(m.sxx * m.syy);
        r = m.n < 3 || !(den > 0) ? 0 : Math.max(-1, Math.min(1, m.sxy / den));
      } else {
        const cb = centered[b]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
        const den = Math.sqrt(ss[a]! * ss[b]!);
        r = den > 0 ? Math.max(-1, Math.min(1, s / den)) : 0;
      }
      R[a * d + b] = r;
      R[b * d + a] = r;
    }
  }
  return R;
}

function projectPsd(A: Float64Array, d: number, floor: number): Float64Array {
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m.set(i, j, 0.5 * (A[i * d + j]! + A[j * d + i]!));
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const V = eig.eigenvectorMatrix;
  const w = eig.realEigenvalues.map((x) => Math.max(x, floor));
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += V.get(i, k) * w[k]! * V.get(j, k);
      out[i * d + j] = s;
      out[j * d + i] = s;
    }
  }
  return out;
}

/** Smallest eigenvalue of a symmetric matrix. */
export function minEigenvalue(A: Float64Array, d: number): number {
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m.set(i, j, A[i * d + j]!);
  return Math.min(...new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues);
}

/**
 * The nearest correlation matrix to `A` in the Frobenius norm (Higham's
 * alternating projections), with eigenvalues at least `floor` so its
 * Cholesky factor exists. Returns `A` itself (copied) when it already is one.
 */
export function nearestCorrelation(A: Float64Array, d: number, floor = 1e-6, maxIter = 200, tol = 1e-10): { matrix: Float64Array; repaired: boolean } {
  const L = new Float64Array(d * d);
  if (d === 0) return { matrix: new Float64Array(0), repaired: false };
  if (minEigenvalue(A, d) >= floor && choleskyLower(A, d, L)) return { matrix: Float64Array.from(A), repaired: false };
  let Y: Float64Array = Float64Array.from(A);
  const dS = new Float64Array(d * d);
  let X: Float64Array = Y;
  for (let it = 0; it < maxIter; it++) {
    const R = new Float64Array(d * d);
    for (let k = 0; k < d * d; k++) R[k] = Y[k]! - dS[k]!;
    X = projectPsd(R, d, floor);
    for (let k = 0; k < d * d; k++) dS[k] = X[k]! - R[k]!;
    const Ynew = Float64Array.from(X);
    for (let i = 0; i < d; i++) Ynew[i * d + i] = 1;
    let diff = 0;
    let norm = 0;
    for (let k = 0; k < d * d; k++) {
      diff += (Ynew[k]! - Y[k]!) ** 2;
      norm += Ynew[k]! ** 2;
    }
    Y = Ynew;
    if (Math.sqrt(diff) <= tol * Math.sqrt(norm)) break;
  }
  // final: PSD with floor, then rescale to unit diagonal (keeps it PSD)
  const P = projectPsd(Y, d, floor);
  const s = new Float64Array(d);
  for (let i = 0; i < d; i++) s[i] = 1 / Math.sqrt(P[i * d + i]!);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) P[i * d + j] = i === j ? 1 : P[i * d + j]! * s[i]! * s[j]!;
  return { matrix: P, repaired: true };
}

/** Lower Cholesky factor; adds a growing ridge when the matrix is numerically singular. */
export function choleskyWithJitter(A: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  if (choleskyLower(A, d, L)) return L;
  for (let eps = 1e-10; eps < 1; eps *= 10) {
    const B = Float64Array.from(A);
    for (let i = 0; i < d; i++) B[i * d + i]! += eps;
    if (choleskyLower(B, d, L)) return L;
  }
  throw new Error("choleskyWithJitter: matrix is not positive definite even with a ridge of 0.1");
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor. */
export function invertSpd(A: Float64Array, d: number): Float64Array {
  const L = choleskyWithJitter(A, d);
  const inv = new Float64Array(d * d);
  // solve L L^T x = e_k column by column
  const y = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < d; i++) {
      let s = i === k ? 1 : 0;
      for (let j = 0; j < i; j++) s -= L[i * d + j]! * y[j]!;
      y[i] = s / L[i * d + i]!;
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let j = i + 1; j < d; j++) s -= L[j * d + i]! * inv[j * d + k]!;
      inv[i * d + k] = s / L[i * d + i]!;
    }
  }
  return inv;
}

/**
 * A draw from N(mean, sd²) truncated to [lo, hi] by inversion, stable in the
 * tails (works on the side of the mean where the interval's mass is).
 */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number, u: number): number {
  let a = (lo - mean) / sd;
  let b = (hi - mean) / sd;
  let flip = false;
  if (a > 0) {
    // use the upper tail mirrored so the CDF values stay away from 1
    flip = true;
    [a, b] = [-b, -a];
  }
  const pa = normCdf(a);
  const pb = normCdf(b);
  let z: number;
  if (!(pb - pa > 1e-300)) z = Number.isFinite(a) && Number.isFinite(b) ? 0.5 * (a + b) : Number.isFinite(a) ? a : b;
  else {
    z = normPpf(pa + u * (pb - pa));
    if (!Number.isFinite(z) || z < a || z > b) z = Math.min(b, Math.max(a, Number.isFinite(z) ? z : 0.5 * (a + b)));
  }
  return mean + sd * (flip ? -z : z);
}

/**
 * Draws `n` vectors from N(0, Σ) conditioned on z_c ∈ [lo_c, hi_c] for the
 * conditioned dimensions `cond`, into `out` (n × d row-major): the
 * conditioned block by inversion (one condition) or Gibbs sampling in the
 * box (several; `sweeps` sweeps from a sequential start), the rest from the
 * exact conditional normal given them.
 */
export function conditionalNormal(
  sigma: Float64Array,
  d: number,
  cond: readonly { dim: number; lo: number; hi: number }[],
  n: number,
  rng: Rng,
  out: Float64Array,
  sweeps = 20,
): void {
  const C = cond.map((c) => c.dim);
  const F = Array.from({ length: d }, (_, j) => j).filter((j) => !C.includes(j));
  const k = C.length;
  const f = F.length;
  const Scc = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) Scc[a * k + b] = sigma[C[a]! * d + C[b]!]!;
  const P = invertSpd(Scc, k); // precision of the conditioned block
  const zc = new Float64Array(k);
  // A = Σ_FC Σ_CC⁻¹ and the conditional covariance's factor
  const SccInv = P;
  const A = new Float64Array(f * k);
  for (let i = 0; i < f; i++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += sigma[F[i]! * d + C[a]!]! * SccInv[a * k + b]!;
      A[i * k + b] = s;
    }
  }
  const Sff = new Float64Array(f * f);
  for (let i = 0; i < f; i++) {
    for (let j = 0; j <= i; j++) {
      let s = sigma[F[i]! * d + F[j]!]!;
      for (let a = 0; a < k; a++) s -= A[i * k + a]! * sigma[C[a]! * d + F[j]!]!;
      Sff[i * f + j] = s;
      Sff[j * f + i] = s;
    }
  }
  const Lf = f > 0 ? choleskyWithJitter(Sff, f) : new Float64Array(0);
  const eps = new Float64Array(f);
  for (let r = 0; r < n; r++) {
    if (k === 1) {
      const c = cond[0]!;
      zc[0] = truncatedNormal(0, Math.sqrt(Scc[0]!), c.lo, c.hi, rng.random());
    } else {
      // sequential start, then Gibbs sweeps: z_a | z_-a ~ N(-(1/P_aa) Σ_b≠a P_ab z_b, 1/P_aa) in [lo_a, hi_a]
      for (let a = 0; a < k; a++) zc[a] = 0;
      for (let sweep = 0; sweep <= sweeps; sweep++) {
        for (let a = 0; a < k; a++) {
          let s = 0;
          for (let b = 0; b < k; b++) if (b !== a && (sweep > 0 || b < a)) s += P[a * k + b]! * zc[b]!;
          const paa = P[a * k + a]!;
          const c = cond[a]!;
          zc[a] = truncatedNormal(-s / paa, 1 / Math.sqrt(paa), c.lo, c.hi, rng.random());
        }
      }
    }
    const row = r * d;
    for (let a = 0; a < k; a++) out[row + C[a]!] = zc[a]!;
    for (let i = 0; i < f; i++) eps[i] = rng.standardNormal();
    for (let i = 0; i < f; i++) {
      let m = 0;
      for (let a = 0; a < k; a++) m += A[i * k + a]! * zc[a]!;
      let e = 0;
      for (let j = 0; j <= i; j++) e += Lf[i * f + j]! * eps[j]!;
      out[row + F[i]!] = m + e;
    }
  }
}
