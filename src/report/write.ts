import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ParamTypeError, show } from "../core/errors.js";

/** Writes an HTML report (creating its folder) and returns its absolute path. */
export function writeReport(path: string, html: string): string {
  if (typeof path !== "string" || path === "") throw new ParamTypeError("writeReport", "path", path, `'path' must be a file path, got ${show(path)}.`);
  if (typeof html !== "string") throw new ParamTypeError("writeReport", "html", html, `'html' must be a string, got ${show(html)}.`);
  const abs = resolve(path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, html);
  return abs;
}
