/**
 * The quality report's figures, property by property: score bars, the
 * marginal grid, correlation and pair-score heat maps, the best- and
 * least-kept scatter plots, the distance histogram. Internal to the report.
 */
import type { Table } from "../core/table.js";
import type { Block } from "../report/document.js";
import type { Figure } from "../report/figure.js";
import { subplots } from "../report/figures.js";
import { binnedHistograms, categoryBars, labelledHeatmap, pairScatter, plotlyText, scoreBars } from "../report/quality-figures.js";
import { createRng } from "../random/rng.js";
import { columnShape, sharedCodes } from "./columns.js";
import { frequencies } from "./metrics/tv-complement.js";
import type { PairTrendsResult } from "./properties/column-pair-trends.js";
import type { PrivacyResult } from "./properties/privacy.js";
import type { PropertyResult } from "./properties/property.js";
import { sampleIndices } from "./sampling.js";

/** What the figures need from the report. */
export interface FigureContext {
  readonly real: Table;
  readonly synthetic: Table;
  readonly seed: number | string;
  readonly labels: readonly [string, string];
  readonly plotRows: number;
  readonly maxFigureColumns: number;
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : "n/a");
const count = (n: number): string => n.toLocaleString("en-US");

export function propertyFigures(p: PropertyResult, ctx: FigureContext): Block[] {
  const [lr, ls] = ctx.labels;
  const labels = [lr, ls] as const;
  switch (p.name) {
    case "Column Shapes": {
      const metric = p.details.column("metric") as string[];
      const keep = metric.map((_, i) => i).filter((i) => metric[i] !== "MissingValueSimilarity");
      const allNames = p.details.column("column") as string[];
      const allScores = p.details.column("score") as Float64Array;
      const names = keep.map((i) => allNames[i]!);
      const scores = Float64Array.from(keep, (i) => allScores[i]!);
      const out: Block[] = [{ type: "figure", figure: scoreBars("Column shape score per column", names, scores) }];
      const order = names.map((_, i) => i).filter((i) => Number.isFinite(scores[i]!)).sort((a, b) => scores[a]! - scores[b]!);
      const shown = order.slice(0, ctx.maxFigureColumns);
      if (shown.length) {
        const figs = shown.map((i) => marginal(ctx, names[i]!, labels));
        const cols = Math.min(3, figs.length);
        const rows = Math.ceil(figs.length / cols);
        out.push({
          type: "figure",
          figure: subplots(figs, { rows, cols, subplotTitles: shown.map((i) => `${plotlyText(names[i]!)} (${fmt(scores[i]!)})`), showLegend: true, height: 260 * rows + 80, vSpacing: Math.min(0.12, 0.6 / rows) }),
          caption: `${lr} and ${ls.toLowerCase()} marginals${shown.length < order.length ? `, the ${shown.length} lowest-scoring of ${order.length} columns` : ""} (share of rows per bin for numbers, per category for categories; score in parentheses).`,
        });
      }
      return out;
    }
    case "Column Pair Trends": {
      const t = p as PairTrendsResult;
      const out: Block[] = [];
      const { names, real, synthetic } = t.continuous;
      if (names.length >= 2) {
        const diff = real.map((r, i) => r.map((v, j) => Math.abs(v - synthetic[i]![j]!)));
        // the colour scale spans 0 .. the largest difference present (at least 0.05, so noise does not look red)
        const maxDiff = Math.max(0.05, ...diff.flat().filter(Number.isFinite));
        out.push(
          { type: "figure", figure: labelledHeatmap(`${lr} correlation (Pearson)`, names, real, { zmin: -1, zmax: 1 }) },
          { type: "figure", figure: labelledHeatmap(`${ls} correlation (Pearson)`, names, synthetic, { zmin: -1, zmax: 1 }) },
          { type: "figure", figure: labelledHeatmap(`|${lr} − ${ls.toLowerCase()}| correlation difference`, names, diff, { zmin: 0, zmax: maxDiff, colorscale: "Reds" }), caption: `Colour scale from 0 to the largest difference, ${maxDiff.toFixed(2)} (differences can reach 2).` },
        );
      }
      const finite = t.scoreMatrix.matrix.flat().filter(Number.isFinite);
      const minScore = finite.length ? Math.min(...finite) : 0;
      const zmin = Math.max(0, Math.min(0.9, Math.floor(minScore * 20) / 20));
      out.push({
        type: "figure",
        figure: labelledHeatmap("Pair score (1 = the relation is kept; faded, *: no real trend, not scored)", t.scoreMatrix.names, t.scoreMatrix.matrix, {
          zmin,
          zmax: 1,
          colorscale: [[0, "#d64545"], [0.5, "#f0b429"], [1, "#3ebd93"]],
          ...(t.scoreMatrix.counted ? { marks: t.scoreMatrix.counted.map((r) => r.map((c) => (c ? "" : "*"))), faded: t.scoreMatrix.counted.map((r) => r.map((c) => !c)) } : {}),
        }),
        caption: `Every pair is drawn, scored or not: faded pairs (marked * in their label) have no trend in the real data (below SDMetrics' thresholds) and do not count towards the score. Colour scale from ${zmin.toFixed(2)} to 1.`,
      });
      const scatter = extremePairs(ctx, p.details, labels);
      if (scatter) out.push(scatter);
      return out;
    }
    case "Validity": {
      const metric = p.details.column("metric") as string[];
      const names = (p.details.column("column") as string[]).map((n, i) => (metric[i] === "MissingValueSimilarity" ? `${n} (missing share)` : n));
      return [{ type: "figure", figure: scoreBars("Validity per column (share of valid values; missing share similarity)", names, p.details.column("score") as Float64Array) }];
    }
    case "Privacy": {
      const d = (p as PrivacyResult).dcr;
      if (!d) return [];
      return [
        {
          type: "figure",
          figure: binnedHistograms("Distance to the closest real record", d.distances, d.baselineDistances, { labels: [`${ls} rows`, "Uniform random rows"], xTitle: "distance to the closest real row (0 = a copy; 1 = every column as far apart as the real range)", norm: "share" }),
          caption: "Synthetic rows far closer to real rows than random rows are (a mass near 0) may be copies or near-copies of real records.",
        },
      ];
    }
    default:
      return [];
  }
}

function marginal(ctx: FigureContext, name: string, labels: readonly [string, string]): Figure {
  const rc = ctx.real.columnInfo(name);
  const sc = ctx.synthetic.columnInfo(name);
  if (columnShape(rc) === "continuous" && columnShape(sc) === "continuous") {
    return binnedHistograms("", rc.values as Float64Array, sc.values as Float64Array, { labels, dates: rc.kind === "datetime", norm: "share" });
  }
  const codes = sharedCodes(rc, sc);
  return categoryBars("", codes.levels, frequencies(codes.real, codes.levels.length), frequencies(codes.synthetic, codes.levels.length), { labels });
}

/** Scatter plots of the best- and worst-kept numeric pairs. */
function extremePairs(ctx: FigureContext, details: Table, labels: readonly [string, string]): Block | null {
  const metric = details.column("metric") as string[];
  const score = details.column("score") as Float64Array;
  const c1 = details.column("column 1") as string[];
  const c2 = details.column("column 2") as string[];
  const meets = details.column("meets threshold") as (boolean | null)[];
  const all = metric.map((_, i) => i).filter((i) => metric[i] === "CorrelationSimilarity" && Number.isFinite(score[i]!));
  // the scored pairs (a real trend) when there are any: the least kept among pairs with no trend says little
  const scored = all.filter((i) => meets[i] === true);
  const idx = scored.length >= 2 ? scored : all;
  if (!idx.length) return null;
  idx.sort((a, b) => score[b]! - score[a]!);
  const picks = idx.length === 1 ? [idx[0]!] : [idx[0]!, idx[idx.length - 1]!];
  const rng = createRng(`${ctx.seed}:scatter`);
  const rIdx = sampleIndices(ctx.real.nRows, ctx.plotRows, rng);
  const sIdx = sampleIndices(ctx.synthetic.nRows, ctx.plotRows, rng);
  const col = (t: Table, n: string, ix: Int32Array) => {
    const v = t.columnInfo(n).values as Float64Array;
    return Float64Array.from(ix, (i) => v[i]!);
  };
  const figs = picks.map((i) =>
    pairScatter("", c1[i]!, c2[i]!, [col(ctx.real, c1[i]!, rIdx), col(ctx.real, c2[i]!, rIdx)], [col(ctx.synthetic, c1[i]!, sIdx), col(ctx.synthetic, c2[i]!, sIdx)], { labels }),
  );
  const titles = picks.map((i, k) => `${k === 0 ? "best kept" : "least kept"}: ${plotlyText(c1[i]!)} × ${plotlyText(c2[i]!)} (${fmt(score[i]!)})`);
  return {
    type: "figure",
    figure: subplots(figs, { rows: 1, cols: figs.length, subplotTitles: titles, showLegend: true, height: 430 }),
    caption: `The numeric pairs whose correlation the synthetic data keeps best and worst (up to ${count(ctx.plotRows)} seeded points per table).`,
  };
}
