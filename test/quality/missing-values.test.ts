import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { missingValueSimilarity, tvComplement } from "../../src/quality/metrics/tv-complement.js";
import { qualityReport } from "../../src/quality/quality-report.js";

/**
 * SDMetrics' TVComplement, written out: drop missing values, then
 * 1 − ½ Σ_v |f_synthetic(v) − f_real(v)| over the values of either side.
 */
function sdmetricsTv(real: (string | null)[], synthetic: (string | null)[]): number {
  const r = real.filter((v): v is string => v !== null);
  const s = synthetic.filter((v): v is string => v !== null);
  const values = [...new Set([...r, ...s])];
  const f = (x: string[], v: string) => x.filter((y) => y === v).length / x.length;
  return 1 - 0.5 * values.reduce((a, v) => a + Math.abs(f(s, v) - f(r, v)), 0);
}

const real = Table.fromColumns(
  {
    c: ["a", "a", "b", null, "c", "a", null, "b", "a", "c"],
    x: [1, 2, NaN, 4, 5, 6, 7, NaN, NaN, 10],
    k: ["u", "v", "u", "v", "u", "v", "u", "v", "u", "v"],
  },
  { c: "categorical", k: "categorical" },
);
const synthetic = Table.fromColumns(
  {
    c: ["a", "b", "b", "b", null, "a", "d", "a", "c", "c", "a", "b"],
    x: [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN, 11, 12],
    k: ["u", "v", "u", "v", "u", "v", "u", "v", "u", "v", "u", "v"],
  },
  { c: "categorical", k: "categorical" },
);

describe("missing values as SDMetrics counts them", () => {
  it("TVComplement equals SDMetrics' definition on a column with missing values (present values only)", () => {
    const r = real.column("c") as (string | null)[];
    const s = synthetic.column("c") as (string | null)[];
    const expected = sdmetricsTv(r, s);
    assert.ok(Math.abs(tvComplement(real.columnInfo("c"), synthetic.columnInfo("c")) - expected) < 1e-15);
    assert.ok(Math.abs(tvComplement(r, s) - expected) < 1e-15);
    // the old rule (missing a category) differs here
    assert.notEqual(tvComplement(r, s, { missing: "category" }), expected);
    assert.throws(() => tvComplement(r, s, { missing: "nan" as never }), /'missing'/);
    assert.throws(() => tvComplement([null], ["a"]), /'real' has no values/);
  });

  it("MissingValueSimilarity is 1 − |real missing share − synthetic missing share|", () => {
    assert.ok(Math.abs(missingValueSimilarity(real.columnInfo("c"), synthetic.columnInfo("c")) - (1 - Math.abs(2 / 10 - 1 / 12))) < 1e-15);
    assert.ok(Math.abs(missingValueSimilarity(real.columnInfo("x"), synthetic.columnInfo("x")) - (1 - Math.abs(3 / 10 - 1 / 12))) < 1e-15);
    assert.equal(missingValueSimilarity(real.columnInfo("k"), synthetic.columnInfo("k")), 1);
  });

  it("the report compares missing shares apart: a Column Shapes details row (not averaged) and a Validity metric", () => {
    const r = qualityReport(real, synthetic, { seed: 1, properties: ["Column Shapes", "Validity"] });
    const shapes = r.getDetails("Column Shapes");
    const metric = shapes.column("metric") as string[];
    const column = shapes.column("column") as string[];
    const score = shapes.column("score") as Float64Array;
    assert.deepEqual(
      metric.map((m, i) => `${column[i]} ${m}`),
      ["c TVComplement", "c MissingValueSimilarity", "x KSComplement", "x MissingValueSimilarity", "k TVComplement"],
    );
    const main = [0, 2, 4].map((i) => score[i]!);
    assert.ok(Math.abs(r.getScore("Column Shapes") - main.reduce((a, b) => a + b) / 3) < 1e-15);
    assert.ok(Math.abs(score[0]! - sdmetricsTv(real.column("c") as (string | null)[], synthetic.column("c") as (string | null)[])) < 1e-15);
    const validity = r.getDetails("Validity");
    assert.deepEqual((validity.column("metric") as string[]).filter((m) => m === "MissingValueSimilarity").length, 2);
    const vs = validity.column("score") as Float64Array;
    assert.ok(Math.abs(r.getScore("Validity") - Array.from(vs).reduce((a, b) => a + b) / vs.length) < 1e-15);
  });

  it("keeps today's behaviour as an option: missingValues 'category'", () => {
    const r = qualityReport(real, synthetic, { seed: 1, properties: ["Column Shapes", "Validity"], missingValues: "category" });
    const metric = r.getDetails("Column Shapes").column("metric") as string[];
    assert.deepEqual(metric, ["TVComplement", "KSComplement", "TVComplement"]);
    assert.equal((r.getDetails("Column Shapes").column("score") as Float64Array)[0], tvComplement(real.columnInfo("c"), synthetic.columnInfo("c"), { missing: "category" }));
    assert.ok(!(r.getDetails("Validity").column("metric") as string[]).includes("MissingValueSimilarity"));
    assert.throws(() => qualityReport(real, synthetic, { missingValues: "drop" as never }), /'missingValues' must be "separate" or "category", got "drop"/);
  });
});
