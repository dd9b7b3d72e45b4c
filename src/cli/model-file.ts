/** Reading a saved synthesizer (`synthlab fit`'s output) with one-line errors. */
import { existsSync, readFileSync } from "node:fs";
import { DataError, isSynthlabError, show } from "../core/errors.js";
import { compileDatetimeFormat } from "../tabular/datetime-format.js";
import { loadSynthesizer } from "../tabular/create.js";
import type { SynthesizerJSON, TableSynthesizer } from "../tabular/synthesizer.js";

/** A saved synthesizer, loaded. */
export interface ModelFile {
  readonly path: string;
  readonly json: SynthesizerJSON;
  readonly synthesizer: TableSynthesizer;
}

/** Loads `path` (JSON written by `synthlab fit` or `JSON.stringify(s.toJSON())`). */
export function readModelFile(path: string, where: string): ModelFile {
  if (!existsSync(path)) throw new DataError(where, "model", path, `${show(path)}: no such file.`);
  let json: SynthesizerJSON;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as SynthesizerJSON;
  } catch (e) {
    throw new DataError(where, "model", path, `${show(path)} is not JSON (${(e as Error).message}); pass a model written by synthlab fit.`);
  }
  try {
    return { path, json, synthesizer: loadSynthesizer(json) };
  } catch (e) {
    if (isSynthlabError(e)) throw new DataError(where, "model", path, `${show(path)}: ${e.message.replace(/^loadSynthesizer: /, "")}`);
    throw new DataError(where, "model", path, `${show(path)} is not a saved synthesizer (${(e as Error).message}); pass a model written by synthlab fit.`);
  }
}

/** The text datetime columns of a model's output and how to parse them (for Parquet timestamps). */
export function timestampColumns(json: SynthesizerJSON): Record<string, (label: string) => number> {
  const out: Record<string, (label: string) => number> = {};
  for (const spec of json.storage) {
    if (json.metadata.columns[spec.name]?.sdtype === "datetime" && spec.kind === "categorical" && spec.datetimeFormat) {
      out[spec.name] = compileDatetimeFormat(spec.datetimeFormat).parse;
    }
  }
  return out;
}

/**
 * Integer output columns that cannot leave 32 bits (Parquet INT32): learned integer columns kept
 * inside their real range (enforceMinMax) that no constraint rewrites, and numeric ids of `rows` rows.
 */
export function int32Columns(json: SynthesizerJSON, rows: number): string[] {
  const INT32_MAX = 2 ** 31 - 1;
  const out: string[] = [];
  const constrained = new Set<string>();
  for (const c of (json.options["constraints"] ?? []) as Record<string, unknown>[]) {
    for (const v of Object.values(c)) {
      if (typeof v === "string") constrained.add(v);
      else if (Array.isArray(v)) for (const x of v) if (typeof x === "string") constrained.add(x);
    }
  }
  const integerStorage = new Set(json.storage.filter((s) => s.kind === "integer" && !s.epochUnit).map((s) => s.name));
  if (json.options["enforceMinMax"] !== false) {
    for (const st of json.transformer.states as unknown as Record<string, unknown>[]) {
      const name = st["name"] as string;
      if (st["type"] === "numerical" && st["kind"] === "integer" && integerStorage.has(name) && !constrained.has(name) && (st["min"] as number) >= -INT32_MAX && (st["max"] as number) <= INT32_MAX) out.push(name);
    }
  }
  for (const g of json.generated) if (g.type === "id" && g.numeric && integerStorage.has(g.name) && g.numericStart + rows <= INT32_MAX) out.push(g.name);
  return out;
}
