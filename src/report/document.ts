import { escapeHtml, jsonForScript } from "../core/html.js";
import type { Table } from "../core/table.js";
import type { Figure } from "./figure.js";
import { plotlyScriptTags } from "./plotly.js";

/** One piece of a report section. Text is escaped; `html` is trusted (built and escaped by synthlab). */
export type Block =
  | { type: "text"; text: string }
  | { type: "table"; table: Table; caption?: string; maxRows?: number; naRep?: string }
  | { type: "figure"; figure: Figure; caption?: string }
  | { type: "html"; html: string }
  | { type: "metrics"; items: readonly { label: string; value: string | number; help?: string }[] }
  | { type: "verdict"; headline: string; level: VerdictBlockLevel; items: readonly { level: VerdictBlockLevel; label: string; text: string }[]; footnote?: string };

/** How a verdict line is marked: good (green), fair (amber), poor (red), alert (red, bold), info (grey). */
export type VerdictBlockLevel = "good" | "fair" | "poor" | "alert" | "info";

export interface ReportSection {
  title: string;
  blocks: Block[];
}

/** A report: a title and titled sections. */
export interface ReportDocument {
  title: string;
  subtitle?: string;
  sections: ReportSection[];
}

const CSS = `
.synthlab-report { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2933; line-height: 1.45; }
.synthlab-report h1 { font-size: 1.7em; margin: 0.2em 0; }
.synthlab-report h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #d9e2ec; padding-bottom: 0.2em; }
.synthlab-report .subtitle { color: #52606d; margin-top: 0; }
.synthlab-report .figure { width: 100%; }
.synthlab-report .verdict { border: 1px solid #d9e2ec; border-left: 6px solid #7b8794; border-radius: 6px; padding: 10px 16px; margin: 0.8em 0 1.2em; background: #fbfcfd; }
.synthlab-report .verdict.good { border-left-color: #3ebd93; } .synthlab-report .verdict.fair { border-left-color: #f0b429; }
.synthlab-report .verdict.poor, .synthlab-report .verdict.alert { border-left-color: #d64545; }
.synthlab-report .verdict .headline { font-size: 1.15em; font-weight: 600; margin: 0.2em 0 0.5em; }
.synthlab-report .verdict ul { list-style: none; padding: 0; margin: 0; }
.synthlab-report .verdict li { margin: 0.25em 0; padding-left: 1.4em; position: relative; }
.synthlab-report .verdict li::before { content: ""; position: absolute; left: 0.2em; top: 0.45em; width: 0.7em; height: 0.7em; border-radius: 50%; background: #9aa5b1; }
.synthlab-report .verdict li.good::before { background: #3ebd93; } .synthlab-report .verdict li.fair::before { background: #f0b429; }
.synthlab-report .verdict li.poor::before, .synthlab-report .verdict li.alert::before { background: #d64545; }
.synthlab-report .verdict li.alert { font-weight: 600; color: #a61b1b; }
.synthlab-report .verdict .label { font-weight: 600; }
.synthlab-report .verdict .footnote { color: #616e7c; font-size: 0.82em; margin: 0.6em 0 0.1em; }
.synthlab-report .caption { color: #52606d; font-size: 0.9em; margin: 0.2em 0 1em; }
.synthlab-report .metrics { display: flex; flex-wrap: wrap; gap: 12px; margin: 0.8em 0; }
.synthlab-report .metric { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 14px; min-width: 140px; background: #f8fafc; }
.synthlab-report .metric .value { font-size: 1.5em; font-weight: 600; }
.synthlab-report .metric .label { color: #52606d; font-size: 0.85em; }
.synthlab-report .table-wrap { overflow-x: auto; margin: 0.6em 0; }
.synthlab-report table.synthlab-table { border-collapse: collapse; font-size: 0.85em; }
.synthlab-report table.synthlab-table th, .synthlab-report table.synthlab-table td { border: 1px solid #e4e7eb; padding: 3px 8px; }
.synthlab-report table.synthlab-table thead th { background: #f0f4f8; }
.synthlab-report table.synthlab-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
.synthlab-report table.synthlab-table caption { caption-side: top; text-align: left; font-weight: 600; padding: 4px 0; }
.synthlab-report .synthlab-table-shape { color: #7b8794; font-size: 0.8em; margin: 2px 0 0; }
.synthlab-report .na { color: #9aa5b1; }
.synthlab-report footer { color: #7b8794; font-size: 0.8em; margin-top: 3em; }
`;

let figureCounter = 0;
/** A page-unique element id (a counter with a per-process prefix; no randomness). */
function nextId(): string {
  figureCounter += 1;
  return `synthlab-fig-${process.pid.toString(36)}-${Date.now().toString(36)}-${figureCounter}`;
}

/**
 * A figure's `<div>` and a script that draws it once `window.Plotly` exists,
 * then sets `data-rendered="true"` on the div (or `data-error`).
 */
export function figureHTML(figure: Figure, height?: number): string {
  const id = nextId();
  const h = height ?? (typeof figure.layout?.height === "number" ? (figure.layout.height as number) : 420);
  const spec = jsonForScript({ data: figure.data, layout: figure.layout ?? {}, config: { responsive: true, displaylogo: false, ...(figure.config ?? {}) } });
  return (
    `<div class="figure synthlab-figure" id="${id}" data-figure="true" style="height:${h}px"></div>` +
    `<script>(function () { var spec = ${spec}; var tries = 0;` +
    ` function draw() { var div = document.getElementById(${JSON.stringify(id)}); if (!div) return;` +
    ` if (!window.Plotly) { if (++tries < 400) { setTimeout(draw, 25); } else { div.setAttribute("data-error", "plotly.js did not load"); } return; }` +
    ` window.Plotly.newPlot(div, spec.data, spec.layout, spec.config).then(function () { div.setAttribute("data-rendered", "true"); },` +
    ` function (e) { div.setAttribute("data-error", String(e)); console.error(e); }); }` +
    ` draw(); })();</script>`
  );
}

function blockHTML(b: Block): string {
  switch (b.type) {
    case "text":
      return b.text
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
        .join("\n");
    case "table":
      return `<div class="table-wrap">${b.table.toHTML({ maxRows: b.maxRows ?? 40, ...(b.caption !== undefined ? { caption: b.caption } : {}), ...(b.naRep !== undefined ? { naRep: b.naRep } : {}) })}</div>`;
    case "figure":
      return figureHTML(b.figure) + (b.caption ? `<p class="caption">${escapeHtml(b.caption)}</p>` : "");
    case "html":
      return b.html;
    case "metrics":
      return `<div class="metrics">${b.items
        .map(
          (m) =>
            `<div class="metric"${m.help ? ` title="${escapeHtml(m.help)}"` : ""}><div class="value">${escapeHtml(
              typeof m.value === "number" ? (Number.isInteger(m.value) ? m.value : m.value.toFixed(3)) : m.value,
            )}</div><div class="label">${escapeHtml(m.label)}</div></div>`,
        )
        .join("")}</div>`;
    case "verdict":
      return (
        `<div class="verdict ${b.level}" role="status"><p class="headline">${escapeHtml(b.headline)}</p><ul>` +
        b.items.map((i) => `<li class="${i.level}"><span class="label">${escapeHtml(i.label)}:</span> ${escapeHtml(i.text)}</li>`).join("") +
        `</ul>${b.footnote ? `<p class="footnote">${escapeHtml(b.footnote)}</p>` : ""}</div>`
      );
    default: {
      const never: never = b;
      throw new Error(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

/** The report's body as an HTML fragment (scoped styles, no plotly): for notebooks. */
export function renderFragment(doc: ReportDocument): string {
  const sections = doc.sections
    .map((s) => `<section><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(blockHTML).join("\n")}</section>`)
    .join("\n");
  return (
    `<div class="synthlab-report"><style>${CSS}</style><h1>${escapeHtml(doc.title)}</h1>` +
    (doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : "") +
    `${sections}</div>`
  );
}

/**
 * A self-contained HTML page: plotly.js inlined once, every figure drawn
 * offline from the file, every user-supplied string escaped.
 *
 * @example
 * const html = renderHTML({ title: "Demo", sections: [{ title: "Intro", blocks: [{ type: "text", text: "<b>escaped</b>" }] }] });
 * html.includes("&lt;b&gt;escaped&lt;/b&gt;"); // => true
 */
export function renderHTML(doc: ReportDocument): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="synthlab">
<title>${escapeHtml(doc.title)}</title>
<style>body { margin: 24px auto; max-width: 1200px; padding: 0 16px; }</style>
${plotlyScriptTags()}
</head>
<body>
${renderFragment(doc)}
<footer class="synthlab-report">Generated by synthlab on ${escapeHtml(new Date().toISOString())}. Self-contained: plotly.js is inlined, the page works offline.</footer>
</body>
</html>
`;
}
