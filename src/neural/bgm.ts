/**
 * A one-dimensional variational Bayesian Gaussian mixture with a Dirichlet
 * process prior on the weights (scikit-learn's BayesianGaussianMixture with
 * `weight_concentration_prior_type="dirichlet_process"`, the model RDT's
 * ClusterBasedNormalizer fits for CTGAN): k-means initialization, mean-field
 * updates, and a weight concentration of 0.001, so unneeded components get
 * (almost) no weight. Internal to CTGAN's mode-specific normalization.
 *
 * Priors as scikit-learn's defaults: mean prior = the data mean, mean
 * precision 1, degrees of freedom 1, variance prior = the data variance.
 * Stops when the largest change of a component's weight is below 1e-4, or
 * after `maxIter` rounds.
 */
import digamma from "@stdlib/math-base-special-digamma";

/** A fitted 1-D mixture. */
export interface Mixture1D {
  weights: number[];
  means: number[];
  stds: number[];
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Fits the mixture to `x` (finite values) with at most `k` components. */
export function fitBayesianMixture1D(x: Float64Array, k: number, maxIter = 100, weightConcentration = 1e-3): Mixture1D & { logResp: (v: number, out: Float64Array) => void } {
  const n = x.length;
  let shift = 0;
  for (let i = 0; i < n; i++) shift += x[i]!;
  shift /= n;
  // distinct values (centered) and their counts: repeated values (integers, rounded decimals) are fitted once, weighted
  const sorted = Float64Array.from(x).sort();
  const valsArr: number[] = [];
  const cntArr: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) cntArr[cntArr.length - 1]! += 1;
    else (valsArr.push(sorted[i]! - shift), cntArr.push(1));
  }
  const vals = Float64Array.from(valsArr);
  const cnt = Float64Array.from(cntArr);
  const m = vals.length;
  let var0 = 0;
  for (let i = 0; i < m; i++) var0 += cnt[i]! * vals[i]! ** 2;
  var0 = n > 1 ? var0 / (n - 1) : 1;
  if (!(var0 > 0)) var0 = 1e-6;
  const reg = 1e-6;
  // k-means in 1-D from quantile starts
  const centers = Array.from({ length: k }, (_, j) => sorted[Math.min(n - 1, Math.floor(((j + 0.5) / k) * n))]! - shift);
  const label = new Int32Array(m);
  for (let it = 0; it < 30; it++) {
    const sum = new Float64Array(k);
    const c = new Float64Array(k);
    for (let i = 0; i < m; i++) {
      let best = 0;
      let bd = Infinity;
      for (let j = 0; j < k; j++) {
        const dd = Math.abs(vals[i]! - centers[j]!);
        if (dd < bd) (bd = dd), (best = j);
      }
      label[i] = best;
      sum[best]! += cnt[i]! * vals[i]!;
      c[best]! += cnt[i]!;
    }
    for (let j = 0; j < k; j++) if (c[j]! > 0) centers[j] = sum[j]! / c[j]!;
  }
  // sufficient statistics of the responsibilities: Σr, Σr·x, Σr·x²
  const nk = new Float64Array(k);
  const sx = new Float64Array(k);
  const sxx = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    const j = label[i]!;
    nk[j]! += cnt[i]!;
    sx[j]! += cnt[i]! * vals[i]!;
    sxx[j]! += cnt[i]! * vals[i]! ** 2;
  }
  const alpha = new Float64Array(k);
  const beta = new Float64Array(k);
  const meanPrec = new Float64Array(k);
  const means = new Float64Array(k);
  const dof = new Float64Array(k);
  const cov = new Float64Array(k);
  let prevWeights: Float64Array = new Float64Array(k);
  const logW = new Float64Array(k);
  const mStep = (): void => {
    let tail = 0;
    for (let j = k - 1; j >= 0; j--) {
      alpha[j] = 1 + nk[j]!;
      beta[j] = weightConcentration + tail;
      tail += nk[j]!;
    }
    for (let j = 0; j < k; j++) {
      const nj = nk[j]! + 10 * 2.220446049250313e-16;
      const xk = sx[j]! / nj;
      const s = Math.max(0, sxx[j]! / nj - xk * xk) + reg;
      meanPrec[j] = 1 + nj;
      means[j] = (nj * xk) / meanPrec[j]!;
      dof[j] = 1 + nj;
      cov[j] = (var0 + nj * s + (nj / meanPrec[j]!) * xk * xk) / dof[j]!;
    }
    let acc = 0;
    for (let j = 0; j < k; j++) {
      const dsum = digamma(alpha[j]! + beta[j]!);
      logW[j] = digamma(alpha[j]!) - dsum + acc;
      acc += digamma(beta[j]!) - dsum;
    }
  };
  // per-component terms of the expected log-likelihood, refreshed after each M-step
  const prec = new Float64Array(k);
  const constant = new Float64Array(k);
  const refresh = (): void => {
    for (let j = 0; j < k; j++) {
      prec[j] = 1 / Math.sqrt(cov[j]!);
      const logLambda = Math.LN2 + digamma(0.5 * dof[j]!);
      constant[j] = -0.5 * LOG_2PI + Math.log(prec[j]!) - 0.5 * Math.log(dof[j]!) + 0.5 * (logLambda - 1 / meanPrec[j]!) + logW[j]!;
    }
  };
  const logRespCentered = (v: number, out: Float64Array): void => {
    let mx = -Infinity;
    for (let j = 0; j < k; j++) {
      const y = (v - means[j]!) * prec[j]!;
      out[j] = constant[j]! - 0.5 * y * y;
      if (out[j]! > mx) mx = out[j]!;
    }
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(out[j]! - mx);
    const lse = mx + Math.log(s);
    for (let j = 0; j < k; j++) out[j]! -= lse;
  };
  const weightsOf = (): Float64Array => {
    const w = new Float64Array(k);
    let rest = 1;
    let tot = 0;
    for (let j = 0; j < k; j++) {
      const f = alpha[j]! / (alpha[j]! + beta[j]!);
      w[j] = f * rest;
      rest *= beta[j]! / (alpha[j]! + beta[j]!);
      tot += w[j]!;
    }
    for (let j = 0; j < k; j++) w[j]! /= tot;
    return w;
  };
  mStep();
  refresh();
  const row = new Float64Array(k);
  for (let it = 0; it < maxIter; it++) {
    nk.fill(0);
    sx.fill(0);
    sxx.fill(0);
    for (let i = 0; i < m; i++) {
      const v = vals[i]!;
      logRespCentered(v, row);
      for (let j = 0; j < k; j++) {
        const r = cnt[i]! * Math.exp(row[j]!);
        nk[j]! += r;
        sx[j]! += r * v;
        sxx[j]! += r * v * v;
      }
    }
    mStep();
    refresh();
    const w = weightsOf();
    let change = 0;
    for (let j = 0; j < k; j++) change = Math.max(change, Math.abs(w[j]! - prevWeights[j]!));
    prevWeights = w;
    if (change < 1e-4) break;
  }
  return {
    weights: Array.from(weightsOf()),
    means: Array.from(means, (v) => v + shift),
    stds: Array.from(cov, (c) => Math.sqrt(c)),
    logResp: (v, out) => logRespCentered(v - shift, out),
  };
}
