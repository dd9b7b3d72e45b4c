import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DataError, ParamError } from "../../src/core/errors.js";
import { splitCsv } from "../../src/core/csv.js";
import { Table } from "../../src/core/table.js";

describe("CSV", () => {
  it("splits quoted fields, doubled quotes, CRLF and embedded newlines", () => {
    assert.deepEqual(splitCsv("t", 'a,b\r\n"x, ""y""",2\r\n"multi\nline",3\n', ","), [
      ["a", "b"],
      ['x, "y"', "2"],
      ["multi\nline", "3"],
    ]);
    assert.deepEqual(splitCsv("t", "a;b\n1;\n", ";"), [["a", "b"], ["1", ""]]);
  });

  it("reads missing values, kinds and dtypes overrides", () => {
    const t = Table.fromCSV("id,score,flag,day\n1,0.5,true,2024-01-01\n2,NA,false,\n3,,True,2024-02-29\n", { dtypes: { id: "categorical" } });
    assert.deepEqual(t.columns.map((c) => c.kind), ["categorical", "numeric", "boolean", "datetime"]);
    assert.deepEqual(Array.from(t.column("score") as Float64Array), [0.5, NaN, NaN]);
    assert.deepEqual(t.column("flag"), [true, false, true]);
  });

  it("reads headerless files with given names", () => {
    const t = Table.fromCSV("1,2\n3,4\n", { header: false, columnNames: ["a", "b"] });
    assert.deepEqual(t.toRecords(), [{ a: 1, b: 2 }, { a: 3, b: 4 }]);
  });

  it("writes values that need quoting, quoted", () => {
    const t = Table.fromRecords([{ s: 'he said "hi", twice', n: 1e-7 }]);
    assert.equal(t.toCSV(), 's,n\n"he said ""hi"", twice",1e-7\n');
    assert.deepEqual(Table.fromCSV(t.toCSV()).toRecords(), t.toRecords());
  });

  it("names the line of a ragged row", () => {
    assert.throws(
      () => Table.fromCSV("a,b,c\n1,2,3\n4,5\n"),
      (e: unknown) => e instanceof DataError && e.message === "Table.fromCSV: row 2 (line 3) has 2 fields, expected 3 (header: a, b, c).",
    );
  });

  it("names the column and row of a value that does not fit its dtype", () => {
    assert.throws(
      () => Table.fromCSV("income\n1\nN/Ax\n", { dtypes: { income: "numeric" } }),
      /column 'income' row 2: "N\/Ax" is not a number \(set naValues to treat it as missing/,
    );
  });

  it("rejects unknown options, duplicate names, a bad delimiter and an unterminated quote", () => {
    assert.throws(() => Table.fromCSV("a\n1\n", { delimeter: ";" } as never), (e: unknown) => e instanceof ParamError && /unknown option 'delimeter'/.test(e.message));
    assert.throws(() => Table.fromCSV("a,a\n1,2\n"), /duplicate column name "a"/);
    assert.throws(() => Table.fromCSV("a\n1\n", { delimiter: "ab" }), /'delimiter' must be one character/);
    assert.throws(() => Table.fromCSV('a\n"1\n'), /unterminated quoted field starting on line 2/);
    assert.throws(() => Table.fromCSV("a\n1\n", { dtypes: { b: "numeric" } }), /dtypes names "b", which is not a column/);
  });

  it("reads numbers written with leading zeros (ids, zip codes) as categorical, keeping the zeros", () => {
    const t = Table.fromCSV("id,zip,amount,delta,mixed\n00123,02139,0,-0.25,12\n00456,10001,0.5,1,007\n");
    assert.deepEqual(t.columns.map((c) => c.kind), ["categorical", "categorical", "numeric", "numeric", "categorical"]);
    assert.deepEqual(t.column("id"), ["00123", "00456"]);
    assert.deepEqual(t.column("zip"), ["02139", "10001"]);
    assert.deepEqual(t.column("mixed"), ["12", "007"]);
    assert.deepEqual(Array.from(t.column("amount") as Float64Array), [0, 0.5]);
    for (const s of ["0", "0.5", "-0.25", "+0.5", "0e3", "10", "-0"]) assert.notEqual(Table.fromCSV(`v\n${s}\n`).kind("v"), "categorical", s);
    for (const s of ["007", "-007", "+01", "00", "00.5", " 0123"]) assert.equal(Table.fromCSV(`v\n${s}\n`).kind("v"), "categorical", s);
    // they round-trip through CSV as text
    assert.equal(t.toCSV().split("\n")[2], "00456,10001,0.5,1,007");
    assert.deepEqual(Table.fromCSV(t.toCSV()).toRecords(), t.toRecords());
  });

  it("reads a leading-zero column as numbers when dtypes says so", () => {
    const t = Table.fromCSV("code\n007\n0100\n", { dtypes: { code: "integer" } });
    assert.deepEqual(t.column("code"), Float64Array.from([7, 100]));
  });

  it("reads ISO dates and date-times (no offset: UTC), and only real dates, as datetime", () => {
    const t = Table.fromCSV("a,b,c\n2024-01-02 03:04:05,2024-02-29,2024-02-30\n2024-01-02T03:04:05.5-01:00,,2024-01-01\n");
    assert.deepEqual(t.columns.map((c) => c.kind), ["datetime", "datetime", "categorical"]);
    assert.deepEqual(t.column("a"), [new Date("2024-01-02T03:04:05Z"), new Date("2024-01-02T04:04:05.500Z")]);
    assert.throws(
      () => Table.fromCSV("c\n2024-02-30\n", { dtypes: { c: "datetime" } }),
      (e: unknown) =>
        e instanceof DataError &&
        e.message ===
          `Table.fromCSV: column 'c' row 1: "2024-02-30" is not a date (set naValues to treat it as missing, or dtypes to read the column as categorical).`,
    );
  });
});
