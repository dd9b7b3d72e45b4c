import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe as suite, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { compareDescribe, describe, percentilesInPlace } from "../../src/quality/describe.js";

// Made by test/fixtures/pandas_describe.py (Debian's pandas); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/pandas_describe.json", import.meta.url), "utf8"));
const table = Table.fromRecords(fx.records);

function agree(got: Table, want: { index: string[]; columns: Record<string, (number | null)[]> }) {
  assert.deepEqual(got.column("statistic"), want.index);
  for (const [name, values] of Object.entries(want.columns)) {
    const ours = got.column(name) as Float64Array;
    values.forEach((v, i) => {
      if (v === null) assert.ok(Number.isNaN(ours[i]), `${name} ${want.index[i]}: ${ours[i]} vs NaN`);
      else assert.ok(Math.abs(ours[i]! - v) <= 1e-12 * Math.max(1, Math.abs(v)), `${name} ${want.index[i]}: ${ours[i]} vs pandas ${v}`);
    });
  }
}

suite("describe vs pandas", () => {
  it("agrees with DataFrame.describe() on data with missing values", () => {
    const d = describe(table);
    assert.deepEqual(d.columnNames, ["statistic", "lognormal", "with_nan", "ints", "tiny"]);
    agree(d, fx.describe);
  });
  it("agrees with custom percentiles (50% added, sorted)", () => agree(describe(table, { percentiles: [0.1, 0.9, 0.333] }), fx.describe_pct));
  it("describes categories with include: all", () => {
    const d = describe(table.select(["city"]), { include: "all" });
    assert.deepEqual(d.column("statistic"), ["count", "unique", "top", "freq"]);
    assert.deepEqual(d.column("city"), [String(fx.categorical.count), String(fx.categorical.unique), fx.categorical.top, String(fx.categorical.freq)]);
  });
  it("accepts records and danfo DataFrames", () => {
    const recs = [{ a: 1 }, { a: 2 }, { a: 4 }];
    assert.deepEqual(describe(recs).column("a"), describe(Table.fromRecords(recs).toDataFrame()).column("a"));
  });
});

suite("percentiles", () => {
  it("match a full sort with linear interpolation", () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const sorted = [...x].sort((a, b) => a - b);
    const qs = [0, 0.01, 0.25, 0.5, 0.75, 0.999, 1];
    const got = percentilesInPlace(x.slice(), qs);
    qs.forEach((q, i) => {
      const pos = q * (sorted.length - 1);
      const lo = Math.floor(pos);
      const want = sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
      assert.ok(Math.abs(got[i]! - want) < 1e-15, `q=${q}`);
    });
  });
});

suite("compareDescribe", () => {
  it("lays two tables side by side as Before / After", () => {
    const t = compareDescribe(table.select(["ints", "lognormal"]), table.select(["lognormal"]).head(10), { labels: ["real", "synthetic"] });
    assert.deepEqual(t.columnNames, ["statistic", "lognormal real", "lognormal synthetic"]);
    assert.equal((t.column("lognormal synthetic") as Float64Array)[0], 10);
  });
});

suite("describe bad input", () => {
  it("names what is wrong", () => {
    assert.throws(() => describe([{ s: "x" }]), /describe: no numeric column to describe \(columns: s\); pass include: "all"/);
    assert.throws(() => describe(table, { percentiles: [1.5] }), /percentiles must be in \[0, 1\], got 1\.5/);
    assert.throws(() => describe(table, { include: "object" as never }), /'include' must be one of "number", "all", got "object"/);
    assert.throws(() => describe(table, { percentile: [0.5] } as never), /unknown option 'percentile'/);
    assert.throws(() => describe(42 as never), /describe: 'data' must be a Table/);
    assert.throws(() => compareDescribe([{ a: 1 }], [{ b: 1 }]), /share no described column/);
  });
});

suite("describe on large columns (radix select path)", () => {
  it("gives the same numbers as a full sort and the small-column path", () => {
    // 40,001 values: heavy ties, negatives, ±0, a long tail, infinities and NaN
    const n = 40001;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = (Math.sin(i * 12.9898) * 43758.5453) % 1;
      x[i] = i % 97 === 0 ? NaN : i % 13 === 0 ? Math.round(u * 5) : i % 7 === 0 ? -0 : u * Math.exp(8 * u);
    }
    x[5] = Infinity;
    x[6] = -Infinity;
    const qs = [0, 0.013, 0.25, 0.5, 0.75, 0.9999, 1];
    const d = describe(Table.fromColumns({ x }), { percentiles: qs });
    const got = d.column("x") as Float64Array;
    const finite = Array.from(x).filter((v) => !Number.isNaN(v));
    const sorted = Float64Array.from(finite).sort();
    const labels = d.column("statistic") as string[];
    assert.equal(got[labels.indexOf("count")], finite.length);
    assert.equal(got[labels.indexOf("min")], -Infinity);
    assert.equal(got[labels.indexOf("max")], Infinity);
    const small = percentilesInPlace(Float64Array.from(finite), [0.013, 0.25, 0.5, 0.75, 0.9999]);
    [0.013, 0.25, 0.5, 0.75, 0.9999].forEach((q, i) => {
      const pos = q * (sorted.length - 1);
      const lo = Math.floor(pos);
      const v = got[labels.indexOf(`${Number((q * 100).toPrecision(10))}%`)]!;
      assert.equal(v, small[i], `q=${q}: ${v} vs quickselect ${small[i]}`);
      assert.ok(v >= sorted[lo]! && v <= sorted[lo + 1]!, `q=${q}`);
    });
    // mean and std equal the small path's (same summation order)
    const sub = describe(Table.fromColumns({ y: Float64Array.from(x.subarray(1000, 2000)) }));
    const big = describe(Table.fromColumns({ y: Float64Array.from({ length: 40000 }, (_, i) => x[1000 + (i % 1000)]!) }));
    const [ms, mb] = [(sub.column("y") as Float64Array)[1]!, (big.column("y") as Float64Array)[1]!];
    assert.ok(Number.isFinite(ms) && Math.abs(ms - mb) < 1e-9 * Math.abs(ms), `${ms} vs ${mb}`);
  });
});
