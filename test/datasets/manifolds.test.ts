import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeSCurve, makeSwissRoll } from "../../src/datasets/manifolds.js";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-12 * Math.max(1, Math.abs(b));

describe("makeSwissRoll", () => {
  for (const hole of [false, true]) {
    it(`noise 0${hole ? ", with a hole" : ""}: X = (t cos t, h, t sin t)`, () => {
      const { X, y: t } = makeSwissRoll({ nSamples: 2000, hole, seed: 0 });
      assert.deepEqual([X.rows, X.columns, t.length], [2000, 3, 2000]);
      for (let i = 0; i < 2000; i++) {
        assert.ok(close(X.get(i, 0), t[i]! * Math.cos(t[i]!)) && close(X.get(i, 2), t[i]! * Math.sin(t[i]!)));
        assert.ok(t[i]! >= 1.5 * Math.PI && t[i]! < 4.5 * Math.PI && X.get(i, 1) >= 0 && X.get(i, 1) < 21);
        if (hole) {
          const inMiddle = t[i]! >= 2.5 * Math.PI && t[i]! < 3.5 * Math.PI && X.get(i, 1) >= 7 && X.get(i, 1) < 14;
          assert.ok(!inMiddle, "no point in the hole");
        }
      }
    });
  }
  it("rejects bad values", () => {
    assert.throws(() => makeSwissRoll({ noise: -1 }), /makeSwissRoll: 'noise' must be >= 0, got -1\./);
    assert.throws(() => makeSwissRoll({ hole: "yes" as never }), /'hole' must be true or false/);
  });
});

describe("makeSCurve", () => {
  it("noise 0: X = (sin t, 2u, sign(t)(cos t - 1))", () => {
    const { X, y: t } = makeSCurve({ nSamples: 1000, seed: 0 });
    for (let i = 0; i < 1000; i++) {
      assert.ok(close(X.get(i, 0), Math.sin(t[i]!)) && close(X.get(i, 2), Math.sign(t[i]!) * (Math.cos(t[i]!) - 1)));
      assert.ok(Math.abs(t[i]!) <= 1.5 * Math.PI && X.get(i, 1) >= 0 && X.get(i, 1) < 2);
    }
  });
  it("noise moves points off the surface, reproducibly", () => {
    const a = makeSCurve({ nSamples: 100, noise: 0.1, seed: 1 });
    assert.deepEqual(a.X.to2DArray(), makeSCurve({ nSamples: 100, noise: 0.1, seed: 1 }).X.to2DArray());
    assert.ok(Math.abs(a.X.get(0, 0) - Math.sin(a.y[0]!)) > 0);
  });
});
