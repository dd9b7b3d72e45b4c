import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { ParamError } from "../../src/core/errors.js";
import { loadTable } from "../../src/io/tables.js";
import { compareSynthesizers } from "../../src/quality/compare-synthesizers.js";
import { writeReport } from "../../src/report/write.js";
import { listSynthesizers } from "../../src/tabular/create.js";
import { checkPage } from "../helpers/browser.js";

const dir = mkdtempSync(join(tmpdir(), "synthlab-compare-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("compareSynthesizers", () => {
  const data = loadTable("mlc_churn").head(500);
  const progress: string[] = [];
  const c = compareSynthesizers(data, { methods: ["munge", "gaussian-copula", "cart"], target: "churn", seed: 3, onProgress: (_d, _n, note) => progress.push(note ?? "") });

  it("ranks the methods by the overall score it prints, best first", () => {
    assert.deepEqual(c.results.map((r) => r.rank), [1, 2, 3], "ranks");
    assert.deepEqual(new Set(c.results.map((r) => r.method)), new Set(["munge", "gaussian-copula", "cart"]), "every method");
    for (let k = 1; k < c.results.length; k++) assert.ok(c.results[k - 1]!.overall >= c.results[k]!.overall, `rank ${k} scores at least rank ${k + 1}`);
    for (const r of c.results) {
      const parts = [r.quality, r.detection, r.utility, r.privacy];
      assert.ok(Math.abs(r.overall - parts.reduce((a, b) => a + b, 0) / 4) < 1e-12, `${r.method}: overall is the mean of its printed parts`);
      assert.ok(Math.abs(r.quality - (r.columnShapes + r.columnPairTrends) / 2) < 1e-12, `${r.method}: quality is the mean of shapes and pairs`);
      for (const v of [r.columnShapes, r.columnPairTrends, r.detection, r.utility, r.privacy, r.exactCopyShare]) assert.ok(v >= 0 && v <= 1, `${r.method}: ${v} in [0, 1]`);
      assert.ok(r.fitSeconds > 0 && r.sampleSeconds > 0, `${r.method}: timed`);
      assert.equal(r.error, "", `${r.method}: no error`);
    }
    assert.equal(c.best.method, c.results[0]!.method, "best is rank 1");
    assert.ok(c.recommendation.startsWith(`Use ${c.best.method}:`), c.recommendation);
    const table = c.toTable();
    assert.deepEqual(table.column("method"), c.results.map((r) => r.method), "table in rank order");
    assert.ok(table.columnNames.includes("utility"), "utility with a target");
  });

  it("holds out a seeded 20% itself, and reports progress", () => {
    assert.equal(c.nTrain + c.nHoldout, 500, "every row used once");
    assert.equal(c.nHoldout, 100, "20% held out");
    assert.equal(c.nSynthetic, c.nTrain, "as many synthetic rows as training rows");
    assert.equal(progress.length, 9, "three steps per method");
    const again = compareSynthesizers(data, { methods: ["gaussian-copula"], seed: 3 });
    const r1 = c.reports.get("gaussian-copula")!;
    const r2 = again.reports.get("gaussian-copula")!;
    assert.equal(r2.getScore("Column Shapes"), r1.getScore("Column Shapes"), "same seed, same split and synthetic rows for a method");
  });

  it("renders in Chromium: every figure drawn, no console error", async () => {
    const html = c.toHTML();
    assert.ok(html.includes("Which synthesizer for this table?"), "title");
    const page = await checkPage(writeReport(join(dir, "compare.html"), html));
    assert.deepEqual(page.consoleErrors, [], "console errors");
    assert.deepEqual(page.pageErrors, [], "page errors");
    assert.ok(page.figures >= 2, `${page.figures} figures`);
    assert.equal(page.rendered, page.figures, "every figure drawn");
    assert.ok(page.text.includes(`Use ${c.best.method} for this table.`), "the recommendation on the page");
  });

  it("by default compares every method that fits in reasonable time and says why others were skipped", () => {
    const small = loadTable("mlc_churn").head(120);
    const d = compareSynthesizers(small, { seed: 1 });
    const listed = listSynthesizers().map((m) => m.method as string);
    const seen = [...d.results.map((r) => r.method), ...d.skipped.map((s) => s.method)].sort();
    assert.deepEqual(seen, [...listed].sort(), "every listed method compared or skipped");
    for (const s of d.skipped) assert.ok(s.reason.length > 20, `${s.method}: a reason`);
    assert.ok(d.results.some((r) => r.method === "cart"), "cart compared");
  });

  it("rejects bad input", () => {
    assert.throws(() => compareSynthesizers(data, { methods: ["cart", "gan"] }), (e: Error) => e instanceof ParamError && /unknown method "gan". Methods: gaussian-copula, cart/.test(e.message));
    assert.throws(() => compareSynthesizers(data, { target: "churned" }), (e: Error) => e instanceof ParamError && /'target' must be a column of the table/.test(e.message));
    assert.throws(() => compareSynthesizers(data.head(22)), (e: Error) => e instanceof ParamError && /the table has 22 rows: too few to hold out 5/.test(e.message));
    assert.throws(() => compareSynthesizers(data, { method: ["cart"] } as never), /unknown option 'method'/);
    assert.throws(() => compareSynthesizers(data, { methods: ["cart"], methodOptions: { munge: { p: 0.2 } } }), /'methodOptions' names "munge", which is not compared/);
    assert.throws(() => compareSynthesizers(data, { holdoutFraction: 1.5 }), /'holdoutFraction' must be in \(0, 1\)/);
  });
});
