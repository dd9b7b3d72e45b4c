import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ParamTypeError, show } from "../core/errors.js";

/** Something that renders to a page: a report (`QualityReport`, ...) or an HTML string. */
export type ReportContent = string | { toHTML(): string };

const isPage = (x: unknown): x is ReportContent =>
  (typeof x === "object" && x !== null && typeof (x as { toHTML?: unknown }).toHTML === "function") || (typeof x === "string" && /^\s*</.test(x));

/**
 * Writes an HTML report (creating its folder) and returns its absolute
 * path. The content comes first, as in `writeCsv(table, path)`: an HTML
 * string or anything with `toHTML()` (a quality report). The older order
 * `writeReport(path, html)` is still accepted (an HTML string starts with
 * `<`, a path does not).
 *
 * @param report - the page: an HTML string or an object with `toHTML()`
 * @param path - the file to write
 * @returns the file's absolute path
 * @throws ParamTypeError when neither argument is a page, or the path is not a string
 */
export function writeReport(report: ReportContent, path: string): string {
  let content: unknown = report;
  let file: unknown = path;
  if (!isPage(report) && isPage(path)) [content, file] = [path, report];
  if (typeof file !== "string" || file === "") throw new ParamTypeError("writeReport", "path", file, `'path' must be a file path, got ${show(file)}.`);
  if (!isPage(content)) throw new ParamTypeError("writeReport", "report", content, `'report' must be an HTML string or have toHTML() (a quality report), got ${show(content)}.`);
  const html = typeof content === "string" ? content : content.toHTML();
  const abs = resolve(file);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, html);
  return abs;
}
