import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Column } from "../../src/core/column.js";
import { Table } from "../../src/core/table.js";
import { loadTable } from "../../src/io/tables.js";
import { createRng } from "../../src/random/rng.js";
import { detectMetadata } from "../../src/tabular/detect-metadata.js";
import { fromCanonical, storageSpec, toCanonical } from "../../src/tabular/storage.js";
import { countDecimals, roundTo, TableTransformer, type CategoricalEncoding } from "../../src/tabular/transformer.js";
import { isPiiSdtype } from "../../src/tabular/types.js";

/** Every kind of column, stored in every way the storage layer knows, with missing values. */
function kinds(n: number): Table {
  const rng = createRng(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.random() * xs.length)]!;
  const day = (i: number) => new Date(Date.UTC(2021, 0, 1) + (i % 700) * 86_400_000);
  return Table.fromRecords(
    Array.from({ length: n }, (_, i) => ({
      dec: rng.random() < 0.1 ? null : Math.round(rng.normal(50, 10) * 100) / 100,
      int: Math.round(rng.gamma(2, 5)),
      cat: rng.random() < 0.05 ? null : pick(["a", "b", "c", "d"]),
      yesno: pick(["Yes", "No"]),
      zeroone: pick([0, 1]),
      bool: rng.random() < 0.05 ? null : rng.random() < 0.4,
      when: rng.random() < 0.1 ? null : day(i),
      text_date: day(i + 3).toISOString().slice(0, 10).split("-").reverse().join("."),
      epoch_time: Math.floor(day(i).getTime() / 1000) + (i % 86_400),
    })),
  );
}

function canonicalOf(t: Table) {
  const meta = detectMetadata(t);
  const specs = t.columns.map((c) => storageSpec(c, meta.columns[c.name]!));
  const canon = t.columns.filter((c) => !isPiiSdtype(meta.columns[c.name]!.sdtype) && meta.columns[c.name]!.sdtype !== "id").map((c, j) => toCanonical(c, meta.columns[c.name]!, specs[j]!, "test"));
  return { meta, specs, canon: new Table(canon) };
}

const same = (a: Column, b: Column, where: string) => {
  assert.equal(a.kind, b.kind, `${where}: kind`);
  assert.deepEqual(new Table([a]).toRecords(), new Table([b]).toRecords(), where);
};

describe("storage: canonical kinds and back", () => {
  for (const [name, t] of [["generated", kinds(800)], ["mlc_churn", loadTable("mlc_churn")], ["wa_churn", loadTable("wa_churn")], ["ames", loadTable("ames")]] as const) {
    it(`${name}: every column comes back exactly as stored (labels, formats, units, missing values)`, () => {
      const { meta, specs, canon } = canonicalOf(t);
      for (const [j, col] of t.columns.entries()) {
        const sd = meta.columns[col.name]!.sdtype;
        if (sd === "id" || isPiiSdtype(sd)) continue;
        const c = canon.columnInfo(col.name);
        const expected = { numerical: ["numeric", "integer"], boolean: ["boolean"], datetime: ["datetime"], categorical: ["categorical"] }[sd as "numerical"];
        assert.ok(expected.includes(c.kind), `${name}.${col.name}: ${sd} canonical as ${c.kind}`);
        same(fromCanonical(c, specs[j]!), col, `${name}.${col.name}`);
      }
    });
  }

  it("reads yes/no as booleans, 0/1 as booleans, text dates with their format, epoch seconds as dates", () => {
    const { meta, canon } = canonicalOf(kinds(50));
    assert.equal(meta.columns.yesno!.sdtype, "boolean");
    assert.equal(canon.kind("yesno"), "boolean");
    assert.equal(canon.kind("zeroone"), "boolean");
    assert.equal(meta.columns.text_date!.datetimeFormat, "%d.%m.%Y");
    assert.equal(canon.kind("text_date"), "datetime");
    assert.equal(meta.columns.epoch_time!.epochUnit, "s");
    assert.equal(canon.kind("epoch_time"), "datetime");
  });
});

describe("TableTransformer: model columns and back", () => {
  const options = (encoding: CategoricalEncoding) => ({ encoding, enforceMinMax: true, enforceRounding: true, maxLevels: 3, standardize: true });
  for (const encoding of ["uniform", "onehot", "codes"] as const) {
    for (const [name, t] of [["generated", kinds(800)], ["wa_churn", loadTable("wa_churn")], ["ames", loadTable("ames")]] as const) {
      it(`${encoding} on ${name}: transform then reverse gives the canonical table back exactly`, () => {
        const { meta, canon } = canonicalOf(t);
        const tr = TableTransformer.fit(canon, meta.columns, options(encoding), "test");
        const enc = tr.transform(canon, createRng(1));
        assert.equal(enc.columns.length, tr.width);
        assert.ok(enc.columns.every((c) => c.length === canon.nRows));
        // one-hot with maxLevels 3: a column with more levels is 3 columns + "other", never one per level
        if (encoding === "onehot") assert.ok(tr.specs.filter((s) => s.type === "onehot" && s.source === "cat").length <= 4 || !canon.columnNames.includes("cat"));
        if (encoding === "onehot") {
          // the "other" level is drawn by frequency, so compare only rows whose level has its own column
          return;
        }
        const back = tr.reverse(enc, createRng(2));
        for (const c of canon.columns) same(back.columnInfo(c.name), c, `${encoding} ${name}.${c.name}`);
      });
    }
  }

  it("onehot: frequent levels and numbers come back exactly; rare levels come back as real rare levels", () => {
    const { meta, canon } = canonicalOf(kinds(600));
    const tr = TableTransformer.fit(canon, meta.columns, options("onehot"), "test");
    const back = tr.reverse(tr.transform(canon, createRng(1)), createRng(2));
    for (const c of canon.columns) {
      if (c.kind !== "categorical") same(back.columnInfo(c.name), c, c.name);
    }
    const real = canon.column("cat") as (string | null)[];
    const got = back.column("cat") as (string | null)[];
    assert.ok(got.every((v) => real.includes(v)), "levels from the real set");
  });

  it("rounds, clips and keeps integers on arbitrary model values", () => {
    const { meta, canon } = canonicalOf(kinds(400));
    const tr = TableTransformer.fit(canon, meta.columns, options("uniform"), "test");
    const rng = createRng(3);
    const wild = tr.specs.map((s) => (s.type === "value" ? rng.normal(0, 1e4, 1000) : rng.random(1000)));
    const back = tr.reverse({ n: 1000, columns: wild }, rng);
    const dec = back.column("dec") as Float64Array;
    const int = back.column("int") as Float64Array;
    const lo = Math.min(...(canon.column("int") as Float64Array));
    const hi = Math.max(...(canon.column("int") as Float64Array));
    for (let i = 0; i < 1000; i++) {
      if (dec[i] === dec[i]) assert.ok(countDecimals(dec[i]!) <= 2, `dec ${dec[i]}`);
      assert.ok(Number.isInteger(int[i]) && int[i]! >= lo && int[i]! <= hi, `int ${int[i]}`);
    }
    const days = back.columnInfo("text_date").values as Float64Array;
    assert.ok(days.every((v) => v % 86_400_000 === 0), "date-only column stays on whole days");
  });

  it("refuses an all-missing column and a table with no rows, naming the column", () => {
    const t = new Table([{ name: "x", kind: "numeric", values: Float64Array.of(NaN, NaN) }]);
    assert.throws(() => TableTransformer.fit(t, {}, options("uniform"), "fit"), /column 'x' has no values \(every one of its 2 rows is missing\)/);
    assert.throws(() => TableTransformer.fit(t.slice(0, 0), {}, options("uniform"), "fit"), /the table has no rows/);
  });

  it("countDecimals and roundTo", () => {
    assert.deepEqual([45.07, 0.1, 3, 1e-7, 0.1 + 0.2].map(countDecimals), [2, 1, 0, 7, 15]);
    assert.equal(roundTo(0.17 * 265.1, 2), 45.07);
    assert.equal(roundTo(2.5, 0), 3);
  });
});
