/**
 * The method shoot-out: which synthesizer should I use for this table?
 * SDGym answers it for researchers on fixed benchmark datasets; this answers
 * it for the user's own table, in one call. Every method is fitted on the
 * same training rows, samples as many rows, and is judged by one quality
 * report against those rows with held-out real rows beside them: fidelity
 * (Column Shapes, Column Pair Trends), detection, utility (train on
 * synthetic, test on held-out real, with a target) and privacy (distance to
 * the closest record against the holdout, exact and near copies), with fit
 * and sample times. Methods are ranked by one printed score, and a
 * plain-language recommendation says which to use and what to avoid.
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { checkInteger, mergeOptions } from "../core/validate.js";
import { renderHTML, type Block, type ReportDocument, type VerdictBlockLevel } from "../report/document.js";
import type { Figure } from "../report/figure.js";
import { COLORS } from "../report/figure.js";
import { createRng } from "../random/rng.js";
import { checkSeed, type SeedValue } from "../random/seed.js";
import { createSynthesizer, listSynthesizers, type SynthesizerMethod } from "../tabular/create.js";
import type { Metadata } from "../tabular/metadata.js";
import { qualityReport, type QualityReport } from "./quality-report.js";

/** Options of {@link compareSynthesizers}. */
export interface CompareSynthesizersOptions {
  /** Methods to compare. @defaultValue every method of `listSynthesizers()` that fits the table in reasonable time (see `skipped`) */
  methods?: readonly string[];
  /** Real rows kept out of fitting, for privacy and utility. @defaultValue a seeded 20% of `data` (at least 5 rows) */
  holdout?: TableInput;
  /** Share of `data` held out when no `holdout` is given. @defaultValue 0.2 */
  holdoutFraction?: number;
  /** Column to predict for the utility property (train on synthetic, test on held-out real). */
  target?: string;
  /** Synthetic rows per method. @defaultValue the number of training rows */
  nRows?: number;
  /** Each method's own options: `{ cart: { minBucket: 10 } }`. @defaultValue {} */
  methodOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Metadata for every method (detected once from the training rows when absent). */
  metadata?: Metadata;
  seed?: SeedValue;
  /** Called as each method is fitted, sampled and judged: `(done, total, note)`. */
  onProgress?: ProgressCallback;
}

/** How one method did. Scores in [0, 1], higher is better; NaN when not measured. */
export interface MethodResult {
  readonly method: string;
  /** 1 for the best; failed methods come last with rank NaN. */
  readonly rank: number;
  /** The ranking score: the mean of quality, detection, utility (with a target) and privacy. */
  readonly overall: number;
  readonly quality: number;
  readonly columnShapes: number;
  readonly columnPairTrends: number;
  readonly detection: number;
  readonly utility: number;
  readonly privacy: number;
  /** Share of synthetic rows equal to a training row. */
  readonly exactCopyShare: number;
  /** Share of synthetic rows equal to a training row after rounding to the columns' precision. */
  readonly nearCopyShare: number;
  /** Near-copy share expected without copying (held-out rows that near-copy a training row). */
  readonly expectedCopyShare: number;
  readonly fitSeconds: number;
  readonly sampleSeconds: number;
  /** Why the method failed (empty when it worked). */
  readonly error: string;
}

/** Every option, unset but `holdoutFraction` (unknown keys are refused against this list). */
const DEFAULTS: CompareSynthesizersOptions = { methods: undefined, holdout: undefined, holdoutFraction: 0.2, target: undefined, nRows: undefined, methodOptions: undefined, metadata: undefined, seed: undefined, onProgress: undefined };

/** Methods left out by default, and when. */
const DEFAULT_SKIPS: Record<string, { maxRows: number; why: string }> = {
  ctgan: { maxRows: 0, why: "trains a neural network for 300 epochs (minutes on a CPU); name it in 'methods' to include it" },
  tvae: { maxRows: 0, why: "trains a neural network for 300 epochs (minutes on a CPU); name it in 'methods' to include it" },
  kde: { maxRows: 100_000, why: "its model keeps every real row and sampling searches them; over 100,000 rows it is slow" },
  smote: { maxRows: 100_000, why: "a nearest-neighbour search over every real row; over 100,000 rows it is slow" },
  munge: { maxRows: 100_000, why: "a nearest-neighbour search over every real row; over 100,000 rows it is slow" },
};

/** Detection score below which synthetic rows are easy to tell apart. */
const DETECTABLE = 0.5;
/** Privacy score below which a method is said to memorize. */
const CLOSE_PRIVACY = 0.5;
/** Excess copy share (over the expected) that makes a method unfit for release. */
const COPY_ALERT = 0.01;

/**
 * The result of {@link compareSynthesizers}: `results` ranked best first,
 * `skipped` methods with reasons, the `recommendation`, each method's full
 * `reports`, and `toTable()` / `toHTML()`.
 */
export class SynthesizerComparison {
  readonly results: readonly MethodResult[];
  readonly skipped: readonly { method: string; reason: string }[];
  /** One paragraph in plain words: which method to use, what it trades, what to avoid. */
  readonly recommendation: string;
  /** Each compared method's quality report. */
  readonly reports: ReadonlyMap<string, QualityReport>;
  readonly nTrain: number;
  readonly nHoldout: number;
  readonly nSynthetic: number;
  readonly target: string | undefined;
  readonly seed: number | string;

  /** @internal use {@link compareSynthesizers} */
  constructor(init: { results: MethodResult[]; skipped: { method: string; reason: string }[]; reports: Map<string, QualityReport>; nTrain: number; nHoldout: number; nSynthetic: number; target: string | undefined; seed: number | string }) {
    this.results = init.results;
    this.skipped = init.skipped;
    this.reports = init.reports;
    this.nTrain = init.nTrain;
    this.nHoldout = init.nHoldout;
    this.nSynthetic = init.nSynthetic;
    this.target = init.target;
    this.seed = init.seed;
    this.recommendation = recommend(this.results);
  }

  /** The best method (rank 1). @throws ParamError when every method failed */
  get best(): MethodResult {
    const b = this.results[0];
    if (!b || !(b.rank === 1)) throw new ParamError("SynthesizerComparison.best", "results", this.results.length, "every method failed; see results[].error.");
    return b;
  }

  /** The ranking as a Table (one row per method, best first). */
  toTable(): Table {
    const r = this.results;
    const num = (f: (m: MethodResult) => number): number[] => r.map(f);
    return Table.fromColumns(
      {
        rank: num((m) => m.rank),
        method: r.map((m) => m.method),
        overall: num((m) => m.overall),
        quality: num((m) => m.quality),
        column_shapes: num((m) => m.columnShapes),
        column_pair_trends: num((m) => m.columnPairTrends),
        detection: num((m) => m.detection),
        ...(this.target !== undefined ? { utility: num((m) => m.utility) } : {}),
        privacy: num((m) => m.privacy),
        exact_copies: num((m) => m.exactCopyShare),
        fit_s: num((m) => m.fitSeconds),
        sample_s: num((m) => m.sampleSeconds),
        error: r.map((m) => m.error),
      },
      { method: "categorical", error: "categorical" },
    );
  }

  /** The comparison as a report document (src/report renders it). */
  toDocument(): ReportDocument {
    const ok = this.results.filter((m) => m.error === "");
    const best = ok[0];
    const level = (m: MethodResult): VerdictBlockLevel =>
      m.exactCopyShare - m.expectedCopyShare > COPY_ALERT ? "alert" : m.detection < DETECTABLE ? "poor" : m.rank === 1 ? "good" : "fair";
    const overview: Block[] = [
      {
        type: "verdict",
        headline: best ? `Use ${best.method} for this table.` : "Every method failed on this table.",
        level: best ? level(best) : "alert",
        items: this.results.map((m) => ({
          level: m.error ? "alert" : level(m),
          label: m.error ? m.method : `${m.rank}. ${m.method}`,
          text: m.error ? `failed: ${m.error}` : methodLine(m, this.target !== undefined),
        })),
        footnote:
          `Overall = mean of quality (Column Shapes and Column Pair Trends), detection, ${this.target !== undefined ? "utility, " : ""}privacy; ` +
          `copies are flagged when their share exceeds the share expected without copying by more than ${pct(COPY_ALERT)}; detection below ${DETECTABLE} means a classifier tells synthetic rows apart.`,
      },
      { type: "text", text: this.recommendation },
      {
        type: "text",
        text:
          `${this.nTrain.toLocaleString("en-US")} training rows, ${this.nHoldout.toLocaleString("en-US")} held-out real rows, ${this.nSynthetic.toLocaleString("en-US")} synthetic rows per method` +
          `${this.target !== undefined ? `, utility predicts '${this.target}'` : ", no target (pass 'target' for utility)"}. Seed ${this.seed}.` +
          (this.skipped.length ? ` Skipped: ${this.skipped.map((s) => `${s.method} (${s.reason})`).join("; ")}.` : ""),
      },
    ];
    const sections: ReportDocument["sections"] = [
      { title: "Recommendation", blocks: overview },
      { title: "Ranking", blocks: [{ type: "table", table: rounded(this.toTable()), caption: "Scores in [0, 1], higher is better; exact_copies is a share of synthetic rows; times in seconds." }] },
    ];
    if (ok.length) {
      sections.push({
        title: "Score against time",
        blocks: [
          { type: "figure", figure: scoreTimeFigure(ok), caption: "Each method's overall score against its fit + sample time (log scale): up and to the left is better." },
          { type: "figure", figure: propertyBars(ok, this.target !== undefined), caption: "Each property per method." },
        ],
      });
      for (const m of ok) {
        const rep = this.reports.get(m.method);
        if (!rep) continue;
        sections.push({
          title: `${m.method}: the quality report's verdict`,
          blocks: [{ type: "verdict", headline: rep.verdict.headline, level: rep.verdict.level, items: rep.verdict.lines.map((l) => ({ level: l.level, label: l.topic, text: l.text })), footnote: rep.verdict.thresholds }],
        });
      }
    }
    return { title: "Which synthesizer for this table?", subtitle: `${ok.length} methods compared on the same rows`, sections };
  }

  /** A self-contained HTML page. */
  toHTML(): string {
    return renderHTML(this.toDocument());
  }
}

/** Numbers to 3 decimals (times to 2) for the page. */
function rounded(t: Table): Table {
  const cols: Record<string, unknown[]> = {};
  for (const name of t.columnNames) {
    const v = t.column(name) as unknown[];
    const d = name.endsWith("_s") ? 2 : 3;
    cols[name] = v.map((x) => (typeof x === "number" && Number.isFinite(x) && name !== "rank" ? Number(x.toFixed(d)) : x));
  }
  return Table.fromColumns(cols, { method: "categorical", error: "categorical" });
}

const pct = (x: number): string => `${(100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

function methodLine(m: MethodResult, utility: boolean): string {
  const parts = [
    `overall ${f3(m.overall)}`,
    `shapes ${f3(m.columnShapes)}`,
    `pairs ${f3(m.columnPairTrends)}`,
    `detection ${f3(m.detection)}`,
    ...(utility ? [`utility ${f3(m.utility)}`] : []),
    `privacy ${f3(m.privacy)}`,
    `copies ${pct(m.exactCopyShare)}`,
    `${(m.fitSeconds + m.sampleSeconds).toFixed(1)} s`,
  ];
  return parts.join(", ") + ".";
}

/** The plain-language recommendation. */
function recommend(results: readonly MethodResult[]): string {
  const ok = results.filter((m) => m.error === "");
  if (ok.length === 0) return "Every method failed on this table; see the errors in the ranking.";
  const best = ok[0]!;
  const time = (m: MethodResult): number => m.fitSeconds + m.sampleSeconds;
  const out: string[] = [];
  const strengths: string[] = [];
  const top = (key: keyof MethodResult): boolean => ok.every((o) => (o[key] as number) <= (best[key] as number) + 1e-12 || !Number.isFinite(o[key] as number));
  if (top("columnShapes")) strengths.push("the closest column distributions");
  if (top("columnPairTrends")) strengths.push("the closest relations between columns");
  if (top("detection")) strengths.push("the hardest to tell from real rows");
  if (top("utility") && Number.isFinite(best.utility)) strengths.push("the most useful for training a model");
  if (top("privacy")) strengths.push("the best privacy");
  out.push(`Use ${best.method}: the best overall score (${f3(best.overall)})${strengths.length ? `, with ${strengths.join(", ")}` : ""}.`);
  if (best.exactCopyShare - best.expectedCopyShare > COPY_ALERT) {
    out.push(`But ${pct(best.exactCopyShare)} of its rows copy a real row: turn on avoidCopies (or a larger minBucket for cart) before releasing the data.`);
  }
  const fast = ok.filter((m) => m !== best && time(m) < time(best) / 2 && best.overall - m.overall <= 0.03).sort((a, b) => time(a) - time(b))[0];
  if (fast) out.push(`If time matters, ${fast.method} scores ${f3(fast.overall)} in ${time(fast).toFixed(1)} s against ${time(best).toFixed(1)} s (${(time(best) / Math.max(time(fast), 1e-3)).toFixed(0)}× faster).`);
  const copiers = ok.filter((m) => m.exactCopyShare - m.expectedCopyShare > COPY_ALERT && m !== best);
  if (copiers.length) out.push(`Do not release data from ${copiers.map((m) => `${m.method} (${pct(m.exactCopyShare)} copies)`).join(", ")}: those rows are real records.`);
  const close = ok.filter((m) => m.privacy < CLOSE_PRIVACY && !copiers.includes(m) && m !== best);
  if (close.length) out.push(`${close.map((m) => `${m.method} (privacy ${f3(m.privacy)})`).join(", ")} ${close.length > 1 ? "put" : "puts"} synthetic rows closer to the training rows than unseen real rows are: they memorize; prefer another method for data that leaves the building.`);
  if (best.privacy < CLOSE_PRIVACY) out.push(`Its privacy score is low (${f3(best.privacy)}): its rows sit closer to the training rows than unseen real rows do; for release, try avoidCopies or a larger minBucket.`);
  const detectable = ok.filter((m) => m.detection < DETECTABLE);
  if (detectable.length) out.push(`A classifier tells ${detectable.map((m) => m.method).join(", ")} apart from real rows (detection below ${DETECTABLE}).`);
  const worst = ok[ok.length - 1]!;
  if (ok.length > 2 && worst !== best) out.push(`Last: ${worst.method} (${f3(worst.overall)}).`);
  return out.join(" ");
}

function scoreTimeFigure(ok: readonly MethodResult[]): Figure {
  return {
    data: ok.map((m, k) => ({
      type: "scatter",
      mode: "markers+text",
      x: [Math.max(1e-3, m.fitSeconds + m.sampleSeconds)],
      y: [m.overall],
      text: [m.method],
      textposition: "top center",
      name: m.method,
      marker: { size: 12, color: COLORS[k % COLORS.length] },
      hovertemplate: `${m.method}<br>overall %{y:.3f}<br>%{x:.2f} s<extra></extra>`,
    })),
    layout: {
      xaxis: { title: { text: "fit + sample time (s, log scale)" }, type: "log" },
      yaxis: { title: { text: "overall score" } },
      showlegend: false,
      height: 380,
      margin: { l: 60, r: 20, t: 20, b: 50 },
    },
  };
}

function propertyBars(ok: readonly MethodResult[], utility: boolean): Figure {
  const props: [string, (m: MethodResult) => number][] = [
    ["Column Shapes", (m) => m.columnShapes],
    ["Column Pair Trends", (m) => m.columnPairTrends],
    ["Detection", (m) => m.detection],
    ...(utility ? [["Utility", (m: MethodResult) => m.utility] as [string, (m: MethodResult) => number]] : []),
    ["Privacy", (m) => m.privacy],
  ];
  return {
    data: ok.map((m, k) => ({
      type: "bar",
      name: m.method,
      x: props.map((p) => p[0]),
      y: props.map((p) => (Number.isFinite(p[1](m)) ? p[1](m) : null)),
      marker: { color: COLORS[k % COLORS.length] },
    })),
    layout: { barmode: "group", yaxis: { title: { text: "score" }, range: [0, 1] }, legend: { orientation: "h", y: -0.15 }, height: 380, margin: { l: 60, r: 20, t: 20, b: 40 } },
  };
}

/**
 * Fits every method on the same rows and ranks them on fidelity, detection,
 * utility, privacy and speed.
 *
 * @param data - the real table (a Table, a danfo DataFrame or records)
 * @param options - `methods`, `holdout` (else a seeded 20% is held out), `target`, `nRows`, `methodOptions`, `seed`, `onProgress`
 * @returns a {@link SynthesizerComparison}: `results` best first, `recommendation`, `toHTML()`
 * @throws ParamError for an unknown method (listing the known ones) or option, a target that is not a column, a table too small to hold out rows
 * @example
 * const data = loadTable("mlc_churn").head(300);
 * const c = compareSynthesizers(data, { methods: ["gaussian-copula", "cart"], seed: 1 });
 * c.results.map((r) => r.rank); // => [1, 2]
 * c.results.length; // => 2
 */
export function compareSynthesizers(data: TableInput, options: CompareSynthesizersOptions = {}): SynthesizerComparison {
  const where = "compareSynthesizers";
  if (options === null || typeof options !== "object") throw new ParamTypeError(where, "options", options, `'options' must be an object, got ${show(options)}.`);
  options = mergeOptions(where, DEFAULTS, options);
  const onProgress = checkProgress(where, options.onProgress);
  const table = asTable(data, where);
  const known = listSynthesizers().map((m) => m.method as string);
  const fraction = options.holdoutFraction;
  if (!(typeof fraction === "number" && fraction > 0 && fraction < 1)) throw new ParamError(where, "holdoutFraction", fraction, `'holdoutFraction' must be in (0, 1), got ${show(fraction)}.`);
  if (options.seed !== undefined) checkSeed(where, options.seed);
  const rng = createRng(options.seed);
  const seed = rng.seed as number | string;
  // the split and each method get streams named after them, so adding or dropping a method shifts no other
  const splitRng = createRng(`${seed}:holdout`);

  // training rows and held-out rows
  let train: Table;
  let holdout: Table;
  if (options.holdout !== undefined) {
    train = table;
    holdout = asTable(options.holdout, where, "holdout");
    const missing = train.columnNames.filter((c) => !holdout.columnNames.includes(c));
    if (missing.length) throw new ParamError(where, "holdout", missing, `the holdout lacks column(s) ${missing.map((c) => `'${c}'`).join(", ")} of the table.`);
    if (holdout.nRows < 2) throw new ParamError(where, "holdout", holdout.nRows, `the holdout needs at least 2 rows, got ${holdout.nRows}.`);
  } else {
    const nHold = Math.max(5, Math.round(fraction * table.nRows));
    if (table.nRows - nHold < 20) {
      throw new ParamError(where, "data", table.nRows, `the table has ${table.nRows} rows: too few to hold out ${nHold} for judging and still fit on at least 20; pass more rows or a separate 'holdout' table.`);
    }
    const perm = splitRng.permutation(table.nRows) as ArrayLike<number>;
    const hold = Array.from(perm).slice(0, nHold).sort((a, b) => a - b);
    const isHold = new Uint8Array(table.nRows);
    for (const i of hold) isHold[i] = 1;
    const keep: number[] = [];
    for (let i = 0; i < table.nRows; i++) if (!isHold[i]) keep.push(i);
    train = table.take(keep);
    holdout = table.take(hold);
  }
  const target = options.target;
  if (target !== undefined && !train.columnNames.includes(target)) {
    throw new ParamError(where, "target", target, `'target' must be a column of the table (${train.columnNames.join(", ")}), got ${show(target)}.`);
  }
  const nRows = options.nRows ?? train.nRows;
  checkInteger(where, "nRows", nRows, 2);

  // which methods
  const skipped: { method: string; reason: string }[] = [];
  let methods: string[];
  if (options.methods !== undefined) {
    if (!Array.isArray(options.methods) || options.methods.length === 0) throw new ParamTypeError(where, "methods", options.methods, `'methods' must be a non-empty array of method names (${known.join(", ")}), got ${show(options.methods)}.`);
    for (const m of options.methods) {
      if (!known.includes(m)) throw new ParamError(where, "methods", m, `unknown method ${show(m)}. Methods: ${known.join(", ")}.`);
    }
    methods = [...new Set(options.methods)];
  } else {
    methods = [];
    for (const m of known) {
      const skip = DEFAULT_SKIPS[m];
      if (skip && train.nRows > skip.maxRows) skipped.push({ method: m, reason: skip.why });
      else methods.push(m);
    }
  }
  const methodOptions = options.methodOptions ?? {};
  for (const k of Object.keys(methodOptions)) {
    if (!methods.includes(k)) throw new ParamError(where, "methodOptions", k, `'methodOptions' names ${show(k)}, which is not compared (methods: ${methods.join(", ")}).`);
  }

  const results: Omit<MethodResult, "rank" | "overall">[] = [];
  const reports = new Map<string, QualityReport>();
  const steps = methods.length * 3;
  let step = 0;
  const tick = (note: string): void => onProgress?.(++step, steps, note);
  methods.forEach((method, k) => {
    const s = createRng(`${seed}:${method}`);
    const fitSeed = s.integers(0, 2 ** 31 - 1);
    const sampleSeed = s.integers(0, 2 ** 31 - 1);
    const reportSeed = s.integers(0, 2 ** 31 - 1);
    let fitSeconds = NaN;
    let sampleSeconds = NaN;
    try {
      const synth = createSynthesizer(method as SynthesizerMethod, { seed: fitSeed, ...(options.metadata ? { metadata: options.metadata } : {}), ...(methodOptions[method] ?? {}) } as never);
      let t0 = performance.now();
      synth.fit(train);
      fitSeconds = (performance.now() - t0) / 1000;
      tick(`${method}: fitted in ${fitSeconds.toFixed(1)} s`);
      t0 = performance.now();
      const syn = synth.sample(nRows, { seed: sampleSeed });
      sampleSeconds = (performance.now() - t0) / 1000;
      tick(`${method}: ${nRows.toLocaleString("en-US")} rows in ${sampleSeconds.toFixed(1)} s`);
      const rep = qualityReport(train, syn, { holdout, seed: reportSeed, ...(target !== undefined ? { target } : {}) });
      tick(`${method}: judged`);
      reports.set(method, rep);
      const score = (name: Parameters<QualityReport["getScore"]>[0]): number => (rep.properties.some((p) => p.name === name) ? rep.getScore(name) : NaN);
      results.push({
        method,
        quality: rep.score,
        columnShapes: score("Column Shapes"),
        columnPairTrends: score("Column Pair Trends"),
        detection: score("Detection"),
        utility: score("Utility"),
        privacy: score("Privacy"),
        exactCopyShare: rep.copies?.exactShare ?? NaN,
        nearCopyShare: rep.copies?.nearShare ?? NaN,
        expectedCopyShare: rep.copies?.expectedShare ?? NaN,
        fitSeconds,
        sampleSeconds,
        error: "",
      });
    } catch (e) {
      step = (k + 1) * 3;
      onProgress?.(step, steps, `${method}: failed`);
      const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
      results.push({ method, quality: NaN, columnShapes: NaN, columnPairTrends: NaN, detection: NaN, utility: NaN, privacy: NaN, exactCopyShare: NaN, nearCopyShare: NaN, expectedCopyShare: NaN, fitSeconds, sampleSeconds, error: msg || "failed" });
    }
  });
  const overallOf = (r: Omit<MethodResult, "rank" | "overall">): number => {
    if (r.error) return NaN;
    const parts = [r.quality, r.detection, ...(target !== undefined ? [r.utility] : []), r.privacy].filter((v) => Number.isFinite(v));
    return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : NaN;
  };
  const scored = results.map((r) => ({ ...r, overall: overallOf(r) }));
  // best first: by overall, ties to the faster; failed methods last
  scored.sort((a, b) => {
    const fa = Number.isFinite(a.overall);
    const fb = Number.isFinite(b.overall);
    if (fa !== fb) return fa ? -1 : 1;
    if (!fa) return 0;
    return b.overall - a.overall || a.fitSeconds + a.sampleSeconds - (b.fitSeconds + b.sampleSeconds);
  });
  let rank = 0;
  const ranked: MethodResult[] = scored.map((r) => ({ ...r, rank: Number.isFinite(r.overall) ? ++rank : NaN }));
  return new SynthesizerComparison({ results: ranked, skipped, reports, nTrain: train.nRows, nHoldout: holdout.nRows, nSynthetic: nRows, target, seed });
}
