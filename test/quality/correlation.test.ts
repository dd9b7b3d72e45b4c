import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { Table } from "../../src/core/table.js";
import { correlationMatrix, rankAverage } from "../../src/quality/correlation.js";

// Made by test/fixtures/pandas_corr.py (Debian's pandas); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/pandas_corr.json", import.meta.url), "utf8"));
const table = Table.fromRecords(fx.records);

describe("correlationMatrix vs pandas DataFrame.corr()", () => {
  for (const method of ["pearson", "spearman"] as const) {
    it(`${method}, with missing values (pairwise complete) and ties`, () => {
      const c = correlationMatrix(table, { method });
      assert.deepEqual(c.names, fx.columns);
      fx[method].forEach((row: (number | null)[], i: number) =>
        row.forEach((v, j) => assert.ok(Math.abs(c.matrix[i]![j]! - v!) < 1e-12, `${method}[${fx.columns[i]}, ${fx.columns[j]}]: ${c.matrix[i]![j]} vs pandas ${v}`)),
      );
    });
  }
  it("takes a Matrix and gives a Table", () => {
    const X = new Matrix([
      [1, 3],
      [2, 1],
      [3, 2],
    ]);
    const c = correlationMatrix(X);
    assert.deepEqual(c.names, ["x0", "x1"]);
    assert.equal(c.matrix[0]![1], -0.5);
    assert.deepEqual(c.toTable().columnNames, ["column", "x0", "x1"]);
  });
  it("gives NaN for a constant column", () => {
    const c = correlationMatrix([{ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 3, b: 1 }]);
    assert.ok(Number.isNaN(c.matrix[0]![1]!) && Number.isNaN(c.matrix[1]![1]!));
  });
  it("ranks ties by their average", () => assert.deepEqual(Array.from(rankAverage([10, 20, 10, NaN, 5])), [2.5, 4, 2.5, NaN, 1]));
  it("rejects bad input", () => {
    assert.throws(() => correlationMatrix(table, { method: "kendall" as never }), /'method' must be one of "pearson", "spearman", got "kendall"/);
    assert.throws(() => correlationMatrix([{ s: "x" }], { columns: ["s"] }), /column 's' is categorical; correlations need numeric columns/);
    assert.throws(() => correlationMatrix(table, { cols: ["a"] } as never), /unknown option 'cols'/);
  });
});
