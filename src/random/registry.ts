import { ParamError, ParamTypeError, show } from "../core/errors.js";
import * as D from "./distributions.js";
import type { Dist } from "./distributions.js";
import { createRng, type Rng } from "./rng.js";

/** One parameter of a distribution: its name and numpy's default, if any. */
export interface ParamSpec {
  readonly name: string;
  readonly default?: number;
  /** A short description for docs and error messages. */
  readonly doc: string;
}

/**
 * A registry entry: how to draw from a family and its exact distribution
 * functions, given its parameters by name. `pdf` exists for continuous
 * families, `pmf` for discrete ones.
 */
export interface DistributionEntry<P extends string = string> {
  readonly kind: "continuous" | "discrete";
  readonly params: readonly (ParamSpec & { name: P })[];
  /** The `Rng` method's name (numpy's, camelCase). */
  readonly method: string;
  readonly draw: (rng: Rng, params: Readonly<Record<P, number>>, size: number) => Float64Array;
  /** The distribution functions for resolved parameters (not validated: see {@link distributionFunctions}). */
  readonly dist: (params: Readonly<Record<P, number>>) => Dist;
  /** Cumulative distribution function at x. */
  readonly cdf: (x: number, params: Readonly<Record<P, number>>) => number;
  /** Quantile function (inverse CDF) at q in [0, 1]. */
  readonly ppf: (q: number, params: Readonly<Record<P, number>>) => number;
  /** Density (continuous families). */
  readonly pdf?: (x: number, params: Readonly<Record<P, number>>) => number;
  /** Probability mass (discrete families). */
  readonly pmf?: (k: number, params: Readonly<Record<P, number>>) => number;
}

type EntrySpec<P extends string> = Pick<DistributionEntry<P>, "kind" | "params" | "draw" | "dist" | "method">;

/** Builds an entry; the distribution object is cached for the last parameter values, so per-point calls stay cheap. */
function entry<const P extends string>(e: EntrySpec<P>): DistributionEntry<P> {
  const names = e.params.map((p) => p.name);
  const lastValues = new Float64Array(names.length);
  let last: Dist | null = null;
  const get = (params: Readonly<Record<P, number>>): Dist => {
    let same = last !== null;
    for (let i = 0; same && i < names.length; i++) same = params[names[i]!] === lastValues[i];
    if (!same || !last) {
      last = e.dist(params);
      for (let i = 0; i < names.length; i++) lastValues[i] = params[names[i]!];
    }
    return last;
  };
  const out: DistributionEntry<P> = {
    ...e,
    cdf: (x, params) => get(params).cdf(x),
    ppf: (q, params) => get(params).ppf(q),
    ...(e.kind === "continuous" ? { pdf: (x: number, params: Readonly<Record<P, number>>) => get(params).pdf!(x) } : { pmf: (k: number, params: Readonly<Record<P, number>>) => get(params).pmf!(k) }),
  };
  return out;
}

const LOC = { name: "loc", default: 0, doc: "location" } as const;
const SCALE = { name: "scale", default: 1, doc: "scale, >= 0" } as const;

/**
 * Distributions by name, in place of the tutorial's
 * `eval('rand.' + dist + '(' + param + ')')`: each entry lists its parameters
 * in numpy's order with numpy's defaults, draws through the `Rng` method of
 * the same name (so validation and streams are the method's own), and carries
 * the family's exact pdf/pmf, cdf and ppf.
 */
export const DISTRIBUTIONS = {
  uniform: entry({
    kind: "continuous",
    method: "uniform",
    params: [
      { name: "low", default: 0, doc: "lower bound" },
      { name: "high", default: 1, doc: "upper bound (exclusive)" },
    ],
    draw: (rng, p, n) => rng.uniform(p.low, p.high, n),
    dist: (p) => D.uniform(p.low, p.high),
  }),
  normal: entry({
    kind: "continuous",
    method: "normal",
    params: [{ name: "loc", default: 0, doc: "mean" }, { name: "scale", default: 1, doc: "standard deviation, >= 0" }],
    draw: (rng, p, n) => rng.normal(p.loc, p.scale, n),
    dist: (p) => D.normal(p.loc, p.scale),
  }),
  exponential: entry({
    kind: "continuous",
    method: "exponential",
    params: [{ name: "scale", default: 1, doc: "mean (1 / rate), >= 0" }],
    draw: (rng, p, n) => rng.exponential(p.scale, n),
    dist: (p) => D.exponential(p.scale),
  }),
  lognormal: entry({
    kind: "continuous",
    method: "lognormal",
    params: [
      { name: "mean", default: 0, doc: "mean of the underlying normal" },
      { name: "sigma", default: 1, doc: "standard deviation of the underlying normal, >= 0" },
    ],
    draw: (rng, p, n) => rng.lognormal(p.mean, p.sigma, n),
    dist: (p) => D.lognormal(p.mean, p.sigma),
  }),
  chisquare: entry({
    kind: "continuous",
    method: "chisquare",
    params: [{ name: "df", doc: "degrees of freedom, > 0" }],
    draw: (rng, p, n) => rng.chisquare(p.df, n),
    dist: (p) => D.chisquare(p.df),
  }),
  beta: entry({
    kind: "continuous",
    method: "beta",
    params: [
      { name: "a", doc: "alpha, > 0" },
      { name: "b", doc: "beta, > 0" },
    ],
    draw: (rng, p, n) => rng.beta(p.a, p.b, n),
    dist: (p) => D.beta(p.a, p.b),
  }),
  gamma: entry({
    kind: "continuous",
    method: "gamma",
    params: [
      { name: "shape", doc: "shape k, >= 0" },
      { name: "scale", default: 1, doc: "scale θ, >= 0" },
    ],
    draw: (rng, p, n) => rng.gamma(p.shape, p.scale, n),
    dist: (p) => D.gamma(p.shape, p.scale),
  }),
  standardNormal: entry({
    kind: "continuous",
    method: "standardNormal",
    params: [],
    draw: (rng, _p, n) => rng.standardNormal(n),
    dist: () => D.normal(0, 1),
  }),
  standardExponential: entry({
    kind: "continuous",
    method: "standardExponential",
    params: [],
    draw: (rng, _p, n) => rng.standardExponential(n),
    dist: () => D.exponential(1),
  }),
  standardGamma: entry({
    kind: "continuous",
    method: "standardGamma",
    params: [{ name: "shape", doc: "shape k, >= 0" }],
    draw: (rng, p, n) => rng.standardGamma(p.shape, n),
    dist: (p) => D.gamma(p.shape, 1),
  }),
  noncentralChisquare: entry({
    kind: "continuous",
    method: "noncentralChisquare",
    params: [
      { name: "df", doc: "degrees of freedom, > 0" },
      { name: "nonc", doc: "noncentrality, >= 0" },
    ],
    draw: (rng, p, n) => rng.noncentralChisquare(p.df, p.nonc, n),
    dist: (p) => D.noncentralChisquare(p.df, p.nonc),
  }),
  f: entry({
    kind: "continuous",
    method: "f",
    params: [
      { name: "dfnum", doc: "numerator degrees of freedom, > 0" },
      { name: "dfden", doc: "denominator degrees of freedom, > 0" },
    ],
    draw: (rng, p, n) => rng.f(p.dfnum, p.dfden, n),
    dist: (p) => D.f(p.dfnum, p.dfden),
  }),
  noncentralF: entry({
    kind: "continuous",
    method: "noncentralF",
    params: [
      { name: "dfnum", doc: "numerator degrees of freedom, > 0" },
      { name: "dfden", doc: "denominator degrees of freedom, > 0" },
      { name: "nonc", doc: "noncentrality, >= 0" },
    ],
    draw: (rng, p, n) => rng.noncentralF(p.dfnum, p.dfden, p.nonc, n),
    dist: (p) => D.noncentralF(p.dfnum, p.dfden, p.nonc),
  }),
  standardT: entry({
    kind: "continuous",
    method: "standardT",
    params: [{ name: "df", doc: "degrees of freedom, > 0" }],
    draw: (rng, p, n) => rng.standardT(p.df, n),
    dist: (p) => D.standardT(p.df),
  }),
  standardCauchy: entry({
    kind: "continuous",
    method: "standardCauchy",
    params: [],
    draw: (rng, _p, n) => rng.standardCauchy(n),
    dist: () => D.cauchy(),
  }),
  laplace: entry({
    kind: "continuous",
    method: "laplace",
    params: [LOC, SCALE],
    draw: (rng, p, n) => rng.laplace(p.loc, p.scale, n),
    dist: (p) => D.laplace(p.loc, p.scale),
  }),
  logistic: entry({
    kind: "continuous",
    method: "logistic",
    params: [LOC, SCALE],
    draw: (rng, p, n) => rng.logistic(p.loc, p.scale, n),
    dist: (p) => D.logistic(p.loc, p.scale),
  }),
  gumbel: entry({
    kind: "continuous",
    method: "gumbel",
    params: [LOC, SCALE],
    draw: (rng, p, n) => rng.gumbel(p.loc, p.scale, n),
    dist: (p) => D.gumbel(p.loc, p.scale),
  }),
  weibull: entry({
    kind: "continuous",
    method: "weibull",
    params: [{ name: "a", doc: "shape, >= 0" }],
    draw: (rng, p, n) => rng.weibull(p.a, n),
    dist: (p) => D.weibull(p.a),
  }),
  pareto: entry({
    kind: "continuous",
    method: "pareto",
    params: [{ name: "a", doc: "shape, > 0 (Lomax / Pareto II on [0, ∞), as numpy)" }],
    draw: (rng, p, n) => rng.pareto(p.a, n),
    dist: (p) => D.pareto(p.a),
  }),
  power: entry({
    kind: "continuous",
    method: "power",
    params: [{ name: "a", doc: "exponent, > 0" }],
    draw: (rng, p, n) => rng.power(p.a, n),
    dist: (p) => D.power(p.a),
  }),
  rayleigh: entry({
    kind: "continuous",
    method: "rayleigh",
    params: [{ name: "scale", default: 1, doc: "mode, >= 0" }],
    draw: (rng, p, n) => rng.rayleigh(p.scale, n),
    dist: (p) => D.rayleigh(p.scale),
  }),
  wald: entry({
    kind: "continuous",
    method: "wald",
    params: [
      { name: "mean", doc: "mean, > 0" },
      { name: "scale", doc: "shape λ, > 0" },
    ],
    draw: (rng, p, n) => rng.wald(p.mean, p.scale, n),
    dist: (p) => D.wald(p.mean, p.scale),
  }),
  triangular: entry({
    kind: "continuous",
    method: "triangular",
    params: [
      { name: "left", doc: "lower limit" },
      { name: "mode", doc: "peak, left <= mode <= right" },
      { name: "right", doc: "upper limit, > left" },
    ],
    draw: (rng, p, n) => rng.triangular(p.left, p.mode, p.right, n),
    dist: (p) => D.triangular(p.left, p.mode, p.right),
  }),
  vonmises: entry({
    kind: "continuous",
    method: "vonmises",
    params: [
      { name: "mu", doc: "mode (radians)" },
      { name: "kappa", doc: "concentration, >= 0" },
    ],
    draw: (rng, p, n) => rng.vonmises(p.mu, p.kappa, n),
    dist: (p) => D.vonmises(p.mu, p.kappa),
  }),
  poisson: entry({
    kind: "discrete",
    method: "poisson",
    params: [{ name: "lam", default: 1, doc: "mean λ, >= 0" }],
    draw: (rng, p, n) => rng.poisson(p.lam, n),
    dist: (p) => D.poisson(p.lam),
  }),
  binomial: entry({
    kind: "discrete",
    method: "binomial",
    params: [
      { name: "n", doc: "trials, an integer >= 0" },
      { name: "p", doc: "success probability in [0, 1]" },
    ],
    draw: (rng, p, n) => rng.binomial(p.n, p.p, n),
    dist: (p) => D.binomial(p.n, p.p),
  }),
  negativeBinomial: entry({
    kind: "discrete",
    method: "negativeBinomial",
    params: [
      { name: "n", doc: "successes, > 0" },
      { name: "p", doc: "success probability in (0, 1]" },
    ],
    draw: (rng, p, n) => rng.negativeBinomial(p.n, p.p, n),
    dist: (p) => D.negativeBinomial(p.n, p.p),
  }),
  geometric: entry({
    kind: "discrete",
    method: "geometric",
    params: [{ name: "p", doc: "success probability in (0, 1]" }],
    draw: (rng, p, n) => rng.geometric(p.p, n),
    dist: (p) => D.geometric(p.p),
  }),
  hypergeometric: entry({
    kind: "discrete",
    method: "hypergeometric",
    params: [
      { name: "ngood", doc: "good items, an integer >= 0" },
      { name: "nbad", doc: "bad items, an integer >= 0" },
      { name: "nsample", doc: "items drawn, an integer <= ngood + nbad" },
    ],
    draw: (rng, p, n) => rng.hypergeometric(p.ngood, p.nbad, p.nsample, n),
    dist: (p) => D.hypergeometric(p.ngood, p.nbad, p.nsample),
  }),
  logseries: entry({
    kind: "discrete",
    method: "logseries",
    params: [{ name: "p", doc: "in [0, 1)" }],
    draw: (rng, p, n) => rng.logseries(p.p, n),
    dist: (p) => D.logseries(p.p),
  }),
  zipf: entry({
    kind: "discrete",
    method: "zipf",
    params: [{ name: "a", doc: "exponent, > 1" }],
    draw: (rng, p, n) => rng.zipf(p.a, n),
    dist: (p) => D.zipf(p.a),
  }),
  integers: entry({
    kind: "discrete",
    method: "integers",
    params: [
      { name: "low", default: 0, doc: "lowest integer" },
      { name: "high", doc: "one above the highest integer" },
    ],
    draw: (rng, p, n) => rng.integers(p.low, p.high, n),
    dist: (p) => D.integersUniform(p.low, p.high),
  }),
} satisfies Record<string, DistributionEntry>;

/** Names in the registry. */
export type DistributionName = keyof typeof DISTRIBUTIONS;
/** Parameter names of one family. */
export type DistributionParamName<N extends DistributionName> = (typeof DISTRIBUTIONS)[N]["params"][number]["name"];
/** Parameters of one family, by name (those with numpy defaults may be left out). */
export type DistributionParams<N extends DistributionName> = Partial<Record<DistributionParamName<N>, number>>;

/** The registry's names, in order. */
export function distributionNames(): DistributionName[] {
  return Object.keys(DISTRIBUTIONS) as DistributionName[];
}

/** Looks a family up by name; the error lists every known name. */
export function getDistribution(name: unknown, where = "getDistribution"): DistributionEntry {
  if (typeof name === "string" && Object.hasOwn(DISTRIBUTIONS, name)) {
    return DISTRIBUTIONS[name as DistributionName] as DistributionEntry;
  }
  throw new ParamError(
    where,
    "name",
    name,
    `unknown distribution ${show(name)}. Known distributions: ${distributionNames().join(", ")}.`,
  );
}

/**
 * Resolves parameters given by name (`{ loc: 0, scale: 2 }`) or in numpy's
 * positional order (`[0, 2]`), filling numpy's defaults and rejecting unknown
 * or missing ones.
 */
export function resolveParams(
  name: string,
  params: Readonly<Record<string, number | undefined>> | readonly number[] = {},
  where = "sampleDistribution",
): Record<string, number> {
  const spec = getDistribution(name, where);
  const out: Record<string, number> = {};
  const names = spec.params.map((p) => p.name);
  if (Array.isArray(params)) {
    if (params.length > names.length) {
      throw new ParamError(where, "params", params, `${name} takes at most ${names.length} parameters (${names.join(", ")}), got ${params.length}.`);
    }
    params.forEach((v, i) => (out[names[i]!] = v));
  } else if (params && typeof params === "object") {
    for (const [k, v] of Object.entries(params)) {
      if (!names.includes(k)) {
        throw new ParamError(where, k, v, `${name} has no parameter '${k}'. Its parameters: ${names.join(", ") || "(none)"}.`);
      }
      if (v !== undefined) out[k] = v;
    }
  } else {
    throw new ParamTypeError(where, "params", params, `'params' must be an object or an array of numbers, got ${show(params)}.`);
  }
  for (const p of spec.params) {
    if (out[p.name] === undefined) {
      if (p.default === undefined) {
        throw new ParamError(where, p.name, undefined, `${name} needs parameter '${p.name}' (${p.doc}).`);
      }
      out[p.name] = p.default;
    }
  }
  return out;
}

/**
 * Draws `size` values from a family chosen by name, with typed parameters.
 *
 * @example
 * const x = sampleDistribution(createRng(11), "beta", { a: 0.5, b: 0.9 }, 5000);
 * x.length; // => 5000
 */
export function sampleDistribution<N extends DistributionName>(
  rng: Rng,
  name: N,
  params: DistributionParams<N> | readonly number[],
  size: number,
): Float64Array;
export function sampleDistribution(rng: Rng, name: string, params: Record<string, number> | readonly number[], size: number): Float64Array;
export function sampleDistribution(
  rng: Rng,
  name: string,
  params: Readonly<Record<string, number | undefined>> | readonly number[],
  size: number,
): Float64Array {
  const spec = getDistribution(name, "sampleDistribution");
  return spec.draw(rng, resolveParams(name, params), size);
}

/** The functions {@link distributionFunctions} returns. */
export interface DistributionFunctions {
  cdf: (x: number) => number;
  ppf: (q: number) => number;
  pdf?: (x: number) => number;
  pmf?: (k: number) => number;
}

let validator: Rng | null = null;

/**
 * The exact distribution functions of a family with the given parameters
 * (by name or in numpy's order), validated by the family's `Rng` method (the
 * same messages), for KS tests and density overlays.
 *
 * @param name - a registry name, e.g. `"gamma"`
 * @param params - parameters by name or position; numpy's defaults fill the rest
 * @returns `{ cdf, ppf }` plus `pdf` (continuous) or `pmf` (discrete)
 * @throws ParamError for an unknown name, unknown or missing parameters, or values the method rejects
 * @example
 * const { cdf, ppf } = distributionFunctions("gamma", { shape: 2 });
 * Math.abs(cdf(ppf(0.3)) - 0.3) < 1e-12; // => true
 * distributionFunctions("poisson", { lam: 2 }).pmf!(0) === Math.exp(-2); // => true
 */
export function distributionFunctions(
  name: string,
  params: Readonly<Record<string, number | undefined>> | readonly number[] = {},
): DistributionFunctions {
  const where = "distributionFunctions";
  const spec = getDistribution(name, where);
  const p = resolveParams(name, params, where);
  validator ??= createRng(0);
  spec.draw(validator, p, 0);
  const d = spec.dist(p);
  const out: DistributionFunctions = { cdf: (x) => d.cdf(x), ppf: (q) => d.ppf(q) };
  if (d.pdf) out.pdf = (x) => d.pdf!(x);
  if (d.pmf) out.pmf = (k) => d.pmf!(k);
  return out;
}
