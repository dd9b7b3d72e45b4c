/**
 * A CSV file written chunk by chunk: the streaming counterpart of
 * `writeCsv`, for tables too large to hold (synthlab sample --rows 1e8).
 * Cells are written exactly as `writeCsv` / `Table.toCSV` write them, so a
 * file written in chunks equals the one-shot file byte for byte.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Column } from "../core/column.js";
import { csvChunks, type CsvWriteOptions } from "../core/csv.js";
import { DataError, ParamError, show } from "../core/errors.js";
import type { Table } from "../core/table.js";
import { mergeOptions } from "../core/validate.js";

/** Options of {@link CsvStreamWriter}. */
export interface CsvStreamWriterOptions extends CsvWriteOptions {
  /**
   * Write the header row before the first chunk.
   * @defaultValue true
   */
  header?: boolean;
}

const DEFAULTS: Required<CsvStreamWriterOptions> = { delimiter: ",", naRep: "", header: true };

/**
 * The CSV text of a table's rows (and its header when `header`), as UTF-8 bytes:
 * what {@link CsvStreamWriter.write} appends, made where the rows are (a worker thread).
 * @param table - the rows
 * @param options - delimiter, naRep, header (default false here)
 * @returns the bytes
 * @example
 * new TextDecoder().decode(csvBytes(Table.fromRecords([{ a: 1, b: "x" }]), { header: true })); // => "a,b\n1,x\n"
 */
export function csvBytes(table: Table, options: CsvStreamWriterOptions = {}): Uint8Array {
  const o = mergeOptions("csvBytes", { ...DEFAULTS, header: false }, options);
  const head = o.header ? Buffer.from(csvChunks(table.columns, 0, o).next().value ?? "", "utf8") : undefined;
  const body = encodeRows(table.columns, table.nRows, o);
  if (!head) return body;
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

const encoder = new TextEncoder();

/** Each category's cell bytes, quoted as `csvChunks` quotes it. */
function categoryBytes(c: Column & { kind: "categorical" }, o: Required<CsvStreamWriterOptions>): Uint8Array[] {
  const m = c.categories.length;
  const cell = (codes: Int32Array): string => csvChunks([{ ...c, values: codes }], codes.length, { ...o, header: false }, 1 << 30).next().value ?? "";
  if (!c.categories.some((s) => s.includes("\n") || s.includes("\r"))) {
    const lines = cell(Int32Array.from({ length: m }, (_, i) => i)).split("\n");
    return lines.slice(0, m).map((s) => encoder.encode(s));
  }
  return c.categories.map((_, i) => encoder.encode(cell(Int32Array.of(i)).slice(0, -1)));
}

const POW10 = [1, 10, 100, 1000, 10000];

/**
 * Writes `x` (finite) as `"" + x` would, into `buf` at `p`; returns the new position.
 * Fast path for numbers of at most 4 decimals below 1e9 in magnitude: the digits of the
 * integer m = x·10^k for the smallest k with m / 10^k === x. That string parses back to x,
 * and no shorter one does (a shorter one would have fewer decimals and have been found at a
 * smaller k); below 1e9 a double's spacing is far under 10^-4, so it is also the one candidate
 * of its length, which is what Number.prototype.toString writes. Anything else takes toString.
 */
function writeNumber(buf: Buffer, p: number, x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax < 1e9 && (ax >= 1e-4 || x === 0)) {
    for (let k = 0; k <= 4; k++) {
      const scale = POW10[k]!;
      const m = Math.round(ax * scale);
      if (m / scale !== ax) continue;
      if (x < 0) buf[p++] = 45; // "-"
      // digits of m, with a point k from the end (at least one digit before it)
      let digits = 1;
      for (let t = m; t >= 10; t = Math.floor(t / 10)) digits++;
      const width = Math.max(digits, k + 1);
      const end = p + width + (k > 0 ? 1 : 0);
      let q = end - 1;
      let t = m;
      for (let i = 0; i < width; i++) {
        if (k > 0 && i === k) buf[q--] = 46; // "."
        buf[q--] = 48 + (t % 10);
        t = Math.floor(t / 10);
      }
      return end;
    }
  }
  const s = x === Infinity ? "inf" : x === -Infinity ? "-inf" : "" + x;
  for (let q = 0; q < s.length; q++) buf[p++] = s.charCodeAt(q);
  return p;
}

/**
 * The data rows as bytes, cell for cell as `csvChunks` writes them, without a string per row:
 * category labels are encoded (and quoted) once, numbers written as ASCII straight into the buffer.
 */
function encodeRows(columns: readonly Column[], nRows: number, o: Required<CsvStreamWriterOptions>): Uint8Array {
  const d = encoder.encode(o.delimiter);
  const na = encoder.encode(o.naRep);
  const k = columns.length;
  // per column: labels' bytes (categorical, boolean) or undefined for numbers and dates
  const labels = columns.map((c): Uint8Array[] | undefined => {
    if (c.kind === "categorical") return categoryBytes(c, o);
    if (c.kind === "boolean") return [encoder.encode("false"), encoder.encode("true")];
    return undefined;
  });
  // the longest a row can be: labels as they are, numbers and dates up to 24 characters
  let rowMax = 1 + d.length * k;
  for (const lab of labels) {
    let w = Math.max(24, na.length);
    if (lab) for (const b of lab) w = Math.max(w, b.length);
    rowMax += w;
  }
  let buf = Buffer.allocUnsafe(Math.max(1 << 16, Math.min(1 << 26, nRows * Math.min(rowMax, k * 10 + 1))));
  let p = 0;
  const values = columns.map((c) => c.values);
  const single = d.length === 1 ? d[0]! : -1;
  for (let i = 0; i < nRows; i++) {
    if (p + rowMax > buf.length) {
      const next = Buffer.allocUnsafe(Math.max(buf.length * 2, p + rowMax));
      buf.copy(next, 0, 0, p);
      buf = next;
    }
    for (let j = 0; j < k; j++) {
      if (j > 0) {
        if (single >= 0) buf[p++] = single;
        else for (let q = 0; q < d.length; q++) buf[p++] = d[q]!;
      }
      const v = values[j]![i]!;
      const lab = labels[j];
      let cell: Uint8Array | undefined;
      if (lab !== undefined) cell = v < 0 ? na : lab[v]!;
      else if (v !== v) cell = na;
      else if (columns[j]!.kind === "datetime") cell = encoder.encode(new Date(v).toISOString());
      else {
        p = writeNumber(buf, p, v);
        continue;
      }
      for (let q = 0; q < cell.length; q++) buf[p++] = cell[q]!;
    }
    buf[p++] = 10;
  }
  return buf.subarray(0, p);
}

/**
 * Appends tables (or pre-encoded chunks) to one CSV file, holding nothing but the chunk in hand.
 * @example
 * const w = new CsvStreamWriter("/tmp/synthlab-stream.csv");
 * w.write(Table.fromRecords([{ a: 1, b: "x" }]));
 * w.write(Table.fromRecords([{ a: 2, b: "y" }]));
 * w.close(); // => { rows: 2, bytes: 12 }
 */
export class CsvStreamWriter {
  readonly path: string;
  private fd: number | undefined;
  private readonly options: Required<CsvStreamWriterOptions>;
  private columns: string[] | undefined;
  private rows = 0;
  private bytes = 0;

  /**
   * Opens (creates or truncates) the file.
   * @param path - the CSV file
   * @param options - delimiter, naRep, header
   * @throws DataError when the file cannot be opened for writing
   */
  constructor(path: string, options: CsvStreamWriterOptions = {}) {
    this.options = mergeOptions("CsvStreamWriter", DEFAULTS, options);
    this.path = path;
    try {
      this.fd = openSync(path, "w");
    } catch (e) {
      throw new DataError("CsvStreamWriter", "path", path, `cannot write ${show(path)}: ${(e as Error).message}`);
    }
  }

  /** Appends a table's rows (the header first, on the first call, when asked). */
  write(table: Table): void {
    this.checkColumns(table.columnNames);
    const header = this.options.header && this.rows === 0 && this.bytes === 0;
    this.writeBytes(csvBytes(table, { ...this.options, header }), table.nRows);
  }

  /**
   * Appends bytes made by {@link csvBytes} (with the same options) holding `rows` rows.
   * @param bytes - CSV text
   * @param rows - its row count (for the totals)
   */
  writeBytes(bytes: Uint8Array, rows: number): void {
    if (this.fd === undefined) throw new ParamError("CsvStreamWriter.write", "this", this.path, "the writer is closed.");
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.bytes += bytes.length;
    this.rows += rows;
  }

  /** The header row's bytes (for a writer fed with {@link writeBytes} only). */
  static headerBytes(columns: readonly string[], options: CsvWriteOptions = {}): Uint8Array {
    const first = csvChunks(columns.map((name) => ({ name, kind: "numeric" as const, values: new Float64Array(0) })), 0, { ...options, header: true }).next();
    return Buffer.from(first.done ? "" : first.value, "utf8");
  }

  private checkColumns(names: string[]): void {
    if (!this.columns) this.columns = names;
    else if (names.join("\u0000") !== this.columns.join("\u0000")) {
      throw new ParamError("CsvStreamWriter.write", "table", names, `every chunk must have the columns ${show(this.columns)}, got ${show(names)}.`);
    }
  }

  /** Closes the file; returns the rows and bytes written. */
  close(): { rows: number; bytes: number } {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    return { rows: this.rows, bytes: this.bytes };
  }
}
