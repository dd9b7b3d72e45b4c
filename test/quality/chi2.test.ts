import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { chi2Contingency, chi2Sf, chisquare } from "../../src/quality/chi2.js";
import { cramersVTable } from "../../src/quality/metrics/cramers-v.js";

// Made by test/fixtures/scipy_chi2.py (Debian's scipy); see its header for the command.
const fx = JSON.parse(readFileSync(new URL("../fixtures/scipy_chi2.json", import.meta.url), "utf8"));
const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs scipy ${b} (|Δ| = ${Math.abs(a - b)})`);

describe("chi-square tests vs scipy", () => {
  it("chi2.sf", () => {
    for (const { x, df, sf } of fx.chi2_sf) close(chi2Sf(x, df), sf, 1e-12, `chi2.sf(${x}, ${df})`);
  });
  it("chisquare", () => {
    for (const c of fx.chisquare) {
      const r = chisquare(c.observed, c.expected, { ddof: c.ddof });
      close(r.statistic, c.statistic, 1e-9, "statistic");
      close(r.pvalue, c.pvalue, 1e-9, "pvalue");
    }
  });
  it("chi2_contingency with and without Yates' correction", () => {
    for (const c of fx.contingency) {
      const r = chi2Contingency(c.table, { correction: c.correction });
      close(r.statistic, c.statistic, 1e-9, "statistic");
      close(r.pvalue, c.pvalue, 1e-9, "pvalue");
      assert.equal(r.dof, c.dof);
      c.expected.forEach((row: number[], i: number) => row.forEach((e, j) => close(r.expectedFreq[i]![j]!, e, 1e-9, "expected")));
    }
  });
  it("Cramér's V equals scipy.stats.contingency.association", () => {
    for (const c of fx.cramers_v) close(cramersVTable(c.table), c.v, 1e-12, "V");
  });
  it("rejects bad input with messages", () => {
    const bad: [() => unknown, RegExp][] = [
      [() => chisquare([1]), /at least 2 categories/],
      [() => chisquare([1, 2], [1, 1]), /totals?.*differ/],
      [() => chisquare([1, 2], [0, 3]), /must be > 0/],
      [() => chisquare([1, NaN]), /finite number/],
      [() => chisquare([1, 2], null, { ddof: 1 }), /k - 1 - ddof/],
      [() => chisquare([1, 2], null, { dof: 1 } as never), /unknown option 'dof'/],
      [() => chi2Contingency([[1, 2], [3]]), /row 1 has 1 counts/],
      [() => chi2Contingency([[1, 0], [2, 0]]), /expected frequency.*is 0/],
      [() => chi2Contingency([[1, -2], [2, 3]]), /negative/],
      [() => chi2Sf(1, 0), /'df' must be > 0/],
    ];
    for (const [f, re] of bad) assert.throws(f, re);
  });
});
