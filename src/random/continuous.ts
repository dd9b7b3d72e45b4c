/**
 * Continuous samplers built on the ziggurat normal/exponential, Marsaglia–
 * Tsang gamma and uniform doubles, ported from numpy's `distributions.c` so
 * they consume the same draws in the same order.
 */
import { standardExponential } from "./exponential.js";
import { standardGamma } from "./gamma.js";
import { standardNormal } from "./normal.js";
import { poisson } from "./discrete.js";
import type { WordStream } from "./stream.js";

export function chisquare(st: WordStream, df: number): number {
  return 2 * standardGamma(st, df / 2);
}

export function f(st: WordStream, dfnum: number, dfden: number): number {
  return (chisquare(st, dfnum) * dfden) / (chisquare(st, dfden) * dfnum);
}

export function noncentralChisquare(st: WordStream, df: number, nonc: number): number {
  if (nonc === 0) return chisquare(st, df);
  if (df > 1) {
    const chi2 = chisquare(st, df - 1);
    const n = standardNormal(st) + Math.sqrt(nonc);
    return chi2 + n * n;
  }
  const i = poisson(st, nonc / 2);
  return chisquare(st, df + 2 * i);
}

export function noncentralF(st: WordStream, dfnum: number, dfden: number, nonc: number): number {
  const t = noncentralChisquare(st, dfnum, nonc) * dfden;
  return t / (chisquare(st, dfden) * dfnum);
}

export function standardCauchy(st: WordStream): number {
  return standardNormal(st) / standardNormal(st);
}

export function standardT(st: WordStream, df: number): number {
  const num = standardNormal(st);
  const denom = standardGamma(st, df / 2);
  return (Math.sqrt(df / 2) * num) / Math.sqrt(denom);
}

export function pareto(st: WordStream, a: number): number {
  return Math.exp(standardExponential(st) / a) - 1;
}

export function weibull(st: WordStream, a: number): number {
  if (a === 0) return 0;
  return Math.pow(standardExponential(st), 1 / a);
}

export function power(st: WordStream, a: number): number {
  return Math.pow(1 - Math.exp(-standardExponential(st)), 1 / a);
}

export function laplace(st: WordStream, loc: number, scale: number): number {
  for (;;) {
    const u = st.double();
    if (u >= 0.5) return loc - scale * Math.log(2 - u - u);
    if (u > 0) return loc + scale * Math.log(u + u);
  }
}

export function gumbel(st: WordStream, loc: number, scale: number): number {
  for (;;) {
    const u = 1 - st.double();
    if (u < 1) return loc - scale * Math.log(-Math.log(u));
  }
}

export function logistic(st: WordStream, loc: number, scale: number): number {
  for (;;) {
    const u = st.double();
    if (u > 0) return loc + scale * Math.log(u / (1 - u));
  }
}

export function rayleigh(st: WordStream, scale: number): number {
  return scale * Math.sqrt(2 * standardExponential(st));
}

export function wald(st: WordStream, mean: number, scale: number): number {
  const mu2l = mean / (2 * scale);
  let y = standardNormal(st);
  y = mean * y * y;
  const x = mean + mu2l * (y - Math.sqrt(4 * scale * y + y * y));
  const u = st.double();
  return u <= mean / (mean + x) ? x : (mean * mean) / x;
}

export function triangular(st: WordStream, left: number, mode: number, right: number): number {
  const base = right - left;
  const leftbase = mode - left;
  const ratio = leftbase / base;
  const leftprod = leftbase * base;
  const rightprod = (right - mode) * base;
  const u = st.double();
  return u <= ratio ? left + Math.sqrt(u * leftprod) : right - Math.sqrt((1 - u) * rightprod);
}

/** von Mises(mu, kappa) on [-π, π) by Best & Fisher's rejection (numpy's `random_vonmises`). */
export function vonmises(st: WordStream, mu: number, kappa: number): number {
  if (kappa < 1e-8) return Math.PI * (2 * st.double() - 1);
  let s: number;
  if (kappa < 1e-5) {
    s = 1 / kappa + kappa;
  } else if (kappa > 1e6) {
    // wrapped normal for very large kappa (numpy >= 1.21)
    let result = mu + Math.sqrt(1 / kappa) * standardNormal(st);
    if (result < -Math.PI) result += 2 * Math.PI;
    if (result > Math.PI) result -= 2 * Math.PI;
    return result;
  } else {
    const r = 1 + Math.sqrt(1 + 4 * kappa * kappa);
    const rho = (r - Math.sqrt(2 * r)) / (2 * kappa);
    s = (1 + rho * rho) / (2 * rho);
  }
  let w: number;
  for (;;) {
    const u = st.double();
    const z = Math.cos(Math.PI * u);
    w = (1 + s * z) / (s + z);
    const y = kappa * (s - w);
    const v = st.double();
    if (y * (2 - y) - v >= 0 || Math.log(y / v) + 1 - y >= 0) break;
  }
  const u = st.double();
  let result = Math.acos(w);
  if (u < 0.5) result = -result;
  result += mu;
  const neg = result < 0;
  let mod = Math.abs(result);
  mod = ((mod + Math.PI) % (2 * Math.PI)) - Math.PI;
  return neg ? -mod : mod;
}
