/// <reference lib="dom" />
/**
 * Opens an HTML file in Debian's headless Chromium (playwright-core, never a
 * downloaded browser) and reports what a person would see: how many figures
 * the page has, how many plotly drew, console errors, page errors, dialogs.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface PageCheck {
  figures: number;
  rendered: number;
  figureErrors: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
  text: string;
}

export async function checkPage(file: string, options: { screenshot?: string; waitMs?: number } = {}): Promise<PageCheck> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see README, Prerequisites)`);
  const profile = mkdtempSync(join(tmpdir(), "synthlab-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1200, height: 1000 },
  });
  const result: PageCheck = { figures: 0, rendered: 0, figureErrors: [], consoleErrors: [], pageErrors: [], dialogs: [], requests: [], text: "" };
  try {
    const page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") result.consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => result.pageErrors.push(String(e)));
    page.on("dialog", async (d) => {
      result.dialogs.push(d.message());
      await d.dismiss();
    });
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) result.requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 60_000 });
    const deadline = Date.now() + (options.waitMs ?? 30_000);
    for (;;) {
      const state = await page.evaluate(() => {
        const figs = Array.from(document.querySelectorAll("[data-figure]"));
        return {
          figures: figs.length,
          rendered: figs.filter((f) => f.getAttribute("data-rendered") === "true").length,
          errors: figs.map((f) => f.getAttribute("data-error")).filter((e): e is string => !!e),
        };
      });
      result.figures = state.figures;
      result.rendered = state.rendered;
      result.figureErrors = state.errors;
      if (state.rendered + state.errors.length >= state.figures || Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
    result.text = await page.evaluate(() => document.body.innerText);
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return result;
}
