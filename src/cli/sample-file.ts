/**
 * `synthlab sample`'s engine: rows [start, start + count) of a model's draw,
 * streamed to a CSV or Parquet file in block-sized chunks (constant memory),
 * in this process or with `workers - 1` forked worker processes (sample-process-pool.ts) that each
 * fill their own row ranges while this process samples too and writes them in order.
 *
 * Why processes and not threads (measured 2026-12-02 on a 2-core machine, 1,000,000 churn rows to CSV;
 * README, "Large tables", has the numbers): a piscina thread pool ran this thread's tasks back to back and
 * its workers idled (2.6 s against 1.8-2.1 s for one worker); forked processes returning results over IPC
 * flushed an 11 MB message only after their next task. So: forked processes, results as files in
 * /dev/shm named in a small IPC message, this process yielding after each of its own tasks, 4 × workers
 * tasks in flight, and a second process only from MIN_ROWS_PER_EXTRA_WORKER rows (the measured
 * break-even of its ~0.45 s start-up). Two concurrent samplers on that machine each ran ~1.4× slower
 * (memory and cache contention), so 2 workers gave 1.1× at 2,000,000 rows, not the issue's 1.7×.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { CsvStreamWriter } from "../io/csv-writer.js";
import { ParquetStreamWriter, type EncodedRowGroup } from "../io/parquet-writer.js";
import { BLOCK_ROWS } from "../tabular/synthesizer.js";
import { int32Columns, timestampColumns, type ModelFile } from "./model-file.js";
import { SampleProcessPool } from "./sample-process-pool.js";
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
  /** Processes that sample: this one plus up to `workers - 1` forked ones (1: this process only; see usedWorkers). */
  workers: number;
  /** Rows each worker beyond the first must have, or it is not started. @defaultValue MIN_ROWS_PER_EXTRA_WORKER */
  minRowsPerExtraWorker?: number;
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

/** An open output: tables (this process) or pre-encoded chunks (from workers). */
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

/**
 * Rows each worker process beyond the first must have to be started. A process needs ~0.4-0.5 s to
 * start Node and load the library and the model, and its first task runs cold (~0.4 s instead of
 * ~0.23 s for 131,072 rows); meanwhile this thread samples alone. Measured on the 2-core test machine
 * (churn copula, CSV, other sessions paused): 2 workers vs 1 took 1.5 s vs 0.7 s at 300,000 rows,
 * 1.9-2.4 s vs 1.8-2.1 s at 1,000,000 (break-even) and 4.1 s vs 4.5 s at 2,000,000, so the
 * break-even is about 1,000,000 rows per extra worker.
 */
export const MIN_ROWS_PER_EXTRA_WORKER = 1_000_000;

/** Workers actually used for `count` rows: at most `workers`, one more per `minRows` rows (by default MIN_ROWS_PER_EXTRA_WORKER). */
export function usedWorkers(workers: number, count: number, minRows = MIN_ROWS_PER_EXTRA_WORKER): number {
  if (count <= BLOCK_ROWS) return 1;
  return Math.max(1, Math.min(workers, 1 + Math.floor(count / Math.max(1, minRows))));
}

/** Writes the rows; resolves to the rows written. */
export async function sampleToFile(o: SampleFileOptions): Promise<number> {
  const writer = openWriter(o);
  let done = 0;
  try {
    const workers = usedWorkers(o.workers, o.count, o.minRowsPerExtraWorker);
    if (workers <= 1) {
      for (const t of o.model.synthesizer.sampleChunks(o.start, o.count, { seed: o.seed })) {
        writer.write(t);
        done += t.nRows;
        o.onProgress?.(done, o.count);
        if (o.onChunk) await o.onChunk();
      }
    } else {
      done = await sampleOnPool({ ...o, workers }, writer);
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

/** The parent's module-loading flags (e.g. `--import tsx`), for the worker processes (not `--expose-gc`, `--cpu-prof`, ...). */
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
  return here.replace(/sample-file\.(ts|js)$/, "sample-process.$1");
}

/**
 * Tasks in row order on `workers - 1` worker processes plus this thread: whenever the next result to
 * write is not ready, this thread runs the next unassigned task itself (so it never idles, and
 * work starts before the processes have loaded the library); results are written in order,
 * with at most 4 × workers tasks in flight.
 */
async function sampleOnPool(o: SampleFileOptions, writer: Writer): Promise<number> {
  const pool = new SampleProcessPool(workerFile(), o.workers - 1, o.model.path, workerExecArgv());
  const ranges = taskRanges(o.start, o.count);
  const task = (k: number): SampleTask => ({ start: ranges[k]!.start, count: ranges[k]!.count, seed: o.seed, format: o.format, totalRows: o.totalRows ?? o.start + o.count });
  type Slot = { done: boolean; value?: SampleTaskResult; promise?: Promise<SampleTaskResult> };
  const slots: Slot[] = [];
  const window = 4 * o.workers;
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
  // after each task of its own, this thread yields once, so the workers' finished results are
  // collected and new tasks sent to them before it takes another
  const runHere = async () => {
    slots[next] = { done: true, value: runSampleTask(o.model.synthesizer, o.model.json, task(next)) };
    next++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    for (let k = 0; k < ranges.length; k++) {
      for (;;) {
        while (next < ranges.length && next < k + window && inPool < 2 * (o.workers - 1)) submit();
        const slot = slots[k];
        if (slot?.done) break;
        if (next < ranges.length && next < k + window) await runHere();
        else if (slot) {
          await slot.promise;
          break;
        } else await runHere();
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
