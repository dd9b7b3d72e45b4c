import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inspect } from "node:util";
import { Matrix } from "ml-matrix";
import { DataError, ParamError, ParamTypeError } from "../../src/core/errors.js";
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

/** assert.throws with the error class and the exact message. */
function throwsExactly(f: () => unknown, cls: new (...a: never[]) => Error, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof cls, `expected a ${cls.name}, got ${String(e)}`);
    assert.equal((e as Error).message, message);
    return true;
  });
}

describe("Table.dropna", () => {
  const t = Table.fromRecords([
    { a: 1, b: "x", c: true },
    { a: null, b: "y", c: false },
    { a: null, b: null, c: null },
    { a: 4, b: null, c: true },
  ]);

  it("drops rows with any missing cell, or only rows missing everywhere (pandas' how)", () => {
    assert.deepEqual(t.dropna().toRecords(), [{ a: 1, b: "x", c: true }]);
    assert.deepEqual(t.dropna({ how: "any" }).toRecords(), [{ a: 1, b: "x", c: true }]);
    assert.deepEqual(Array.from(t.dropna({ how: "all" }).column("a") as Float64Array), [1, NaN, 4]);
  });

  it("looks only at the subset's columns, and keeps kinds and categories", () => {
    const u = t.dropna({ subset: ["b"] });
    assert.deepEqual(u.column("b"), ["x", "y"]);
    assert.deepEqual(u.columns.map((c) => c.kind), ["integer", "categorical", "boolean"]);
    assert.deepEqual(t.dropna({ subset: ["a", "b"], how: "all" }).column("a"), Float64Array.from([1, NaN, 4]));
    // pandas: an empty subset keeps every row with "any" and drops every row with "all"
    assert.equal(t.dropna({ subset: [] }).nRows, 4);
    assert.equal(t.dropna({ subset: [], how: "all" }).nRows, 0);
    assert.equal(Table.fromRecords([{ a: 1 }]).dropna().nRows, 1);
  });

  it("rejects unknown columns, options and choices", () => {
    throwsExactly(() => t.dropna({ subset: ["a", "z"] }), ParamError, `Table.dropna: 'subset' names "z", which is not a column. Columns: a, b, c.`);
    throwsExactly(() => t.dropna({ subset: "a" as never }), ParamTypeError, `Table.dropna: 'subset' must be an array of column names, got "a".`);
    throwsExactly(() => t.dropna({ how: "some" as never }), ParamError, `Table.dropna: 'how' must be one of "any", "all", got "some".`);
    throwsExactly(() => t.dropna({ subsets: ["a"] } as never), ParamError, "Table.dropna: unknown option 'subsets'. Valid options: subset, how.");
  });
});

describe("Table.fillna", () => {
  const t = Table.fromRecords([
    { n: 1.5, i: 2, c: "a", b: true, d: new Date("2024-01-02T00:00:00Z") },
    { n: null, i: null, c: null, b: null, d: null },
  ]);

  it("fills each column from a record, leaving the others alone", () => {
    const u = t.fillna({ n: -1, i: 0, c: "a", b: false, d: "2024-05-06" });
    assert.deepEqual(u.toRecords()[1], { n: -1, i: 0, c: "a", b: false, d: new Date("2024-05-06T00:00:00Z") });
    assert.deepEqual(u.columns.map((c) => c.kind), t.columns.map((c) => c.kind));
    const cat = u.columnInfo("c");
    assert.deepEqual(cat.kind === "categorical" && cat.categories, ["a"]);
    const v = t.fillna({ n: 0, c: undefined });
    assert.deepEqual(v.column("n"), Float64Array.from([1.5, 0]));
    assert.equal(v.columnInfo("c"), t.columnInfo("c"), "an unnamed column is shared");
    assert.deepEqual(t.fillna({ d: new Date("2025-01-01T12:00:00Z") }).get(1, "d"), new Date("2025-01-01T12:00:00Z"));
    assert.deepEqual(t.column("n"), Float64Array.from([1.5, NaN]), "the table itself is unchanged");
  });

  it("adds a new category label to the categories, only when a cell takes it", () => {
    const u = t.fillna({ c: "missing" });
    assert.deepEqual(u.column("c"), ["a", "missing"]);
    const col = u.columnInfo("c");
    assert.ok(col.kind === "categorical");
    assert.deepEqual(col.categories, ["a", "missing"]);
    const full = Table.fromRecords([{ c: "a" }]);
    assert.equal(full.fillna({ c: "new" }).columnInfo("c"), full.columnInfo("c"));
  });

  it("fills every column with one value that fits them all", () => {
    const u = Table.fromColumns({ x: [1, null], y: [null, 2.5] }).fillna(7);
    assert.deepEqual(u.toRecords(), [{ x: 1, y: 7 }, { x: 7, y: 2.5 }]);
    assert.deepEqual(Table.fromColumns({ s: ["p", null], q: [null, "r"] }).fillna("?").toRecords(), [{ s: "p", q: "?" }, { s: "?", q: "r" }]);
  });

  it("rejects a value that does not fit its column, naming it", () => {
    throwsExactly(() => t.fillna(0), ParamError, "Table.fillna: column \"c\" is categorical and takes a string, got 0. To fill only some columns, pass a { column: value } record.");
    const bad: [Record<string, unknown>, string][] = [
      [{ i: 2.5 }, `column "i" is integer and takes an integer, got 2.5.`],
      [{ n: "1" }, `column "n" is numeric and takes a number, got "1".`],
      [{ n: NaN }, `column "n" is numeric and takes a number, got NaN.`],
      [{ b: 1 }, `column "b" is boolean and takes true or false, got 1.`],
      [{ c: 3 }, `column "c" is categorical and takes a string, got 3.`],
      [{ d: "2024-02-30" }, `column "d" is datetime and takes a Date or an ISO 8601 date string, got "2024-02-30".`],
      [{ d: new Date(NaN) }, `column "d" is datetime and takes a Date or an ISO 8601 date string, got a Date.`],
      [{ n: null }, `column "n" is numeric and takes a number, got null.`],
      [{ z: 1 }, `'values' names "z", which is not a column. Columns: n, i, c, b, d.`],
    ];
    for (const [values, message] of bad) throwsExactly(() => t.fillna(values as never), ParamError, `Table.fillna: ${message}`);
    throwsExactly(() => t.fillna(null), ParamError, "Table.fillna: 'values' must be a fill value or a { column: value } record, got null (a fill value cannot be missing).");
    throwsExactly(() => t.fillna(undefined as never), ParamTypeError, "Table.fillna: 'values' must be a fill value or a { column: value } record, got undefined.");
    throwsExactly(() => t.fillna([0] as never), ParamTypeError, "Table.fillna: 'values' must be a fill value or a { column: value } record, got an array [0].");
  });
});

describe("Table.missingCounts", () => {
  it("counts missing cells of every kind, per column in order", () => {
    assert.deepEqual(Table.fromRecords(records).missingCounts(), { num: 1, int: 1, cat: 1, bool: 1, when: 1 });
    assert.deepEqual(Object.keys(Table.fromRecords(records).missingCounts()), ["num", "int", "cat", "bool", "when"]);
    assert.deepEqual(Table.fromColumns({ a: [1, 2], b: [null, undefined] }).missingCounts(), { a: 0, b: 2 });
  });
});

describe("Table.concat", () => {
  it("stacks blocks with the same columns, in the first table's column order", () => {
    const a = Table.fromRecords(records.slice(0, 2));
    const b = Table.fromRecords(records.slice(2)).select(["when", "bool", "cat", "int", "num"]);
    const t = Table.concat([a, b]);
    assert.deepEqual(t.toRecords(), records);
    assert.deepEqual(t.columns.map((c) => c.kind), ["numeric", "integer", "categorical", "boolean", "datetime"]);
    assert.deepEqual(a.concat(b).toRecords(), records);
    assert.deepEqual(a.concat(records.slice(2)).toRecords(), records, "records are accepted");
    assert.equal(Table.concat([a]), a);
  });

  it("merges categorical columns with different categories by label", () => {
    const a = Table.fromRecords([{ c: "x" }, { c: "y" }, { c: null }]);
    const b = Table.fromRecords([{ c: "z" }, { c: "x" }]);
    const t = Table.concat([a, b, b]);
    const col = t.columnInfo("c");
    assert.ok(col.kind === "categorical");
    assert.deepEqual(col.categories, ["x", "y", "z"]);
    assert.deepEqual(Array.from(col.values), [0, 1, -1, 2, 0, 2, 0]);
    assert.deepEqual(t.column("c"), ["x", "y", null, "z", "x", "z", "x"]);
  });

  it("gives numeric for integer and numeric blocks", () => {
    const t = Table.concat([Table.fromColumns({ x: [1, 2] }), Table.fromColumns({ x: [0.5] })]);
    assert.equal(t.kind("x"), "numeric");
    assert.deepEqual(t.column("x"), Float64Array.from([1, 2, 0.5]));
  });

  it("gives a block whose column is all missing (so inferred numeric) the others' kind", () => {
    const a = Table.fromRecords([{ c: "x", b: true }]);
    const b = Table.fromRecords([{ c: null, b: null }]);
    assert.deepEqual([b.kind("c"), b.kind("b")], ["numeric", "numeric"]);
    for (const t of [Table.concat([a, b]), Table.concat([b, a])]) {
      assert.deepEqual([t.kind("c"), t.kind("b")], ["categorical", "boolean"]);
      assert.deepEqual(t.missingCounts(), { c: 1, b: 1 });
    }
    assert.deepEqual(Table.concat([b, a]).toRecords(), [{ c: null, b: null }, { c: "x", b: true }]);
    assert.equal(Table.concat([b, b]).kind("c"), "numeric");
  });

  it("rejects different columns or kinds, naming the tables", () => {
    const a = Table.fromRecords([{ x: 1, c: "a" }]);
    throwsExactly(() => Table.concat([a, a, a.select(["x"])]), ParamError, "Table.concat: table 2 has columns x, but table 0 has x, c; select or rename columns so they match.");
    throwsExactly(() => a.concat(a.rename({ c: "d" })), ParamError, "Table.concat: table 1 has columns x, d, but table 0 has x, c; select or rename columns so they match.");
    throwsExactly(
      () => Table.concat([a, a.withColumn("c", [true])]),
      ParamError,
      `Table.concat: column "c" is categorical in table 0 but boolean in table 1; convert one of them first (Table.withColumn with a kind).`,
    );
    throwsExactly(() => Table.concat([]), ParamError, "Table.concat: 'tables' must hold at least one table, got [].");
    throwsExactly(() => Table.concat(a as never), ParamTypeError, "Table.concat: 'tables' must be an array of tables, got a Table.");
    throwsExactly(
      () => Table.concat([a, 5 as never]),
      ParamTypeError,
      "Table.concat: 'tables[1]' must be a Table, a danfo DataFrame, an array of records or a Matrix, got 5.",
    );
  });
});

describe("Table.filter", () => {
  const t = Table.fromRecords(records);

  it("keeps the rows where the mask is true or nonzero", () => {
    assert.deepEqual(t.filter([true, false, true]).toRecords(), [records[0], records[2]]);
    assert.deepEqual(t.filter(Uint8Array.from([0, 1, 0])).toRecords(), [records[1]]);
    assert.deepEqual(t.filter(Float64Array.from([0, 0, -2])).column("cat"), ["b"]);
    assert.equal(t.filter([false, false, false]).nRows, 0);
    assert.deepEqual(t.filter([0, 0, 0]).columns.map((c) => c.kind), t.columns.map((c) => c.kind));
  });

  it("rejects a mask of the wrong length or type", () => {
    throwsExactly(() => t.filter([true]), ParamError, "Table.filter: 'mask' has 1 values for 3 rows.");
    throwsExactly(() => t.filter([true, "x", false] as never), ParamTypeError, `Table.filter: mask[1] must be a boolean or a number, got "x".`);
    throwsExactly(() => t.filter([1, NaN, 0]), ParamError, "Table.filter: mask[1] is NaN; a mask holds true / false or 1 / 0.");
    throwsExactly(() => t.filter("yes" as never), ParamTypeError, `Table.filter: 'mask' must be an array of booleans or numbers (one per row), got "yes".`);
  });
});

describe("Table.rename", () => {
  const t = Table.fromRecords([{ a: 1, b: "x", c: true }]);

  it("renames from a record or a function, keeping order and kinds", () => {
    const u = t.rename({ a: "alpha", c: "gamma" });
    assert.deepEqual(u.columnNames, ["alpha", "b", "gamma"]);
    assert.deepEqual(u.toRecords(), [{ alpha: 1, b: "x", gamma: true }]);
    assert.deepEqual(t.rename({ a: "b", b: "a" }).toRecords(), [{ b: 1, a: "x", c: true }]);
    assert.deepEqual(t.rename((n) => `${n}_2`).columnNames, ["a_2", "b_2", "c_2"]);
    assert.deepEqual(t.columnNames, ["a", "b", "c"], "the table itself is unchanged");
  });

  it("rejects unknown columns, clashing and non-string names", () => {
    throwsExactly(() => t.rename({ z: "y" }), ParamError, `Table.rename: 'mapping' names "z", which is not a column. Columns: a, b, c.`);
    throwsExactly(() => t.rename({ a: "c" }), ParamError, `Table.rename: columns "a" and "c" would both be named "c".`);
    throwsExactly(() => t.rename(() => "same"), ParamError, `Table.rename: columns "a" and "b" would both be named "same".`);
    throwsExactly(() => t.rename({ a: 3 } as never), ParamTypeError, `Table.rename: the new name of column "a" must be a string, got 3.`);
    throwsExactly(() => t.rename(null as never), ParamTypeError, "Table.rename: 'mapping' must be a { oldName: newName } record or a function, got null.");
  });
});

describe("Table.toString", () => {
  it("shows every row as pandas does: right-aligned, NaN / None / NaT for missing, the shape last", () => {
    assert.equal(
      Table.fromRecords(records).toString(),
      [
        "    num  int   cat   bool                 when",
        "0   1.5    3     a   True  2024-01-02 00:00:00",
        "1   NaN    4  None  False                  NaT",
        "2  -2.0  NaN     b   None  2024-03-04 05:06:07",
        "",
        "[3 rows x 5 columns]",
      ].join("\n"),
    );
  });

  it("is what console.log and String() print; describeKinds keeps the one-line summary", () => {
    const t = Table.fromRecords(records);
    assert.equal(inspect(t), t.toString());
    assert.equal(String(t), t.toString());
    assert.equal(t.describeKinds(), "Table(3 rows × 5 columns: num: numeric, int: integer, cat: categorical, bool: boolean, when: datetime)");
  });

  it("shows the first and last 5 rows of a longer table around a ... row", () => {
    const t = Table.fromColumns({ v: Float64Array.from({ length: 100 }, (_, i) => i * 1.25), s: Array.from({ length: 100 }, (_, i) => `s${i}`) });
    assert.equal(
      t.toString(),
      [
        "          v    s",
        "0      0.00   s0",
        "1      1.25   s1",
        "2      2.50   s2",
        "3      3.75   s3",
        "4      5.00   s4",
        "...     ...  ...",
        "95   118.75  s95",
        "96   120.00  s96",
        "97   121.25  s97",
        "98   122.50  s98",
        "99   123.75  s99",
        "",
        "[100 rows x 2 columns]",
      ].join("\n"),
    );
    assert.equal(t.toString({ maxRows: 3 }).split("\n").slice(1, 5).join("|"), "0      0.00   s0|1      1.25   s1|...     ...  ...|99   123.75  s99");
    assert.equal(t.toString({ maxRows: Infinity }).split("\n").length, 1 + 100 + 2);
    assert.equal(Table.fromColumns({ v: [1, 2, 3] }).toString({ maxRows: 3 }), "   v\n0  1\n1  2\n2  3\n\n[3 rows x 1 columns]");
  });

  it("shows the first and last columns around a ... column when the text is too wide", () => {
    const cols: Record<string, number[]> = {};
    for (let j = 0; j < 30; j++) cols[`column_${j}`] = [j, j * 1000 + 0.5];
    const text = Table.fromColumns(cols).toString();
    assert.equal(
      text,
      [
        "   column_0  column_1  column_2  column_3  column_4  ...  column_25  column_26  column_27  column_28  column_29",
        "0       0.0       1.0       2.0       3.0       4.0  ...       25.0       26.0       27.0       28.0       29.0",
        "1       0.5    1000.5    2000.5    3000.5    4000.5  ...    25000.5    26000.5    27000.5    28000.5    29000.5",
        "",
        "[2 rows x 30 columns]",
      ].join("\n"),
    );
    assert.ok(text.split("\n").every((l) => l.length <= 120));
    const narrow = Table.fromColumns(cols).toString({ maxWidth: 30 }).split("\n");
    assert.equal(narrow[0], "   column_0  ...  column_29", "at least the first and last column");
  });

  it("formats floats, datetimes and text as pandas", () => {
    const t = Table.fromColumns({
      big: [1234567.891, 1.5, Infinity],
      small: [1e-7, 0.5, -1],
      day: [new Date("2024-01-02T00:00:00Z"), null, new Date("2024-12-31T00:00:00Z")],
      ms: [new Date("2024-01-02T03:04:05.250Z"), new Date("2024-01-02T00:00:00Z"), null],
      text: ["line\nbreak\ttab", "x".repeat(60), null],
    });
    assert.equal(
      t.toString(),
      [
        "            big     small         day                       ms                                                text",
        "0  1.234568e+06   1.0e-07  2024-01-02  2024-01-02 03:04:05.250                                    line\\nbreak\\ttab",
        "1  1.500000e+00   5.0e-01         NaT  2024-01-02 00:00:00.000  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...",
        "2           inf  -1.0e+00  2024-12-31                      NaT                                                None",
        "",
        "[3 rows x 5 columns]",
      ].join("\n"),
    );
    assert.equal(Table.fromColumns({ x: [1 / 3, 2] }).toString({ precision: 2 }), "      x\n0  0.33\n1  2.00\n\n[2 rows x 1 columns]");
    assert.equal(Table.fromColumns({ s: ["abcdefgh"] }).toString({ maxColWidth: 5 }), "       s\n0  ab...\n\n[1 rows x 1 columns]");
  });

  it("shows empty tables", () => {
    assert.equal(new Table([]).toString(), "Empty Table\n\n[0 rows x 0 columns]");
    assert.equal(Table.fromColumns({ a: [], bb: [] }).toString(), "  a  bb\n\n[0 rows x 2 columns]");
  });

  it("rejects unknown options and bad limits", () => {
    const t = Table.fromRecords([{ a: 1 }]);
    throwsExactly(() => t.toString({ maxrows: 3 } as never), ParamError, "Table.toString: unknown option 'maxrows'. Valid options: maxRows, maxWidth, maxColWidth, precision.");
    throwsExactly(() => t.toString({ maxRows: 0 }), ParamError, "Table.toString: 'maxRows' must be an integer >= 1, got 0.");
    throwsExactly(() => t.toString({ precision: 1.5 }), ParamError, "Table.toString: 'precision' must be an integer, got 1.5.");
    throwsExactly(() => t.toString({ precision: 30 }), ParamError, "Table.toString: 'precision' must be <= 20, got 30.");
    throwsExactly(() => t.toString({ maxColWidth: 3 }), ParamError, "Table.toString: 'maxColWidth' must be an integer >= 4, got 3.");
  });
});

describe("Table.fromRecords / fromColumns: ISO date strings", () => {
  it("reads a column of ISO 8601 dates and date-times as datetime (UTC unless an offset is given)", () => {
    const strings = ["2024-01-02", "2024-01-02T03:04:05Z", "2024-01-02 03:04:05", "2024-01-02T03:04:05.250+01:00", "2024-01-02T03:04-0530", null];
    const t = Table.fromRecords(strings.map((when) => ({ when })));
    assert.equal(t.kind("when"), "datetime");
    assert.deepEqual(t.column("when"), [
      new Date("2024-01-02T00:00:00Z"),
      new Date("2024-01-02T03:04:05Z"),
      new Date("2024-01-02T03:04:05Z"),
      new Date("2024-01-02T02:04:05.250Z"),
      new Date("2024-01-02T08:34:00Z"),
      null,
    ]);
    assert.equal(Table.fromColumns({ when: strings }).kind("when"), "datetime");
    assert.equal(Table.fromColumns({ when: ["2024-01-02", new Date(0)] }).kind("when"), "datetime", "Dates and ISO strings mix");
  });

  it("reads date-times without an offset as UTC in any time zone", () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      assert.deepEqual(Table.fromRecords([{ w: "2024-07-01 12:00:00" }]).get(0, "w"), new Date("2024-07-01T12:00:00Z"));
      assert.deepEqual(Table.fromCSV("w\n2024-07-01T12:00:00\n").get(0, "w"), new Date("2024-07-01T12:00:00Z"));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("keeps strings that are not all ISO dates categorical, and explicit kinds win", () => {
    for (const values of [["2024-01-02", "tomorrow"], ["2024-02-30"], ["2024-01-02T25:00"], ["01/02/2024"], ["2024-1-2"], ["2024-01-02", 5]]) {
      assert.equal(Table.fromColumns({ v: values }).kind("v"), "categorical", JSON.stringify(values));
    }
    const t = Table.fromRecords([{ d: "2024-01-02" }], { d: "categorical" });
    assert.equal(t.kind("d"), "categorical");
    assert.deepEqual(t.column("d"), ["2024-01-02"]);
  });
});
