import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { NearestNeighbors } from "../../src/core/knn.js";
import { classCounts, indicesOf, overSamplingTargets } from "../../src/fit/sampling-strategy.js";
import { SMOTE, smote } from "../../src/fit/smote.js";
import { ADASYN, BorderlineSMOTE, SMOTENC } from "../../src/fit/smote-variants.js";
import { createRng } from "../../src/random/rng.js";

const fx = JSON.parse(readFileSync(new URL("../fixtures/imblearn_sampling.json", import.meta.url), "utf8"));
const counts = (y: ArrayLike<number>) => {
  const m: Record<string, number> = {};
  for (let i = 0; i < y.length; i++) m[String(y[i])] = (m[String(y[i])] ?? 0) + 1;
  return m;
};

/** True when p lies on the segment a–b (within 1e-9). */
function onSegment(p: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let t: number | undefined;
  for (let j = 0; j < p.length; j++) {
    const den = b[j]! - a[j]!;
    if (Math.abs(den) < 1e-12) {
      if (Math.abs(p[j]! - a[j]!) > 1e-9) return false;
      continue;
    }
    const tj = (p[j]! - a[j]!) / den;
    if (t === undefined) t = tj;
    else if (Math.abs(tj - t) > 1e-7) return false;
  }
  return t === undefined || (t >= -1e-9 && t <= 1 + 1e-9);
}

/** Each synthetic row lies on a segment between some real row and one of its k nearest neighbours. */
function assertOnNeighbourSegments(real: number[][], syn: number[][], k: number): void {
  const nn = new NearestNeighbors({ nNeighbors: k }).fit(real).kneighbors(null, k).indices;
  for (const p of syn) {
    let ok = false;
    for (let i = 0; i < real.length && !ok; i++) for (let t = 0; t < k && !ok; t++) ok = onSegment(p, real[i]!, real[nn[i * k + t]!]!);
    assert.ok(ok, `row ${p} is on no neighbour segment`);
  }
}

describe("samplingStrategy (imbalanced-learn's semantics)", () => {
  it("targets equal imbalanced-learn's check_sampling_strategy", () => {
    for (const c of fx.strategies) {
      const y = c.binary ? fx.y.map((v: number) => (v === 2 ? 1 : 0)) : fx.y;
      const strat = typeof c.strategy === "object" ? new Map(Object.entries(c.strategy).map(([k, v]) => [Number(k), v as number])) : c.strategy;
      const got = Object.fromEntries([...overSamplingTargets("t", strat, y)].map(([k, v]) => [String(k), v]));
      assert.deepEqual(got, c.targets, JSON.stringify(c.strategy));
    }
  });
});

describe("SMOTE", () => {
  it("every synthetic point lies on a segment between a real point and one of its k nearest neighbours (per class)", () => {
    const res = new SMOTE({ kNeighbors: 3, seed: 4 }).fitResample(fx.X, Int32Array.from(fx.y));
    assert.deepEqual(counts(res.y), { 0: 50, 1: 50, 2: 50, 3: 50 });
    const n = fx.y.length;
    assert.deepEqual(res.X.to2DArray().slice(0, n), fx.X, "the originals come first");
    assert.ok(res.y instanceof Int32Array);
    for (const cls of [1, 2, 3]) {
      const real = fx.X.filter((_: unknown, i: number) => fx.y[i] === cls);
      const syn = res.X.to2DArray().filter((_, i) => i >= n && res.y[i] === cls);
      assertOnNeighbourSegments(real, syn, 3);
    }
  });

  it("string labels, dict strategy, reproducible with a seed", () => {
    const y = fx.y.map((v: number) => ["a", "b", "c", "d"][v]);
    const a = new SMOTE({ samplingStrategy: { c: 20 }, seed: 1 }).fitResample(fx.X, y);
    const b = new SMOTE({ samplingStrategy: { c: 20 }, seed: 1 }).fitResample(fx.X, y);
    assert.deepEqual(a.X.to2DArray(), b.X.to2DArray());
    assert.equal(a.X.rows, fx.y.length + 12);
    assert.deepEqual(a.y.slice(-12), Array(12).fill("c"));
  });

  it("smote(): any row count, real rows optional, points on neighbour segments", () => {
    const rng = createRng(3);
    const X = Array.from({ length: 200 }, () => [rng.lognormal(0, 1), rng.lognormal(1, 0.5), rng.normal()]);
    const S = smote(X, { nSamples: 1234, kNeighbors: 5, seed: 2 });
    assert.equal(S.rows, 1234);
    assertOnNeighbourSegments(X, S.to2DArray().slice(0, 300), 5);
    const R = smote(X, { nSamples: 1234, kNeighbors: 5, seed: 2, includeReal: true });
    assert.equal(R.rows, 1234);
    assert.deepEqual(R.to2DArray().slice(0, 200), X);
    // Marginal sanity: the mean of column 0 stays close (seeded, 5%).
    const m0 = X.reduce((s, r) => s + r[0]!, 0) / 200;
    const m1 = S.getColumn(0).reduce((s, v) => s + v, 0) / S.rows;
    assert.ok(Math.abs(m1 / m0 - 1) < 0.05, `${m1} vs ${m0}`);
  });

  it("the returned Matrix (rows over one buffer, built on first access) behaves as any Matrix", () => {
    const S = smote(fx.X, { nSamples: 50, kNeighbors: 3, seed: 5 });
    assert.ok(Matrix.isMatrix(S));
    assert.equal(S.rows, 50);
    const copy = S.clone();
    assert.deepEqual(copy.to2DArray(), S.to2DArray());
    S.set(0, 0, 123);
    assert.equal(S.get(0, 0), 123);
    assert.notEqual(copy.get(0, 0), 123);
    assert.equal(S.transpose().columns, 50);
    assert.equal(S.subMatrix(10, 19, 0, 1).rows, 10);
  });

  it("SMOTENC: median std as imbalanced-learn, categories are real codes from the neighbours", () => {
    const nc = new SMOTENC({ categoricalFeatures: [2], seed: 0 });
    const r = nc.fitResample(fx.smotenc.X, fx.y);
    assert.ok(Math.abs(nc.medianStd - fx.smotenc.median_std) < 1e-12);
    assert.equal(r.X.rows, fx.smotenc.rows);
    const col = r.X.getColumn(2);
    assert.ok(col.every((v) => v === 0 || v === 1 || v === 2));
  });

  it("BorderlineSMOTE and ADASYN produce imbalanced-learn's class counts", () => {
    const b1 = new BorderlineSMOTE({ seed: 0 }).fitResample(fx.X, fx.y);
    assert.deepEqual(counts(b1.y), fx.borderline1_counts);
    const b2 = new BorderlineSMOTE({ kind: "borderline-2", seed: 0 }).fitResample(fx.X, fx.y);
    assert.ok(b2.X.rows >= fx.y.length);
    const ad = new ADASYN({ seed: 0 }).fitResample(fx.X, fx.y);
    assert.deepEqual(counts(ad.y), fx.adasyn_counts);
    // ADASYN rows still lie on in-class neighbour segments.
    const real = fx.X.filter((_: unknown, i: number) => fx.y[i] === 2);
    assertOnNeighbourSegments(real, ad.X.to2DArray().filter((_, i) => i >= fx.y.length && ad.y[i] === 2), 5);
  });

  it("bad input gets a clear error", () => {
    const X = [[0, 0], [1, 1], [2, 2], [3, 3]];
    const table: [() => unknown, RegExp][] = [
      [() => new SMOTE().fitResample([[0], [NaN], [1]], [0, 1, 1]), /X\[1, 0\] is NaN/],
      [() => new SMOTE().fitResample([[0], [Infinity], [1]], [0, 1, 1]), /X\[1, 0\] is Infinity/],
      [() => new SMOTE().fitResample(X, [1, 1, 1, 1]), /the target 'y' needs more than 1 class, got 1/],
      [() => new SMOTE({ kNeighbors: 2 }).fitResample(X, [0, 0, 0, 1]), /class 1 has 1 rows; kNeighbors \(2\) needs at least kNeighbors \+ 1 = 3/],
      [() => new SMOTE().fitResample(X, [0, 1]), /X has 4 rows but y has 2 labels/],
      [() => new SMOTE({ samplingStrategy: "majority" as never }).fitResample(X, [0, 0, 0, 1]), /'samplingStrategy' must be "auto"/],
      [() => new SMOTE({ samplingStrategy: 1.5 }).fitResample(X, [0, 0, 0, 1]), /a float 'samplingStrategy' must be in \(0, 1\], got 1.5/],
      [() => new SMOTE({ samplingStrategy: 0.5 }).fitResample(X, [0, 0, 1, 2]), /needs a binary target/],
      [() => new SMOTE({ samplingStrategy: { 1: 0 } }).fitResample(X, [0, 0, 1, 1]), /cannot shrink class "1"|cannot shrink class 1/],
      [() => new SMOTE({ samplingStrategy: { 7: 9 } }).fitResample(X, [0, 0, 1, 1]), /class "7" is not present in y/],
      [() => new SMOTE({ kNeigbors: 3 } as never), /unknown option 'kNeigbors'/],
      [() => smote(X, { nSamples: 0 }), /'nSamples' must be an integer >= 1, got 0/],
      [() => smote(X, {} as never), /'nSamples' is required/],
      [() => smote(X, { nSamples: 10, kNeighbors: 4 }), /X has 4 rows; kNeighbors \(4\) needs at least kNeighbors \+ 1 = 5/],
      [() => smote(X, { nSamples: 3, kNeighbors: 1, includeReal: true }), /'nSamples' \(3\) must be >= the number of real rows \(4\)/],
      [() => new SMOTENC({ categoricalFeatures: [] }), /'categoricalFeatures' must list at least one column index/],
      [() => new SMOTENC({ categoricalFeatures: [0, 1] }).fitResample(X, [0, 0, 1, 1]), /every column is categorical/],
      [() => new SMOTENC({ categoricalFeatures: [5] }).fitResample(X, [0, 0, 1, 1]), /categorical column 5 is out of range/],
      [() => new BorderlineSMOTE({ kind: "borderline-3" as never }), /'kind' must be one of "borderline-1", "borderline-2"/],
      [() => new ADASYN({ nNeighbors: 1 }).fitResample([[0], [0.1], [0.2], [10], [20], [20.1]], [0, 0, 0, 0, 1, 1]), /no neighbour of class 1 belongs to another class/],
    ];
    for (const [f, re] of table) assert.throws(f, re);
    assert.ok(new Matrix(1, 1));
  });
});

describe("classCounts and indicesOf on Int32Array labels (the counted fast path)", () => {
  it("equal the generic path: counts in order of first appearance, negative and wide-spanning labels", () => {
    const rng = createRng(3);
    for (const [lo, span] of [[0, 2], [-5, 7], [1000, 300], [-40000, 65536], [0, 70000]] as const) {
      const y = Int32Array.from(rng.integers(lo, lo + span, 500) as Float64Array);
      const fast = classCounts(y);
      const generic = classCounts(Array.from(y));
      assert.deepEqual([...fast], [...generic], `labels ${lo}..${lo + span - 1}`);
      const label = y[17]!;
      assert.deepEqual(Array.from(indicesOf(y, label)), Array.from(indicesOf(Array.from(y), label)), `indices of ${label}`);
    }
    assert.deepEqual([...classCounts(new Int32Array(0))], []);
    assert.deepEqual([...classCounts(Int32Array.from([2, 0, 2, 1]))], [[2, 2], [0, 1], [1, 1]]);
  });
});
