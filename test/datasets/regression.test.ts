import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { ParamError } from "../../src/core/errors.js";
import { makeRegression, makeSparseUncorrelated } from "../../src/datasets/regression.js";

describe("makeRegression", () => {
  it("noise 0: y equals X · coef + bias exactly (to rounding)", () => {
    const { X, y, coef } = makeRegression({ nSamples: 200, nFeatures: 10, nInformative: 3, bias: 5, seed: 0 });
    assert.ok(y instanceof Float64Array && coef instanceof Float64Array);
    assert.equal(coef.filter((c) => c !== 0).length, 3);
    for (const c of coef) assert.ok(c >= 0 && c < 100);
    for (let i = 0; i < 200; i++) {
      let p = 5;
      for (let j = 0; j < 10; j++) p += X.get(i, j) * coef[j]!;
      assert.ok(Math.abs(y[i]! - p) < 1e-9);
    }
  });

  it("residual std equals the noise (scikit-learn's test, tighter)", () => {
    const { X, y, coef } = makeRegression({ nSamples: 20000, nFeatures: 10, nInformative: 3, noise: 1, seed: 0 });
    let s2 = 0;
    for (let i = 0; i < X.rows; i++) {
      let p = 0;
      for (let j = 0; j < 10; j++) p += X.get(i, j) * coef[j]!;
      s2 += (y[i]! - p) ** 2;
    }
    assert.ok(Math.abs(Math.sqrt(s2 / X.rows) - 1) < 0.02);
  });

  it("without shuffle the informative features come first; with it they move", () => {
    const a = makeRegression({ nSamples: 5, nFeatures: 20, nInformative: 4, shuffle: false, seed: 1 }).coef;
    assert.deepEqual(Array.from(a, (c) => c !== 0), [...Array(4).fill(true), ...Array(16).fill(false)]);
    const b = makeRegression({ nSamples: 5, nFeatures: 20, nInformative: 4, seed: 1 }).coef;
    assert.notDeepEqual(Array.from(b, (c) => c !== 0), Array.from(a, (c) => c !== 0));
  });

  it("several targets: y and coef are matrices, y = X · coef + bias", () => {
    const { X, y, coef } = makeRegression({ nSamples: 100, nFeatures: 10, nInformative: 3, nTargets: 3, bias: -1, seed: 2 });
    assert.ok(y instanceof Matrix && coef instanceof Matrix);
    assert.deepEqual([y.rows, y.columns, coef.rows, coef.columns], [100, 3, 10, 3]);
    const want = X.mmul(coef).add(-1);
    for (let i = 0; i < 100; i++) for (let k = 0; k < 3; k++) assert.ok(Math.abs(y.get(i, k) - want.get(i, k)) < 1e-9);
    for (let k = 0; k < 3; k++) assert.equal(coef.getColumn(k).filter((c) => c !== 0).length, 3);
  });

  it("caps nInformative at nFeatures (scikit-learn: nFeatures 1, default 10 informative)", () => {
    const { X, coef } = makeRegression({ nSamples: 100, nFeatures: 1, seed: 0 });
    assert.equal(X.columns, 1);
    assert.ok(coef[0]! > 0);
  });

  it("effectiveRank: X is approximately low rank, y = X · coef", () => {
    for (const shuffle of [false, true]) {
      const { X, y, coef } = makeRegression({ nSamples: 60, nFeatures: 30, nInformative: 5, effectiveRank: 5, tailStrength: 0.01, shuffle, seed: 3 });
      const s = new SingularValueDecomposition(X).diagonal;
      const total = s.reduce((a, b) => a + b, 0);
      assert.ok(s.slice(0, 8).reduce((a, b) => a + b, 0) / total > 0.9, "most of the energy in a few singular values");
      for (let i = 0; i < 60; i++) {
        let p = 0;
        for (let j = 0; j < 30; j++) p += X.get(i, j) * coef[j]!;
        assert.ok(Math.abs(y[i]! - p) < 1e-9);
      }
    }
  });

  it("is reproducible", () => {
    assert.deepEqual(makeRegression({ noise: 1, seed: 4 }).y, makeRegression({ noise: 1, seed: 4 }).y);
    assert.notDeepEqual(makeRegression({ noise: 1, seed: 4 }).y, makeRegression({ noise: 1, seed: 5 }).y);
  });

  for (const [opts, re] of [
    [{ nSamples: 0 }, /^makeRegression: 'nSamples' must be an integer >= 1, got 0\.$/],
    [{ nFeatures: 0 }, /'nFeatures' must be an integer >= 1, got 0/],
    [{ nInformative: -1 }, /'nInformative' must be an integer >= 0, got -1/],
    [{ nTargets: 0 }, /'nTargets' must be an integer >= 1, got 0/],
    [{ noise: -1 }, /'noise' must be >= 0, got -1/],
    [{ effectiveRank: 0 }, /'effectiveRank' must be an integer >= 1, got 0/],
    [{ tailStrength: 2 }, /'tailStrength' must be in \[0, 1\], got 2/],
    [{ bias: Infinity }, /'bias' must be a finite number, got Infinity/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => makeRegression(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message)));
  }
});

describe("makeSparseUncorrelated", () => {
  it("y - (x0 + 2 x1 - 2 x2 - 1.5 x3) is standard normal", () => {
    const { X, y } = makeSparseUncorrelated({ nSamples: 20000, seed: 0 });
    assert.deepEqual([X.rows, X.columns], [20000, 10]);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < 20000; i++) {
      const r = y[i]! - (X.get(i, 0) + 2 * X.get(i, 1) - 2 * X.get(i, 2) - 1.5 * X.get(i, 3));
      s += r;
      s2 += r * r;
    }
    assert.ok(Math.abs(s / 20000) < 0.03 && Math.abs(Math.sqrt(s2 / 20000) - 1) < 0.02);
  });

  it("rejects fewer than four features", () => {
    assert.throws(() => makeSparseUncorrelated({ nFeatures: 3 }), /makeSparseUncorrelated: 'nFeatures' must be an integer >= 4, got 3\.$/);
  });
});
