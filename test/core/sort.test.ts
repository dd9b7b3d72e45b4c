import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sortedCopy, sortInPlace } from "../../src/core/sort.js";
import { createRng } from "../../src/random/rng.js";

describe("radix sort of Float64Array", () => {
  it("orders like the built-in sort, specials included", () => {
    const rng = createRng(5);
    const x = Float64Array.from({ length: 50_000 }, (_, i) => (i % 97 === 0 ? [NaN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324][i % 7]! : rng.normal(0, 1e3) * 10 ** (i % 9 - 4)));
    const want = x.slice().sort();
    const got = sortedCopy(x);
    assert.equal(got.length, want.length);
    for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `index ${i}: ${got[i]} vs ${want[i]}`);
  });
  it("handles ties, one repeated value, and integers", () => {
    const ties = Float64Array.from({ length: 10_000 }, (_, i) => i % 3);
    assert.deepEqual(Array.from(sortInPlace(ties.slice())), Array.from(ties.slice().sort()));
    const same = new Float64Array(5000).fill(-2.5);
    assert.ok(sortInPlace(same).every((v) => v === -2.5));
  });
  it("leaves the input alone in sortedCopy", () => {
    const x = Float64Array.from({ length: 4096 }, (_, i) => 4096 - i);
    sortedCopy(x);
    assert.equal(x[0], 4096);
  });
});
