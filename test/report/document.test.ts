import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Table } from "../../src/core/table.js";
import { renderHTML } from "../../src/report/document.js";
import { heatmap, histogram, overlaidHistograms, scatter, subplots } from "../../src/report/figures.js";
import { writeReport } from "../../src/report/write.js";
import { checkPage } from "../helpers/browser.js";

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  '"><svg onload=alert(3)>',
  "</script><script>alert(4)</script>",
  "javascript:alert(5)",
  "{{7*7}}",
  "&lt;b&gt;",
  "'; DROP TABLE x; --",
  "line\u2028sep",
  "<!-- comment",
];

describe("renderHTML", () => {
  it("escapes titles, text, table names and values, and figure strings", () => {
    const table = Table.fromRecords(HOSTILE.map((h, i) => ({ [h]: h, n: i })));
    const html = renderHTML({
      title: HOSTILE[0]!,
      subtitle: HOSTILE[1]!,
      sections: [
        {
          title: HOSTILE[2]!,
          blocks: [
            { type: "text", text: HOSTILE.join("\n\n") },
            { type: "table", table, caption: HOSTILE[3]! },
            { type: "figure", figure: histogram([1, 2, 3], { title: HOSTILE[3]!, name: HOSTILE[0]! }), caption: HOSTILE[4]! },
            { type: "metrics", items: [{ label: HOSTILE[5]!, value: HOSTILE[6]!, help: HOSTILE[2]! }] },
          ],
        },
      ],
    });
    const body = html.slice(html.indexOf("<body>"));
    assert.ok(!body.includes("<script>alert"), "a raw script tag from user text");
    assert.ok(!body.includes("<img src=x"), "a raw img tag from user text");
    assert.ok(!body.includes("<svg onload"), "a raw svg tag from user text");
    assert.ok(body.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  });

  it("draws every figure offline in Chromium, runs nothing from the text, and logs no error", async () => {
    const names = HOSTILE;
    const table = Table.fromRecords(names.map((h, i) => ({ name: h, value: i })));
    const x = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i) * 3);
    const y = Float64Array.from({ length: 500 }, (_, i) => Math.cos(i * 0.7));
    const figs = [
      histogram(x, { title: HOSTILE[0]! }),
      overlaidHistograms([
        { name: HOSTILE[1]!, values: x },
        { name: HOSTILE[3]!, values: y },
      ]),
      scatter(x, y, { color: y, title: HOSTILE[2]! }),
      heatmap([[1, 0.5], [0.5, 1]], { x: [HOSTILE[0]!, HOSTILE[1]!], y: [HOSTILE[8]!, HOSTILE[9]!] }),
      subplots([histogram(x), scatter(x, y, { z: y })], { rows: 1, cols: 2, subplotTitles: [HOSTILE[0]!, HOSTILE[3]!] }),
    ];
    const html = renderHTML({
      title: HOSTILE[3]!,
      sections: [{ title: HOSTILE[0]!, blocks: [{ type: "table", table }, { type: "text", text: HOSTILE.join("\n\n") }, ...figs.map((figure) => ({ type: "figure" as const, figure }))] }],
    });
    const path = writeReport(join(mkdtempSync(join(tmpdir(), "synthlab-report-")), "sub", "r.html"), html);
    const page = await checkPage(path);
    assert.equal(page.figures, figs.length);
    assert.equal(page.rendered, figs.length, `figure errors: ${page.figureErrors.join("; ")}`);
    assert.deepEqual(page.dialogs, [], "a dialog fired: some text ran as script");
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(page.requests, [], "the page asked the network for something");
    for (const h of HOSTILE.slice(0, 8)) assert.ok(page.text.includes(h), `text missing literally: ${h}`);
  });
});
