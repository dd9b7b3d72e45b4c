import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { affineTransform, createImage, ImageDataGenerator, transformMatrix, type FillMode, type Image, type TransformParams } from "../../src/index.js";

// Made by test/fixtures/image/scipy_affine.py (Debian's scipy 1.10); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/image/scipy_affine.json", import.meta.url), "utf8")) as {
  images: { height: number; width: number; channels: number; data: number[] }[];
  cases: { image: number; params: Partial<TransformParams>; mode: FillMode; cval: number; matrix: number[][]; output: number[] }[];
};
const images: Image[] = fx.images.map((im) => ({ ...im, data: Float64Array.from(im.data) }));

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length, "lengths differ");
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe("transformMatrix and applyTransform against scipy.ndimage.affine_transform", () => {
  it(`has ${fx.cases.length} cases over 3 images, 5 parameter sets and the 4 fill modes`, () => {
    assert.equal(fx.cases.length, 60, "fixture size");
    assert.deepEqual([...new Set(fx.cases.map((c) => c.mode))].sort(), ["constant", "nearest", "reflect", "wrap"], "modes");
  });

  for (const [k, c] of fx.cases.entries()) {
    it(`case ${k}: image ${c.image}, ${c.mode}, ${JSON.stringify(c.params)}`, () => {
      const im = images[c.image]!;
      const M = transformMatrix(c.params, im.height, im.width);
      assert.ok(maxAbsDiff(M.to1DArray(), c.matrix.flat()) < 1e-12, "transformMatrix equals Keras' matrix");
      const gen = new ImageDataGenerator({ fillMode: c.mode, cval: c.cval, seed: 0 });
      const out = gen.applyTransform(im, c.params);
      const d = maxAbsDiff(out.data, c.output);
      assert.ok(d < 1e-9, `applyTransform differs from scipy by ${d}`);
      const direct = affineTransform(im, M, c.mode, c.cval);
      assert.ok(maxAbsDiff(direct.data, c.output) < 1e-9, "affineTransform differs from scipy");
    });
  }
});

describe("exact transforms", () => {
  const im = createImage(5, 5, 2, Array.from({ length: 50 }, (_, i) => i * 1.5 - 7));
  const at = (x: Image, r: number, c: number, k: number) => x.data[(r * x.width + c) * x.channels + k]!;
  const gen = new ImageDataGenerator({ seed: 1 });

  it("identity parameters return the image unchanged (a copy)", () => {
    const out = gen.applyTransform(im, { theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1 });
    assert.deepEqual(out.data, im.data, "same values");
    assert.notEqual(out.data, im.data, "a new array");
    assert.deepEqual(transformMatrix({}, 5, 5).to2DArray(), Matrix.eye(3).to2DArray(), "identity matrix");
  });

  it("flips are exact", () => {
    const h = gen.applyTransform(im, { flipHorizontal: true });
    const v = gen.applyTransform(im, { flipVertical: true });
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 5; c++) {
        for (let k = 0; k < 2; k++) {
          assert.equal(at(h, r, c, k), at(im, r, 4 - c, k), "horizontal flip mirrors columns");
          assert.equal(at(v, r, c, k), at(im, 4 - r, c, k), "vertical flip mirrors rows");
        }
      }
    }
  });

  it("a 90° rotation of a square image equals the exact rotation", () => {
    const out = gen.applyTransform(im, { theta: 90 });
    // Output (r, c) samples input (cos·r − sin·c, sin·r + cos·c) about the centre: (4 − c, r).
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) for (let k = 0; k < 2; k++) {
      assert.ok(Math.abs(at(out, r, c, k) - at(im, 4 - c, r, k)) < 1e-12, `pixel (${r}, ${c}) of the 90° rotation`);
    }
    const four = [90, 90, 90, 90].reduce((x, t) => gen.applyTransform(x, { theta: t }), im as Image);
    assert.ok(maxAbsDiff(four.data, im.data) < 1e-12, "four quarter turns give the image back");
  });
});

describe("bad input", () => {
  const gen = new ImageDataGenerator({ seed: 1 });
  const cases: [string, () => unknown, RegExp][] = [
    ["data length does not match the shape", () => gen.applyTransform({ height: 3, width: 3, channels: 1, data: new Float64Array(8) }, {}), /data has 8 values, but height × width × channels = 3 × 3 × 1 = 9/],
    ["negative rotationRange", () => new ImageDataGenerator({ rotationRange: -10 }), /'rotationRange' must be >= 0, got -10/],
    ["negative widthShiftRange", () => new ImageDataGenerator({ widthShiftRange: -0.1 }), /'widthShiftRange' must be >= 0, got -0.1/],
    ["negative zoomRange", () => new ImageDataGenerator({ zoomRange: -0.2 }), /'zoomRange' must be >= 0, got -0.2/],
    ["zoom pair out of order", () => new ImageDataGenerator({ zoomRange: [1.2, 0.8] }), /low <= high/],
    ["unknown fill mode", () => new ImageDataGenerator({ fillMode: "mirror" as FillMode }), /'fillMode' must be one of "constant", "nearest", "reflect", "wrap", got "mirror"/],
    ["unknown option (Keras' snake_case)", () => new ImageDataGenerator({ rotation_range: 40 } as never), /unknown option 'rotation_range'/],
    ["unknown transform parameter", () => gen.applyTransform(createImage(2, 2), { rotation: 3 } as never), /unknown transform parameter 'rotation'/],
    ["non-finite parameter", () => transformMatrix({ theta: NaN }, 3, 3), /'theta' must be a finite number/],
    ["bad matrix shape", () => affineTransform(createImage(2, 2), new Matrix(2, 2)), /3 × 3 \(or 2 × 3\) Matrix/],
  ];
  for (const [name, f, re] of cases) it(name, () => assert.throws(f, re));
});
