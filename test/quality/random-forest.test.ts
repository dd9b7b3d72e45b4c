import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { detection } from "../../src/quality/metrics/detection.js";
import { utility } from "../../src/quality/metrics/utility.js";
import { fitOneVsRest, predictOneVsRest } from "../../src/quality/models/logistic-regression.js";
import { fitForest, forestPredictClasses, forestPredictValues } from "../../src/quality/models/random-forest.js";
import { createRng } from "../../src/random/rng.js";

/** XOR of the signs of two uniform features, plus two noise features: no linear model can do better than chance. */
function xor(n: number, seed: number): { X: Float64Array; y: Int32Array } {
  const rng = createRng(seed);
  const X = rng.uniform(-1, 1, n * 4);
  const y = Int32Array.from({ length: n }, (_, i) => (X[i * 4]! > 0 !== X[i * 4 + 1]! > 0 ? 1 : 0));
  return { X, y };
}

/** Friedman #1 on five informative and five noise features, noise-free. */
function friedman1(n: number, seed: number): { X: Float64Array; y: Float64Array } {
  const X = createRng(seed).random(n * 10);
  const y = Float64Array.from({ length: n }, (_, i) => {
    const x = (j: number) => X[i * 10 + j]!;
    return 10 * Math.sin(Math.PI * x(0) * x(1)) + 20 * (x(2) - 0.5) ** 2 + 10 * x(3) + 5 * x(4);
  });
  return { X, y };
}

const accuracy = (p: Int32Array, y: Int32Array) => p.reduce((a, v, i) => a + (v === y[i] ? 1 : 0), 0) / y.length;

function r2(y: Float64Array, p: Float64Array): number {
  const m = y.reduce((a, v) => a + v, 0) / y.length;
  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    ssr += (y[i]! - p[i]!) ** 2;
    sst += (y[i]! - m) ** 2;
  }
  return 1 - ssr / sst;
}

describe("random forest (the utility metric's model)", () => {
  it("learns XOR, which a logistic regression cannot", () => {
    const train = xor(3000, 1);
    const test = xor(2000, 2);
    const forest = fitForest(train.X, train.y, 3000, 4, "classification", 2, createRng(3));
    assert.equal(forest.trees.length, 50);
    const accForest = accuracy(forestPredictClasses(forest, test.X, 2000), test.y);
    const linear = predictOneVsRest(fitOneVsRest(train.X, train.y, 3000, 4, 2), test.X, 2000, 4);
    const accLinear = accuracy(linear, test.y);
    assert.ok(accForest > 0.95, `forest ${accForest}`);
    assert.ok(accLinear < 0.6, `linear ${accLinear}`);
  });

  it("returns class probabilities that sum to 1, and fits its training rows", () => {
    const { X, y } = xor(500, 4);
    const forest = fitForest(X, y, 500, 4, "classification", 2, createRng(5), { nEstimators: 20 });
    const p = forestPredictValues(forest, X, 500);
    for (let i = 0; i < 500; i++) assert.ok(Math.abs(p[2 * i]! + p[2 * i + 1]! - 1) < 1e-12);
    assert.ok(accuracy(forestPredictClasses(forest, X, 500), y) > 0.97);
  });

  it("regresses Friedman #1 (held-out R² > 0.8; a single full-depth tree reproduces its bootstrap rows)", () => {
    const train = friedman1(4000, 6);
    const test = friedman1(1000, 7);
    const forest = fitForest(train.X, train.y, 4000, 10, "regression", 1, createRng(8), { nEstimators: 30 });
    const score = r2(test.y, forestPredictValues(forest, test.X, 1000));
    assert.ok(score > 0.8, `R² ${score}`);
    const one = fitForest(train.X, train.y, 4000, 10, "regression", 1, createRng(8), { nEstimators: 1, maxBins: 255 });
    assert.ok(r2(train.y, forestPredictValues(one, train.X, 4000)) > 0.6);
  });

  it("is reproducible with a seed and changes with another", () => {
    const { X, y } = xor(400, 9);
    const a = forestPredictValues(fitForest(X, y, 400, 4, "classification", 2, createRng(10), { nEstimators: 5 }), X, 400);
    const b = forestPredictValues(fitForest(X, y, 400, 4, "classification", 2, createRng(10), { nEstimators: 5 }), X, 400);
    const c = forestPredictValues(fitForest(X, y, 400, 4, "classification", 2, createRng(11), { nEstimators: 5 }), X, 400);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it("sends missing values right at every split, in training and prediction alike", () => {
    const n = 600;
    const rng = createRng(12);
    const X = rng.uniform(0, 1, n);
    for (let i = 0; i < n; i += 7) X[i] = NaN;
    const y = Int32Array.from(X, (v) => (Number.isNaN(v) ? 1 : v > 0.5 ? 1 : 0));
    const forest = fitForest(X, y, n, 1, "classification", 2, createRng(13), { nEstimators: 10 });
    assert.deepEqual(Array.from(forestPredictClasses(forest, Float64Array.of(NaN, 0.1, 0.9), 3)), [1, 0, 1]);
  });

  it("rejects bad options with the parameter and the value", () => {
    const { X, y } = xor(50, 1);
    const bad: [object, RegExp][] = [
      [{ nEstimators: 0 }, /fitForest: 'nEstimators' must be an integer >= 1, got 0/],
      [{ maxDepth: 1.5 }, /'maxDepth' must be an integer >= 1, got 1\.5/],
      [{ minSamplesLeaf: -1 }, /'minSamplesLeaf' must be an integer >= 1, got -1/],
      [{ maxBins: 300 }, /'maxBins' must be an integer in \[2, 255\], got 300/],
      [{ maxFeatures: 9 }, /'maxFeatures' must be "sqrt", "all" or an integer in \[1, 4\], got 9/],
    ];
    for (const [o, re] of bad) assert.throws(() => fitForest(X, y, 50, 4, "classification", 2, createRng(1), o), re);
  });
});

describe("utility with the forest (default) and the linear model", () => {
  const table = (seed: number, n: number) => {
    const { X, y } = xor(n, seed);
    return Table.fromColumns({ a: X.filter((_, k) => k % 4 === 0), b: X.filter((_, k) => k % 4 === 1), label: Array.from(y, (v) => (v ? "odd" : "even")) });
  };
  it("sees a nonlinear relation the linear model misses, and says which model it used", () => {
    const real = table(20, 1500);
    const u = utility(real, table(21, 1500), { target: "label", seed: 1 });
    assert.equal(u.model, "forest");
    assert.ok(u.real > 0.9 && u.score > 0.95, `${u.real} ${u.score}`);
    const lin = utility(real, table(21, 1500), { target: "label", seed: 1, model: "linear" });
    assert.equal(lin.model, "linear");
    assert.ok(lin.real < 0.7, `${lin.real}`);
    assert.throws(() => utility(real, real, { target: "label", model: "svm" as never }), /'model' must be one of/);
    assert.throws(() => utility(real, real, { target: "label", nEstimators: 0 }), /'nEstimators' must be an integer >= 1, got 0/);
  });
});

describe("detection with the forest", () => {
  it("tells uniform from normal rows of the same mean and variance, which the logistic regression cannot", () => {
    const n = 3000;
    const rng = createRng(30);
    const u = rng.uniform(-Math.sqrt(3), Math.sqrt(3), 2 * n);
    const z = rng.standardNormal(2 * n);
    const real = Table.fromColumns({ a: u.subarray(0, n), b: u.subarray(n) });
    const synthetic = Table.fromColumns({ a: z.subarray(0, n), b: z.subarray(n) });
    const logistic = detection(real, synthetic, { seed: 1 });
    const forest = detection(real, synthetic, { seed: 1, model: "forest" });
    assert.equal(logistic.model, "logistic");
    assert.equal(forest.model, "forest");
    assert.ok(logistic.score > 0.9, `logistic ${logistic.score}`);
    assert.ok(forest.score < 0.75, `forest ${forest.score}`);
    const same = detection(real, Table.fromColumns({ a: Float64Array.from(u.subarray(0, n)).reverse(), b: Float64Array.from(u.subarray(n)).reverse() }), { seed: 1, model: "forest" });
    assert.ok(same.score > 0.9, `same rows ${same.score}`);
    assert.throws(() => detection(real, synthetic, { model: "svm" as never }), /detection: 'model' must be one of "logistic", "forest", got "svm"/);
  });
});
