/**
 * Reading the command line's input files (CSV, gzipped CSV, Parquet) into a
 * Table, with one-line errors for what users get wrong, and the columns kept
 * or dropped said out loud.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { missingCount } from "../core/column.js";
import { DataError, ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { readCsv } from "../io/csv-file.js";

/** A column left out of the input, and why. */
export interface DroppedColumn {
  readonly name: string;
  readonly reason: string;
}

/** The input's format, from its name. */
export function inputFormat(path: string, where: string, param = "data"): "csv" | "parquet" {
  if (/\.parquet$/i.test(path)) return "parquet";
  if (/\.(csv|txt)(\.gz)?$/i.test(path)) return "csv";
  throw new ParamError(where, param, path, `${show(path)}: expected a .csv, .csv.gz or .parquet file.`);
}

/**
 * Reads a data file; drops the columns every value of which is missing (nothing to learn),
 * naming them. Errors (missing file, empty or header-only file, ragged rows) are DataErrors.
 */
export async function readInputTable(path: string, where: string, param = "data"): Promise<{ table: Table; dropped: DroppedColumn[] }> {
  const format = inputFormat(path, where, param);
  if (!existsSync(path)) throw new DataError(where, param, path, `${show(path)}: no such file.`);
  if (!statSync(path).isFile()) throw new DataError(where, param, path, `${show(path)} is not a file.`);
  let table: Table;
  try {
    if (format === "parquet") {
      const file = await asyncBufferFromFile(path);
      const records = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      for (const r of records) for (const k in r) if (typeof r[k] === "bigint") r[k] = Number(r[k]);
      table = Table.fromRecords(records);
    } else {
      if (readFileSync(path).length === 0) throw new DataError(where, param, path, `${show(path)} is empty.`);
      table = readCsv(path);
    }
  } catch (e) {
    if (e instanceof DataError && e.where === where) throw e;
    if (e instanceof DataError || e instanceof ParamError) throw new DataError(where, param, path, e.message.replace(/^readCsv: /, "").replace(/\s*\n\s*/g, " "));
    throw new DataError(where, param, path, `${show(path)}: cannot read it as ${format === "parquet" ? "Parquet" : "CSV"} (${(e as Error).message}).`);
  }
  if (table.nColumns === 0) throw new DataError(where, param, path, `${show(path)} has no columns.`);
  if (table.nRows === 0) throw new DataError(where, param, path, `${show(path)} has a header but no rows.`);
  const dropped: DroppedColumn[] = [];
  const keep: string[] = [];
  for (const col of table.columns) {
    if (missingCount(col) === table.nRows) dropped.push({ name: col.name, reason: "every value is missing" });
    else keep.push(col.name);
  }
  if (keep.length === 0) throw new DataError(where, param, path, `${show(path)}: every column is empty.`);
  return { table: dropped.length ? table.select(keep) : table, dropped };
}
