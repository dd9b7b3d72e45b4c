import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
import { DISTRIBUTIONS, distributionFunctions, resolveParams, type DistributionName } from "../../src/random/registry.js";
import { chiSquareTest, ksTest } from "./gof.js";

const N = 1_000_000;
/** Mixture CDFs (sums of incomplete gamma/beta) are evaluated at every 16th order statistic, interpolated between. */
const COSTLY = new Set(["noncentralChisquare", "noncentralF"]);

// Two parameter sets per family (different algorithm branches where the sampler has them).
const SETS: Record<DistributionName, Record<string, number>[]> = {
  uniform: [{ low: 0, high: 1 }, { low: -3, high: 7 }],
  normal: [{ loc: 0, scale: 1 }, { loc: 5, scale: 0.3 }],
  exponential: [{ scale: 1 }, { scale: 4.5 }],
  lognormal: [{ mean: 0, sigma: 1 }, { mean: 1, sigma: 0.25 }],
  chisquare: [{ df: 2 }, { df: 0.7 }],
  beta: [{ a: 0.5, b: 0.9 }, { a: 2, b: 5 }],
  gamma: [{ shape: 0.4, scale: 2 }, { shape: 3, scale: 1 }],
  standardNormal: [{}, {}],
  standardExponential: [{}, {}],
  standardGamma: [{ shape: 1 }, { shape: 7.5 }],
  noncentralChisquare: [{ df: 3, nonc: 2 }, { df: 0.5, nonc: 1.5 }],
  f: [{ dfnum: 5, dfden: 7 }, { dfnum: 1, dfden: 30 }],
  noncentralF: [{ dfnum: 5, dfden: 7, nonc: 1.5 }, { dfnum: 3, dfden: 20, nonc: 4 }],
  standardT: [{ df: 1.5 }, { df: 10 }],
  standardCauchy: [{}, {}],
  laplace: [{ loc: 0, scale: 1 }, { loc: -2, scale: 3 }],
  logistic: [{ loc: 0, scale: 1 }, { loc: 2, scale: 0.5 }],
  gumbel: [{ loc: 0, scale: 1 }, { loc: 1, scale: 2 }],
  weibull: [{ a: 0.8 }, { a: 3 }],
  pareto: [{ a: 3 }, { a: 0.9 }],
  power: [{ a: 0.5 }, { a: 2.5 }],
  rayleigh: [{ scale: 1 }, { scale: 3 }],
  wald: [{ mean: 1, scale: 3 }, { mean: 2, scale: 0.5 }],
  triangular: [{ left: -1, mode: 0.5, right: 2 }, { left: 0, mode: 0, right: 1 }],
  vonmises: [{ mu: 0.5, kappa: 4 }, { mu: -2, kappa: 0.3 }],
  poisson: [{ lam: 3.5 }, { lam: 150 }],
  binomial: [{ n: 20, p: 0.3 }, { n: 1000, p: 0.93 }],
  negativeBinomial: [{ n: 5, p: 0.3 }, { n: 0.7, p: 0.6 }],
  geometric: [{ p: 0.5 }, { p: 0.05 }],
  hypergeometric: [{ ngood: 7, nbad: 12, nsample: 5 }, { ngood: 300, nbad: 500, nsample: 200 }],
  logseries: [{ p: 0.6 }, { p: 0.99 }],
  zipf: [{ a: 2.5 }, { a: 4 }],
  integers: [{ low: 0, high: 10 }, { low: -50, high: 51 }],
};

describe(`goodness of fit at ${N} draws (fixed seeds, p > 0.001)`, () => {
  for (const name of Object.keys(DISTRIBUTIONS) as DistributionName[]) {
    const entry = DISTRIBUTIONS[name];
    SETS[name].forEach((params, i) => {
      it(`${name}(${JSON.stringify(params)}) ${entry.kind === "continuous" ? "KS" : "chi-square"}`, () => {
        const p = resolveParams(name, params);
        const x = (entry.draw as (r: unknown, p: unknown, n: number) => Float64Array)(createRng(1000 + i), p, N);
        const fn = distributionFunctions(name, p);
        if (entry.kind === "continuous") {
          const r = ksTest(x, fn.cdf, COSTLY.has(name) ? 16 : 1);
          assert.ok(r.pvalue > 0.001, `KS D=${r.statistic}, p=${r.pvalue}`);
        } else {
          const r = chiSquareTest(x, fn.pmf!, fn.cdf, fn.ppf);
          assert.ok(r.df >= 1 || name === "integers", `df ${r.df}`);
          assert.ok(r.pvalue > 0.001, `chi2=${r.statistic} df=${r.df} p=${r.pvalue}`);
        }
      });
    });
  }
});

describe("the goodness-of-fit helpers reject a wrong distribution", () => {
  it("KS: normal draws against N(0.01, 1) at 10^6 draws", () => {
    const x = createRng(5).normal(0, 1, N);
    assert.ok(ksTest(x, distributionFunctions("normal", { loc: 0.01 }).cdf).pvalue < 1e-6);
  });
  it("chi-square: Poisson(3.5) draws against Poisson(3.52)", () => {
    const x = createRng(5).poisson(3.5, N);
    const fn = distributionFunctions("poisson", { lam: 3.52 });
    assert.ok(chiSquareTest(x, fn.pmf!, fn.cdf, fn.ppf).pvalue < 1e-6);
  });
});

describe("moments of the new families (seeded, 6 standard errors)", () => {
  const n = 400_000;
  const stats = (x: Float64Array) => {
    let m = 0;
    for (const v of x) m += v;
    m /= x.length;
    let v2 = 0;
    for (const v of x) v2 += (v - m) ** 2;
    return [m, v2 / (x.length - 1)] as const;
  };
  const cases: [string, (r: ReturnType<typeof createRng>) => Float64Array, number, number][] = [
    ["poisson(150)", (r) => r.poisson(150, n), 150, 150],
    ["binomial(1000, 0.4)", (r) => r.binomial(1000, 0.4, n), 400, 240],
    ["negativeBinomial(5, 0.3)", (r) => r.negativeBinomial(5, 0.3, n), (5 * 0.7) / 0.3, (5 * 0.7) / 0.09],
    ["hypergeometric(300, 500, 200)", (r) => r.hypergeometric(300, 500, 200, n), 75, (200 * (300 / 800) * (500 / 800) * 600) / 799],
    ["wald(1, 3)", (r) => r.wald(1, 3, n), 1, 1 / 3],
    ["laplace(1, 2)", (r) => r.laplace(1, 2, n), 1, 8],
    ["standardT(10)", (r) => r.standardT(10, n), 0, 10 / 8],
    ["triangular(-1, 0.5, 2)", (r) => r.triangular(-1, 0.5, 2, n), 0.5, (1 + 0.25 + 4 + 0.5 + 2 - 1) / 18],
  ];
  for (const [name, draw, m, v] of cases) {
    it(`${name}: mean ${m.toFixed(4)} (6 s.e.), variance ${v.toFixed(4)} (3%)`, () => {
      const [mm, vv] = stats(draw(createRng(77)));
      assert.ok(Math.abs(mm - m) < 6 * Math.sqrt(v / n), `mean ${mm}`);
      assert.ok(Math.abs(vv / v - 1) < 0.03, `variance ${vv}`);
    });
  }
});
