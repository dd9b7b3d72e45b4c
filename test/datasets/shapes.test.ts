import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError } from "../../src/core/errors.js";
import { makeCircles, makeMoons } from "../../src/datasets/shapes.js";

describe("makeCircles", () => {
  it("puts noise-free points exactly on radius 1 and factor, evenly split (odd and even n)", () => {
    for (const [n, nOut, nIn] of [[7, 3, 4], [8, 4, 4]] as const) {
      const { X, y } = makeCircles({ nSamples: n, shuffle: false, factor: 0.3, seed: 1 });
      assert.equal(X.rows, n);
      assert.equal(X.columns, 2);
      assert.deepEqual([y.filter((v) => v === 0).length, y.filter((v) => v === 1).length], [nOut, nIn]);
      for (let i = 0; i < n; i++) {
        const r = Math.hypot(X.get(i, 0), X.get(i, 1));
        assert.ok(Math.abs(r - (y[i] === 0 ? 1 : 0.3)) < 1e-12, `point ${i} radius ${r}`);
      }
    }
  });

  it("shuffled, noise 0: every point still on its circle", () => {
    const { X, y } = makeCircles({ nSamples: 1000, noise: 0, seed: 11 });
    for (let i = 0; i < X.rows; i++) assert.ok(Math.abs(Math.hypot(X.get(i, 0), X.get(i, 1)) - (y[i] === 0 ? 1 : 0.8)) < 1e-12);
    assert.notDeepEqual(Array.from(y.slice(0, 20)), Array(20).fill(0), "shuffled");
  });

  it("with noise, radii spread by about the noise", () => {
    const { X, y } = makeCircles({ nSamples: 20000, noise: 0.05, seed: 2 });
    let s = 0;
    let s2 = 0;
    let m = 0;
    for (let i = 0; i < X.rows; i++) {
      if (y[i] !== 0) continue;
      const d = Math.hypot(X.get(i, 0), X.get(i, 1)) - 1;
      s += d;
      s2 += d * d;
      m++;
    }
    const sd = Math.sqrt(s2 / m - (s / m) ** 2);
    assert.ok(Math.abs(sd - 0.05) < 0.003, `radial sd ${sd}`);
  });

  it("takes [nOuter, nInner]", () => {
    const { X, y } = makeCircles({ nSamples: [2, 8], seed: 1 });
    assert.equal(X.rows, 10);
    assert.deepEqual([y.filter((v) => v === 0).length, y.filter((v) => v === 1).length], [2, 8]);
  });

  it("is reproducible", () => {
    assert.deepEqual(makeCircles({ noise: 0.1, seed: 5 }).X.to2DArray(), makeCircles({ noise: 0.1, seed: 5 }).X.to2DArray());
    assert.notDeepEqual(makeCircles({ noise: 0.1, seed: 5 }).X.to2DArray(), makeCircles({ noise: 0.1, seed: 6 }).X.to2DArray());
  });

  for (const [opts, re] of [
    [{ factor: -0.01 }, /^makeCircles: 'factor' must be in \[0, 1\), got -0\.01\.$/],
    [{ factor: 1 }, /'factor' must be in \[0, 1\), got 1\./],
    [{ noise: -1 }, /'noise' must be >= 0, got -1/],
    [{ nSamples: [1, 2, 3] }, /'nSamples' must be an integer or a two-element array \[nOuter, nInner\], got \[1, 2, 3\]/],
    [{ nSamples: [10] }, /two-element array/],
    [{ nSamples: -1 }, /'nSamples' must be an integer >= 0, got -1/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => makeCircles(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message)));
  }
});

describe("makeMoons", () => {
  it("puts noise-free points on the two unit half circles (centres (0, 0) and (1, 0.5))", () => {
    const { X, y } = makeMoons({ nSamples: 101, shuffle: false, seed: 1 });
    for (let i = 0; i < X.rows; i++) {
      const [cx, cy] = y[i] === 0 ? [0, 0] : [1, 0.5];
      const dx = X.get(i, 0) - cx;
      const dy = X.get(i, 1) - cy;
      assert.ok(Math.abs(dx * dx + dy * dy - 1) < 1e-12);
      // upper half for moon 0, lower half for moon 1
      assert.ok(y[i] === 0 ? dy >= -1e-12 : dy <= 1e-12);
    }
    assert.deepEqual([X.get(0, 0), X.get(0, 1)], [1, 0]);
    assert.ok(Math.abs(X.get(49, 0) + 1) < 1e-12, "the upper moon ends at angle π");
  });

  it("takes [nUpper, nLower]", () => {
    const { X, y } = makeMoons({ nSamples: [7, 5], seed: 1 });
    assert.equal(X.rows, 12);
    assert.deepEqual([y.filter((v) => v === 0).length, y.filter((v) => v === 1).length], [7, 5]);
  });

  it("is reproducible", () => {
    assert.deepEqual(makeMoons({ noise: 0.1, seed: 5 }).X.to2DArray(), makeMoons({ noise: 0.1, seed: 5 }).X.to2DArray());
    assert.notDeepEqual(makeMoons({ noise: 0.1, seed: 5 }).X.to2DArray(), makeMoons({ noise: 0.1, seed: 7 }).X.to2DArray());
  });

  for (const [opts, re] of [
    [{ nSamples: [1, 2, 3] }, /two-element array/],
    [{ nSamples: 0 }, /'nSamples' must be an integer >= 1, got 0/],
    [{ noise: NaN }, /'noise' must be a finite number, got NaN/],
    [{ factor: 0.5 }, /unknown option 'factor'/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => makeMoons(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message)));
  }
});
