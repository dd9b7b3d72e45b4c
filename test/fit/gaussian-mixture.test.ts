import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { COVARIANCE_TYPES, GaussianMixture, selectGaussianMixture, type GaussianMixtureJSON } from "../../src/fit/gaussian-mixture.js";
import { kmeansPlusPlus } from "../../src/fit/kmeans.js";
import { createRng } from "../../src/random/rng.js";

const fx = JSON.parse(readFileSync(new URL("../fixtures/sklearn_fit_gmm.json", import.meta.url), "utf8"));
const close = (a: number, b: number, rel: number, msg: string) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${msg}: ${a} vs ${b}`);

/** Component order of `means` (k × d flat) sorted by the first coordinate. */
const order = (means: ArrayLike<number>, k: number, d: number) => [...Array(k).keys()].sort((a, b) => means[a * d]! - means[b * d]!);

describe("GaussianMixture", () => {
  for (const m of fx.models) {
    it(`${m.covariance_type}: log densities, score, BIC, AIC, posteriors equal scikit-learn's for its parameters`, () => {
      const json: GaussianMixtureJSON = {
        schema: "synthlab.gaussian-mixture/1",
        covarianceType: m.covariance_type,
        nComponents: 3,
        nFeatures: 3,
        weights: m.weights,
        means: m.means,
        covariances: m.covariances,
        converged: true,
        nIter: 1,
        lowerBound: m.lower_bound,
      };
      const gm = GaussianMixture.fromJSON(json);
      gm.scoreSamples(fx.query).forEach((v, i) => close(v, m.score_samples[i], 1e-10, `scoreSamples ${i}`));
      close(gm.score(fx.X), m.score_X, 1e-12, "score");
      close(gm.bic(fx.X), m.bic, 1e-12, "bic");
      close(gm.aic(fx.X), m.aic, 1e-12, "aic");
      const pp = gm.predictProba(fx.query).to1DArray();
      pp.forEach((v, i) => assert.ok(Math.abs(v - m.predict_proba_q[i]) < 1e-9));
    });

    it(`${m.covariance_type}: fitting recovers scikit-learn's weights and means (seeded)`, () => {
      const gm = new GaussianMixture({ nComponents: 3, covarianceType: m.covariance_type, seed: 0 }).fit(fx.X);
      assert.ok(gm.converged);
      const mine = gm.means.to1DArray();
      const oa = order(mine, 3, 3);
      const ob = order(m.means, 3, 3);
      for (let t = 0; t < 3; t++) {
        close(gm.weights[oa[t]!]!, m.weights[ob[t]!], 1e-3, "weight");
        for (let j = 0; j < 3; j++) close(mine[oa[t]! * 3 + j]!, m.means[ob[t]! * 3 + j], 1e-2, "mean");
      }
      close(gm.lowerBound, m.lower_bound, 1e-3, "lower bound");
    });
  }

  it("recovers known means and weights on well-separated blobs", () => {
    const rng = createRng(42);
    const centers = [[-10, 0], [0, 10], [10, 0]];
    const sizes = [2000, 1000, 3000];
    const rows: number[][] = [];
    centers.forEach((c, k) => {
      for (let i = 0; i < sizes[k]!; i++) rows.push([c[0]! + rng.normal(), c[1]! + rng.normal()]);
    });
    const gm = new GaussianMixture({ nComponents: 3, seed: 7, nInit: 2 }).fit(rows);
    const means = gm.means.to1DArray();
    const o = order(means, 3, 2);
    o.forEach((c, t) => {
      assert.ok(Math.abs(means[c * 2]! - centers[t]![0]!) < 0.1);
      assert.ok(Math.abs(means[c * 2 + 1]! - centers[t]![1]!) < 0.1);
      assert.ok(Math.abs(gm.weights[c]! - sizes[t]! / 6000) < 1e-3);
    });
    // Covariances symmetric positive definite and near the identity.
    const cov = gm.covariances;
    for (let c = 0; c < 3; c++) {
      assert.equal(cov[c * 4 + 1], cov[c * 4 + 2]);
      assert.ok(Math.abs(cov[c * 4]! - 1) < 0.1 && Math.abs(cov[c * 4 + 3]! - 1) < 0.1);
    }
  });

  it("sample: shapes, labels grouped by component, stream continues, seed reproduces, fit-sample-fit round trip", () => {
    const gm = new GaussianMixture({ nComponents: 3, covarianceType: "full", seed: 1 }).fit(fx.X);
    const a = gm.sample(30000);
    assert.equal(a.X.rows, 30000);
    assert.equal(a.y.length, 30000);
    for (let i = 1; i < a.y.length; i++) assert.ok(a.y[i]! >= a.y[i - 1]!);
    const b = gm.sample(5);
    assert.notDeepEqual(b.X.getRow(0), a.X.getRow(0));
    assert.deepEqual(gm.sample(5, { seed: 9 }).X.to2DArray(), gm.sample(5, { seed: 9 }).X.to2DArray());
    const again = new GaussianMixture({ nComponents: 3, seed: 2 }).fit(a.X);
    const m1 = gm.means.to1DArray();
    const m2 = again.means.to1DArray();
    const o1 = order(m1, 3, 3);
    const o2 = order(m2, 3, 3);
    for (let t = 0; t < 3; t++) {
      assert.ok(Math.abs(gm.weights[o1[t]!]! - again.weights[o2[t]!]!) < 0.01);
      for (let j = 0; j < 3; j++) assert.ok(Math.abs(m1[o1[t]! * 3 + j]! - m2[o2[t]! * 3 + j]!) < 0.05);
    }
  });

  it("every covariance type and init fits and samples", () => {
    for (const covarianceType of COVARIANCE_TYPES) {
      for (const initParams of ["kmeans", "k-means++", "random"] as const) {
        const gm = new GaussianMixture({ nComponents: 3, covarianceType, initParams, seed: 3, maxIter: 300 }).fit(fx.X);
        assert.ok(Number.isFinite(gm.lowerBound));
        assert.equal(gm.sample(10).X.columns, 3);
        assert.equal(gm.predict(fx.query).length, 10);
      }
    }
  });

  it("selectGaussianMixture picks 3 components on three blobs by BIC", () => {
    const sel = selectGaussianMixture(fx.X, { nComponents: [1, 2, 3, 4, 5], covarianceTypes: ["full", "diag"], seed: 0 });
    assert.equal(sel.table.length, 10);
    assert.equal(sel.bestParams.nComponents, 3);
    const bics = sel.table.map((r) => r.bic);
    assert.equal(Math.min(...bics), sel.best.bic(fx.X));
  });

  it("a constant column: fitted with the default regCovar, a clear error without it", () => {
    const X = fx.X.map((r: number[]) => [r[0], r[1], 7]);
    const gm = new GaussianMixture({ nComponents: 3, seed: 0 }).fit(X);
    assert.ok(Number.isFinite(gm.score(X)));
    assert.ok(gm.sample(100).X.getColumn(2).every((v) => Math.abs(v - 7) < 0.01));
    assert.throws(
      () => new GaussianMixture({ nComponents: 3, regCovar: 0, seed: 0 }).fit(X),
      /GaussianMixture.fit: covariance of component 0 is not positive definite. Increase regCovar, reduce nComponents, or scale the input./,
    );
  });

  it("kmeansPlusPlus picks one seed per well-separated cluster", () => {
    const { indices } = kmeansPlusPlus(fx.X, 3, { seed: 4 });
    assert.deepEqual([...indices].map((i) => fx.y[i]).sort(), [0, 1, 2]);
  });

  it("bad input gets a clear error", () => {
    const table: [() => unknown, RegExp][] = [
      [() => new GaussianMixture({ nComponents: 0 }), /'nComponents' must be an integer >= 1, got 0/],
      [() => new GaussianMixture({ covarianceType: "tide" as never }), /'covarianceType' must be one of "full", "tied", "diag", "spherical"/],
      [() => new GaussianMixture({ ncomponents: 2 } as never), /unknown option 'ncomponents'/],
      [() => new GaussianMixture().fit([[0, 1], [NaN, 1]]), /X\[1, 0\] is NaN/],
      [() => new GaussianMixture().fit([[0, 1], [-Infinity, 1]]), /X\[1, 0\] is -Infinity/],
      [() => new GaussianMixture({ nComponents: 4 }).fit([[0], [1], [2]]), /needs at least max\(2, nComponents\) = 4 rows, got 3/],
      [
        () => new GaussianMixture({ nComponents: 2, regCovar: 0, seed: 0 }).fit([[0, 0], [0, 0], [0, 0], [1, 1], [2, 2], [3, 3]]),
        /GaussianMixture.fit: covariance of component \d is not positive definite. Increase regCovar, reduce nComponents, or scale the input./,
      ],
      [() => new GaussianMixture().sample(1), /not fitted/],
      [() => new GaussianMixture({ seed: 0 }).fit([[0], [1]]).sample(0), /'n' must be an integer >= 1, got 0/],
    ];
    for (const [f, re] of table) assert.throws(f, re);
  });
});
