import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { KDE_KERNELS, KernelDensity } from "../../src/fit/kernel-density.js";

const fx = JSON.parse(readFileSync(new URL("../fixtures/sklearn_fit_kde.json", import.meta.url), "utf8"));

describe("KernelDensity", () => {
  it("scoreSamples matches scikit-learn for every kernel (1-D, 2-D, 3-D)", () => {
    assert.ok(fx.score_samples.length >= 17);
    for (const c of fx.score_samples) {
      const kde = new KernelDensity({ kernel: c.kernel, bandwidth: c.bandwidth }).fit(c.train);
      const got = kde.scoreSamples(c.query);
      c.log_density.forEach((want: number | null, i: number) => {
        if (want === null) assert.equal(got[i], -Infinity, `${c.kernel} ${i}`);
        else assert.ok(Math.abs(got[i]! - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${c.kernel} d=${c.train[0].length} row ${i}: ${got[i]} vs ${want}`);
      });
    }
  });

  it("densities integrate to 1 on a 1-D grid for every kernel, and the 2-D cosine density too", () => {
    const train = [[-1], [0.3], [0.5], [2]];
    const step = 0.001;
    const grid: number[][] = [];
    for (let x = -6; x <= 8; x += step) grid.push([x]);
    for (const kernel of KDE_KERNELS) {
      const kde = new KernelDensity({ kernel, bandwidth: 0.8 }).fit(train);
      const s = kde.scoreSamples(grid);
      let total = 0;
      for (const v of s) total += Math.exp(v) * step;
      assert.ok(Math.abs(total - 1) < 2e-3, `${kernel}: ${total}`);
    }
    // 2-D cosine (scikit-learn's norm is wrong here; ours is exact).
    const kde = new KernelDensity({ kernel: "cosine", bandwidth: 1 }).fit([[0, 0]]);
    const h = 0.01;
    const pts: number[][] = [];
    for (let x = -1; x <= 1; x += h) for (let y = -1; y <= 1; y += h) pts.push([x, y]);
    let total = 0;
    for (const v of kde.scoreSamples(pts)) total += Math.exp(v) * h * h;
    assert.ok(Math.abs(total - 1) < 5e-3, `2-D cosine ${total}`);
  });

  it("scott and silverman bandwidths as scikit-learn", () => {
    const train = fx.score_samples.find((c: { train: number[][] }) => c.train[0]!.length === 3).train;
    for (const rule of ["scott", "silverman"] as const) {
      const kde = new KernelDensity({ bandwidth: rule }).fit(train);
      assert.ok(Math.abs(kde.bandwidth - fx.rules_train3[rule]) < 1e-12);
    }
  });

  it("score is the total log-likelihood", () => {
    const kde = new KernelDensity({ bandwidth: 0.5 }).fit([[0], [1], [2]]);
    const s = kde.scoreSamples([[0.1], [0.7]]);
    assert.equal(kde.score([[0.1], [0.7]]), s[0]! + s[1]!);
  });

  it("gaussian samples: shape, reproducible, spread = data spread + h^2", () => {
    const rng = [[0, 0], [10, 0], [0, 10], [10, 10]];
    const kde = new KernelDensity({ bandwidth: 0.5, seed: 3 }).fit(rng);
    const a = kde.sample(20000);
    const b = new KernelDensity({ bandwidth: 0.5, seed: 3 }).fit(rng).sample(20000);
    assert.deepEqual(a.to2DArray(), b.to2DArray());
    const c = kde.sample(20000);
    assert.notDeepEqual(a.getRow(0), c.getRow(0), "each call continues the stream");
    assert.equal(a.rows, 20000);
    assert.equal(a.columns, 2);
    const col = a.getColumn(0);
    const mean = col.reduce((x, y) => x + y, 0) / col.length;
    const v = col.reduce((x, y) => x + (y - mean) ** 2, 0) / col.length;
    assert.ok(Math.abs(mean - 5) < 0.15, `mean ${mean}`);
    assert.ok(Math.abs(v - 25.25) < 0.8, `var ${v}`);
  });

  it("tophat samples lie within h of a training row", () => {
    const train = [[0, 0, 0], [5, 5, 5]];
    const kde = new KernelDensity({ kernel: "tophat", bandwidth: 0.7 }).fit(train);
    const s = kde.sample(5000, { seed: 1 });
    let far = 0;
    let inner = 0;
    for (let i = 0; i < s.rows; i++) {
      const r = s.getRow(i);
      const d = Math.min(...train.map((t) => Math.hypot(r[0]! - t[0]!, r[1]! - t[1]!, r[2]! - t[2]!)));
      if (d > 0.7) far++;
      if (d < 0.7 * 0.5 ** (1 / 3)) inner++;
    }
    assert.equal(far, 0);
    // Uniform in the ball: half the draws inside radius h * 0.5^(1/3) (seeded, tolerance 3%).
    assert.ok(Math.abs(inner / 5000 - 0.5) < 0.03, `${inner}`);
  });

  it("toJSON / fromJSON round-trip", () => {
    const kde = new KernelDensity({ bandwidth: "scott", kernel: "epanechnikov" }).fit([[0, 1], [2, 3], [1, 1]]);
    const back = KernelDensity.fromJSON(JSON.parse(JSON.stringify(kde.toJSON())));
    assert.deepEqual(Array.from(back.scoreSamples([[1, 2]])), Array.from(kde.scoreSamples([[1, 2]])));
  });

  it("bad input gets a clear error", () => {
    const fitted = new KernelDensity().fit([[0], [1]]);
    const table: [() => unknown, RegExp][] = [
      [() => new KernelDensity({ bandwidth: 0 }), /'bandwidth' must be a finite number > 0, got 0/],
      [() => new KernelDensity({ bandwidth: "wide" as never }), /'bandwidth' must be one of "scott", "silverman"/],
      [() => new KernelDensity({ kernel: "box" as never }), /'kernel' must be one of/],
      [() => new KernelDensity({ bandwdith: 1 } as never), /unknown option 'bandwdith'/],
      [() => new KernelDensity().fit([[0], [NaN]]), /X\[1, 0\] is NaN/],
      [() => new KernelDensity().fit([[0], [Infinity]]), /X\[1, 0\] is Infinity/],
      [() => new KernelDensity().fit(new Matrix(0, 2)), /needs at least 1 row/],
      [() => fitted.sample(0), /'n' must be an integer >= 1, got 0/],
      [() => new KernelDensity({ kernel: "cosine" }).fit([[0]]).sample(3), /sampling is implemented for the "gaussian" and "tophat" kernels only, got "cosine"/],
      [() => new KernelDensity().sample(3), /not fitted/],
      [() => fitted.scoreSamples([[0, 1]]), /X has 2 columns, but the model was fitted on 1/],
    ];
    for (const [f, re] of table) assert.throws(f, re);
  });
});
