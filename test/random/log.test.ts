import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { log, pow } from "../../src/random/log.js";

// Made by: /usr/bin/python3 test/fixtures/mathref_pow.py > test/fixtures/mathref_pow.json
// Each reference is [nearest double, (exact - nearest) in ulps of the nearest double], from mpmath at 60 digits.
const ref = JSON.parse(readFileSync(new URL("../fixtures/mathref_pow.json", import.meta.url), "utf8")) as {
  log: [number, number, number][];
  pow: [number, number, number, number][];
};

function ulpOf(x: number): number {
  const f = new Float64Array([Math.abs(x)]);
  const i = new BigInt64Array(f.buffer);
  i[0] = i[0]! + 1n;
  return f[0]! - Math.abs(x);
}

/** Error of `got` in ulps of the nearest double `near` to the exact value `near + frac ulp`. */
function err(got: number, near: number, frac: number): number {
  return Math.abs((got - near) / ulpOf(near) - frac);
}

describe("log and pow (table-based, ARM optimized-routines method)", () => {
  it(`log is within 0.51 ulp of mpmath at ${ref.log.length} points, and correctly rounded at >= 99%`, () => {
    let worst = 0;
    let exact = 0;
    for (const [x, near, frac] of ref.log) {
      const e = err(log(x), near, frac);
      worst = Math.max(worst, e);
      if (log(x) === near) exact++;
    }
    assert.ok(worst <= 0.51, `worst ${worst} ulp`);
    assert.ok(exact >= 0.99 * ref.log.length, `${exact} correctly rounded of ${ref.log.length}`);
  });

  it(`pow is within 0.52 ulp of mpmath at ${ref.pow.length} points, and correctly rounded at >= 99%`, () => {
    let worst = 0;
    let exact = 0;
    for (const [x, y, near, frac] of ref.pow) {
      const got = pow(x, y);
      worst = Math.max(worst, err(got, near, frac));
      if (got === near) exact++;
    }
    assert.ok(worst <= 0.52, `worst ${worst} ulp`);
    assert.ok(exact >= 0.99 * ref.pow.length, `${exact} correctly rounded of ${ref.pow.length}`);
  });

  it("is exact at 1 and for exact powers, and defers the edges to Math.log / Math.pow", () => {
    assert.equal(log(1), 0);
    assert.equal(pow(1, 2.5), 1);
    assert.equal(pow(0.5, 3), 0.125);
    assert.equal(pow(4, 0.5), 2);
    for (const x of [0.1, 0.7, 3.3, -2.5, 0, -0, NaN, Infinity, 1e200]) {
      assert.ok(Object.is(pow(x, 2), Math.pow(x, 2)), `pow(${x}, 2)`);
      assert.ok(Object.is(pow(x, 1), Math.pow(x, 1)), `pow(${x}, 1)`);
    }
    for (const x of [1.7976931348623157e308, 1e308, 2.2250738585072014e-308, 3e-308]) assert.ok(Math.abs(log(x) / Math.log(x) - 1) < 3e-16, `log(${x})`);
    for (const x of [0, -0, -1, 5e-324, NaN, Infinity, -Infinity]) assert.ok(Object.is(log(x), Math.log(x)), `log(${x})`);
    for (const [x, y] of [[0, 2], [-1, 0.5], [1e-300, 1000], [1e300, 10], [NaN, 1], [2, NaN], [2, Infinity], [0.5, -2000]] as const) {
      assert.ok(Object.is(pow(x, y), Math.pow(x, y)), `pow(${x}, ${y})`);
    }
  });
});
