/**
 * Plotly figure builders for quality reports: marginals drawn from
 * pre-computed bins (so a million rows become forty numbers, not a
 * million-point trace), category bars, real-vs-synthetic scatter, labelled
 * heat maps. Every user string passes through {@link plotlyText}, so column
 * names and category values show literally in titles, ticks and legends.
 */
import { histogramBinEdges, histogramCounts } from "../quality/binning.js";
import { REAL_COLOR, SYNTHETIC_COLOR, type Figure } from "./figure.js";
import { toArray } from "./figures.js";

/**
 * A string as plotly text that shows literally: plotly renders a subset of
 * HTML in titles, ticks and hover labels (`<b>`, `<br>`, `<a href>`, entities),
 * so `&`, `<` and `>` become entities, which plotly decodes back to the
 * characters as text.
 *
 * @example
 * plotlyText("<b>x</b> & y"); // => "&lt;b&gt;x&lt;/b&gt; &amp; y"
 */
export function plotlyText(s: string): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Layout pieces shared by the builders. */
function layout(title: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { margin: { l: 55, r: 20, t: title ? 50 : 20, b: 45 }, ...(title ? { title: { text: plotlyText(title) } } : {}), ...extra };
}

/**
 * Equal-width bins over the range of every sample (numpy.histogram's edges
 * and counts: half-open bins, the last one closed); densities per sample.
 */
export function sharedBins(samples: readonly ArrayLike<number>[], nbins = 40): { edges: Float64Array; densities: Float64Array[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const edges = histogramBinEdges(Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [], nbins);
  const width = edges[1]! - edges[0]!;
  const densities = samples.map((s) => {
    const c = histogramCounts(s, edges);
    let n = 0;
    for (let k = 0; k < nbins; k++) n += c[k]!;
    for (let k = 0; k < nbins; k++) c[k] = n ? c[k]! / (n * width) : 0;
    return c;
  });
  return { edges, densities };
}

/**
 * Overlaid density histograms of a real and a synthetic sample on shared
 * bins, drawn as bars from the bin counts.
 *
 * @param title - figure title (shown literally)
 * @param real - the real values (missing values skipped)
 * @param synthetic - the synthetic values
 * @param options.nbins - bins. @defaultValue 40
 * @param options.labels - series names. @defaultValue ["Real", "Synthetic"]
 * @param options.dates - values are epoch milliseconds: a date axis
 * @param options.norm - `"density"` (bars integrate to 1) or `"share"` (each bar the share of the sample's rows in its bin, a percent axis). @defaultValue "density"
 * @returns a plotly Figure with two bar traces
 * @example
 * const f = binnedHistograms("x", [1, 2, 3], [2, 3, 4], { nbins: 3 });
 * f.data.length; // => 2
 */
export function binnedHistograms(
  title: string,
  real: ArrayLike<number>,
  synthetic: ArrayLike<number>,
  options: { nbins?: number; labels?: readonly [string, string]; xTitle?: string; dates?: boolean; norm?: "density" | "share" } = {},
): Figure {
  const { edges, densities: dens } = sharedBins([real, synthetic], options.nbins ?? 40);
  const centers = Array.from({ length: edges.length - 1 }, (_, k) => (edges[k]! + edges[k + 1]!) / 2);
  const width = edges[1]! - edges[0]!;
  const share = options.norm === "share";
  const densities = share ? dens.map((d) => d.map((v) => v * width)) : dens;
  const names = options.labels ?? ["Real", "Synthetic"];
  return {
    data: densities.map((d, k) => ({
      type: "bar",
      x: centers,
      y: toArray(d),
      width,
      name: plotlyText(names[k]!),
      opacity: 0.6,
      marker: { color: k === 0 ? REAL_COLOR : SYNTHETIC_COLOR },
      hovertemplate: share ? "%{x:.4g}: %{y:.1%}<extra>%{fullData.name}</extra>" : "%{x:.4g}: %{y:.4g}<extra>%{fullData.name}</extra>",
    })),
    layout: layout(title, {
      barmode: "overlay",
      bargap: 0,
      yaxis: share ? { title: { text: "share of rows" }, tickformat: ".0%", rangemode: "tozero" } : { title: { text: "density" } },
      xaxis: { ...(options.xTitle ? { title: { text: plotlyText(options.xTitle) } } : {}), ...(options.dates ? { type: "date" } : {}) },
      legend: { orientation: "h", y: -0.2 },
    }),
  };
}

/**
 * Grouped bars of category frequencies, real against synthetic (the
 * `maxLevels` most frequent real categories; the rest summed as "(other)").
 *
 * @param title - figure title
 * @param levels - category labels
 * @param real - real frequency of each level (fractions)
 * @param synthetic - synthetic frequency of each level
 * @returns a plotly Figure with two bar traces
 * @example
 * categoryBars("c", ["a", "b"], [0.5, 0.5], [0.4, 0.6]).data.length; // => 2
 */
export function categoryBars(
  title: string,
  levels: readonly string[],
  real: ArrayLike<number>,
  synthetic: ArrayLike<number>,
  options: { maxLevels?: number; labels?: readonly [string, string] } = {},
): Figure {
  const maxLevels = options.maxLevels ?? 25;
  const order = Array.from({ length: levels.length }, (_, k) => k).sort((a, b) => real[b]! - real[a]! || synthetic[b]! - synthetic[a]! || a - b);
  const shown = order.slice(0, maxLevels);
  const rest = order.slice(maxLevels);
  const x = shown.map((k) => plotlyText(levels[k]!));
  const r = shown.map((k) => real[k]!);
  const s = shown.map((k) => synthetic[k]!);
  if (rest.length) {
    x.push(`(other ${rest.length})`);
    r.push(rest.reduce((a, k) => a + real[k]!, 0));
    s.push(rest.reduce((a, k) => a + synthetic[k]!, 0));
  }
  const names = options.labels ?? ["Real", "Synthetic"];
  return {
    data: [
      { type: "bar", x, y: r, name: plotlyText(names[0]), marker: { color: REAL_COLOR } },
      { type: "bar", x, y: s, name: plotlyText(names[1]), marker: { color: SYNTHETIC_COLOR } },
    ],
    layout: layout(title, { barmode: "group", yaxis: { title: { text: "share of rows" }, tickformat: ".0%", rangemode: "tozero" }, xaxis: { type: "category" }, legend: { orientation: "h", y: -0.2 } }),
  };
}

/**
 * A scatter of a column pair, real and synthetic points overlaid (pass
 * subsamples: every point is written into the page).
 *
 * @returns a plotly Figure with two scattergl traces
 * @example
 * pairScatter("a vs b", "a", "b", [[1, 2], [3, 4]], [[1, 2], [3, 5]]).data.length; // => 2
 */
export function pairScatter(
  title: string,
  xName: string,
  yName: string,
  real: readonly [ArrayLike<number>, ArrayLike<number>],
  synthetic: readonly [ArrayLike<number>, ArrayLike<number>],
  options: { labels?: readonly [string, string] } = {},
): Figure {
  const names = options.labels ?? ["Real", "Synthetic"];
  const trace = (xy: readonly [ArrayLike<number>, ArrayLike<number>], k: number) => ({
    type: "scattergl",
    mode: "markers",
    x: toArray(xy[0]),
    y: toArray(xy[1]),
    name: plotlyText(names[k]!),
    marker: { size: 4, opacity: 0.5, color: k === 0 ? REAL_COLOR : SYNTHETIC_COLOR },
  });
  return {
    data: [trace(real, 0), trace(synthetic, 1)],
    layout: layout(title, { xaxis: { title: { text: plotlyText(xName) } }, yaxis: { title: { text: plotlyText(yName) } }, legend: { orientation: "h", y: -0.2 } }),
  };
}

/**
 * A heat map of a square matrix labelled by column names (NaN cells blank),
 * first row at the top; values written in the cells up to 12 columns, with
 * `marks` (a string per cell) appended to them, and `faded` cells under a
 * translucent white layer.
 *
 * @returns a plotly Figure with one heatmap trace
 * @example
 * labelledHeatmap("r", ["a", "b"], [[1, 0.5], [0.5, 1]], { zmin: -1, zmax: 1 }).data.length; // => 1
 */
export function labelledHeatmap(
  title: string,
  names: readonly string[],
  z: readonly (readonly number[])[],
  options: {
    zmin?: number;
    zmax?: number;
    colorscale?: string | [number, string][];
    height?: number;
    marks?: readonly (readonly string[])[];
    /** Cells drawn faded (a translucent white layer over them), e.g. pairs that do not count. */
    faded?: readonly (readonly boolean[])[];
  } = {},
): Figure {
  // category axes keyed by position, so two columns whose escaped names coincide stay apart
  const labels = names.map((n) => plotlyText(n));
  const idx = names.map((_, k) => k);
  const text = z.map((row, i) => row.map((v, j) => (Number.isFinite(v) ? v.toFixed(3) + (options.marks?.[i]?.[j] ?? "") : "")));
  const annotate = names.length <= 12;
  return {
    data: [
      {
        type: "heatmap",
        z: z.map((r) => toArray(r)),
        x: idx,
        y: idx,
        text,
        customdata: idx.map((i) => idx.map((j) => [labels[j], labels[i]])),
        hovertemplate: "%{customdata[1]} × %{customdata[0]}: %{text}<extra></extra>",
        ...(annotate ? { texttemplate: "%{text}", textfont: { size: 11 } } : {}),
        colorscale: options.colorscale ?? "RdBu",
        ...(options.zmin !== undefined ? { zmin: options.zmin } : {}),
        ...(options.zmax !== undefined ? { zmax: options.zmax } : {}),
      },
      ...(options.faded
        ? [
            {
              type: "heatmap",
              z: options.faded.map((row) => row.map((f) => (f ? 1 : null))),
              x: idx,
              y: idx,
              colorscale: [[0, "rgba(255,255,255,0.6)"], [1, "rgba(255,255,255,0.6)"]],
              showscale: false,
              hoverinfo: "skip",
            },
          ]
        : []),
    ],
    layout: layout(title, {
      xaxis: { tickmode: "array", tickvals: idx, ticktext: labels, tickangle: -45 },
      yaxis: { tickmode: "array", tickvals: idx, ticktext: labels, autorange: "reversed" },
      height: options.height ?? Math.min(900, 260 + 22 * names.length),
      margin: { l: 140, r: 20, t: 50, b: 120 },
    }),
  };
}

/**
 * Horizontal bars of one score per item (e.g. per column), coloured by
 * score on a red-to-green scale over [0, 1].
 *
 * @example
 * scoreBars("Column shapes", ["a", "b"], [0.9, 0.4]).data.length; // => 1
 */
export function scoreBars(title: string, names: readonly string[], scores: ArrayLike<number>, options: { xTitle?: string } = {}): Figure {
  const labels = names.map((n) => plotlyText(n));
  const idx = names.map((_, k) => k);
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x: toArray(scores),
        y: idx,
        text: labels,
        textposition: "none",
        hovertemplate: "%{text}: %{x:.3f}<extra></extra>",
        marker: { color: toArray(scores), colorscale: [[0, "#d64545"], [0.5, "#f0b429"], [1, "#3ebd93"]], cmin: 0, cmax: 1 },
      },
    ],
    layout: layout(title, {
      xaxis: { range: [0, 1], title: { text: plotlyText(options.xTitle ?? "score") } },
      yaxis: { tickmode: "array", tickvals: idx, ticktext: labels, autorange: "reversed" },
      height: Math.min(1200, 120 + 24 * names.length),
      margin: { l: 160, r: 20, t: 50, b: 45 },
    }),
  };
}
