import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";
import { renderHTML, type Block } from "../../src/report/document.js";
import { binnedHistograms, categoryBars } from "../../src/report/quality-figures.js";

function pairs(n: number, seed: number, rho: number): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const e = rng.standardNormal(n);
  const b = Float64Array.from(a, (v, i) => rho * v + Math.sqrt(1 - rho * rho) * e[i]!);
  return Table.fromColumns({ a, b, c: rng.standardNormal(n), "<b>x</b>": Array.from(a, (v) => (v > 0 ? "<i>p</i>" : "q")) });
}

const figures = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: "figure" }> => b.type === "figure");

describe("the report's figures show what they measure", () => {
  const report = qualityReport(pairs(2000, 1, 0.8), pairs(2000, 2, 0.3), { seed: 1, properties: ["Column Shapes", "Column Pair Trends", "Validity"] });
  const doc = report.toDocument();
  const section = (prefix: string) => doc.sections.find((s) => s.title.startsWith(prefix))!;

  it("the correlation difference heat map spans 0 to the largest difference, not 0 to 2", () => {
    const diff = figures(section("Column Pair Trends").blocks).find((f) => String((f.figure.layout!.title as { text: string }).text).includes("difference"))!;
    const trace = diff.figure.data[0] as { z: number[][]; zmax: number; zmin: number };
    const largest = Math.max(...trace.z.flat().filter(Number.isFinite));
    assert.equal(trace.zmin, 0);
    assert.equal(trace.zmax, Math.max(0.05, largest));
    assert.ok(trace.zmax < 1, `${trace.zmax}`);
  });

  it("the pair score heat map draws every pair and marks those not scored", () => {
    const score = figures(section("Column Pair Trends").blocks).find((f) => String((f.figure.layout!.title as { text: string }).text).startsWith("Pair score"))!;
    const trace = score.figure.data[0] as { text: string[][]; zmin: number };
    const meets = report.getDetails("Column Pair Trends").column("meets threshold") as (boolean | null)[];
    const marked = trace.text.flat().filter((t) => t.endsWith("*")).length;
    assert.equal(marked, 2 * meets.filter((m) => m === false).length);
    assert.ok(marked > 0, "some pair has no real trend");
    assert.ok(trace.zmin > 0 && trace.zmin <= 0.9, `${trace.zmin}`);
  });

  it("bars leave no empty space below (no minimum height on figures) and histograms show shares of rows on a percent axis", () => {
    const html = renderHTML(doc);
    assert.ok(!/\.figure \{[^}]*min-height/.test(html), "a figure min-height leaves empty space under short bar charts");
    const f = binnedHistograms("", [1, 2, 3, 4], [2, 3, 3, 4], { nbins: 4, norm: "share" });
    for (const t of f.data as { y: number[] }[]) assert.ok(Math.abs(t.y.reduce((a, b) => a + b, 0) - 1) < 1e-12, "shares sum to 1");
    assert.equal((f.layout!.yaxis as { tickformat: string }).tickformat, ".0%");
    assert.equal(((categoryBars("", ["a"], [1], [1]).layout!.yaxis as { title: { text: string } }).title.text), "share of rows");
  });

  it("the verdict is the first block of the page, escaped, with its thresholds", () => {
    const first = doc.sections[0]!.blocks[0]!;
    assert.equal(first.type, "verdict");
    const html = renderHTML(doc);
    const body = html.slice(html.indexOf("<body>"));
    assert.ok(body.indexOf('class="verdict') < body.indexOf('class="metrics"'), "verdict before the score cards");
    assert.ok(!body.includes("<b>x</b>") && !body.includes("<i>p</i>"), "a column name reached the page as markup");
    assert.ok(body.includes("Thresholds: marginals close at Column Shapes ≥ 0.9"), "thresholds printed");
  });
});
