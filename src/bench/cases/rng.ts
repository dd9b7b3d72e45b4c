import type { BitGeneratorName } from "../../random/bit-generators.js";
import { createRng, type Rng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

function rngCase(name: string, call: string, draw: (rng: Rng, n: number) => unknown, bitGenerator: BitGeneratorName = "xoshiro128**"): BenchCase {
  return {
    name,
    params: (scale) => `createRng(${SEED}).${call}, n=${scaled(10_000_000, scale)} [bit generator ${bitGenerator}]`,
    setup: (scale) => {
      const n = scaled(10_000_000, scale);
      const rng = createRng(SEED, { bitGenerator });
      return { op: () => draw(rng, n) };
    },
  };
}

const CALLS: [string, string, (r: Rng, n: number) => unknown][] = [
  ["uniform", "uniform(0.0, 1.0, n)", (r, n) => r.uniform(0, 1, n)],
  ["normal", "normal(0.0, 1.0, n)", (r, n) => r.normal(0, 1, n)],
  ["exponential", "exponential(1.0, n)", (r, n) => r.exponential(1, n)],
  ["beta", "beta(0.5, 0.9, n)", (r, n) => r.beta(0.5, 0.9, n)],
  ["gamma", "gamma(2.0, 1.0, n)", (r, n) => r.gamma(2, 1, n)],
  ["lognormal", "lognormal(0.0, 1.0, n)", (r, n) => r.lognormal(0, 1, n)],
  ["chisquare", "chisquare(2, n)", (r, n) => r.chisquare(2, n)],
  ["poisson", "poisson(4, n)", (r, n) => r.poisson(4, n)],
  ["binomial", "binomial(10, 0.3, n)", (r, n) => r.binomial(10, 0.3, n)],
];

/**
 * numpy.random cases: 10M draws each, one generator per case, successive
 * blocks of its stream; the default bit generator, then the same calls on
 * pcg64 (numpy's own bit generator, names ending in `_pcg64`, no peer).
 */
export const RNG_CASES: BenchCase[] = [
  ...CALLS.map(([k, call, draw]) => rngCase(`rng_${k}_10m`, call, draw)),
  {
    // the peer times numpy's legacy RandomState (polar Box–Muller); synthlab has one normal sampler, the ziggurat
    ...rngCase("rng_normal_10m_legacy", "normal(0.0, 1.0, n)", (r, n) => r.normal(0, 1, n)),
    params: (scale) => `createRng(${SEED}).normal(0.0, 1.0, n), n=${scaled(10_000_000, scale)} [bit generator xoshiro128**; the same work as rng_normal_10m: synthlab has no legacy RandomState, the peer's line is numpy's legacy polar method]`,
  },
  ...CALLS.map(([k, call, draw]) => rngCase(`rng_${k}_10m_pcg64`, call, draw, "pcg64")),
];
