import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { csvChunks, csvNumberBytes, type CsvReadOptions, type CsvWriteOptions } from "../core/csv.js";
import { DataError, ParamTypeError, show } from "../core/errors.js";
import { asTable, Table, type TableInput } from "../core/table.js";

/** Reads a file as text, gunzipping `.gz` files. */
export function readText(path: string, where = "readText"): string {
  if (typeof path !== "string" || path === "") throw new ParamTypeError(where, "path", path, `'path' must be a file path, got ${show(path)}.`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new DataError(where, "path", path, `cannot read ${show(path)}: ${(e as Error).message}`);
  }
  return (path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}

/**
 * Reads a CSV file (optionally gzipped) into a {@link Table}.
 *
 * @param path - the file; `.gz` files are decompressed
 * @param options - delimiter, header, naValues, dtypes (see `CsvReadOptions`)
 * @throws DataError naming the row for a ragged row or a value that does not fit `dtypes`
 * @example
 * writeCsv([{ id: 1, city: "Oslo" }, { id: 2, city: null }], "/tmp/synthlab-example.csv");
 * readCsv("/tmp/synthlab-example.csv").toRecords(); // => [{ id: 1, city: "Oslo" }, { id: 2, city: null }]
 */
export function readCsv(path: string, options: CsvReadOptions = {}): Table {
  const text = readText(path, "readCsv");
  try {
    return Table.fromCSV(text, options);
  } catch (e) {
    if (e instanceof DataError) throw new DataError("readCsv", e.param, e.value, `${path}: ${e.message.replace(/^Table\.fromCSV: /, "")}`);
    throw e;
  }
}

/**
 * Writes a table as CSV, streaming it in chunks (no full-size string), and
 * returns the bytes written.
 */
export function writeCsv(data: TableInput, path: string, options: CsvWriteOptions = {}): number {
  const table = asTable(data, "writeCsv");
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    for (const head of csvChunks(table.columns, 0, options)) bytes += writeSync(fd, head, null, "utf8");
    // all-number tables: ASCII bytes straight into a buffer, no string per row (about twice as fast)
    const buf = Buffer.allocUnsafe(1 << 22);
    const done = csvNumberBytes(table.columns, table.nRows, options, buf, (n) => {
      bytes += writeSync(fd, buf, 0, n);
    });
    if (!done) for (const chunk of csvChunks(table.columns, table.nRows, { ...options, header: false }, 16384)) bytes += writeSync(fd, chunk, null, "utf8");
  } finally {
    closeSync(fd);
  }
  return bytes;
}
