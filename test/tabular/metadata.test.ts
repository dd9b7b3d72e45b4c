import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Column } from "../../src/core/column.js";
import { DataError, ParamError, ParamTypeError } from "../../src/core/errors.js";
import { Table } from "../../src/core/table.js";
import { readCsv } from "../../src/io/csv-file.js";
import { createRng } from "../../src/random/rng.js";
import { detectIdFormat, detectMetadata } from "../../src/tabular/detect-metadata.js";
import { Metadata } from "../../src/tabular/metadata.js";
import { SDTYPES, type Sdtype } from "../../src/tabular/types.js";
import { DATA_DIR } from "../../src/io/paths.js";

const DATA = DATA_DIR; // the bundled copies of ../shared/datasets (src/data/tables.rst)

const sdtypesOf = (m: Metadata): Record<string, Sdtype> => Object.fromEntries(m.columnNames.map((c) => [c, m.columns[c]!.sdtype]));

/** Appends a Luhn check digit. */
function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let x = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return body + ((10 - (sum % 10)) % 10);
}

const FIRST = ["Ann", "Bob", "Carla", "Dmitri", "Eve", "Farah", "Gus", "Hana", "Ivo", "June", "Kofi", "Lena", "Mo", "Nia", "Oskar", "Pia", "Quin", "Rosa", "Sven", "Tara", "Uma", "Vic", "Wen", "Xia", "Yuri", "Zoe"];

/** One generated table exercising every detection rule (60 rows, seeded). */
function rulesTable(): Table {
  const rng = createRng(11);
  const n = 60;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const r = (k: number) => Math.floor(rng.random() * k);
    rows.push({
      id: i + 1,
      row_number: i,
      store_id: 1 + (i % 7),
      calls: r(10),
      zip_code: [10115, 20095, 80331][i % 3],
      flag01: i % 3 === 0 ? 1 : 0,
      zeros: 0,
      plan: i % 4 === 0 ? "yes" : "no",
      Active: i % 2 ? "Yes" : "No",
      yn: i % 2 ? "Y" : "N",
      tf: i % 5 ? "t" : "f",
      maybe: ["yes", "no", "maybe"][i % 3],
      fee: Math.round(rng.uniform(1, 100) * 100) / 100,
      drift: i % 2 ? 0.1 + 0.2 : 0.5,
      account: String(1000 + i * 7).padStart(7, "0"),
      branch: ["00123", "00456", "07890"][i % 3],
      customer: `CUST-${String(i * 13).padStart(5, "0")}`,
      contract: `${1000 + i * 97}-${String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26), 65 + ((i * 3) % 26), 86, 71)}`,
      note: `free text ${i % 2 ? "short" : "somewhat longer"} number ${i}`,
      email: `${FIRST[i % 26]!.toLowerCase()}.${i}@example${i % 3}.com`,
      phone_number: `(555) ${String(100 + i).padStart(3, "0")}-${String(1000 + i * 37).slice(0, 4)}`,
      contact: `(555) ${String(200 + i).padStart(3, "0")}-4567`,
      ssn: `${100 + i}-${10 + (i % 90)}-${String(1000 + i).padStart(4, "0")}`,
      ip: i % 5 === 0 ? `2001:db8::${(i + 1).toString(16)}` : `192.168.${i % 256}.${(i * 7) % 256}`,
      website: `https://www.example${i}.org/page?id=${i}`,
      card_number: luhn(`4${String(100000000000000 + i * 7919).slice(0, 14)}`),
      first_name: `${FIRST[i % 26]}${i >= 26 ? i : ""}`,
      first_name_few: FIRST[i % 3],
      city: `Town ${i % 25}`,
      created_at: 1_600_000_000 + i * 3_600,
      updated: 1_600_000_000_000 + i * 61_000,
      amount: 1_600_000_000 + i * 3_600,
      signup: `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/20${String(10 + (i % 14))}`,
      bad_date: i === 59 ? "30/02/2023" : `${String(1 + (i % 28)).padStart(2, "0")}/01/2023`,
      price_text: ["1.50", "2.25", "10"][i % 3],
      txn_date: `2023${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}`,
      rating: String(1 + (i % 5)),
    });
  }
  return Table.fromRecords(rows);
}

describe("detectMetadata on generated columns", () => {
  const t = rulesTable();
  const m = detectMetadata(t);
  const s = sdtypesOf(m);

  it("numbers: few-level counts stay numerical, 0/1 is boolean, codes are categorical", () => {
    assert.equal(s.calls, "numerical");
    assert.deepEqual(m.columns.calls, { sdtype: "numerical", representation: "integer", decimals: 0, min: 0, max: 9 });
    assert.equal(s.zip_code, "categorical");
    assert.equal(s.store_id, "categorical"); // an id-like name with repeats: labels, not quantities
    assert.equal(s.flag01, "boolean");
    assert.equal(s.zeros, "numerical");
    assert.equal(s.rating, "numerical"); // number text
  });

  it("decimals: the most digits after the point, 15 at most", () => {
    assert.equal(m.columns.fee!.representation, "decimal");
    assert.equal(m.columns.fee!.decimals, 2);
    assert.deepEqual(m.columns.drift, { sdtype: "numerical", representation: "decimal", decimals: 15, min: 0.1 + 0.2, max: 0.5 });
    assert.equal(m.columns.drift!.decimals, 15);
    assert.deepEqual(m.columns.price_text, { sdtype: "numerical", representation: "decimal", decimals: 2, min: 1.5, max: 10 });
    const d = detectMetadata(Table.fromColumns({ x: Float64Array.from([45.07, 1.5, 2, 1e-7, 123.456]) }));
    assert.equal(d.columns.x!.decimals, 7);
    const e = detectMetadata(Table.fromColumns({ x: Float64Array.from([45.07, -0.5, 2]) }));
    assert.equal(e.columns.x!.decimals, 2);
  });

  it("booleans from yes/no, Yes/No, Y/N, t/f text, not from other pairs", () => {
    for (const c of ["plan", "Active", "yn", "tf"]) assert.equal(s[c], "boolean", c);
    assert.equal(s.maybe, "categorical");
  });

  it("ids: by name, by consecutive numbers, by prefix + digits, by code shape; leading zeros kept", () => {
    assert.equal(s.id, "id");
    assert.equal(s.row_number, "id");
    assert.equal(m.primaryKey, "id");
    assert.deepEqual(m.columns.account, { sdtype: "id", idFormat: { prefix: "", width: 7, suffix: "" } });
    assert.equal(s.branch, "categorical"); // leading zeros, repeated: a code, never a number
    assert.deepEqual(m.columns.customer, { sdtype: "id", idFormat: { prefix: "CUST-", width: 5, suffix: "" } });
    assert.deepEqual(m.columns.contract, { sdtype: "id" });
    assert.equal(s.note, "categorical"); // unique free text of varying shape
  });

  it("personal data by value (email, ssn, ip, url) and by value + name (phone, card)", () => {
    assert.equal(s.email, "email");
    assert.equal(s.ssn, "ssn");
    assert.equal(s.ip, "ipAddress");
    assert.equal(s.website, "url");
    assert.equal(s.phone_number, "phone");
    assert.equal(s.contact, "categorical"); // phone-like, but no phone-like name
    assert.equal(s.card_number, "creditCard");
  });

  it("personal data by name only with many distinct values", () => {
    assert.equal(s.first_name, "firstName");
    assert.equal(s.first_name_few, "categorical");
    assert.equal(s.city, "city");
  });

  it("datetimes: text formats, epoch seconds and milliseconds by name, %Y%m%d text by name", () => {
    assert.deepEqual(m.columns.created_at, { sdtype: "datetime", epochUnit: "s", min: 1_600_000_000_000, max: 1_600_000_000_000 + 59 * 3_600_000 });
    assert.equal(m.columns.updated!.epochUnit, "ms");
    assert.equal(s.amount, "numerical"); // epoch-sized numbers without a time-like name
    assert.equal(m.columns.signup!.datetimeFormat, "%d/%m/%Y");
    assert.equal(m.columns.signup!.min, Date.UTC(2010, 0, 1));
    assert.equal(s.bad_date, "categorical"); // 30/02/2023 is no date
    const days = Array.from({ length: 60 }, (_, i) => Date.UTC(2023, i % 12, 1 + (i % 28)));
    assert.deepEqual(m.columns.txn_date, { sdtype: "datetime", datetimeFormat: "%Y%m%d", min: Math.min(...days), max: Math.max(...days) });
  });

  it("the detected metadata validates against its table", () => {
    m.validate(t);
  });
});

describe("detectMetadata edge cases", () => {
  it("throws a DataError for an all-missing column and for an empty table", () => {
    const t = Table.fromRecords([{ a: 1, e: null }, { a: 2, e: null }, { a: 3, e: null }]);
    assert.throws(
      () => detectMetadata(t),
      (e: unknown) => e instanceof DataError && e.param === "e" && /detectMetadata: column "e" has no values \(every one of its 3 rows is missing\); drop it or fill it\./.test(e.message),
    );
    assert.throws(() => detectMetadata(t.head(0)), (e: unknown) => e instanceof DataError && /the table has no rows/.test(e.message));
    assert.throws(() => detectMetadata(new Table([])), /the table has no columns/);
    assert.throws(() => detectMetadata(Table.fromColumns({ x: [1, Infinity] })), /column "x" row 2: Infinity is not a finite number/);
  });

  it("keeps Table kinds: booleans, Date values", () => {
    const t = Table.fromRecords([
      { b: true, when: new Date("2024-01-02T00:00:00Z") },
      { b: false, when: new Date("2024-03-04T05:06:07Z") },
    ]);
    const m = detectMetadata(t);
    assert.deepEqual(m.columns.b, { sdtype: "boolean" });
    assert.deepEqual(m.columns.when, { sdtype: "datetime", min: Date.UTC(2024, 0, 2), max: Date.UTC(2024, 2, 4, 5, 6, 7) });
  });

  it("a small table of unique numbers is not an id without an id-like name", () => {
    const m = detectMetadata(Table.fromColumns({ qty: [1, 2, 3], customerID: [7, 8, 9] }));
    assert.equal(m.columns.qty!.sdtype, "numerical");
    assert.equal(m.columns.customerID!.sdtype, "id");
    assert.equal(m.primaryKey, "customerID");
  });

  it("works on the distinct values of shared categories (after take)", () => {
    const t = Table.fromColumns({ plan: ["yes", "no", "maybe", "yes"] }).take([0, 1, 3]);
    assert.equal(detectMetadata(t).columns.plan!.sdtype, "boolean");
  });

  it("takes options: sdtypes, datetimeFormats and primaryKey, checked", () => {
    const t = Table.fromRecords([
      { k: "a", n: 1, d: "05|01|2023", s: "x" },
      { k: "b", n: 2, d: "06|01|2023", s: "y" },
      { k: "c", n: 3, d: "07|01|2023", s: "x" },
    ]);
    const m = detectMetadata(t, { sdtypes: { n: "categorical", s: "name" }, datetimeFormats: { d: "%d|%m|%Y" }, primaryKey: "k" });
    assert.deepEqual(sdtypesOf(m), { k: "id", n: "categorical", d: "datetime", s: "name" });
    assert.equal(m.primaryKey, "k");
    assert.deepEqual(m.columns.d, { sdtype: "datetime", datetimeFormat: "%d|%m|%Y", min: Date.UTC(2023, 0, 5), max: Date.UTC(2023, 0, 7) });
    assert.throws(() => detectMetadata(t, { sdtypes: { zz: "id" } }), (e: unknown) => e instanceof ParamError && /'sdtypes' names "zz", which is not a column\. Columns: k, n, d, s\./.test(e.message));
    assert.throws(() => detectMetadata(t, { sdtypes: { n: "number" as Sdtype } }), /sdtypes\["n"\]: unknown sdtype "number"\. Valid sdtypes: "numerical"/);
    assert.throws(() => detectMetadata(t, { sdtype: {} } as never), /unknown option 'sdtype'\. Valid options: primaryKey, sdtypes, datetimeFormats/);
    assert.throws(() => detectMetadata(t, { primaryKey: "nope" }), /'primaryKey' must be a column, got "nope"/);
    assert.throws(() => detectMetadata(t, { datetimeFormats: { d: "%Q" } }), /datetimeFormats\["d"\]: unknown directive '%Q'/);
    assert.throws(() => detectMetadata(t, { datetimeFormats: { n: "%Y" } }), /datetimeFormats applies to text columns; "n" is stored as integer/);
    assert.throws(() => detectMetadata(t, { datetimeFormats: { d: "%Y-%m-%d" } }), (e: unknown) => e instanceof DataError && /column "d" has datetimeFormat "%Y-%m-%d" but row 1 holds "05\|01\|2023"/.test(e.message));
    // the caller's choices must fit: a duplicated key, a boolean with 3 values
    assert.throws(() => detectMetadata(t, { primaryKey: "s" }), /column "s" is the primary key but "x" appears more than once \(row 1, row 3\)/);
    assert.throws(() => detectMetadata(t, { sdtypes: { k: "boolean" } }), /column "k" is declared "boolean" but has 3 distinct values/);
    assert.throws(() => detectMetadata(t, { sdtypes: { s: "numerical" } }), /column "s" is declared "numerical" but row 1 holds "x", which is not a number/);
    // an override learns what its sdtype needs
    assert.deepEqual(detectMetadata(t, { sdtypes: { n: "datetime" } }).columns.n, { sdtype: "datetime", epochUnit: "ms", min: 1, max: 3 });
    assert.equal(detectMetadata(t, { sdtypes: { k: "email" }, primaryKey: "k" }).columns.k!.sdtype, "email");
  });

  it("detectIdFormat keeps widths and leading zeros", () => {
    assert.deepEqual(detectIdFormat(["A-0001", "A-0420"]), { prefix: "A-", width: 4, suffix: "" });
    assert.deepEqual(detectIdFormat(["C1", "C22", "C333"]), { prefix: "C", width: 1, suffix: "" });
    assert.deepEqual(detectIdFormat(["C01", "C22", "C333"]), { prefix: "C", width: 2, suffix: "" });
    assert.deepEqual(detectIdFormat(["X9-001-Z", "X9-002-Z"]), { prefix: "X9-", width: 3, suffix: "-Z" });
    assert.equal(detectIdFormat(["A1", "B2"]), undefined);
    assert.equal(detectIdFormat(["abc"]), undefined);
  });

  it("handles 200,000 rows × 20 columns quickly, on the distinct values of text columns", () => {
    const n = 200_000;
    const cols: Column[] = [];
    for (let j = 0; j < 8; j++) cols.push({ name: `x${j}`, kind: "numeric", values: Float64Array.from({ length: n }, (_, i) => Math.round(((i * 7919 + j * 31) % 100_003) * 1.37) / 100) });
    for (let j = 0; j < 5; j++) cols.push({ name: `k${j}`, kind: "integer", values: Float64Array.from({ length: n }, (_, i) => (i * (j + 3)) % 10) });
    cols.push({ name: "row", kind: "integer", values: Float64Array.from({ length: n }, (_, i) => i) });
    cols.push({ name: "customer", kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i), categories: Array.from({ length: n }, (_, i) => `CUST-${String(i).padStart(7, "0")}`) });
    cols.push({ name: "email", kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i), categories: Array.from({ length: n }, (_, i) => `user${i}@example.com`) });
    cols.push({ name: "day", kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i % 3650), categories: Array.from({ length: 3650 }, (_, i) => new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).split("-").reverse().join("/")) });
    cols.push({ name: "state", kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i % 51), categories: Array.from({ length: 51 }, (_, i) => `S${i}`) });
    cols.push({ name: "flag", kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i % 2), categories: ["yes", "no"] });
    cols.push({ name: "created_at", kind: "integer", values: Float64Array.from({ length: n }, (_, i) => 1.6e9 + i) });
    const t = new Table(cols);
    detectMetadata(t.head(1000)); // warm up the JIT
    const t0 = performance.now();
    const m = detectMetadata(t);
    const ms = performance.now() - t0;
    assert.deepEqual(
      [...new Set(Object.values(sdtypesOf(m)))].sort(),
      ["boolean", "categorical", "datetime", "email", "id", "numerical"],
    );
    assert.equal(m.columns.day!.datetimeFormat, "%d/%m/%Y");
    assert.equal(m.primaryKey, "row");
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
  });
});

describe("detectMetadata on real tables", () => {
  it("mlc_churn: state and area code categorical, yes/no boolean, minutes 1 decimal, charges 2", () => {
    const t = readCsv(`${DATA}/mlc_churn.csv.gz`);
    const m = detectMetadata(t);
    const s = sdtypesOf(m);
    assert.equal(s.state, "categorical");
    assert.equal((t.columnInfo("state") as { categories: readonly string[] }).categories.length, 51);
    assert.equal(s.area_code, "categorical");
    for (const c of ["international_plan", "voice_mail_plan", "churn"]) assert.equal(s[c], "boolean", c);
    for (const c of ["account_length", "number_vmail_messages", "total_day_calls", "number_customer_service_calls"]) {
      assert.equal(s[c], "numerical", c);
      assert.equal(m.columns[c]!.representation, "integer", c);
    }
    assert.deepEqual(m.columns.number_customer_service_calls, { sdtype: "numerical", representation: "integer", decimals: 0, min: 0, max: 9 });
    assert.deepEqual(m.columns.total_day_minutes, { sdtype: "numerical", representation: "decimal", decimals: 1, min: 0, max: 351.5 });
    assert.equal(m.columns.total_day_charge!.decimals, 2);
    assert.equal(m.columns.total_intl_charge!.decimals, 2);
    assert.equal(m.primaryKey, undefined);
    m.validate(t);
  });

  it("wa_churn: 0/1 columns boolean, tenure integer, total_charges decimal with missing values", () => {
    const t = readCsv(`${DATA}/wa_churn.csv.gz`);
    const m = detectMetadata(t);
    const s = sdtypesOf(m);
    for (const c of ["churn", "female", "senior_citizen", "partner", "dependents", "phone_service", "paperless_billing"]) assert.equal(s[c], "boolean", c);
    assert.deepEqual(m.columns.tenure, { sdtype: "numerical", representation: "integer", decimals: 0, min: 0, max: 72 });
    assert.equal(s.total_charges, "numerical");
    assert.equal(m.columns.total_charges!.decimals, 2);
    assert.equal(Array.from(t.column("total_charges") as Float64Array).filter(Number.isNaN).length, 11);
    for (const c of ["multiple_lines", "internet_service", "contract", "payment_method"]) assert.equal(s[c], "categorical", c);
    m.validate(t);
  });

  it("ames: categoricals, integers, years, coordinates", () => {
    const t = readCsv(`${DATA}/ames.csv.gz`);
    const m = detectMetadata(t);
    const s = sdtypesOf(m);
    assert.equal(m.nColumns, 74);
    for (const c of ["MS_SubClass", "Neighborhood", "Street", "Overall_Cond", "Sale_Type"]) assert.equal(s[c], "categorical", c);
    assert.equal(s.Central_Air, "boolean"); // Y/N
    for (const c of ["Lot_Area", "Year_Built", "Garage_Cars", "Sale_Price", "Mo_Sold"]) assert.equal(m.columns[c]!.representation, "integer", c);
    assert.deepEqual(m.columns.Year_Built, { sdtype: "numerical", representation: "integer", decimals: 0, min: 1872, max: 2010 });
    assert.equal(m.columns.Longitude!.representation, "decimal");
    assert.equal(m.columns.Longitude!.decimals, 7);
    assert.deepEqual(m.columnsOf("pii"), []);
    assert.deepEqual(m.columnsOf("id"), []);
    m.validate(t);
  });
});

describe("Metadata", () => {
  const base = () =>
    new Metadata(
      {
        id: { sdtype: "id", idFormat: { prefix: "C-", width: 4, suffix: "" } },
        age: { sdtype: "numerical", representation: "integer", decimals: 0, min: 18, max: 90 },
        fee: { sdtype: "numerical", representation: "decimal", decimals: 2 },
        seen: { sdtype: "datetime", datetimeFormat: "%d/%m/%Y", min: 0, max: 1e12 },
        mail: { sdtype: "email", locale: "de" },
        plan: { sdtype: "boolean" },
      },
      "id",
    );

  it("round-trips through JSON, keeping column order and the key", () => {
    const m = base();
    const json = m.toJSON();
    assert.equal(json.schemaVersion, 1);
    assert.deepEqual(json.columnOrder, ["id", "age", "fee", "seen", "mail", "plan"]);
    assert.equal(json.primaryKey, "id");
    const back = Metadata.fromJSON(JSON.parse(JSON.stringify(m)));
    assert.deepEqual(back.toJSON(), json);
    assert.deepEqual(Metadata.fromJSON(JSON.stringify(m)).toJSON(), json);
    // names JSON objects would reorder, and awkward names
    const odd = new Metadata().addColumn("b", { sdtype: "categorical" }).addColumn("2", { sdtype: "categorical" }).addColumn("1", { sdtype: "numerical" }).addColumn("__proto__", { sdtype: "boolean" }).addColumn("constructor", { sdtype: "categorical" });
    const oddBack = Metadata.fromJSON(JSON.stringify(odd));
    assert.deepEqual(oddBack.columnNames, ["b", "2", "1", "__proto__", "constructor"]);
    assert.deepEqual(oddBack.columns["__proto__"], { sdtype: "boolean" });
    assert.equal(Object.getPrototypeOf(oddBack.columns), Object.prototype);
    assert.equal(new Metadata().toJSON().primaryKey, null);
  });

  it("fromJSON explains what is wrong", () => {
    const ok = base().toJSON();
    const cases: [unknown, RegExp][] = [
      [[], /'json' must be an object \{ schemaVersion: 1, columns, columnOrder, primaryKey \}/],
      ["{not json", /'json' is not valid JSON/],
      [{ ...ok, schemaVersion: 2 }, /'schemaVersion' must be 1 \(the only version this synthlab reads\), got 2/],
      [{ ...ok, extra: 1 }, /unknown key 'extra'\. Valid keys: schemaVersion, columns, columnOrder, primaryKey/],
      [{ ...ok, columns: [] }, /'columns' must be an object/],
      [{ ...ok, columnOrder: ["id"] }, /'columnOrder' must list each column of 'columns' once; missing: age, fee, seen, mail, plan/],
      [{ ...ok, columnOrder: [...ok.columnOrder, "zz"] }, /not in 'columns': zz/],
      [{ ...ok, columns: { ...ok.columns, age: { sdtype: "number" } } }, /column "age": unknown sdtype "number"\. Valid sdtypes: "numerical", "categorical"/],
      [{ ...ok, columns: { ...ok.columns, age: { sdtype: "numerical", decimal: 2 } } }, /column "age": unknown field 'decimal'\. Valid fields: sdtype, representation, decimals/],
      [{ ...ok, columns: { ...ok.columns, plan: { sdtype: "boolean", min: 0 } } }, /column "plan": 'min' does not apply to a boolean column \(fields of boolean: none\)/],
      [{ ...ok, columns: { ...ok.columns, age: { sdtype: "numerical", min: 5, max: 1 } } }, /column "age": 'min' \(5\) must be <= 'max' \(1\)/],
      [{ ...ok, columns: { ...ok.columns, seen: { sdtype: "datetime", datetimeFormat: "%Y-%Q" } } }, /column "seen": unknown directive '%Q'/],
      [{ ...ok, columns: { ...ok.columns, id: { sdtype: "id", idFormat: { prefix: "C", width: 0, suffix: "" } } } }, /'idFormat' must be \{ prefix: string, width: integer in \[1, 30\], suffix: string \}/],
      [{ ...ok, primaryKey: "age" }, /the primary key must be an "id" or personal-data column; "age" is "numerical"/],
      [{ ...ok, primaryKey: "zz" }, /no column "zz" in the metadata\. Columns: id, age/],
    ];
    for (const [json, re] of cases) assert.throws(() => Metadata.fromJSON(json as never), (e: unknown) => (e instanceof ParamError || e instanceof ParamTypeError) && /^Metadata\.fromJSON: /.test((e as Error).message) && re.test((e as Error).message), String(re));
  });

  it("update changes fields, drops the ones a new sdtype does not take, and rejects bad input", () => {
    const m = base();
    m.update("age", { min: 0, max: 120 });
    assert.deepEqual(m.columns.age, { sdtype: "numerical", representation: "integer", decimals: 0, min: 0, max: 120 });
    m.update("fee", { sdtype: "categorical" });
    assert.deepEqual(m.columns.fee, { sdtype: "categorical" });
    m.update("fee", { sdtype: "numerical", decimals: 1 });
    assert.deepEqual(m.columns.fee, { sdtype: "numerical", decimals: 1 });
    m.update("fee", { decimals: undefined });
    assert.deepEqual(m.columns.fee, { sdtype: "numerical" });
    m.update("age", { sdtype: "datetime" }); // min and max change unit: dropped
    assert.deepEqual(m.columns.age, { sdtype: "datetime" });
    m.update("mail", { sdtype: "name" }); // personal data keeps its locale
    assert.deepEqual(m.columns.mail, { sdtype: "name", locale: "de" });
    assert.throws(() => m.update("nope", { sdtype: "id" }), (e: unknown) => e instanceof ParamError && /Metadata\.update: no column "nope" in the metadata\. Columns: id, age, fee, seen, mail, plan\./.test(e.message));
    assert.throws(() => m.update("fee", { sdtype: "money" as Sdtype }), new RegExp(`unknown sdtype "money"\\. Valid sdtypes: ${SDTYPES.map((x) => `"${x}"`).join(", ")}\\.`));
    assert.throws(() => m.update("fee", { decimal: 2 } as never), /unknown field 'decimal' for column "fee"\. Valid fields: sdtype, representation, decimals, min, max, datetimeFormat, epochUnit, idFormat, locale\./);
    assert.throws(() => m.update("fee", { datetimeFormat: "%Y" }), /'datetimeFormat' does not apply to a numerical column \(fields of numerical: representation, decimals, min, max\)/);
    assert.throws(() => m.update("fee", { representation: "int" as never }), /'representation' must be "integer" or "decimal", got "int"/);
    assert.throws(() => m.update("fee", { representation: "integer", decimals: 2 }), /'decimals' must be 0 for representation "integer"/);
    assert.throws(() => m.update("fee", null as never), ParamTypeError);
    assert.throws(() => m.update("id", { sdtype: "categorical" }), /"id" is the primary key, which must be "id" or a personal-data sdtype.*setPrimaryKey\(undefined\) first/);
    m.update("id", { sdtype: "email" }); // personal data may be a key
    assert.equal(m.primaryKey, "id");
  });

  it("sets, clears and checks the primary key; adds and removes columns", () => {
    const m = base();
    assert.throws(() => m.setPrimaryKey("age"), /Call update\("age", \{ sdtype: "id" \}\) first/);
    assert.throws(() => m.setPrimaryKey("zz"), /no column "zz"/);
    m.setPrimaryKey(undefined);
    assert.equal(m.primaryKey, undefined);
    m.setPrimaryKey("mail");
    assert.equal(m.primaryKey, "mail");
    m.removeColumn("mail");
    assert.equal(m.primaryKey, undefined);
    assert.deepEqual(m.columnNames, ["id", "age", "fee", "seen", "plan"]);
    assert.throws(() => m.addColumn("age", { sdtype: "numerical" }), /column "age" is already in the metadata; change it with update/);
    assert.deepEqual(m.columnsOf("numerical"), ["age", "fee"]);
  });

  it("copy is independent", () => {
    const m = base();
    const c = m.copy();
    c.update("age", { max: 1000 });
    c.columns.id!.idFormat!.width = 9;
    assert.equal(m.columns.age!.max, 90);
    assert.equal(m.columns.id!.idFormat!.width, 4);
  });

  it("shows as a table and as text", () => {
    const m = base();
    assert.deepEqual(m.toTable().columnNames, ["column", "sdtype", "details"]);
    assert.deepEqual(m.toTable().toRecords()[0], { column: "id", sdtype: "id", details: "primary key, format C-9999" });
    assert.deepEqual(m.toTable().toRecords()[3], { column: "seen", sdtype: "datetime", details: "format %d/%m/%Y, 1970-01-01 to 2001-09-09T01:46:40Z" });
    const text = m.toString();
    assert.match(text, /^Metadata \(6 columns, primary key: id\)\n/);
    assert.match(text, /\n {2}fee +numerical +decimal \(2 decimals\)\n/);
    assert.match(m.toHTML(), /<table class="synthlab-table"><caption>Metadata: 6 columns, primary key id<\/caption>/);
  });
});

describe("Metadata.validate", () => {
  const t = Table.fromRecords([
    { k: "a", n: 1, s: "x", b: "p", d: "2023-01-05|", f: 1.5, e: null, kk: "u" },
    { k: "b", n: 2.5, s: "abc", b: "q", d: "2023-01-06|", f: 2, e: null, kk: "v" },
    { k: "a", n: 3, s: "2", b: "r", d: "2023-02-30|", f: 3, e: null, kk: null },
  ]);
  const meta = (cols: Record<string, unknown>, pk?: string) => new Metadata(cols as never, pk);
  const one = (c: string, m: Record<string, unknown>, pk?: string) => () => meta({ [c]: m }, pk).validate(t.select([c]));
  const err = (re: RegExp, param?: string) => (e: unknown) => e instanceof DataError && /^Metadata\.validate: /.test(e.message) && re.test(e.message) && (param === undefined || e.param === param);

  it("names the column and says what to do", () => {
    assert.throws(one("s", { sdtype: "numerical" }), err(/column "s" is declared "numerical" but row 1 holds "x", which is not a number; declare it "categorical" \(metadata\.update\("s", \{ sdtype: "categorical" \}\)\)/, "s"));
    assert.throws(one("b", { sdtype: "boolean" }), err(/column "b" is declared "boolean" but has 3 distinct values \("p", "q", "r", \.\.\.\); declare it "categorical"/, "b"));
    assert.throws(one("n", { sdtype: "boolean" }), err(/column "n" is declared "boolean" but has more than 2 distinct values/));
    assert.throws(one("d", { sdtype: "datetime", datetimeFormat: "%Y-%m-%d|" }), err(/column "d" has datetimeFormat "%Y-%m-%d\|" but row 3 holds "2023-02-30\|", which does not parse with it/, "d"));
    assert.throws(one("s", { sdtype: "datetime" }), err(/column "s" is declared "datetime" but its text \(e\.g\. "x"\) matches no known date format; set its format/));
    assert.throws(one("n", { sdtype: "datetime", datetimeFormat: "%Y" }), err(/column "n" has datetimeFormat "%Y" but holds numbers, which are read as epoch times/));
    assert.throws(one("k", { sdtype: "id" }), err(/column "k" is declared "id" but "a" appears more than once \(row 1, row 3\); remove the duplicates or declare it "categorical"/, "k"));
    assert.throws(one("kk", { sdtype: "id" }, "kk"), err(/column "kk" is the primary key but row 3 is missing \(1 missing in all\)/));
    assert.throws(one("n", { sdtype: "numerical", representation: "integer" }), err(/column "n" has representation "integer" but row 2 holds 2\.5; set representation "decimal"/, "n"));
    assert.throws(one("e", { sdtype: "numerical" }), err(/column "e" has no values \(every one of its 3 rows is missing\); drop it or fill it\./, "e"));
    assert.throws(() => meta({ n: { sdtype: "numerical" } }).validate(t.select(["n"]).head(0)), err(/the table has no rows/));
    assert.throws(
      () => meta({ n: { sdtype: "numerical" }, zz: { sdtype: "categorical" } }).validate(t.select(["n", "f"])),
      err(/2 problems with the table and its metadata:\n- column "zz" is in the metadata but not in the table \(table columns: n, f\); pass the whole table, or remove it with metadata\.removeColumn\("zz"\)\.\n- column "f" is in the table but not in the metadata; add it with metadata\.addColumn\("f", \{ sdtype: \.\.\. \}\)/, "zz"),
    );
    assert.throws(() => meta({ s: { sdtype: "numerical" } }).validate(t.select(["s"]), "GaussianCopulaSynthesizer.fit"), (e: unknown) => e instanceof DataError && /^GaussianCopulaSynthesizer\.fit: column "s"/.test(e.message));
  });

  it("accepts values that fit", () => {
    meta({ n: { sdtype: "numerical" }, f: { sdtype: "numerical", representation: "decimal" }, kk: { sdtype: "categorical" } }).validate(t.select(["n", "f", "kk"]));
    meta({ s: { sdtype: "categorical" }, b: { sdtype: "name" }, d: { sdtype: "datetime", datetimeFormat: "%Y-%m-%d|" } }).validate(
      Table.fromColumns({ s: ["1", "2"], b: ["Ann", "Ann"], d: ["2023-01-05|", null] }),
    );
    meta({ x: { sdtype: "numerical", representation: "integer" } }).validate(Table.fromColumns({ x: ["1", "22", null] }));
    meta({ t: { sdtype: "datetime" } }).validate(Table.fromColumns({ t: ["05/01/2023", "31/12/2023"] })); // format detectable
    meta({ t: { sdtype: "datetime", epochUnit: "s" } }).validate(Table.fromColumns({ t: [1.6e9, 1.7e9] }));
    meta({ y: { sdtype: "boolean" } }).validate(Table.fromColumns({ y: [0, 1, null, 1] }));
    meta({ k: { sdtype: "id" } }, "k").validate(Table.fromColumns({ k: Float64Array.from({ length: 5000 }, (_, i) => i * 3) }));
    meta({ r: { sdtype: "numerical" } }).validate([{ r: 1 }, { r: 2 }]); // records are tables too
  });

  it("finds duplicated numeric keys with their rows", () => {
    const v = Float64Array.from({ length: 3000 }, (_, i) => i * 1.5);
    v[2999] = 15;
    assert.throws(() => meta({ k: { sdtype: "id" } }, "k").validate(Table.fromColumns({ k: v })), err(/column "k" is the primary key but 15 appears more than once \(row 11, row 3,000\)/));
  });
});
