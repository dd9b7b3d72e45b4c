import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GaussianMixture, selectGaussianMixture } from "../../src/fit/gaussian-mixture.js";
import { gridSearchCV } from "../../src/fit/grid-search.js";
import { KernelDensity } from "../../src/fit/kernel-density.js";
import { tuneMunge } from "../../src/fit/munge.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";
import { Table } from "../../src/core/table.js";

type Call = [number, number, string | undefined];

/** Records the calls; checks they count up to the total, which stays fixed. */
function recorder(): { calls: Call[]; cb: (done: number, total: number, note?: string) => void; check(): void } {
  const calls: Call[] = [];
  return {
    calls,
    cb: (done, total, note) => void calls.push([done, total, note]),
    check() {
      assert.ok(calls.length > 0, "no progress reported");
      const total = calls[0]![1];
      for (let i = 0; i < calls.length; i++) {
        assert.equal(calls[i]![1], total, "total changed");
        assert.ok(calls[i]![0] >= (i ? calls[i - 1]![0] : 0) && calls[i]![0] <= total, `done out of order at call ${i}`);
      }
      assert.equal(calls[calls.length - 1]![0], total, "did not finish at the total");
    },
  };
}

function blobs(n: number): number[][] {
  const rng = createRng(1);
  return Array.from({ length: n }, (_, i) => [rng.normal(i % 2 ? 4 : -4, 1), rng.normal(0, 1)]);
}

describe("onProgress on long work", () => {
  it("gridSearchCV: once per fold, then after the refit", () => {
    const r = recorder();
    gridSearchCV((p: { bandwidth: number }) => new KernelDensity(p), { bandwidth: [0.5, 1] }, blobs(60), { cv: 3, onProgress: r.cb });
    r.check();
    assert.equal(r.calls.length, 4);
    assert.match(r.calls[0]![2]!, /fold 1 of 3, 2 candidates/);
    assert.match(r.calls[3]![2]!, /refit/);
  });

  it("GaussianMixture.fit: per EM iteration, with the likelihood; selectGaussianMixture: per candidate", () => {
    const r = recorder();
    const gm = new GaussianMixture({ nComponents: 2, nInit: 2, maxIter: 50, seed: 2, onProgress: r.cb }).fit(blobs(200));
    r.check();
    assert.equal(r.calls[0]![1], 100);
    assert.ok(gm.converged);
    assert.match(r.calls[r.calls.length - 1]![2]!, /initialization 2 of 2, iteration \d+, mean log-likelihood -?\d+\.\d{4} \(converged\)/);
    const s = recorder();
    selectGaussianMixture(blobs(200), { nComponents: [1, 2, 3], seed: 3, onProgress: s.cb });
    s.check();
    assert.deepEqual(s.calls.map((c) => c[0]), [1, 2, 3]);
    assert.match(s.calls[1]![2]!, /nComponents 2, full: BIC/);
  });

  it("tuneMunge: per candidate", () => {
    const r = recorder();
    tuneMunge(blobs(80), { pGrid: [0.2, 0.5], sGrid: [1, 5, 10], seed: 4, onProgress: r.cb });
    r.check();
    assert.equal(r.calls.length, 6);
    assert.equal(r.calls[5]![2], "p 0.5, s 10");
  });

  it("qualityReport: per property, with its score", () => {
    const rows = blobs(120).map(([a, b]) => ({ a, b, c: a! > 0 ? "pos" : "neg" }));
    const r = recorder();
    qualityReport(Table.fromRecords(rows), Table.fromRecords(rows.slice().reverse()), { seed: 5, target: "c", onProgress: r.cb });
    r.check();
    assert.deepEqual(
      r.calls.map((c) => c[2]!.replace(/ [\d.n/a]+ \([\d.]+ s\)$/, "")),
      ["Column Shapes", "Column Pair Trends", "Validity", "Detection", "Utility", "Privacy"],
    );
  });

  it("rejects an onProgress that is not a function, naming it", () => {
    const X = blobs(20);
    const re = /'onProgress' must be a function \(done, total, note\) => void, got "yes"/;
    assert.throws(() => new GaussianMixture({ onProgress: "yes" as never }), re);
    assert.throws(() => gridSearchCV((p: { bandwidth: number }) => new KernelDensity(p), { bandwidth: [1] }, X, { onProgress: "yes" as never }), re);
    assert.throws(() => tuneMunge(X, { onProgress: "yes" as never }), re);
    assert.throws(() => qualityReport(Table.fromRecords([{ a: 1 }, { a: 2 }]), Table.fromRecords([{ a: 1 }, { a: 3 }]), { onProgress: "yes" as never }), re);
  });
});
