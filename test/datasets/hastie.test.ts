import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeHastie10_2 } from "../../src/datasets/hastie.js";

describe("makeHastie10_2", () => {
  it("ten features, labels ±1 by the sum of squares against 9.34, about balanced", () => {
    const { X, y } = makeHastie10_2({ seed: 0 });
    assert.deepEqual([X.rows, X.columns, y.length], [12000, 10, 12000]);
    for (let i = 0; i < 200; i++) assert.equal(y[i], X.getRow(i).reduce((s, v) => s + v * v, 0) > 9.34 ? 1 : -1);
    const pos = y.filter((v) => v === 1).length / y.length;
    assert.ok(Math.abs(pos - 0.5) < 0.02, `share of +1: ${pos}`);
    assert.deepEqual([...new Set(y)].sort(), [-1, 1]);
  });

  it("is reproducible and rejects bad sizes", () => {
    assert.deepEqual(makeHastie10_2({ nSamples: 50, seed: 1 }).y, makeHastie10_2({ nSamples: 50, seed: 1 }).y);
    assert.throws(() => makeHastie10_2({ nSamples: 0 }), /makeHastie10_2: 'nSamples' must be an integer >= 1, got 0\./);
  });
});
