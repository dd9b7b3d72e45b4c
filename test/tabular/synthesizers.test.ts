import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { join } from "node:path";
import type { Column } from "../../src/core/column.js";
import { DataError, ParamError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { readCsv } from "../../src/io/csv-file.js";
import { DATA_DIR } from "../../src/io/paths.js";
import { loadTable } from "../../src/io/tables.js";
import { createRng } from "../../src/random/rng.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { constraintFromJSON } from "../../src/tabular/constraints/constraint.js";
import { detectConstraints } from "../../src/tabular/constraints/detect-constraints.js";
import { createSynthesizer, listSynthesizers, loadSynthesizer, type SynthesizerMethod } from "../../src/tabular/create.js";
import { detectMetadata } from "../../src/tabular/detect-metadata.js";
import { GaussianCopulaSynthesizer } from "../../src/tabular/gaussian-copula.js";
import { storageSpec, toCanonical } from "../../src/tabular/storage.js";
import type { TableSynthesizer } from "../../src/tabular/synthesizer.js";

const METHODS = listSynthesizers().map((m) => m.method);

/** A generated mixed table: decimals, integers, categories, yes/no, 0/1, dates as text, Date values, ids, emails, missing values. */
function mixedTable(n: number, seed = 3): Table {
  const rng = createRng(seed);
  const records = [];
  for (let i = 0; i < n; i++) {
    const age = Math.round(rng.uniform(18, 80));
    const income = Math.round((20_000 + 900 * age + rng.normal(0, 8_000)) * 100) / 100;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rng.uniform(0, 900)) * 86_400_000);
    records.push({
      customer_id: `C-${String(i + 1).padStart(6, "0")}`,
      email: `person${i}.${Math.floor(rng.uniform(0, 1e6))}@mail${i % 7}.com`,
      age,
      income: rng.random() < 0.1 ? null : income,
      score: Math.round(rng.beta(2, 5) * 1000) / 1000,
      segment: rng.random() < 0.05 ? null : ["gold", "silver", "bronze"][Math.floor(rng.random() * 3)]!,
      active: rng.random() < 0.7 ? "yes" : "no",
      flag01: rng.random() < 0.3 ? 1 : 0,
      signup: day.toISOString().slice(0, 10).split("-").reverse().join("/"),
      last_seen: new Date(day.getTime() + Math.floor(rng.uniform(0, 86_400)) * 1000),
    });
  }
  return Table.fromRecords(records);
}

function fractionMissing(col: Column): number {
  let m = 0;
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i]!;
    if (col.kind === "categorical" || col.kind === "boolean" ? v < 0 : v !== v) m++;
  }
  return m / col.values.length;
}

function realValues(col: Column): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i]!;
    if (col.kind === "categorical") {
      if (v >= 0) s.add(col.categories[v]!);
    } else if (v === v && v >= 0) s.add(String(v));
  }
  return s;
}

function checkFaithful(real: Table, syn: Table, where: string): void {
  assert.deepEqual(syn.columnNames, real.columnNames, `${where}: columns`);
  assert.deepEqual(syn.columns.map((c) => c.kind), real.columns.map((c) => c.kind), `${where}: kinds`);
  const meta = detectMetadata(real);
  for (const rc of real.columns) {
    const sc = syn.columnInfo(rc.name);
    const sd = meta.columns[rc.name]!.sdtype;
    if (sd === "categorical" || sd === "boolean") {
      const allowed = realValues(rc);
      const got = realValues(sc);
      for (const v of got) assert.ok(allowed.has(v), `${where}: ${rc.name} has ${v}, not a real value`);
    }
    if (rc.kind === "integer") {
      for (const v of sc.values) if (v === v) assert.ok(Number.isInteger(v), `${where}: ${rc.name} has ${v}, not an integer`);
    }
    if ((rc.kind === "numeric" || rc.kind === "integer" || rc.kind === "datetime") && sd !== "id") {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of rc.values) if (v === v) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
      for (const v of sc.values) if (v === v) assert.ok(v >= lo && v <= hi, `${where}: ${rc.name} = ${v} outside [${lo}, ${hi}]`);
    }
  }
}

describe("createSynthesizer / listSynthesizers", () => {
  it("lists the methods and rejects unknown ones and options", () => {
    assert.deepEqual(METHODS, ["gaussian-copula", "cart", "multivariate-normal", "gaussian-mixture", "kde", "smote", "munge", "ctgan", "tvae"]);
    assert.throws(() => createSynthesizer("ctgan-typo" as SynthesizerMethod), (e: Error) => e instanceof ParamError && /unknown method "ctgan-typo". Methods: gaussian-copula/.test(e.message));
    assert.throws(() => createSynthesizer("gaussian-copula", { sed: 1 } as never), /unknown option 'sed'/);
    assert.throws(() => createSynthesizer("gaussian-copula", { defaultDistribution: "cauchy" } as never), /'defaultDistribution' must be one of/);
    assert.throws(() => createSynthesizer("gaussian-copula").sample(3), /not fitted yet: call fit\(data\) first/);
  });
});

describe("every table synthesizer on a mixed table", () => {
  const real = mixedTable(600);
  for (const method of METHODS) {
    it(`${method}: same columns and kinds, real categories, whole integers, real ranges, unique ids, no real emails; JSON round trip`, () => {
      // the neural methods train for a few epochs here: this test checks the table plumbing, test/neural their learning
      const own = method === "gaussian-mixture" ? { nComponents: 3 } : method === "ctgan" || method === "tvae" ? { epochs: 3, batchSize: 100 } : {};
      const s = createSynthesizer(method, { seed: 7, ...own } as never).fit(real);
      const syn = s.sample(800, { seed: 5 });
      assert.equal(syn.nRows, 800);
      checkFaithful(real, syn, method);
      const ids = syn.column("customer_id") as string[];
      assert.equal(new Set(ids).size, 800, "ids unique");
      assert.ok(ids.every((v) => /^C-\d{6}$/.test(v)), `ids keep the format: ${ids[0]}`);
      const realEmails = new Set(real.column("email") as string[]);
      const emails = syn.column("email") as string[];
      assert.ok(emails.every((e) => !realEmails.has(e)), "no real email copied");
      assert.ok(emails.every((e) => /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(e)), `emails look like emails: ${emails[0]}`);
      const signup = syn.column("signup") as string[];
      assert.ok(signup.every((v) => /^\d{2}\/\d{2}\/\d{4}$/.test(v)), `dates written back in the real format: ${signup[0]}`);
      assert.ok((syn.column("active") as string[]).every((v) => v === "yes" || v === "no"), "yes/no labels kept");
      // reproducible, and the same after a JSON round trip
      // block streams: a short draw is the start of a longer one with the same seed (here across a block boundary)
      assert.deepEqual(s.sample(300, { seed: 9 }).toRecords(), s.sample(17_000, { seed: 9 }).slice(0, 300).toRecords());
      const long = s.sample(17_000, { seed: 9 });
      assert.deepEqual(s.sample(16_500, { seed: 9 }).slice(16_000).toRecords(), long.slice(16_000, 16_500).toRecords());
      const loaded = loadSynthesizer(JSON.parse(JSON.stringify(s.toJSON())));
      assert.deepEqual(loaded.sample(300, { seed: 9 }).toRecords(), s.sample(300, { seed: 9 }).toRecords());
      assert.notDeepEqual(s.sample(50, { seed: 1 }).toRecords(), s.sample(50, { seed: 2 }).toRecords());
    });
  }
});

describe("danfo DataFrames and records in, a Table out", () => {
  it("fits a danfo DataFrame and an array of records like the Table they hold", () => {
    const real = mixedTable(200).select(["age", "income", "segment", "active"]);
    const fromTable = createSynthesizer("gaussian-copula", { seed: 1 }).fit(real).sample(50, { seed: 2 });
    const fromDf = createSynthesizer("gaussian-copula", { seed: 1 }).fit(real.toDataFrame()).sample(50, { seed: 2 });
    const fromRecords = createSynthesizer("gaussian-copula", { seed: 1 }).fit(real.toRecords()).sample(50, { seed: 2 });
    assert.deepEqual(fromDf.toRecords(), fromTable.toRecords());
    assert.deepEqual(fromRecords.toRecords(), fromTable.toRecords());
    assert.deepEqual(fromTable.toDataFrame().columns, real.columnNames);
  });
});

describe("missing values", () => {
  it("keeps each column's missing rate within 2 points at 10,000 rows (copula and the wrapped fitters)", () => {
    const rng = createRng(21);
    const n = 3000;
    const t = Table.fromColumns({
      a: Float64Array.from({ length: n }, () => (rng.random() < 0.2 ? NaN : rng.normal(0, 1))),
      b: Float64Array.from({ length: n }, () => (rng.random() < 0.35 ? NaN : Math.round(rng.gamma(2, 3)))),
      c: Array.from({ length: n }, () => (rng.random() < 0.15 ? null : rng.random() < 0.5 ? "x" : "y")),
      d: Float64Array.from({ length: n }, () => rng.uniform(0, 10)),
    });
    for (const method of ["gaussian-copula", "multivariate-normal", "munge"] as const) {
      const syn = createSynthesizer(method, { seed: 1 }).fit(t).sample(10_000, { seed: 2 });
      for (const name of ["a", "b", "c", "d"]) {
        const r = fractionMissing(t.columnInfo(name));
        const s = fractionMissing(syn.columnInfo(name));
        assert.ok(Math.abs(r - s) <= 0.02, `${method} ${name}: real ${r}, synthetic ${s}`);
      }
    }
  });

  it("copula: correlations with a column missing 30% of its values are kept (pairwise-complete, not pulled to 0)", () => {
    const rng = createRng(4);
    const n = 4000;
    const z1 = rng.normal(0, 1, n);
    const e = rng.normal(0, 1, n);
    const a = Float64Array.from(z1, (v) => (rng.random() < 0.3 ? NaN : Math.round(v * 1000) / 1000));
    const b = Float64Array.from(z1, (v, i) => Math.round((0.8 * v + 0.6 * e[i]!) * 1000) / 1000);
    const syn = new GaussianCopulaSynthesizer({ seed: 1 }).fit(Table.fromColumns({ a, b })).sample(20_000, { seed: 2 });
    const corr = (x: Float64Array, y: Float64Array) => {
      const idx = Array.from(x.keys()).filter((i) => x[i] === x[i]);
      const mx = idx.reduce((s, i) => s + x[i]!, 0) / idx.length;
      const my = idx.reduce((s, i) => s + y[i]!, 0) / idx.length;
      let sxy = 0, sxx = 0, syy = 0;
      for (const i of idx) (sxy += (x[i]! - mx) * (y[i]! - my)), (sxx += (x[i]! - mx) ** 2), (syy += (y[i]! - my) ** 2);
      return sxy / Math.sqrt(sxx * syy);
    };
    const r = corr(a, b);
    const got = corr(syn.column("a") as Float64Array, syn.column("b") as Float64Array);
    assert.ok(Math.abs(r - got) < 0.03, `real ${r}, synthetic ${got}`);
  });

  it("keeps wa_churn's missing total_charges at the real rate", () => {
    const real = loadTable("wa_churn");
    const syn = new GaussianCopulaSynthesizer({ seed: 1 }).fit(real).sample(10_000, { seed: 3 });
    const r = fractionMissing(real.columnInfo("total_charges"));
    const s = fractionMissing(syn.columnInfo("total_charges"));
    assert.ok(r > 0 && Math.abs(r - s) <= 0.02, `real ${r}, synthetic ${s}`);
    checkFaithful(real, syn, "wa_churn");
  });
});

describe("seed 002's telecom churn table", () => {
  const real = loadTable("mlc_churn");
  it("detects the four charge rules and keeps them exactly on every synthetic row", () => {
    const found = detectConstraints(real).filter((c) => c.type === "linear");
    const rules = found.map((c) => (c.type === "linear" ? `${c.column}=${c.slope}*${c.from}` : "")).sort();
    assert.deepEqual(rules, [
      "total_day_charge=0.17*total_day_minutes",
      "total_eve_charge=0.085*total_eve_minutes",
      "total_intl_charge=0.27*total_intl_minutes",
      "total_night_charge=0.045*total_night_minutes",
    ]);
    const s = new GaussianCopulaSynthesizer({ seed: 4, constraints: found }).fit(real);
    const syn = s.sample(20_000, { seed: 8 });
    for (const c of found) {
      if (c.type !== "linear") continue;
      const y = syn.column(c.column) as Float64Array;
      const x = syn.column(c.from) as Float64Array;
      for (let i = 0; i < syn.nRows; i++) assert.equal(y[i], Math.round((c.slope * x[i]! + c.intercept) * 100) / 100, `${c.column} row ${i}`);
    }
    checkFaithful(real, syn, "mlc_churn");
  });

  it("conditions hold on every row: 1,000 churned customers on the international plan (copula exactly, munge by rejection)", () => {
    for (const method of ["gaussian-copula", "munge"] as const) {
      const s = createSynthesizer(method, { seed: 2 }).fit(real);
      const syn = s.sample(1000, { seed: 3, conditions: { churn: "yes", international_plan: "yes" } });
      assert.equal(syn.nRows, 1000);
      assert.ok((syn.column("churn") as string[]).every((v) => v === "yes"), method);
      assert.ok((syn.column("international_plan") as string[]).every((v) => v === "yes"), method);
    }
    const s = new GaussianCopulaSynthesizer({ seed: 2 }).fit(real);
    const calls = s.sample(500, { seed: 1, conditions: { number_customer_service_calls: 4, state: "OH" } });
    assert.ok((calls.column("number_customer_service_calls") as Float64Array).every((v) => v === 4), "number_customer_service_calls = 4 on every row");
    assert.ok((calls.column("state") as string[]).every((v) => v === "OH"), "state = OH on every row");
    // the conditional distribution moves: churned customers call service more often (real: 2.25 vs 1.46 calls;
    // a Gaussian copula keeps the direction but only part of this non-linear effect)
    const mean = (t: Table) => {
      const v = t.column("number_customer_service_calls") as Float64Array;
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const yes = mean(s.sample(2000, { seed: 4, conditions: { churn: "yes" } }));
    const no = mean(s.sample(2000, { seed: 4, conditions: { churn: "no" } }));
    assert.ok(yes > no + 0.15, `service calls given churn: yes ${yes}, no ${no}`);
  });

  it("bad conditions get one clear message naming the column", () => {
    const s = new GaussianCopulaSynthesizer({ seed: 2 }).fit(real);
    assert.throws(() => s.sample(5, { conditions: { chrn: "yes" } }), (e: Error) => e instanceof ParamError && /unknown column 'chrn'/.test(e.message));
    assert.throws(() => s.sample(5, { conditions: { state: "XX" } }), /condition on 'state': "XX" never occurs in the real column/);
    assert.throws(() => s.sample(5, { conditions: { churn: "maybe" } }), /condition on 'churn'/);
    assert.throws(() => s.sample(5, { conditions: { total_day_minutes: 1e6 } }), /condition on 'total_day_minutes': 1000000 is outside the real range/);
    assert.throws(() => s.sample(5, { conditions: { account_length: 10.5 } }), /more decimals than the real column/);
  });
});

describe("detected constraints hold on every synthetic row", () => {
  for (const name of ["wa_churn", "ames"] as const) {
    it(`${name}: inequalities and fixed combinations (copula and munge)`, () => {
      const real = loadTable(name);
      const constraints = detectConstraints(real);
      assert.ok(constraints.length >= 3, `${name}: ${JSON.stringify(constraints)}`);
      for (const method of ["gaussian-copula", "munge"] as const) {
        const s = createSynthesizer(method, { seed: 3, constraints });
        s.fit(real);
        const syn = s.sample(3000, { seed: 4 });
        assert.equal(syn.nRows, 3000);
        const canonical = loadSynthesizer(s.toJSON()).sample(3000, { seed: 4 });
        assert.deepEqual(canonical.toRecords(), syn.toRecords(), `${name} ${method}: same rows after loading`);
        const fitted = (s.toJSON().constraints as unknown[]).map((j) => constraintFromJSON(j));
        // constraints read canonical kinds (Y/N text as booleans, ...): check on the synthetic rows in that form
        const meta = s.metadata;
        const canon = new Table(syn.columns.map((c) => toCanonical(c, meta.columns[c.name]!, storageSpec(real.columnInfo(c.name), meta.columns[c.name]!), "test")));
        for (const c of fitted) {
          const ok = c.isValid(canon);
          let bad = 0;
          for (const v of ok) if (!v) bad++;
          assert.equal(bad, 0, `${name} ${method}: ${JSON.stringify(c.spec)} broken on ${bad} rows`);
        }
        if (name === "wa_churn") checkFaithful(real, syn, `${name} ${method}`);
      }
    });
  }
});

describe("avoidCopies", () => {
  it("no synthetic row equals a real row, where the default copies many; JSON keeps it; impossible tables say so", () => {
    const rng = createRng(8);
    const t = Table.fromColumns({
      a: Array.from({ length: 400 }, () => ["x", "y", "z"][Math.floor(rng.random() * 3)]!),
      b: Array.from({ length: 400 }, () => (rng.random() < 0.5 ? "yes" : "no")),
      c: Float64Array.from({ length: 400 }, () => Math.floor(rng.random() * 4)),
      d: Float64Array.from({ length: 400 }, () => Math.floor(rng.random() * 20)),
    });
    const realKeys = new Set(t.toRecords().map((r) => JSON.stringify(r)));
    const copies = (x: Table) => x.toRecords().filter((r) => realKeys.has(JSON.stringify(r))).length;
    for (const method of ["gaussian-copula", "multivariate-normal"] as const) {
      const plain = createSynthesizer(method, { seed: 1 }).fit(t).sample(2000, { seed: 2 });
      assert.ok(copies(plain) > 200, `${method}: ${copies(plain)} copies without avoidCopies`);
      const s = createSynthesizer(method, { seed: 1, avoidCopies: true }).fit(t);
      const safe = s.sample(2000, { seed: 2 });
      assert.equal(safe.nRows, 2000);
      assert.equal(copies(safe), 0, `${method}: copies with avoidCopies`);
      assert.deepEqual(loadSynthesizer(JSON.parse(JSON.stringify(s.toJSON()))).sample(300, { seed: 3 }).toRecords(), s.sample(300, { seed: 3 }).toRecords());
    }
    const tiny = Table.fromColumns({ a: ["x", "y", "x", "y"], b: ["p", "q", "q", "p"] });
    assert.throws(() => createSynthesizer("gaussian-copula", { seed: 1, avoidCopies: true }).fit(tiny).sample(10, { seed: 1 }), /only 0 of the 10 requested met avoidCopies/);
  });
});

describe("bad input", () => {
  it("an empty table, an all-missing column, a metadata kind that does not fit, a violated constraint", () => {
    const s = () => createSynthesizer("gaussian-copula", { seed: 1 });
    assert.throws(() => s().fit(Table.fromRecords([])), (e: Error) => e instanceof DataError);
    assert.throws(() => s().fit(Table.fromColumns({ a: [1, 2, 3], b: [null, null, null] })), /column "b" has no values/);
    const t = Table.fromColumns({ lo: [1, 2, 3, 4], hi: [2, 3, 1, 5], c: ["a", "b", "a", "b"] });
    assert.throws(
      () => createSynthesizer("gaussian-copula", { constraints: [{ type: "inequality", lowColumn: "lo", highColumn: "hi" }] }).fit(t),
      (e: Error) => e instanceof DataError && /row 3/.test(e.message),
    );
    const meta = detectMetadata(t);
    meta.update("c", { sdtype: "numerical" });
    assert.throws(() => createSynthesizer("gaussian-copula", { metadata: meta }).fit(t), /column "c" is declared "numerical" but row 1 holds "a"/);
  });
});

describe("fidelity against an SDV-style copula (test/fixtures/sdv_style_copula.py)", () => {
  for (const name of ["mlc_churn", "wa_churn", "ames"] as const) {
    it(`${name}: Column Shapes and Column Pair Trends at least as high, no exact copies of real rows`, () => {
      const real = loadTable(name);
      const anchor = readCsv(join(DATA_DIR, "..", "..", "test", "fixtures", "tabular", `sdv_copula_${name}.csv.gz`));
      const ours = new GaussianCopulaSynthesizer({ seed: 11 }).fit(real).sample(real.nRows, { seed: 11 });
      const opts = { seed: 1, properties: ["Column Shapes", "Column Pair Trends"] } as const;
      const a = qualityReport(real, anchor, opts as never);
      const b = qualityReport(real, ours, opts as never);
      const prop = (r: typeof a, p: string) => r.properties.find((x: { name: string }) => x.name === p)!.score;
      for (const p of ["Column Shapes", "Column Pair Trends"]) {
        assert.ok(prop(b, p) >= prop(a, p) - 0.005, `${name} ${p}: synthlab ${prop(b, p)} vs SDV-style ${prop(a, p)}`);
      }
      const key = (t: Table) => {
        const recs = t.toRecords();
        return new Set(recs.map((r) => JSON.stringify(r)));
      };
      const realRows = key(real);
      let copies = 0;
      for (const r of ours.toRecords()) if (realRows.has(JSON.stringify(r))) copies++;
      assert.equal(copies, 0, `${name}: exact copies of real rows`);
    });
  }
});

export type { TableSynthesizer };
