import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadDigits } from "../../src/io/datasets.js";
import { gridSearchCV, kFold, parameterGrid } from "../../src/fit/grid-search.js";
import { KernelDensity } from "../../src/fit/kernel-density.js";
import { GaussianMixture } from "../../src/fit/gaussian-mixture.js";
import { createRng } from "../../src/random/rng.js";

const fx = JSON.parse(readFileSync(new URL("../fixtures/sklearn_fit_kde.json", import.meta.url), "utf8"));

describe("gridSearchCV", () => {
  it("on digits (tutorial grid, 5-fold KFold) scores every candidate exactly and picks the exact optimum", () => {
    const X = loadDigits().X;
    const g = fx.digits_grid;
    const ex = fx.digits_grid_exact;
    const gs = gridSearchCV((p: { bandwidth: number }) => new KernelDensity(p), { bandwidth: g.bandwidths }, X);
    // Golden: numpy brute-force logsumexp on scikit-learn's KFold splits.
    gs.results.forEach((r, i) => {
      r.splitTestScores.forEach((s, f) => {
        const want = ex.split_test_scores[i][f];
        assert.ok(Math.abs(s - want) <= 1e-9 * Math.abs(want), `${i}/${f}: ${s} vs ${want}`);
      });
    });
    assert.equal(gs.bestParams.bandwidth, ex.best_bandwidth);
    assert.equal(gs.bestEstimator!.nSamples, 1797);
    // scikit-learn's GridSearchCV(KernelDensity()) picks 0.91, not 0.96: its tree KDE overestimates
    // far-tail log densities (scikit-learn issues #27186, #7492), so its held-out scores are not the
    // exact ones. Its ranking agrees with ours on 15 of 20 candidates, and its winner is our runner-up.
    assert.equal(g.best_bandwidth, 0.91);
    const ours = gs.results.map((r) => r.rankTestScore);
    assert.equal(ours.filter((r, i) => r === g.rank_test_score[i]).length, 15);
    assert.equal(ours[g.bandwidths.indexOf(g.best_bandwidth)], 2);
  });

  it("the shared-distance path equals fitting each candidate separately", () => {
    const X = [[0, 1], [0.5, 1.2], [3, 1], [2, 2], [1, 0], [4, 4], [0.2, 0.1], [3.3, 2]];
    const shared = gridSearchCV((p: { bandwidth: number }) => new KernelDensity(p), { bandwidth: [0.3, 1, 2] }, X, { cv: 4 });
    // An estimator wrapper without the hook takes the generic path.
    const plain = gridSearchCV(
      (p: { bandwidth: number }) => {
        const k = new KernelDensity(p);
        return { fit: (m: never) => k.fit(m), score: (m: never) => k.score(m) };
      },
      { bandwidth: [0.3, 1, 2] },
      X,
      { cv: 4, refit: false },
    );
    shared.results.forEach((r, i) => assert.ok(Math.abs(r.meanTestScore - plain.results[i]!.meanTestScore) < 1e-9));
  });

  it("selects GaussianMixture settings by held-out mean log-likelihood", () => {
    const rng = createRng(8);
    const X: number[][] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % 3;
      X.push([c * 6 + rng.normal(), (c === 1 ? 5 : 0) + rng.normal(0, 0.5)]);
    }
    const order = createRng(9).permutation(300);
    const shuffled = Array.from(order, (i) => X[i]!);
    const gs = gridSearchCV(
      (p: { nComponents: number; covarianceType: "full" | "spherical" }) => new GaussianMixture({ ...p, seed: 0 }),
      { nComponents: [1, 2, 3], covarianceType: ["full", "spherical"] },
      shuffled,
    );
    assert.equal(gs.results.length, 6);
    assert.equal(gs.bestParams.nComponents, 3);
    assert.ok(gs.bestEstimator!.converged);
  });

  it("KFold and ParameterGrid as scikit-learn's", () => {
    const f = kFold(7, 3).map(([tr, te]) => [Array.from(tr), Array.from(te)]);
    assert.deepEqual(f, [
      [[3, 4, 5, 6], [0, 1, 2]],
      [[0, 1, 2, 5, 6], [3, 4]],
      [[0, 1, 2, 3, 4], [5, 6]],
    ]);
    assert.deepEqual(parameterGrid({ b: [1, 2], a: ["x", "y"] }), [
      { a: "x", b: 1 },
      { a: "x", b: 2 },
      { a: "y", b: 1 },
      { a: "y", b: 2 },
    ]);
  });

  it("bad input gets a clear error", () => {
    const mk = (p: { bandwidth: number }) => new KernelDensity(p);
    assert.throws(() => gridSearchCV(mk, { bandwidth: [] }, [[0], [1]]), /paramGrid\['bandwidth'\] is empty/);
    assert.throws(() => gridSearchCV(mk, { bandwidth: [1] }, [[0], [1]], { cv: 3 }), /cannot have nSplits \(3\) greater than the number of rows \(2\)/);
    assert.throws(() => gridSearchCV(mk, { bandwidth: [1] }, [[0], [1]], { folds: 2 } as never), /unknown option 'folds'/);
  });
});
