import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseArgs } from "../../src/cli/args.js";
import { runDemo } from "../../src/cli/demo.js";
import { checkPage } from "../helpers/browser.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tmp = () => mkdtempSync(join(tmpdir(), "synthlab-cli-"));

describe("npm start (the demo job)", () => {
  it("fits CART to every column of the churn table and writes a report, verdict first, whose every figure draws in Chromium with no console error", async () => {
    const out = join(tmp(), "reports", "demo.html");
    const r = runDemo(parseArgs(["--out", out]));
    assert.equal(r.path, out);
    assert.equal(r.method, "cart");
    assert.equal(r.realRows, 5000);
    assert.equal(r.syntheticRows, 5000);
    assert.equal(r.columns.length, 20, "every column of mlc_churn");
    assert.ok(r.columns.includes("state") && r.columns.includes("churn"), "categorical columns kept");
    assert.equal(r.ks.length, 15, "a KS test per numeric column");
    for (const k of r.ks) assert.ok(k.statistic >= 0 && k.statistic < 0.5 && k.pvalue >= 0 && k.pvalue <= 1, JSON.stringify(k));
    const html = readFileSync(out, "utf8");
    assert.ok(html.includes("describe(), side by side") && html.includes("total_day_minutes synthetic"), "describe() table");
    for (const section of ["Two-sample Kolmogorov–Smirnov test per numeric column", "Column Shapes: ", "Column Pair Trends: ", "Validity: ", "Detection: ", "Privacy: "]) {
      assert.ok(html.includes(section), section);
    }
    assert.ok(html.indexOf(r.verdict.headline) < html.indexOf("Column Shapes: "), "the verdict comes first");
    assert.ok(r.score > 0.5 && r.score < 1, String(r.score));
    assert.deepEqual(
      r.properties.map((p) => p.name),
      ["Column Shapes", "Column Pair Trends", "Validity", "Detection", "Privacy"],
    );
    const page = await checkPage(out);
    assert.ok(page.figures >= 1, "figures");
    assert.equal(page.rendered, page.figures, page.figureErrors.join("; "));
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.requests, []);
  });

  it("is reproducible with a seed and differs with another", () => {
    const dir = tmp();
    const a = runDemo(parseArgs(["--seed", "7", "--out", join(dir, "a.html")]));
    const b = runDemo(parseArgs(["--seed", "7", "--out", join(dir, "b.html")]));
    const c = runDemo(parseArgs(["--seed", "8", "--out", join(dir, "c.html")]));
    assert.deepEqual(a.ks, b.ks);
    assert.notDeepEqual(a.ks, c.ks);
  });

  it("takes a bundled mixed table and keeps every column", () => {
    const r = runDemo(parseArgs(["--dataset", "mlc_churn", "--rows", "800", "--out", join(tmp(), "churn.html")]));
    assert.equal(r.columns.length, 20);
    assert.equal(r.realRows, 5000);
    assert.equal(r.syntheticRows, 800);
    assert.match(r.source, /bundled table "mlc_churn" \(5,000 rows × 20 columns, every column used\)/);
    assert.ok(r.verdict.lines.some((l) => l.startsWith("Copies: ")), r.verdict.lines.join("\n"));
  });

  it("takes another CSV with every column, says which columns it used, and names the file in the title", () => {
    const dir = tmp();
    const csv = join(dir, "in.csv");
    writeFileSync(csv, "a,b,label\n" + Array.from({ length: 60 }, (_, i) => `${i},${(i * 7) % 13},${i % 2 ? "x" : "y"}`).join("\n") + "\n1,,z\n");
    const r = runDemo(parseArgs(["--data", csv, "--rows", "500", "--out", join(dir, "r.html")]));
    assert.deepEqual(r.columns, ["a", "b", "label"]);
    assert.equal(r.realRows, 61);
    assert.equal(r.syntheticRows, 500);
    assert.match(r.source, /in\.csv \(61 rows; columns used: a, b, label\)/);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    assert.match(html, /<title>synthlab demo: in\.csv, real vs synthetic<\/title>/);
    assert.ok(html.includes("columns used: a, b, label"), "the report says which columns it used");
  });

  it("rejects bad arguments and a ragged CSV with clear messages (exit 2)", () => {
    assert.throws(() => parseArgs(["--rows", "0"]), /--rows must be an integer >= 1, got "0"/);
    assert.throws(() => parseArgs(["--colour", "red"]), /unknown option --colour/);
    assert.throws(() => parseArgs(["--out"]), /--out needs a value/);
    assert.throws(() => runDemo(parseArgs(["--dataset", "mnist"])), /unknown dataset "mnist"\. Known: iris, wine, breast_cancer, digits, mlc_churn, wa_churn, ames/);
    const dir = tmp();
    writeFileSync(join(dir, "bad.csv"), "a,b\n1,2\n3\n");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "--data", join(dir, "bad.csv"), "--out", join(dir, "x.html")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /error: readCsv: .*bad\.csv: row 2 \(line 3\) has 1 fields, expected 2 \(header: a, b\)\./);
  });
});
