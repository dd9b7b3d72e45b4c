import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { dcrOverfitting } from "../../src/quality/metrics/dcr-overfitting.js";
import { exactCopies } from "../../src/quality/metrics/exact-copies.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";

/** Rows of one law: a decimal, an integer (a count), a price in cents, a category. */
function rows(n: number, seed: number): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const count = rng.poisson(4, n);
  const price = Float64Array.from(rng.lognormal(3, 0.5, n), (v) => Math.round(v * 100) / 100);
  return Table.fromColumns({ a, count, price, g: Array.from(a, (v) => (v > 0.3 ? "x" : v > -0.3 ? "y" : "z")) }, { count: "integer" });
}

describe("Privacy catches memorization", () => {
  const train = rows(3000, 1);
  const holdout = rows(1000, 2);

  it("a copy of the training table scores Privacy <= 0.1 with a holdout and without one, even when the distance index is subsampled", () => {
    for (const h of [holdout, undefined]) {
      const r = qualityReport(train, train, { seed: 3, properties: ["Privacy"], privacyRows: 500, ...(h ? { holdout: h } : {}) });
      assert.ok(r.getScore("Privacy") <= 0.1, `${h ? "with" : "without"} holdout: ${r.getScore("Privacy")}`);
      assert.equal(r.copies!.exactCopies, 3000);
      assert.equal(r.copies!.exactShare, 1);
      assert.equal(r.verdict.level, "alert");
      assert.match(r.verdict.lines.find((l) => l.topic === "Copies")!.text, /100\.0% of rows \(3,000\) are copies of real rows .* do not release/);
    }
  });

  it("dcrOverfitting compares with every training row: a copy scores 0 when the training table is three times the holdout", () => {
    const o = dcrOverfitting(train, holdout, train, { seed: 4, maxQueries: 1000 });
    assert.equal(o.nTraining, 3000);
    assert.equal(o.nHoldout, 1000);
    assert.equal(o.nSynthetic, 1000);
    assert.equal(o.closerToTraining, 1);
    assert.equal(o.score, 0);
  });

  it("fresh rows of the same law score high with a holdout and show no copies", () => {
    const r = qualityReport(train, rows(3000, 5), { seed: 3, properties: ["Privacy"], holdout });
    assert.ok(r.getScore("Privacy") > 0.8, `${r.getScore("Privacy")}`);
    assert.ok(r.copies!.excessShare < 0.001, `${r.copies!.excessShare}`);
    assert.equal(r.verdict.lines.find((l) => l.topic === "Copies")!.level, "good");
  });

  it("a third of the rows copied (the rest fresh) is a headline alert and caps Privacy near 2/3", () => {
    const fresh = rows(3000, 6);
    const idx = Array.from({ length: 3000 }, (_, i) => i);
    const copied = Table.concat([train.take(idx.slice(0, 1000)), fresh.take(idx.slice(1000))]);
    const r = qualityReport(train, copied, { seed: 3, properties: ["Privacy", "Detection"], holdout });
    assert.equal(r.copies!.exactCopies, 1000);
    assert.ok(Math.abs(r.copies!.nearShare - 1 / 3) < 0.01, `${r.copies!.nearShare}`);
    assert.ok(r.getScore("Privacy") <= 0.67, `${r.getScore("Privacy")}`);
    assert.match(r.verdict.headline, /^Do not release as is: synthetic rows copy real rows/);
    assert.ok(r.getScore("Detection") < 1 || !(r.getDetails("Detection").column("value") as Float64Array).some((v) => v < 0.45), "copies never read as a perfect detection score");
  });
});

describe("exactCopies: exact and near copies", () => {
  it("rounds numbers to the real column's decimals for near copies, and counts real duplicates", () => {
    const real = [
      { n: 1, p: 2.5, c: "a" },
      { n: 2, p: 3.25, c: "b" },
      { n: 2, p: 3.25, c: "b" },
      { n: 4, p: 1, c: "a" },
    ];
    const syn = [
      { n: 1, p: 2.5, c: "a" }, // exact
      { n: 2.0000001, p: 3.2500004, c: "b" }, // near: n to 0 decimals, p to 2
      { n: 1, p: 2.51, c: "a" }, // not a copy: 2.51 rounds to 2.51
      { n: 4, p: 1, c: "b" }, // not a copy: category differs
    ];
    const r = exactCopies(real, syn);
    assert.deepEqual([r.copies, r.nearCopies, r.rate, r.nearRate], [1, 2, 0.25, 0.5]);
    assert.deepEqual(r.decimals, { n: 0, p: 2 });
    assert.equal(r.realDuplicateRate, 0.5);
    assert.throws(() => exactCopies(real, syn, { maxDecimals: 20 }), /'maxDecimals' must be an integer in \[0, 15\], got 20/);
    assert.throws(() => exactCopies(real, syn, { k: 1 } as never), /unknown option 'k'/);
  });

  it("compares a column with more than maxDecimals decimals exactly, and missing equal to missing", () => {
    const real = Table.fromColumns({ x: [Math.PI, NaN], y: ["u", null] });
    const syn = Table.fromColumns({ x: [Math.PI + 1e-12, NaN], y: ["u", null] });
    const r = exactCopies(real, syn);
    assert.equal(r.decimals.x, null);
    assert.deepEqual([r.copies, r.nearCopies], [1, 1]);
  });
});
