/**
 * Goodness-of-fit p-values for the sampler tests (a test helper; the public
 * kstest/ks2samp live in src/quality): one-sample Kolmogorov–Smirnov with the
 * asymptotic Kolmogorov distribution (Stephens' small-n correction), and
 * Pearson's chi-square against an exact pmf with bins merged to expected
 * counts >= 5.
 */
import gammainc from "@stdlib/math-base-special-gammainc";

/** P(K > λ) for the Kolmogorov distribution. */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const t = Math.exp(-2 * k * k * lambda * lambda);
    s += (k % 2 ? 1 : -1) * t;
    if (t < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/**
 * KS statistic and p-value of `x` against `cdf`. With `stride` > 1 the CDF is
 * evaluated exactly at every stride-th order statistic and interpolated
 * linearly between (for costly mixture CDFs; at n = 10^6 neighbours are so
 * close that the error is far below 1e-6, against a critical D near 2e-3).
 */
export function ksTest(x: Float64Array, cdf: (v: number) => number, stride = 1): { statistic: number; pvalue: number } {
  const s = x.slice().sort();
  const n = s.length;
  const F = new Float64Array(n);
  if (stride <= 1) for (let i = 0; i < n; i++) F[i] = cdf(s[i]!);
  else {
    let prev = 0;
    F[0] = cdf(s[0]!);
    for (let i = stride; ; i += stride) {
      const j = Math.min(i, n - 1);
      F[j] = cdf(s[j]!);
      const a = s[prev]!;
      const b = s[j]!;
      for (let k = prev + 1; k < j; k++) F[k] = b > a ? F[prev]! + ((F[j]! - F[prev]!) * (s[k]! - a)) / (b - a) : F[prev]!;
      prev = j;
      if (j === n - 1) break;
    }
  }
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, F[i]! - i / n, (i + 1) / n - F[i]!);
  const sn = Math.sqrt(n);
  return { statistic: d, pvalue: kolmogorovQ((sn + 0.12 + 0.11 / sn) * d) };
}

/**
 * Pearson's chi-square of integer draws against an exact pmf: bins for
 * every k in [ppf(1e-9), ppf(1 - 1e-9)], the two tails as bins, adjacent
 * bins merged until each expects >= 5 draws.
 */
export function chiSquareTest(x: Float64Array, pmf: (k: number) => number, cdf: (k: number) => number, ppf: (q: number) => number): { statistic: number; df: number; pvalue: number } {
  const n = x.length;
  const kmin = ppf(1e-9);
  const kmax = Math.max(kmin, ppf(1 - 1e-9));
  const nb = kmax - kmin + 1;
  const expected = new Float64Array(nb + 2);
  const observed = new Float64Array(nb + 2);
  expected[0] = n * cdf(kmin - 1);
  let inside = 0;
  for (let k = kmin; k <= kmax; k++) {
    const p = pmf(k);
    expected[k - kmin + 1] = n * p;
    inside += p;
  }
  expected[nb + 1] = Math.max(0, n * (1 - cdf(kmax)));
  for (const v of x) {
    if (v < kmin) observed[0]!++;
    else if (v > kmax) observed[nb + 1]!++;
    else observed[v - kmin + 1]!++;
  }
  // merge left to right until each bin expects >= 5
  const e: number[] = [];
  const o: number[] = [];
  let ae = 0;
  let ao = 0;
  for (let i = 0; i < nb + 2; i++) {
    ae += expected[i]!;
    ao += observed[i]!;
    if (ae >= 5) {
      e.push(ae);
      o.push(ao);
      ae = 0;
      ao = 0;
    }
  }
  if (e.length === 0) return { statistic: 0, df: 0, pvalue: 1 };
  e[e.length - 1]! += ae;
  o[o.length - 1]! += ao;
  let stat = 0;
  for (let i = 0; i < e.length; i++) stat += ((o[i]! - e[i]!) * (o[i]! - e[i]!)) / e[i]!;
  const df = e.length - 1;
  void inside;
  return { statistic: stat, df, pvalue: df > 0 ? gammainc(stat / 2, df / 2, true, true) : 1 };
}
