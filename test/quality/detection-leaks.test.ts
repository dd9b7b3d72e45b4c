import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { chanceTolerance, detection } from "../../src/quality/metrics/detection.js";
import { createRng } from "../../src/random/rng.js";

/** 400 rows: an id-like column (300 levels), a number, a category; split at random in two halves of one table. */
function split(seed: number): [Table, Table] {
  const rng = createRng(seed);
  const n = 400;
  const id = Array.from({ length: n }, () => `id${rng.integers(0, 300)}`);
  const x = rng.standardNormal(n);
  const t = Table.fromColumns({ id, x, g: Array.from(x, (v) => (v > 0 ? "a" : "b")) });
  const perm = rng.permutation(n);
  return [t.take(perm.subarray(0, 200)), t.take(perm.subarray(200))];
}

describe("detection learns its encoding inside each fold", () => {
  for (const model of ["logistic", "forest"] as const) {
    it(`a real-vs-real split with an id-like column gives AUC near 0.5 (${model}, five seeds)`, () => {
      const aucs = [1, 2, 3, 4, 5].map((seed) => {
        const [a, b] = split(seed);
        return detection(a, b, { seed, model }).auc;
      });
      const mean = aucs.reduce((s, v) => s + v, 0) / aucs.length;
      assert.ok(Math.abs(mean - 0.5) <= 0.05, `mean AUC ${mean} (${aucs.map((v) => v.toFixed(3)).join(", ")})`);
      for (const v of aucs) assert.ok(Math.abs(v - 0.5) <= 0.1, `AUC ${v} (${aucs.map((a) => a.toFixed(3)).join(", ")})`);
    });
  }

  it("keeps identical rows in one fold: two tables sharing every row are told apart no better than chance", () => {
    const [a] = split(7);
    for (const model of ["logistic", "forest"] as const) {
      const d = detection(a, a, { seed: 1, model });
      assert.equal(d.auc, 0.5, model);
      assert.equal(d.belowChance, false);
      assert.equal(d.score, 1);
    }
  });
});

describe("an AUC well below 0.5 is a symptom, not a perfect score", () => {
  it("flags it and scores 1 − |2·AUC − 1|", () => {
    // synthetic rows are real rows nudged by a tiny amount: each meets its real twin on the other side of the split
    const rng = createRng(11);
    const n = 600;
    const x = rng.standardNormal(n);
    const y = rng.standardNormal(n);
    const real = Table.fromColumns({ x, y });
    const syn = Table.fromColumns({ x: Float64Array.from(x, (v) => v + 1e-6), y: Float64Array.from(y, (v) => v - 1e-6) });
    const d = detection(real, syn, { seed: 2, model: "forest" });
    assert.ok(d.auc < 0.5 - chanceTolerance(n, n), `AUC ${d.auc}`);
    assert.equal(d.belowChance, true);
    assert.ok(Math.abs(d.score - (1 - Math.abs(2 * d.auc - 1))) < 1e-12);
    assert.ok(d.score < 0.9, `${d.score}`);
  });

  it("states its tolerance: max(0.03, 3 standard errors of the null AUC)", () => {
    assert.equal(chanceTolerance(10000, 10000), 0.03);
    assert.ok(Math.abs(chanceTolerance(200, 200) - 3 * Math.sqrt(401 / (12 * 200 * 200))) < 1e-15);
  });
});
