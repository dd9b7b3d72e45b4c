import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "ml-matrix";
import { DataError, ParamError } from "../../src/core/errors.js";
import { asTable, formatNumber, Table } from "../../src/core/table.js";

const records = [
  { num: 1.5, int: 3, cat: "a", bool: true, when: new Date("2024-01-02T00:00:00Z") },
  { num: null, int: 4, cat: null, bool: false, when: null },
  { num: -2, int: null, cat: "b", bool: null, when: new Date("2024-03-04T05:06:07Z") },
];

describe("Table", () => {
  it("infers kinds and keeps missing values", () => {
    const t = Table.fromRecords(records);
    assert.deepEqual(t.columnNames, ["num", "int", "cat", "bool", "when"]);
    assert.deepEqual(
      t.columns.map((c) => c.kind),
      ["numeric", "integer", "categorical", "boolean", "datetime"],
    );
    assert.deepEqual(t.shape, [3, 5]);
    assert.deepEqual(Array.from(t.column("num") as Float64Array), [1.5, NaN, -2]);
    assert.deepEqual(t.column("cat"), ["a", null, "b"]);
    assert.deepEqual(t.toRecords(), records);
  });

  it("round-trips through a danfo DataFrame with kinds kept", () => {
    const t = Table.fromRecords(records);
    const df = t.toDataFrame();
    assert.deepEqual(df.columns, t.columnNames);
    const back = Table.fromDataFrame(df);
    assert.deepEqual(back.columns.map((c) => c.kind), ["numeric", "integer", "categorical", "boolean", "datetime"]);
    assert.deepEqual(back.toRecords(), records);
    assert.deepEqual(asTable(df).toRecords(), records);
  });

  it("round-trips through CSV", () => {
    const t = Table.fromRecords(records);
    const csv = t.toCSV();
    assert.equal(csv.split("\n")[0], "num,int,cat,bool,when");
    assert.deepEqual(Table.fromCSV(csv).toRecords(), records);
  });

  it("selects, takes, slices and adds columns", () => {
    const t = Table.fromRecords(records);
    assert.deepEqual(t.select(["cat", "num"]).columnNames, ["cat", "num"]);
    assert.deepEqual(t.take([2, 0, 2]).column("cat"), ["b", "a", "b"]);
    assert.equal(t.head(2).nRows, 2);
    assert.deepEqual(t.slice(1).column("int"), Float64Array.from([4, NaN]));
    const u = t.withColumn("num", [7, 8, 9]);
    assert.deepEqual(u.columnNames, t.columnNames);
    assert.equal(u.kind("num"), "integer");
  });

  it("converts numeric columns to a Matrix and back", () => {
    const X = new Matrix([
      [1, 2],
      [3, 4],
    ]);
    const t = Table.fromMatrix(X);
    assert.deepEqual(t.columnNames, ["x0", "x1"]);
    assert.deepEqual(t.toMatrix().to2DArray(), X.to2DArray());
    assert.throws(() => Table.fromRecords(records).toMatrix(["cat"]), /column "cat" is categorical/);
  });

  it("escapes every name and value in HTML", () => {
    const t = Table.fromRecords([{ "<b>col</b>": "<script>alert(1)</script>", "a&b": 1 }]);
    const html = t.toHTML();
    assert.ok(!html.includes("<script>"));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(html.includes("&lt;b&gt;col&lt;/b&gt;"));
    assert.ok(html.includes("a&amp;b"));
  });

  it("shows missing cells as NaN (pandas), or as the escaped naRep given", () => {
    const t = Table.fromRecords([{ x: 1, e: "bad" }, { x: null, e: null }]);
    assert.equal((t.toHTML().match(/<span class="na">NaN<\/span>/g) ?? []).length, 2);
    assert.equal((t.toHTML({ naRep: "" }).match(/<span class="na"><\/span>/g) ?? []).length, 2);
    assert.ok(t.toHTML({ naRep: "<i>" }).includes('<span class="na">&lt;i&gt;</span>'));
  });

  it("shows head and tail of a long table", () => {
    const t = Table.fromColumns({ v: Float64Array.from({ length: 100 }, (_, i) => i) });
    const html = t.toHTML({ maxRows: 4 });
    assert.ok(html.includes("<th>0</th>") && html.includes("<th>99</th>") && !html.includes("<th>50</th>"));
    assert.ok(html.includes("100 rows × 1 columns"));
  });

  it("rejects bad input with the parameter named", () => {
    assert.throws(() => Table.fromRecords([{ a: 1 }]).column("b"), (e: unknown) => e instanceof ParamError && /no column "b"\. Columns: a\./.test(e.message));
    assert.throws(() => new Table([
      { name: "a", kind: "numeric", values: new Float64Array(2) },
      { name: "b", kind: "numeric", values: new Float64Array(3) },
    ]), /column "b" has 3 rows, expected 2/);
    assert.throws(() => Table.fromRecords([{ a: 1 }, 5 as never]), /record 1 is not an object/);
    assert.throws(() => Table.fromColumns({ a: [1, "x"] }, { a: "numeric" }), (e: unknown) => e instanceof DataError && /row 2: "x" is not a number/.test(e.message));
    assert.throws(() => asTable(42 as never, "describe"), /describe: 'data' must be a Table, a danfo DataFrame, an array of records or a Matrix, got 42/);
    assert.throws(() => Table.fromRecords([{ a: 1 }]).take([1]), /row index 1 at position 0 is outside \[0, 1\)/);
  });

  it("formats numbers as pandas shows them", () => {
    assert.equal(formatNumber(3), "3");
    assert.equal(formatNumber(1 / 3), "0.333333");
    assert.equal(formatNumber(1234567.891), "1234570");
    assert.equal(formatNumber(0.00001234), "1.234e-5");
    assert.equal(formatNumber(NaN), "NaN");
  });
});
