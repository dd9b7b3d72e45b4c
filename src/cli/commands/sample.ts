/** `synthlab sample MODEL.json --rows N --out FILE.csv|FILE.parquet [--seed S] [--shard I/N] [--workers W]`. */
import { ParamError, show } from "../../core/errors.js";
import { readModelFile } from "../model-file.js";
import { parseCount, parseRows, parseSeed } from "../options.js";
import type { CliIO } from "../program.js";
import { createProgress } from "../progress.js";
import { defaultWorkers, outputFormat, sampleToFile } from "../sample-file.js";
import { parseShard, shardRange } from "../shard.js";

/** Options of `synthlab sample`. */
export interface SampleCommandOptions {
  rows: string;
  out: string;
  seed: string;
  shard?: string;
  workers?: string;
  format?: string;
  header: string;
  progress: boolean;
}

/** Runs `synthlab sample`. */
export async function sampleCommand(modelPath: string, o: SampleCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab sample";
  const n = parseRows(o.rows, where);
  const format = outputFormat(o.out, o.format, where);
  const shard = o.shard === undefined ? { index: 0, count: 1 } : parseShard(o.shard, where);
  const workers = o.workers === undefined ? defaultWorkers() : parseCount(o.workers, where, "--workers");
  if (!["auto", "always", "never"].includes(o.header)) throw new ParamError(where, "header", o.header, `--header must be auto, always or never, got ${show(o.header)}.`);
  const model = readModelFile(modelPath, where);
  const { start, count } = shardRange(n, shard);
  const header = o.header === "always" || (o.header === "auto" && start === 0);
  const progress = createProgress(count, o.shard ? `shard ${o.shard}` : "sampling", o.progress);
  const t0 = Date.now();
  let rows: number;
  try {
    rows = await sampleToFile({ model, start, count, totalRows: n, seed: parseSeed(o.seed), out: o.out, format, header, workers, onProgress: (d) => progress.update(d) });
  } finally {
    progress.stop();
  }
  const s = (Date.now() - t0) / 1000;
  const range = shard.count > 1 ? ` (rows ${start.toLocaleString("en-US")}–${(start + count).toLocaleString("en-US")} of ${n.toLocaleString("en-US")})` : "";
  io.out(`wrote ${rows.toLocaleString("en-US")} rows × ${model.json.columnOrder.length} columns${range} to ${o.out} in ${s.toFixed(1)} s (${Math.round(rows / Math.max(s, 1e-3)).toLocaleString("en-US")} rows/s, ${workers} worker${workers > 1 ? "s" : ""})`);
}
