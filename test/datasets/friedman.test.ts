import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError } from "../../src/core/errors.js";
import { makeFriedman1, makeFriedman2, makeFriedman3 } from "../../src/datasets/friedman.js";

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("makeFriedman1", () => {
  it("noise 0: y is Friedman's formula of the first five features, uniform on [0, 1)", () => {
    const { X, y } = makeFriedman1({ nSamples: 500, nFeatures: 10, noise: 0, seed: 0 });
    assert.deepEqual([X.rows, X.columns, y.length], [500, 10, 500]);
    for (let i = 0; i < 500; i++) {
      const x = X.getRow(i);
      assert.ok(x.every((v) => v >= 0 && v < 1));
      assert.ok(close(y[i]!, 10 * Math.sin(Math.PI * x[0]! * x[1]!) + 20 * (x[2]! - 0.5) ** 2 + 10 * x[3]! + 5 * x[4]!));
    }
  });

  it("noise adds N(0, noise²) to the target", () => {
    const a = makeFriedman1({ nSamples: 20000, seed: 1 });
    const b = makeFriedman1({ nSamples: 20000, noise: 2, seed: 1 });
    assert.deepEqual(a.X.to2DArray(), b.X.to2DArray(), "the noise is drawn after X");
    let s2 = 0;
    for (let i = 0; i < 20000; i++) s2 += (b.y[i]! - a.y[i]!) ** 2;
    assert.ok(Math.abs(Math.sqrt(s2 / 20000) - 2) < 0.05);
  });

  it("rejects fewer than five features and other bad values", () => {
    assert.throws(() => makeFriedman1({ nFeatures: 4 }), (e: unknown) => e instanceof ParamError && /^makeFriedman1: 'nFeatures' must be an integer >= 5, got 4\.$/.test((e as Error).message));
    assert.throws(() => makeFriedman1({ noise: -0.1 }), /'noise' must be >= 0, got -0\.1/);
    assert.throws(() => makeFriedman1({ nSamples: 0 }), /'nSamples' must be an integer >= 1, got 0/);
  });

  it("is reproducible", () => {
    assert.deepEqual(makeFriedman1({ seed: 3 }).y, makeFriedman1({ seed: 3 }).y);
    assert.notDeepEqual(makeFriedman1({ seed: 3 }).y, makeFriedman1({ seed: 4 }).y);
  });
});

describe("makeFriedman2 and makeFriedman3", () => {
  it("noise 0: the formulas, on Friedman's input ranges", () => {
    const f2 = makeFriedman2({ nSamples: 400, seed: 0 });
    const f3 = makeFriedman3({ nSamples: 400, seed: 0 });
    assert.deepEqual(f2.X.to2DArray(), f3.X.to2DArray(), "same inputs for the same seed");
    for (let i = 0; i < 400; i++) {
      const [a, b, c, d] = f2.X.getRow(i) as [number, number, number, number];
      assert.ok(a >= 0 && a < 100 && b >= 40 * Math.PI && b < 560 * Math.PI && c >= 0 && c < 1 && d >= 1 && d < 11);
      assert.ok(close(f2.y[i]!, Math.sqrt(a ** 2 + (b * c - 1 / (b * d)) ** 2)));
      assert.ok(close(f3.y[i]!, Math.atan((b * c - 1 / (b * d)) / a)));
    }
  });

  it("rejects bad values", () => {
    assert.throws(() => makeFriedman2({ noise: -1 }), /makeFriedman2: 'noise' must be >= 0, got -1\.$/);
    assert.throws(() => makeFriedman3({ nSamples: 1.5 }), /makeFriedman3: 'nSamples' must be an integer, got 1\.5\.$/);
    assert.throws(() => makeFriedman3({ nFeatures: 4 } as never), /unknown option 'nFeatures'/);
  });
});
