import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeBiclusters, makeCheckerboard } from "../../src/datasets/biclusters.js";

describe("makeBiclusters", () => {
  it("has scikit-learn's shapes; each bicluster is a constant block, the rest 0", () => {
    const { X, rows, cols, rowLabels, columnLabels } = makeBiclusters([100, 100], 4, { shuffle: true, seed: 0 });
    assert.deepEqual([X.rows, X.columns, rows.rows, rows.columns, cols.rows, cols.columns], [100, 100, 4, 100, 4, 100]);
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        const v = X.get(i, j);
        if (rowLabels[i] !== columnLabels[j]) assert.equal(v, 0);
        else {
          assert.ok(v >= 10 && v < 100);
          assert.equal(rows.get(rowLabels[i]!, i), 1);
          assert.equal(cols.get(columnLabels[j]!, j), 1);
        }
      }
    }
    for (let b = 0; b < 4; b++) {
      const vals = new Set<number>();
      for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) if (rows.get(b, i) && cols.get(b, j)) vals.add(X.get(i, j));
      assert.ok(vals.size <= 1, "one constant per bicluster");
    }
    assert.deepEqual(rows.sum("column"), Array(100).fill(1), "each row in exactly one bicluster");
  });

  it("is reproducible (also with noise), and rejects bad input", () => {
    const a = makeBiclusters([30, 20], 3, { noise: 0.5, seed: 1 }).X.to2DArray();
    assert.deepEqual(a, makeBiclusters([30, 20], 3, { noise: 0.5, seed: 1 }).X.to2DArray());
    assert.notDeepEqual(a, makeBiclusters([30, 20], 3, { noise: 0.5, seed: 2 }).X.to2DArray());
    assert.throws(() => makeBiclusters([10] as never, 2), /makeBiclusters: 'shape' must be a pair \[nRows, nCols\], got \[10\]\./);
    assert.throws(() => makeBiclusters([10, 10], 0), /'nClusters' must be an integer >= 1, got 0/);
    assert.throws(() => makeBiclusters([10, 10], 2, { minval: 5, maxval: 1 }), /'minval' \(5\) must be <= 'maxval' \(1\)/);
    assert.throws(() => makeBiclusters([10, 10], 2, { noise: -1 }), /'noise' must be >= 0, got -1/);
  });
});

describe("makeCheckerboard", () => {
  it("every (row cluster, column cluster) block is constant; indicators as scikit-learn lays them out", () => {
    const { X, rows, cols, rowLabels, columnLabels } = makeCheckerboard([100, 100], [3, 2], { seed: 0 });
    assert.deepEqual([rows.rows, rows.columns, cols.rows, cols.columns], [6, 100, 6, 100]);
    const block = new Map<string, number>();
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        const key = `${rowLabels[i]},${columnLabels[j]}`;
        if (!block.has(key)) block.set(key, X.get(i, j));
        assert.equal(X.get(i, j), block.get(key));
        const b = rowLabels[i]! * 2 + columnLabels[j]!;
        assert.equal(rows.get(b, i) * cols.get(b, j), 1);
      }
    }
    assert.equal(block.size, 6);
  });

  it("one number means as many row as column clusters; reproducible", () => {
    const a = makeCheckerboard([12, 10], 2, { seed: 3 });
    assert.equal(a.rows.rows, 4);
    assert.deepEqual(a.X.to2DArray(), makeCheckerboard([12, 10], 2, { seed: 3 }).X.to2DArray());
    assert.throws(() => makeCheckerboard([12, 10], [1, 2, 3] as never), /makeCheckerboard: 'nClusters' must be an integer or a pair/);
  });
});
