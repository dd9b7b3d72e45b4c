import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { ParamTypeError } from "../../src/core/errors.js";
import { toRowMajor } from "../../src/core/matrix.js";
import { toDataFrame, wrapRowMajor } from "../../src/datasets/common.js";
import { makeBlobs } from "../../src/datasets/blobs.js";
import { makeMultilabelClassification } from "../../src/datasets/multilabel.js";
import { makeRegression } from "../../src/datasets/regression.js";

describe("wrapRowMajor (the lazy Matrix every generator returns)", () => {
  const buf = Float64Array.from({ length: 6 }, (_, i) => i);

  it("reads as the eager Matrix, and deep-equals it", () => {
    const m = wrapRowMajor(buf.slice(), 3, 2);
    const eager = new Matrix([[0, 1], [2, 3], [4, 5]]);
    assert.deepEqual(m.to2DArray(), eager.to2DArray());
    assert.deepStrictEqual(m, eager);
    assert.notDeepStrictEqual(m, new Matrix([[0, 1], [2, 3], [4, 6]]));
    assert.ok(Matrix.isMatrix(m) && m instanceof Matrix);
  });

  it("places row i at order[i]", () => {
    const m = wrapRowMajor(buf.slice(), 3, 2, Int32Array.from([2, 0, 1]));
    assert.deepEqual(m.to2DArray(), [[2, 3], [4, 5], [0, 1]]);
    assert.deepEqual(Array.from(toRowMajor(m)), [2, 3, 4, 5, 0, 1]);
  });

  it("supports ml-matrix's operations and mutations", () => {
    const m = wrapRowMajor(buf.slice(), 3, 2);
    m.set(0, 0, 10);
    assert.equal(m.get(0, 0), 10);
    assert.deepEqual(m.mmul(Matrix.eye(2)).to2DArray(), [[10, 1], [2, 3], [4, 5]]);
    m.addRow([7, 8]);
    assert.equal(m.rows, 4);
    assert.deepEqual(m.getRow(3), [7, 8]);
    m.removeColumn(0);
    assert.deepEqual(m.to1DArray(), [1, 3, 5, 8]);
    assert.deepEqual(m.clone().to1DArray(), [1, 3, 5, 8]);
    const n = wrapRowMajor(buf.slice(), 3, 2);
    (n as unknown as { data: Float64Array[] }).data = [Float64Array.of(9, 9)];
    (n as unknown as { rows: number }).rows = 1;
    assert.deepEqual(n.to2DArray(), [[9, 9]]);
  });
});

describe("toDataFrame", () => {
  it("gives columns x0..x{d-1} and y, int32 labels", () => {
    const r = makeBlobs({ nSamples: 5, nFeatures: 3, seed: 1 });
    const df = r.toDataFrame();
    assert.deepEqual(df.columns, ["x0", "x1", "x2", "y"]);
    assert.deepEqual(df.column("y").values, Array.from(r.y));
    assert.deepEqual(df.column("x2").values, r.X.getColumn(2));
    assert.equal(df.dtypes[3], "int32");
    assert.deepEqual(toDataFrame(r).columns, df.columns);
  });

  it("gives float targets, and y0..y{k-1} for a Matrix y", () => {
    const reg = makeRegression({ nSamples: 4, nFeatures: 2, seed: 1 }).toDataFrame();
    assert.deepEqual(reg.columns, ["x0", "x1", "y"]);
    assert.equal(reg.dtypes[2], "float32");
    const ml = makeMultilabelClassification({ nSamples: 4, nFeatures: 3, nClasses: 2, seed: 1 }).toDataFrame();
    assert.deepEqual(ml.columns, ["x0", "x1", "x2", "y0", "y1"]);
  });

  it("is a non-enumerable method (results stay plain data)", () => {
    const r = makeBlobs({ nSamples: 3, seed: 1 });
    assert.deepEqual(Object.keys(r).sort(), ["X", "centers", "seed", "y"]);
  });

  it("rejects what is not a result", () => {
    assert.throws(() => toDataFrame({} as never), ParamTypeError);
  });
});
