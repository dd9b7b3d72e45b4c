import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { DataError, ParamError, ParamTypeError } from "../../src/core/errors.js";
import { fitUnivariate, univariateFromJSON, UNIVARIATE_FAMILIES, UnivariateModel, type UnivariateFamily, type UnivariateModelJSON } from "../../src/fit/univariate.js";
import { kdeGrid } from "../../src/fit/univariate-kde.js";
import { normCdf, normPpf } from "../../src/random/distributions.js";
import { createRng } from "../../src/random/rng.js";

// Made by test/fixtures/scipy_univariate.py (Debian's scipy 1.10.1); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/scipy_univariate.json", import.meta.url), "utf8"));
const sample = (name: string) => Float64Array.from(fx.samples[name] as number[]);
const SETS = Object.keys(fx.samples) as string[];
/** Sets whose truncated-normal MLE is interior (a finite loc and scale that scipy and we both reach). */
const WELL_POSED_TRUNCNORM = ["normal", "truncnorm", "gamma", "bimodal", "beta25"];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const close = (got: number, want: number, tol: number, what: string) => assert.ok(rel(got, want) <= tol, `${what}: ${got} vs scipy ${want} (rel ${rel(got, want).toExponential(2)})`);
const loglik = (m: UnivariateModel, x: Float64Array) => x.reduce((s, v) => s + Math.log(m.pdf(v)), 0);
const range = (x: Float64Array) => Math.max(...x) - Math.min(...x);
const fromJSON = (family: string, params: Record<string, number>) =>
  univariateFromJSON({ schema: "synthlab.univariate/1", family: family as UnivariateFamily, params, ksStatistic: 0, candidates: [] });

describe("fitUnivariate: maximum likelihood vs scipy", () => {
  it("normal: scipy.stats.norm.fit (mean, sd with ddof 0)", () => {
    for (const name of SETS) {
      const m = fitUnivariate(sample(name), { family: "normal" });
      const want = fx.fits[name].normal;
      close(m.params.loc!, want.loc, 1e-12, `${name} loc`);
      close(m.params.scale!, want.scale, 1e-12, `${name} scale`);
    }
  });

  it("beta: bounds widened by range/(n-1); a, b match beta.fit(floc, fscale) and the log-likelihood is as high", () => {
    for (const name of SETS) {
      const x = sample(name);
      const m = fitUnivariate(x, { family: "beta" });
      const want = fx.fits[name].beta;
      close(m.params.loc!, want.loc, 1e-12, `${name} loc`);
      close(m.params.scale!, want.scale, 1e-12, `${name} scale`);
      // scipy solves the digamma equations by fsolve (xtol 1.5e-8); ours by Newton to rounding
      close(m.params.a!, want.a, 1e-6, `${name} a`);
      close(m.params.b!, want.b, 1e-6, `${name} b`);
      assert.ok(loglik(m, x) >= want.loglik - 1e-9 * Math.abs(want.loglik), `${name}: loglik ${loglik(m, x)} < scipy ${want.loglik}`);
    }
  });

  it("gamma: loc = min - range/(n-1); shape and scale match gamma.fit(floc)", () => {
    for (const name of SETS) {
      const x = sample(name);
      const m = fitUnivariate(x, { family: "gamma" });
      const want = fx.fits[name].gamma;
      close(m.params.loc!, want.loc, 1e-12, `${name} loc`);
      close(m.params.a!, want.a, 1e-6, `${name} a`);
      close(m.params.scale!, want.scale, 1e-6, `${name} scale`);
      assert.ok(loglik(m, x) >= want.loglik - 1e-9 * Math.abs(want.loglik), `${name}: loglik`);
    }
  });

  it("uniform: scipy.stats.uniform.fit ([min, max])", () => {
    for (const name of SETS) {
      const m = fitUnivariate(sample(name), { family: "uniform" });
      assert.equal(m.params.low, fx.fits[name].uniform.low);
      close(m.params.high!, fx.fits[name].uniform.high, 1e-15, `${name} high`);
    }
  });

  it("truncnorm: bounds at the data range; log-likelihood >= scipy's optimum - 1e-6 relative, loc/scale equal where the MLE is interior", () => {
    for (const name of SETS) {
      const x = sample(name);
      const m = fitUnivariate(x, { family: "truncnorm" });
      const want = fx.fits[name].truncnorm;
      assert.equal(m.params.low, want.low);
      assert.equal(m.params.high, want.high);
      const ll = loglik(m, x);
      assert.ok(ll >= -want.nll - 1e-6 * Math.abs(want.nll), `${name}: loglik ${ll} < scipy ${-want.nll}`);
      if (WELL_POSED_TRUNCNORM.includes(name)) {
        close(m.params.loc!, want.loc, 1e-6, `${name} loc`);
        close(m.params.scale!, want.scale, 1e-6, `${name} scale`);
      }
    }
  });

  it("the candidates' KS statistics match scipy.stats.kstest at scipy's fitted parameters", () => {
    for (const name of SETS) {
      const m = fitUnivariate(sample(name), { seed: 1 });
      for (const fam of ["normal", "beta", "gamma", "uniform", "truncnorm"] as const) {
        if (fam === "truncnorm" && !WELL_POSED_TRUNCNORM.includes(name)) continue;
        const got = m.candidates.find((c) => c.family === fam)!.statistic;
        assert.ok(Math.abs(got - fx.fits[name][fam].ks) <= 1e-6, `${name} ${fam}: D = ${got} vs scipy ${fx.fits[name][fam].ks}`);
      }
    }
  });
});

describe("kde vs scipy.stats.gaussian_kde", () => {
  for (const name of ["bimodal", "small"]) {
    it(`${name}: Scott's bandwidth, exact cdf (integrate_box_1d) and pdf; the bulk grid within 1e-7`, () => {
      const x = name === "small" ? sample("normal").subarray(0, 50) : sample(name);
      const m = fitUnivariate(x, { family: "kde", seed: 1 });
      const want = fx.kde[name];
      close(m.params.bandwidth!, want.bandwidth, 1e-13, "bandwidth");
      const grid = kdeGrid(m.points!, m.params.bandwidth!);
      want.points.forEach((p: number, i: number) => {
        assert.ok(Math.abs(m.cdf(p) - want.cdf[i]) <= 1e-13, `cdf(${p}): ${m.cdf(p)} vs ${want.cdf[i]}`);
        close(m.pdf(p), want.pdf[i], 1e-11, `pdf(${p})`);
        assert.ok(Math.abs(grid.F.at(p) - want.cdf[i]) <= 1e-7, `grid cdf(${p}): ${grid.F.at(p)} vs ${want.cdf[i]}`);
      });
    });
  }

  it("the grid's CDF stays within 1e-7 of the exact sum between its nodes", () => {
    const x = sample("bimodal");
    const m = fitUnivariate(x, { family: "kde" });
    const g = kdeGrid(m.points!, m.params.bandwidth!);
    let worst = 0;
    for (let t = -5; t <= 10; t += 0.0137) worst = Math.max(worst, Math.abs(g.F.at(t) - m.cdf(t)));
    assert.ok(worst < 1e-7, `max |grid - exact| = ${worst}`);
  });
});

describe("distribution functions vs scipy at fixed parameters (deep truncations included)", () => {
  for (const d of fx.dists) {
    it(`${d.family} ${JSON.stringify(d.params)}`, () => {
      const m = fromJSON(d.family, d.params);
      const scale = d.params.scale ?? d.params.high - d.params.low;
      d.q.forEach((q: number, i: number) => {
        const x = d.ppf[i];
        assert.ok(Math.abs(m.cdf(x) - d.cdf[i]) <= 1e-12 + 1e-9 * d.cdf[i], `cdf(${x}) = ${m.cdf(x)} vs ${d.cdf[i]}`);
        assert.ok(Math.abs(m.ppf(q) - x) <= 1e-9 * scale, `ppf(${q}) = ${m.ppf(q)} vs ${x}`);
        if (d.pdf[i] !== null) close(m.pdf(x), d.pdf[i], 1e-8, `pdf(${x})`);
        // the upper tail through the score table (isf nodes): x at z = -Φ⁻¹(p)
        const viaTable = m.fromNormalScores(Float64Array.of(-normPpf(q)))[0]!;
        assert.ok(Math.abs(viaTable - d.isf[i]) <= 1e-8 * scale, `isf(${q}) via the table = ${viaTable} vs ${d.isf[i]}`);
      });
    });
  }
});

describe("auto selection (seeded numpy draws, n = 3000)", () => {
  const expect: [string, string][] = [
    ["normal", "normal"],
    ["truncnorm", "truncnorm"],
    ["beta", "beta"],
    ["gamma", "gamma"],
    ["uniform", "uniform"],
    ["bimodal", "kde"],
  ];
  for (const [name, family] of expect) {
    it(`${name} draws -> ${family}`, () => {
      const m = fitUnivariate(sample(name), { seed: 7 });
      assert.equal(m.family, family, JSON.stringify(m.candidates));
      assert.deepEqual(
        m.candidates.map((c) => c.family),
        [...UNIVARIATE_FAMILIES],
      );
      const chosen = m.candidates.find((c) => c.family === family)!;
      assert.equal(m.ksStatistic, chosen.statistic);
      for (const c of m.candidates) assert.ok(chosen.penalized <= c.penalized, `${c.family} has a smaller penalized statistic`);
    });
  }

  it("the KDE's held-out statistic is larger than its in-sample one would be, so it loses on normal data", () => {
    const m = fitUnivariate(sample("normal"), { seed: 3 });
    const kde = m.candidates.find((c) => c.family === "kde")!;
    const normal = m.candidates.find((c) => c.family === "normal")!;
    assert.ok(kde.statistic > normal.statistic);
  });

  it("candidates restricts the comparison; a failed fit never wins", () => {
    const m = fitUnivariate(sample("gamma"), { candidates: ["normal", "uniform"] });
    assert.deepEqual(
      m.candidates.map((c) => c.family),
      ["normal", "uniform"],
    );
    assert.equal(m.family, "normal");
  });
});

describe("UnivariateModel", () => {
  const families = [...UNIVARIATE_FAMILIES];
  const models = () => families.map((family) => ({ family, x: sample(family === "kde" ? "bimodal" : family), m: fitUnivariate(sample(family === "kde" ? "bimodal" : family), { family, seed: 2 }) }));

  it("ppf(cdf(x)) = x inside the support", () => {
    for (const { family, x, m } of models()) {
      const s = Float64Array.from(x).sort();
      for (const p of [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]) {
        const v = s[Math.floor(p * (s.length - 1))]!;
        assert.ok(Math.abs(m.ppf(m.cdf(v)) - v) <= 1e-9 * range(x), `${family}: ppf(cdf(${v})) = ${m.ppf(m.cdf(v))}`);
      }
    }
  });

  it("fromNormalScores equals ppf(Φ(z)) within 1e-8 × range on |z| <= 5 (the KDE's grid 1e-6), is monotone and clamps beyond ±8.5", () => {
    const N = 40001;
    const z = Float64Array.from({ length: N }, (_, i) => -10 + (20 * i) / (N - 1));
    for (const { family, x, m } of models()) {
      const out = m.fromNormalScores(z);
      const tol = (family === "kde" ? 1e-6 : 1e-8) * range(x);
      let worst = 0;
      for (let i = 0; i < N; i++) {
        if (i > 0) assert.ok(out[i]! >= out[i - 1]!, `${family}: not monotone at z = ${z[i]}`);
        if (Math.abs(z[i]!) <= 5) worst = Math.max(worst, Math.abs(out[i]! - m.ppf(normCdf(z[i]!))));
      }
      assert.ok(worst <= tol, `${family}: max error ${worst} > ${tol}`);
      const [lo, hi] = m.fromNormalScores(Float64Array.of(-8.5, 8.5));
      assert.deepEqual(Array.from(m.fromNormalScores(Float64Array.of(-20, 20, NaN))), [lo, hi, NaN]);
    }
  });

  it("toNormalScores inverts fromNormalScores (table and direct paths), writes in place", () => {
    const z = createRng(4).standardNormal(5000); // more than the table's 4096 cells: the table path
    for (const { family, m } of models()) {
      const x = m.fromNormalScores(z);
      const back = m.toNormalScores(x);
      for (let i = 0; i < z.length; i++) assert.ok(Math.abs(back[i]! - z[i]!) <= 1e-6, `${family}: z ${z[i]} -> ${x[i]} -> ${back[i]}`);
      const fresh = univariateFromJSON(m.toJSON()); // no table built yet: the direct path
      const small = x.slice(0, 100);
      const direct = fresh.toNormalScores(small);
      for (let i = 0; i < 100; i++) assert.ok(Math.abs(direct[i]! - z[i]!) <= 1e-6, `${family} direct: ${direct[i]} vs ${z[i]}`);
      const buf = Float64Array.from(z.subarray(0, 10));
      assert.equal(m.fromNormalScores(buf, buf), buf);
      assert.deepEqual(Array.from(buf), Array.from(x.subarray(0, 10)));
    }
  });

  it("toNormalScores of the data is clamped to ±8.5 and roughly standard normal", () => {
    for (const { family, x, m } of models()) {
      const z = m.toNormalScores(x);
      let s = 0;
      let ss = 0;
      for (const v of z) {
        assert.ok(v >= -8.5 && v <= 8.5, `${family}: ${v}`);
        s += v;
        ss += v * v;
      }
      const mean = s / z.length;
      assert.ok(Math.abs(mean) < 0.1 && Math.abs(ss / z.length - mean * mean - 1) < 0.25, `${family}: mean ${mean}, var ${ss / z.length}`);
    }
  });

  it("JSON round trip gives an identical model", () => {
    for (const { family, m } of models()) {
      const json = JSON.parse(JSON.stringify(m)) as UnivariateModelJSON;
      const back = univariateFromJSON(json);
      assert.deepEqual(back.toJSON(), m.toJSON(), family);
      assert.equal(back.family, m.family);
      for (const v of [-3, 0.1, 0.5, 2, 7.5, 12]) {
        assert.equal(back.cdf(v), m.cdf(v));
        assert.equal(back.pdf(v), m.pdf(v));
      }
      for (const q of [1e-6, 0.2, 0.5, 0.9]) assert.equal(back.ppf(q), m.ppf(q));
      const z = createRng(1).standardNormal(1000);
      assert.deepEqual(back.fromNormalScores(z), m.fromNormalScores(z));
    }
  });

  it("a constant column gives a degenerate model returning its value", () => {
    const m = fitUnivariate(new Float64Array(20).fill(4.25));
    assert.equal(m.family, "constant");
    assert.deepEqual(m.params, { value: 4.25 });
    assert.equal(m.ksStatistic, 0);
    assert.deepEqual(Array.from(m.fromNormalScores(Float64Array.of(-3, 0, 9))), [4.25, 4.25, 4.25]);
    assert.deepEqual(Array.from(m.toNormalScores(Float64Array.of(4.25, 4.25))), [0, 0]);
    assert.equal(m.cdf(4.2), 0);
    assert.equal(m.cdf(4.25), 1);
    assert.equal(m.ppf(0.3), 4.25);
    assert.deepEqual(univariateFromJSON(JSON.parse(JSON.stringify(m))).toJSON(), m.toJSON());
    assert.equal(fitUnivariate(Float64Array.of(-1), { family: "beta" }).family, "constant");
  });
});

describe("randomness: subsample and held-out split", () => {
  it("same seed, same model; the seed drawn is recorded and replays", () => {
    const x = sample("bimodal");
    assert.deepEqual(fitUnivariate(x, { seed: 5 }).toJSON(), fitUnivariate(x, { seed: 5 }).toJSON());
    const fresh = fitUnivariate(x);
    assert.equal(typeof fresh.seed, "number");
    assert.deepEqual(fitUnivariate(x, { seed: fresh.seed }).toJSON(), fresh.toJSON());
    const a = fitUnivariate(x, { seed: 5 }).candidates.find((c) => c.family === "kde")!.statistic;
    const b = fitUnivariate(x, { seed: 6 }).candidates.find((c) => c.family === "kde")!.statistic;
    assert.notEqual(a, b);
  });

  it("columns longer than maxFitRows are subsampled for the KDE and the scores; parametric fits use every value", () => {
    const x = sample("normal");
    const m = fitUnivariate(x, { family: "kde", maxFitRows: 500, seed: 1 });
    assert.equal(m.points!.length, 500);
    const all = new Set(x);
    assert.ok(m.points!.every((v) => all.has(v)));
    const n = fitUnivariate(x, { family: "normal", maxFitRows: 500, seed: 1 });
    assert.equal(n.params.loc, fx.fits.normal.normal.loc);
    // no randomness needed, none recorded
    assert.equal(fitUnivariate(x, { family: "normal" }).seed, undefined);
  });
});

describe("bad input", () => {
  const cases: [string, () => unknown, new (...a: never[]) => Error, RegExp][] = [
    ["empty", () => fitUnivariate(new Float64Array(0)), DataError, /^fitUnivariate: 'values' is empty; expected at least one finite number\. Pass the column's non-missing values\.$/],
    ["NaN", () => fitUnivariate(Float64Array.of(1, NaN)), DataError, /^fitUnivariate: 'values'\[1\] is NaN; expected finite numbers\. Drop missing values before fitting/],
    ["Infinity", () => fitUnivariate(Float64Array.of(1, 2, -Infinity)), DataError, /'values'\[2\] is -Infinity; expected finite numbers/],
    ["a string", () => fitUnivariate([1, "2"] as unknown as Float64Array), DataError, /'values'\[1\] is "2"; expected finite numbers/],
    ["not an array", () => fitUnivariate("1,2" as unknown as Float64Array), ParamTypeError, /^fitUnivariate: 'values' must be a Float64Array or an array of numbers, got "1,2"\.$/],
    ["unknown family", () => fitUnivariate(Float64Array.of(1, 2), { family: "weibull" as UnivariateFamily }), ParamError, /^fitUnivariate: 'family' must be one of "normal", "truncnorm", "beta", "gamma", "uniform", "kde", "auto", got "weibull"\.$/],
    ["candidates with a family", () => fitUnivariate(Float64Array.of(1, 2), { family: "beta", candidates: ["normal"] }), ParamError, /'candidates' applies to family "auto" only, got family "beta"\. Drop one of the two\./],
    ["empty candidates", () => fitUnivariate(Float64Array.of(1, 2), { candidates: [] }), ParamError, /'candidates' must be a non-empty array of "normal", .*got \[\]\./],
    ["unknown candidate", () => fitUnivariate(Float64Array.of(1, 2), { candidates: ["normal", "lognormal" as UnivariateFamily] }), ParamError, /'candidates\[1\]' must be one of .*, got "lognormal"\./],
    ["maxFitRows", () => fitUnivariate(Float64Array.of(1, 2), { maxFitRows: 5 }), ParamError, /'maxFitRows' must be an integer >= 10, got 5\./],
    ["unknown option", () => fitUnivariate(Float64Array.of(1, 2), { nSample: 3 } as never), ParamError, /unknown option 'nSample'\. Valid options: family, candidates, maxFitRows, seed\./],
    ["bad seed", () => fitUnivariate(Float64Array.of(1, 2), { seed: -1 }), ParamError, /'seed' must be an integer in \[0, /],
    ["JSON schema", () => univariateFromJSON({ family: "normal" } as never), ParamError, /^univariateFromJSON: expected an object with schema "synthlab.univariate\/1"/],
    ["JSON family", () => univariateFromJSON({ schema: "synthlab.univariate/1", family: "cauchy" } as never), ParamError, /'family' must be one of .*"constant", got "cauchy"\./],
    ["JSON param", () => univariateFromJSON({ schema: "synthlab.univariate/1", family: "beta", params: { a: 1, b: 2, loc: 0 } } as never), ParamError, /a beta model needs a finite number 'params\.scale', got undefined\./],
    ["JSON points", () => univariateFromJSON({ schema: "synthlab.univariate/1", family: "kde", params: { bandwidth: 1 } } as never), ParamError, /a kde model needs 'points', a non-empty array of finite numbers, got undefined\./],
  ];
  for (const [name, fn, cls, msg] of cases) {
    it(name, () => {
      assert.throws(fn, (e: Error) => {
        assert.ok(e instanceof cls, `${name}: ${e.constructor.name}: ${e.message}`);
        assert.match(e.message, msg);
        return true;
      });
    });
  }
});

describe("speed (reported; the bounds only catch a tenfold regression)", () => {
  it("fits 5,000 values with all six candidates, maps 1,000,000 normal scores", (t) => {
    const x = createRng(9).gamma(2, 3, 5000);
    for (let i = 0; i < 3; i++) fitUnivariate(x, { seed: i }); // warm up
    let fit = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      fitUnivariate(x, { seed: i });
      fit = Math.min(fit, performance.now() - t0);
    }
    const z = createRng(10).standardNormal(1_000_000);
    const out = new Float64Array(z.length);
    const report: string[] = [`fit 5,000 values, 6 candidates: ${fit.toFixed(1)} ms`];
    let worst = 0;
    for (const family of ["beta", "gamma", "truncnorm", "kde"] as const) {
      const m = fitUnivariate(x, { family, seed: 1 });
      const t0 = performance.now();
      m.fromNormalScores(z.subarray(0, 1), out);
      const build = performance.now() - t0;
      for (let i = 0; i < 3; i++) m.fromNormalScores(z, out);
      let map = Infinity;
      for (let i = 0; i < 5; i++) {
        const t1 = performance.now();
        m.fromNormalScores(z, out);
        map = Math.min(map, performance.now() - t1);
      }
      worst = Math.max(worst, map);
      report.push(`${family}: table ${build.toFixed(1)} ms, fromNormalScores(1e6) ${map.toFixed(1)} ms`);
    }
    t.diagnostic(report.join("; "));
    assert.ok(fit < 500, report.join("; "));
    assert.ok(worst < 150, report.join("; "));
  });
});
