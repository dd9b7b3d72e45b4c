import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Pcg64 } from "../../src/random/pcg64.js";
import { createRng, Rng } from "../../src/random/rng.js";
import { KERNELS_WASM_BASE64 } from "../../src/random/wasm/kernels-bytes.js";
import { CHUNK, kernels } from "../../src/random/wasm/kernels.js";
import { compileKernels } from "./wasm-compile.js";

describe("WebAssembly kernels (xoshiro128** bulk draws)", () => {
  it("the committed bytes are kernels.wat compiled by wabt", async () => {
    assert.equal(await compileKernels(), KERNELS_WASM_BASE64, "regenerate: node --import tsx test/random/wasm-compile.ts --write");
  });

  it("instantiate here", () => {
    assert.ok(kernels() !== null);
  });

  it("a bulk draw after a partly read block continues the stream exactly (release), and state round-trips", () => {
    const a = createRng(77);
    const b = createRng(77);
    a.random(101); // leaves a block partly read
    for (let i = 0; i < 101; i++) b.random();
    const saved = JSON.parse(JSON.stringify(a.toJSON()));
    const x = a.normal(0, 1, 5000);
    for (let i = 0; i < x.length; i++) assert.equal(x[i], b.normal());
    assert.deepEqual(Rng.fromJSON(saved).normal(0, 1, 5000), x);
    assert.equal(a.integers(0, 1000), b.integers(0, 1000));
  });

  it("PCG64's WebAssembly block fill equals its 16-bit-limb JavaScript step", () => {
    const a = new Pcg64([11], [3]);
    const b = new Pcg64([11], [3]);
    for (const n of [4096, 200_000, 64]) {
      const x = new Uint32Array(n);
      const y = new Uint32Array(n);
      a.fill(x);
      b.fillJs(y);
      assert.deepEqual(x, y);
      assert.deepEqual(a.getState(), b.getState());
    }
  });

  for (const seed of [1, 2024, "wasm"]) {
    it(`bulk draws equal the JavaScript scalar draws word for word (seed ${JSON.stringify(seed)}, across chunks and slow paths)`, () => {
      const bulk = createRng(seed);
      const scalar = createRng(seed);
      const n = CHUNK + 12_345;
      const checks: [string, Float64Array, () => number][] = [
        ["normal", bulk.normal(0.5, 2, n), () => scalar.normal(0.5, 2)],
        ["exponential", bulk.exponential(3, n), () => scalar.exponential(3)],
        ["random", bulk.random(n), () => scalar.random()],
        ["standardNormal", bulk.standardNormal(777), () => scalar.standardNormal()],
        ["lognormal(0.3, 1.2)", bulk.lognormal(0.3, 1.2, 20_001), () => scalar.lognormal(0.3, 1.2)],
        ["gamma(2.5, 1.5)", bulk.gamma(2.5, 1.5, 20_001), () => scalar.gamma(2.5, 1.5)],
        ["chisquare(7)", bulk.chisquare(7, 5_001), () => scalar.chisquare(7)],
        ["poisson(4)", bulk.poisson(4, 30_001), () => scalar.poisson(4)],
        ["binomial(10, 0.3)", bulk.binomial(10, 0.3, 30_001), () => scalar.binomial(10, 0.3)],
        ["binomial(12, 0.9)", bulk.binomial(12, 0.9, 10_001), () => scalar.binomial(12, 0.9)],
        ["binomial(1e6, 2.9e-5)", bulk.binomial(1e6, 2.9e-5, 10_001), () => scalar.binomial(1e6, 2.9e-5)], // 83-entry px table
        ["binomial(2, 0.4)", bulk.binomial(2, 0.4, 10_001), () => scalar.binomial(2, 0.4)],
        ["beta(0.5, 0.9)", bulk.beta(0.5, 0.9, n), () => scalar.beta(0.5, 0.9)],
        ["beta(1, 0.3)", bulk.beta(1, 0.3, 5_001), () => scalar.beta(1, 0.3)],
        // powers beyond e^-700 (Math.pow), and tries whose x + y underflows to 0 (rejected, as numpy's Generator)
        ["beta(0.004, 0.006)", bulk.beta(0.004, 0.006, 5_001), () => scalar.beta(0.004, 0.006)],
        ["beta(0.001, 0.001)", bulk.beta(0.001, 0.001, 2_001), () => scalar.beta(0.001, 0.001)],
      ];
      for (const [name, x, one] of checks) {
        for (let i = 0; i < x.length; i++) {
          const v = one();
          if (x[i] !== v) assert.fail(`${name}[${i}]: bulk ${x[i]} vs scalar ${v}`);
        }
      }
      // the streams stay aligned afterwards
      assert.equal(bulk.random(), scalar.random());
    });
  }
});
