/**
 * `synthlab sample`'s engine: rows [start, start + count) of a model's draw,
 * streamed to a CSV or Parquet file in block-sized chunks (constant memory),
 * in this thread or on a piscina pool of worker threads that each fill their
 * own row ranges while this thread writes them in order.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { CsvStreamWriter } from "../io/csv-writer.js";
import { ParquetStreamWriter, type EncodedRowGroup } from "../io/parquet-writer.js";
import { BLOCK_ROWS } from "../tabular/synthesizer.js";
import { int32Columns, timestampColumns, type ModelFile } from "./model-file.js";
import { runSampleTask, type SampleTask, type SampleTaskResult } from "./sample-task.js";

/** Output formats. */
export type OutputFormat = "csv" | "parquet";

/** Rows per worker task (and per Parquet row group): whole blocks, so no block is drawn twice. */
export const TASK_ROWS = 8 * BLOCK_ROWS;

/** What to sample and where. */
export interface SampleFileOptions {
  model: ModelFile;
  /** First row of the draw to write. */
  start: number;
  /** Rows to write. */
  count: number;
  /** Rows of the whole draw (all shards), so every shard's Parquet file has the same schema. @defaultValue start + count */
  totalRows?: number;
  seed: number | string;
  out: string;
  format: OutputFormat;
  /** CSV: write the header row. */
  header: boolean;
  /** Threads that sample: this one plus `workers - 1` pool threads (1: this thread only). */
  workers: number;
  onProgress?: (done: number, total: number) => void;
  /** Called between chunks (a job queue renews its lock here); may be async. */
  onChunk?: () => unknown;
}

/** The output format from `--format` or the file's extension. */
export function outputFormat(path: string, format: string | undefined, where: string): OutputFormat {
  const f = format ?? (/\.parquet$/i.test(path) ? "parquet" : /\.csv$/i.test(path) ? "csv" : undefined);
  if (f !== "csv" && f !== "parquet") {
    throw new ParamError(where, "out", path, format === undefined ? `--out must end in .csv or .parquet (or pass --format), got ${show(path)}.` : `--format must be csv or parquet, got ${show(format)}.`);
  }
  return f;
}

/** The default worker count: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** An open output: tables (this thread) or pre-encoded chunks (from workers). */
interface Writer {
  write(t: Table): void;
  writeBytes(b: Uint8Array, rows: number): void;
  writeEncoded(g: EncodedRowGroup): void;
  close(): void;
}

/** Opens the output (failing before any sampling when it cannot be written). */
function openWriter(o: SampleFileOptions): Writer {
  const unsupported = (what: string) => () => {
    throw new ParamError("sampleToFile", "format", o.format, `internal: ${what} on a ${o.format} writer.`);
  };
  if (o.format === "csv") {
    const w = new CsvStreamWriter(o.out, { header: o.header });
    const names = o.model.json.columnOrder;
    let first = true;
    return {
      write: (t) => w.write(t),
      writeBytes: (b, rows) => {
        if (first && o.header) w.writeBytes(CsvStreamWriter.headerBytes(names), 0);
        first = false;
        w.writeBytes(b, rows);
      },
      writeEncoded: unsupported("a Parquet row group"),
      close: () => {
        if (first && o.header && o.count === 0) w.writeBytes(CsvStreamWriter.headerBytes(names), 0);
        w.close();
      },
    };
  }
  const w = new ParquetStreamWriter(o.out, { rowGroupRows: TASK_ROWS, timestampColumns: timestampColumns(o.model.json), int32Columns: int32Columns(o.model.json, o.totalRows ?? o.start + o.count) });
  return { write: (t) => w.write(t), writeBytes: unsupported("CSV bytes"), writeEncoded: (g) => w.writeEncoded(g), close: () => void w.close() };
}

/** Writes the rows; resolves to the rows written. */
export async function sampleToFile(o: SampleFileOptions): Promise<number> {
  const writer = openWriter(o);
  let done = 0;
  try {
    if (o.workers <= 1 || o.count <= BLOCK_ROWS) {
      for (const t of o.model.synthesizer.sampleChunks(o.start, o.count, { seed: o.seed })) {
        writer.write(t);
        done += t.nRows;
        o.onProgress?.(done, o.count);
        if (o.onChunk) await o.onChunk();
      }
    } else {
      done = await sampleOnPool(o, writer);
    }
  } finally {
    writer.close();
  }
  return done;
}

/** Task ranges: [start, end) cut at multiples of TASK_ROWS. */
export function taskRanges(start: number, count: number): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  const end = start + count;
  for (let a = start; a < end; ) {
    const b = Math.min(end, (Math.floor(a / TASK_ROWS) + 1) * TASK_ROWS);
    out.push({ start: a, count: b - a });
    a = b;
  }
  return out;
}

/** The parent's module-loading flags (e.g. `--import tsx`), without process-wide ones a worker rejects (`--expose-gc`, ...). */
function workerExecArgv(): string[] {
  const keep = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader", "--conditions", "-C", "--enable-source-maps", "--no-warnings"]);
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const flag = a.split("=")[0]!;
    if (!keep.has(flag)) continue;
    out.push(a);
    if (!a.includes("=") && flag !== "--enable-source-maps" && flag !== "--no-warnings" && i + 1 < args.length) out.push(args[++i]!);
  }
  return out;
}

function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.replace(/sample-file\.(ts|js)$/, "sample-worker.$1");
}

/**
 * Tasks in row order on `workers - 1` pool threads plus this thread: whenever the next result to
 * write is not ready, this thread runs the next unassigned task itself (so it never idles, and
 * work starts before the pool's threads have loaded the library); results are written in order,
 * with at most 2 × workers tasks in flight.
 */
async function sampleOnPool(o: SampleFileOptions, writer: Writer): Promise<number> {
  const pool = new Piscina<SampleTask, SampleTaskResult>({
    filename: workerFile(),
    minThreads: o.workers - 1,
    maxThreads: o.workers - 1,
    workerData: { modelPath: o.model.path },
    // piscina tries require() before import(); with Node's require(esm) that path can race the ESM
    // loader ("Unexpected status of a module that is imported again after being required"), so
    // workers load the ESM worker file through import() only
    execArgv: [...workerExecArgv(), ...(process.allowedNodeEnvironmentFlags.has("--no-experimental-require-module") ? ["--no-experimental-require-module"] : [])],
  });
  const ranges = taskRanges(o.start, o.count);
  const task = (k: number): SampleTask => ({ start: ranges[k]!.start, count: ranges[k]!.count, seed: o.seed, format: o.format, totalRows: o.totalRows ?? o.start + o.count });
  type Slot = { done: boolean; value?: SampleTaskResult; promise?: Promise<SampleTaskResult> };
  const slots: Slot[] = [];
  const window = 2 * o.workers;
  let next = 0;
  let inPool = 0;
  let done = 0;
  const submit = () => {
    const slot: Slot = { done: false };
    slot.promise = pool.run(task(next)).then((v) => {
      slot.done = true;
      slot.value = v;
      inPool--;
      return v;
    });
    slot.promise.catch(() => undefined); // awaited in order below
    slots[next++] = slot;
    inPool++;
  };
  const runHere = () => {
    slots[next] = { done: true, value: runSampleTask(o.model.synthesizer, o.model.json, task(next)) };
    next++;
  };
  try {
    for (let k = 0; k < ranges.length; k++) {
      for (;;) {
        while (next < ranges.length && next < k + window && inPool < 2 * (o.workers - 1)) submit();
        const slot = slots[k];
        if (slot?.done) break;
        if (next < ranges.length && next < k + window) runHere();
        else if (slot) {
          await slot.promise;
          break;
        } else runHere();
      }
      const result = slots[k]!.value!;
      slots[k] = { done: true };
      if (result instanceof Uint8Array) writer.writeBytes(result, ranges[k]!.count);
      else writer.writeEncoded(result);
      done += ranges[k]!.count;
      o.onProgress?.(done, o.count);
      if (o.onChunk) await o.onChunk();
    }
  } finally {
    await pool.destroy();
  }
  return done;
}
