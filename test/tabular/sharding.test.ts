import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { createRng } from "../../src/random/rng.js";
import { createSynthesizer, listSynthesizers, loadSynthesizer, type SynthesizerMethod } from "../../src/tabular/create.js";
import { BLOCK_ROWS, type TableSynthesizer } from "../../src/tabular/synthesizer.js";

/** A small mixed table: ids, emails, numbers with missing values, categories, yes/no, dates as text. */
function mixedTable(n: number, seed = 5): Table {
  const rng = createRng(seed);
  const records = [];
  for (let i = 0; i < n; i++) {
    const low = Math.round(rng.uniform(0, 50));
    records.push({
      customer_id: `C-${String(i + 1).padStart(6, "0")}`,
      email: `person${i}.${Math.floor(rng.uniform(0, 1e6))}@mail${i % 5}.com`,
      low,
      high: low + Math.round(rng.uniform(1, 30)),
      income: rng.random() < 0.1 ? null : Math.round(rng.normal(50_000, 9_000) * 100) / 100,
      segment: ["gold", "silver", "bronze"][Math.floor(rng.random() * 3)]!,
      active: rng.random() < 0.7 ? "yes" : "no",
      signup: new Date(Date.UTC(2021, 0, 1) + Math.floor(rng.uniform(0, 700)) * 86_400_000).toISOString().slice(0, 10),
    });
  }
  return Table.fromRecords(records);
}

/** Rows [a, b) split into `parts` pieces as `--shard i/N` splits them, each sampled on its own. */
function shardedCsv(s: TableSynthesizer, n: number, parts: number, options: Parameters<TableSynthesizer["sample"]>[1] & { seed: number }): string {
  let out = "";
  for (let i = 0; i < parts; i++) {
    const a = Math.floor((i * n) / parts);
    const b = Math.floor(((i + 1) * n) / parts);
    out += s.sampleRows(a, b - a, options).toCSV({ header: i === 0 });
  }
  return out;
}

const METHODS = listSynthesizers().map((m) => m.method as SynthesizerMethod);
/** Quick settings for the slow methods (the property does not depend on how well a model is trained). */
const QUICK: Partial<Record<string, Record<string, unknown>>> = { ctgan: { epochs: 1, batchSize: 100 }, tvae: { epochs: 1, batchSize: 100 } };
const N = 2 * BLOCK_ROWS + 2_345;

describe("partition-independent sampling: rows are a function of (model, seed, row index)", () => {
  const real = mixedTable(300);
  for (const method of METHODS) {
    it(`${method}: shards for N = 1, 2, 3, 7 concatenate to sample(n) byte for byte`, () => {
      const s = createSynthesizer(method, { seed: 1, ...QUICK[method] } as never).fit(real);
      // the neural methods draw slowly: two blocks and a bit suffice to cross block boundaries
      const n = QUICK[method] ? BLOCK_ROWS + 2_345 : N;
      const whole = s.sample(n, { seed: 9 }).toCSV();
      for (const parts of [1, 2, 3, 7]) assert.equal(shardedCsv(s, n, parts, { seed: 9 }), whole, `${method}: ${parts} shards differ from one draw`);
      // a saved and reloaded model draws the same rows in any range
      const back = loadSynthesizer(JSON.parse(JSON.stringify(s.toJSON())));
      assert.equal(back.sampleRows(BLOCK_ROWS - 10, 20, { seed: 9 }).toCSV(), s.sample(BLOCK_ROWS + 10, { seed: 9 }).slice(BLOCK_ROWS - 10).toCSV(), `${method}: reloaded range differs`);
    });
  }

  it("with rejection (constraints, rejection conditions, avoidCopies) the rows still do not depend on the split", () => {
    // `high` is replaced by the inequality's transform, so its scalarRange is enforced by rejection
    const constraints = [{ type: "inequality" as const, lowColumn: "low", highColumn: "high" }, { type: "scalarRange" as const, column: "high", low: 1, high: Math.max(...(real.column("high") as Float64Array)) }];
    const cases: [string, TableSynthesizer, Parameters<TableSynthesizer["sample"]>[1] & { seed: number }][] = [
      ["copula + constraints", createSynthesizer("gaussian-copula", { seed: 2, constraints }).fit(real), { seed: 4 }],
      ["munge + condition by rejection", createSynthesizer("munge", { seed: 2 }).fit(real), { seed: 4, conditions: { segment: "gold", active: "yes" } }],
      ["kde + avoidCopies", createSynthesizer("kde", { seed: 2, avoidCopies: true }).fit(real), { seed: 4 }],
    ];
    for (const [name, s, options] of cases) {
      const whole = s.sample(N, options);
      assert.equal(whole.nRows, N, `${name}: row count`);
      const csv = whole.toCSV();
      for (const parts of [2, 3, 7]) assert.equal(shardedCsv(s, N, parts, options), csv, `${name}: ${parts} shards differ from one draw`);
    }
  });

  it("sample(n) is a prefix of sample(m > n), and sampleChunks yields one piece per block", () => {
    const s = createSynthesizer("gaussian-copula", { seed: 3 }).fit(real);
    assert.equal(s.sample(BLOCK_ROWS + 5, { seed: 1 }).slice(0, 100).toCSV(), s.sample(100, { seed: 1 }).toCSV(), "prefix");
    const sizes = [...s.sampleChunks(BLOCK_ROWS - 3, BLOCK_ROWS + 10, { seed: 1 })].map((t) => t.nRows);
    assert.deepEqual(sizes, [3, BLOCK_ROWS, 7]);
    const ids = s.sampleRows(BLOCK_ROWS - 1, 3, { seed: 1 }).column("customer_id");
    assert.deepEqual(ids, s.sample(BLOCK_ROWS + 2, { seed: 1 }).slice(BLOCK_ROWS - 1).column("customer_id"), "ids follow the row index");
    assert.equal(new Set(s.sample(N, { seed: 1 }).column("customer_id") as string[]).size, N, "ids are unique");
    assert.equal(s.sampleRows(10, 0, { seed: 1 }).shape.join(), `0,${real.nColumns}`, "an empty range keeps the columns");
  });

  it("a row range needs a seed and valid bounds", () => {
    const s = createSynthesizer("gaussian-copula", { seed: 3 }).fit(real);
    assert.throws(() => s.sampleRows(0, 10, {}), (e: Error) => e instanceof ParamError && /needs the seed \(a number or string\) of the draw/.test(e.message));
    assert.throws(() => s.sampleRows(-1, 10, { seed: 1 }), /'start' must be/);
    assert.throws(() => s.sampleRows(0, 1.5, { seed: 1 }), /'count' must be/);
  });
});
