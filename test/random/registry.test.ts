import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
import { distributionFunctions, distributionNames, getDistribution, resolveParams, sampleDistribution } from "../../src/random/registry.js";

describe("distribution registry", () => {
  it("holds the tutorial's six families", () => {
    for (const name of ["uniform", "normal", "exponential", "lognormal", "chisquare", "beta"]) {
      assert.ok(distributionNames().includes(name as never), name);
    }
  });

  it("draws by name the same numbers as the method", () => {
    assert.deepEqual(sampleDistribution(createRng(11), "beta", { a: 0.5, b: 0.9 }, 50), createRng(11).beta(0.5, 0.9, 50));
    assert.deepEqual(sampleDistribution(createRng(11), "uniform", [-1, 1], 50), createRng(11).uniform(-1, 1, 50));
  });

  it("fills numpy's defaults", () => {
    assert.deepEqual(resolveParams("normal", {}), { loc: 0, scale: 1 });
    assert.deepEqual(resolveParams("gamma", [2]), { shape: 2, scale: 1 });
  });

  it("lists the known names for an unknown one", () => {
    assert.throws(
      () => sampleDistribution(createRng(1), "gauss" as never, {}, 3),
      /sampleDistribution: unknown distribution "gauss"\. Known distributions: uniform, normal, exponential, lognormal, chisquare, beta/,
    );
  });

  it("rejects unknown, missing and surplus parameters", () => {
    assert.throws(() => resolveParams("normal", { mu: 1 }), /normal has no parameter 'mu'\. Its parameters: loc, scale/);
    assert.throws(() => resolveParams("chisquare", {}), /chisquare needs parameter 'df'/);
    assert.throws(() => resolveParams("exponential", [1, 2]), /exponential takes at most 1 parameters/);
  });

  it("passes parameter errors through from the method", () => {
    assert.throws(() => sampleDistribution(createRng(1), "normal", { scale: -1 }, 3), /Rng.normal: 'scale' must be >= 0, got -1/);
  });
});

describe("exact distribution functions", () => {
  const params: Record<string, Record<string, number>> = {
    uniform: { low: -1, high: 2 }, normal: { loc: 1, scale: 2 }, exponential: { scale: 2 }, lognormal: { mean: 0.2, sigma: 0.7 },
    chisquare: { df: 3 }, beta: { a: 2, b: 5 }, gamma: { shape: 2.5, scale: 1.5 }, standardNormal: {}, standardExponential: {},
    standardGamma: { shape: 0.7 }, noncentralChisquare: { df: 3, nonc: 2 }, f: { dfnum: 5, dfden: 7 }, noncentralF: { dfnum: 5, dfden: 9, nonc: 1.5 },
    standardT: { df: 4 }, standardCauchy: {}, laplace: { loc: 1, scale: 2 }, logistic: { loc: 1, scale: 2 }, gumbel: { loc: 1, scale: 2 },
    weibull: { a: 1.5 }, pareto: { a: 3 }, power: { a: 2.5 }, rayleigh: { scale: 2 }, wald: { mean: 1, scale: 3 },
    triangular: { left: -1, mode: 0.5, right: 2 }, vonmises: { mu: 0.5, kappa: 4 }, poisson: { lam: 4 }, binomial: { n: 20, p: 0.3 },
    negativeBinomial: { n: 5, p: 0.4 }, geometric: { p: 0.3 }, hypergeometric: { ngood: 15, nbad: 25, nsample: 12 },
    logseries: { p: 0.8 }, zipf: { a: 2.5 }, integers: { low: 0, high: 10 },
  };

  it("covers every family of the registry", () => {
    assert.deepEqual(Object.keys(params).sort(), [...distributionNames()].sort());
  });

  for (const name of distributionNames()) {
    it(`${name}: ppf inverts cdf, cdf is monotone, the density integrates to the cdf`, () => {
      const fn = distributionFunctions(name, params[name]!);
      const qs = [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99];
      let prev = -Infinity;
      for (const q of qs) {
        const x = fn.ppf(q);
        assert.ok(x >= prev, `ppf not monotone at ${q}`);
        prev = x;
        if (fn.pdf) {
          assert.ok(Math.abs(fn.cdf(x) - q) < 1e-7, `cdf(ppf(${q})) = ${fn.cdf(x)}`);
        } else {
          // discrete: the smallest k with cdf(k) >= q
          assert.ok(fn.cdf(x) >= q - 1e-12 && fn.cdf(x - 1) < q, `ppf(${q}) = ${x}`);
          assert.ok(Math.abs(fn.cdf(x) - fn.cdf(x - 1) - fn.pmf!(x)) < 1e-9, `pmf(${x}) vs cdf step`);
        }
      }
      if (fn.pdf) {
        // Simpson from ppf(0.2) to ppf(0.8) must give 0.6
        const a = fn.ppf(0.2);
        const b = fn.ppf(0.8);
        const m = 2000;
        const h = (b - a) / m;
        let s = fn.pdf(a) + fn.pdf(b);
        for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * fn.pdf(a + i * h);
        assert.ok(Math.abs((s * h) / 3 - 0.6) < 1e-6, `integral ${(s * h) / 3}`);
      }
    });
  }

  it("matches scipy at a few points (normal, gamma, beta, t, poisson, binomial)", () => {
    // scipy.stats 1.10: norm.cdf(1.3, 1, 2), gamma.cdf(2, 2.5, scale=1.5), beta.ppf(0.3, 2, 5), t.cdf(-1.2, 4), poisson.pmf(3, 4), binom.cdf(5, 20, 0.3)
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
    close(distributionFunctions("normal", { loc: 1, scale: 2 }).cdf(1.3), 0.5596176923702425);
    close(distributionFunctions("gamma", { shape: 2.5, scale: 1.5 }).cdf(2), 0.2487882896338786);
    close(distributionFunctions("beta", { a: 2, b: 5 }).ppf(0.3), 0.18180347131894917);
    close(distributionFunctions("standardT", { df: 4 }).cdf(-1.2), 0.1481756966561767);
    close(distributionFunctions("poisson", { lam: 4 }).pmf!(3), 0.19536681481316454);
    close(distributionFunctions("binomial", { n: 20, p: 0.3 }).cdf(5), 0.4163708294474809);
  });

  it("validates parameters with the method's own messages, and the registry's cdf is the same function", () => {
    assert.throws(() => distributionFunctions("gamma", { shape: -1 }), /Rng.gamma: 'shape' must be >= 0, got -1/);
    assert.throws(() => distributionFunctions("binomial", { n: 10, p: 2 }), /Rng.binomial: 'p' must be in \[0, 1\], got 2/);
    assert.throws(() => distributionFunctions("zeta", {}), /unknown distribution "zeta"/);
    const p = resolveParams("gamma", { shape: 2 });
    assert.equal(getDistribution("gamma").cdf(1.5, p), distributionFunctions("gamma", { shape: 2 }).cdf(1.5));
  });
});
