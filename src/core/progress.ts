/**
 * Progress reporting for long work: every long-running function takes an
 * `onProgress` option with this signature. Pair it with `progress(label)`
 * from src/report for a live line in a notebook or on stderr:
 *
 * ```ts
 * const p = progress("grid search");
 * gridSearchCV(make, grid, X, { onProgress: p.update });
 * ```
 */
import { ParamTypeError, show } from "./errors.js";

/** Called with the work done so far and the total (same units), and a short note on the current step. */
export type ProgressCallback = (done: number, total: number, note?: string) => void;

/** Checks an `onProgress` option (undefined stays undefined: call it as `onProgress?.(...)`, so no note is built for nobody). */
export function checkProgress(where: string, value: unknown): ProgressCallback | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new ParamTypeError(where, "onProgress", value, `'onProgress' must be a function (done, total, note) => void, got ${show(value)}.`);
  return value as ProgressCallback;
}
