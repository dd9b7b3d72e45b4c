/** Parsers of the command line's values: each fails with one line naming the flag. */
import { ParamError, show } from "../core/errors.js";

/** `--rows`: a whole number >= 0 (digits, `_` or `,` separators, or 1e6 notation). */
export function parseRows(text: string, where: string, flag = "--rows"): number {
  const clean = String(text).replace(/[_,]/g, "");
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new ParamError(where, flag.slice(2), text, `${flag} must be a whole number >= 0 (e.g. 1000000 or 1e6), got ${show(text)}.`);
  return n;
}

/** `--seed`: an integer, else the text itself (string seeds are fine). */
export function parseSeed(text: string): number | string {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/** A count >= 1 (`--workers`, `--shards`, `--concurrency`). */
export function parseCount(text: string, where: string, flag: string): number {
  const n = /^\d+$/.test(String(text)) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new ParamError(where, flag.slice(2), text, `${flag} must be a whole number >= 1, got ${show(text)}.`);
  return n;
}
