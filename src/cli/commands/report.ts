/** `synthlab report REAL SYNTHETIC --out REPORT.html [--holdout H] [--target T]`. */
import { DataError, show } from "../../core/errors.js";
import { qualityReport } from "../../quality/quality-report.js";
import { writeReport } from "../../report/write.js";
import { readInputTable } from "../input.js";
import type { CliIO } from "../program.js";

/** Options of `synthlab report`. */
export interface ReportCommandOptions {
  out: string;
  holdout?: string;
  target?: string;
  seed: string;
}

/** Runs `synthlab report`. */
export async function reportCommand(realPath: string, syntheticPath: string, o: ReportCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab report";
  if (!/\.html?$/i.test(o.out)) throw new DataError(where, "out", o.out, `--out must be an .html file, got ${show(o.out)}.`);
  const real = await readInputTable(realPath, where, "real");
  const synthetic = await readInputTable(syntheticPath, where, "synthetic");
  const holdout = o.holdout === undefined ? undefined : await readInputTable(o.holdout, where, "holdout");
  for (const [label, r] of [["real", real], ["synthetic", synthetic], ["holdout", holdout]] as const) {
    for (const d of r?.dropped ?? []) io.err(`synthlab report: ${label} column '${d.name}' dropped: ${d.reason}.`);
  }
  const shared = real.table.columnNames.filter((c) => synthetic.table.columnNames.includes(c));
  if (shared.length === 0) throw new DataError(where, "synthetic", syntheticPath, `${show(syntheticPath)} has none of the real table's columns (${real.table.columnNames.slice(0, 8).join(", ")}...).`);
  for (const c of real.table.columnNames) if (!shared.includes(c)) io.err(`synthlab report: real column '${c}' left out: not in the synthetic table.`);
  for (const c of synthetic.table.columnNames) if (!shared.includes(c)) io.err(`synthlab report: synthetic column '${c}' left out: not in the real table.`);
  if (o.target !== undefined && !shared.includes(o.target)) throw new DataError(where, "target", o.target, `--target ${show(o.target)} is not a column of both tables; columns: ${shared.join(", ")}.`);
  const seed = /^\d+$/.test(o.seed) ? Number(o.seed) : o.seed;
  const r = qualityReport(real.table.select(shared), synthetic.table.select(shared), {
    seed,
    ...(holdout ? { holdout: holdout.table } : {}),
    ...(o.target !== undefined ? { target: o.target } : {}),
  });
  let path: string;
  try {
    path = writeReport(o.out, r.toHTML());
  } catch (e) {
    throw new DataError(where, "out", o.out, `cannot write ${show(o.out)}: ${(e as Error).message}`);
  }
  io.out(`quality score ${r.score.toFixed(3)} (${r.properties.map((p) => `${p.name} ${p.score.toFixed(3)}`).join(", ")}) on ${shared.length} columns → ${path}`);
}
