import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chisquare, createRng, field, rules, Table, type Rng } from "../../src/index.js";

const num = (t: Table, c: string) => t.column(c) as Float64Array;
const cells = (t: Table, c: string) => t.column(c) as unknown[];

function ranks(x: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const r = new Float64Array(x.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]!] === x[idx[i]!]) j++;
    for (let k = i; k <= j; k++) r[idx[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]! / n; mb += b[i]! / n; }
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}
const spearman = (a: ArrayLike<number>, b: ArrayLike<number>) => pearson(ranks(a), ranks(b));

describe("rules: seed 003's generator", () => {
  const seed003 = rules({ age: field.integers(18, 70), income: field.integers(30000, 150000), purchased: field.choice([0, 1]) });

  it("has the spec's columns, kinds and ranges (both ends included)", () => {
    const t = seed003.sample(20000, { seed: 11 });
    assert.deepEqual(t.shape, [20000, 3], "shape");
    assert.deepEqual(t.columns.map((c) => c.kind), ["integer", "integer", "integer"], "kinds");
    const age = num(t, "age");
    assert.ok(age.every((v) => Number.isInteger(v) && v >= 18 && v <= 70), "age in [18, 70]");
    assert.equal(Math.min(...age), 18, "low end reached");
    assert.equal(Math.max(...age), 70, "high end reached");
    assert.ok(num(t, "income").every((v) => Number.isInteger(v) && v >= 30000 && v <= 150000), "income in range");
    assert.ok(num(t, "purchased").every((v) => v === 0 || v === 1), "purchased 0/1");
  });

  it("same seed, same table; another seed, another table; calls without a seed differ but replay from the generator's seed", () => {
    const a = seed003.sample(500, { seed: 5 });
    const b = seed003.sample(500, { seed: 5 });
    const c = seed003.sample(500, { seed: 6 });
    assert.deepEqual(a.toRecords(), b.toRecords(), "same seed");
    assert.notDeepEqual(num(a, "age"), num(c, "age"), "different seed");
    const g1 = rules({ x: field.integers(0, 1000) }, { seed: 9 });
    const g2 = rules({ x: field.integers(0, 1000) }, { seed: 9 });
    const first = num(g1.sample(50), "x");
    assert.notDeepEqual(num(g1.sample(50), "x"), first, "a second call continues the stream");
    assert.deepEqual(num(g2.sample(50), "x"), first, "the generator's seed replays");
  });

  it("pins the streams: each field draws from child 2 + i of the run's root", () => {
    const t = seed003.sample(4, { seed: 11 });
    const children = createRng(11).spawn(5);
    assert.deepEqual(num(t, "age"), children[2]!.integers(18, 71, 4), "age: child 2");
    assert.deepEqual(num(t, "income"), children[3]!.integers(30000, 150001, 4), "income: child 3");
    assert.deepEqual(num(t, "purchased"), children[4]!.integers(0, 2, 4), "purchased: child 4");
    const longer = rules({ age: field.integers(18, 70), income: field.integers(30000, 150000), purchased: field.choice([0, 1]), extra: field.uuid() }).sample(4, { seed: 11 });
    assert.deepEqual(longer.select(["age", "income", "purchased"]).toRecords(), t.toRecords(), "appending a field leaves the others unchanged");
  });

  it("chunks put together equal sample(n)", () => {
    const g = rules({ id: field.sequence(), x: field.normal(0, 1), c: field.choice(["a", "b", "c"], { p: [1, 2, 3] }), d: field.derive((row: { x: number }) => row.x * 2) });
    const whole = g.sample(1050, { seed: 4 });
    const parts = [...g.chunks(1050, { chunkSize: 400, seed: 4 })];
    assert.deepEqual(parts.map((p) => p.nRows), [400, 400, 250], "chunk sizes");
    assert.deepEqual(Table.concat(parts).toRecords(), whole.toRecords(), "same rows");
  });
});

describe("rules: field kinds", () => {
  const g = rules({
    n: field.distribution("gamma", { shape: 2, scale: 3 }),
    k: field.distribution("poisson", { lam: 4 }),
    u: field.uniform(5, 6, { decimals: 2 }),
    z: field.normal(0, 1, { clip: [-1, 1] }),
    b: field.boolean(0.3),
    c: field.constant("x"),
    day: field.date("2024-02-27", "2024-03-02"),
    at: field.datetime("2024-01-01T08:00", "2024-01-01T09:00", { unit: "minute" }),
    seq: field.sequence({ start: 100, step: 10 }),
    code: field.sequence({ prefix: "C-", width: 4 }),
    id: field.uuid(),
    ord: field.pattern("ORD-####"),
    uniq: field.pattern("??##", { unique: true }),
    esc: field.pattern("\\#-#"),
  });
  const t = g.sample(2000, { seed: 1 });

  it("draws every kind within its declared range and type", () => {
    assert.equal(t.kind("n"), "numeric", "gamma numeric");
    assert.ok(num(t, "n").every((v) => v > 0), "gamma > 0");
    assert.equal(t.kind("k"), "integer", "poisson integer");
    assert.ok(num(t, "k").every((v) => Number.isInteger(v) && v >= 0), "poisson counts");
    assert.ok(num(t, "u").every((v) => v >= 5 && v <= 6 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9), "uniform rounded to 2 decimals");
    assert.ok(num(t, "z").every((v) => v >= -1 && v <= 1), "clipped normal");
    assert.equal(t.kind("b"), "boolean", "boolean");
    assert.ok(cells(t, "c").every((v) => v === "x"), "constant");
    assert.equal(t.kind("day"), "datetime", "date kind");
    const days = new Set((cells(t, "day") as Date[]).map((d) => d.toISOString()));
    assert.deepEqual([...days].sort(), ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"].map((d) => `${d}T00:00:00.000Z`), "every day of the range, ends included");
    assert.ok((cells(t, "at") as Date[]).every((d) => d.getTime() % 60000 === 0 && d >= new Date("2024-01-01T08:00Z") && d <= new Date("2024-01-01T09:00Z")), "datetimes on whole minutes in range");
    assert.deepEqual(Array.from(num(t, "seq").subarray(0, 3)), [100, 110, 120], "sequence");
    assert.deepEqual(cells(t, "code").slice(0, 2), ["C-0001", "C-0002"], "string sequence");
    assert.ok((cells(t, "id") as string[]).every((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s)), "uuid v4 shape");
    assert.equal(new Set(cells(t, "id")).size, 2000, "uuids distinct");
    assert.ok((cells(t, "ord") as string[]).every((s) => /^ORD-\d{4}$/.test(s)), "pattern shape");
    assert.ok((cells(t, "uniq") as string[]).every((s) => /^[A-Z]{2}\d{2}$/.test(s)), "unique pattern shape");
    assert.ok((cells(t, "esc") as string[]).every((s) => /^#-\d$/.test(s)), "escaped literal");
  });

  it("unique patterns never repeat", () => {
    assert.equal(new Set(cells(t, "uniq")).size, 2000, "2000 distinct ids");
  });

  it("moments of a distribution field match the registry family (fixed seed)", () => {
    const x = num(rules({ x: field.distribution("gamma", { shape: 2, scale: 3 }) }).sample(50000, { seed: 2 }), "x");
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    assert.ok(Math.abs(mean - 6) < 0.1, `gamma mean ${mean} ≈ 6`);
  });

  it("choice respects its weights (chi-square test at a fixed seed)", () => {
    const p = [5, 3, 1, 1];
    const t2 = rules({ c: field.choice(["a", "b", "c", "d"], { p }) }).sample(20000, { seed: 3 });
    const counts = ["a", "b", "c", "d"].map((v) => cells(t2, "c").filter((x) => x === v).length);
    const { pvalue } = chisquare(counts, p.map((w) => (w / 10) * 20000));
    assert.ok(pvalue > 0.01, `chi-square p-value ${pvalue} (counts ${counts})`);
    const u = rules({ c: field.choice([1, 2, 3]) }).sample(9000, { seed: 3 });
    const uc = [1, 2, 3].map((v) => Array.from(num(u, "c")).filter((x) => x === v).length);
    assert.ok(chisquare(uc).pvalue > 0.01, `uniform choice counts ${uc}`);
  });
});

describe("rules: derive, where, constraints, correlation", () => {
  it("derived columns are consistent on every row; rng is the column's own", () => {
    const g = rules({
      age: field.integers(18, 70),
      income: field.derive((row: { age: number }, rng: Rng) => 20000 + 1000 * row.age + rng.normal(0, 100)),
      tier: field.derive((row: { income: number }) => (row.income > 60000 ? "gold" : "standard")),
    }).derive("senior", (row) => row.age >= 65);
    const t = g.sample(3000, { seed: 8 });
    const recs = g.records(3000, { seed: 8 });
    assert.equal(t.kind("tier"), "categorical", "strings are categorical");
    assert.equal(t.kind("senior"), "boolean", "booleans are boolean");
    recs.forEach((r, i) => {
      if (Math.abs(r.income - (20000 + 1000 * r.age)) > 1000) assert.fail(`row ${i}: income ${r.income} far from age ${r.age}`);
      if (r.tier !== (r.income > 60000 ? "gold" : "standard")) assert.fail(`row ${i}: tier`);
      if (r.senior !== r.age >= 65) assert.fail(`row ${i}: senior`);
    });
  });

  it("where and constraints hold on every row, and sequences stay numbered 1..n", () => {
    const g = rules(
      {
        id: field.sequence(),
        start: field.date("2024-01-01", "2024-12-31"),
        end: field.date("2024-01-01", "2024-12-31"),
        low: field.normal(0, 1),
        high: field.normal(0, 1),
        amount: field.normal(10, 5),
      },
      {
        where: (row) => row.end.getTime() - row.start.getTime() <= 90 * 86_400_000,
        constraints: [
          { type: "inequality", lowColumn: "start", highColumn: "end" },
          { type: "inequality", lowColumn: "low", highColumn: "high", strict: true },
          { type: "positive", column: "amount" },
          { type: "scalarRange", column: "amount", low: 0, high: 20 },
        ],
      },
    );
    const t = g.sample(2000, { seed: 4 });
    assert.equal(t.nRows, 2000, "rows");
    assert.deepEqual(Array.from(num(t, "id")), Array.from({ length: 2000 }, (_, i) => i + 1), "ids 1..n in order");
    const s = num(t, "start"), e = num(t, "end"), lo = num(t, "low"), hi = num(t, "high"), a = num(t, "amount");
    for (let i = 0; i < 2000; i++) {
      if (!(s[i]! <= e[i]! && e[i]! - s[i]! <= 90 * 86_400_000)) assert.fail(`row ${i}: dates`);
      if (!(lo[i]! < hi[i]!)) assert.fail(`row ${i}: low < high`);
      if (!(a[i]! > 0 && a[i]! <= 20)) assert.fail(`row ${i}: amount ${a[i]}`);
    }
    assert.deepEqual(g.sample(2000, { seed: 4 }).toRecords(), t.toRecords(), "reproducible with rejection");
  });

  it("a Gaussian copula gives the target Spearman correlations", () => {
    const g = rules(
      { age: field.uniform(18, 70), income: field.distribution("lognormal", { mean: 10, sigma: 0.6 }), debt: field.distribution("gamma", { shape: 2 }) },
      { correlation: { columns: ["age", "income", "debt"], matrix: [[1, 0.6, -0.3], [0.6, 1, 0], [-0.3, 0, 1]] } },
    );
    const t = g.sample(20000, { seed: 12 });
    const r1 = spearman(num(t, "age"), num(t, "income"));
    const r2 = spearman(num(t, "age"), num(t, "debt"));
    const r3 = spearman(num(t, "income"), num(t, "debt"));
    assert.ok(Math.abs(r1 - 0.6) < 0.02, `age-income ${r1}`);
    assert.ok(Math.abs(r2 + 0.3) < 0.02, `age-debt ${r2}`);
    assert.ok(Math.abs(r3) < 0.03, `income-debt ${r3}`);
    const u = rules({ age: field.uniform(18, 70), income: field.uniform(0, 1) }).sample(20000, { seed: 12 });
    assert.ok(Math.abs(spearman(num(u, "age"), num(u, "income"))) < 0.03, "independent without a correlation");
  });
});

describe("rules: faker fields", () => {
  const g = rules({
    name: field.fake("person.fullName"),
    email: field.fake("internet.email"),
    phone: field.fake("phone.number"),
    city: field.fake("location.city", { locale: "de" }),
    dept: field.fake("commerce.department"),
    n: field.fake<number>("number.int", { args: [{ min: 1, max: 6 }] }),
    born: field.fake<Date>("date.birthdate"),
  });

  it("is reproducible with the seed and different across seeds", () => {
    const a = g.sample(200, { seed: 1 });
    assert.deepEqual(g.sample(200, { seed: 1 }).toRecords(), a.toRecords(), "same seed");
    const b = g.sample(200, { seed: 2 });
    for (const c of ["name", "email", "city", "dept"]) assert.notDeepEqual(cells(b, c), cells(a, c), `${c} differs across seeds`);
  });

  it("gives values of the right shape and kind, personal data from reserved ranges", () => {
    const t = g.sample(300, { seed: 3 });
    assert.ok((cells(t, "email") as string[]).every((e) => /@example\.(com|org|net)$/.test(e)), "emails on example domains");
    assert.ok((cells(t, "phone") as string[]).every((p) => /555-01\d\d$/.test(p)), "fictional phone numbers");
    assert.ok((cells(t, "name") as string[]).every((s) => s.length > 3), "names");
    assert.equal(t.kind("n"), "integer", "number.int is an integer column");
    assert.ok(num(t, "n").every((v) => v >= 1 && v <= 6), "args passed to faker");
    assert.equal(t.kind("born"), "datetime", "dates are datetime");
  });
});

describe("rules: bad input", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["integers(5, 1)", () => field.integers(5, 1), /field\.integers: 'low' \(5\) must be <= 'high' \(1\)/],
    ["fractional integers", () => field.integers(0.5, 3), /'low' must be an integer, got 0\.5/],
    ["weights summing to 0", () => field.choice(["a", "b"], { p: [0, 0] }), /the weights must sum to a positive number, got 0/],
    ["negative weight", () => field.choice(["a", "b"], { p: [2, -1] }), /weights must be finite numbers >= 0, but p\[1\] is -1/],
    ["weights of the wrong length", () => field.choice(["a", "b"], { p: [1] }), /one weight per value \(2\), got 1/],
    ["mixed choice values", () => field.choice(["a", 1] as never), /all strings, all finite numbers or all booleans/],
    ["faker path that does not exist", () => field.fake("person.fulName"), /faker has no path "person\.fulName"\. Did you mean "person\.fullName"/],
    ["faker module typo", () => field.fake("interet.email"), /Did you mean "internet\.email"/],
    ["unknown locale", () => field.fake("person.fullName", { locale: "xx" }), /'locale' must be one of "en"/],
    ["unknown distribution", () => field.distribution("gausian" as never), /unknown distribution "gausian"/],
    ["distribution parameter out of range", () => field.normal(0, -1), /'scale' must be >= 0, got -1/],
    ["end before start", () => field.date("2024-05-01", "2024-01-01"), /'end' \(2024-01-01T00:00:00.000Z\) must not be before 'start'/],
    ["not a date", () => field.date("yesterday", "2024-01-01"), /'start' must be a Date, an ISO 8601 string/],
    ["empty spec", () => rules({}), /'spec' must have at least one field/],
    ["not a field", () => rules({ a: 3 as never }), /column 'a' must be a field such as field\.integers/],
    ["unknown option", () => rules({ a: field.integers(0, 1) }, { wher: () => true } as never), /unknown option 'wher'/],
    ["constraint on a missing column", () => rules({ a: field.integers(0, 1) }, { constraints: [{ type: "positive", column: "b" }] }), /constraints\[0\] \(positive\) names "b", which is not in the spec/],
    ["fixedCombinations", () => rules({ a: field.integers(0, 1), b: field.integers(0, 1) }, { constraints: [{ type: "fixedCombinations", columns: ["a", "b"] }] }), /fixedCombinations learns its combinations from real rows/],
    ["impossible correlation", () => rules({ a: field.uniform(0, 1), b: field.uniform(0, 1), c: field.uniform(0, 1) }, { correlation: { columns: ["a", "b", "c"], matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] } }), /not a possible correlation matrix/],
    ["correlating a faker field", () => rules({ a: field.uniform(0, 1), b: field.fake("person.fullName") }, { correlation: { columns: ["a", "b"], matrix: [[1, 0.5], [0.5, 1]] } }), /cannot be correlated/],
    ["unique pattern too small", () => rules({ id: field.pattern("#", { unique: true }) }).sample(11, { seed: 1 }), /has 10 distinct ids, fewer than the 11/],
    [
      "a derive that throws names the column and row",
      () => rules({ x: field.integers(0, 9), y: field.derive((row: { x: number }) => { if (row.x === 7) throw new Error("no sevens"); return row.x; }) }).sample(100, { seed: 1 }),
      /derive of column 'y' threw on row \d+: no sevens \(row: \{"x":7\}\)/,
    ],
    ["a derive returning mixed types", () => rules({ x: field.integers(0, 9), y: field.derive((row: { x: number }) => (row.x > 4 ? "big" : row.x)) }).sample(100, { seed: 1 }), /column 'y' mixes/],
    ["impossible where", () => rules({ a: field.integers(0, 5) }, { where: (r) => r.a > 10 }).sample(10, { seed: 1 }), /only 0 of [\d,]+ candidate rows satisfied the row rules \(where\(row\) rejected [\d,]+\)\. The rules look impossible/],
    ["impossible constraint", () => rules({ a: field.uniform(0, 1) }, { constraints: [{ type: "negative", column: "a" }] }).sample(10, { seed: 1 }), /constraints\[0\] \(negative a\) rejected/],
  ];
  for (const [name, f, re] of cases) it(name, () => assert.throws(f, re));
});

// Types flow from the spec to the rows (checked by the typecheck, not at run time).
const typed = rules({ age: field.integers(18, 70), plan: field.choice(["basic", "pro"]), joined: field.date("2020-01-01", "2020-12-31") }).derive("adult", (row) => row.age >= 21);
type TypedRow = ReturnType<typeof typed.records>[number];
const _check: TypedRow = { age: 30, plan: "pro", joined: new Date(0), adult: true };
void _check;
const typedFake = rules({ email: field.fake("internet.email"), n: field.fake<number>("number.int") });
const _fakeCheck: { email: string; n: number } = typedFake.records(1, { seed: 1 })[0]!;
void _fakeCheck;
