import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import {
  createImage,
  decodePng,
  encodePng,
  ImageDataGenerator,
  imageFromPixels,
  imagesFromMatrix,
  imagesToMatrix,
  loadDigitImages,
  loadSampleImage,
  readImage,
  tileImages,
  writeImage,
} from "../../src/index.js";

const ramp = (h: number, w: number, c = 1) => createImage(h, w, c, Array.from({ length: h * w * c }, (_, i) => i % 256));

describe("ImageDataGenerator: random transforms", () => {
  const opts = { rotationRange: 40, widthShiftRange: 0.2, heightShiftRange: 0.2, shearRange: 0.2, zoomRange: 0.2, horizontalFlip: true, fillMode: "nearest" } as const;

  it("draws parameters within the ranges, in Keras' units", () => {
    const gen = new ImageDataGenerator({ ...opts, seed: 1 });
    const im = ramp(28, 20);
    let flips = 0;
    for (let i = 0; i < 2000; i++) {
      const p = gen.randomTransform(im);
      if (!(Math.abs(p.theta) <= 40 && Math.abs(p.tx) <= 0.2 * 28 && Math.abs(p.ty) <= 0.2 * 20 && Math.abs(p.shear) <= 0.2)) assert.fail(`draw ${i}: ${JSON.stringify(p)}`);
      if (!(p.zx >= 0.8 && p.zx <= 1.2 && p.zy >= 0.8 && p.zy <= 1.2)) assert.fail(`zoom ${JSON.stringify(p)}`);
      if (p.flipVertical || p.channelShiftIntensity !== null || p.brightness !== null) assert.fail("options not asked for were drawn");
      if (p.flipHorizontal) flips++;
    }
    assert.ok(flips > 900 && flips < 1100, `about half flipped: ${flips}`);
  });

  it("is reproducible with a seed and differs across seeds", () => {
    const im = ramp(10, 10);
    const a = new ImageDataGenerator({ ...opts, seed: 5 });
    const b = new ImageDataGenerator({ ...opts, seed: 5 });
    assert.deepEqual(a.randomTransform(im), b.randomTransform(im), "same generator seed");
    assert.deepEqual(a.randomTransform(im, 3), b.randomTransform(im, 3), "same call seed");
    assert.notDeepEqual(a.randomTransform(im, 3), a.randomTransform(im, 4), "different call seeds");
    assert.equal(typeof new ImageDataGenerator().seed, "number", "entropy seed recorded");
  });

  it("flow yields batches over every image once an epoch, reproducibly", () => {
    const images = Array.from({ length: 5 }, (_, k) => createImage(6, 6, 1, new Array(36).fill(k)));
    const gen = new ImageDataGenerator({ rotationRange: 10, fillMode: "nearest" });
    const batches = [...gen.flow(images, { batchSize: 2, seed: 7, epochs: 2 })];
    assert.deepEqual(batches.map((b) => b.length), [2, 2, 1, 2, 2, 1], "batch sizes");
    const firstEpoch = batches.slice(0, 3).flat().map((im) => im.data[0]).sort();
    assert.deepEqual(firstEpoch, [0, 1, 2, 3, 4], "each image once (constant images stay constant under nearest fill)");
    const again = [...gen.flow(images, { batchSize: 2, seed: 7, epochs: 2 })];
    assert.deepEqual(again.map((b) => b.map((im) => Array.from(im.data))), batches.map((b) => b.map((im) => Array.from(im.data))), "same seed, same batches");
    const endless = gen.flow(images, { batchSize: 4, seed: 1 });
    for (let i = 0; i < 10; i++) assert.equal(endless.next().done, false, "flow without epochs does not end");
  });

  it("channel shift, brightness and rescale", () => {
    const im = createImage(1, 3, 1, [10, 20, 30]);
    const gen = new ImageDataGenerator({ rescale: 0.5 });
    assert.deepEqual(Array.from(gen.applyTransform(im, { channelShiftIntensity: 15 }).data), [12.5, 15, 15], "shifted, clipped to the image's max, rescaled");
    assert.deepEqual(Array.from(gen.applyTransform(im, { brightness: 2 }).data), [10, 20, 30], "brightness doubles (then rescale halves)");
    assert.deepEqual(Array.from(new ImageDataGenerator().applyTransform(createImage(1, 2, 1, [100, 200]), { brightness: 2 }).data), [200, 255], "brightness clips at 255");
  });
});

describe("images: conversions and PNG", () => {
  it("imageFromPixels takes arrays, typed arrays, 1-row matrices and Series-like objects", () => {
    const px = Array.from({ length: 12 }, (_, i) => i);
    assert.deepEqual(imageFromPixels(px, { height: 3, width: 4 }).data, Float64Array.from(px), "array");
    assert.equal(imageFromPixels(new Float64Array(16)).width, 4, "square by default");
    assert.equal(imageFromPixels(new Matrix([px]), { height: 2, width: 2, channels: 3 }).channels, 3, "Matrix row");
    assert.equal(imageFromPixels({ values: px }, { width: 6 }).height, 2, "Series-like");
    assert.deepEqual(imageFromPixels({ values: [px] }, { width: 6 }).data, Float64Array.from(px), "one-row DataFrame-like ([[...]] values)");
    assert.throws(() => imageFromPixels(px, { height: 5 }), /12 pixels do not fill|'width' must be an integer/);
    assert.throws(() => imageFromPixels([1, 2, 3]), /not a square image/);
    assert.throws(() => imageFromPixels([1, NaN, 3, 4]), /pixel 1 is NaN/);
  });

  it("matrices of flattened images round-trip", () => {
    const X = new Matrix([[1, 2, 3, 4], [5, 6, 7, 8]]);
    const ims = imagesFromMatrix(X);
    assert.deepEqual(imagesToMatrix(ims).to2DArray(), X.to2DArray(), "round trip");
  });

  it("tileImages lays images out in a grid", () => {
    const g = tileImages([createImage(2, 2, 1, [1, 1, 1, 1]), createImage(2, 2, 1, [2, 2, 2, 2]), createImage(2, 2, 1, [3, 3, 3, 3])], { cols: 2, gap: 1, background: -1 });
    assert.deepEqual([g.height, g.width], [5, 5], "shape");
    assert.deepEqual(Array.from(g.data.subarray(0, 5)), [1, 1, -1, 2, 2], "first row");
    assert.deepEqual(Array.from(g.data.subarray(15, 20)), [3, 3, -1, -1, -1], "third image, empty cell");
  });

  it("PNG bytes round-trip for 1 to 4 channels", () => {
    for (const c of [1, 2, 3, 4]) {
      const im = ramp(5, 7, c);
      const back = decodePng(encodePng(im));
      assert.deepEqual([back.height, back.width, back.channels], [5, 7, c], `shape with ${c} channels`);
      assert.deepEqual(back.data, im.data, `values with ${c} channels`);
    }
    const scaled = decodePng(encodePng(createImage(1, 3, 1, [0, 8, 16]), { scale: true }));
    assert.deepEqual(Array.from(scaled.data), [0, 128, 255], "scale maps [min, max] onto [0, 255]");
    assert.throws(() => decodePng(new Uint8Array([1, 2, 3])), /are not a readable PNG/);
  });

  it("reads and writes PNG files", () => {
    const dir = mkdtempSync(join(tmpdir(), "synthlab-png-"));
    try {
      const im = ramp(9, 4, 3);
      writeImage(join(dir, "a.png"), im);
      assert.deepEqual(readImage(join(dir, "a.png")).data, im.data, "round trip through a file");
      assert.throws(() => readImage(join(dir, "missing.png")), /readImage: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads the bundled image and the digits as images", () => {
    const face = loadSampleImage("raccoon");
    assert.deepEqual([face.height, face.width, face.channels], [96, 128, 3], "raccoon shape");
    assert.ok(face.data.every((v) => v >= 0 && v <= 255), "8-bit values");
    const { images, y } = loadDigitImages();
    assert.equal(images.length, 1797, "digits");
    assert.equal(y.length, 1797, "labels");
    assert.ok(images.every((im) => im.height === 8 && im.width === 8 && im.channels === 1), "8 × 8 × 1");
    assert.throws(() => loadSampleImage("cat" as never), /unknown image "cat"/);
  });
});
