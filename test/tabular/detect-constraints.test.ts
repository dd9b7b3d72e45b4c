import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ParamError, ParamTypeError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { readCsv } from "../../src/io/csv-file.js";
import { createRng } from "../../src/random/rng.js";
import { fitConstraint } from "../../src/tabular/constraints/constraint.js";
import { detectConstraints } from "../../src/tabular/constraints/detect-constraints.js";
import { expectedViolations } from "../../src/tabular/constraints/detect-inequality.js";
import { linearValue } from "../../src/tabular/constraints/linear.js";
import type { ColumnMetadata, Constraint } from "../../src/tabular/types.js";

const DATASETS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "datasets");
const DAY = 86_400_000;
const r2 = (v: number) => Math.round(v * 100) / 100;

function ofType<T extends Constraint["type"]>(cs: Constraint[], type: T): Extract<Constraint, { type: T }>[] {
  return cs.filter((c): c is Extract<Constraint, { type: T }> => c.type === type);
}

describe("detectConstraints: inequalities", () => {
  const rng = createRng(21);
  const n = 500;
  const a = Array.from({ length: n }, () => r2(rng.uniform(0, 100)));
  const b = a.map((v) => r2(v + rng.exponential(10) + 0.01)); // overlaps a widely, always above
  const c = a.map(() => r2(rng.uniform(1000, 2000))); // above a and b, but the ranges never overlap
  const d = a.map((v, i) => (i % 5 === 0 ? v : r2(v + rng.uniform(0, 3)))); // >= a with ties
  const noise = a.map(() => r2(rng.uniform(0, 100)));
  const table = Table.fromColumns({ a, b, c, d, noise });

  it("finds a planted inequality whose columns overlap, strict when no row is equal", () => {
    const found = detectConstraints(table, { types: ["inequality"] });
    assert.ok(found.some((x) => x.type === "inequality" && x.lowColumn === "a" && x.highColumn === "b" && x.strict === true), JSON.stringify(found));
    const ad = found.find((x) => x.type === "inequality" && x.lowColumn === "a" && x.highColumn === "d");
    assert.deepEqual(ad, { type: "inequality", lowColumn: "a", highColumn: "d" });
  });

  it("does not report pairs whose ranges do not overlap, nor unrelated pairs", () => {
    const found = detectConstraints(table, { types: ["inequality"] });
    assert.ok(!found.some((x) => x.type === "inequality" && (x.highColumn === "c" || x.lowColumn === "c")), JSON.stringify(found));
    assert.ok(!found.some((x) => x.type === "inequality" && (x.highColumn === "noise" || x.lowColumn === "noise")));
    assert.equal(expectedViolations(Float64Array.from(a), Float64Array.from(c)), 0);
  });

  it("evidence is n × P(X_low > X_high) under independence", () => {
    // low uniform on {0, 1, 2, 3}, high the same: P(low > high) = 6/16
    const lo = Float64Array.from({ length: 400 }, (_, i) => i % 4);
    const hi = Float64Array.from({ length: 400 }, (_, i) => Math.floor(i / 100));
    assert.equal(expectedViolations(lo, hi), 400 * (6 / 16));
    // missing rows are left out of both marginals
    assert.equal(expectedViolations(Float64Array.from([0, 5, NaN]), Float64Array.from([1, 2, 3])), (0 + 2) / 2);
  });

  it("minEvidence decides for a barely overlapping pair", () => {
    const x = Array.from({ length: 300 }, (_, i) => i / 10); // 0 .. 29.9
    const y = x.map((v) => r2(v + 25.05)); // 25.05 .. 54.95: the ranges overlap on 25.05 .. 29.9 only
    const t = Table.fromColumns({ x, y });
    const ev = expectedViolations(Float64Array.from(x), Float64Array.from(y));
    assert.ok(ev > 1 && ev < 10, String(ev));
    const types: Constraint["type"][] = ["inequality"];
    assert.deepEqual(detectConstraints(t, { types }), []);
    assert.deepEqual(detectConstraints(t, { types, minEvidence: 1 }), [{ type: "inequality", lowColumn: "x", highColumn: "y", strict: true }]);
  });

  it("drops an inequality implied by two others, and orders the chain so each transform finds its columns", () => {
    const r = createRng(3);
    const x = Array.from({ length: 400 }, () => r2(r.uniform(0, 50)));
    const y = x.map((v) => r2(v + r.exponential(5) + 0.01));
    const z = y.map((v) => r2(v + r.exponential(5) + 0.01));
    const found = detectConstraints(Table.fromColumns({ x, y, z }));
    assert.deepEqual(found, [
      { type: "inequality", lowColumn: "y", highColumn: "z", strict: true },
      { type: "inequality", lowColumn: "x", highColumn: "y", strict: true },
    ]);
  });

  it("finds inequalities between datetimes, and skips ids given in metadata", () => {
    const r = createRng(5);
    const ordered = Array.from({ length: 300 }, () => Date.UTC(2024, 0, 1) + Math.floor(r.uniform(0, 200)) * DAY);
    const shipped = ordered.map((t) => t + Math.floor(r.exponential(4)) * DAY);
    const t = Table.fromRecords(ordered.map((o, i) => ({ ordered: new Date(o), shipped: new Date(shipped[i]!), key: i, later: i + 1 })));
    const found = detectConstraints(t, { types: ["inequality"] });
    assert.deepEqual(found.filter((c) => c.type === "inequality" && c.lowColumn === "ordered"), [{ type: "inequality", lowColumn: "ordered", highColumn: "shipped" }]);
    assert.ok(found.some((c) => c.type === "inequality" && c.lowColumn === "key" && c.highColumn === "later"));
    const meta: Record<string, ColumnMetadata> = { ordered: { sdtype: "datetime" }, shipped: { sdtype: "datetime" }, key: { sdtype: "id" }, later: { sdtype: "numerical" } };
    assert.deepEqual(detectConstraints(t, { types: ["inequality"], columns: meta }), [{ type: "inequality", lowColumn: "ordered", highColumn: "shipped" }]);
  });
});

describe("detectConstraints: linear rules", () => {
  const rng = createRng(8);
  const n = 600;
  const x = Array.from({ length: n }, () => r2(rng.uniform(0, 50)));
  const noisy = x.map((v) => v * 2 + rng.normal(0, 0.3)); // r about 0.9995: close, not exact
  const table = Table.fromColumns({
    x,
    y: x.map((v) => linearValue(1.5, 2, 1, v)),
    z: x.map((v) => linearValue(-0.25, 10, 2, v)),
    noisy,
    count: x.map((v) => Math.round(10 * v)),
  });

  it("finds planted rules with rounding, slope and intercept, and nothing for a close but inexact pair", () => {
    const found = ofType(detectConstraints(table), "linear");
    const byTarget = Object.fromEntries(found.map((c) => [c.column, c]));
    assert.deepEqual(byTarget.y, { type: "linear", column: "y", from: "x", slope: 1.5, intercept: 2, decimals: 1 });
    assert.deepEqual(byTarget.z, { type: "linear", column: "z", from: "x", slope: -0.25, intercept: 10, decimals: 2 });
    assert.deepEqual(byTarget.count, { type: "linear", column: "count", from: "x", slope: 10, intercept: 0, decimals: 0 });
    assert.ok(!("noisy" in byTarget) && !found.some((c) => c.from === "noisy"), JSON.stringify(found));
    assert.equal(found.length, 3);
    for (const c of found) assert.ok(fitConstraint(c, table).isValid(table).every((v) => v === 1));
  });

  it("targets the rounded column: from has fewer decimals", () => {
    const t = Table.fromColumns({ charge: table.column("y") as Float64Array, minutes: x.map((v) => Math.round(v * 10) / 10) });
    const m = t.column("minutes") as Float64Array;
    const charge = Array.from(m, (v) => linearValue(0.17, 0, 2, v));
    const found = ofType(detectConstraints(Table.fromColumns({ charge, minutes: m })), "linear");
    assert.deepEqual(found, [{ type: "linear", column: "charge", from: "minutes", slope: 0.17, intercept: 0, decimals: 2 }]);
  });

  it("no column is the target of two rules, and chains come in an order reverse can follow", () => {
    const a = x;
    const b = a.map((v) => linearValue(2, 0, 2, v));
    const c = b.map((v) => linearValue(3, 1, 2, v));
    const found = ofType(detectConstraints(Table.fromColumns({ a, b, c })), "linear");
    const targets = found.map((f) => f.column);
    assert.equal(new Set(targets).size, targets.length);
    // reverse runs backwards: each rule's `from` exists once the later rules are reversed
    const present = new Set(["a", "b", "c"].filter((n) => !targets.includes(n)));
    for (let k = found.length - 1; k >= 0; k--) {
      assert.ok(present.has(found[k]!.from), JSON.stringify(found));
      present.add(found[k]!.column);
    }
  });
});

describe("detectConstraints: fixed combinations", () => {
  const rng = createRng(4);
  const places = [
    ["Oslo", "Norway", "Europe"],
    ["Bergen", "Norway", "Europe"],
    ["Lyon", "France", "Europe"],
    ["Nice", "France", "Europe"],
    ["Austin", "USA", "America"],
    ["Boston", "USA", "America"],
    ["Lima", "Peru", "America"],
    ["Cusco", "Peru", "America"],
  ] as const;
  const rows = Array.from({ length: 800 }, () => {
    const p = places[Math.floor(rng.random() * places.length)]!;
    return { city: p[0], country: p[1], continent: p[2], color: ["red", "green", "blue"][Math.floor(rng.random() * 3)]!, vip: rng.random() < 0.5 };
  });
  const table = Table.fromRecords(rows);

  it("finds city → country → continent as one group, and leaves independent columns out", () => {
    assert.deepEqual(detectConstraints(table), [{ type: "fixedCombinations", columns: ["city", "country", "continent"] }]);
  });

  it("a group stays within maxCombinations", () => {
    const found = detectConstraints(table, { maxCombinations: 5 });
    // city has 8 levels: it cannot be in a group of at most 5 combinations
    assert.deepEqual(found, [{ type: "fixedCombinations", columns: ["country", "continent"] }]);
  });

  it("0/1 integer columns count as booleans; metadata can say otherwise", () => {
    const t = Table.fromColumns({
      phone: rows.map((_, i) => (i % 3 === 0 ? 0 : 1)),
      lines: rows.map((_, i) => (i % 3 === 0 ? "no phone" : i % 2 ? "one" : "many")),
    });
    assert.deepEqual(detectConstraints(t), [{ type: "fixedCombinations", columns: ["phone", "lines"] }]);
    assert.deepEqual(detectConstraints(t, { columns: { phone: { sdtype: "numerical" }, lines: { sdtype: "categorical" } } }), []);
  });

  it("missing values are a level of their own", () => {
    const t = Table.fromColumns({
      garage: rows.map((_, i) => (i % 4 === 0 ? null : i % 2 ? "attached" : "detached")),
      finish: rows.map((_, i) => (i % 4 === 0 ? null : i % 3 ? "rough" : "finished")),
    });
    const found = detectConstraints(t);
    assert.deepEqual(found, [{ type: "fixedCombinations", columns: ["garage", "finish"] }]);
    const c = fitConstraint(found[0]!, t);
    assert.ok(c.isValid(t).every((v) => v === 1));
  });
});

describe("detectConstraints: options", () => {
  const t = Table.fromColumns({ a: [1, 2, 3], b: [2, 3, 4] });
  it("refuses unknown options and types, and bad values", () => {
    assert.throws(() => detectConstraints(t, { minEvidnce: 3 } as never), (e: Error) => e instanceof ParamError && /unknown option 'minEvidnce'\. Valid options: types, minEvidence, maxCombinations, columns\./.test(e.message));
    assert.throws(() => detectConstraints(t, { types: ["positive"] }), /cannot detect constraint type "positive"; detectable types: linear, inequality, fixedCombinations\./);
    assert.throws(() => detectConstraints(t, { types: "linear" as never }), (e: Error) => e instanceof ParamTypeError);
    assert.throws(() => detectConstraints(t, { minEvidence: 0 }), /'minEvidence' must be > 0/);
    assert.throws(() => detectConstraints(t, { maxCombinations: 1 }), /'maxCombinations' must be an integer >= 2/);
    assert.throws(() => detectConstraints(42 as never), ParamTypeError);
  });

  it("accepts records and tables alike; an empty table has no constraints", () => {
    assert.deepEqual(detectConstraints([{ a: 1 }, { a: 2 }]), []);
    assert.deepEqual(detectConstraints(Table.fromRecords([])), []);
  });
});

describe("detectConstraints on the real tables", () => {
  const tables = ["mlc_churn.csv", "wa_churn.csv", "ames.csv.gz"].map((f) => [f, readCsv(join(DATASETS, f))] as const);

  it("mlc_churn: exactly the four charge rules, and nothing else", () => {
    const real = tables[0]![1];
    const found = detectConstraints(real);
    const rules = (p: string, slope: number): Constraint => ({ type: "linear", column: `total_${p}_charge`, from: `total_${p}_minutes`, slope, intercept: 0, decimals: 2 });
    const sort = (cs: Constraint[]) => [...cs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    assert.deepEqual(sort(ofType(found, "linear")), sort([rules("day", 0.17), rules("eve", 0.085), rules("night", 0.045), rules("intl", 0.27)]));
    assert.deepEqual(sort(found), sort(ofType(found, "linear")), "nothing besides the charge rules");
  });

  for (const [i, name] of ["mlc_churn.csv", "wa_churn.csv", "ames.csv.gz"].entries()) {
    it(`${name}: fast, every constraint holds and fits, and the synthesizer's chain gives the table back`, (t) => {
      const real = tables[i]![1];
      detectConstraints(real); // warm up
      const t0 = performance.now();
      const found = detectConstraints(real);
      const ms = performance.now() - t0;
      t.diagnostic(`${name}: ${found.length} constraints in ${ms.toFixed(0)} ms`);
      for (const c of found) t.diagnostic(`  ${JSON.stringify(c)}`);
      assert.ok(ms < 1000, `${ms} ms`);
      const fitted = found.map((c) => fitConstraint(c, real));
      let m = real;
      let cols: Record<string, ColumnMetadata> = {};
      for (const c of fitted) ({ table: m, columns: cols } = c.transform(m, cols));
      let back = m;
      for (let k = fitted.length - 1; k >= 0; k--) back = fitted[k]!.reverse(back);
      assert.deepEqual(back.columnNames, real.columnNames);
      assert.deepEqual(back.toRecords(), real.toRecords());
    });
  }
});
