/**
 * GAN and VAE on matrices: a GAN learns a 1-D bimodal mixture (KS < 0.1 at a
 * fixed seed and number of steps), the VAE reconstructs held-out digits better
 * than the column means, same seed same samples, bad options refused.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
import { ks2samp } from "../../src/quality/ks.js";
import { loadDigits } from "../../src/io/datasets.js";
import { toRowMajor } from "../../src/core/matrix.js";
import { GAN } from "../../src/neural/gan.js";
import { VAE } from "../../src/neural/vae.js";

function bimodal(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => [rng.random() < 0.5 ? (rng.normal(-2, 0.5) as number) : (rng.normal(2, 0.5) as number)]);
}

describe("GAN", () => {
  it("learns a bimodal mixture (KS statistic < 0.1 after 300 epochs of 16 steps, seed 3)", () => {
    const X = bimodal(1000, 5);
    const epochs: number[] = [];
    const gan = new GAN({ latentDim: 8, generatorDims: [64, 64], discriminatorDims: [64, 64], epochs: 300, batchSize: 64, learningRate: 2e-4, seed: 3 });
    gan.fit(X, { onProgress: (done) => epochs.push(done) });
    assert.equal(epochs.length, 300, "onProgress once per epoch");
    assert.equal(gan.history.generatorLoss.length, 300, "one generator loss per epoch");
    assert.ok(gan.history.discriminatorLoss.every(Number.isFinite), "finite losses");
    const s = gan.sample(2000, { seed: 1 });
    const ks = ks2samp(s.getColumn(0), X.map((r) => r[0]!)).statistic;
    assert.ok(ks < 0.1, `KS statistic ${ks}`);
  });

  it("the same seed gives the same model and samples; another seed others", () => {
    const X = bimodal(200, 1);
    const opts = { latentDim: 2, generatorDims: [8], discriminatorDims: [8], epochs: 3, seed: 9 };
    const a = toRowMajor(new GAN(opts).fit(X).sample(20, { seed: 4 }));
    const b = toRowMajor(new GAN(opts).fit(X).sample(20, { seed: 4 }));
    const c = toRowMajor(new GAN({ ...opts, seed: 10 }).fit(X).sample(20, { seed: 4 }));
    assert.deepEqual(a, b, "same seed, same samples");
    assert.notDeepEqual(a, c, "another seed, other samples");
  });

  it("refuses bad options and input", () => {
    assert.throws(() => new GAN({ epochs: 0 }), /'epochs' must be an integer >= 1/, "epochs 0");
    assert.throws(() => new GAN({ batchSize: 0 }), /'batchSize' must be an integer >= 1/, "batchSize 0");
    assert.throws(() => new GAN({ generatorDims: [0] }), /generatorDims\[0\]/, "width 0");
    assert.throws(() => new GAN({ latentDims: 3 } as never), /unknown option 'latentDims'/, "unknown option");
    assert.throws(() => new GAN({ epochs: 1 }).fit([]), /X is empty/, "no rows");
    assert.throws(() => new GAN().sample(3), /not fitted/, "sample before fit");
  });
});

describe("VAE", () => {
  it("reconstructs held-out digits better than the column means", () => {
    const { X } = loadDigits();
    const all = toRowMajor(X);
    const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => Array.from(all.subarray((from + i) * 64, (from + i + 1) * 64)));
    const train = rows(0, 1500);
    const test = rows(1500, 1797);
    const vae = new VAE({ latentDim: 8, encoderDims: [64], decoderDims: [64], epochs: 15, batchSize: 64, seed: 2 }).fit(train);
    assert.ok(vae.history.loss[14]! < vae.history.loss[0]!, "the loss falls");
    const rec = toRowMajor(vae.reconstruct(test));
    const mean = new Float64Array(64);
    for (const r of train) r.forEach((v, j) => (mean[j]! += v / train.length));
    let errVae = 0;
    let errMean = 0;
    test.forEach((r, i) => r.forEach((v, j) => ((errVae += (rec[i * 64 + j]! - v) ** 2), (errMean += (mean[j]! - v) ** 2))));
    assert.ok(errVae < 0.6 * errMean, `VAE squared error ${errVae.toFixed(0)} vs column means ${errMean.toFixed(0)}`);
    assert.equal(vae.sample(5, { seed: 1 }).columns, 64, "samples have the data's width");
    assert.deepEqual(toRowMajor(vae.sample(5, { seed: 1 })), toRowMajor(vae.sample(5, { seed: 1 })), "seeded samples repeat");
  });

  it("refuses bad options", () => {
    assert.throws(() => new VAE({ epochs: 0 }), /'epochs' must be an integer >= 1/, "epochs 0");
    assert.throws(() => new VAE({ batchSize: 0.5 }), /'batchSize' must be an integer/, "batchSize 0.5");
    assert.throws(() => new VAE({ learningRate: -1 }), /'learningRate' must be a finite number > 0/, "negative learning rate");
  });
});
