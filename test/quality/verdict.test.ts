import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { VERDICT_THRESHOLDS } from "../../src/quality/verdict.js";
import { createRng } from "../../src/random/rng.js";

/** Four numbers in two correlated pairs (a–b, c–d) and a category; the synthetic table shifts `a` and breaks c–d. */
function table(n: number, seed: number, broken: boolean): Table {
  const rng = createRng(seed);
  const a = rng.standardNormal(n);
  const c = rng.standardNormal(n);
  const e1 = rng.standardNormal(n);
  const e2 = rng.standardNormal(n);
  const b = Float64Array.from(a, (v, i) => 0.9 * v + 0.44 * e1[i]!);
  const d = broken ? rng.standardNormal(n) : Float64Array.from(c, (v, i) => 0.85 * v + 0.53 * e2[i]!);
  const a2 = broken ? Float64Array.from(a, (v) => v * 1.3 + 0.6) : a;
  return Table.fromColumns({ a: a2, b: Float64Array.from(b, (v) => v + (broken ? 0.6 * 0.9 : 0)), c, d, g: Array.from(c, (v) => (v > 0 ? "p" : "q")) });
}

describe("the verdict", () => {
  const real = table(3000, 1, false);
  it("names the worst column and the worst pair, in plain words with its thresholds", () => {
    const r = qualityReport(real, table(3000, 2, true), { seed: 1 });
    const byTopic = Object.fromEntries(r.verdict.lines.map((l) => [l.topic, l]));
    assert.equal(byTopic.Marginals!.worst, "a");
    assert.equal(byTopic.Pairs!.worst, "c × d");
    assert.match(byTopic.Pairs!.text, /^2 of 4 relations lost, worst c × d \(real r 0\.8\d, synthetic -?0\.0\d\)/);
    assert.notEqual(byTopic.Pairs!.level, "good");
    assert.match(r.verdict.thresholds, new RegExp(`Column Shapes ≥ ${VERDICT_THRESHOLDS.shapes.good}`));
    const html = r.toHTML();
    const body = html.slice(html.indexOf("<body>"));
    assert.ok(body.indexOf(r.verdict.headline.replace(/&/g, "&amp;")) < body.indexOf("Overall quality"), "the verdict comes before the scores");
  });

  it("reads good for a fresh sample of the same law, and counts pairs with no real trend apart", () => {
    const r = qualityReport(real, table(3000, 3, false), { seed: 1, holdout: table(3000, 4, false) });
    assert.equal(r.verdict.level, "good", r.verdict.lines.map((l) => `${l.level} ${l.topic}: ${l.text}`).join("\n"));
    assert.match(r.verdict.headline, /^Good/);
    const pairs = r.verdict.lines.find((l) => l.topic === "Pairs")!;
    assert.match(pairs.text, /more pairs with no real trend are shown in the details, not scored/);
  });
});
