import { Matrix } from "ml-matrix";
import { createRequire } from "node:module";
import { escapeHtml } from "../core/html.js";
import { Table } from "../core/table.js";
import { figureHTML, renderFragment, type ReportDocument } from "./document.js";
import { isFigure, type Figure } from "./figure.js";
import { plotlyScriptTags } from "./plotly.js";

/** The part of tslab's display API synthlab uses. */
interface TslabDisplay {
  html(s: string): void;
  text(s: string): void;
  markdown(s: string): void;
}
interface Tslab {
  display: TslabDisplay;
  newDisplay(): TslabDisplay;
}

let tslab: Tslab | null | undefined;

/** tslab's display module when running inside the tslab kernel, else null. */
function kernel(): Tslab | null {
  if (tslab === undefined) {
    try {
      const t = createRequire(import.meta.url)("tslab") as Tslab;
      t.display.text(""); // throws "Not ready" outside a kernel
      tslab = t;
    } catch {
      tslab = null;
    }
  }
  return tslab;
}

/** True inside a Jupyter notebook running the tslab kernel. */
export function inNotebook(): boolean {
  return kernel() !== null;
}

let plotlyShown = false;

/**
 * Sends plotly.js to the notebook once (about 4.7 MB, inlined so figures
 * render offline and in `nbconvert --to html`). {@link show} calls it on
 * the first figure; call it with `force` after clearing all outputs.
 */
export function loadPlotly(force = false): void {
  const k = kernel();
  if (!k || (plotlyShown && !force)) return;
  k.display.html(plotlyScriptTags());
  plotlyShown = true;
}

/** Anything with an HTML form (a Table, a report, ...). */
export interface HTMLRenderable {
  toHTML(): string;
}

/** Anything that can give a report body as a notebook fragment. */
export interface DocumentRenderable {
  toDocument(): ReportDocument;
}

/**
 * Shows a value in the notebook: a {@link Table} or `Matrix` as an HTML
 * table, a plotly {@link Figure} drawn inline, a report (anything with
 * `toDocument()` or `toHTML()`) inline, a string as text. Outside a notebook
 * it prints a text form to the console instead.
 *
 * @param options.maxRows - rows shown for tables (default 20)
 * @param options.height - figure height in pixels (default: the figure's own, else 420)
 */
export function show(
  value: Table | Matrix | Figure | HTMLRenderable | DocumentRenderable | string,
  options: { maxRows?: number; height?: number; caption?: string } = {},
): void {
  const k = kernel();
  if (!k) {
    console.log(textForm(value));
    return;
  }
  if (typeof value === "string") {
    k.display.text(value);
    return;
  }
  if (value instanceof Table) {
    k.display.html(value.toHTML({ maxRows: options.maxRows ?? 20, ...(options.caption ? { caption: options.caption } : {}) }));
    return;
  }
  if (Matrix.isMatrix(value)) {
    k.display.html(Table.fromMatrix(value as Matrix).toHTML({ maxRows: options.maxRows ?? 20 }));
    return;
  }
  if (isFigure(value)) {
    loadPlotly();
    k.display.html(figureHTML(value, options.height) + (options.caption ? `<p style="color:#52606d">${escapeHtml(options.caption)}</p>` : ""));
    return;
  }
  if (typeof (value as DocumentRenderable).toDocument === "function") {
    loadPlotly();
    k.display.html(renderFragment((value as DocumentRenderable).toDocument()));
    return;
  }
  if (typeof (value as HTMLRenderable).toHTML === "function") {
    k.display.html((value as HTMLRenderable).toHTML());
    return;
  }
  k.display.text(String(value));
}

function textForm(value: unknown): string {
  if (value instanceof Table) return value.toString();
  if (isFigure(value)) return `Figure(${value.data.length} traces${value.layout?.title ? `: ${JSON.stringify((value.layout.title as { text?: string }).text)}` : ""})`;
  if (Matrix.isMatrix(value)) return String(value);
  return String(value);
}

/** A progress line for long work: updates one output in place in a notebook, or the console's stderr. */
export interface Progress {
  update(done: number, total: number, note?: string): void;
  finish(note?: string): void;
}

/** Starts a {@link Progress} with a label. */
export function progress(label: string): Progress {
  const k = kernel();
  const out = k ? k.newDisplay() : null;
  const t0 = Date.now();
  const render = (done: number, total: number, note?: string) => {
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    return { frac, text: `${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${(frac * 100).toFixed(0)}%, ${secs} s)${note ? ` ${note}` : ""}` };
  };
  return {
    update(done, total, note) {
      const { frac, text } = render(done, total, note);
      if (out) {
        out.html(
          `<div style="font-family:monospace">${escapeHtml(text)}<div style="background:#e4e7eb;width:300px;height:6px"><div style="background:#636efa;height:6px;width:${(frac * 300).toFixed(0)}px"></div></div></div>`,
        );
      } else process.stderr.write(`\r${text}`);
    },
    finish(note) {
      const text = `${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${note ? ` (${note})` : ""}`;
      if (out) out.text(text);
      else process.stderr.write(`\r${text}\n`);
    },
  };
}
