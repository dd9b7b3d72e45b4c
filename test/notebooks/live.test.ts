/// <reference lib="dom" />
/**
 * The live path: `jupyter notebook` (as `npm run notebook` starts it, on
 * loopback) with the project's kernelspec, notebook 01 opened in headless
 * Chromium and run top to bottom there. Its table and its plotly figure must
 * render in the live page, with no page error.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../helpers/browser.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

describe("live notebook", () => {
  it("runs notebook 01 in the classic Notebook and draws its figure and table", async () => {
    const port = await freePort();
    const args = ["notebook", "--notebook-dir=notebooks", "--no-browser", `--port=${port}`, "--ip=127.0.0.1", "--NotebookApp.token=", "--NotebookApp.password="];
    if (process.getuid?.() === 0) args.push("--allow-root");
    const server = spawn("jupyter", args, { cwd: ROOT, env: { ...process.env, JUPYTER_PATH: join(ROOT, "notebooks", ".jupyter") }, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    server.stdout.on("data", (d) => (log += d));
    server.stderr.on("data", (d) => (log += d));
    const profile = mkdtempSync(join(tmpdir(), "synthlab-live-"));
    try {
      const deadline = Date.now() + 60_000;
      while (!/is running at|Use Control-C/.test(log)) {
        assert.ok(Date.now() < deadline && server.exitCode === null, `Jupyter did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      try {
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(`http://127.0.0.1:${port}/notebooks/01-distributions.ipynb`, { waitUntil: "load" });
        await page.waitForFunction(
          () => {
            const J = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean } } } }).Jupyter;
            return !!J?.notebook?.kernel?.is_connected();
          },
          null,
          { timeout: 120_000 },
        );
        await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { execute_all_cells(): void } } }).Jupyter.notebook.execute_all_cells());
        await page.waitForFunction(() => document.querySelectorAll("table.synthlab-table").length >= 1 && document.querySelectorAll("[data-rendered=true]").length >= 1, null, {
          timeout: 180_000,
        });
        const state = await page.evaluate(() => ({
          kernel: (window as unknown as { Jupyter: { notebook: { kernel: { name: string } } } }).Jupyter.notebook.kernel.name,
          figures: document.querySelectorAll("[data-figure]").length,
          rendered: document.querySelectorAll("[data-rendered=true]").length,
        }));
        assert.equal(state.kernel, "synthlab");
        assert.equal(state.rendered, state.figures);
        assert.deepEqual(errors, []);
      } finally {
        await ctx.close();
      }
    } finally {
      server.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 300));
      if (server.exitCode === null) server.kill("SIGKILL");
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
