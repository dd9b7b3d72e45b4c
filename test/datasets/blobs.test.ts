import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError } from "../../src/core/errors.js";
import { makeBlobs } from "../../src/datasets/blobs.js";

/** Std of (X - centre) over the rows of blob k, all coordinates pooled (scikit-learn's check). */
function blobStd(X: { rows: number; columns: number; get(i: number, j: number): number }, y: Int32Array, k: number, centre: number[]): number {
  let s = 0;
  let s2 = 0;
  let m = 0;
  for (let i = 0; i < X.rows; i++) {
    if (y[i] !== k) continue;
    for (let j = 0; j < X.columns; j++) {
      const v = X.get(i, j) - centre[j]!;
      s += v;
      s2 += v * v;
      m++;
    }
  }
  return Math.sqrt(s2 / m - (s / m) ** 2);
}

describe("makeBlobs", () => {
  it("has scikit-learn's defaults: 100 x 2, three blobs, centres in [-10, 10)", () => {
    const { X, y, centers } = makeBlobs({ seed: 1 });
    assert.deepEqual([X.rows, X.columns, centers.rows, centers.columns], [100, 2, 3, 2]);
    assert.deepEqual([0, 1, 2].map((k) => y.filter((v) => v === k).length), [34, 33, 33]);
    for (const v of centers.to1DArray()) assert.ok(v >= -10 && v < 10);
  });

  it("has blob std near clusterStd (one per blob), around the given centres", () => {
    const centers = [[0, 0], [1, 1], [0, 1]];
    const stds = [0.05, 0.2, 0.4];
    const { X, y } = makeBlobs({ nSamples: 30000, centers, clusterStd: stds, seed: 0 });
    for (let k = 0; k < 3; k++) {
      const s = blobStd(X, y, k, centers[k]!);
      assert.ok(Math.abs(s / stds[k]! - 1) < 0.02, `blob ${k}: std ${s}`);
    }
  });

  it("scalar clusterStd in 10 dimensions", () => {
    const { X, y, centers } = makeBlobs({ nSamples: 20000, nFeatures: 10, centers: 4, clusterStd: 2.5, seed: 3 });
    for (let k = 0; k < 4; k++) assert.ok(Math.abs(blobStd(X, y, k, centers.getRow(k)) - 2.5) < 0.05);
  });

  it("takes counts per blob, with or without centres", () => {
    const counts = [15, 17, 19];
    const a = makeBlobs({ nSamples: counts, seed: 0 });
    assert.equal(a.X.rows, 51);
    assert.deepEqual([0, 1, 2].map((k) => a.y.filter((v) => v === k).length), counts);
    const b = makeBlobs({ nSamples: [5, 0, 3], centers: [[1, 1, 1], [2, 2, 2], [3, 3, 3]], seed: 0 });
    assert.deepEqual([b.X.rows, b.X.columns], [8, 3]);
    assert.equal(b.y.filter((v) => v === 1).length, 0);
  });

  it("without shuffle, blobs come in order", () => {
    const { y } = makeBlobs({ nSamples: 7, shuffle: false, seed: 0 });
    assert.deepEqual(Array.from(y), [0, 0, 0, 1, 1, 2, 2]);
  });

  it("clusterStd 0 puts every point on its centre", () => {
    const { X, y, centers } = makeBlobs({ nSamples: 9, clusterStd: 0, seed: 0 });
    for (let i = 0; i < 9; i++) assert.deepEqual(X.getRow(i), centers.getRow(y[i]!));
  });

  it("is reproducible", () => {
    assert.deepEqual(makeBlobs({ seed: 4 }).X.to2DArray(), makeBlobs({ seed: 4 }).X.to2DArray());
    assert.notDeepEqual(makeBlobs({ seed: 4 }).X.to2DArray(), makeBlobs({ seed: 5 }).X.to2DArray());
  });

  const centers3 = [[0, 0], [1, 1], [0, 1]];
  for (const [opts, re] of [
    [{ nSamples: [10, 10, 10], centers: centers3.slice(0, 2) }, /^makeBlobs: 'nSamples' has 3 entries but there are 2 centers; give one count per center\.$/],
    [{ nSamples: [10, 10], centers: 3 }, /'centers' must be an array of points when 'nSamples' is an array, got 3/],
    [{ centers: centers3, clusterStd: [1, 1] }, /'clusterStd' must be a number or have one entry per center \(3\), got \[1, 1\]/],
    [{ clusterStd: -1 }, /'clusterStd' must be >= 0, got -1/],
    [{ centers: 0 }, /'centers' must be an integer >= 1, got 0/],
    [{ nSamples: 0 }, /'nSamples' must be an integer >= 1, got 0/],
    [{ centerBox: [10, -10] }, /'centerBox' must have low <= high, got \[10, -10\]/],
    [{ centers: [[0, 0], [1]] }, /'centers\[1\]' must have 2 entries, got 1/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => makeBlobs(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message)));
  }
});
