import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { binOf, discretizeColumn, histogramBinEdges, histogramCounts } from "../../src/quality/binning.js";
import { contingencySimilarity } from "../../src/quality/metrics/contingency-similarity.js";
import { qualityReport } from "../../src/quality/quality-report.js";
import { createRng } from "../../src/random/rng.js";
import { sharedBins } from "../../src/report/quality-figures.js";

// Made by test/fixtures/numpy_histogram.py (numpy's histogram_bin_edges, histogram, and SDMetrics' discretize_column); see its header.
interface Case {
  bins: number;
  real: number[];
  edges: number[];
  values: (number | null)[];
  histogram: number[];
  discretizeReal: number[];
  discretize: number[];
}
const fx = JSON.parse(readFileSync(new URL("../fixtures/numpy_histogram.json", import.meta.url), "utf8")) as { cases: Case[] };
const num = (v: (number | null)[]) => Float64Array.from(v, (x) => (x === null ? NaN : x));

describe("binning as numpy and SDMetrics do (half-open bins, a value on an edge in the upper bin)", () => {
  it("edges equal numpy.histogram_bin_edges bit for bit", () => {
    for (const c of fx.cases) assert.deepEqual(Array.from(histogramBinEdges(c.real, c.bins)), c.edges, `bins ${c.bins} over [${c.real[0]}, ${c.real[1]}]`);
  });

  it("counts equal numpy.histogram on values lying on every edge and just beside them", () => {
    for (const c of fx.cases) assert.deepEqual(Array.from(histogramCounts(num(c.values), Float64Array.from(c.edges))), c.histogram, `bins ${c.bins}`);
  });

  it("codes equal SDMetrics' discretize_column (numpy.digitize on the real edges opened to ±∞, missing its own code)", () => {
    for (const c of fx.cases) {
      const d = discretizeColumn(c.real, num(c.values), c.bins);
      assert.deepEqual(Array.from(d.real), c.discretizeReal, `real, bins ${c.bins}`);
      assert.deepEqual(Array.from(d.synthetic), c.discretize, `values, bins ${c.bins}`);
      assert.equal(d.levels, c.bins + 1);
    }
  });

  it("the old floor((v − lo) / width) rule put some edge values in the lower bin; binOf does not", () => {
    let differ = 0;
    for (const c of fx.cases) {
      const edges = Float64Array.from(c.edges);
      const lo = edges[0]!;
      const width = (edges[c.bins]! - lo) / c.bins;
      for (let k = 1; k < c.bins; k++) {
        const v = edges[k]!;
        assert.equal(binOf(v, edges), k, `edge ${k} of ${c.bins} (${v}) goes to bin ${k}`);
        if (Math.floor((v - lo) / width) !== k) differ++;
      }
    }
    assert.ok(differ > 0, "the fixture holds an edge value that floor() misplaces");
  });

  it("the report's marginal figures bin as numpy.histogram (last bin closed)", () => {
    const c = fx.cases[1]!;
    const values = num(c.values).filter((v) => v >= c.edges[0]! && v <= c.edges[c.bins]!);
    const { edges, densities } = sharedBins([values], c.bins);
    const width = edges[1]! - edges[0]!;
    const total = c.histogram.reduce((a, b) => a + b, 0);
    assert.deepEqual(
      Array.from(densities[0]!, (d) => Math.round(d * total * width)),
      c.histogram,
    );
  });

  it("rejects bad options of contingencySimilarity by name", () => {
    assert.throws(() => contingencySimilarity([[1, 2], ["a", "b"]], [[1, 2], ["a", "b"]], { continuousColumnNames: ["z"] }), /"z" is not a column of the pair|'z' is not a column/);
    assert.throws(() => contingencySimilarity([[1, 2], ["a", "b"]], [[1, 2], ["a", "b"]], { numDiscreteBins: 0 }), /'numDiscreteBins' must be an integer >= 1, got 0/);
    assert.throws(() => contingencySimilarity([["x", "y"], ["a", "b"]], [["x", "y"], ["a", "b"]], { continuousColumnNames: [0] }), /needs numbers/);
  });
});

describe("contingencySimilarity's continuousColumnNames (SDMetrics' continuous_column_names)", () => {
  const rng = createRng(31);
  const make = (n: number, shift: number) => {
    const x = rng.normal(shift, 1, n);
    return Table.fromColumns({ x, g: Array.from(x, (v, i) => (v + (i % 3) * 0.4 > 0.5 ? "p" : "q")) });
  };
  const real = make(3000, 0);
  const syn = make(2500, 0.3);

  it("a direct call on a numeric column means the same as inside the report", () => {
    const direct = contingencySimilarity([real.columnInfo("x"), real.columnInfo("g")], [syn.columnInfo("x"), syn.columnInfo("g")], { continuousColumnNames: ["x"] });
    const byPosition = contingencySimilarity([real.columnInfo("x"), real.columnInfo("g")], [syn.columnInfo("x"), syn.columnInfo("g")], { continuousColumnNames: [0] });
    const report = qualityReport(real, syn, { seed: 1, properties: ["Column Pair Trends"] });
    const inReport = (report.getDetails("Column Pair Trends").column("score") as Float64Array)[0]!;
    assert.equal(direct.score, inReport);
    assert.equal(byPosition.score, inReport);
    const unbinned = contingencySimilarity([real.columnInfo("x"), real.columnInfo("g")], [syn.columnInfo("x"), syn.columnInfo("g")]);
    assert.ok(unbinned.score < 0.05, `every distinct number its own category: ${unbinned.score}`);
  });

  it("equals a hand count on the SDMetrics bins", () => {
    // real x in [0, 10]: edges 0, 1, ..., 10; synthetic 1 (on an edge) goes to the bin [1, 2), like 1.5
    const r = contingencySimilarity([[0, 10, 1.5, 5], ["a", "b", "a", "b"]], [[1, 10, 1.5, 5], ["a", "b", "a", "b"]], { continuousColumnNames: [0] });
    assert.equal(r.score, 0.75);
  });
});
