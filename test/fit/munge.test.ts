import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { munge, tuneMunge } from "../../src/fit/munge.js";
import { ks2samp } from "../../src/quality/ks.js";
import { createRng } from "../../src/random/rng.js";

function correlated(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const a = rng.normal();
    return [Math.exp(a), Math.exp(0.8 * a + 0.6 * rng.normal()) * 10, rng.integers(0, 3), 5];
  });
}

describe("munge", () => {
  it("shape, discrete values stay real categories, constant columns stay constant, p = 0 copies rows", () => {
    const X = correlated(300, 1);
    const S = munge(X, { nSamples: 1000, discreteFeatures: [2], seed: 3 });
    assert.equal(S.rows, 1000);
    assert.ok(S.getColumn(2).every((v) => v === 0 || v === 1 || v === 2));
    assert.ok(S.getColumn(3).every((v) => v === 5));
    const C = munge(X, { nSamples: 600, p: 0, seed: 3 });
    const keys = new Set(X.map((r) => r.join(",")));
    assert.ok(C.to2DArray().every((r) => keys.has(r.join(","))));
    // Each real row seeds exactly 2 rows of 600.
    const seen = new Map<string, number>();
    for (const r of C.to2DArray()) seen.set(r.join(","), (seen.get(r.join(",")) ?? 0) + 1);
    assert.ok([...seen.values()].every((c) => c === 2));
  });

  it("p = 1: continuous values drawn around the nearest neighbour (seeded statistics)", () => {
    const X = [[0], [1], [10], [11]];
    const S = munge(X, { nSamples: 4000, p: 1, s: 2, seed: 5 }).getColumn(0);
    // Rows from 0 go around 1 with sd 0.5, and so on: every value within 5 sd of a real value.
    assert.ok(S.every((v) => X.some(([x]) => Math.abs(v - x!) < 2.5)));
    const mean = S.reduce((a, b) => a + b, 0) / S.length;
    assert.ok(Math.abs(mean - 5.5) < 0.05, `${mean}`);
  });

  it("keeps marginals and correlation close at the defaults (seeded: mean KS < 0.05)", () => {
    const X = correlated(2000, 2);
    const S = munge(X, { nSamples: 20000, discreteFeatures: [2], seed: 1 });
    for (const j of [0, 1]) {
      const ks = ks2samp(X.map((r) => r[j]!), S.getColumn(j)).statistic;
      assert.ok(ks < 0.05, `column ${j} KS ${ks}`);
    }
  });

  it("tuneMunge scores the grid and picks its lowest score", () => {
    const X = correlated(600, 3);
    const t = tuneMunge(X, { pGrid: [0.1, 0.5, 0.9], sGrid: [0.5, 5], discreteFeatures: [2], seed: 0 });
    assert.equal(t.table.length, 6);
    const best = t.table.reduce((a, b) => (b.score < a.score ? b : a));
    assert.deepEqual(t.bestParams, { p: best.p, s: best.s });
    assert.ok(t.copyBaseline.score > 0 && t.copyBaseline.score < 0.2);
  });

  it("a discrete column with many levels (counts) keeps real values and a fast neighbour search", () => {
    const rng = createRng(4);
    const X = Array.from({ length: 3000 }, () => { const a = rng.lognormal(3, 1); return [a, Math.floor(a / 2), rng.integers(0, 200)]; });
    const S = munge(X, { nSamples: 5000, discreteFeatures: [1, 2], seed: 1 });
    const levels1 = new Set(X.map((r) => r[1]));
    const levels2 = new Set(X.map((r) => r[2]));
    assert.ok(S.getColumn(1).every((v) => levels1.has(v)));
    assert.ok(S.getColumn(2).every((v) => levels2.has(v)));
  });

  it("bad input gets a clear error", () => {
    const X = [[0, 1], [1, 2], [2, 3]];
    const table: [() => unknown, RegExp][] = [
      [() => munge(X, { nSamples: 0 }), /'nSamples' must be an integer >= 1, got 0/],
      [() => munge(X, {} as never), /'nSamples' is required/],
      [() => munge(X, { nSamples: 5, p: 1.5 }), /'p' must be in \[0, 1\], got 1.5/],
      [() => munge(X, { nSamples: 5, s: 0 }), /'s' must be > 0, got 0/],
      [() => munge([[0, 1]], { nSamples: 5 }), /needs at least 2 rows/],
      [() => munge([[0, 1], [NaN, 1]], { nSamples: 5 }), /X\[1, 0\] is NaN/],
      [() => munge(X, { nSamples: 5, discreteFeatures: [2] }), /discrete column 2 is out of range/],
      [() => munge(X, { nSamples: 5, q: 1 } as never), /unknown option 'q'/],
      [() => tuneMunge(X, { pGrid: [] }), /'pGrid' must list at least one value/],
      [() => tuneMunge(X), /needs at least 2 training and 2 held-out rows/],
    ];
    for (const [f, re] of table) assert.throws(f, re);
  });
});
