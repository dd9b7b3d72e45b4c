import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import type { Column } from "../../src/core/column.js";
import { DataError, ParamError, ParamTypeError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { readCsv } from "../../src/io/csv-file.js";
import { createRng, type Rng } from "../../src/random/rng.js";
import { checkConstraintSpec, constraintFromJSON, fitConstraint, type FittedConstraint } from "../../src/tabular/constraints/constraint.js";
import { detectConstraints } from "../../src/tabular/constraints/detect-constraints.js";
import { linearValue } from "../../src/tabular/constraints/linear.js";
import { datetimeResolution, decimalsOf, maxDecimals, roundDecimals } from "../../src/tabular/constraints/shared.js";
import type { ColumnMetadata, Constraint } from "../../src/tabular/types.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DAY = 86_400_000;

/** A real table every constraint below holds on, with the column kinds a synthesizer's canonical table has. */
function realTable(n = 400, seed = 7): Table {
  const rng = createRng(seed);
  const base = Date.UTC(2024, 0, 1);
  const cities = [
    ["Oslo", "NO"],
    ["Bergen", "NO"],
    ["Lyon", "FR"],
    ["Nice", "FR"],
    ["Porto", "PT"],
  ] as const;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const start = base + Math.floor(rng.uniform(0, 365)) * DAY;
    const low = Math.round(rng.uniform(0, 100) * 100) / 100;
    const mid = Math.ceil((low + rng.exponential(5)) * 10) / 10;
    const high = Math.ceil(mid + rng.exponential(3));
    const city = cities[Math.floor(rng.random() * cities.length)]!;
    const minutes = Math.round(rng.uniform(0, 300) * 10) / 10;
    rows.push({
      id: i,
      start: new Date(start),
      end: new Date(start + Math.floor(rng.uniform(0, 30)) * DAY), // equal to start on some rows
      low,
      mid,
      high,
      score: i === 0 ? 0 : i === 1 ? 10 : Math.round(rng.uniform(0, 10) * 10) / 10, // both bounds reached
      amount: i % 10 === 0 ? 0 : Math.round(rng.exponential(50) * 100) / 100,
      loss: 0 - Math.round(rng.exponential(20)), // 0 - 0 is 0, not -0
      price: Math.round(rng.uniform(1, 100) / 0.05) * 5 / 100,
      qty: 5 * Math.round(rng.uniform(0, 20)),
      city: city[0],
      country: city[1],
      member: rng.random() < 0.4,
      minutes,
      charge: linearValue(0.17, 0, 2, minutes),
    });
  }
  return Table.fromRecords(rows);
}

const REAL = realTable();

/** One valid spec per constraint type (and the strict variants). */
const SPECS: Constraint[] = [
  { type: "inequality", lowColumn: "start", highColumn: "end" },
  { type: "inequality", lowColumn: "low", highColumn: "high", strict: true },
  { type: "range", lowColumn: "low", middleColumn: "mid", highColumn: "high" },
  { type: "range", lowColumn: "low", middleColumn: "mid", highColumn: "high", strict: true },
  { type: "scalarRange", column: "score", low: 0, high: 10 },
  { type: "scalarRange", column: "score", low: -0.5, high: 10.5, strict: true },
  { type: "positive", column: "amount" },
  { type: "positive", column: "high", strict: true },
  { type: "negative", column: "loss" },
  { type: "fixedIncrements", column: "price", increment: 0.05 },
  { type: "fixedIncrements", column: "qty", increment: 5 },
  { type: "fixedCombinations", columns: ["city", "country"] },
  { type: "fixedCombinations", columns: ["country", "member", "city"] },
  { type: "linear", column: "charge", from: "minutes", slope: 0.17, intercept: 0, decimals: 2 },
];

/** The model columns a spec's transform creates. */
function createdColumns(spec: Constraint): string[] {
  switch (spec.type) {
    case "inequality":
      return [`${spec.highColumn}#diff`];
    case "range":
      return [`${spec.middleColumn}#diff`, `${spec.highColumn}#diff`];
    case "scalarRange":
      return [`${spec.column}#logit`];
    case "positive":
    case "negative":
      return [`${spec.column}#log`];
    case "fixedIncrements":
      return [`${spec.column}#steps`];
    case "fixedCombinations":
      return [spec.columns.join("#")];
    case "linear":
      return [];
  }
}

function kinds(t: Table): string[] {
  return t.columns.map((c) => `${c.name}:${c.kind}`);
}

/** Replaces every model column the constraint created (or the linear rule's `from`) by arbitrary values. */
function arbitrary(model: Table, real: Table, c: FittedConstraint, rng: Rng): Table {
  const realNames = new Set(real.columnNames);
  const touched = new Set(c.columns);
  const cols = model.columns.map((col): Column => {
    const isNew = !realNames.has(col.name);
    const isFrom = c.spec.type === "linear" && col.name === c.spec.from;
    if (!isNew && !isFrom) return col;
    if (col.kind === "categorical") {
      return { ...col, values: Int32Array.from(rng.integers(0, col.categories.length, model.nRows)) };
    }
    if (col.kind === "integer") return { ...col, values: Float64Array.from(rng.normal(0, 30, model.nRows), Math.round) };
    assert.ok(col.kind === "numeric", `${col.name} is ${col.kind}`);
    return { ...col, values: isFrom ? rng.normal(150, 100, model.nRows) : rng.normal(0, 3, model.nRows) };
  });
  assert.ok([...touched].length > 0);
  return new Table(cols);
}

/** Each value of each number column sits on its real column's grid (decimals, whole numbers, datetime resolution). */
function assertOnGrid(t: Table, real: Table, names: readonly string[]): void {
  for (const name of names) {
    const col = t.columnInfo(name);
    const ref = real.columnInfo(name);
    assert.equal(col.kind, ref.kind, name);
    if (col.kind === "numeric" || col.kind === "integer") {
      const d = col.kind === "integer" ? 0 : maxDecimals(ref.values as Float64Array);
      for (const v of col.values) if (v === v) assert.equal(roundDecimals(v, d), v, `${name}: ${v} has more than ${d} decimals`);
    }
    if (col.kind === "datetime") {
      const r = datetimeResolution(ref.values as Float64Array);
      for (const v of col.values) if (v === v) assert.equal(v % r, 0, `${name}: ${v} is not a multiple of ${r}`);
    }
    if (col.kind === "categorical" && ref.kind === "categorical") assert.deepEqual(col.categories, ref.categories, name);
  }
}

describe("checkConstraintSpec", () => {
  const bad: [unknown, RegExp, new (...args: never[]) => Error][] = [
    [null, /a constraint must be an object/, ParamTypeError],
    ["inequality", /a constraint must be an object/, ParamTypeError],
    [{ type: "inequalty", lowColumn: "a", highColumn: "b" }, /unknown constraint type "inequalty"\. Types: inequality, fixedCombinations, range, scalarRange, positive, negative, fixedIncrements, linear\./, ParamError],
    [{ lowColumn: "a" }, /unknown constraint type undefined/, ParamError],
    [{ type: "inequality", lowColumn: "a" }, /inequality constraint: missing 'highColumn' \(keys: type, lowColumn, highColumn; optional: strict\)\./, ParamError],
    [{ type: "inequality", lowColumn: "a", highColumn: "b", strcit: true }, /inequality constraint: unknown key 'strcit' \(keys: type, lowColumn, highColumn; optional: strict\)\./, ParamError],
    [{ type: "inequality", lowColumn: 3, highColumn: "b" }, /'lowColumn' must be a column name \(a non-empty string\), got 3\./, ParamTypeError],
    [{ type: "inequality", lowColumn: "a", highColumn: "b", strict: "yes" }, /'strict' must be true or false, got "yes"\./, ParamTypeError],
    [{ type: "inequality", lowColumn: "a", highColumn: "a" }, /'lowColumn' and 'highColumn' must name different columns/, ParamError],
    [{ type: "range", lowColumn: "a", middleColumn: "b", highColumn: "a" }, /must name different columns/, ParamError],
    [{ type: "scalarRange", column: "x", low: 5, high: 1 }, /'low' \(5\) must be < 'high' \(1\)/, ParamError],
    [{ type: "scalarRange", column: "x", low: "0", high: 1 }, /'low' must be a finite number, got "0"/, ParamTypeError],
    [{ type: "scalarRange", column: "x", low: 0, high: Infinity }, /'high' must be a finite number, got Infinity/, ParamError],
    [{ type: "positive", column: "" }, /'column' must be a column name/, ParamError],
    [{ type: "fixedIncrements", column: "x", increment: 0 }, /'increment' must be a finite number > 0, got 0/, ParamError],
    [{ type: "fixedCombinations", columns: ["a"] }, /'columns' must be an array of at least 2 distinct column names/, ParamError],
    [{ type: "fixedCombinations", columns: ["a", "a"] }, /at least 2 distinct column names/, ParamError],
    [{ type: "fixedCombinations", columns: "a,b" }, /'columns' must be an array/, ParamTypeError],
    [{ type: "linear", column: "y", from: "x", slope: 1, intercept: 0, decimals: 1.5 }, /'decimals' must be an integer in \[0, 15\], got 1\.5/, ParamError],
    [{ type: "linear", column: "y", from: "y", slope: 1, intercept: 0, decimals: 1 }, /'column' and 'from' must name different columns/, ParamError],
    [{ type: "linear", column: "y", from: "x", slope: 1, decimals: 1 }, /linear constraint: missing 'intercept'/, ParamError],
  ];
  for (const [spec, re, cls] of bad) {
    it(`refuses ${JSON.stringify(spec)}`, () => {
      assert.throws(
        () => checkConstraintSpec(spec, "test"),
        (e: Error) => e instanceof cls && e.message.startsWith("test: ") && re.test(e.message),
      );
    });
  }

  it("returns a clean copy of a valid spec", () => {
    for (const s of SPECS) assert.deepEqual(checkConstraintSpec(s, "test"), s);
    const spec = { type: "fixedCombinations", columns: ["a", "b"] };
    const out = checkConstraintSpec(spec, "test") as { columns: string[] };
    out.columns.push("c");
    assert.deepEqual(spec.columns, ["a", "b"]);
    assert.deepEqual(checkConstraintSpec({ type: "positive", column: "x", strict: undefined }, "t"), { type: "positive", column: "x" });
  });
});

describe("fitConstraint: columns and kinds", () => {
  it("an unknown column is named, with the table's columns listed", () => {
    assert.throws(
      () => fitConstraint({ type: "inequality", lowColumn: "start", highColumn: "ned" }, REAL),
      (e: Error) =>
        e instanceof ParamError &&
        /constraint column 'ned' \(highColumn\) is not in the table\. Columns: id, start, end, low, mid, high, score, /.test(e.message),
    );
    assert.throws(() => fitConstraint({ type: "fixedCombinations", columns: ["city", "contry"] }, REAL), /'contry' \(columns\) is not in the table/);
  });

  it("a column of the wrong kind is named", () => {
    const cases: [Constraint, RegExp][] = [
      [{ type: "inequality", lowColumn: "city", highColumn: "high" }, /inequality needs number or datetime columns, but column 'city' \(lowColumn\) is categorical\./],
      [{ type: "inequality", lowColumn: "start", highColumn: "high" }, /inequality compares columns of one sort: 'start' is datetime but 'high' is integer\./],
      [{ type: "range", lowColumn: "low", middleColumn: "member", highColumn: "high" }, /range needs number or datetime columns, but column 'member' \(middleColumn\) is boolean/],
      [{ type: "scalarRange", column: "city", low: 0, high: 1 }, /scalarRange needs a number or datetime column, but column 'city' \(column\) is categorical/],
      [{ type: "positive", column: "start" }, /positive needs a number column, but column 'start' \(column\) is datetime/],
      [{ type: "fixedIncrements", column: "member", increment: 1 }, /fixedIncrements needs a number column, but column 'member'/],
      [{ type: "fixedCombinations", columns: ["city", "low"] }, /fixedCombinations needs categorical, boolean or integer \(at most 50 distinct values\) columns, but column 'low' \(columns\) is numeric/],
      [{ type: "fixedCombinations", columns: ["city", "id"] }, /column 'id' has more than 50 distinct values; leave it out of the group/],
      [{ type: "linear", column: "charge", from: "start", slope: 1, intercept: 0, decimals: 2 }, /linear needs number columns, but column 'start' \(from\) is datetime/],
    ];
    for (const [spec, re] of cases) {
      assert.throws(() => fitConstraint(spec, REAL, {}, "Synth.fit"), (e: Error) => e instanceof ParamError && e.message.startsWith("Synth.fit: ") && re.test(e.message), JSON.stringify(spec));
    }
  });

  it("a bad spec is refused before the table is looked at", () => {
    assert.throws(() => fitConstraint({ type: "postive", column: "x" } as never, REAL), /unknown constraint type "postive"/);
  });
});

describe("fitConstraint: real rows that break the constraint", () => {
  it("names the constraint, counts the rows and lists the first ones with their values", () => {
    const t = Table.fromRecords([
      { start: new Date("2024-03-01"), end: new Date("2024-03-02") },
      { start: new Date("2024-03-02"), end: new Date("2024-03-01") },
      { start: new Date("2024-03-05"), end: null },
      { start: new Date("2024-03-09T12:30:00Z"), end: new Date("2024-03-09") },
    ]);
    assert.throws(
      () => fitConstraint({ type: "inequality", lowColumn: "start", highColumn: "end" }, t),
      (e: Error) =>
        e instanceof DataError &&
        e.message ===
          "fitConstraint: inequality 'start' <= 'end' is violated by 2 of 4 real rows: row 2 (start 2024-03-02, end 2024-03-01), row 4 (start 2024-03-09T12:30:00.000Z, end 2024-03-09); fix the data or drop the constraint.",
    );
  });

  it("lists at most 5 rows", () => {
    const t = Table.fromColumns({ x: [-1, -2, 3, -4, -5, -6, -7, 8] });
    assert.throws(
      () => fitConstraint({ type: "positive", column: "x" }, t),
      (e: Error) =>
        e instanceof DataError &&
        e.message === "fitConstraint: positive 'x' >= 0 is violated by 6 of 8 real rows: row 1 (x -1), row 2 (x -2), row 4 (x -4), row 5 (x -5), row 6 (x -6), ...; fix the data or drop the constraint.",
    );
  });

  it("every type checks its rule", () => {
    const t = Table.fromColumns({
      a: [1, 5, 3],
      b: [2, 4, 3],
      c: [3, 6, 2],
      m: [0.1, 0.25, 0.3],
      y: [1.7, 3.4, 5.2],
      x: [10, 20, 30],
    });
    const cases: [Constraint, string][] = [
      [{ type: "inequality", lowColumn: "a", highColumn: "b", strict: true }, "inequality 'a' < 'b' is violated by 2 of 3 real rows: row 2 (a 5, b 4), row 3 (a 3, b 3);"],
      [{ type: "range", lowColumn: "a", middleColumn: "b", highColumn: "c" }, "range 'a' <= 'b' <= 'c' is violated by 2 of 3 real rows: row 2 (a 5, b 4, c 6), row 3 (a 3, b 3, c 2);"],
      [{ type: "scalarRange", column: "a", low: 1, high: 5, strict: true }, "scalarRange 1 < 'a' < 5 is violated by 2 of 3 real rows: row 1 (a 1), row 2 (a 5);"],
      [{ type: "negative", column: "a" }, "negative 'a' <= 0 is violated by 3 of 3 real rows"],
      [{ type: "fixedIncrements", column: "m", increment: 0.1 }, "fixedIncrements 'm' in steps of 0.1 is violated by 1 of 3 real rows: row 2 (m 0.25);"],
      [
        { type: "linear", column: "y", from: "x", slope: 0.17, intercept: 0, decimals: 1 },
        "linear 'y' = round(0.17 × 'x' + 0, 1) is violated by 1 of 3 real rows: row 3 (x 30, y 5.2; expected 5.1);",
      ],
    ];
    for (const [spec, text] of cases) {
      assert.throws(
        () => fitConstraint(spec, t),
        (e: Error) => e instanceof DataError && e.message.includes(text) && e.message.endsWith("fix the data or drop the constraint."),
        `${spec.type}: expected ${text}`,
      );
    }
  });

  it("the telecom table's four charge rules hold on every real row", () => {
    const real = readCsv(join(ROOT, "..", "shared", "datasets", "mlc_churn.csv"));
    for (const [part, slope] of [
      ["day", 0.17],
      ["eve", 0.085],
      ["night", 0.045],
      ["intl", 0.27],
    ] as const) {
      const spec: Constraint = { type: "linear", column: `total_${part}_charge`, from: `total_${part}_minutes`, slope, intercept: 0, decimals: 2 };
      const c = fitConstraint(spec, real);
      assert.ok(c.isValid(real).every((v) => v === 1));
      const back = c.reverse(c.transform(real, {}).table);
      assert.deepEqual(back.toRecords(), real.toRecords());
    }
    // another order of operations misses rows: the rule's rounding is pinned
    const x = real.column("total_night_minutes") as Float64Array;
    const y = real.column("total_night_charge") as Float64Array;
    assert.ok(x.some((v, i) => Math.round(v * (0.045 * 100)) / 100 !== y[i]));
  });
});

describe("each constraint type: transform, reverse, isValid, JSON", () => {
  for (const spec of SPECS) {
    const name = JSON.stringify(spec);
    describe(name, () => {
      const c = fitConstraint(spec, REAL);
      const model = c.transform(REAL, Object.fromEntries(REAL.columnNames.map((n) => [n, { sdtype: "numerical" } as ColumnMetadata])));

      it("holds on the real rows; transform replaces the constrained columns in place", () => {
        assert.ok(c.isValid(REAL).every((v) => v === 1));
        assert.deepEqual([...c.columns].sort(), [...new Set(Object.values(spec).flat().filter((v) => typeof v === "string" && REAL.columnNames.includes(v)))].sort());
        const names = model.table.columnNames;
        assert.deepEqual(Object.keys(model.columns), names, "metadata keys follow the table's column order");
        const kept = REAL.columnNames.filter((n) => !c.columns.includes(n));
        for (const n of kept) assert.ok(names.includes(n), `${n} kept`);
        const created = createdColumns(spec);
        assert.deepEqual(names.filter((n) => !REAL.columnNames.includes(n)), created);
        if (spec.type === "linear") assert.ok(!names.includes("charge"));
        // a new column sits where the first column it replaces was
        const first = REAL.columnNames.findIndex((n) => c.columns.includes(n) && !names.includes(n));
        if (created.length && spec.type !== "range" && spec.type !== "fixedCombinations") assert.equal(names.indexOf(created[0]!), first);
        if (spec.type === "fixedCombinations") assert.equal(names.indexOf(created[0]!), Math.min(...spec.columns.map((n) => REAL.columnNames.indexOf(n))));
      });

      it("reverse of transform gives the real table back exactly", () => {
        const back = c.reverse(model.table);
        assert.deepEqual(back.columnNames, REAL.columnNames);
        assert.deepEqual(kinds(back), kinds(REAL));
        assert.deepEqual(back.toRecords(), REAL.toRecords());
      });

      it("reverse of arbitrary model values: every row valid, real kinds, decimals and column order", () => {
        const rng = createRng(11);
        for (let rep = 0; rep < 3; rep++) {
          const syn = c.reverse(arbitrary(model.table, REAL, c, rng));
          assert.deepEqual(syn.columnNames, REAL.columnNames);
          assert.deepEqual(kinds(syn), kinds(REAL));
          const ok = c.isValid(syn);
          const bad = ok.indexOf(0);
          assert.equal(bad, -1, bad >= 0 ? `row ${bad}: ${JSON.stringify(syn.toRecords()[bad])}` : "");
          assertOnGrid(syn, REAL, spec.type === "linear" ? [spec.column] : c.columns);
          for (const n of REAL.columnNames) if (!c.columns.includes(n)) assert.equal(syn.columnInfo(n), model.table.columnInfo(n), `${n} untouched`);
        }
      });

      it("rebuilds from JSON", () => {
        const json = JSON.parse(JSON.stringify(c.toJSON()));
        const back = constraintFromJSON(json);
        assert.deepEqual(back.toJSON(), c.toJSON());
        assert.deepEqual(back.spec, c.spec);
        assert.deepEqual(back.columns, c.columns);
        const syn = arbitrary(model.table, REAL, c, createRng(5));
        assert.deepEqual(back.reverse(syn).toRecords(), c.reverse(syn).toRecords());
        assert.deepEqual(Array.from(back.isValid(REAL)), Array.from(c.isValid(REAL)));
      });
    });
  }

  it("a table without the transformed columns is returned as it is by reverse", () => {
    for (const spec of SPECS) {
      const c = fitConstraint(spec, REAL);
      if (spec.type !== "linear") assert.equal(c.reverse(REAL), REAL, spec.type);
    }
  });

  it("constraintFromJSON refuses what is not a fitted constraint", () => {
    assert.throws(() => constraintFromJSON({ type: "positive" }), (e: Error) => e instanceof ParamTypeError && /expected a fitted constraint's toJSON\(\)/.test(e.message));
    const json = fitConstraint({ type: "positive", column: "amount" }, REAL).toJSON() as Record<string, unknown>;
    assert.throws(() => constraintFromJSON({ ...json, version: 9 }), /unsupported version 9/);
    assert.throws(() => constraintFromJSON({ ...json, state: { layout: "x" } }), /'state\.layout' must be an array/);
    assert.throws(() => constraintFromJSON({ ...json, spec: { type: "positive", column: 1 } }), /'column' must be a column name/);
  });
});

describe("details of reverse", () => {
  it("inequality: rounding that would break the bound is nudged up one step; strict stays strict", () => {
    // low has 3 decimals, high 1: low + 0 rounds below low
    const t = Table.fromColumns({ lo: [1.234, 2.5, 0.05], hi: [1.3, 2.6, 0.1] });
    for (const strict of [false, true]) {
      const c = fitConstraint({ type: "inequality", lowColumn: "lo", highColumn: "hi", strict }, t);
      const m = c.transform(t, {}).table;
      const zero = m.withColumn("hi#diff", [-50, -50, Math.log1p(0.0001)], "numeric");
      const out = c.reverse(zero).column("hi") as Float64Array;
      assert.deepEqual(Array.from(out), strict ? [1.3, 2.6, 0.1] : [1.3, 2.5, 0.1]);
    }
  });

  it("inequality on datetimes: the difference in days; a date-only high column stays on whole days", () => {
    const t = Table.fromRecords([
      { ordered: new Date("2024-01-01T10:15:00Z"), shipped: new Date("2024-01-03") },
      { ordered: new Date("2024-02-01T23:59:00Z"), shipped: new Date("2024-02-02") },
    ]);
    const c = fitConstraint({ type: "inequality", lowColumn: "ordered", highColumn: "shipped" }, t);
    const m = c.transform(t, {}).table;
    const diff = m.column("shipped#diff") as Float64Array;
    assert.ok(Math.abs(diff[0]! - Math.log1p((2 * DAY - 10.25 * 3_600_000) / 60_000)) < 1e-12, "minutes: the finer resolution of the two");
    const out = c.reverse(m.withColumn("shipped#diff", [-3, 2], "numeric"));
    const shipped = out.columnInfo("shipped").values as Float64Array;
    assert.equal(out.kind("shipped"), "datetime");
    assert.deepEqual(Array.from(shipped), [Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 2)]);
    assert.ok(c.isValid(out).every((v) => v === 1));
  });

  it("fixedIncrements: 3 × 0.1 is 0.3; an integer column with increment 0.5 moves in whole steps", () => {
    const t = Table.fromColumns({ p: [0.1, 0.2, 0.7], k: [1, 2, 4] }, { k: "integer" });
    const c = fitConstraint({ type: "fixedIncrements", column: "p", increment: 0.1 }, t);
    const out = c.reverse(c.transform(t, {}).table.withColumn("p#steps", [3, 7.4, -2], "numeric"));
    assert.deepEqual(Array.from(out.column("p") as Float64Array), [0.3, 0.7, -0.2]);
    const k = fitConstraint({ type: "fixedIncrements", column: "k", increment: 0.5 }, t);
    const km = k.transform(t, {}).table;
    assert.deepEqual(Array.from(km.column("k#steps") as Float64Array), [1, 2, 4]);
    assert.deepEqual(Array.from(k.reverse(km.withColumn("k#steps", [3, -1, 0], "integer")).column("k") as Float64Array), [3, -1, 0]);
  });

  it("scalarRange on an integer column: strict bounds keep values strictly inside", () => {
    const t = Table.fromColumns({ n: [1, 2, 3] }, { n: "integer" });
    const c = fitConstraint({ type: "scalarRange", column: "n", low: 0, high: 4, strict: true }, t);
    const out = c.reverse(c.transform(t, {}).table.withColumn("n#logit", [-40, 40, 0], "numeric"));
    assert.deepEqual(Array.from(out.column("n") as Float64Array), [1, 3, 2]);
  });

  it("scalarRange on a datetime column: bounds in epoch ms, values back on whole days", () => {
    const days = [0, 40, 365].map((d) => Date.UTC(2024, 0, 1) + d * DAY);
    const t = Table.fromColumns({ day: days.map((d) => new Date(d)) });
    const spec: Constraint = { type: "scalarRange", column: "day", low: Date.UTC(2024, 0, 1), high: Date.UTC(2024, 11, 31) };
    const c = fitConstraint(spec, t);
    const m = c.transform(t, {}).table;
    assert.deepEqual(Array.from(c.reverse(m).columnInfo("day").values), days);
    const out = c.reverse(m.withColumn("day#logit", createRng(2).normal(0, 4, 3), "numeric"));
    assert.equal(out.kind("day"), "datetime");
    for (const v of out.columnInfo("day").values) assert.ok(v % DAY === 0 && v >= spec.low && v <= spec.high, String(v));
  });

  it("positive strict: a value rounding to 0 becomes the smallest positive value of the grid", () => {
    const t = Table.fromColumns({ v: [0.5, 1.25] });
    const c = fitConstraint({ type: "positive", column: "v", strict: true }, t);
    const out = c.reverse(c.transform(t, {}).table.withColumn("v#log", [-30, Math.log(2)], "numeric"));
    assert.deepEqual(Array.from(out.column("v") as Float64Array), [0.01, 2]);
  });

  it("fixedCombinations: reads the combined column by its labels, missing is a level, integers and booleans come back", () => {
    const t = Table.fromRecords([
      { city: "Oslo", country: "NO", floors: 2, ok: true },
      { city: "Lyon", country: "FR", floors: 3, ok: null },
      { city: null, country: "FR", floors: null, ok: false },
    ]);
    const c = fitConstraint({ type: "fixedCombinations", columns: ["city", "country", "floors", "ok"] }, t);
    const m = c.transform(t, {});
    assert.deepEqual(m.table.columnNames, ["city#country#floors#ok"]);
    assert.deepEqual(m.columns, { "city#country#floors#ok": { sdtype: "categorical" } });
    const col = m.table.columnInfo("city#country#floors#ok");
    assert.ok(col.kind === "categorical");
    assert.deepEqual(col.categories, ['["Oslo","NO",2,true]', '["Lyon","FR",3,null]', '[null,"FR",null,false]']);
    // the model's category list in another order
    const shuffled: Column = { name: col.name, kind: "categorical", categories: [...col.categories].reverse(), values: Int32Array.from([0, 2, 1]) };
    const out = c.reverse(new Table([shuffled]));
    assert.deepEqual(out.toRecords(), [t.toRecords()[2], t.toRecords()[0], t.toRecords()[1]]);
    assert.deepEqual(kinds(out), kinds(t));
    // unseen combinations and missing values
    const other = Table.fromRecords([
      { city: "Oslo", country: "FR", floors: 2, ok: true },
      { city: null, country: "FR", floors: null, ok: false },
      { city: "Oslo", country: "NO", floors: 2, ok: null },
    ]);
    assert.deepEqual(Array.from(c.isValid(other)), [0, 1, 0]);
  });

  it("linear: the column comes back where it was, missing where `from` is missing", () => {
    const t = Table.fromColumns({ charge: [1.7, 3.4, null], other: [1, 2, 3], minutes: [10, 20, null] });
    const c = fitConstraint({ type: "linear", column: "charge", from: "minutes", slope: 0.17, intercept: 0, decimals: 2 }, t);
    const m = c.transform(t, { charge: { sdtype: "numerical" }, other: { sdtype: "numerical" }, minutes: { sdtype: "numerical" } });
    assert.deepEqual(m.table.columnNames, ["other", "minutes"]);
    assert.deepEqual(Object.keys(m.columns), ["other", "minutes"]);
    const back = c.reverse(m.table);
    assert.deepEqual(back.toRecords(), t.toRecords());
  });
});

describe("missing values", () => {
  const t = Table.fromRecords([
    { lo: 1, mid: 2, hi: 3, x: -1, s: 0.5, n: 10 },
    { lo: null, mid: 0, hi: null, x: null, s: null, n: null },
    { lo: 5, mid: null, hi: 4.5, x: 2, s: 1.5, n: 20 },
  ]);

  it("rows with a missing value pass isValid", () => {
    assert.deepEqual(Array.from(fitConstraint({ type: "inequality", lowColumn: "lo", highColumn: "mid" }, t).isValid(t)), [1, 1, 1]);
    const probe = Table.fromColumns({ lo: [null, 2, 1], hi: [0, null, 0] });
    const c = fitConstraint({ type: "inequality", lowColumn: "lo", highColumn: "hi" }, Table.fromColumns({ lo: [1, 2], hi: [3, 4] }));
    assert.deepEqual(Array.from(c.isValid(probe)), [1, 1, 0]);
    assert.deepEqual(Array.from(fitConstraint({ type: "scalarRange", column: "s", low: 0, high: 2 }, t).isValid(t)), [1, 1, 1]);
    assert.deepEqual(Array.from(fitConstraint({ type: "fixedIncrements", column: "n", increment: 10 }, t).isValid(t)), [1, 1, 1]);
  });

  it("range: each comparison of two present values must hold (as SDV)", () => {
    // row 3: mid missing, but lo (5) > hi (4.5)
    assert.throws(() => fitConstraint({ type: "range", lowColumn: "lo", middleColumn: "mid", highColumn: "hi" }, t), /violated by 1 of 3 real rows: row 3 \(lo 5, mid missing, hi 4\.5\)/);
  });

  it("inequality and range with missing values are enforced by rejection only", () => {
    const c = fitConstraint({ type: "inequality", lowColumn: "lo", highColumn: "mid" }, t);
    const meta = { lo: { sdtype: "numerical" }, mid: { sdtype: "numerical" } } as Record<string, ColumnMetadata>;
    const out = c.transform(t, meta);
    assert.equal(out.table, t);
    assert.equal(out.columns, meta);
    assert.equal(c.reverse(t), t);
  });

  it("positive, negative, scalarRange, fixedIncrements: missing values pass through transform and reverse", () => {
    const specs: Constraint[] = [
      { type: "scalarRange", column: "s", low: 0, high: 2 },
      { type: "fixedIncrements", column: "n", increment: 10 },
      { type: "positive", column: "n", strict: true },
      { type: "negative", column: "mid" },
    ];
    const u = Table.fromRecords([
      { s: 0.5, n: 10, mid: -2 },
      { s: null, n: null, mid: null },
    ]);
    for (const spec of specs) {
      const c = fitConstraint(spec, u);
      const back = c.reverse(c.transform(u, {}).table);
      assert.deepEqual(back.toRecords(), u.toRecords(), spec.type);
    }
  });
});

describe("several constraints, as a synthesizer applies them", () => {
  it("fit on the real table, transform in order, reverse backwards: the table and its column order come back", () => {
    const specs = detectConstraints(REAL, { minEvidence: 5 });
    assert.ok(specs.length >= 3, JSON.stringify(specs));
    const meta = Object.fromEntries(REAL.columnNames.map((n) => [n, { sdtype: "numerical" } as ColumnMetadata]));
    const fitted = specs.map((s) => fitConstraint(s, REAL, meta));
    let m = REAL;
    let cols = meta;
    for (const c of fitted) ({ table: m, columns: cols } = c.transform(m, cols));
    let back = m;
    for (let k = fitted.length - 1; k >= 0; k--) back = fitted[k]!.reverse(back);
    assert.deepEqual(back.columnNames, REAL.columnNames);
    assert.deepEqual(back.toRecords(), REAL.toRecords());
  });

  it("a chain a <= b <= c: the one whose low is the other's high comes first, and both transform", () => {
    const t = Table.fromColumns({ a: [1, 2, 3, 4], b: [2, 2, 5, 6], c: [3, 4, 5, 9] });
    const fitted = [
      fitConstraint({ type: "inequality", lowColumn: "b", highColumn: "c" }, t),
      fitConstraint({ type: "inequality", lowColumn: "a", highColumn: "b" }, t),
    ];
    let m = t;
    for (const c of fitted) m = c.transform(m, {}).table;
    assert.deepEqual(m.columnNames, ["a", "b#diff", "c#diff"]);
    const syn = m.withColumn("b#diff", [-1, 0, 1, 2], "numeric").withColumn("c#diff", [2, -5, 0, 1], "numeric");
    let back = syn;
    for (let k = fitted.length - 1; k >= 0; k--) back = fitted[k]!.reverse(back);
    assert.deepEqual(back.columnNames, ["a", "b", "c"]);
    for (const c of fitted) assert.ok(c.isValid(back).every((v) => v === 1));
  });
});

describe("helpers", () => {
  it("decimals of the shortest string", () => {
    assert.deepEqual([1, 1.5, 45.07, 0.1 + 0.2, 1e-7, 1.5e-7, -2.25, 1e21].map(decimalsOf), [0, 1, 2, 17, 7, 8, 2, 0]);
    assert.equal(maxDecimals(Float64Array.from([1, 2.5, NaN, 3.125])), 3);
    assert.equal(maxDecimals(Float64Array.from([0.1 + 0.2, 1.5])), 17);
    assert.equal(datetimeResolution(Float64Array.from([0, DAY, NaN])), DAY);
    assert.equal(datetimeResolution(Float64Array.from([0, DAY + 60_000])), 60_000);
  });
});

describe("doc examples of src/tabular/constraints", () => {
  const names = { Table, fitConstraint, constraintFromJSON, checkConstraintSpec, detectConstraints, linearValue };
  const dir = join(ROOT, "src", "tabular", "constraints");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && !/^\s*\*\/|^\s*\*\s*@\w+/.test(lines[j]!); j++) body.push(lines[j]!.replace(/^\s*\* ?/, ""));
      it(`${file}:${i + 1}`, () => {
        const code = body
          .map((l) => {
            const m = /^(.*?);?\s*\/\/\s*=>\s*(.+)$/.exec(l);
            return m && m[1]!.trim() ? `__expect(${m[1]!.trim()}, ${m[2]!.trim()});` : l;
          })
          .join("\n");
        let asserted = 0;
        const expect = (a: unknown, b: unknown) => {
          asserted++;
          assert.deepEqual(a, b);
        };
        const js = transformSync(code, { loader: "ts", format: "cjs", target: "es2022" }).code;
        new Function(...Object.keys(names), "__expect", js)(...Object.values(names), expect);
        assert.ok(asserted > 0);
      });
    }
  }
});
