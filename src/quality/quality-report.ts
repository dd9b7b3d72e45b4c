/**
 * The quality report (SDMetrics' QualityReport, extended): properties built
 * from metrics, an overall score, details tables, and an HTML page with
 * figures rendered through src/report.
 */
import { ParamError, ParamTypeError, show as showValue } from "../core/errors.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { renderHTML, type Block, type ReportDocument, type ReportSection } from "../report/document.js";
import { createRng, type Rng } from "../random/rng.js";
import { columnPairTrendsProperty } from "./properties/column-pair-trends.js";
import { columnShapesProperty, type MissingValuesMode } from "./properties/column-shapes.js";
import { detectionProperty } from "./properties/detection.js";
import { privacyProperty, type CopyFigures, type PrivacyResult } from "./properties/privacy.js";
import { detailsTable, finiteMean, type PropertyContext, type PropertyName, type PropertyResult } from "./properties/property.js";
import { utilityProperty } from "./properties/utility.js";
import { validityProperty } from "./properties/validity.js";
import { verdictOf, type Verdict } from "./verdict.js";
import { propertyFigures } from "./report-figures.js";

const PROPERTY_NAMES: readonly PropertyName[] = ["Column Shapes", "Column Pair Trends", "Validity", "Detection", "Utility", "Privacy"];

/** Options of {@link qualityReport}. */
export interface QualityReportOptions {
  /** A column to predict for the Utility property (no Utility without it). */
  target?: string;
  /**
   * Real rows the synthesizer never saw: the Utility test set (both models
   * are then trained on every real row; without it, 30% of the real rows
   * are held out, which flatters a synthesizer fitted on all of them), and
   * the reference of Privacy's overfitting score (DCROverfittingProtection).
   */
  holdout?: TableInput;
  /** Columns compared (default: every column of the real table that the synthetic one has). */
  columns?: readonly string[];
  /** Properties computed. @defaultValue every one (Utility only with a `target`) */
  properties?: readonly PropertyName[];
  /** Seed of every subsample and cross-validation split (the report records the seed it used). */
  seed?: number | string | Rng;
  /** @defaultValue "Synthetic data quality report" */
  title?: string;
  /** Names of the two tables in figures and tables. @defaultValue ["Real", "Synthetic"] */
  labels?: readonly [string, string];
  /** @defaultValue 0.5 (SDMetrics' QualityReport) */
  realCorrelationThreshold?: number;
  /** @defaultValue 0.3 (SDMetrics' QualityReport) */
  realAssociationThreshold?: number;
  /** Rows of each table for detection and pMSE at most. @defaultValue 10000 */
  detectionRows?: number;
  /** Real rows indexed for distances to the closest record at most. @defaultValue 20000 */
  privacyRows?: number;
  /** Synthetic rows whose distance to the closest record is measured at most. @defaultValue 2000 */
  privacyQueries?: number;
  /** Rows of each table for the utility models at most. @defaultValue 20000 */
  utilityRows?: number;
  /** Rows of each table for the contingency tables of Column Pair Trends at most. @defaultValue 100000 */
  pairRows?: number;
  /** Points per table in each scatter plot at most. @defaultValue 1500 */
  plotRows?: number;
  /** Columns drawn in the marginal grid at most (the lowest-scoring first). @defaultValue 30 */
  maxFigureColumns?: number;
  /**
   * Missing values. `"separate"` (SDMetrics): TVComplement compares the
   * present values, and each column with missing values gets a
   * MissingValueSimilarity row (1 − the difference of the missing shares),
   * shown in Column Shapes' details and counted in Validity. `"category"`
   * (synthlab before 0.2): a missing category value is a category of its
   * own in TVComplement, and missing shares are not compared apart.
   * @defaultValue "separate"
   */
  missingValues?: MissingValuesMode;
  /** Called after each property with (properties done, properties) and the property's name and score. */
  onProgress?: ProgressCallback;
}

const DEFAULTS = {
  title: "Synthetic data quality report",
  labels: ["Real", "Synthetic"] as readonly [string, string],
  realCorrelationThreshold: 0.5,
  realAssociationThreshold: 0.3,
  detectionRows: 10000,
  privacyRows: 20000,
  privacyQueries: 2000,
  utilityRows: 20000,
  pairRows: 100000,
  plotRows: 1500,
  maxFigureColumns: 30,
  missingValues: "separate" as MissingValuesMode,
};
const OPTION_KEYS = ["target", "holdout", "columns", "properties", "seed", "onProgress", ...Object.keys(DEFAULTS)];

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : "n/a");
const count = (n: number): string => n.toLocaleString("en-US");

/**
 * A computed quality report: `score`, `properties` (each with a score and a
 * details table), `notes` (subsampling), and its HTML (`toHTML()`,
 * `toDocument()` for notebooks through `show(report)`).
 */
export class QualityReport {
  /** Overall quality score: the mean of Column Shapes and Column Pair Trends (SDMetrics' overall score). */
  readonly score: number;
  readonly properties: readonly PropertyResult[];
  /** Columns compared. */
  readonly columns: readonly string[];
  /** What was subsampled and where, thresholds, columns left out. */
  readonly notes: readonly string[];
  /** The seed every random step derived from (replay with `seed`). */
  readonly seed: number | string;
  /** Seconds each property took. */
  readonly timings: Readonly<Record<string, number>>;
  /** The verdict at the top of the page: a headline and one plain sentence per property, with the thresholds used. */
  readonly verdict: Verdict;
  /** Privacy's copy figures (exact and near copies of real rows and their shares), or null without Privacy. */
  readonly copies: CopyFigures | null;
  readonly options: Readonly<typeof DEFAULTS> & { target?: string };
  private readonly real: Table;
  private readonly synthetic: Table;

  /** @internal use {@link qualityReport} */
  constructor(init: {
    score: number;
    properties: PropertyResult[];
    columns: string[];
    notes: string[];
    seed: number | string;
    timings: Record<string, number>;
    options: typeof DEFAULTS & { target?: string };
    real: Table;
    synthetic: Table;
  }) {
    this.score = init.score;
    this.properties = init.properties;
    this.columns = init.columns;
    this.notes = init.notes;
    this.seed = init.seed;
    this.timings = init.timings;
    this.options = init.options;
    this.real = init.real;
    this.synthetic = init.synthetic;
    this.verdict = verdictOf(this.properties);
    const privacy = this.properties.find((p) => p.name === "Privacy") as PrivacyResult | undefined;
    this.copies = privacy?.copies ?? null;
  }

  /** A property by name. @throws ParamError for a property not computed */
  getProperty(name: PropertyName): PropertyResult {
    const p = this.properties.find((q) => q.name === name);
    if (!p) throw new ParamError("QualityReport.getProperty", "name", name, `no property ${showValue(name)} in this report. Properties: ${this.properties.map((q) => q.name).join(", ")}.`);
    return p;
  }

  /** A property's score. */
  getScore(name: PropertyName): number {
    return this.getProperty(name).score;
  }

  /** A property's details table. */
  getDetails(name: PropertyName): Table {
    return this.getProperty(name).details;
  }

  /** The scores as a table: `property`, `score` (first row: the overall score). */
  toTable(): Table {
    return detailsTable({ property: ["Overall quality", ...this.properties.map((p) => p.name)], score: [this.score, ...this.properties.map((p) => p.score)] });
  }

  /** The report as a document for src/report (sections of text, score cards, tables and figures). */
  toDocument(): ReportDocument {
    const [lr, ls] = this.options.labels;
    const sections: ReportSection[] = [];
    const v = this.verdict;
    const overview: Block[] = [
      { type: "verdict", headline: v.headline, level: v.level, items: v.lines.map((l) => ({ level: l.level, label: l.topic, text: l.text })), footnote: v.thresholds },
      {
        type: "metrics",
        items: [
          { label: "Overall quality", value: fmt(this.score), help: "Mean of Column Shapes and Column Pair Trends" },
          ...this.properties.map((p) => ({ label: p.name, value: fmt(p.score), help: p.description })),
        ],
      },
      {
        type: "text",
        text:
          `${count(this.real.nRows)} ${lr.toLowerCase()} rows and ${count(this.synthetic.nRows)} ${ls.toLowerCase()} rows, ${this.columns.length} columns compared. ` +
          "Every score lies in [0, 1], higher is better. The overall quality score is the mean of Column Shapes and Column Pair Trends, as in SDMetrics' QualityReport; the other properties are reported beside it. " +
          `Seed ${this.seed} (pass it as 'seed' to replay every subsample and split).`,
      },
    ];
    if (this.notes.length) overview.push({ type: "text", text: this.notes.join("\n\n") });
    sections.push({ title: "Overview", blocks: overview });
    for (const p of this.properties) {
      const blocks: Block[] = [{ type: "text", text: p.description }];
      for (const f of this.figuresFor(p)) blocks.push(f);
      if (p.notes.length) blocks.push({ type: "text", text: p.notes.join("\n\n") });
      // a blank cell, not "NaN", where a row has no error or no score
      blocks.push({ type: "table", table: p.details, caption: `${p.name}: details`, maxRows: 60, naRep: "" });
      sections.push({ title: `${p.name}: ${fmt(p.score)}`, blocks });
    }
    sections.push({
      title: "About this report",
      blocks: [
        {
          type: "text",
          text:
            `Computed by synthlab's qualityReport in ${Object.values(this.timings).reduce((a, b) => a + b, 0).toFixed(1)} s (` +
            Object.entries(this.timings).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(", ") +
            "). Marginal figures are drawn from bin counts over every row; scatter plots show a seeded subsample of points.",
        },
      ],
    });
    return { title: this.options.title, subtitle: `${lr} vs ${ls}: ${count(this.real.nRows)} × ${this.columns.length} and ${count(this.synthetic.nRows)} × ${this.columns.length}`, sections };
  }

  /** A self-contained HTML page (plotly inlined once; every name and value escaped). */
  toHTML(): string {
    return renderHTML(this.toDocument());
  }

  /** A short text summary. */
  toString(): string {
    return `QualityReport(score ${fmt(this.score)}; ${this.properties.map((p) => `${p.name} ${fmt(p.score)}`).join(", ")})`;
  }

  private figuresFor(p: PropertyResult): Block[] {
    return propertyFigures(p, { real: this.real, synthetic: this.synthetic, seed: this.seed, labels: this.options.labels, plotRows: this.options.plotRows, maxFigureColumns: this.options.maxFigureColumns });
  }
}

/**
 * Compares a synthetic table with the real one it imitates: Column Shapes
 * and Column Pair Trends (SDMetrics' QualityReport, whose mean is the
 * overall score), Validity, Detection (logistic and forest detection, pMSE), Utility
 * (train on synthetic, test on real; only with `target`) and Privacy
 * (copies and near copies of real rows over every row; distance to the
 * closest record against a uniform baseline, or against every training and
 * holdout row with a `holdout`). A `verdict` says in one sentence per
 * property what the numbers mean, with its thresholds. A column
 * or pair that fails records its error in the details and the report goes
 * on. Steps that cannot take every row work on seeded subsamples (sizes in
 * the options; the report's `notes` say which were used): detection and pMSE
 * 10,000 rows per table, distances 2,000 synthetic rows (against 20,000
 * real rows without a holdout, every row with one), utility 20,000 rows, contingency tables 100,000 rows; marginals,
 * KS/TV complements, correlations, validity and exact copies use every row.
 *
 * @param real - the real table (Table, danfo DataFrame, or array of records)
 * @param synthetic - the synthetic table with the same columns
 * @param options - see {@link QualityReportOptions}
 * @returns a {@link QualityReport}
 * @throws ParamError for unknown options or properties, no shared column, or an unknown target
 * @example
 * const real = Array.from({ length: 60 }, (_, i) => ({ x: i % 10, y: (i * 7) % 13, c: i % 3 ? "a" : "b" }));
 * const r = qualityReport(real, real, { seed: 1, properties: ["Column Shapes", "Column Pair Trends"] });
 * r.score; // => 1
 * r.getDetails("Column Shapes").columnNames; // => ["column", "kind", "metric", "score", "error"]
 */
export function qualityReport(real: TableInput, synthetic: TableInput, options: QualityReportOptions = {}): QualityReport {
  const where = "qualityReport";
  if (options === null || typeof options !== "object") throw new ParamTypeError(where, "options", options, `'options' must be an object, got ${showValue(options)}.`);
  for (const k of Object.keys(options)) {
    if (!OPTION_KEYS.includes(k)) throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${OPTION_KEYS.join(", ")}.`);
  }
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in DEFAULTS && v !== undefined)) } as typeof DEFAULTS;
  for (const k of ["detectionRows", "privacyRows", "privacyQueries", "utilityRows", "pairRows", "plotRows", "maxFigureColumns"] as const) {
    if (!(Number.isInteger(o[k]) && o[k] >= 10)) throw new ParamError(where, k, o[k], `'${k}' must be an integer >= 10, got ${showValue(o[k])}.`);
  }
  if (o.missingValues !== "separate" && o.missingValues !== "category") throw new ParamError(where, "missingValues", o.missingValues, `'missingValues' must be "separate" or "category", got ${showValue(o.missingValues)}.`);
  for (const k of ["realCorrelationThreshold", "realAssociationThreshold"] as const) {
    if (!(o[k] >= 0 && o[k] < 1)) throw new ParamError(where, k, o[k], `'${k}' must be in [0, 1), got ${showValue(o[k])}.`);
  }
  const r = asTable(real, where, "real");
  const s = asTable(synthetic, where, "synthetic");
  const notes: string[] = [];
  let columns: string[];
  if (options.columns) {
    columns = [...options.columns];
    for (const c of columns) {
      if (!r.columnNames.includes(c)) throw new ParamError(where, "columns", c, `the real table has no column ${showValue(c)}. Columns: ${r.columnNames.join(", ")}.`);
      if (!s.columnNames.includes(c)) throw new ParamError(where, "columns", c, `the synthetic table has no column ${showValue(c)}. Columns: ${s.columnNames.join(", ")}.`);
    }
  } else {
    columns = r.columnNames.filter((c) => s.columnNames.includes(c));
    const missing = r.columnNames.filter((c) => !s.columnNames.includes(c));
    if (missing.length) notes.push(`Columns of the real table missing from the synthetic one, left out: ${missing.join(", ")}.`);
  }
  if (columns.length === 0) throw new ParamError(where, "synthetic", s.columnNames, "the real and synthetic tables share no column.");
  if (r.nRows < 2 || s.nRows < 2) throw new ParamError(where, "real", Math.min(r.nRows, s.nRows), `both tables need at least 2 rows, got ${r.nRows} and ${s.nRows}.`);
  const target = options.target;
  if (target !== undefined && !columns.includes(target)) throw new ParamError(where, "target", target, `'target' must be one of the compared columns (${columns.join(", ")}), got ${showValue(target)}.`);
  let wanted = options.properties ? [...options.properties] : PROPERTY_NAMES.filter((p) => p !== "Utility" || target !== undefined);
  for (const p of wanted) {
    if (!PROPERTY_NAMES.includes(p)) throw new ParamError(where, "properties", p, `unknown property ${showValue(p)}. Properties: ${PROPERTY_NAMES.join(", ")}.`);
  }
  if (wanted.includes("Utility") && target === undefined) throw new ParamError(where, "target", target, "the Utility property needs 'target': the column to predict.");
  wanted = PROPERTY_NAMES.filter((p) => wanted.includes(p));
  const onProgress = checkProgress(where, options.onProgress);
  const holdout = options.holdout !== undefined ? asTable(options.holdout, where, "holdout") : undefined;

  const rng = createRng(options.seed);
  const seed = rng.seed as number | string;
  // one child stream per property, in a fixed order, so leaving one out shifts no other
  const streams = Object.fromEntries(PROPERTY_NAMES.map((p) => [p, rng.spawn(1)[0]!] as const)) as Record<PropertyName, Rng>;
  const ctx = (p: PropertyName): PropertyContext => ({ real: r, synthetic: s, columns, rng: streams[p] });
  const properties: PropertyResult[] = [];
  const timings: Record<string, number> = {};
  for (const p of wanted) {
    const t0 = performance.now();
    switch (p) {
      case "Column Shapes":
        properties.push(columnShapesProperty(ctx(p), { missing: o.missingValues }));
        break;
      case "Column Pair Trends":
        properties.push(columnPairTrendsProperty(ctx(p), { realCorrelationThreshold: o.realCorrelationThreshold, realAssociationThreshold: o.realAssociationThreshold, maxRows: o.pairRows, bins: 10 }));
        break;
      case "Validity":
        properties.push(validityProperty(ctx(p), { missing: o.missingValues }));
        break;
      case "Detection":
        properties.push(detectionProperty(ctx(p), { maxRows: o.detectionRows }));
        break;
      case "Utility":
        properties.push(utilityProperty(ctx(p), { target: target!, maxRows: o.utilityRows, ...(holdout ? { holdout } : {}) }));
        break;
      case "Privacy":
        properties.push(privacyProperty(ctx(p), { maxRows: o.privacyRows, maxQueries: o.privacyQueries, ...(holdout ? { holdout } : {}) }));
        break;
      default: {
        const never: never = p;
        throw new Error(`unknown property ${String(never)}`);
      }
    }
    timings[p] = (performance.now() - t0) / 1000;
    onProgress?.(properties.length, wanted.length, `${p} ${fmt(properties[properties.length - 1]!.score)} (${timings[p].toFixed(1)} s)`);
  }
  const core = properties.filter((p) => p.name === "Column Shapes" || p.name === "Column Pair Trends").map((p) => p.score);
  return new QualityReport({
    score: finiteMean(core),
    properties,
    columns,
    notes,
    seed,
    timings,
    options: { ...o, ...(target !== undefined ? { target } : {}) },
    real: r,
    synthetic: s,
  });
}
