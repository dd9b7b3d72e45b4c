import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { ParamError, ParamTypeError } from "../../src/core/errors.js";
import { makeClassification } from "../../src/datasets/classification.js";
import { createRng } from "../../src/random/rng.js";

const count = (y: Int32Array, k: number) => y.reduce((s, v) => s + (v === k ? 1 : 0), 0);
const rank = (X: Matrix) => new SingularValueDecomposition(X, { autoTranspose: true }).rank;

describe("makeClassification", () => {
  it("has scikit-learn's defaults: 100 x 20, two classes", () => {
    const { X, y } = makeClassification({ seed: 1 });
    assert.equal(X.rows, 100);
    assert.equal(X.columns, 20);
    assert.ok(y instanceof Int32Array);
    assert.deepEqual([...new Set(y)].sort(), [0, 1]);
    for (const v of X.to1DArray()) assert.ok(Number.isFinite(v));
  });

  it("gives exact class counts from weights (scikit-learn's test: 10, 25, 65)", () => {
    const weights = [0.1, 0.25];
    const { X, y } = makeClassification({
      nSamples: 100, nFeatures: 20, nInformative: 5, nRedundant: 1, nRepeated: 1, nClasses: 3,
      nClustersPerClass: 1, hypercube: false, shift: null, scale: null, weights, flipY: 0, seed: 0,
    });
    assert.deepEqual(weights, [0.1, 0.25]);
    assert.equal(X.rows, 100);
    assert.deepEqual([count(y, 0), count(y, 1), count(y, 2)], [10, 25, 65]);
  });

  it("splits samples among clusters with the remainder round-robin", () => {
    const { y } = makeClassification({ nSamples: 101, nClasses: 3, nClustersPerClass: 1, flipY: 0, seed: 2 });
    assert.deepEqual([count(y, 0), count(y, 1), count(y, 2)], [34, 34, 33]);
  });

  it("flips about flipY of the labels", () => {
    const a = makeClassification({ nSamples: 20000, flipY: 0, shuffle: false, seed: 3 }).y;
    const b = makeClassification({ nSamples: 20000, flipY: 0.2, shuffle: false, seed: 3 }).y;
    let changed = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
    // a flipped label is redrawn uniformly: it changes with probability 1/2 (2 classes)
    assert.ok(Math.abs(changed / a.length - 0.1) < 0.01, `changed ${changed}`);
  });

  it("puts informative, redundant, repeated and useless features where scikit-learn does (no shuffle)", () => {
    const nInf = 4, nRed = 3, nRep = 2, d = 12;
    const { X } = makeClassification({ nSamples: 500, nFeatures: d, nInformative: nInf, nRedundant: nRed, nRepeated: nRep, flipY: 0, shuffle: false, seed: 4 });
    const cols = (a: number, b: number) => X.subMatrix(0, X.rows - 1, a, b - 1);
    assert.equal(rank(cols(0, nInf)), nInf, "informative features are linearly independent");
    assert.equal(rank(cols(0, nInf + nRed)), nInf, "redundant features are linear combinations of the informative ones");
    for (let q = 0; q < nRep; q++) {
      const rep = X.getColumn(nInf + nRed + q);
      const source = [...Array(nInf + nRed).keys()].filter((j) => X.getColumn(j).every((v, i) => v === rep[i]));
      assert.equal(source.length, 1, `repeated feature ${q} is an exact copy of one useful feature`);
    }
    assert.equal(rank(X), nInf + (d - nInf - nRed - nRep), "useless features add full rank");
  });

  it("shuffles features: the same column kinds, at random places", () => {
    const { X } = makeClassification({ nSamples: 300, nFeatures: 10, nInformative: 3, nRedundant: 2, nRepeated: 1, seed: 5 });
    assert.equal(rank(X), 3 + 4);
    const exactCopies = [];
    for (let a = 0; a < 10; a++) for (let b = a + 1; b < 10; b++) if (X.getColumn(a).every((v, i) => v === X.getColumn(b)[i])) exactCopies.push([a, b]);
    assert.equal(exactCopies.length, 1);
  });

  it("centres clusters on hypercube vertices, one sign pattern per cluster (scikit-learn's informative test)", () => {
    const classSep = 1e6;
    for (const [nInf, weights, perClass] of [[2, [1], 1], [2, [1 / 3, 1 / 3, 1 / 3], 1], [2, [1 / 2, 1 / 2], 2], [2, [3 / 4, 1 / 4], 2], [10, [1 / 3, 1 / 3, 1 / 3], 10], [64, [1], 1]] as const) {
      const nClasses = weights.length;
      const nClusters = nClasses * perClass;
      const nSamples = nClusters * 50;
      for (const hypercube of [false, true]) {
        const { X, y } = makeClassification({
          nSamples, nClasses, weights, nFeatures: nInf, nInformative: nInf, nClustersPerClass: perClass, hypercube,
          classSep, nRedundant: 0, nRepeated: 0, flipY: 0, shift: 0, scale: 1, shuffle: false, seed: 0,
        });
        const signs = new Map<string, number[]>();
        for (let i = 0; i < X.rows; i++) {
          const key = X.getRow(i).map(Math.sign).join(",");
          signs.set(key, [...(signs.get(key) ?? []), i]);
        }
        assert.equal(signs.size, nClusters, "distinct quadrants, one per cluster");
        const byClass = new Map<number, Set<string>>();
        for (const [key, rows] of signs) for (const i of rows) byClass.set(y[i]!, (byClass.get(y[i]!) ?? new Set()).add(key));
        assert.equal(byClass.size, nClasses);
        for (const s of byClass.values()) assert.equal(s.size, perClass);
        for (const rows of signs.values()) {
          const c = new Float64Array(nInf);
          for (const i of rows) for (let j = 0; j < nInf; j++) c[j] += X.get(i, j) / rows.length;
          const onVertex = c.every((v) => Math.abs(Math.abs(v) / classSep - 1) < 1e-5);
          assert.equal(onVertex, hypercube, hypercube ? "centred on a vertex" : "not on a vertex (random polytope)");
        }
      }
    }
  });

  it("gives distinct rows beyond 30 informative features", () => {
    const { X } = makeClassification({ nSamples: 2000, nFeatures: 31, nInformative: 31, nRedundant: 0, nRepeated: 0, scale: 0.5, seed: 0 });
    assert.equal(new Set(X.to2DArray().map((r) => r.join(","))).size, 2000);
  });

  it("separates classes more with a larger classSep", () => {
    const spread = (classSep: number) => {
      const { X, y } = makeClassification({ nSamples: 4000, nFeatures: 2, nRedundant: 0, nClustersPerClass: 1, classSep, flipY: 0, seed: 6 });
      const m = [0, 0, 0, 0];
      for (let i = 0; i < X.rows; i++) for (let j = 0; j < 2; j++) m[2 * y[i]! + j] += X.get(i, j) / 2000;
      return Math.hypot(m[0]! - m[2]!, m[1]! - m[3]!);
    };
    assert.ok(spread(10) > 5 * spread(1));
  });

  it("applies shift then scale per feature", () => {
    const base = makeClassification({ nSamples: 50, nFeatures: 3, nRedundant: 0, shift: 0, scale: 1, shuffle: false, seed: 7 }).X;
    const moved = makeClassification({ nSamples: 50, nFeatures: 3, nRedundant: 0, shift: [1, 2, 3], scale: [2, 3, 4], shuffle: false, seed: 7 }).X;
    for (let i = 0; i < 50; i++) for (let j = 0; j < 3; j++) assert.ok(Math.abs(moved.get(i, j) - (base.get(i, j) + j + 1) * (j + 2)) < 1e-9);
  });

  it("is reproducible: same seed same data, another seed other data, an Rng is drawn from", () => {
    const a = makeClassification({ seed: 11 });
    const b = makeClassification({ seed: 11 });
    assert.deepEqual(a.X.to2DArray(), b.X.to2DArray());
    assert.deepEqual(a.y, b.y);
    assert.notDeepEqual(a.X.to2DArray(), makeClassification({ seed: 12 }).X.to2DArray());
    const rng = createRng(11);
    const c = makeClassification({ seed: rng });
    const d = makeClassification({ seed: rng });
    assert.notDeepEqual(c.X.to2DArray(), d.X.to2DArray());
    assert.equal(a.seed, 11);
    assert.equal(typeof makeClassification().seed, "number");
  });

  const bad: [Record<string, unknown>, RegExp][] = [
    [{ nInformative: 0 }, /^makeClassification: 'nInformative' must be an integer >= 1, got 0\.$/],
    [{ nInformative: 2, nClasses: 3, nClustersPerClass: 2 }, /^makeClassification: nClasses \(3\) \* nClustersPerClass \(2\) must be <= 2 \*\* nInformative \(4\)\.$/],
    [{ nFeatures: 2, nInformative: 2, nClasses: 5, nClustersPerClass: 1, nRedundant: 0 }, /nClasses \(5\) \* nClustersPerClass \(1\) must be <= 2 \*\* nInformative \(4\)/],
    [{ nFeatures: 5, nInformative: 3, nRedundant: 2, nRepeated: 1 }, /nInformative \(3\) \+ nRedundant \(2\) \+ nRepeated \(1\) must be <= nFeatures \(5\)/],
    [{ nSamples: 0 }, /'nSamples' must be an integer >= 1, got 0/],
    [{ nSamples: 10.5 }, /'nSamples' must be an integer, got 10\.5/],
    [{ nRedundant: -1 }, /'nRedundant' must be an integer >= 0, got -1/],
    [{ nClasses: 0 }, /'nClasses' must be an integer >= 1, got 0/],
    [{ nClustersPerClass: 0 }, /'nClustersPerClass' must be an integer >= 1, got 0/],
    [{ weights: [] }, /'weights' must have nClasses \(2\) or nClasses - 1 \(1\) entries, got 0/],
    [{ weights: [0.25, 0.75, 0.1] }, /'weights' must have nClasses \(2\) or nClasses - 1 \(1\) entries, got 3/],
    [{ weights: [1.2] }, /'weights' must be >= 0, but weight 1 is -0\.2\d* \(1 - sum of the others, 1\.2\)/],
    [{ weights: [0.7, 0.6] }, /'weights' must sum to at most 1, got 1\.3\./],
    [{ weights: [0.5, NaN] }, /'weights' must hold finite numbers, but weights\[1\] is NaN/],
    [{ flipY: 1.5 }, /'flipY' must be in \[0, 1\], got 1\.5/],
    [{ classSep: 0 }, /'classSep' must be > 0, got 0/],
    [{ scale: -1 }, /'scale' must be > 0, got -1/],
    [{ shift: [1, 2] }, /'shift' must have 20 entries, got 2/],
    [{ nSample: 10 }, /unknown option 'nSample'\. Valid options: nSamples, nFeatures/],
    [{ seed: -1 }, /createRng: 'seed' must be/],
  ];
  for (const [opts, re] of bad) {
    it(`rejects ${JSON.stringify(opts)}`, () => {
      assert.throws(() => makeClassification(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message));
    });
  }
  it("rejects wrong types with a TypeError", () => {
    assert.throws(() => makeClassification({ nSamples: "10" as never }), (e: unknown) => e instanceof ParamTypeError && /'nSamples' must be an integer, got "10" \(string\)/.test((e as Error).message));
    assert.throws(() => makeClassification({ shuffle: 1 as never }), ParamTypeError);
    assert.throws(() => makeClassification({ weights: 0.5 as never }), ParamTypeError);
  });
});
