import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { exp } from "../../src/random/exp.js";

// Made by: /usr/bin/python3 test/fixtures/mpmath_exp.py > test/fixtures/mpmath_exp.json
const points = JSON.parse(readFileSync(new URL("../fixtures/mpmath_exp.json", import.meta.url), "utf8")) as [number, number][];

function ulps(a: number, b: number): number {
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  return Math.abs(Number(i[0]! - i[1]!));
}

describe("exp (table-based, shared by the lognormal sampler and its WebAssembly kernel)", () => {
  it("is within 1 ulp of the correctly rounded value, and exact at >= 99% of 400 points", () => {
    let exact = 0;
    for (const [x, want] of points) {
      const d = ulps(exp(x), want);
      assert.ok(d <= 1, `exp(${x}) = ${exp(x)}, correctly rounded ${want}`);
      if (d === 0) exact++;
    }
    assert.ok(exact >= 0.99 * points.length, `${exact} exact of ${points.length}`);
  });

  it("handles the edges like Math.exp", () => {
    for (const x of [0, -0, 1e-300, -1e-300, NaN, Infinity, -Infinity, 709.7, 710, -745, -746, 512, -512, 511.9]) {
      const got = exp(x);
      const want = Math.exp(x);
      assert.ok(Object.is(got, want) || ulps(got, want) <= 1, `exp(${x}) = ${got}, Math.exp ${want}`);
    }
    assert.equal(exp(1), Math.E);
  });
});
