/**
 * The Kolmogorov–Smirnov null distributions, as scipy computes them:
 * `smirnov(n, d)` = P(D⁺ₙ ≥ d) (one-sided, exact, Birnbaum & Tingey),
 * `kolmogorov(x)` = the limiting P(√n·Dₙ > x), and `kstwoSf(d, n)` = exact
 * P(Dₙ ≥ d) for the two-sided statistic, chosen among the Durbin matrix
 * (Marsaglia–Tsang–Wang), Pomeranz's recursion, Pelz–Good's asymptotic and
 * 2·smirnov by Simard & L'Ecuyer's (2011) rules, as scipy.stats.kstwo does.
 */
import gammaln from "@stdlib/math-base-special-gammaln";

const E128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const clip = (p: number) => Math.min(1, Math.max(0, p));

/** P(D⁺ₙ ≥ d), the one-sided statistic's survival function (scipy.special.smirnov). */
export function smirnov(n: number, d: number): number {
  if (!(n > 0 && d >= 0 && d <= 1)) return NaN;
  if (d === 0) return 1;
  const nn = Math.floor(n * (1 - d));
  let p = 0;
  if (n < 1013) {
    let c = 1;
    for (let v = 0; v <= nn; v++) {
      const evn = d + v / n;
      p += c * Math.pow(evn, v - 1) * Math.pow(1 - evn, n - v);
      c *= (n - v) / (v + 1);
    }
  } else {
    const lg = gammaln(n + 1);
    for (let v = 0; v <= nn; v++) {
      const evn = d + v / n;
      const om = 1 - evn;
      if (Math.abs(om) > 0) {
        const t = lg - gammaln(v + 1) - gammaln(n - v + 1) + (v - 1) * Math.log(evn) + (n - v) * Math.log(om);
        if (t > -708) p += Math.exp(t);
      }
    }
  }
  return clip(p * d);
}

/** Kolmogorov's limiting distribution: P(√n·Dₙ > x) (scipy.special.kolmogorov). */
export function kolmogorov(x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) {
    const alpha = -2 * x * x;
    let sign = 1;
    let r = 1;
    let p = 0;
    let t: number;
    do {
      t = Math.exp(alpha * r * r);
      p += sign * t;
      if (t === 0) break;
      r += 1;
      sign = -sign;
    } while (t / p > Number.EPSILON);
    return clip(2 * p);
  }
  const alpha = -PI2 / (8 * x * x);
  let r = 1;
  let p = 0;
  let t: number;
  do {
    t = Math.exp(alpha * r * r);
    p += t;
    if (t === 0) break;
    r += 2;
  } while (t / p >= Number.EPSILON);
  return clip(1 - (p * SQRT2PI) / x);
}

/** log(n! / nⁿ) by Stirling's series (scipy's `_log_nfactorial_div_n_pow_n`). */
function logNFactorialDivNPowN(n: number): number {
  const coeffs = [
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
    7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
  ];
  const rn = 1 / n;
  let poly = 0;
  for (const c of coeffs) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      const rowB = k * m;
      const rowO = i * m;
      for (let j = 0; j < m; j++) out[rowO + j]! += aik * b[rowB + j]!;
    }
  }
  return out;
}

/** P(Dₙ ≤ d) by Durbin's matrix (Marsaglia, Tsang & Wang 2003). */
function kolmognDMTW(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = fac;
    fac /= j;
    v[j - 1]! *= fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)]!;
  for (let r = 0; r < m; r++) H[r * m] = v[r]!;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c]!;
  let P: Float64Array<ArrayBuffer> = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      P = matmul(P, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]!) > E128) {
      for (let i = 0; i < H.length; i++) H[i]! /= E128;
      hExpnt += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[(k - 1) * m + (k - 1)]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return clip(p * 2 ** expnt);
}

function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** P(Dₙ ≤ x) by Pomeranz's (1974) recursion. */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  let expnt = 0;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1]! * (g / n)) / m;
    twogpower[m] = (twogpower[m - 1]! * ((2 * g) / n)) / m;
    onem2gpower[m] = (onem2gpower[m - 1]! * ((1 - 2 * g) / n)) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      const base = k1 - V0s;
      // numpy.convolve of V0[base : base + ln2] (cut at the row's end) with pwrs[:ln2]:
      // conv[c] = sum_a V0[base + a] * pwrs[c - a], a in [0, len), c - a in [0, ln2)
      const len = Math.min(ln2, npwrs - base);
      let maxV = 0;
      for (let c = convStart; c < convStart + convLen; c++) {
        let s = 0;
        const aLo = Math.max(0, c - ln2 + 1);
        const aHi = Math.min(c, len - 1);
        for (let a = aLo; a <= aHi; a++) s += V0[base + a]! * pwrs[c - a]!;
        V1[c - convStart] = s;
        if (s > maxV) maxV = s;
      }
      if (maxV > 0 && maxV < EM128) {
        for (let q = 0; q < convLen; q++) V1[q]! *= E128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > E128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  return clip(ans * 2 ** expnt);
}

/** Pelz & Good's (1976) approximation to P(Dₙ ≤ x). */
function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qp = Math.pow(q, 8 * k);
    const c = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i]! * qp + c[i]!;
  }
  const div = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * SQRT2PI) / div[i]!;
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qp = q ** k2;
    k2extra += k2 * qp;
    const kspi = Math.PI * k;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * k2 * qp;
  }
  K[2]! += (k2extra * PI2 * SQRT2PI) / (-36 * z3);
  K[3]! += (k3extra * PI2 * SQRT2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i]! / Math.pow(n, i / 2);
  return sum;
}

/**
 * P(Dₙ ≥ d) for the two-sided one-sample statistic with `n` observations
 * (scipy.stats.kstwo.sf), by Simard & L'Ecuyer's choice of method.
 */
export function kstwoSf(d: number, n: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(d)) return NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= (i / n) * (2 * t - 1);
    } else prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * (1 - d) ** n);
  if (d >= 0.5) return clip(2 * smirnov(n, d));
  const nx2 = t * d;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - kolmognDMTW(n, d));
    if (nx2 <= 4) return clip(1 - kolmognPomeranz(n, d));
    return clip(2 * smirnov(n, d));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnov(n, d));
  let cdf: number;
  if (nx2 >= 18) cdf = 1;
  else if (n <= 100000 && n * d ** 1.5 <= 1.4) cdf = kolmognDMTW(n, d);
  else cdf = kolmognPelzGood(n, d);
  return clip(1 - cdf);
}
