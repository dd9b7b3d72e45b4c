import { Table } from "../../core/table.js";
import { qualityReport, type QualityReport } from "../../quality/quality-report.js";
import { createRng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";
import { peakRssMiB, resetPeakRss } from "../memory.js";

const SEED = 11;

/**
 * A seeded 20-column table: 16 correlated numeric columns (four groups around
 * a shared factor, one of them lognormal), a Poisson count, a boolean, and
 * two categorical columns (one derived from the factor, the target). `shift`
 * moves the numbers, so real (0) and synthetic (> 0) differ a little.
 */
function mixedFrame(n: number, seed: number, shift: number): Table {
  const rng = createRng(seed);
  const cols: Record<string, ArrayLike<unknown>> = {};
  const factors = [rng.standardNormal(n), rng.standardNormal(n), rng.standardNormal(n), rng.standardNormal(n)];
  for (let j = 0; j < 16; j++) {
    const f = factors[j % 4]!;
    const e = rng.standardNormal(n);
    const w = 0.3 + 0.15 * (j % 4);
    const v = Float64Array.from(e, (x, i) => w * f[i]! + Math.sqrt(1 - w * w) * x + shift * (j % 3 === 0 ? 1 : 0));
    cols[`x${j}`] = j === 5 ? v.map(Math.exp) : v;
  }
  cols.count = rng.poisson(3, n);
  const f0 = factors[0]!;
  cols.flag = Array.from(f0, (v) => v > shift);
  const levels = ["a", "b", "c", "d", "e"];
  cols.segment = Array.from(factors[1]!, (v) => levels[Math.min(4, Math.max(0, Math.floor(v + 2.5)))]!);
  cols.label = Array.from(f0, (v, i) => (v + 0.5 * factors[2]![i]! > 0.3 ? "yes" : "no"));
  return Table.fromColumns(cols, { count: "integer" });
}

const scoreInfo = (r: unknown) => {
  const q = r as QualityReport;
  return Object.fromEntries([["overall", q.score], ...q.properties.map((p) => [p.name, Math.round(p.score * 1e4) / 1e4])]);
};

/** synthlab-only cases (no peer): the quality report at a million rows. */
export const REPORT_CASES: BenchCase[] = [
  {
    name: "quality_report_1m_x20",
    params: (s) =>
      `qualityReport(real, synthetic, { target: "label", seed: ${SEED} }) + toHTML(); ${scaled(1_000_000, s)} x 20 each (16 numeric, 1 integer, 1 boolean, 2 categorical), default subsample sizes; no peer (SDMetrics is not in the peers)`,
    setup: (s) => {
      const n = scaled(1_000_000, s);
      const real = mixedFrame(n, SEED, 0);
      const synthetic = mixedFrame(n, SEED + 1, 0.05);
      const reset = resetPeakRss();
      let htmlBytes = 0;
      return {
        op: () => {
          const r = qualityReport(real, synthetic, { target: "label", seed: SEED });
          htmlBytes = r.toHTML().length;
          return r;
        },
        info: (r) => ({
          ...scoreInfo(r),
          timings_s: (r as QualityReport).timings,
          html_chars: htmlBytes,
          peak_rss_mib: reset ? peakRssMiB() : "unavailable",
          peak_rss_note: "VmHWM since this case's setup (whole process, inputs included)",
        }),
      };
    },
  },
];
