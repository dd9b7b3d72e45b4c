import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readCsv, writeCsv } from "../../src/io/csv-file.js";
import { loadDataset, loadDigits, loadIris } from "../../src/io/datasets.js";
import { Table } from "../../src/core/table.js";

describe("bundled datasets", () => {
  it("iris: 150 × 4, 50 per class", () => {
    const d = loadIris();
    assert.deepEqual([d.X.rows, d.X.columns], [150, 4]);
    assert.deepEqual(d.targetNames, ["setosa", "versicolor", "virginica"]);
    assert.deepEqual([0, 1, 2].map((k) => d.y.filter((v) => v === k).length), [50, 50, 50]);
    assert.equal(d.X.get(0, 0), 5.1);
    assert.deepEqual(d.frame.columnNames.at(-1), "target");
  });

  it("digits: 1,797 × 64 pixel values in 0..16", () => {
    const d = loadDigits();
    assert.deepEqual([d.X.rows, d.X.columns], [1797, 64]);
    assert.ok(d.X.max() === 16 && d.X.min() === 0);
  });

  it("wine and breast cancer have their shapes", () => {
    assert.deepEqual([loadDataset("wine").X.rows, loadDataset("wine").X.columns], [178, 13]);
    assert.deepEqual([loadDataset("breast_cancer").X.rows, loadDataset("breast_cancer").featureNames.length], [569, 30]);
  });

  it("lists the known names for an unknown one", () => {
    assert.throws(() => loadDataset("mnist" as never), /loadDataset: unknown dataset "mnist"\. Known: iris, wine, breast_cancer, digits\./);
  });
});

describe("CSV files", () => {
  it("writes and reads back a table", () => {
    const dir = mkdtempSync(join(tmpdir(), "synthlab-"));
    const t = Table.fromRecords([{ a: 1.25, b: "x" }, { a: null, b: "y, z" }]);
    const bytes = writeCsv(t, join(dir, "t.csv"));
    assert.equal(bytes, Buffer.byteLength(t.toCSV()));
    assert.deepEqual(readCsv(join(dir, "t.csv")).toRecords(), t.toRecords());
  });

  it("writes all-number tables byte for byte as toCSV() (the byte fast path), across buffer flushes", () => {
    const dir = mkdtempSync(join(tmpdir(), "synthlab-"));
    const n = 120_000; // > 4 MiB of text: several flushes
    const a = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : i % 89 === 0 ? (i % 2 ? Infinity : -Infinity) : Math.sin(i) * 10 ** ((i % 40) - 20)));
    const b = Float64Array.from({ length: n }, (_, i) => i - 5);
    const t = Table.fromColumns({ a, b }, { b: "integer" });
    for (const options of [{}, { delimiter: ";", naRep: "NA" }, { delimiter: " | ", header: false }, { delimiter: "\t", naRep: "nan" }]) {
      const path = join(dir, "n.csv");
      const bytes = writeCsv(t, path, options);
      const text = t.toCSV(options);
      assert.equal(bytes, Buffer.byteLength(text));
      assert.ok(readFileSync(path, "utf8") === text, JSON.stringify(options));
    }
    // a non-ASCII delimiter or naRep takes the text path, same output
    const small = Table.fromColumns({ x: [1.5, NaN, 3] });
    for (const options of [{ delimiter: "·" }, { naRep: "—" }]) {
      const path = join(dir, "u.csv");
      assert.equal(writeCsv(small, path, options), Buffer.byteLength(small.toCSV(options)));
      assert.equal(readFileSync(path, "utf8"), small.toCSV(options));
    }
    const empty = join(dir, "e.csv");
    writeCsv(Table.fromColumns({ x: new Float64Array(0) }), empty);
    assert.equal(readFileSync(empty, "utf8"), "x\n");
  });

  it("names the file and line of a ragged row", () => {
    const dir = mkdtempSync(join(tmpdir(), "synthlab-"));
    writeFileSync(join(dir, "bad.csv"), "a,b\n1,2\n3,4,5\n");
    assert.throws(() => readCsv(join(dir, "bad.csv")), /readCsv: .*bad\.csv: row 2 \(line 3\) has 3 fields, expected 2/);
    assert.throws(() => readCsv(join(dir, "missing.csv")), /readCsv: cannot read/);
  });
});
