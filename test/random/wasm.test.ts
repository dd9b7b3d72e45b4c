import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
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
      ];
      for (const [name, x, one] of checks) {
        for (let i = 0; i < x.length; i++) {
          const v = one();
          if (x[i] !== v) assert.fail(`${name}[${i}]: bulk ${x[i]} vs scalar ${v}`);
        }
      }
      // the streams stay aligned afterwards, and the state round-trips
      assert.equal(bulk.random(), scalar.random());
      assert.deepEqual(createRng(0).constructor.name, "Rng");
    });
  }
});
