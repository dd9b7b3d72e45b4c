import { createRng, type Rng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

function rngCase(name: string, call: string, draw: (rng: Rng, n: number) => unknown): BenchCase {
  return {
    name,
    params: (scale) => `createRng(${SEED}).${call}, n=${scaled(10_000_000, scale)} [bit generator xoshiro128**]`,
    setup: (scale) => {
      const n = scaled(10_000_000, scale);
      const rng = createRng(SEED);
      return { op: () => draw(rng, n) };
    },
  };
}

/** numpy.random cases: 10M draws each, one generator per case, successive blocks of its stream. */
export const RNG_CASES: BenchCase[] = [
  rngCase("rng_uniform_10m", "uniform(0.0, 1.0, n)", (r, n) => r.uniform(0, 1, n)),
  rngCase("rng_normal_10m", "normal(0.0, 1.0, n)", (r, n) => r.normal(0, 1, n)),
  rngCase("rng_exponential_10m", "exponential(1.0, n)", (r, n) => r.exponential(1, n)),
  rngCase("rng_beta_10m", "beta(0.5, 0.9, n)", (r, n) => r.beta(0.5, 0.9, n)),
  rngCase("rng_gamma_10m", "gamma(2.0, 1.0, n)", (r, n) => r.gamma(2, 1, n)),
  rngCase("rng_lognormal_10m", "lognormal(0.0, 1.0, n)", (r, n) => r.lognormal(0, 1, n)),
  rngCase("rng_chisquare_10m", "chisquare(2, n)", (r, n) => r.chisquare(2, n)),
];
