import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { createRng } from "../../src/random/rng.js";
import { boundaryAdherence } from "../../src/quality/metrics/boundary-adherence.js";
import { categoryAdherence } from "../../src/quality/metrics/category-adherence.js";
import { contingencySimilarity } from "../../src/quality/metrics/contingency-similarity.js";
import { correlationSimilarity } from "../../src/quality/metrics/correlation-similarity.js";
import { cramersV } from "../../src/quality/metrics/cramers-v.js";
import { dcr } from "../../src/quality/metrics/dcr.js";
import { detection } from "../../src/quality/metrics/detection.js";
import { exactCopies } from "../../src/quality/metrics/exact-copies.js";
import { ksComplement } from "../../src/quality/metrics/ks-complement.js";
import { pmse } from "../../src/quality/metrics/pmse.js";
import { tvComplement } from "../../src/quality/metrics/tv-complement.js";
import { utility } from "../../src/quality/metrics/utility.js";

/** A seeded mixed table: two correlated numbers, a category depending on them, a boolean. */
function mixed(n: number, seed: number, shift = 0): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const e = rng.standardNormal(n);
  const b = Float64Array.from(a, (v, i) => 0.8 * v + 0.6 * e[i]! + shift);
  const cat = Array.from(a, (v) => (v + shift > 0.5 ? "hi" : v + shift > -0.5 ? "mid" : "lo"));
  const flag = Array.from(b, (v) => v > shift);
  return Table.fromColumns({ a: Float64Array.from(a, (v) => v + shift), b, cat, flag });
}

describe("metrics: identical tables score 1, a shifted copy scores lower", () => {
  const real = mixed(600, 1);
  const same = real;
  const shifted = mixed(600, 1, 1.5);
  it("column metrics", () => {
    assert.equal(ksComplement(real.columnInfo("a"), same.columnInfo("a")), 1);
    assert.equal(tvComplement(real.columnInfo("cat"), same.columnInfo("cat")), 1);
    assert.equal(boundaryAdherence(real.columnInfo("a"), same.columnInfo("a")), 1);
    assert.equal(categoryAdherence(real.columnInfo("cat"), same.columnInfo("cat")), 1);
    assert.ok(ksComplement(real.columnInfo("a"), shifted.columnInfo("a")) < 0.6);
    assert.ok(tvComplement(real.columnInfo("cat"), shifted.columnInfo("cat")) < 0.7);
    assert.ok(boundaryAdherence(real.columnInfo("a"), shifted.columnInfo("a")) < 0.95);
  });
  it("pair metrics", () => {
    const pr = correlationSimilarity([real.columnInfo("a"), real.columnInfo("b")], [same.columnInfo("a"), same.columnInfo("b")]);
    assert.equal(pr.score, 1);
    const sp = correlationSimilarity([real.columnInfo("a"), real.columnInfo("b")], [same.columnInfo("a"), same.columnInfo("b")], { coefficient: "spearman" });
    assert.equal(sp.score, 1);
    assert.equal(contingencySimilarity([real.columnInfo("cat"), real.columnInfo("flag")], [same.columnInfo("cat"), same.columnInfo("flag")]).score, 1);
    // a copy whose pairing is broken (b reversed) loses the trend
    const broken = real.withColumn("b", Float64Array.from(real.columnInfo("b").values as Float64Array).reverse());
    assert.ok(correlationSimilarity([real.columnInfo("a"), real.columnInfo("b")], [broken.columnInfo("a"), broken.columnInfo("b")]).score < 0.7);
    assert.ok(contingencySimilarity([real.columnInfo("cat"), real.columnInfo("flag")], [shifted.columnInfo("cat"), shifted.columnInfo("flag")]).score < 0.8);
  });
  it("detection, pMSE", () => {
    const d1 = detection(real, same, { seed: 3 });
    const d2 = detection(real, shifted, { seed: 3 });
    assert.ok(d1.score > 0.9, `identical: ${d1.score}`);
    assert.ok(d2.score < 0.3, `shifted: ${d2.score}`);
    const p1 = pmse(real, same, { seed: 3 });
    const p2 = pmse(real, shifted, { seed: 3 });
    assert.ok(p1.pmse < 1e-12);
    assert.equal(p1.score, 1);
    assert.ok(p2.pmse > 0.1 && p2.score < 0.6, `${p2.pmse} ${p2.score}`);
  });
  it("privacy: an exact copy has DCR 0 and copy rate 1; fresh rows do not", () => {
    const c = dcr(real, same, { seed: 4 });
    assert.equal(c.score, 0);
    assert.equal(c.zeroDistanceRate, 1);
    assert.equal(exactCopies(real, same).rate, 1);
    const fresh = mixed(600, 2);
    const f = dcr(real, fresh, { seed: 4 });
    assert.ok(f.score > 0 && f.medianDcr > 0 && f.zeroDistanceRate === 0, `${f.score}`);
    assert.equal(exactCopies(real, fresh).rate, 0);
  });
  it("utility: TSTR with a fresh sample of the same law is close to TRTR; a broken sample is not", () => {
    const u = utility(real, mixed(600, 2), { target: "cat", seed: 5 });
    assert.equal(u.task, "classification");
    assert.ok(u.real > 0.85 && u.score > 0.9, `${u.real} ${u.score}`);
    const noise = mixed(600, 2).withColumn("cat", createRng(9).choice(["lo", "mid", "hi"], 600));
    assert.ok(utility(real, noise, { target: "cat", seed: 5 }).score < 0.7);
    const held = utility(mixed(600, 3), mixed(600, 2), { target: "cat", seed: 5, test: real });
    assert.equal(held.nTest, 600);
    assert.equal(held.nTrainReal, 600);
    assert.ok(held.score > 0.9, `${held.score}`);
    assert.throws(() => utility(real, real, { target: "cat", test: real.select(["a"]) }), /the test table has no column/);
    const reg = utility(real, mixed(600, 2), { target: "b", seed: 5 });
    assert.equal(reg.measure, "r2");
    assert.ok(reg.real > 0.5 && reg.score > 0.9, `${reg.real} ${reg.score}`);
  });
  it("Cramér's V, metric attributes", () => {
    assert.equal(cramersV(["a", "a", "b", "b"], ["x", "x", "y", "y"]), 1);
    for (const m of [ksComplement, tvComplement, correlationSimilarity, contingencySimilarity, detection, dcr, utility, boundaryAdherence, categoryAdherence]) {
      assert.equal(m.goal, "maximize");
      assert.equal(m.min, 0);
      assert.equal(m.max, 1);
    }
    assert.equal(pmse.goal, "minimize");
    assert.equal(exactCopies.goal, "minimize");
    assert.equal(ksComplement.name, "KSComplement");
  });
  it("bad input", () => {
    const bad: [() => unknown, RegExp][] = [
      [() => ksComplement([NaN], [1]), /'real' has no values/],
      [() => ksComplement(real.columnInfo("cat"), real.columnInfo("cat")), /categorical/],
      [() => correlationSimilarity([[1, 1, 1], [1, 2, 3]], [[1, 2, 3], [1, 2, 3]]), /constant/],
      [() => correlationSimilarity([[1, 2], [1, 2]], [[1, 2], [1, 2]], { coeff: "x" } as never), /unknown option 'coeff'/],
      [() => correlationSimilarity([[1, 2], [1, 2]], [[1, 2], [1, 2]], { coefficient: "kendall" } as never), /coefficient/],
      [() => contingencySimilarity([["a"], ["x", "y"]], [["a"], ["x"]]), /rows/],
      [() => detection(real, real.select(["a"]), {}), /no column 'b'/],
      [() => detection(real, real, { folds: 1 }), /folds/],
      [() => utility(real, real, { target: "nope" }), /'target' must name a column/],
      [() => dcr(real, real, { maxQueries: 3 }), /maxQueries/],
    ];
    for (const [f, re] of bad) assert.throws(f, re);
  });
});
