/**
 * The neural engine: the SIMD product against the JavaScript one, the
 * committed WebAssembly bytes against the .wat, every layer's gradients and
 * the gradient penalty's parameter gradient against finite differences.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng, type Rng } from "../../src/random/rng.js";
import { gemmBackend, gemmJs, gemmWasm } from "../../src/neural/gemm.js";
import { GEMM_WASM_BASE64 } from "../../src/neural/wasm/gemm-bytes.js";
import { BatchNorm, Dropout, LeakyReLU, Linear, Residual, Sequential, Sigmoid, Tanh, zeroGrad, type Layer } from "../../src/neural/layers.js";
import { gradientPenalty } from "../../src/neural/penalty.js";
import { Adam } from "../../src/neural/adam.js";
import { weightsFromJSON, weightsToJSON } from "../../src/neural/weights.js";
import { compileGemm } from "./gemm-compile.js";

function randomF32(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from(rng.normal(0, scale, n) as Float64Array);
}

describe("gemm", () => {
  it("the committed bytes are gemm.wat compiled", async () => {
    assert.equal(GEMM_WASM_BASE64, await compileGemm(), "regenerate with node --import tsx test/neural/gemm-compile.ts --write");
    assert.equal(gemmBackend(), "wasm-simd", "Node 20 has WebAssembly SIMD");
  });

  it("the SIMD product equals the JavaScript one for odd shapes and transposes", () => {
    const rng = createRng(1);
    for (const [m, k, n] of [[1, 1, 1], [3, 5, 7], [13, 17, 9], [50, 120, 256], [5, 3, 1]] as const) {
      const a = randomF32(rng, m * k);
      const b = randomF32(rng, k * n);
      const at = new Float32Array(k * m);
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) at[p * m + i] = a[i * k + p]!;
      const bt = new Float32Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j]!;
      const ref = gemmJs(a, false, b, false, m, k, n);
      for (const [x, tx, y, ty] of [[a, false, b, false], [at, true, b, false], [a, false, bt, true], [at, true, bt, true]] as const) {
        const c = gemmWasm(x, tx, y, ty, m, k, n);
        let err = 0;
        for (let i = 0; i < c.length; i++) err = Math.max(err, Math.abs(c[i]! - ref[i]!));
        assert.ok(err < 1e-4 * Math.sqrt(k), `m=${m} k=${k} n=${n} transA=${tx} transB=${ty}: max error ${err}`);
      }
      const acc = Float32Array.from(ref);
      gemmWasm(a, false, b, false, m, k, n, acc, true);
      for (let i = 0; i < acc.length; i++) assert.ok(Math.abs(acc[i]! - 2 * ref[i]!) < 1e-3 * Math.sqrt(k), `accumulate ${i}`);
    }
  });
});

/**
 * Compares backward()'s input and parameter gradients of L = Σ y ⊙ R with
 * central differences (f32, so relative tolerance 2%, on sampled entries).
 * `kinks` returns a signature of the piecewise-linear pattern; entries whose
 * perturbation changes it are skipped.
 */
function checkGradients(name: string, make: (rng: Rng) => Layer, n: number, seed: number, kinks?: (l: Layer) => string): void {
  const rng = createRng(seed);
  const layer = make(rng);
  const x = randomF32(rng, n * layer.inWidth);
  const R = randomF32(rng, n * layer.outWidth);
  const loss = (): number => {
    const y = layer.forward(x, n, { train: true, rng: createRng(99) });
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i]! * R[i]!;
    return s;
  };
  zeroGrad(layer);
  layer.forward(x, n, { train: true, rng: createRng(99) });
  const base = kinks?.(layer);
  const dx = layer.backward(R, n);
  const targets: { label: string; data: Float32Array; grad: Float32Array }[] = [
    { label: "input", data: x, grad: dx },
    ...layer.params.map((p, k) => ({ label: `param ${k}`, data: p.data, grad: Float32Array.from(p.grad) })),
  ];
  for (const t of targets) {
    let num = 0;
    let den = 0;
    const pick = createRng(seed + 1);
    for (let s = 0; s < Math.min(25, t.data.length); s++) {
      const i = pick.integers(0, t.data.length) as number;
      const v = t.data[i]!;
      const h = 1e-2 * Math.max(1, Math.abs(v));
      t.data[i] = v + h;
      const up = loss();
      const upK = kinks?.(layer);
      t.data[i] = v - h;
      const down = loss();
      const downK = kinks?.(layer);
      t.data[i] = v;
      if (base !== undefined && (upK !== base || downK !== base)) continue;
      const fd = (up - down) / (2 * h);
      num += (fd - t.grad[i]!) ** 2;
      den += t.grad[i]! ** 2 + fd ** 2;
    }
    // relative error, or an absolute one where the gradient is 0 (a bias before batch norm): f32 rounding
    const rel = Math.sqrt(num / Math.max(den, 1e-12));
    assert.ok(rel < 2e-2 || Math.sqrt(num / 25) < 2e-3, `${name} ${t.label}: relative gradient error ${rel}`);
  }
}

const slopes = (l: Layer): string => {
  const seq = l as Sequential;
  return seq.layers.filter((x) => x instanceof LeakyReLU).map((x) => Array.from((x as LeakyReLU).slopes).join()).join("|");
};

describe("layer gradients against finite differences", () => {
  it("Linear", () => checkGradients("Linear", (r) => new Linear(7, 5, r), 6, 1));
  it("LeakyReLU and ReLU", () => {
    checkGradients("LeakyReLU", (r) => new Sequential([new Linear(4, 6, r), new LeakyReLU(6, 0.2)]), 5, 2, slopes);
    checkGradients("ReLU", (r) => new Sequential([new Linear(4, 6, r), new LeakyReLU(6, 0)]), 5, 3, slopes);
  });
  it("Tanh and Sigmoid", () => {
    checkGradients("Tanh", (r) => new Sequential([new Linear(4, 6, r), new Tanh(6)]), 5, 4);
    checkGradients("Sigmoid", (r) => new Sequential([new Linear(4, 6, r), new Sigmoid(6)]), 5, 5);
  });
  it("Dropout (a fixed mask)", () => checkGradients("Dropout", (r) => new Sequential([new Linear(4, 6, r), new Dropout(6, 0.5)]), 5, 6));
  it("BatchNorm (training mode)", () => checkGradients("BatchNorm", (r) => new Sequential([new Linear(4, 6, r), new BatchNorm(6)]), 8, 7));
  it("Residual (CTGAN's block)", () => checkGradients("Residual", (r) => new Residual(5, 6, r), 8, 8, (l) => slopes((l as unknown as { branch: Sequential }).branch)));
});

describe("gradient penalty", () => {
  it("its parameter gradient matches finite differences of its value", () => {
    const rng = createRng(21);
    const critic = new Sequential([new Linear(6, 8, rng), new LeakyReLU(8, 0.2), new Dropout(8, 0.5), new Linear(8, 8, rng), new LeakyReLU(8, 0.2), new Linear(8, 1, rng)]);
    const rows = 5;
    const x = randomF32(rng, rows * 6);
    const value = (): number => gradientPenalty(critic, x, rows, { train: true, rng: createRng(7) }, 10);
    zeroGrad(critic);
    value();
    const base = slopes(critic);
    const grads = critic.params.map((p) => Float32Array.from(p.grad));
    critic.params.forEach((p, k) => {
      let num = 0;
      let den = 0;
      for (let i = 0; i < p.data.length; i += Math.max(1, Math.floor(p.data.length / 20))) {
        const v = p.data[i]!;
        const h = 1e-2;
        // (version bumps: the layers cache Wᵀ per weight update)
        p.data[i] = v + h;
        p.version++;
        const up = value();
        const upK = slopes(critic);
        p.data[i] = v - h;
        p.version++;
        const down = value();
        const downK = slopes(critic);
        p.data[i] = v;
        p.version++;
        if (upK !== base || downK !== base) continue;
        const fd = (up - down) / (2 * h);
        num += (fd - grads[k]![i]!) ** 2;
        den += grads[k]![i]! ** 2 + fd ** 2;
      }
      assert.ok(Math.sqrt(num / Math.max(den, 1e-12)) < 2e-2, `param ${k}: relative error ${Math.sqrt(num / Math.max(den, 1e-12))}`);
    });
  });
});

describe("Adam and weights", () => {
  it("Adam minimizes a quadratic; weights round-trip through JSON", () => {
    const rng = createRng(3);
    const lin = new Linear(3, 2, rng);
    const opt = new Adam(lin.params, { learningRate: 0.05, beta1: 0.9, beta2: 0.999, weightDecay: 0 });
    for (let t = 0; t < 500; t++) {
      opt.zeroGrad();
      for (const p of lin.params) for (let i = 0; i < p.data.length; i++) p.grad[i] = 2 * (p.data[i]! - 0.5);
      opt.step();
    }
    for (const p of lin.params) for (const v of p.data) assert.ok(Math.abs(v - 0.5) < 1e-2, `Adam converged to ${v}`);
    const copy = new Linear(3, 2, createRng(4));
    weightsFromJSON(copy, JSON.parse(JSON.stringify(weightsToJSON(lin))), "test");
    assert.deepEqual(Array.from(copy.weight.data), Array.from(lin.weight.data), "weights restored");
    assert.throws(() => weightsFromJSON(new Linear(4, 2, rng), weightsToJSON(lin), "test"), /do not fit the network/, "wrong architecture");
  });
});
