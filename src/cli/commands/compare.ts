/**
 * `synthlab compare DATA --out REPORT.html [--methods a,b,c] [--holdout H] [--target T]`:
 * fits each method and writes one comparison report (`compareSynthesizers`).
 */
import { DataError, show } from "../../core/errors.js";
import { compareSynthesizers } from "../../quality/compare-synthesizers.js";
import { listSynthesizers } from "../../tabular/create.js";
import { writeReport } from "../../report/write.js";
import { readInputTable } from "../input.js";
import { parseSeed } from "../options.js";
import type { CliIO } from "../program.js";
import { createProgress } from "../progress.js";

/** Options of `synthlab compare`. */
export interface CompareCommandOptions {
  out: string;
  methods?: string;
  holdout?: string;
  target?: string;
  seed: string;
  progress: boolean;
}

/** Runs `synthlab compare`. */
export async function compareCommand(data: string, o: CompareCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab compare";
  if (!/\.html?$/i.test(o.out)) throw new DataError(where, "out", o.out, `--out must be an .html file, got ${show(o.out)}.`);
  const known = listSynthesizers().map((m) => m.method as string);
  const methods = o.methods?.split(",").map((m) => m.trim()).filter(Boolean);
  for (const m of methods ?? []) if (!known.includes(m)) throw new DataError(where, "methods", m, `unknown method ${show(m)}. Methods: ${known.join(", ")}.`);
  const { table, dropped } = await readInputTable(data, where);
  for (const d of dropped) io.err(`synthlab compare: dropped column '${d.name}': ${d.reason}.`);
  const holdout = o.holdout === undefined ? undefined : (await readInputTable(o.holdout, where, "holdout")).table;
  if (o.target !== undefined && !table.columnNames.includes(o.target)) throw new DataError(where, "target", o.target, `--target ${show(o.target)} is not a column; columns: ${table.columnNames.join(", ")}.`);
  let bar: ReturnType<typeof createProgress> | undefined;
  const report = compareSynthesizers(table, {
    ...(methods ? { methods } : {}),
    ...(holdout ? { holdout } : {}),
    ...(o.target !== undefined ? { target: o.target } : {}),
    seed: parseSeed(o.seed),
    onProgress: (done: number, total: number) => {
      bar ??= createProgress(total, "comparing", o.progress);
      bar.update(done);
    },
  });
  (bar as ReturnType<typeof createProgress> | undefined)?.stop();
  let path: string;
  try {
    path = writeReport(o.out, report.toHTML());
  } catch (e) {
    throw new DataError(where, "out", o.out, `cannot write ${show(o.out)}: ${(e as Error).message}`);
  }
  io.out(`compared ${methods ? methods.join(", ") : "the default methods"} on ${table.nRows.toLocaleString("en-US")} rows × ${table.nColumns} columns → ${path}`);
}
