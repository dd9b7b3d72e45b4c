import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeGaussianQuantiles } from "../../src/datasets/gaussian-quantiles.js";

describe("makeGaussianQuantiles", () => {
  it("labels by distance quantile: equal classes, the last takes the remainder, shells nested", () => {
    const mean = [1, -2, 3];
    const { X, y } = makeGaussianQuantiles({ nSamples: 1001, nFeatures: 3, nClasses: 4, mean, cov: 2, seed: 0 });
    assert.deepEqual([0, 1, 2, 3].map((k) => y.filter((v) => v === k).length), [250, 250, 250, 251]);
    const r = Array.from({ length: X.rows }, (_, i) => Math.hypot(...X.getRow(i).map((v, j) => v - mean[j]!)));
    for (let k = 0; k < 3; k++) {
      const outer = Math.max(...r.filter((_, i) => y[i] === k));
      const inner = Math.min(...r.filter((_, i) => y[i] === k + 1));
      assert.ok(outer <= inner, `shell ${k} inside shell ${k + 1}`);
    }
    // cov 2 in 3-D: mean squared distance 6
    assert.ok(Math.abs(r.reduce((s, v) => s + v * v, 0) / r.length - 6) < 0.6);
  });

  it("without shuffle, sorted by distance", () => {
    const { y } = makeGaussianQuantiles({ nSamples: 9, nClasses: 3, shuffle: false, seed: 0 });
    assert.deepEqual(Array.from(y), [0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it("rejects bad combinations", () => {
    assert.throws(() => makeGaussianQuantiles({ nSamples: 2, nClasses: 3 }), /makeGaussianQuantiles: 'nSamples' \(2\) must be >= nClasses \(3\)\./);
    assert.throws(() => makeGaussianQuantiles({ mean: [0, 0, 0] }), /'mean' must have 2 entries, got 3/);
    assert.throws(() => makeGaussianQuantiles({ cov: -1 }), /'cov' must be >= 0, got -1/);
  });
});
