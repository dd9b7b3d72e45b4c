/**
 * A small L2-regularized logistic regression fitted by Newton's method
 * (IRLS) on row-major Float64Array features, and ridge least squares: the
 * models behind the detection, pMSE and utility metrics. Internal.
 */
import { DataError } from "../../core/errors.js";
import { choleskyLower } from "../../core/linalg.js";

/** A fitted binary logistic model: P(y = 1 | x) = σ(x·coef + intercept). */
export interface LogisticModel {
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Newton iterations run. */
  readonly nIter: number;
}

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Penalty ½·l2·‖coef‖² added to the summed log-loss (scikit-learn's 1 / C); the intercept is not penalized. @defaultValue 1 */
  l2?: number;
  /** @defaultValue 50 */
  maxIter?: number;
  /** Stop when the largest Newton step is below it. @defaultValue 1e-8 */
  tol?: number;
}

/** Solves (L Lᵀ) x = b for x, L lower triangular row-major, in place on b. */
function choleskySolve(L: Float64Array, d: number, b: Float64Array): void {
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * d + k]! * b[k]!;
    b[i] = s / L[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * b[k]!;
    b[i] = s / L[i * d + i]!;
  }
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + exp(z)) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Fits P(y = 1 | x) by Newton's method with a halving line search on the
 * penalized log-likelihood. `X` is `n × d` row-major, `y` 0/1.
 */
export function fitLogistic(X: Float64Array, y: ArrayLike<number>, n: number, d: number, options: LogisticOptions = {}): LogisticModel {
  const { l2 = 1, maxIter = 50, tol = 1e-8 } = options;
  const p = d + 1;
  const w = new Float64Array(p);
  const z = new Float64Array(n);
  const H = new Float64Array(p * p);
  const L = new Float64Array(p * p);
  const g = new Float64Array(p);
  const trial = new Float64Array(p);
  const lossAt = (wt: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let s = wt[d]!;
      const o = i * d;
      for (let j = 0; j < d; j++) s += X[o + j]! * wt[j]!;
      z[i] = s;
      loss += softplus(s) - (y[i]! ? s : 0);
    }
    for (let j = 0; j < d; j++) loss += 0.5 * l2 * wt[j]! * wt[j]!;
    return loss;
  };
  let loss = lossAt(w);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const pi = sigmoid(z[i]!);
      const r = pi - (y[i]! ? 1 : 0);
      const wi = Math.max(pi * (1 - pi), 1e-12);
      const o = i * d;
      for (let a = 0; a < d; a++) {
        const xa = X[o + a]!;
        g[a] += r * xa;
        const wxa = wi * xa;
        const row = a * p;
        for (let b = 0; b <= a; b++) H[row + b] += wxa * X[o + b]!;
        H[d * p + a] += wxa; // intercept row
      }
      g[d] += r;
      H[d * p + d] += wi;
    }
    for (let j = 0; j < d; j++) {
      g[j] += l2 * w[j]!;
      H[j * p + j] += l2;
    }
    H[d * p + d] += 1e-10;
    if (!choleskyLower(H, p, L)) throw new DataError("fitLogistic", "X", "singular", "the Hessian is not positive definite; add regularization (l2 > 0).");
    const step = Float64Array.from(g);
    choleskySolve(L, p, step);
    let t = 1;
    let newLoss = Infinity;
    for (let k = 0; k < 30; k++) {
      for (let j = 0; j < p; j++) trial[j] = w[j]! - t * step[j]!;
      newLoss = lossAt(trial);
      if (newLoss <= loss + 1e-12 * Math.abs(loss)) break;
      t /= 2;
    }
    let maxStep = 0;
    for (let j = 0; j < p; j++) maxStep = Math.max(maxStep, Math.abs(t * step[j]!));
    w.set(trial);
    loss = newLoss;
    if (maxStep < tol) {
      iter++;
      break;
    }
  }
  return { coef: w.slice(0, d), intercept: w[d]!, nIter: iter };
}

/** P(y = 1 | x) for each of the `n` rows of `X` (row-major, `d` columns). */
export function predictProba(model: LogisticModel, X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = model.intercept;
    const o = i * d;
    for (let j = 0; j < d; j++) s += X[o + j]! * model.coef[j]!;
    out[i] = sigmoid(s);
  }
  return out;
}

/**
 * One-vs-rest multiclass logistic regression: one binary model per class
 * `0 .. nClasses - 1`; a class absent from `y` never wins.
 */
export function fitOneVsRest(X: Float64Array, y: Int32Array, n: number, d: number, nClasses: number, options: LogisticOptions = {}): (LogisticModel | null)[] {
  const models: (LogisticModel | null)[] = [];
  const yk = new Uint8Array(n);
  for (let k = 0; k < nClasses; k++) {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += yk[i] = y[i] === k ? 1 : 0;
    models.push(pos === 0 ? null : fitLogistic(X, yk, n, d, options));
  }
  return models;
}

/** The most probable class of each row under one-vs-rest models. */
export function predictOneVsRest(models: readonly (LogisticModel | null)[], X: Float64Array, n: number, d: number): Int32Array {
  const best = new Float64Array(n).fill(-Infinity);
  const out = new Int32Array(n);
  models.forEach((m, k) => {
    if (!m) return;
    const pk = predictProba(m, X, n, d);
    for (let i = 0; i < n; i++) {
      if (pk[i]! > best[i]!) {
        best[i] = pk[i]!;
        out[i] = k;
      }
    }
  });
  return out;
}

/** Ridge least squares y ≈ X·coef + intercept (intercept unpenalized): returns [coef..., intercept]. */
export function fitRidge(X: Float64Array, y: ArrayLike<number>, n: number, d: number, l2 = 1e-6): Float64Array {
  const p = d + 1;
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const yi = y[i]!;
    for (let a = 0; a < d; a++) {
      const xa = X[o + a]!;
      b[a] += xa * yi;
      for (let c = 0; c <= a; c++) A[a * p + c] += xa * X[o + c]!;
      A[d * p + a] += xa;
    }
    b[d] += yi;
    A[d * p + d] += 1;
  }
  for (let j = 0; j < d; j++) A[j * p + j] += l2 * n;
  A[d * p + d] += 1e-12;
  const L = new Float64Array(p * p);
  if (!choleskyLower(A, p, L)) throw new DataError("fitRidge", "X", "singular", "the normal equations are singular; add regularization.");
  choleskySolve(L, p, b);
  return b;
}

/** Predictions of a {@link fitRidge} model. */
export function predictRidge(w: Float64Array, X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = w[d]!;
    const o = i * d;
    for (let j = 0; j < d; j++) s += X[o + j]! * w[j]!;
    out[i] = s;
  }
  return out;
}
