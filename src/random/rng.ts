import { Matrix } from "ml-matrix";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { fromRowMajor } from "../core/matrix.js";
import { checkFinite, checkInRange, checkInteger, checkPositive, checkSize } from "../core/validate.js";
import { beta as betaOne, fillBeta } from "./beta.js";
import { bitGeneratorFactory, DEFAULT_BIT_GENERATOR, type BitGeneratorName } from "./bit-generators.js";
import { choiceIndices, shuffleInPlace } from "./choice.js";
import * as C from "./continuous.js";
import * as D from "./discrete.js";
import { exp } from "./exp.js";
import { fillExponential, standardExponential } from "./exponential.js";
import { standardGamma } from "./gamma.js";
import { boundedInt, fillBoundedInt } from "./integers.js";
import { covarianceFactor, dirichletInto, dirichletTailSums, multinomialInto, multivariateNormalRows, mvhgCount, mvhgMarginals } from "./multivariate.js";
import { fillNormal, standardNormal } from "./normal.js";
import { checkSeed, entropySeed, type SeedValue } from "./seed.js";
import { WordStream, type StreamState } from "./stream.js";

/** The JSON form of an {@link Rng}'s state (`rng.toJSON()`), versioned. */
export interface RngState {
  readonly schema: "synthlab.rng/1";
  readonly bitGenerator: string;
  readonly seed: SeedValue;
  readonly spawnKey: number[];
  readonly childrenSpawned: number;
  readonly stream: StreamState;
}

/** Options of {@link createRng}. */
export interface RngOptions {
  /**
   * The bit generator: `"xoshiro128**"` (fast) or `"pcg64"` (numpy's default: `createRng(s, { bitGenerator: "pcg64" })`
   * draws what `numpy.random.default_rng(s)` draws, for every method ported from numpy's algorithm).
   * @defaultValue `"xoshiro128**"`
   */
  bitGenerator?: BitGeneratorName;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;
/** numpy's POISSON_LAM_MAX: larger λ would overflow int64 counts. */
const POISSON_LAM_MAX = 9.223372006484771e18;

type Vector = ArrayLike<number>;

function toFloat64(where: string, param: string, x: unknown): Float64Array {
  if (x instanceof Matrix) {
    throw new ParamTypeError(where, param, x, `'${param}' must be a 1-D array of numbers, got a Matrix.`);
  }
  if (x === null || typeof x !== "object" || typeof (x as Vector).length !== "number") {
    throw new ParamTypeError(where, param, x, `'${param}' must be an array of numbers, got ${show(x)}.`);
  }
  const a = x as Vector;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ParamError(where, param, x, `'${param}' must hold finite numbers, but ${param}[${i}] is ${show(v)}.`);
    }
    out[i] = v;
  }
  return out;
}

/** Checks a probability vector: entries in [0, 1], summing to 1 within sqrt(eps) (numpy's rule). */
function checkProbabilities(where: string, param: string, p: Float64Array, allowLastSlack: boolean): void {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v < 0 || v > 1) throw new ParamError(where, param, Array.from(p), `'${param}' must hold probabilities in [0, 1], but ${param}[${i}] is ${v}.`);
    if (!allowLastSlack || i < p.length - 1) s += v;
  }
  if (allowLastSlack) {
    if (s > 1 + 1e-12) throw new ParamError(where, param, Array.from(p), `sum(${param}[:-1]) must be <= 1, got ${s}.`);
  } else if (Math.abs(s - 1) > 1.4901161193847656e-8) {
    throw new ParamError(where, param, Array.from(p), `'${param}' must sum to 1, got ${s}. Divide by the sum to normalize.`);
  }
}

function checkCount(where: string, param: string, v: unknown): number {
  return checkInteger(where, param, v, 0);
}

/**
 * A seeded random generator with numpy `Generator`'s methods, names and
 * parameter order (camelCase). With `size` a number, a method returns a
 * `Float64Array` of that length (discrete families: a Float64Array of
 * integers); without it, one number. Scalar and array draws read the same
 * stream: `rng.normal(0, 1, 3)` equals three `rng.normal()` calls from the
 * same state. With the `"pcg64"` bit generator the streams equal numpy's.
 *
 * @example
 * const rng = createRng(11);
 * rng.normal(0, 1, 3).length; // => 3
 */
export class Rng {
  /** The seed this stream was built from (drawn from entropy when none was given). */
  readonly seed: SeedValue;
  /** @internal the word source every sampler reads. */
  readonly stream: WordStream;
  private readonly spawnKey: readonly number[];
  private childrenSpawned = 0;

  /** @internal use {@link createRng}. */
  constructor(seed: SeedValue, spawnKey: readonly number[], bitGenerator: BitGeneratorName) {
    this.seed = seed;
    this.spawnKey = spawnKey;
    const factory = bitGeneratorFactory("createRng", bitGenerator);
    this.stream = new WordStream(factory(seed, spawnKey));
  }

  /** The bit generator's name. */
  get bitGenerator(): string {
    return this.stream.bitGenerator.name;
  }

  /**
   * `n` independent child streams (numpy's `SeedSequence.spawn`): each child
   * is seeded from this stream's seed and a spawn path, so children differ
   * from each other, from the parent and from later spawns, and drawing from
   * the parent never shifts them. Under `"pcg64"` they equal numpy's
   * `default_rng(seed).spawn(n)` children.
   */
  spawn(n: number): Rng[] {
    checkInteger("Rng.spawn", "n", n, 0);
    const children: Rng[] = [];
    for (let i = 0; i < n; i++) {
      children.push(new Rng(this.seed, [...this.spawnKey, this.childrenSpawned++], this.bitGenerator as BitGeneratorName));
    }
    return children;
  }

  // ---------------------------------------------------------------- uniform

  /** Floats in [0, 1) with 53 random bits (numpy's `random`). */
  random(): number;
  random(size: number): Float64Array;
  random(size?: number): number | Float64Array {
    if (size === undefined) return this.stream.double();
    const out = new Float64Array(checkSize("Rng.random", size));
    this.stream.fillDouble(out);
    return out;
  }

  /** Uniform draws on [low, high). */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: number): Float64Array;
  uniform(low = 0, high = 1, size?: number): number | Float64Array {
    const where = "Rng.uniform";
    checkFinite(where, "low", low);
    checkFinite(where, "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) throw new ParamError(where, "high", high, `'high' - 'low' overflows (got low=${low}, high=${high}).`);
    if (size === undefined) return low + range * this.stream.double();
    const out = new Float64Array(checkSize(where, size));
    this.stream.fillDouble(out);
    if (low !== 0 || range !== 1) for (let i = 0; i < out.length; i++) out[i] = low + range * out[i]!;
    return out;
  }

  /**
   * Integers in [low, high), or [low, high] with `endpoint`. With one bound,
   * [0, low). Unbiased: Lemire's multiply-shift with rejection on buffered
   * 32-bit draws for ranges up to 2^32, on 64-bit draws above (numpy's
   * `integers` with its default int64 dtype).
   *
   * @throws ParamError for fractional bounds, an empty range, or bounds beyond 2^53
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).integers(0, 10, 5); // => Float64Array.from([1, 1, 7, 4, 5])
   */
  integers(low: number, high?: number | null): number;
  integers(low: number, high: number | null | undefined, size: number, endpoint?: boolean): Float64Array;
  integers(low: number, high?: number | null, size?: number, endpoint = false): number | Float64Array {
    const where = "Rng.integers";
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    checkInteger(where, "low", low);
    checkInteger(where, "high", high);
    if (typeof endpoint !== "boolean") throw new ParamTypeError(where, "endpoint", endpoint, `'endpoint' must be true or false, got ${show(endpoint)}.`);
    const span = high - low + (endpoint ? 1 : 0);
    if (span <= 0) {
      throw new ParamError(where, "high", high, `'low' (${low}) must be ${endpoint ? "<=" : "<"} 'high' (${high}).`);
    }
    if (span > MAX_INT || Math.abs(low) > MAX_INT || Math.abs(high) > MAX_INT) {
      throw new ParamError(where, "high", high, `the range [${low}, ${high}] exceeds 2^53; integers are exact doubles.`);
    }
    const st = this.stream;
    if (size === undefined) return low + boundedInt(st, span);
    const out = new Float64Array(checkSize(where, size));
    fillBoundedInt(st, out, low, span);
    return out;
  }

  // ---------------------------------------------------- normal, exponential

  /** Normal (Gaussian) draws with mean `loc` and standard deviation `scale` (256-layer ziggurat). */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: number): Float64Array;
  normal(loc = 0, scale = 1, size?: number): number | Float64Array {
    const where = "Rng.normal";
    checkFinite(where, "loc", loc);
    checkPositive(where, "scale", scale, true);
    if (size === undefined) return loc + scale * standardNormal(this.stream);
    const out = new Float64Array(checkSize(where, size));
    fillNormal(this.stream, out, loc, scale);
    return out;
  }

  /** Standard normal draws, N(0, 1). */
  standardNormal(): number;
  standardNormal(size: number): Float64Array;
  standardNormal(size?: number): number | Float64Array {
    if (size === undefined) return standardNormal(this.stream);
    const out = new Float64Array(checkSize("Rng.standardNormal", size));
    fillNormal(this.stream, out);
    return out;
  }

  /** Exponential draws with mean `scale` (256-layer ziggurat). */
  exponential(scale?: number): number;
  exponential(scale: number, size: number): Float64Array;
  exponential(scale = 1, size?: number): number | Float64Array {
    const where = "Rng.exponential";
    checkPositive(where, "scale", scale, true);
    if (size === undefined) return scale * standardExponential(this.stream);
    const out = new Float64Array(checkSize(where, size));
    fillExponential(this.stream, out, scale);
    return out;
  }

  /** Standard exponential draws, Exp(1). */
  standardExponential(): number;
  standardExponential(size: number): Float64Array;
  standardExponential(size?: number): number | Float64Array {
    if (size === undefined) return standardExponential(this.stream);
    const out = new Float64Array(checkSize("Rng.standardExponential", size));
    fillExponential(this.stream, out);
    return out;
  }

  /** Log-normal draws: `exp(normal(mean, sigma))` (exp by ./exp.ts: table-based, ~0.51 ulp, closer to glibc's than V8's Math.exp). */
  lognormal(mean?: number, sigma?: number): number;
  lognormal(mean: number, sigma: number, size: number): Float64Array;
  lognormal(mean = 0, sigma = 1, size?: number): number | Float64Array {
    const where = "Rng.lognormal";
    checkFinite(where, "mean", mean);
    checkPositive(where, "sigma", sigma, true);
    if (size === undefined) return exp(mean + sigma * standardNormal(this.stream));
    const out = new Float64Array(checkSize(where, size));
    if (this.stream.bulk(out, 0, out.length, (k, m) => k.lognormal(m, mean, sigma))) return out; // WebAssembly: same numbers
    fillNormal(this.stream, out, mean, sigma);
    for (let i = 0; i < out.length; i++) out[i] = exp(out[i]!);
    return out;
  }

  // ------------------------------------------------------------- gamma family

  /** Gamma draws with `shape` (k) and `scale` (θ): mean kθ (Marsaglia–Tsang; numpy's rejection for k < 1). */
  gamma(shape: number, scale?: number): number;
  gamma(shape: number, scale: number, size: number): Float64Array;
  gamma(shape: number, scale = 1, size?: number): number | Float64Array {
    const where = "Rng.gamma";
    checkPositive(where, "shape", shape, true);
    checkPositive(where, "scale", scale, true);
    const st = this.stream;
    if (size === undefined) return scale * standardGamma(st, shape);
    const out = new Float64Array(checkSize(where, size));
    if (shape === 1) fillExponential(st, out, scale); // standardGamma(1) is the ziggurat exponential: same draws
    else if (!(shape > 1 && st.bulk(out, 0, out.length, (k, m) => k.gamma(m, shape, scale)))) {
      for (let i = 0; i < out.length; i++) out[i] = scale * standardGamma(st, shape);
    }
    return out;
  }

  /** Standard gamma draws (scale 1). */
  standardGamma(shape: number): number;
  standardGamma(shape: number, size: number): Float64Array;
  standardGamma(shape: number, size?: number): number | Float64Array {
    const where = "Rng.standardGamma";
    checkPositive(where, "shape", shape, true);
    const st = this.stream;
    return this.draw(where, size, () => standardGamma(st, shape));
  }

  /** Chi-square draws with `df` degrees of freedom: `2 * gamma(df / 2)`. */
  chisquare(df: number): number;
  chisquare(df: number, size: number): Float64Array;
  chisquare(df: number, size?: number): number | Float64Array {
    const where = "Rng.chisquare";
    checkPositive(where, "df", df);
    const st = this.stream;
    const half = df / 2;
    if (size === undefined) return 2 * standardGamma(st, half);
    const out = new Float64Array(checkSize(where, size));
    if (half === 1) fillExponential(st, out, 2); // standardGamma(1) is the ziggurat exponential: same draws
    else if (!(half > 1 && st.bulk(out, 0, out.length, (k, m) => k.gamma(m, half, 2)))) {
      for (let i = 0; i < out.length; i++) out[i] = 2 * standardGamma(st, half);
    }
    return out;
  }

  /** Noncentral chi-square draws (`df` > 0, noncentrality `nonc` >= 0). */
  noncentralChisquare(df: number, nonc: number): number;
  noncentralChisquare(df: number, nonc: number, size: number): Float64Array;
  noncentralChisquare(df: number, nonc: number, size?: number): number | Float64Array {
    const where = "Rng.noncentralChisquare";
    checkPositive(where, "df", df);
    checkPositive(where, "nonc", nonc, true);
    const st = this.stream;
    return this.draw(where, size, () => C.noncentralChisquare(st, df, nonc));
  }

  /** Beta(a, b) draws on [0, 1] (Jöhnk for a, b <= 1, else a ratio of gammas). */
  beta(a: number, b: number): number;
  beta(a: number, b: number, size: number): Float64Array;
  beta(a: number, b: number, size?: number): number | Float64Array {
    const where = "Rng.beta";
    checkPositive(where, "a", a);
    checkPositive(where, "b", b);
    const st = this.stream;
    if (size === undefined) return betaOne(st, a, b);
    const out = new Float64Array(checkSize(where, size));
    fillBeta(st, out, a, b);
    return out;
  }

  /** F (Fisher–Snedecor) draws with `dfnum` and `dfden` degrees of freedom. */
  f(dfnum: number, dfden: number): number;
  f(dfnum: number, dfden: number, size: number): Float64Array;
  f(dfnum: number, dfden: number, size?: number): number | Float64Array {
    const where = "Rng.f";
    checkPositive(where, "dfnum", dfnum);
    checkPositive(where, "dfden", dfden);
    const st = this.stream;
    return this.draw(where, size, () => C.f(st, dfnum, dfden));
  }

  /** Noncentral F draws. */
  noncentralF(dfnum: number, dfden: number, nonc: number): number;
  noncentralF(dfnum: number, dfden: number, nonc: number, size: number): Float64Array;
  noncentralF(dfnum: number, dfden: number, nonc: number, size?: number): number | Float64Array {
    const where = "Rng.noncentralF";
    checkPositive(where, "dfnum", dfnum);
    checkPositive(where, "dfden", dfden);
    checkPositive(where, "nonc", nonc, true);
    const st = this.stream;
    return this.draw(where, size, () => C.noncentralF(st, dfnum, dfden, nonc));
  }

  /** Student's t draws with `df` degrees of freedom. */
  standardT(df: number): number;
  standardT(df: number, size: number): Float64Array;
  standardT(df: number, size?: number): number | Float64Array {
    const where = "Rng.standardT";
    checkPositive(where, "df", df);
    const st = this.stream;
    return this.draw(where, size, () => C.standardT(st, df));
  }

  /** Standard Cauchy draws (ratio of two normals). */
  standardCauchy(): number;
  standardCauchy(size: number): Float64Array;
  standardCauchy(size?: number): number | Float64Array {
    const st = this.stream;
    return this.draw("Rng.standardCauchy", size, () => C.standardCauchy(st));
  }

  // ------------------------------------------------- other continuous families

  /** Laplace (double exponential) draws. */
  laplace(loc?: number, scale?: number): number;
  laplace(loc: number, scale: number, size: number): Float64Array;
  laplace(loc = 0, scale = 1, size?: number): number | Float64Array {
    return this.locScale("Rng.laplace", loc, scale, size, C.laplace);
  }

  /** Logistic draws. */
  logistic(loc?: number, scale?: number): number;
  logistic(loc: number, scale: number, size: number): Float64Array;
  logistic(loc = 0, scale = 1, size?: number): number | Float64Array {
    return this.locScale("Rng.logistic", loc, scale, size, C.logistic);
  }

  /** Gumbel (type I extreme value) draws. */
  gumbel(loc?: number, scale?: number): number;
  gumbel(loc: number, scale: number, size: number): Float64Array;
  gumbel(loc = 0, scale = 1, size?: number): number | Float64Array {
    return this.locScale("Rng.gumbel", loc, scale, size, C.gumbel);
  }

  /** Weibull draws with shape `a` >= 0 (scale 1): `Exp(1) ** (1/a)`. */
  weibull(a: number): number;
  weibull(a: number, size: number): Float64Array;
  weibull(a: number, size?: number): number | Float64Array {
    const where = "Rng.weibull";
    checkPositive(where, "a", a, true);
    const st = this.stream;
    return this.draw(where, size, () => C.weibull(st, a));
  }

  /** Pareto II (Lomax) draws with shape `a` > 0, on [0, ∞) as numpy's (add 1 and scale for classical Pareto). */
  pareto(a: number): number;
  pareto(a: number, size: number): Float64Array;
  pareto(a: number, size?: number): number | Float64Array {
    const where = "Rng.pareto";
    checkPositive(where, "a", a);
    const st = this.stream;
    return this.draw(where, size, () => C.pareto(st, a));
  }

  /** Power-function draws on [0, 1] with exponent `a` > 0 (density a·x^(a-1)). */
  power(a: number): number;
  power(a: number, size: number): Float64Array;
  power(a: number, size?: number): number | Float64Array {
    const where = "Rng.power";
    checkPositive(where, "a", a);
    const st = this.stream;
    return this.draw(where, size, () => C.power(st, a));
  }

  /** Rayleigh draws with mode `scale`. */
  rayleigh(scale?: number): number;
  rayleigh(scale: number, size: number): Float64Array;
  rayleigh(scale = 1, size?: number): number | Float64Array {
    const where = "Rng.rayleigh";
    checkPositive(where, "scale", scale, true);
    const st = this.stream;
    return this.draw(where, size, () => C.rayleigh(st, scale));
  }

  /** Wald (inverse Gaussian) draws with `mean` > 0 and `scale` (shape λ) > 0. */
  wald(mean: number, scale: number): number;
  wald(mean: number, scale: number, size: number): Float64Array;
  wald(mean: number, scale: number, size?: number): number | Float64Array {
    const where = "Rng.wald";
    checkPositive(where, "mean", mean);
    checkPositive(where, "scale", scale);
    const st = this.stream;
    return this.draw(where, size, () => C.wald(st, mean, scale));
  }

  /** Triangular draws on [left, right] with peak at `mode`. */
  triangular(left: number, mode: number, right: number): number;
  triangular(left: number, mode: number, right: number, size: number): Float64Array;
  triangular(left: number, mode: number, right: number, size?: number): number | Float64Array {
    const where = "Rng.triangular";
    checkFinite(where, "left", left);
    checkFinite(where, "mode", mode);
    checkFinite(where, "right", right);
    if (left > mode) throw new ParamError(where, "mode", mode, `'left' (${left}) must be <= 'mode' (${mode}).`);
    if (mode > right) throw new ParamError(where, "mode", mode, `'mode' (${mode}) must be <= 'right' (${right}).`);
    if (left === right) throw new ParamError(where, "right", right, `'left' (${left}) must be < 'right' (${right}).`);
    const st = this.stream;
    return this.draw(where, size, () => C.triangular(st, left, mode, right));
  }

  /** von Mises draws on [-π, π) with mode `mu` and concentration `kappa` >= 0. */
  vonmises(mu: number, kappa: number): number;
  vonmises(mu: number, kappa: number, size: number): Float64Array;
  vonmises(mu: number, kappa: number, size?: number): number | Float64Array {
    const where = "Rng.vonmises";
    checkFinite(where, "mu", mu);
    checkPositive(where, "kappa", kappa, true);
    const st = this.stream;
    return this.draw(where, size, () => C.vonmises(st, mu, kappa));
  }

  // --------------------------------------------------------------- discrete

  /**
   * Poisson draws with mean `lam` (multiplication for λ < 10, Hörmann's PTRS above).
   *
   * @param lam - the mean λ, >= 0
   * @defaultValue lam 1
   * @param size - number of draws; omit for one number
   * @returns one count, or a Float64Array of `size` counts
   * @throws ParamError when `lam` is negative, not finite or above numpy's maximum, or `size` is not an integer >= 0
   * @example
   * const np = () => createRng(11, { bitGenerator: "pcg64" }); // numpy.random.default_rng(11)
   * np().poisson(4, 5); // => Float64Array.from([3, 2, 4, 4, 6])
   */
  poisson(lam?: number): number;
  poisson(lam: number, size: number): Float64Array;
  poisson(lam = 1, size?: number): number | Float64Array {
    const where = "Rng.poisson";
    checkPositive(where, "lam", lam, true);
    if (lam > POISSON_LAM_MAX) throw new ParamError(where, "lam", lam, `'lam' must be <= ${POISSON_LAM_MAX}, got ${lam}.`);
    const st = this.stream;
    if (size === undefined) return D.poisson(st, lam);
    const out = new Float64Array(checkSize(where, size));
    D.fillPoisson(st, out, lam);
    return out;
  }

  /**
   * Binomial draws: successes in `n` trials of probability `p` (inversion, or BTPE when n·min(p, 1-p) > 30).
   *
   * @param n - trials, an integer >= 0
   * @param p - success probability in [0, 1]
   * @param size - number of draws; omit for one number
   * @returns one count, or a Float64Array of `size` counts
   * @throws ParamError when `n` is not an integer >= 0, `p` is outside [0, 1], or `size` is not an integer >= 0
   * @example
   * const np = () => createRng(11, { bitGenerator: "pcg64" }); // numpy.random.default_rng(11)
   * np().binomial(10, 0.3, 5); // => Float64Array.from([1, 3, 3, 1, 1])
   */
  binomial(n: number, p: number): number;
  binomial(n: number, p: number, size: number): Float64Array;
  binomial(n: number, p: number, size?: number): number | Float64Array {
    const where = "Rng.binomial";
    checkCount(where, "n", n);
    checkInRange(where, "p", p, 0, 1);
    const sampler = new D.BinomialSampler(n, p);
    const st = this.stream;
    if (size === undefined) return sampler.draw(st);
    const out = new Float64Array(checkSize(where, size));
    sampler.fill(st, out);
    return out;
  }

  /** Negative binomial draws: failures before the `n`-th success (`n` > 0, may be real; 0 < p <= 1). */
  negativeBinomial(n: number, p: number): number;
  negativeBinomial(n: number, p: number, size: number): Float64Array;
  negativeBinomial(n: number, p: number, size?: number): number | Float64Array {
    const where = "Rng.negativeBinomial";
    checkPositive(where, "n", n);
    checkInRange(where, "p", p, 0, 1, { loOpen: true });
    const st = this.stream;
    return this.draw(where, size, () => D.negativeBinomial(st, n, p));
  }

  /**
   * Geometric draws: trials up to and including the first success, on {1, 2, ...} (0 < p <= 1).
   *
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).geometric(0.3, 5); // => Float64Array.from([1, 2, 4, 1, 1])
   */
  geometric(p: number): number;
  geometric(p: number, size: number): Float64Array;
  geometric(p: number, size?: number): number | Float64Array {
    const where = "Rng.geometric";
    checkInRange(where, "p", p, 0, 1, { loOpen: true });
    const st = this.stream;
    return this.draw(where, size, () => D.geometric(st, p));
  }

  /**
   * Hypergeometric draws: good items among `nsample` drawn without replacement from `ngood` + `nbad`.
   *
   * @throws ParamError for negative or fractional counts, `nsample` > ngood + nbad, or counts >= 10^9
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).hypergeometric(7, 12, 5, 5); // => Float64Array.from([0, 1, 1, 2, 2])
   */
  hypergeometric(ngood: number, nbad: number, nsample: number): number;
  hypergeometric(ngood: number, nbad: number, nsample: number, size: number): Float64Array;
  hypergeometric(ngood: number, nbad: number, nsample: number, size?: number): number | Float64Array {
    const where = "Rng.hypergeometric";
    checkCount(where, "ngood", ngood);
    checkCount(where, "nbad", nbad);
    checkCount(where, "nsample", nsample);
    if (ngood >= 1e9 || nbad >= 1e9) throw new ParamError(where, ngood >= 1e9 ? "ngood" : "nbad", ngood >= 1e9 ? ngood : nbad, `both 'ngood' and 'nbad' must be < 10**9.`);
    if (nsample > ngood + nbad) throw new ParamError(where, "nsample", nsample, `'nsample' (${nsample}) must be <= ngood + nbad (${ngood + nbad}).`);
    const st = this.stream;
    return this.draw(where, size, () => D.hypergeometric(st, ngood, nbad, nsample));
  }

  /** Logarithmic-series draws on {1, 2, ...} with 0 <= p < 1. */
  logseries(p: number): number;
  logseries(p: number, size: number): Float64Array;
  logseries(p: number, size?: number): number | Float64Array {
    const where = "Rng.logseries";
    checkInRange(where, "p", p, 0, 1, { hiOpen: true });
    const st = this.stream;
    return this.draw(where, size, () => D.logseries(st, p));
  }

  /** Zipf draws on {1, 2, ...} with exponent `a` > 1. */
  zipf(a: number): number;
  zipf(a: number, size: number): Float64Array;
  zipf(a: number, size?: number): number | Float64Array {
    const where = "Rng.zipf";
    checkFinite(where, "a", a);
    if (!(a > 1)) throw new ParamError(where, "a", a, `'a' must be > 1, got ${show(a)}.`);
    const st = this.stream;
    return this.draw(where, size, () => D.zipf(st, a));
  }

  // ----------------------------------------------------------- multivariate

  /**
   * Multinomial counts of `n` trials over categories with probabilities
   * `pvals` (the last entry takes the remainder, as numpy). Without `size`
   * an `Int32Array` of `pvals.length` counts; with `size` a `Matrix` of
   * `size` rows, one draw per row.
   *
   * @param n - trials, an integer >= 0
   * @param pvals - category probabilities in [0, 1], sum(pvals[:-1]) <= 1
   * @param size - number of draws (rows); omit for one draw
   * @throws ParamError for a bad `n`, probabilities outside [0, 1] or summing above 1, or a bad `size`
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).multinomial(10, [0.2, 0.3, 0.5]); // => Int32Array.from([1, 3, 6])
   * createRng(1).multinomial(10, [0.2, 0.3, 0.5], 4).rows; // => 4
   */
  multinomial(n: number, pvals: Vector): Int32Array;
  multinomial(n: number, pvals: Vector, size: number): Matrix;
  multinomial(n: number, pvals: Vector, size?: number): Int32Array | Matrix {
    const where = "Rng.multinomial";
    checkCount(where, "n", n);
    const p = toFloat64(where, "pvals", pvals);
    if (p.length === 0) throw new ParamError(where, "pvals", pvals, `'pvals' must have at least one entry.`);
    checkProbabilities(where, "pvals", p, true);
    const d = p.length;
    if (size === undefined) {
      const out = new Int32Array(d);
      multinomialInto(this.stream, n, p, out, 0);
      return out;
    }
    const rows = checkSize(where, size);
    const out = new Int32Array(rows * d);
    for (let i = 0; i < rows; i++) multinomialInto(this.stream, n, p, out, i * d);
    return fromRowMajor(out, rows, d);
  }

  /**
   * Dirichlet draws with concentrations `alpha` (all > 0). Without `size`
   * one `Float64Array` of `alpha.length` proportions; with `size` a `Matrix`
   * of `size` rows.
   *
   * @throws ParamError when an alpha is not > 0
   * @example
   * const w = createRng(11).dirichlet([1, 2, 3]);
   * Math.abs(w[0] + w[1] + w[2] - 1) < 1e-12; // => true
   */
  dirichlet(alpha: Vector): Float64Array;
  dirichlet(alpha: Vector, size: number): Matrix;
  dirichlet(alpha: Vector, size?: number): Float64Array | Matrix {
    const where = "Rng.dirichlet";
    const a = toFloat64(where, "alpha", alpha);
    for (let i = 0; i < a.length; i++) {
      if (!(a[i]! > 0)) throw new ParamError(where, "alpha", alpha, `'alpha' must hold values > 0, but alpha[${i}] is ${a[i]}.`);
    }
    const k = a.length;
    const tails = dirichletTailSums(a);
    if (size === undefined) {
      const out = new Float64Array(k);
      dirichletInto(this.stream, a, out, 0, tails);
      return out;
    }
    const rows = checkSize(where, size);
    const out = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) dirichletInto(this.stream, a, out, i * k, tails);
    return fromRowMajor(out, rows, k);
  }

  /**
   * Multivariate normal draws with mean vector `mean` and covariance `cov`
   * (symmetric positive semi-definite, checked within `tol`). Standard
   * normals are drawn row by row as numpy does, then transformed by the
   * Cholesky factor (or, for a singular `cov`, by the eigendecomposition),
   * so values differ from numpy's SVD-based ones in the last digits.
   * Without `size` a `Float64Array` of length d; with `size` a `Matrix` (size × d).
   *
   * @param mean - the mean vector (length d)
   * @param cov - the d × d covariance, a Matrix or an array of rows
   * @param size - number of draws (rows); omit for one draw
   * @param tol - tolerance of the symmetry and positive semi-definiteness checks
   * @defaultValue tol 1e-8
   * @throws ParamError when `cov` is not d × d, not symmetric or not positive semi-definite
   * @example
   * const x = createRng(11).multivariateNormal([0, 0], [[1, 0.5], [0.5, 1]], 1000);
   * [x.rows, x.columns]; // => [1000, 2]
   */
  multivariateNormal(mean: Vector, cov: Matrix | readonly Vector[]): Float64Array;
  multivariateNormal(mean: Vector, cov: Matrix | readonly Vector[], size: number, tol?: number): Matrix;
  multivariateNormal(mean: Vector, cov: Matrix | readonly Vector[], size?: number, tol = 1e-8): Float64Array | Matrix {
    const where = "Rng.multivariateNormal";
    const m = toFloat64(where, "mean", mean);
    const d = m.length;
    let c: Matrix;
    if (cov instanceof Matrix) c = cov;
    else if (Array.isArray(cov)) {
      const rows = cov.map((r, i) => {
        const row = toFloat64(where, "cov", r);
        if (row.length !== cov.length) throw new ParamError(where, "cov", cov, `'cov' must be square, but row ${i} has ${row.length} entries for ${cov.length} rows.`);
        return Array.from(row);
      });
      c = new Matrix(rows.length ? rows : [[]]);
      if (!rows.length) c = new Matrix(0, 0);
    } else throw new ParamTypeError(where, "cov", cov, `'cov' must be a Matrix or an array of rows, got ${show(cov)}.`);
    if (c.rows !== d || c.columns !== d) {
      throw new ParamError(where, "cov", cov, `'cov' must be ${d} x ${d} to match 'mean', got ${c.rows} x ${c.columns}.`);
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) checkFinite(where, "cov", c.get(i, j));
    checkPositive(where, "tol", tol, true);
    const factor = covarianceFactor(where, c, tol);
    if (size === undefined) return multivariateNormalRows(this.stream, m, factor, 1);
    const rows = checkSize(where, size);
    return fromRowMajor(multivariateNormalRows(this.stream, m, factor, rows), rows, d);
  }

  /**
   * Multivariate hypergeometric draws: how many of each color among
   * `nsample` items drawn without replacement from an urn holding
   * `colors[i]` items of color i. `method` "marginals" (successive
   * hypergeometrics) or "count" (partial shuffle of the urn), as numpy's.
   * Without `size` an `Int32Array`; with `size` a `Matrix` (size × colors).
   */
  multivariateHypergeometric(colors: Vector, nsample: number): Int32Array;
  multivariateHypergeometric(colors: Vector, nsample: number, size: number, method?: "marginals" | "count"): Matrix;
  multivariateHypergeometric(colors: Vector, nsample: number, size?: number, method: "marginals" | "count" = "marginals"): Int32Array | Matrix {
    const where = "Rng.multivariateHypergeometric";
    const col = Array.from(toFloat64(where, "colors", colors));
    col.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0) throw new ParamError(where, "colors", colors, `'colors' must hold integers >= 0, but colors[${i}] is ${v}.`);
    });
    checkCount(where, "nsample", nsample);
    if (method !== "marginals" && method !== "count") {
      throw new ParamError(where, "method", method, `'method' must be one of "marginals", "count", got ${show(method)}.`);
    }
    const total = col.reduce((a, b) => a + b, 0);
    if (nsample > total) throw new ParamError(where, "nsample", nsample, `'nsample' (${nsample}) must be <= sum(colors) (${total}).`);
    if (method === "marginals" && col.some((v) => v >= 1e9)) throw new ParamError(where, "colors", colors, `each color must be < 10**9 with method "marginals".`);
    if (method === "count" && total > 1e8) throw new ParamError(where, "colors", colors, `sum(colors) must be <= 10**8 with method "count" (it allocates the urn); use "marginals".`);
    const rows = size === undefined ? 1 : checkSize(where, size);
    const out = new Int32Array(rows * col.length);
    (method === "count" ? mvhgCount : mvhgMarginals)(this.stream, col, total, nsample, rows, out);
    return size === undefined ? out : fromRowMajor(out, rows, col.length);
  }

  // ---------------------------------------------------- permutations, choice

  /**
   * A shuffled copy of `0..n-1` (a number; an `Int32Array`) or of an array's items.
   *
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).permutation(5); // => Int32Array.from([1, 4, 2, 3, 0])
   */
  permutation(x: number): Int32Array;
  permutation<T extends ArrayLike<unknown>>(x: T): T extends Float64Array ? Float64Array : T extends Int32Array ? Int32Array : unknown[];
  permutation(x: number | ArrayLike<unknown>): unknown {
    if (typeof x === "number") {
      const n = checkInteger("Rng.permutation", "x", x, 0);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      shuffleInPlace(this.stream, out as unknown as unknown[]);
      return out;
    }
    if (x === null || typeof x !== "object" || typeof x.length !== "number") {
      throw new ParamTypeError("Rng.permutation", "x", x, `'x' must be an integer or an array, got ${show(x)}.`);
    }
    const copy = ArrayBuffer.isView(x) ? (x as unknown as Float64Array).slice() : Array.from(x);
    shuffleInPlace(this.stream, copy as unknown as unknown[]);
    return copy;
  }

  /**
   * Shuffles an array or typed array in place (Fisher–Yates, numpy's draws); returns it.
   *
   * @example
   * createRng(11, { bitGenerator: "pcg64" }).shuffle([1, 2, 3, 4]); // => [4, 2, 1, 3]
   */
  shuffle<T extends { length: number; [i: number]: unknown }>(x: T): T {
    if (x === null || typeof x !== "object" || typeof x.length !== "number") {
      throw new ParamTypeError("Rng.shuffle", "x", x, `'x' must be an array or typed array, got ${show(x)}.`);
    }
    shuffleInPlace(this.stream, x);
    return x;
  }

  /**
   * Random items of `a` (an array, or a number n for `0..n-1`), numpy's
   * `choice(a, size, replace, p)`: with replacement by default, optional
   * probabilities `p` (summing to 1). Without `size` one item; with `size` an
   * array: a `Float64Array` for a number or numeric typed array `a`, else `T[]`.
   *
   * @param a - the population: an array, or n for 0..n-1
   * @param size - number of items; omit for one item
   * @param replace - draw with replacement
   * @defaultValue replace true
   * @param p - probabilities of the items (summing to 1); uniform when omitted
   * @throws ParamError when `p` has the wrong length, entries outside [0, 1] or does not sum to 1, or when more items are asked without replacement than exist
   * @example
   * const np = () => createRng(11, { bitGenerator: "pcg64" }); // numpy.random.default_rng(11)
   * np().choice(["a", "b", "c"], 4); // => ["a", "a", "c", "b"]
   * np().choice(3, 4, true, [0.5, 0.3, 0.2]); // => Float64Array.from([0, 0, 1, 0])
   */
  choice(a: number): number;
  choice(a: number, size: number, replace?: boolean, p?: Vector): Float64Array;
  choice<T>(a: ArrayLike<T>): T;
  choice<T>(a: ArrayLike<T>, size: number, replace?: boolean, p?: Vector): T extends number ? Float64Array | number[] : T[];
  choice<T>(a: number | ArrayLike<T>, size?: number, replace = true, p?: Vector): unknown {
    const where = "Rng.choice";
    let popSize: number;
    if (typeof a === "number") {
      checkInteger(where, "a", a, 0);
      popSize = a;
    } else if (a !== null && typeof a === "object" && typeof a.length === "number") {
      popSize = a.length;
    } else {
      throw new ParamTypeError(where, "a", a, `'a' must be a non-negative integer or an array, got ${show(a)}.`);
    }
    if (typeof replace !== "boolean") throw new ParamTypeError(where, "replace", replace, `'replace' must be true or false, got ${show(replace)}.`);
    let probs: Float64Array | null = null;
    if (p !== undefined && p !== null) {
      probs = toFloat64(where, "p", p);
      if (probs.length !== popSize) throw new ParamError(where, "p", p, `'p' must have the length of 'a' (${popSize}), got ${probs.length}.`);
      checkProbabilities(where, "p", probs, false);
    }
    const n = size === undefined ? 1 : checkSize(where, size);
    if (popSize === 0 && n > 0) throw new ParamError(where, "a", a, `'a' cannot be empty unless no samples are taken.`);
    if (!replace) {
      if (n > popSize) throw new ParamError(where, "size", size, `cannot take a larger sample (${n}) than the population (${popSize}) when 'replace' is false.`);
      if (probs) {
        let nonzero = 0;
        for (const v of probs) if (v > 0) nonzero++;
        if (nonzero < n) throw new ParamError(where, "p", p, `'p' has fewer non-zero entries (${nonzero}) than 'size' (${n}).`);
      }
    }
    let idx: Float64Array;
    if (size === undefined) {
      idx = new Float64Array(1);
      idx[0] = probs ? choiceIndices(this.stream, popSize, 1, true, probs, (k) => this.random(k))[0]! : boundedInt(this.stream, popSize);
    } else {
      idx = choiceIndices(this.stream, popSize, n, replace, probs, (k) => this.random(k));
    }
    if (typeof a === "number") return size === undefined ? idx[0]! : idx;
    if (size === undefined) return a[idx[0]!];
    if (ArrayBuffer.isView(a)) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = (a as unknown as ArrayLike<number>)[idx[i]!]!;
      return out;
    }
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = a[idx[i]!]!;
    return out;
  }

  // ----------------------------------------------------------------- state

  /** The state as JSON: `Rng.fromJSON(rng.toJSON())` continues the same stream. */
  toJSON(): RngState {
    return {
      schema: "synthlab.rng/1",
      bitGenerator: this.bitGenerator,
      seed: this.seed,
      spawnKey: [...this.spawnKey],
      childrenSpawned: this.childrenSpawned,
      stream: this.stream.getState(),
    };
  }

  /** Rebuilds a generator from {@link toJSON}'s output, at the same position. */
  static fromJSON(state: RngState): Rng {
    if (!state || state.schema !== "synthlab.rng/1") {
      throw new ParamError("Rng.fromJSON", "state", state, `expected an object with schema "synthlab.rng/1", got ${show(state)}.`);
    }
    const rng = new Rng(checkSeed("Rng.fromJSON", state.seed), state.spawnKey, state.bitGenerator as BitGeneratorName);
    rng.childrenSpawned = state.childrenSpawned;
    rng.stream.setState(state.stream);
    return rng;
  }

  private locScale(
    where: string,
    loc: number,
    scale: number,
    size: number | undefined,
    one: (st: WordStream, loc: number, scale: number) => number,
  ): number | Float64Array {
    checkFinite(where, "loc", loc);
    checkPositive(where, "scale", scale, true);
    const st = this.stream;
    return this.draw(where, size, () => one(st, loc, scale));
  }

  private draw(where: string, size: number | undefined, one: () => number): number | Float64Array {
    if (size === undefined) return one();
    const out = new Float64Array(checkSize(where, size));
    for (let i = 0; i < out.length; i++) out[i] = one();
    return out;
  }
}

/**
 * A seeded generator (scikit-learn's `check_random_state`): a number or a
 * string seeds a new stream, an `Rng` is returned as it is, and no seed draws
 * fresh entropy and records it in `rng.seed` so the run can be replayed.
 *
 * @param seed - a non-negative integer, a string, or an existing `Rng`
 * @param options - `bitGenerator`: `"xoshiro128**"` (default, fast) or `"pcg64"` (numpy-identical streams)
 * @returns the generator
 * @throws ParamError for NaN, negative or fractional seeds, unknown options or bit generators
 * @example
 * const a = createRng(11).normal(0, 1, 5);
 * const b = createRng(11).normal(0, 1, 5);
 * a.every((v, i) => v === b[i]); // => true
 * // numpy.random.default_rng(11).random() draws the same number:
 * createRng(11, { bitGenerator: "pcg64" }).random(); // => 0.12857020276919962
 */
export function createRng(seed?: SeedValue | Rng, options: RngOptions = {}): Rng {
  if (seed instanceof Rng) return seed;
  const known = ["bitGenerator"];
  for (const k of Object.keys(options ?? {})) {
    if (!known.includes(k)) throw new ParamError("createRng", k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${known.join(", ")}.`);
  }
  const bg = options.bitGenerator ?? DEFAULT_BIT_GENERATOR;
  bitGeneratorFactory("createRng", bg);
  const s = seed === undefined ? entropySeed() : checkSeed("createRng", seed);
  return new Rng(s, [], bg);
}
