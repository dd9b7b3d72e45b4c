import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DataError, ParamError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { applyTreeColumns } from "../../src/fit/decision-tree.js";
import { loadTable } from "../../src/io/tables.js";
import { createRng } from "../../src/random/rng.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { CartSynthesizer } from "../../src/tabular/cart.js";
import { createSynthesizer, loadSynthesizer, type SynthesizerMethod } from "../../src/tabular/create.js";

/** x uniform on 0..99; tier and y deterministic functions of x; z noise; a category with missing values. */
function ruleTable(n: number, seed = 1): Table {
  const rng = createRng(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x = Math.floor(rng.random() * 100);
    rows.push({
      x,
      tier: x < 30 ? "low" : x < 70 ? "mid" : "high",
      y: 2 * x + 1,
      z: Math.round(rng.normal(50, 10) * 10) / 10,
      colour: rng.random() < 0.1 ? null : ["red", "green", "blue"][Math.floor(rng.random() * 3)]!,
    });
  }
  return Table.fromRecords(rows);
}

describe("CartSynthesizer", () => {
  it("learns columns that are deterministic functions of earlier ones exactly", () => {
    const real = ruleTable(2000);
    const syn = new CartSynthesizer({ seed: 1 }).fit(real).sample(3000, { seed: 2 });
    assert.deepEqual(syn.columnNames, real.columnNames, "same columns");
    const recs = syn.toRecords() as { x: number; tier: string; y: number }[];
    for (const [i, r] of recs.entries()) {
      assert.equal(r.tier, r.x < 30 ? "low" : r.x < 70 ? "mid" : "high", `row ${i}: tier of x = ${r.x}`);
      assert.equal(r.y, 2 * r.x + 1, `row ${i}: y of x = ${r.x}`);
    }
  });

  it("keeps categories, missing rates and ranges; reproducible with a seed", () => {
    const real = loadTable("wa_churn");
    const s = createSynthesizer("cart", { seed: 3 }).fit(real);
    const a = s.sample(4000, { seed: 5 });
    const b = s.sample(4000, { seed: 5 });
    const c = s.sample(4000, { seed: 6 });
    assert.deepEqual(a.toRecords(), b.toRecords(), "same seed, same rows");
    assert.notDeepEqual(a.head(50).toRecords(), c.head(50).toRecords(), "another seed, other rows");
    for (const name of real.columnNames) {
      const rc = real.columnInfo(name);
      const sc = a.columnInfo(name);
      assert.equal(sc.kind, rc.kind, `${name}: kind`);
      if (rc.kind === "categorical" && sc.kind === "categorical") {
        for (const lvl of new Set(a.column(name) as unknown[])) assert.ok(lvl === null || rc.categories.includes(String(lvl)), `${name}: level ${String(lvl)} is real`);
      }
      if (rc.kind === "numeric" || rc.kind === "integer") {
        const rv = Array.from(rc.values as Float64Array).filter((v) => v === v);
        const sv = Array.from(sc.values as Float64Array).filter((v) => v === v);
        const lo = Math.min(...rv);
        const hi = Math.max(...rv);
        assert.ok(sv.every((v) => v >= lo && v <= hi), `${name}: inside [${lo}, ${hi}]`);
        const realMiss = 1 - rv.length / real.nRows;
        const synMiss = 1 - sv.length / a.nRows;
        assert.ok(Math.abs(realMiss - synMiss) < 0.01 + 3 * Math.sqrt((realMiss * (1 - realMiss)) / a.nRows), `${name}: missing ${synMiss} vs ${realMiss}`);
        if (realMiss > 0) assert.ok(synMiss > 0, `${name}: has missing values`);
      }
    }
  });

  it("every synthetic value comes from a real donor in the synthetic row's leaf", () => {
    const real = ruleTable(600, 4);
    const s = new CartSynthesizer({ seed: 2, minBucket: 8 }).fit(real);
    const internal = s as unknown as {
      model: { trees: { column: number; predictors: Int32Array; tree: Parameters<typeof applyTreeColumns>[0]; start: Int32Array; count: Int32Array; donors: Float64Array; indicator: number }[] };
      sampleModel(n: number, rng: ReturnType<typeof createRng>): Float64Array[];
    };
    const n = 2000;
    const cols = internal.sampleModel(n, createRng(9));
    for (const t of internal.model.trees) {
      const leaves = applyTreeColumns(t.tree, Array.from(t.predictors, (p) => cols[p]!), n);
      for (let i = 0; i < n; i++) {
        const v = cols[t.column]![i]!;
        if (v !== v) {
          assert.ok(t.indicator >= 0 && cols[t.indicator]![i]! >= 0.5, `column ${t.column} row ${i}: missing only where its indicator says so`);
          continue;
        }
        const pool = t.donors.subarray(t.start[leaves[i]!]!, t.start[leaves[i]!]! + t.count[leaves[i]!]!);
        assert.ok(pool.length >= 8, `leaf of ${pool.length} donors (minBucket 8)`);
        assert.ok(pool.includes(v), `column ${t.column} row ${i}: ${v} is a donor of its leaf`);
      }
    }
  });

  it("a visit sequence changes the order; smoothing moves numbers off the donor values", () => {
    const real = ruleTable(800, 5);
    const s = new CartSynthesizer({ seed: 1, visitSequence: ["tier", "colour", "x", "y", "z"] }).fit(real);
    assert.deepEqual(s.visitOrder, ["tier", "colour", "x", "y", "z"], "visit order");
    const plain = new CartSynthesizer({ seed: 1 }).fit(real).sample(1000, { seed: 1 });
    const smooth = new CartSynthesizer({ seed: 1, smoothing: "density" }).fit(real).sample(1000, { seed: 1 });
    const realZ = new Set(real.column("z") as number[]);
    const newPlain = (plain.column("z") as number[]).filter((v) => !realZ.has(v)).length;
    const newSmooth = (smooth.column("z") as number[]).filter((v) => !realZ.has(v)).length;
    assert.equal(newPlain, 0, "without smoothing every z is a real value");
    assert.ok(newSmooth > 100, `with smoothing ${newSmooth} of 1000 z values are new`);
  });

  it("fits the churn table better than the copula (Column Shapes and Column Pair Trends against the fitted table)", () => {
    const train = loadTable("mlc_churn").head(3000);
    const cart = qualityReport(train, createSynthesizer("cart", { seed: 1 }).fit(train).sample(3000, { seed: 1 }));
    const copula = qualityReport(train, createSynthesizer("gaussian-copula", { seed: 1 }).fit(train).sample(3000, { seed: 1 }));
    const score = (r: typeof cart, name: string): number => r.properties.find((p) => p.name === name)!.score;
    assert.ok(score(cart, "Column Shapes") > score(copula, "Column Shapes"), `shapes ${score(cart, "Column Shapes")} vs ${score(copula, "Column Shapes")}`);
    assert.ok(score(cart, "Column Pair Trends") > score(copula, "Column Pair Trends"), `pairs ${score(cart, "Column Pair Trends")} vs ${score(copula, "Column Pair Trends")}`);
  });

  it("privacy controls: avoidCopies leaves no copy of a real row, and the report's Privacy property shows it", () => {
    const coarse = loadTable("mlc_churn").select(["area_code", "international_plan", "voice_mail_plan", "total_day_calls", "number_customer_service_calls", "churn"]);
    const idx = Array.from({ length: 2000 }, (_, i) => i);
    const train = coarse.take(idx.filter((i) => i % 4 !== 0));
    const holdout = coarse.take(idx.filter((i) => i % 4 === 0));
    const judge = (o: { avoidCopies?: boolean; minBucket?: number }) => {
      const syn = new CartSynthesizer({ seed: 1, ...o }).fit(train).sample(1500, { seed: 2 });
      return qualityReport(train, syn, { holdout, seed: 3, properties: ["Column Shapes", "Privacy"] });
    };
    const plain = judge({});
    const safe = judge({ avoidCopies: true });
    assert.ok(plain.copies!.exactShare > 0.3, `few coarse columns: ${plain.copies!.exactShare} of CART's rows copy a training row`);
    assert.equal(safe.copies!.exactCopies, 0, "avoidCopies: no copies");
    assert.ok(safe.getScore("Privacy") > plain.getScore("Privacy"), `privacy ${safe.getScore("Privacy")} > ${plain.getScore("Privacy")}`);
  });

  it("saves and loads: the same rows from the loaded model", () => {
    const real = ruleTable(500, 6);
    const s = new CartSynthesizer({ seed: 4, smoothing: "density" }).fit(real);
    const back = loadSynthesizer(JSON.parse(JSON.stringify(s.toJSON())));
    assert.equal(back.method, "cart", "method");
    assert.deepEqual(back.sample(700, { seed: 3 }).toRecords(), s.sample(700, { seed: 3 }).toRecords(), "same rows");
  });

  it("rejects bad input with a message that says what to do", () => {
    const real = ruleTable(100);
    assert.throws(() => new CartSynthesizer({ minBucket: 0 }), (e: Error) => e instanceof ParamError && /'minBucket' must be an integer >= 1, got 0/.test(e.message));
    assert.throws(() => new CartSynthesizer({ cp: -1 }), (e: Error) => e instanceof ParamError && /'cp'/.test(e.message));
    assert.throws(() => new CartSynthesizer({ visitSequence: ["x", "y", "x"] }), (e: Error) => e instanceof ParamError && /lists column 'x' twice/.test(e.message));
    assert.throws(() => new CartSynthesizer({ visitSequence: "x" as never }), /'visitSequence' must be an array of column names/);
    assert.throws(() => new CartSynthesizer({ visitSequence: ["x", "tier", "y"] }).fit(real), (e: Error) => e instanceof ParamError && /misses 'z', 'colour'/.test(e.message));
    assert.throws(() => new CartSynthesizer({ visitSequence: ["x", "tier", "y", "z", "colour", "size"] }).fit(real), (e: Error) => e instanceof ParamError && /names 'size', not a column of the table/.test(e.message));
    assert.throws(() => new CartSynthesizer({ minBucket: 60 }).fit(real), (e: Error) => e instanceof DataError && /at least 2 × minBucket = 120 rows/.test(e.message));
    assert.throws(() => createSynthesizer("carts" as SynthesizerMethod), (e: Error) => e instanceof ParamError && /unknown method "carts". Methods: .*cart/.test(e.message));
  });
});
