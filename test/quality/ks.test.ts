import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { kolmogorov, kstwoSf, smirnov } from "../../src/quality/kolmogorov.js";
import { ks2samp, kstest } from "../../src/quality/ks.js";

// Made by test/fixtures/scipy_ks.py (Debian's scipy 1.10.1); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/scipy_ks.json", import.meta.url), "utf8"));
const TOL = 1e-6; // the bar: p-values agree with scipy to 1e-6 absolute

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs scipy ${b} (|Δ| = ${Math.abs(a - b)})`);

describe("Kolmogorov distributions vs scipy", () => {
  it("kstwo.sf across every method's regime (n from 1 to 10^6)", () => {
    for (const { n, d, sf } of fx.kstwo_sf) close(kstwoSf(d, n), sf, 1e-9, `kstwo.sf(${d}, ${n})`);
  });
  it("smirnov (one-sided exact)", () => {
    for (const { n, d, sf } of fx.smirnov) close(smirnov(n, d), sf, 1e-10, `smirnov(${n}, ${d})`);
  });
  it("kolmogorov (limit)", () => {
    for (const { x, sf } of fx.kolmogorov) close(kolmogorov(x), sf, 1e-12, `kolmogorov(${x})`);
  });
});

describe("ks2samp vs scipy.stats.ks_2samp", () => {
  for (const c of fx.ks2samp) {
    it(`${c.name}, ${c.alternative}, method ${c.method}`, () => {
      const s = fx.samples[c.name];
      const r = ks2samp(s.x, s.y, { alternative: c.alternative, method: c.method });
      close(r.statistic, c.statistic, 1e-12, "statistic");
      close(r.pvalue, c.pvalue, TOL, "pvalue");
    });
  }
  it("is symmetric in its samples for two-sided", () => {
    const s = fx.samples["unequal n small"];
    assert.equal(ks2samp(s.x, s.y).pvalue, ks2samp(s.y, s.x).pvalue);
  });
});

describe("kstest vs scipy.stats.kstest", () => {
  const cdfName: Record<string, [string, (args: number[]) => Record<string, number>]> = {
    norm: ["norm", () => ({})],
    expon: ["exponential", (a) => ({ scale: a[1]! })],
    uniform: ["uniform", () => ({ low: 0, high: 1 })],
  };
  for (const c of fx.kstest) {
    it(`${c.name}, ${c.alternative}, method ${c.method}`, () => {
      const [name, params] = cdfName[c.dist]!;
      const r = kstest(fx.samples[c.name].x, name, { params: params(c.args), alternative: c.alternative, method: c.method });
      close(r.statistic, c.statistic, 1e-9, "statistic");
      close(r.pvalue, c.pvalue, TOL, "pvalue");
    });
  }
  it("takes a CDF function", () => {
    const x = fx.samples["uniform 60"].x;
    const byName = kstest(x, "uniform");
    const byFn = kstest(x, (v) => Math.min(1, Math.max(0, v)));
    assert.equal(byFn.statistic, byName.statistic);
    assert.equal(byFn.pvalue, byName.pvalue);
  });
});

describe("KS bad input", () => {
  const table: [string, () => unknown, RegExp][] = [
    ["empty sample", () => ks2samp([], [1]), /ks2samp: 'x' is empty/],
    ["NaN in y", () => ks2samp([1, 2], [1, NaN]), /ks2samp: 'y'\[1\] is NaN; drop missing values first/],
    ["not an array", () => ks2samp("abc" as never, [1]), /'x' must be an array or typed array of numbers, got "abc"/],
    ["bad alternative", () => ks2samp([1], [2], { alternative: "both" as never }), /'alternative' must be one of "two-sided", "less", "greater", got "both"/],
    ["bad method", () => ks2samp([1], [2], { method: "fast" as never }), /'method' must be one of "auto", "exact", "asymp", got "fast"/],
    ["unknown option", () => ks2samp([1], [2], { alternativ: "less" } as never), /unknown option 'alternativ'/],
    ["unknown distribution", () => kstest([1], "gauss"), /kstest: unknown distribution "gauss"\. Known distributions:/],
    ["bad params", () => kstest([1], "normal", { params: { mu: 0 } }), /normal has no parameter 'mu'/],
    ["cdf out of range", () => kstest([1, 2], (x) => x), /the cdf returned 2 at x = 2/],
    ["params with a function", () => kstest([0.5], (x) => x, { params: { a: 1 } }), /'params' applies to a distribution name/],
  ];
  for (const [name, call, re] of table) it(name, () => assert.throws(call, re));
});

describe("kstest on large samples (bucket sort of the CDF values)", () => {
  /** scipy's computation: sort x, evaluate the CDF, take the largest gaps. */
  function reference(x: Float64Array, F: (v: number) => number) {
    const s = Float64Array.from(x).sort();
    const n = s.length;
    let dp = -Infinity, dm = -Infinity, lp = NaN, lm = NaN;
    for (let i = 0; i < n; i++) {
      const c = F(s[i]!);
      if ((i + 1) / n - c > dp) [dp, lp] = [(i + 1) / n - c, s[i]!];
      if (c - i / n > dm) [dm, lm] = [c - i / n, s[i]!];
    }
    return dp > dm ? { statistic: dp, loc: lp, sign: 1 } : { statistic: dm, loc: lm, sign: -1 };
  }
  const F = (v: number) => Math.min(1, Math.max(0, v)); // uniform(0, 1)
  const cases: [string, Float64Array][] = [
    ["uniform, many ties", Float64Array.from({ length: 20000 }, (_, i) => Math.round(((Math.sin(i * 12.9898) * 43758.5453) % 1 + 1) % 1 * 500) / 500)],
    ["crowded near 1 and beyond", Float64Array.from({ length: 20000 }, (_, i) => 0.999 + (i % 50) * 1e-4)],
    ["all equal", new Float64Array(5000).fill(0.3)],
  ];
  for (const [name, x] of cases) {
    it(name, () => {
      const r = kstest(x, F);
      const want = reference(x, F);
      assert.equal(r.statistic, want.statistic);
      assert.equal(r.statisticLocation, want.loc);
      assert.equal(r.statisticSign, want.sign);
    });
  }
});
