import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let bundle: string | undefined;

/** The plotly.js ready bundle (plotly.js-dist-min), read once. */
export function plotlyBundle(): string {
  if (bundle === undefined) {
    const require = createRequire(import.meta.url);
    bundle = readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8");
  }
  return bundle;
}

/**
 * `<script>` elements that load plotly.js inline. An AMD loader (require.js,
 * as Jupyter's HTML export has) would capture the bundle and leave
 * `window.Plotly` unset, so `define` is hidden while the bundle runs.
 */
export function plotlyScriptTags(): string {
  // "</script" cannot occur inside the minified bundle's code unescaped; guard anyway.
  const code = plotlyBundle().replace(/<\/script/gi, "<\\/script");
  return (
    `<script>window.__synthlabDefine = window.define; window.define = undefined;</script>\n` +
    `<script>${code}</script>\n` +
    `<script>if (window.__synthlabDefine) { window.define = window.__synthlabDefine; } delete window.__synthlabDefine;</script>`
  );
}
