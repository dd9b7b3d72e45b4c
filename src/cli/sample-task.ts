/**
 * One task of `synthlab sample`: rows [start, start + count) of a draw,
 * encoded as the output wants them (CSV bytes, or one Parquet row group).
 * Run by the worker threads and, between writes, by the main thread.
 */
import { Table } from "../core/table.js";
import { csvBytes } from "../io/csv-writer.js";
import { encodeParquetRowGroup, type EncodedRowGroup } from "../io/parquet-writer.js";
import type { SynthesizerJSON, TableSynthesizer } from "../tabular/synthesizer.js";
import { int32Columns, timestampColumns } from "./model-file.js";

/** A task: rows [start, start + count) of the draw seeded with `seed`. */
export interface SampleTask {
  start: number;
  count: number;
  seed: number | string;
  format: "csv" | "parquet";
  /** Rows of the whole draw (Parquet: fixes the integer columns' types). */
  totalRows: number;
}

/** A task's result: CSV bytes, or an encoded Parquet row group. */
export type SampleTaskResult = Uint8Array | EncodedRowGroup;

/** Runs one task with a loaded model. */
export function runSampleTask(model: TableSynthesizer, json: SynthesizerJSON, task: SampleTask): SampleTaskResult {
  const chunks = [...model.sampleChunks(task.start, task.count, { seed: task.seed })];
  if (task.format === "csv") {
    const parts = chunks.map((t) => csvBytes(t));
    if (parts.length === 1) return parts[0]!;
    const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) (bytes.set(p, o), (o += p.length));
    return bytes;
  }
  const group = encodeParquetRowGroup(chunks.length === 1 ? chunks[0]! : Table.concat(chunks), { timestampColumns: timestampColumns(json), int32Columns: int32Columns(json, task.totalRows) });
  return { ...group, bytes: group.bytes.slice() };
}
