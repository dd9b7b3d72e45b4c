/** The demo job behind `npm start`: the best available table synthesizer, a quality report. */
import { basename } from "node:path";
import { ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { readCsv } from "../io/csv-file.js";
import { DATASET_NAMES, loadDataset, type DatasetName } from "../io/datasets.js";
import { loadTable, TABLE_NAMES, type TableName } from "../io/tables.js";
import { compareDescribe } from "../quality/describe.js";
import { ks2samp } from "../quality/ks.js";
import { qualityReport } from "../quality/quality-report.js";
import { renderHTML } from "../report/document.js";
import { writeReport } from "../report/write.js";
import { createSynthesizer } from "../tabular/create.js";
import type { CliOptions } from "./args.js";

/**
 * The synthesizer the demo fits: synthpop's CART (one tree per column on the columns before it, values drawn from real
 * donors in the leaf; every column kind, missing values kept), the best of `compareSynthesizers` on the churn table.
 */
export const DEMO_METHOD = "cart" as const;

/** What the demo did, for the summary it prints. */
export interface DemoResult {
  path: string;
  source: string;
  realRows: number;
  syntheticRows: number;
  /** Every column of the real table (all are modelled and compared). */
  columns: string[];
  /** The synthesizer's method name. */
  method: string;
  /** Two-sample KS per numeric column. */
  ks: { column: string; statistic: number; pvalue: number }[];
  /** The quality report's overall score and its property scores. */
  score: number;
  properties: { name: string; score: number }[];
  /** The report's verdict: its headline and one sentence per property. */
  verdict: { headline: string; lines: string[] };
}

/** The real rows: a CSV (every column), a bundled mixed table, or a bundled dataset's features and its target. */
function loadReal(opts: CliOptions): { table: Table; source: string; title: string } {
  if (opts.data) {
    const t = readCsv(opts.data);
    const file = basename(opts.data);
    return { table: t, source: `${opts.data} (${t.nRows.toLocaleString("en-US")} rows; columns used: ${t.columnNames.join(", ")})`, title: `synthlab demo: ${file}, real vs synthetic` };
  }
  const name = opts.dataset;
  if ((TABLE_NAMES as readonly string[]).includes(name)) {
    const t = loadTable(name as TableName);
    return { table: t, source: `bundled table "${name}" (${t.nRows.toLocaleString("en-US")} rows × ${t.columnNames.length} columns, every column used)`, title: `synthlab demo: ${name}, real vs synthetic` };
  }
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new ParamError("synthlab", "dataset", name, `unknown dataset ${show(name)}. Known: ${[...DATASET_NAMES, ...TABLE_NAMES].join(", ")}.`);
  }
  const ds = loadDataset(name as DatasetName);
  return { table: ds.frame, source: `bundled dataset "${name}" (its features and its target, every column used)`, title: `synthlab demo: ${name}, real vs synthetic` };
}

/**
 * The main job: fit the CART synthesizer to the real table
 * (every column: numbers, categories, dates and missing values), sample,
 * and write the quality report comparing them ({@link qualityReport}), its
 * verdict first, with the describe() tables side by side and a two-sample
 * KS test per numeric column after the overview.
 */
export function runDemo(opts: CliOptions): DemoResult {
  const { table: real, source, title } = loadReal(opts);
  const names = real.columnNames;
  const nSynth = opts.rows ?? real.nRows;
  const synthesizer = createSynthesizer(DEMO_METHOD, { seed: opts.seed }).fit(real);
  const synthetic = synthesizer.sample(nSynth, { seed: opts.seed });

  const ks = names
    .filter((c) => {
      const k = real.columnInfo(c).kind;
      return (k === "numeric" || k === "integer") && synthetic.columnInfo(c).kind !== "categorical";
    })
    .map((c) => {
      const finite = (t: Table) => (t.columnInfo(c).values as Float64Array).filter(Number.isFinite);
      const r = ks2samp(finite(real), finite(synthetic));
      return { column: c, statistic: r.statistic, pvalue: r.pvalue };
    });
  const report = qualityReport(real, synthetic, { seed: opts.seed, title });
  const doc = report.toDocument();
  const [overview, ...rest] = doc.sections;
  overview!.blocks.push({
    type: "text",
    text:
      `Real data: ${source}. Synthesizer: synthpop's CART (createSynthesizer("${DEMO_METHOD}"), seed ${String(opts.seed)}): each column drawn from a real donor in the leaf of a tree grown on the columns before it. ` +
      "It keeps each column's shape and the monotone relations between columns; relations that are not monotone, and rules a row must obey, show where it falls short.",
  });
  const described = (() => {
    try {
      return [{ type: "table" as const, table: compareDescribe(real, synthetic, { labels: ["real", "synthetic"] }) }];
    } catch {
      return [{ type: "text" as const, text: "No numeric column to describe." }];
    }
  })();
  const html = renderHTML({
    ...doc,
    sections: [
      overview!,
      ...rest,
      { title: "describe(), side by side", blocks: described },
      {
        title: "Two-sample Kolmogorov–Smirnov test per numeric column",
        blocks: [
          {
            type: "text",
            text: "The statistic is the largest gap between the real and synthetic empirical CDFs (0 = identical marginals, 1 = disjoint). A small p-value says the two samples are unlikely to come from the same distribution; with thousands of rows even a small gap gives one.",
          },
          ...(ks.length ? [{ type: "table" as const, table: Table.fromRecords(ks) }] : []),
        ],
      },
    ],
  });
  const path = writeReport(html, opts.out);
  return {
    path,
    source,
    realRows: real.nRows,
    syntheticRows: nSynth,
    columns: names,
    method: DEMO_METHOD,
    ks,
    score: report.score,
    properties: report.properties.map((p) => ({ name: p.name, score: p.score })),
    verdict: { headline: report.verdict.headline, lines: report.verdict.lines.map((l) => `${l.topic}: ${l.text}`) },
  };
}
