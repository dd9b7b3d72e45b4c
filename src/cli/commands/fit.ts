/** `synthlab fit DATA --method M --out MODEL.json`: learns a table, saves the model. */
import { writeFileSync } from "node:fs";
import { DataError, show } from "../../core/errors.js";
import { createSynthesizer, listSynthesizers, type SynthesizerMethod } from "../../tabular/create.js";
import { readInputTable } from "../input.js";
import { parseSeed } from "../options.js";
import type { CliIO } from "../program.js";

/** Options of `synthlab fit`. */
export interface FitCommandOptions {
  method: string;
  out: string;
  seed: string;
}

/** Runs `synthlab fit`. */
export async function fitCommand(data: string, o: FitCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab fit";
  const methods = listSynthesizers().map((m) => m.method as string);
  if (!methods.includes(o.method)) throw new DataError(where, "method", o.method, `unknown method ${show(o.method)}. Methods: ${methods.join(", ")}.`);
  if (!/\.json$/i.test(o.out)) throw new DataError(where, "out", o.out, `--out must be a .json file, got ${show(o.out)}.`);
  const { table, dropped } = await readInputTable(data, where);
  for (const d of dropped) io.err(`synthlab fit: dropped column '${d.name}': ${d.reason}.`);
  const t0 = Date.now();
  const s = createSynthesizer(o.method as SynthesizerMethod, { seed: parseSeed(o.seed) }).fit(table);
  const json = JSON.stringify(s.toJSON());
  try {
    writeFileSync(o.out, json);
  } catch (e) {
    throw new DataError(where, "out", o.out, `cannot write ${show(o.out)}: ${(e as Error).message}`);
  }
  const kinds = new Map<string, string[]>();
  for (const [name, meta] of Object.entries(s.metadata.columns)) kinds.set(meta.sdtype, [...(kinds.get(meta.sdtype) ?? []), name]);
  io.out(`fitted ${o.method} on ${table.nRows.toLocaleString("en-US")} rows × ${table.nColumns} columns in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${o.out}`);
  for (const [kind, names] of kinds) io.out(`  ${kind} (${names.length}): ${names.join(", ")}`);
}
