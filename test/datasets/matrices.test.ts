import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, SingularValueDecomposition } from "ml-matrix";
import { ParamError } from "../../src/core/errors.js";
import { makeLowRankMatrix, makeSparseCodedSignal, makeSparseSpdMatrix, makeSpdMatrix } from "../../src/datasets/matrices.js";

const symmetricPD = (X: Matrix) => X.isSymmetric() && new CholeskyDecomposition(X).isPositiveDefinite();

describe("makeLowRankMatrix", () => {
  it("has the requested singular values (scikit-learn: rank about 5)", () => {
    const { X, singularValues } = makeLowRankMatrix({ nSamples: 50, nFeatures: 25, effectiveRank: 5, tailStrength: 0.01, seed: 0 });
    assert.deepEqual([X.rows, X.columns], [50, 25]);
    const s = new SingularValueDecomposition(X).diagonal;
    for (let i = 0; i < 25; i++) assert.ok(Math.abs(s[i]! - singularValues[i]!) < 1e-10, `singular value ${i}`);
    assert.ok(s.reduce((a, b) => a + b, 0) - 5 < 0.1);
  });
  it("rejects bad values", () => {
    assert.throws(() => makeLowRankMatrix({ effectiveRank: 0 }), /makeLowRankMatrix: 'effectiveRank' must be an integer >= 1, got 0\./);
    assert.throws(() => makeLowRankMatrix({ tailStrength: -0.5 }), /'tailStrength' must be in \[0, 1\], got -0\.5/);
  });
});

describe("makeSpdMatrix", () => {
  it("is symmetric positive definite with eigenvalues in [1, 2)", () => {
    for (const n of [1, 5, 30]) {
      const { X } = makeSpdMatrix(n, { seed: n });
      assert.ok(symmetricPD(X));
      for (const e of new EigenvalueDecomposition(X, { assumeSymmetric: true }).realEigenvalues) assert.ok(e > 1 - 1e-10 && e < 2 + 1e-10, `eigenvalue ${e}`);
    }
  });
  it("is reproducible and rejects bad sizes", () => {
    assert.deepEqual(makeSpdMatrix(4, { seed: 1 }).X.to2DArray(), makeSpdMatrix(4, { seed: 1 }).X.to2DArray());
    assert.notDeepEqual(makeSpdMatrix(4, { seed: 1 }).X.to2DArray(), makeSpdMatrix(4, { seed: 2 }).X.to2DArray());
    assert.throws(() => makeSpdMatrix(0), /makeSpdMatrix: 'nDim' must be an integer >= 1, got 0\./);
  });
});

describe("makeSparseSpdMatrix", () => {
  it("is symmetric positive definite and sparse; normDiag gives a unit diagonal", () => {
    for (const normDiag of [false, true]) {
      const { X } = makeSparseSpdMatrix({ nDim: 40, alpha: 0.95, normDiag, seed: 3 });
      assert.ok(symmetricPD(X));
      const zeros = X.to1DArray().filter((v) => v === 0).length;
      assert.ok(zeros > 0.5 * 40 * 40, `${zeros} zeros`);
      if (normDiag) for (let i = 0; i < 40; i++) assert.equal(X.get(i, i), 1);
    }
  });
  it("alpha 0 fills the factor; off-diagonal coefficients within bounds give a dense SPD matrix", () => {
    const { X } = makeSparseSpdMatrix({ nDim: 10, alpha: 0, smallestCoef: 0.2, largestCoef: 0.3, seed: 0 });
    assert.ok(symmetricPD(X));
    assert.ok(X.to1DArray().filter((v) => v === 0).length < 10);
  });
  it("rejects bad values", () => {
    assert.throws(() => makeSparseSpdMatrix({ alpha: 1.5 }), /makeSparseSpdMatrix: 'alpha' must be in \[0, 1\], got 1\.5\./);
    assert.throws(() => makeSparseSpdMatrix({ smallestCoef: 0.9, largestCoef: 0.1 }), /'smallestCoef' \(0\.9\) must be <= 'largestCoef' \(0\.1\)/);
    assert.throws(() => makeSparseSpdMatrix({ nDim: 0 }), /'nDim' must be an integer >= 1, got 0/);
  });
});

describe("makeSparseCodedSignal", () => {
  it("X = code · dictionary, unit-norm atoms, nNonzeroCoefs per code row (scikit-learn's test)", () => {
    const { X, dictionary, code } = makeSparseCodedSignal(5, { nComponents: 8, nFeatures: 10, nNonzeroCoefs: 3, seed: 0 });
    assert.deepEqual([X.rows, X.columns, dictionary.rows, dictionary.columns, code.rows, code.columns], [5, 10, 8, 10, 5, 8]);
    for (let i = 0; i < 5; i++) assert.equal(code.getRow(i).filter((v) => v !== 0).length, 3);
    const want = code.mmul(dictionary);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 10; j++) assert.ok(Math.abs(X.get(i, j) - want.get(i, j)) < 1e-12);
    for (let c = 0; c < 8; c++) assert.ok(Math.abs(Math.hypot(...dictionary.getRow(c)) - 1) < 1e-12);
  });
  it("rejects missing and bad sizes", () => {
    assert.throws(() => makeSparseCodedSignal(5, { nComponents: 8, nFeatures: 10 } as never), (e: unknown) => e instanceof ParamError && /'nNonzeroCoefs' is required/.test((e as Error).message));
    assert.throws(() => makeSparseCodedSignal(5, { nComponents: 2, nFeatures: 10, nNonzeroCoefs: 3 }), /'nNonzeroCoefs' \(3\) must be <= 'nComponents' \(2\)/);
    assert.throws(() => makeSparseCodedSignal(0, { nComponents: 2, nFeatures: 10, nNonzeroCoefs: 1 }), /'nSamples' must be an integer >= 1, got 0/);
  });
});
