import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { NearestNeighbors } from "../../src/core/knn.js";
import { createRng } from "../../src/random/rng.js";

/** Reference: sort every row by (distance, index). */
function naive(data: Float64Array, n: number, d: number, q: Float64Array, m: number, k: number, self: boolean): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const c: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (self && i === j) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (q[i * d + t]! - data[j * d + t]!) ** 2;
      c.push([s, j]);
    }
    c.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push(c.slice(0, k).map((x) => x[1]));
  }
  return out;
}

describe("NearestNeighbors", () => {
  const rng = createRng(5);
  for (const [n, d] of [[300, 2], [400, 7], [600, 20], [300, 40]] as const) {
    it(`every algorithm equals the naive search (n=${n}, d=${d}, self and external queries)`, () => {
      const data = rng.normal(0, 1, n * d);
      // Duplicated rows and coarse values make exact ties.
      for (let t = 0; t < d; t++) data[5 * d + t] = data[7 * d + t]!;
      for (let i = 0; i < 40 * d; i++) data[i] = Math.round(data[i]!);
      const q = rng.normal(0, 1, 50 * d);
      const ref = naive(data, n, d, data, n, 6, true);
      const refQ = naive(data, n, d, q, 50, 4, false);
      for (const algorithm of ["kd-tree", "brute", "auto"] as const) {
        const nn = new NearestNeighbors({ algorithm, nNeighbors: 6, leafSize: 8 }).fit({ data, rows: n, cols: d });
        const r = nn.kneighbors();
        for (let i = 0; i < n; i++) assert.deepEqual(Array.from(r.indices.subarray(i * 6, i * 6 + 6)), ref[i], `${algorithm} row ${i}`);
        const rq = nn.kneighbors({ data: q, rows: 50, cols: d }, 4);
        for (let i = 0; i < 50; i++) {
          assert.deepEqual(Array.from(rq.indices.subarray(i * 4, i * 4 + 4)), refQ[i], `${algorithm} query ${i}`);
          const j = rq.indices[i * 4]!;
          let s = 0;
          for (let t = 0; t < d; t++) s += (q[i * d + t]! - data[j * d + t]!) ** 2;
          assert.ok(Math.abs(rq.distances[i * 4]! - Math.sqrt(s)) < 1e-12);
        }
      }
    });
  }

  it("accepts a Matrix and arrays of rows; self-query excludes the row itself", () => {
    const X = new Matrix([[0, 0], [0, 0], [3, 4]]);
    const r = new NearestNeighbors({ nNeighbors: 1 }).fit(X).kneighbors();
    assert.deepEqual(Array.from(r.indices), [1, 0, 0]);
    assert.deepEqual(Array.from(r.distances), [0, 0, 5]);
  });

  it("bad input gets a clear error", () => {
    const nn = new NearestNeighbors().fit([[0], [1], [2]]);
    const table: [() => unknown, RegExp][] = [
      [() => new NearestNeighbors({ nNeighbors: 0 }), /'nNeighbors' must be an integer >= 1, got 0/],
      [() => new NearestNeighbors({ algorithm: "ball" as never }), /'algorithm' must be one of/],
      [() => new NearestNeighbors().fit([[0], [NaN]]), /X\[1, 0\] is NaN/],
      // a row-major buffer: the first non-finite cell is named, in the unrolled body and in the tail
      [() => new NearestNeighbors().fit({ data: Float64Array.from([0, 1, 2, 3, 4, Infinity, 6, -Infinity, 8]), rows: 3, cols: 3 }), /X\[1, 2\] is Infinity/],
      [() => new NearestNeighbors().fit({ data: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -Infinity]), rows: 11, cols: 1 }), /X\[10, 0\] is -Infinity/],
      [() => new NearestNeighbors().fit({ data: Float64Array.from([1, 2, 3, NaN]), rows: 2, cols: 2 }), /X\[1, 1\] is NaN/],
      [() => new NearestNeighbors().fit([]), /needs at least 1 row/],
      [() => new NearestNeighbors().fit([[0, 1], [1]]), /rows must all have 2 values, but row 1 has 1/],
      [() => nn.kneighbors(null, 3), /k \(3\) must be <= the number of fitted rows minus the query row itself \(2\)/],
      [() => nn.kneighbors([[0, 1]], 1), /Q has 2 columns, but the index was fitted on 1/],
      [() => new NearestNeighbors().kneighbors(), /not fitted/],
    ];
    for (const [f, re] of table) assert.throws(f, re);
  });
});

describe("toPoints: what a fitter says about records and strings", () => {
  it("names records and the string it found, instead of fitting NaN or zero columns", async () => {
    const { toPoints } = await import("../../src/core/knn.js");
    const records = [{ species: "Adelie", bill: 39.1 }, { species: "Gentoo", bill: 46.1 }];
    assert.throws(() => toPoints("KernelDensity.fit", "X", records as never), /'X' is an array of records \(\{ species, bill \}\), not of rows of numbers/);
    assert.throws(() => toPoints("smote", "X", [["Adelie", 39.1]] as never), /X\[0, 0\] is "Adelie" \(string\), not a number/);
    assert.throws(() => toPoints("smote", "X", [[1, null]] as never), /X\[0, 1\] is null \(null\), not a number/);
    assert.deepEqual(Array.from(toPoints("f", "X", [[1, 2], [3, 4]]).data), [1, 2, 3, 4], "numbers pass");
  });
});
