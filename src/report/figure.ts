/**
 * A plotly figure as plain JSON (`data` traces, `layout`, `config`): what
 * `Plotly.newPlot(div, data, layout, config)` takes. Builders return these;
 * the HTML renderer and the notebook display draw them.
 */
export interface Figure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** True for an object shaped like a {@link Figure}. */
export function isFigure(x: unknown): x is Figure {
  return typeof x === "object" && x !== null && Array.isArray((x as Figure).data) && !("toHTML" in x);
}

/** Plotly's default qualitative colours (the "plotly" template). */
export const COLORS = ["#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff", "#fecb52"];

/** Colours for the real / synthetic pair in every comparison figure. */
export const REAL_COLOR = "#1f77b4";
export const SYNTHETIC_COLOR = "#ff7f0e";
