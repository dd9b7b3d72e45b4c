import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DigitPermutation } from "../../src/tabular/digit-permutation.js";

/** All outputs of the permutation over its whole domain, as digit strings. */
function image(radices: number[], key: number[], tweak = 0): string[] {
  const size = radices.reduce((a, b) => a * b, 1);
  const p = new DigitPermutation(radices, key, tweak);
  const out = new Uint8Array(radices.length);
  const seen: string[] = [];
  for (let i = 0; i < size; i++) {
    p.apply(i, out);
    out.forEach((d, j) => assert.ok(d < radices[j]!, `digit ${j} = ${d} >= radix ${radices[j]}`));
    seen.push(Array.from(out).join(","));
  }
  return seen;
}

describe("DigitPermutation", () => {
  it("is a bijection of the whole domain, for any radices", () => {
    const shapes = [[7], [10, 10], [2, 3], [9, 10, 10], [26, 10, 10, 10], [16, 16, 16, 16], [62, 3], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]];
    for (const radices of shapes) {
      const seen = image(radices, [1, 2, 3, 4]);
      assert.equal(new Set(seen).size, seen.length, JSON.stringify(radices));
    }
  });

  it("depends on the key and the tweak, and not on call order", () => {
    const a = image([10, 10, 10], [1, 2, 3, 4]);
    assert.deepEqual(image([10, 10, 10], [1, 2, 3, 4]), a);
    assert.notDeepEqual(image([10, 10, 10], [1, 2, 3, 5]), a);
    assert.notDeepEqual(image([10, 10, 10], [1, 2, 3, 4], 1), a);
    // Not the identity, and not a shift: few fixed points, many distinct steps.
    const ids = a.map((s) => Number(s.replaceAll(",", "")));
    assert.ok(ids.filter((v, i) => v === i).length < 10);
    assert.ok(new Set(ids.slice(1).map((v, i) => (v - ids[i]! + 1000) % 1000)).size > 300);
  });

  it("spreads consecutive indices over the leading digit", () => {
    const p = new DigitPermutation(new Array(6).fill(10), [9, 9, 9, 9], 0);
    const out = new Uint8Array(6);
    const lead = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      p.apply(i, out);
      lead[out[0]!]++;
    }
    for (const c of lead) assert.ok(c > 800 && c < 1200, `leading digit counts ${lead}`);
  });
});
