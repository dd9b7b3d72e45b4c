/**
 * The WebAssembly loops of the neural engine against plain JavaScript
 * references of the loops they replaced, bit for bit: the product's bias and
 * transposed-B packing, batch norm's statistics, normalization and backward
 * pass, leaky ReLU, dropout, the mask product, column sums and Adam's update. Widths and lengths
 * include odd ones, which take the JavaScript tails and fallbacks, and ones
 * past {@link CHUNK}, which the module takes in several calls.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng, type Rng } from "../../src/random/rng.js";
import { gemmWasm } from "../../src/neural/gemm.js";
import { batchNormBackward, columnStats, normalizeRows } from "../../src/neural/batch-norm-kernels.js";
import { addColumnSums, CHUNK, dropoutInto, leakyReluInto, multiplyInto } from "../../src/neural/elementwise.js";
import { Adam } from "../../src/neural/adam.js";

function randomF32(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from(rng.normal(0, scale, n) as Float64Array);
}

function assertSameBits(actual: Float32Array | Float64Array, expected: Float32Array | Float64Array, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${label}: index ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

describe("gemm epilogues and packing", () => {
  it("a bias gives the bits of the product plus the bias added afterwards; Bᵀ packs to the same product", () => {
    const rng = createRng(21);
    for (const [m, k, n] of [[1, 1, 1], [5, 3, 7], [13, 17, 9], [50, 120, 256], [6, 4, 1]] as const) {
      const a = randomF32(rng, m * k);
      const b = randomF32(rng, k * n);
      const bias = randomF32(rng, n);
      const bt = new Float32Array(n * k);
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j]!;
      const plain = gemmWasm(a, false, b, false, m, k, n);
      const expected = Float32Array.from(plain);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expected[i * n + j]! += bias[j]!;
      assertSameBits(gemmWasm(a, false, b, false, m, k, n, undefined, false, bias), expected, `bias m=${m} k=${k} n=${n}`);
      assertSameBits(gemmWasm(a, false, bt, true, m, k, n), plain, `transB m=${m} k=${k} n=${n}`);
      const acc = randomF32(rng, m * n);
      const accExpected = Float32Array.from(acc);
      for (let i = 0; i < acc.length; i++) accExpected[i]! += plain[i]!;
      gemmWasm(a, false, b, false, m, k, n, acc, true);
      assertSameBits(acc, accExpected, `accumulate m=${m} k=${k} n=${n}`);
    }
  });
});

describe("batch norm loops", () => {
  it("statistics, normalization and backward equal the JavaScript loops for even and odd widths", () => {
    const rng = createRng(22);
    for (const [n, w] of [[8, 6], [7, 5], [500, 256], [3, 1]] as const) {
      const x = randomF32(rng, n * w, 3);
      const g = randomF32(rng, w);
      const b = randomF32(rng, w);
      const dy = randomF32(rng, n * w);
      // references: the loops of layers.ts before the module took them over
      const mean = new Float64Array(w);
      const sq = new Float64Array(w);
      for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) mean[j]! += x[i * w + j]!;
      for (let j = 0; j < w; j++) mean[j]! /= n;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < w; j++) {
          const d = x[i * w + j]! - mean[j]!;
          sq[j]! += d * d;
        }
      }
      const inv = new Float64Array(w);
      for (let j = 0; j < w; j++) inv[j] = 1 / Math.sqrt(sq[j]! / n + 1e-5);
      const xhat = new Float32Array(n * w);
      const y = new Float32Array(n * w);
      for (let i = 0; i < n * w; i++) {
        const h = (x[i]! - mean[i % w]!) * inv[i % w]!;
        xhat[i] = h;
        y[i] = g[i % w]! * h + b[i % w]!;
      }
      const sumDy = new Float64Array(w);
      const sumDyX = new Float64Array(w);
      for (let i = 0; i < n * w; i++) {
        sumDy[i % w]! += dy[i]!;
        sumDyX[i % w]! += dy[i]! * xhat[i]!;
      }
      const coef = new Float64Array(w);
      for (let j = 0; j < w; j++) coef[j] = (g[j]! * inv[j]!) / n;
      const dx = new Float32Array(n * w);
      for (let i = 0; i < n * w; i++) dx[i] = coef[i % w]! * (n * dy[i]! - sumDy[i % w]! - xhat[i]! * sumDyX[i % w]!);

      const label = `n=${n} w=${w}`;
      const mean2 = new Float64Array(w);
      const sq2 = new Float64Array(w);
      columnStats(x, n, w, mean2, sq2);
      assertSameBits(mean2, mean, `${label} mean`);
      assertSameBits(sq2, sq, `${label} squared deviations`);
      const xhat2 = new Float32Array(n * w);
      const y2 = new Float32Array(n * w);
      normalizeRows(x, n, w, mean, inv, g, b, xhat2, y2);
      assertSameBits(xhat2, xhat, `${label} xhat`);
      assertSameBits(y2, y, `${label} y`);
      const sumDy2 = new Float64Array(w);
      const sumDyX2 = new Float64Array(w);
      const dx2 = new Float32Array(n * w);
      batchNormBackward(dy, xhat, n, w, coef, sumDy2, sumDyX2, dx2);
      assertSameBits(sumDy2, sumDy, `${label} sum dy`);
      assertSameBits(sumDyX2, sumDyX, `${label} sum dy·xhat`);
      assertSameBits(dx2, dx, `${label} dx`);
    }
  });
});

describe("element-wise loops", () => {
  it("leaky ReLU and the mask product equal the JavaScript loops, NaN and zeros included", () => {
    const rng = createRng(23);
    for (const len of [1, 2, 7, 128, 1001, 2 * CHUNK + 7]) {
      const x = randomF32(rng, len);
      if (len > 5) {
        x[1] = 0;
        x[2] = -0;
        x[3] = NaN;
      }
      for (const slope of [0, 0.2]) {
        const y = new Float32Array(len);
        const s = new Float32Array(len);
        for (let i = 0; i < len; i++) {
          const k = x[i]! > 0 ? 1 : slope;
          s[i] = k;
          y[i] = k * x[i]!;
        }
        const y2 = new Float32Array(len);
        const s2 = new Float32Array(len);
        leakyReluInto(x, slope, y2, s2);
        assertSameBits(y2, y, `leaky len=${len} slope=${slope} y`);
        assertSameBits(s2, s, `leaky len=${len} slope=${slope} slopes`);
        const dy = randomF32(rng, len);
        const dx = new Float32Array(len);
        for (let i = 0; i < len; i++) dx[i] = dy[i]! * s[i]!;
        const dx2 = new Float32Array(len);
        multiplyInto(dy, s, dx2);
        assertSameBits(dx2, dx, `mask product len=${len} slope=${slope}`);
      }
    }
  });

  it("dropout equals the JavaScript loop (dropped cells +0, also for -0, NaN and infinite inputs)", () => {
    const rng = createRng(25);
    for (const len of [1, 2, 9, 1000, 2 * CHUNK + 3]) {
      const x = randomF32(rng, len);
      if (len > 5) {
        x[1] = -0;
        x[2] = NaN;
        x[3] = -Infinity;
      }
      const u = rng.random(len) as Float64Array;
      if (len > 5) u[2] = 0.5; // exactly p: kept
      const p = 0.5;
      const keep = 1 / (1 - p);
      const y = new Float32Array(len);
      const mask = new Float32Array(len);
      for (let i = 0; i < len; i++) {
        if (u[i]! >= p) {
          mask[i] = keep;
          y[i] = x[i]! * keep;
        }
      }
      const y2 = new Float32Array(len).fill(7);
      const mask2 = new Float32Array(len).fill(7);
      dropoutInto(x, u, p, keep, y2, mask2);
      assertSameBits(y2, y, `dropout len=${len} y`);
      assertSameBits(mask2, mask, `dropout len=${len} mask`);
    }
  });

  it("column sums added to a gradient equal the JavaScript loop (widths with and without a tail)", () => {
    const rng = createRng(26);
    for (const [n, w] of [[1, 1], [5, 3], [7, 8], [500, 256], [50, 1], [9, 13], [CHUNK / 128 + 5, 129]] as const) {
      const dy = randomF32(rng, n * w);
      const g = randomF32(rng, w);
      const expected = Float32Array.from(g);
      for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) expected[j]! += dy[i * w + j]!;
      addColumnSums(dy, n, w, g);
      assertSameBits(g, expected, `column sums n=${n} w=${w}`);
    }
  });

  it("Adam's update equals the JavaScript loop over several steps (even and odd lengths)", () => {
    const rng = createRng(24);
    const lens = [1, 6, 7, 300, CHUNK + 5];
    const params = lens.map((len) => ({ data: randomF32(rng, len), grad: new Float32Array(len), version: 0 }));
    const ref = params.map((p) => ({ x: Float32Array.from(p.data), m: new Float32Array(p.data.length), v: new Float32Array(p.data.length) }));
    const o = { learningRate: 2e-3, beta1: 0.5, beta2: 0.9, weightDecay: 1e-4 };
    const opt = new Adam(params, o);
    for (let t = 1; t <= 4; t++) {
      for (let k = 0; k < params.length; k++) params[k]!.grad.set(randomF32(rng, lens[k]!));
      opt.step();
      const c1 = 1 - o.beta1 ** t;
      const c2 = Math.sqrt(1 - o.beta2 ** t);
      const stepSize = o.learningRate / c1;
      for (let k = 0; k < params.length; k++) {
        const { x, m, v } = ref[k]!;
        const g = params[k]!.grad;
        for (let i = 0; i < x.length; i++) {
          const gi = g[i]! + o.weightDecay * x[i]!;
          const mi = (m[i] = o.beta1 * m[i]! + (1 - o.beta1) * gi);
          const vi = (v[i] = o.beta2 * v[i]! + (1 - o.beta2) * gi * gi);
          x[i] = x[i]! - (stepSize * mi) / (Math.sqrt(vi) / c2 + 1e-8);
        }
        assertSameBits(params[k]!.data, x, `Adam step ${t} length ${lens[k]}`);
      }
    }
  });
});
