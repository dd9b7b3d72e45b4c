import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";
import { writeReport } from "../../src/report/write.js";
import { checkPage } from "../helpers/browser.js";

/** A seeded mixed table: correlated numbers, an integer, a category, a boolean, a date, some missing values. */
function mixed(n: number, seed: number, shift = 0): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const e = rng.standardNormal(n);
  const b = Float64Array.from(a, (v, i) => (i % 37 === 5 ? NaN : 0.8 * v + 0.6 * e[i]! + shift));
  const count = Float64Array.from(rng.poisson(3, n), (v) => v + Math.round(shift));
  const cat = Array.from(a, (v, i) => (i % 41 === 3 ? null : v + shift > 0.5 ? "hi" : v + shift > -0.5 ? "mid" : "lo"));
  const flag = Array.from(b, (v) => v > shift);
  const day = Array.from(a, (v) => new Date(Date.UTC(2024, 0, 1) + Math.round((v + shift) * 10) * 86400000));
  return Table.fromColumns({ a: Float64Array.from(a, (v) => v + shift), b, count, cat, flag, day }, { count: "integer" });
}

const dir = mkdtempSync(join(tmpdir(), "synthlab-quality-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("qualityReport", () => {
  const real = mixed(800, 1);
  it("identical tables score 1 on every similarity property; a shifted copy scores lower", () => {
    const same = qualityReport(real, real, { seed: 2, target: "cat" });
    assert.equal(same.getScore("Column Shapes"), 1);
    assert.equal(same.getScore("Column Pair Trends"), 1);
    assert.equal(same.getScore("Validity"), 1);
    assert.equal(same.score, 1);
    assert.ok(same.getScore("Detection") > 0.9);
    assert.equal(same.getScore("Privacy"), 0); // every synthetic row is a real row
    const shifted = qualityReport(real, mixed(800, 1, 1.5), { seed: 2, target: "cat" });
    assert.ok(shifted.getScore("Column Shapes") < 0.75, `${shifted.getScore("Column Shapes")}`);
    assert.ok(shifted.getScore("Validity") < 0.99, `${shifted.getScore("Validity")}`);
    assert.ok(shifted.getScore("Detection") < 0.3);
    assert.ok(shifted.score < same.score - 0.2);
    const fresh = qualityReport(real, mixed(800, 7), { seed: 2, target: "cat" });
    assert.ok(fresh.score > 0.85 && fresh.score < 1, `${fresh.score}`);
    assert.ok(fresh.getScore("Privacy") > 0);
    assert.deepEqual(same.getDetails("Column Shapes").columnNames, ["column", "kind", "metric", "score", "error"]);
    assert.deepEqual(Array.from(same.toTable().column("property") as string[]), ["Overall quality", "Column Shapes", "Column Pair Trends", "Validity", "Detection", "Utility", "Privacy"]);
  });
  it("is reproducible with a seed", () => {
    const s = mixed(800, 7);
    const r1 = qualityReport(real, s, { seed: 5 });
    const r2 = qualityReport(real, s, { seed: 5 });
    assert.deepEqual(r1.properties.map((p) => p.score), r2.properties.map((p) => p.score));
  });
  it("records a failing column in the details and goes on", () => {
    const bad = mixed(800, 7).withColumn("a", new Float64Array(800).fill(2)).withColumn("flag", Array.from({ length: 800 }, (_, i) => i * 0.5), "numeric");
    const r = qualityReport(real, bad, { seed: 3, properties: ["Column Shapes", "Column Pair Trends", "Validity"] });
    const shapes = r.getDetails("Column Shapes");
    const err = shapes.column("error") as (string | null)[];
    const cols = shapes.column("column") as string[];
    assert.match(err[cols.indexOf("flag")]!, /real column is boolean, the synthetic one numeric/);
    assert.equal(err[cols.indexOf("a")], null);
    const pairs = r.getDetails("Column Pair Trends");
    const perr = pairs.column("error") as (string | null)[];
    const c1 = pairs.column("column 1") as string[];
    const c2 = pairs.column("column 2") as string[];
    const ab = c1.findIndex((c, i) => c === "a" && c2[i] === "b");
    assert.match(perr[ab]!, /synthetic column is constant/);
    assert.ok(Number.isFinite(r.getScore("Column Pair Trends")));
    assert.ok(Number.isFinite(r.score));
  });
  it("subsamples where it says so", () => {
    const r = qualityReport(real, mixed(800, 7), { seed: 3, detectionRows: 300, privacyQueries: 100, privacyRows: 400, pairRows: 500 });
    const notes = r.properties.flatMap((p) => p.notes).join(" ");
    assert.match(notes, /Detection and pMSE use a seeded subsample of 300 real and 300 synthetic rows/);
    assert.match(notes, /100 synthetic rows .* against 400 real rows/);
    assert.match(notes, /Contingency tables use a seeded subsample of 500 real and 500 synthetic rows/);
    assert.match(r.toHTML(), /seeded subsample of 300 real/);
  });
  it("runs on a larger table with the default subsample sizes and says where it subsampled", () => {
    const rng = createRng(12);
    const n = 60000;
    const make = (shift: number) => {
      const z = rng.standardNormal(n);
      const cols: Record<string, Float64Array> = {};
      for (let j = 0; j < 10; j++) {
        const e = rng.standardNormal(n);
        cols[`c${j}`] = Float64Array.from(e, (v, i) => (j % 3 === 0 ? 0.8 * z[i]! + 0.6 * v : v) + (j === 0 ? shift : 0));
      }
      return Table.fromColumns(cols).withColumn("g", Array.from(z, (v) => (v > 0 ? "pos" : "neg")), "categorical");
    };
    const r = qualityReport(make(0), make(0.2), { seed: 1, target: "g" });
    const notes = r.properties.flatMap((p) => p.notes).join(" ");
    assert.match(notes, /Detection and pMSE use a seeded subsample of 10,000 real and 10,000 synthetic rows/);
    assert.match(notes, /2,000 synthetic rows .* against 20,000 real rows/);
    assert.match(notes, /20,000 per table/);
    const shapes = r.getDetails("Column Shapes");
    const scores = shapes.column("score") as Float64Array;
    assert.ok(scores[0]! < scores[1]! - 0.03, "the shifted column scores lower");
    assert.ok(r.score > 0.9 && r.score < 1, `${r.score}`);
    assert.ok(r.toHTML().length < 8_000_000, "figures are drawn from bins, not raw rows");
  });
  it("rejects bad options", () => {
    const bad: [() => unknown, RegExp][] = [
      [() => qualityReport(real, real, { traget: "a" } as never), /unknown option 'traget'/],
      [() => qualityReport(real, real, { target: "zz" }), /'target' must be one of the compared columns/],
      [() => qualityReport(real, real, { properties: ["Utility"] }), /needs 'target'/],
      [() => qualityReport(real, real, { properties: ["Shapes" as never] }), /unknown property/],
      [() => qualityReport(real, real, { detectionRows: 5 }), /'detectionRows' must be an integer >= 10/],
      [() => qualityReport(real, real, { realCorrelationThreshold: 1 }), /\[0, 1\)/],
      [() => qualityReport(real, Table.fromColumns({ z: [1, 2] })), /share no column/],
      [() => qualityReport(real, real, { columns: ["nope"] }), /no column "nope"|no column 'nope'/],
      [() => qualityReport(real, "x" as never), /'synthetic' must be a Table/],
      [() => qualityReport(real, real).getProperty("Utility"), /no property "Utility"|no property 'Utility'/],
    ];
    for (const [f, re] of bad) assert.throws(f, re);
  });
});

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "</script><script>alert(1)</script>",
  "javascript:alert(1)",
  "{{7*7}}",
  "&lt;b&gt;",
  "'; DROP TABLE x; --",
  "a\u2028b",
  "<!--",
  "<a href=\"javascript:alert(1)\">click</a>",
  "<b>bold</b>",
];

describe("qualityReport HTML in headless Chromium", () => {
  it("draws every figure with no console error, and hostile names and values show as text and run nothing", async () => {
    const rng = createRng(9);
    const n = 300;
    const cols: Record<string, ArrayLike<unknown>> = {};
    const colsSyn: Record<string, ArrayLike<unknown>> = {};
    const base = rng.standardNormal(n);
    HOSTILE.slice(0, 6).forEach((name, k) => {
      cols[name] = Float64Array.from(base, (v, i) => v * (k + 1) + (i % (k + 2)));
      colsSyn[name] = Float64Array.from(base, (v, i) => v * (k + 1.2) + (i % (k + 3)));
    });
    for (const name of HOSTILE.slice(6)) {
      cols[name] = Array.from({ length: n }, (_, i) => HOSTILE[(i * 7) % HOSTILE.length]!);
      colsSyn[name] = Array.from({ length: n }, (_, i) => HOSTILE[(i * 5) % HOSTILE.length]!);
    }
    const kinds = Object.fromEntries(HOSTILE.slice(6).map((h) => [h, "categorical" as const]));
    const real = Table.fromColumns(cols, kinds);
    const syn = Table.fromColumns(colsSyn, kinds);
    const report = qualityReport(real, syn, { seed: 4, target: HOSTILE[7], title: "<script>alert('title')</script>" });
    const html = report.toHTML();
    assert.ok(!html.includes("<script>alert(1)</script>"), "a raw script tag from the data reached the page");
    assert.ok(!html.includes("<img src=x"));
    const file = writeReport(join(dir, "hostile.html"), html);
    const page = await checkPage(file);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.figureErrors, []);
    assert.deepEqual(page.requests, []);
    assert.ok(page.figures >= 8, `${page.figures} figures`);
    assert.equal(page.rendered, page.figures);
    for (const h of HOSTILE) if (!h.includes("\u2028")) assert.ok(page.text.includes(h), `not shown literally: ${h}`);
    assert.ok(page.text.includes("<script>alert('title')</script>"));
  });
  it("a report of a fitted-looking table renders every figure", async () => {
    const report = qualityReport(mixed(2000, 1), mixed(1500, 8), { seed: 1, target: "cat" });
    const page = await checkPage(writeReport(join(dir, "mixed.html"), report.toHTML()));
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.pageErrors, []);
    assert.equal(page.rendered, page.figures);
    assert.ok(page.figures >= 9, `${page.figures} figures`);
  });
});
