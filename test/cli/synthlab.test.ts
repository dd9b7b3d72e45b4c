import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { runSynthlab, type CliIO } from "../../src/cli/program.js";
import type { ColumnKind } from "../../src/core/column.js";
import { Table } from "../../src/core/table.js";
import { readCsv } from "../../src/io/csv-file.js";
import { loadIris } from "../../src/io/datasets.js";
import { DATA_DIR } from "../../src/io/paths.js";
import { TABLE_NAMES } from "../../src/io/tables.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tmp = () => mkdtempSync(join(tmpdir(), "synthlab-bin-"));

/** Runs the command in this process; returns its exit code and lines. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runSynthlab(argv, io);
  return { code, out, err };
}

/** Fits the churn table once per test file (copula: fast). */
let churnModel: string | undefined;
async function churn(): Promise<string> {
  if (churnModel) return churnModel;
  const path = join(tmp(), "churn.json");
  const r = await run("fit", join(DATA_DIR, "mlc_churn.csv.gz"), "--out", path, "--seed", "1");
  assert.equal(r.code, 0, r.err.join("\n"));
  churnModel = path;
  return path;
}

/** A Parquet file as a Table (kinds from the file's schema) read by hyparquet, an independent reader. */
async function readParquet(path: string): Promise<Table> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const records = (await parquetReadObjects({ file, metadata })) as Record<string, unknown>[];
  const columns: Record<string, unknown[]> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const e of metadata.schema.slice(1)) {
    columns[e.name] = records.map((r) => (typeof r[e.name] === "bigint" ? Number(r[e.name]) : r[e.name]));
    kinds[e.name] = e.type === "BYTE_ARRAY" ? "categorical" : e.type === "BOOLEAN" ? "boolean" : e.type === "DOUBLE" ? "numeric" : e.converted_type === "TIMESTAMP_MILLIS" ? "datetime" : "integer";
  }
  return Table.fromColumns(columns, kinds);
}

describe("synthlab fit / sample: round trip on the bundled mixed tables", () => {
  for (const name of TABLE_NAMES) {
    it(`${name}: every column kept, as many rows as asked, kinds as the real table's`, async () => {
      const dir = tmp();
      const model = join(dir, "model.json");
      const fit = await run("fit", join(DATA_DIR, `${name}.csv.gz`), "--out", model, "--seed", "3");
      assert.equal(fit.code, 0, fit.err.join("\n"));
      assert.match(fit.out[0]!, /^fitted gaussian-copula on [\d,]+ rows × \d+ columns/);
      const out = join(dir, "rows.csv");
      const s = await run("sample", model, "--rows", "2500", "--out", out, "--seed", "4", "--workers", "1");
      assert.equal(s.code, 0, s.err.join("\n"));
      assert.match(s.out[0]!, /^wrote 2,500 rows × \d+ columns to .*rows\.csv/);
      const real = readCsv(join(DATA_DIR, `${name}.csv.gz`));
      const syn = readCsv(out);
      assert.deepEqual(syn.columnNames, real.columnNames, "every column kept, in order");
      assert.equal(syn.nRows, 2500);
      for (const c of real.columnNames) {
        const want = real.kind(c) === "integer" ? ["integer"] : real.kind(c) === "numeric" ? ["numeric", "integer"] : [real.kind(c)];
        assert.ok(want.includes(syn.kind(c)), `${name}.${c}: ${syn.kind(c)} vs real ${real.kind(c)}`);
      }
    });
  }

  it("a column with no values is dropped and named; the others are kept", async () => {
    const dir = tmp();
    const data = join(dir, "gap.csv");
    writeFileSync(data, "x,empty,y\n" + Array.from({ length: 50 }, (_, i) => `${i},,${i % 3 === 0 ? "a" : "b"}`).join("\n") + "\n");
    const r = await run("fit", data, "--out", join(dir, "m.json"), "--method", "kde");
    assert.equal(r.code, 0, r.err.join("\n"));
    assert.deepEqual(r.err, ["synthlab fit: dropped column 'empty': every value is missing."]);
    const s = await run("sample", join(dir, "m.json"), "--rows", "10", "--out", join(dir, "o.csv"));
    assert.equal(s.code, 0, s.err.join("\n"));
    assert.equal(readFileSync(join(dir, "o.csv"), "utf8").split("\n")[0], "x,y");
  });
});

describe("synthlab sample --shard: shard files concatenate to the single run byte for byte", () => {
  it("CSV, N = 1, 2, 3, 7, on 1 and 2 worker threads", async () => {
    const model = await churn();
    const dir = tmp();
    const rows = "70001";
    const single = join(dir, "single.csv");
    assert.equal((await run("sample", model, "--rows", rows, "--out", single, "--seed", "8", "--workers", "1")).code, 0);
    const want = readFileSync(single);
    const pooled = join(dir, "pooled.csv");
    assert.equal((await run("sample", model, "--rows", rows, "--out", pooled, "--seed", "8", "--workers", "2")).code, 0);
    assert.ok(readFileSync(pooled).equals(want), "2 worker threads write the same bytes as 1");
    for (const n of [1, 2, 3, 7]) {
      const parts: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        const out = join(dir, `shard-${i}-of-${n}.csv`);
        const r = await run("sample", model, "--rows", rows, "--out", out, "--seed", "8", "--shard", `${i}/${n}`, "--workers", i % 2 ? "2" : "1");
        assert.equal(r.code, 0, r.err.join("\n"));
        parts.push(readFileSync(out));
      }
      assert.ok(Buffer.concat(parts).equals(want), `${n} shards differ from the single run`);
    }
  });

  it("Parquet read back by hyparquet equals the CSV output (1 and 2 workers, and a shard)", async () => {
    const model = await churn();
    const dir = tmp();
    const csv = join(dir, "rows.csv");
    assert.equal((await run("sample", model, "--rows", "40000", "--out", csv, "--seed", "2", "--workers", "1")).code, 0);
    const text = readFileSync(csv, "utf8");
    for (const workers of ["1", "2"]) {
      const pq = join(dir, `rows-${workers}.parquet`);
      const r = await run("sample", model, "--rows", "40000", "--out", pq, "--seed", "2", "--workers", workers);
      assert.equal(r.code, 0, r.err.join("\n"));
      const t = await readParquet(pq);
      assert.equal(t.nRows, 40000);
      assert.equal(t.toCSV(), text, `parquet (${workers} workers) differs from the CSV`);
    }
    const shard = join(dir, "shard.parquet");
    assert.equal((await run("sample", model, "--rows", "40000", "--out", shard, "--seed", "2", "--shard", "1/3", "--workers", "1")).code, 0);
    const lines = text.split("\n");
    assert.equal((await readParquet(shard)).toCSV({ header: false }), lines.slice(1 + 13333, 1 + 26666).join("\n") + "\n", "shard 1/3 as Parquet");
  });

  it("Parquet keeps the kinds: integers INT32 (range known) or INT64, decimals DOUBLE, categories as dictionary-encoded strings, yes/no as strings, missing as nulls", async () => {
    const dir = tmp();
    const data = join(dir, "mixed.csv");
    const lines = ["n,d,c,flag,when"];
    for (let i = 0; i < 200; i++) lines.push(`${i % 17},${i % 5 === 0 ? "" : (i * 0.37).toFixed(2)},${["x", "y", "z"][i % 3]},${i % 2 ? "yes" : "no"},2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
    writeFileSync(data, lines.join("\n") + "\n");
    const model = join(dir, "m.json");
    assert.equal((await run("fit", data, "--out", model)).code, 0);
    const pq = join(dir, "o.parquet");
    assert.equal((await run("sample", model, "--rows", "500", "--out", pq, "--workers", "1")).code, 0);
    const file = await asyncBufferFromFile(pq);
    const md = await parquetMetadataAsync(file);
    const types = Object.fromEntries(md.schema.slice(1).map((e) => [e.name, `${e.type}${e.converted_type ? ":" + e.converted_type : ""}`]));
    assert.deepEqual(types, { n: "INT32", d: "DOUBLE", c: "BYTE_ARRAY:UTF8", flag: "BYTE_ARRAY:UTF8", when: "INT64:TIMESTAMP_MILLIS" });
    const c = md.row_groups[0]!.columns[2]!.meta_data!;
    assert.ok(c.encodings.includes("RLE_DICTIONARY"), `categories dictionary-encoded: ${c.encodings}`);
    assert.notEqual(c.codec, "UNCOMPRESSED");
    const t = await readParquet(pq);
    assert.ok(t.missingCounts()["d"]! > 0, "missing decimals are nulls");
    const csv = join(dir, "o.csv");
    assert.equal((await run("sample", model, "--rows", "500", "--out", csv, "--workers", "1")).code, 0);
    const fromCsv = readCsv(csv);
    assert.deepEqual((t.column("when") as Date[]).slice(0, 20).map((d) => d.toISOString().slice(0, 10)), (fromCsv.column("when") as Date[]).slice(0, 20).map((d) => d.toISOString().slice(0, 10)), "dates as timestamps");
  });
});

describe("synthlab: bad input exits 2 with one line", () => {
  const cases: [string, (dir: string, model: string) => string[], RegExp][] = [
    ["missing file", (d) => ["fit", join(d, "nope.csv"), "--out", join(d, "m.json")], /^synthlab fit: ".*nope\.csv": no such file\.$/],
    ["empty file", (d) => (writeFileSync(join(d, "e.csv"), ""), ["fit", join(d, "e.csv"), "--out", join(d, "m.json")]), /^synthlab fit: ".*e\.csv" is empty\.$/],
    ["header-only file", (d) => (writeFileSync(join(d, "h.csv"), "a,b\n"), ["fit", join(d, "h.csv"), "--out", join(d, "m.json")]), /^synthlab fit: ".*h\.csv" has a header but no rows\.$/],
    ["ragged rows", (d) => (writeFileSync(join(d, "r.csv"), "a,b\n1,2\n3\n"), ["fit", join(d, "r.csv"), "--out", join(d, "m.json")]), /^synthlab fit: .*r\.csv: row 2 \(line 3\) has 1 fields, expected 2/],
    ["unknown method", (d) => ["fit", join(DATA_DIR, "mlc_churn.csv.gz"), "--method", "gan2", "--out", join(d, "m.json")], /^synthlab: option '--method <m>' argument 'gan2' is invalid\. Allowed choices are gaussian-copula, /],
    ["bad --rows", (d, m) => ["sample", m, "--rows", "ten", "--out", join(d, "o.csv")], /^synthlab sample: --rows must be a whole number >= 0 \(e\.g\. 1000000 or 1e6\), got "ten"\.$/],
    ["negative --rows", (d, m) => ["sample", m, "--rows", "-5", "--out", join(d, "o.csv")], /^synthlab sample: --rows must be a whole number >= 0/],
    ["unwritable output", (d, m) => ["sample", m, "--rows", "10", "--out", join(d, "no-such-dir", "o.csv")], /^CsvStreamWriter: cannot write ".*o\.csv": ENOENT/],
    ["unwritable Parquet output", (d, m) => (mkdirSync(join(d, "ro")), chmodSync(join(d, "ro"), 0o500), ["sample", m, "--rows", "10", "--out", join(d, process.getuid?.() === 0 ? "no-such-dir" : "ro", "o.parquet")]), /^ParquetStreamWriter: cannot write ".*o\.parquet": E(NOENT|ACCES)/],
    ["bad extension", (d, m) => ["sample", m, "--rows", "10", "--out", join(d, "o.xlsx")], /^synthlab sample: --out must end in \.csv or \.parquet/],
    ["bad --shard", (d, m) => ["sample", m, "--rows", "10", "--out", join(d, "o.csv"), "--shard", "3/3"], /^synthlab sample: --shard must be I\/N with 0 <= I < N/],
    ["bad --workers", (d, m) => ["sample", m, "--rows", "10", "--out", join(d, "o.csv"), "--workers", "0"], /^synthlab sample: --workers must be a whole number >= 1, got "0"\.$/],
    ["model that is not JSON", (d) => (writeFileSync(join(d, "bad.json"), "{"), ["sample", join(d, "bad.json"), "--rows", "10", "--out", join(d, "o.csv")]), /^synthlab sample: ".*bad\.json" is not JSON/],
    ["model that is not a model", (d) => (writeFileSync(join(d, "x.json"), "{}"), ["sample", join(d, "x.json"), "--rows", "10", "--out", join(d, "o.csv")]), /^synthlab sample: ".*x\.json": expected a saved synthesizer/],
    ["missing --rows", (_d, m) => ["sample", m, "--out", "o.csv"], /^synthlab: required option '--rows <n>' not specified$/],
    ["unknown option", (_d, m) => ["sample", m, "--rows", "1", "--out", "o.csv", "--sed", "1"], /^synthlab: unknown option '--sed'/],
    ["unknown command", () => ["smaple"], /^synthlab: unknown command 'smaple'/],
    ["report with a file that does not exist", (d) => ["report", join(DATA_DIR, "mlc_churn.csv.gz"), join(d, "syn.csv"), "--out", join(d, "r.html")], /^synthlab report: ".*syn\.csv": no such file\.$/],
    ["report with an unknown target", (d) => ["report", join(DATA_DIR, "iris.csv"), join(DATA_DIR, "iris.csv"), "--out", join(d, "r.html"), "--target", "kind"], /^synthlab report: --target "kind" is not a column of both tables/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const dir = tmp();
      const r = await run(...args(dir, await churn()));
      assert.equal(r.code, 2, `exit code (stderr: ${r.err.join(" | ")})`);
      assert.equal(r.err.length, 1, `one line: ${JSON.stringify(r.err)}`);
      assert.match(r.err[0]!, message);
      assert.doesNotMatch(r.err[0]!, /\n|    at /, "no stack trace");
    });
  }

  it("as a process: exit code 2 and one line on stderr, --help exits 0", () => {
    const bin = join(ROOT, "src", "cli", "synthlab.ts");
    const bad = spawnSync(process.execPath, ["--import", "tsx", bin, "sample", "nope.json", "--rows", "x1", "--out", "o.csv"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(bad.status, 2, bad.stderr);
    assert.deepEqual(bad.stderr.trim().split("\n"), ['synthlab sample: --rows must be a whole number >= 0 (e.g. 1000000 or 1e6), got "x1".']);
    const help = spawnSync(process.execPath, ["--import", "tsx", bin, "sample", "--help"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--shard <i\/n>/);
  });

  it("package.json names the bin synthlab → dist/cli/synthlab.js", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    assert.deepEqual(pkg.bin, { synthlab: "dist/cli/synthlab.js" });
    assert.match(readFileSync(join(ROOT, "src", "cli", "synthlab.ts"), "utf8"), /^#!\/usr\/bin\/env node\n/);
  });
});

describe("synthlab report", () => {
  it("writes an HTML quality report with --holdout and --target", async () => {
    const model = await churn();
    const dir = tmp();
    const syn = join(dir, "syn.csv");
    assert.equal((await run("sample", model, "--rows", "1500", "--out", syn, "--workers", "1")).code, 0);
    const real = readCsv(join(DATA_DIR, "mlc_churn.csv.gz"));
    writeFileSync(join(dir, "train.csv"), real.slice(0, 4000).toCSV());
    writeFileSync(join(dir, "holdout.csv"), real.slice(4000).toCSV());
    const out = join(dir, "report.html");
    const r = await run("report", join(dir, "train.csv"), syn, "--out", out, "--holdout", join(dir, "holdout.csv"), "--target", "churn");
    assert.equal(r.code, 0, r.err.join("\n"));
    assert.match(r.out[0]!, /^quality score 0\.\d{3} \(.*\) on 20 columns → /);
    const html = readFileSync(out, "utf8");
    assert.ok(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.slice(0, 40));
  });
});

describe("synthlab compare", () => {
  it("fits the named methods and writes one comparison report; an unknown method exits 2", async () => {
    const dir = tmp();
    const out = join(dir, "compare.html");
    const iris = join(dir, "iris.csv");
    writeFileSync(iris, loadIris().frame.toCSV());
    const r = await run("compare", iris, "--out", out, "--methods", "gaussian-copula,multivariate-normal", "--seed", "2", "--no-progress");
    assert.equal(r.code, 0, r.err.join("\n"));
    assert.match(r.out[0]!, /^compared gaussian-copula, multivariate-normal on 150 rows × 5 columns → /);
    const html = readFileSync(out, "utf8");
    assert.ok(html.includes("gaussian-copula") && html.includes("multivariate-normal"), "both methods in the report");
    const bad = await run("compare", iris, "--out", out, "--methods", "copula");
    assert.equal(bad.code, 2);
    assert.match(bad.err[0]!, /^synthlab compare: unknown method "copula"\. Methods: gaussian-copula, /);
  });
});

describe("sampleToFile on worker processes", () => {
  const load = async () => {
    const { readModelFile } = await import("../../src/cli/model-file.js");
    return readModelFile(await churn(), "test");
  };

  it("usedWorkers starts one extra worker per minRows rows, never more than asked", async () => {
    const { usedWorkers, MIN_ROWS_PER_EXTRA_WORKER } = await import("../../src/cli/sample-file.js");
    assert.equal(usedWorkers(2, 300_000), 1, "300,000 rows at the default: this process only");
    assert.equal(usedWorkers(2, MIN_ROWS_PER_EXTRA_WORKER), 2, "one extra worker at the threshold");
    assert.equal(usedWorkers(8, 3 * MIN_ROWS_PER_EXTRA_WORKER + 1), 4, "one per threshold's rows");
    assert.equal(usedWorkers(2, 10 ** 9), 2, "capped at --workers");
    assert.equal(usedWorkers(4, 100, 1), 1, "a single block: this process only");
  });

  it("3 workers (forced past the threshold) write the same CSV and Parquet bytes as 1", async () => {
    const model = await load();
    const { sampleToFile, TASK_ROWS } = await import("../../src/cli/sample-file.js");
    const dir = tmp();
    const count = 2 * TASK_ROWS + 5;
    for (const format of ["csv", "parquet"] as const) {
      const files: Buffer[] = [];
      for (const workers of [1, 3]) {
        const out = join(dir, `w${workers}.${format}`);
        const n = await sampleToFile({ model, start: 0, count, seed: 5, out, format, header: true, workers, minRowsPerExtraWorker: 1 });
        assert.equal(n, count, `${format}, ${workers} workers: rows written`);
        files.push(readFileSync(out));
      }
      assert.ok(files[0]!.equals(files[1]!), `${format}: 3 worker processes differ from 1`);
    }
  });

  it("a worker process that fails surfaces as one clear error", async () => {
    const model = await load();
    const { sampleToFile, TASK_ROWS } = await import("../../src/cli/sample-file.js");
    const dir = tmp();
    const broken = { ...model, path: join(dir, "missing.json") };
    await assert.rejects(
      sampleToFile({ model: broken, start: 0, count: 3 * TASK_ROWS, seed: 5, out: join(dir, "o.csv"), format: "csv", header: true, workers: 2, minRowsPerExtraWorker: 1 }),
      (e: Error) => /^a sample worker process failed: .*ENOENT.*missing\.json/.test(e.message),
    );
  });
});
