import { ParamError } from "../core/errors.js";
import { COLORS, type Figure } from "./figure.js";

/** Plain arrays for plotly (typed arrays serialize as objects in JSON). */
export const toArray = (x: ArrayLike<number>): (number | null)[] => Array.from(x, (v) => (Number.isFinite(v) ? v : null));

/** Options shared by the builders. */
export interface FigureOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  width?: number;
  height?: number;
}

function baseLayout(o: FigureOptions): Record<string, unknown> {
  const layout: Record<string, unknown> = { margin: { l: 55, r: 20, t: o.title ? 50 : 20, b: 45 } };
  if (o.title) layout.title = { text: o.title };
  if (o.xTitle) layout.xaxis = { title: { text: o.xTitle } };
  if (o.yTitle) layout.yaxis = { title: { text: o.yTitle } };
  if (o.width) layout.width = o.width;
  if (o.height) layout.height = o.height;
  return layout;
}

/** A histogram of one sample. */
export function histogram(x: ArrayLike<number>, options: FigureOptions & { name?: string; nbins?: number; color?: string; histnorm?: string } = {}): Figure {
  return {
    data: [
      {
        type: "histogram",
        x: toArray(x),
        name: options.name ?? "",
        nbinsx: options.nbins ?? 50,
        marker: { color: options.color ?? COLORS[0] },
        ...(options.histnorm ? { histnorm: options.histnorm } : {}),
      },
    ],
    layout: { ...baseLayout(options), bargap: 0.02 },
  };
}

/**
 * Several samples as overlaid, semi-transparent histograms on shared bins
 * (density-normalized by default, so samples of different sizes compare).
 */
export function overlaidHistograms(
  series: readonly { name: string; values: ArrayLike<number>; color?: string }[],
  options: FigureOptions & { nbins?: number; histnorm?: "" | "probability density" | "probability" | "percent" } = {},
): Figure {
  const nbins = options.nbins ?? 40;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const size = hi > lo ? (hi - lo) / nbins : 1;
  return {
    data: series.map((s, k) => ({
      type: "histogram",
      x: toArray(s.values),
      name: s.name,
      opacity: 0.6,
      histnorm: options.histnorm ?? "probability density",
      xbins: Number.isFinite(lo) ? { start: lo, end: hi + size * 1e-9, size } : undefined,
      marker: { color: s.color ?? COLORS[k % COLORS.length] },
    })),
    layout: { ...baseLayout(options), barmode: "overlay", bargap: 0.02, legend: { orientation: "h", y: -0.2 } },
  };
}

/** A scatter plot; `color` gives a numeric value per point shown through a colour scale. */
export function scatter(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: FigureOptions & {
    name?: string;
    color?: ArrayLike<number> | string;
    colorscale?: string | [number, string][];
    showColorbar?: boolean;
    markerSize?: number;
    opacity?: number;
    z?: ArrayLike<number>;
  } = {},
): Figure {
  if (x.length !== y.length) throw new ParamError("scatter", "y", y.length, `x and y must have the same length, got ${x.length} and ${y.length}.`);
  const color = options.color;
  const marker: Record<string, unknown> = { size: options.markerSize ?? (options.z ? 3 : 6), opacity: options.opacity ?? 0.8 };
  if (typeof color === "string") marker.color = color;
  else if (color) {
    marker.color = toArray(color);
    marker.colorscale = options.colorscale ?? "RdYlBu";
    marker.showscale = options.showColorbar ?? true;
  }
  const trace: Record<string, unknown> = {
    type: options.z ? "scatter3d" : "scattergl",
    mode: "markers",
    x: toArray(x),
    y: toArray(y),
    name: options.name ?? "",
    marker,
  };
  if (options.z) trace.z = toArray(options.z);
  return { data: [trace], layout: baseLayout(options) };
}

/** A heat map of a matrix given as rows. */
export function heatmap(
  z: readonly (readonly number[])[],
  options: FigureOptions & { x?: string[]; y?: string[]; zmin?: number; zmax?: number; colorscale?: string; reverseY?: boolean; showScale?: boolean } = {},
): Figure {
  return {
    data: [
      {
        type: "heatmap",
        z: z.map((r) => toArray(r)),
        ...(options.x ? { x: options.x } : {}),
        ...(options.y ? { y: options.y } : {}),
        ...(options.zmin !== undefined ? { zmin: options.zmin } : {}),
        ...(options.zmax !== undefined ? { zmax: options.zmax } : {}),
        colorscale: options.colorscale ?? "RdBu",
        showscale: options.showScale ?? true,
      },
    ],
    layout: { ...baseLayout(options), yaxis: { autorange: options.reverseY === false ? true : "reversed" } },
  };
}

/** Grouped bars: one trace per series over shared categories. */
export function bars(
  categories: readonly string[],
  series: readonly { name: string; values: ArrayLike<number>; color?: string }[],
  options: FigureOptions = {},
): Figure {
  return {
    data: series.map((s, k) => ({ type: "bar", x: [...categories], y: toArray(s.values), name: s.name, marker: { color: s.color ?? COLORS[k % COLORS.length] } })),
    layout: { ...baseLayout(options), barmode: "group", legend: { orientation: "h", y: -0.2 } },
  };
}

/**
 * Figures laid out in a grid of subplots (row-major): each figure's traces
 * move to their own axes, titles become subplot annotations. 3-D figures get
 * their own scenes. Colour bars are placed beside their subplot.
 */
export function subplots(
  figures: readonly Figure[],
  options: { rows: number; cols: number; title?: string; subplotTitles?: readonly string[]; width?: number; height?: number; hSpacing?: number; vSpacing?: number; showLegend?: boolean },
): Figure {
  const { rows, cols } = options;
  if (figures.length > rows * cols) {
    throw new ParamError("subplots", "figures", figures.length, `${figures.length} figures do not fit a ${rows}×${cols} grid.`);
  }
  const hs = options.hSpacing ?? 0.08;
  const vs = options.vSpacing ?? 0.12;
  const w = (1 - hs * (cols - 1)) / cols;
  const h = (1 - vs * (rows - 1)) / rows;
  const data: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {
    showlegend: options.showLegend ?? false,
    margin: { l: 50, r: 30, t: options.title ? 80 : 40, b: 40 },
    annotations: [] as unknown[],
  };
  if (options.title) layout.title = { text: options.title };
  if (options.width) layout.width = options.width;
  layout.height = options.height ?? 330 * rows + 60;
  const legendNames = new Set<string>();
  figures.forEach((fig, k) => {
    const r = Math.floor(k / cols);
    const c = k % cols;
    const x0 = c * (w + hs);
    const y1 = 1 - r * (h + vs);
    const domainX = [x0, x0 + w];
    const domainY = [y1 - h, y1];
    const n = k + 1;
    const is3d = fig.data.some((t) => t.type === "scatter3d");
    const fl = fig.layout ?? {};
    if (is3d) {
      layout[`scene${n === 1 ? "" : n}`] = { domain: { x: domainX, y: domainY } };
    } else {
      layout[`xaxis${n === 1 ? "" : n}`] = { ...((fl.xaxis as object) ?? {}), domain: domainX, anchor: `y${n === 1 ? "" : n}` };
      layout[`yaxis${n === 1 ? "" : n}`] = { ...((fl.yaxis as object) ?? {}), domain: domainY, anchor: `x${n === 1 ? "" : n}` };
    }
    if (fl.barmode) layout.barmode = fl.barmode;
    for (const t of fig.data) {
      const trace: Record<string, unknown> = { ...t };
      if (is3d) trace.scene = `scene${n === 1 ? "" : n}`;
      else {
        trace.xaxis = `x${n === 1 ? "" : n}`;
        trace.yaxis = `y${n === 1 ? "" : n}`;
      }
      // one legend entry per trace name across the grid (real / synthetic pairs repeat per subplot)
      const name = typeof trace.name === "string" ? trace.name : "";
      if (name) {
        trace.legendgroup = name;
        if (legendNames.has(name)) trace.showlegend = false;
        legendNames.add(name);
      }
      const marker = trace.marker as Record<string, unknown> | undefined;
      if (marker?.showscale) {
        trace.marker = { ...marker, colorbar: { x: x0 + w + 0.005, y: (domainY[0]! + domainY[1]!) / 2, len: h, thickness: 10 } };
      }
      if (trace.type === "heatmap" && trace.showscale !== false) {
        trace.colorbar = { x: x0 + w + 0.005, y: (domainY[0]! + domainY[1]!) / 2, len: h, thickness: 10 };
      }
      data.push(trace);
    }
    const title = options.subplotTitles?.[k] ?? ((fl.title as { text?: string } | undefined)?.text ?? "");
    if (title) {
      (layout.annotations as unknown[]).push({
        text: title,
        x: x0 + w / 2,
        y: y1,
        xref: "paper",
        yref: "paper",
        xanchor: "center",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 14 },
      });
    }
  });
  return { data, layout };
}
