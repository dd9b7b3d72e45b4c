import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { ParamError } from "../../src/core/errors.js";
import { makeMultilabelClassification } from "../../src/datasets/multilabel.js";

describe("makeMultilabelClassification", () => {
  it("has scikit-learn's shapes and a dense 0/1 indicator y", () => {
    const { X, y, pC, pWC } = makeMultilabelClassification({ nSamples: 25, nFeatures: 20, nClasses: 3, seed: 0 });
    assert.ok(y instanceof Matrix);
    assert.deepEqual([X.rows, X.columns, y.rows, y.columns], [25, 20, 25, 3]);
    assert.ok(y.to1DArray().every((v) => v === 0 || v === 1));
    assert.ok(Math.abs(pC.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.deepEqual([pWC.rows, pWC.columns], [20, 3]);
    for (let c = 0; c < 3; c++) assert.ok(Math.abs(pWC.getColumn(c).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(X.to1DArray().every((v) => Number.isInteger(v) && v >= 0), "word counts");
  });

  it("the average label count is near nLabels (the truncated Poisson mean)", () => {
    for (const nLabels of [1, 2, 3]) {
      const { y } = makeMultilabelClassification({ nSamples: 20000, nClasses: 10, nLabels, seed: 1 });
      let total = 0;
      for (let i = 0; i < y.rows; i++) total += y.getRow(i).reduce((a, b) => a + b, 0);
      // truncation at nClasses = 10 barely moves a Poisson(<= 3) mean
      assert.ok(Math.abs(total / y.rows - nLabels) < 0.05, `nLabels ${nLabels}: mean ${total / y.rows}`);
    }
  });

  it("label counts never exceed nClasses; allowUnlabeled false gives every sample a label", () => {
    for (const allowUnlabeled of [true, false]) {
      const { y } = makeMultilabelClassification({ nSamples: 2000, nClasses: 3, nLabels: 3, allowUnlabeled, seed: 2 });
      const sizes = Array.from({ length: y.rows }, (_, i) => y.getRow(i).reduce((a, b) => a + b, 0));
      assert.ok(Math.max(...sizes) <= 3);
      assert.equal(Math.min(...sizes), allowUnlabeled ? 0 : 1);
    }
  });

  it("document lengths average about `length` words", () => {
    const { X } = makeMultilabelClassification({ nSamples: 5000, length: 30, seed: 3 });
    const total = X.to1DArray().reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total / 5000 - 30) < 0.5);
  });

  it("is reproducible", () => {
    const a = makeMultilabelClassification({ seed: 4 });
    assert.deepEqual(a.X.to2DArray(), makeMultilabelClassification({ seed: 4 }).X.to2DArray());
    assert.deepEqual(a.y.to2DArray(), makeMultilabelClassification({ seed: 4 }).y.to2DArray());
    assert.notDeepEqual(a.X.to2DArray(), makeMultilabelClassification({ seed: 5 }).X.to2DArray());
  });

  for (const [opts, re] of [
    [{ nClasses: 0 }, /^makeMultilabelClassification: 'nClasses' must be an integer >= 1, got 0\.$/],
    [{ length: 0 }, /'length' must be an integer >= 1, got 0/],
    [{ nLabels: -1 }, /'nLabels' must be an integer >= 0, got -1/],
    [{ nLabels: 0, allowUnlabeled: false }, /a Poisson\(0\) label count falls in \[1, 5\] with probability 0\.00, .*set allowUnlabeled to true or nLabels >= 1/],
    [{ nLabels: 100, nClasses: 2 }, /a Poisson\(100\) label count falls in \[0, 2\] with probability .*lower nLabels or raise nClasses/],
    [{ sparse: true }, /unknown option 'sparse'/],
  ] as const) {
    it(`rejects ${JSON.stringify(opts)}`, () => assert.throws(() => makeMultilabelClassification(opts as never), (e: unknown) => e instanceof ParamError && re.test((e as Error).message)));
  }
});
