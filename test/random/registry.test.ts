import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
import { distributionNames, resolveParams, sampleDistribution } from "../../src/random/registry.js";

describe("distribution registry", () => {
  it("holds the tutorial's six families", () => {
    for (const name of ["uniform", "normal", "exponential", "lognormal", "chisquare", "beta"]) {
      assert.ok(distributionNames().includes(name as never), name);
    }
  });

  it("draws by name the same numbers as the method", () => {
    assert.deepEqual(sampleDistribution(createRng(11), "beta", { a: 0.5, b: 0.9 }, 50), createRng(11).beta(0.5, 0.9, 50));
    assert.deepEqual(sampleDistribution(createRng(11), "uniform", [-1, 1], 50), createRng(11).uniform(-1, 1, 50));
  });

  it("fills numpy's defaults", () => {
    assert.deepEqual(resolveParams("normal", {}), { loc: 0, scale: 1 });
    assert.deepEqual(resolveParams("gamma", [2]), { shape: 2, scale: 1 });
  });

  it("lists the known names for an unknown one", () => {
    assert.throws(
      () => sampleDistribution(createRng(1), "gauss" as never, {}, 3),
      /sampleDistribution: unknown distribution "gauss"\. Known distributions: uniform, normal, exponential, lognormal, chisquare, beta/,
    );
  });

  it("rejects unknown, missing and surplus parameters", () => {
    assert.throws(() => resolveParams("normal", { mu: 1 }), /normal has no parameter 'mu'\. Its parameters: loc, scale/);
    assert.throws(() => resolveParams("chisquare", {}), /chisquare needs parameter 'df'/);
    assert.throws(() => resolveParams("exponential", [1, 2]), /exponential takes at most 1 parameters/);
  });

  it("passes parameter errors through from the method", () => {
    assert.throws(() => sampleDistribution(createRng(1), "normal", { scale: -1 }, 3), /Rng.normal: 'scale' must be >= 0, got -1/);
  });
});
