import { ParamError, ParamTypeError, show } from "../core/errors.js";
import type { Rng } from "./rng.js";

/** One parameter of a distribution: its name and numpy's default, if any. */
export interface ParamSpec {
  readonly name: string;
  readonly default?: number;
  /** A short description for docs and error messages. */
  readonly doc: string;
}

/** A registry entry: how to draw from a family, given its parameters by name. */
export interface DistributionEntry<P extends string = string> {
  readonly kind: "continuous" | "discrete";
  readonly params: readonly (ParamSpec & { name: P })[];
  readonly draw: (rng: Rng, params: Readonly<Record<P, number>>, size: number) => Float64Array;
}

function entry<const P extends string>(e: DistributionEntry<P>): DistributionEntry<P> {
  return e;
}

/**
 * Distributions by name, in place of the tutorial's
 * `eval('rand.' + dist + '(' + param + ')')`: each entry lists its parameters
 * in numpy's order with numpy's defaults, and draws through the `Rng` method of
 * the same name (so validation and streams are the method's own).
 */
export const DISTRIBUTIONS = {
  uniform: entry({
    kind: "continuous",
    params: [
      { name: "low", default: 0, doc: "lower bound" },
      { name: "high", default: 1, doc: "upper bound (exclusive)" },
    ],
    draw: (rng, p, n) => rng.uniform(p.low, p.high, n),
  }),
  normal: entry({
    kind: "continuous",
    params: [
      { name: "loc", default: 0, doc: "mean" },
      { name: "scale", default: 1, doc: "standard deviation, >= 0" },
    ],
    draw: (rng, p, n) => rng.normal(p.loc, p.scale, n),
  }),
  exponential: entry({
    kind: "continuous",
    params: [{ name: "scale", default: 1, doc: "mean (1 / rate), >= 0" }],
    draw: (rng, p, n) => rng.exponential(p.scale, n),
  }),
  lognormal: entry({
    kind: "continuous",
    params: [
      { name: "mean", default: 0, doc: "mean of the underlying normal" },
      { name: "sigma", default: 1, doc: "standard deviation of the underlying normal, >= 0" },
    ],
    draw: (rng, p, n) => rng.lognormal(p.mean, p.sigma, n),
  }),
  chisquare: entry({
    kind: "continuous",
    params: [{ name: "df", doc: "degrees of freedom, > 0" }],
    draw: (rng, p, n) => rng.chisquare(p.df, n),
  }),
  beta: entry({
    kind: "continuous",
    params: [
      { name: "a", doc: "alpha, > 0" },
      { name: "b", doc: "beta, > 0" },
    ],
    draw: (rng, p, n) => rng.beta(p.a, p.b, n),
  }),
  gamma: entry({
    kind: "continuous",
    params: [
      { name: "shape", doc: "shape k, >= 0" },
      { name: "scale", default: 1, doc: "scale θ, >= 0" },
    ],
    draw: (rng, p, n) => rng.gamma(p.shape, p.scale, n),
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
