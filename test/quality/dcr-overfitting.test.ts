import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { dcrOverfitting } from "../../src/quality/metrics/dcr-overfitting.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";

/** Rows of one law: two correlated numbers and a category. */
function rows(n: number, seed: number): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const e = rng.standardNormal(n);
  const b = Float64Array.from(a, (v, i) => 0.7 * v + 0.7 * e[i]!);
  return Table.fromColumns({ a, b, g: Array.from(a, (v) => (v > 0.3 ? "x" : v > -0.3 ? "y" : "z")) });
}

describe("dcrOverfitting (SDMetrics' DCROverfittingProtection)", () => {
  const train = rows(1500, 1);
  const holdout = rows(1500, 2);
  it("scores copies of the training rows 0, fresh rows of the same law about 1", () => {
    const copies = dcrOverfitting(train, holdout, train, { seed: 3 });
    assert.equal(copies.closerToTraining, 1);
    assert.equal(copies.score, 0);
    assert.equal(copies.medianDcrTraining, 0);
    const fresh = dcrOverfitting(train, holdout, rows(1500, 4), { seed: 3 });
    assert.ok(Math.abs(fresh.closerToTraining - 0.5) < 0.05, `${fresh.closerToTraining}`);
    assert.ok(fresh.score > 0.9, `${fresh.score}`);
  });

  it("sees near-copies (training rows plus small noise) as overfitting, less so as the noise grows", () => {
    const rng = createRng(5);
    const near = (sd: number) => {
      const jitter = (v: Float64Array) => Float64Array.from(v, (x) => x + rng.normal(0, sd));
      return Table.fromColumns({ a: jitter(train.column("a") as Float64Array), b: jitter(train.column("b") as Float64Array), g: train.column("g") as string[] });
    };
    const scores = [0.005, 0.02, 0.05].map((sd) => dcrOverfitting(train, holdout, near(sd), { seed: 6 }));
    assert.ok(scores[0]!.closerToTraining > 0.9 && scores[0]!.score < 0.2, `${scores[0]!.closerToTraining} ${scores[0]!.score}`);
    assert.ok(scores[0]!.score < scores[1]!.score && scores[1]!.score < scores[2]!.score, scores.map((r) => r.score).join(" "));
  });

  it("compares with every training and holdout row, and handles a level only one side has", () => {
    const small = rows(300, 7).withColumn("g", Array.from({ length: 300 }, (_, i) => (i === 0 ? "only-here" : "y")), "categorical");
    const r = dcrOverfitting(train, small, rows(500, 8), { seed: 9 });
    assert.equal(r.nTraining, 1500);
    assert.equal(r.nHoldout, 300);
    assert.equal(r.nSynthetic, 500);
    assert.ok(r.score >= 0 && r.score <= 1);
  });

  it("is reproducible with a seed, and rejects bad input by name", () => {
    const s = rows(3000, 10);
    assert.deepEqual(dcrOverfitting(train, holdout, s, { seed: 1, maxQueries: 500 }), dcrOverfitting(train, holdout, s, { seed: 1, maxQueries: 500 }));
    assert.throws(() => dcrOverfitting(train, holdout, s, { maxQueries: 5 }), /dcrOverfitting: 'maxQueries' must be an integer >= 10, got 5/);
    assert.throws(() => dcrOverfitting(train, holdout.select(["a", "b"]), s), /the holdout table has no column 'g'/);
    assert.throws(() => dcrOverfitting(train, holdout, s, { k: 1 } as never), /unknown option 'k'/);
    assert.equal(dcrOverfitting.name, "DCROverfittingProtection");
  });

  it("is the Privacy score of a quality report given a holdout", () => {
    const withHoldout = qualityReport(train, train, { seed: 2, holdout, properties: ["Privacy"] });
    assert.equal(withHoldout.getScore("Privacy"), 0);
    const metrics = withHoldout.getDetails("Privacy").column("metric") as string[];
    assert.ok(metrics.includes("DCROverfittingProtection") && metrics.includes("DCRBaselineProtection"));
    const fresh = qualityReport(train, rows(1500, 11), { seed: 2, holdout, properties: ["Privacy"] });
    assert.ok(fresh.getScore("Privacy") > 0.9, `${fresh.getScore("Privacy")}`);
    const without = qualityReport(train, rows(1500, 11), { seed: 2, properties: ["Privacy"] });
    assert.ok(!(without.getDetails("Privacy").column("metric") as string[]).includes("DCROverfittingProtection"));
  });
});
