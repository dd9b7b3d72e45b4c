/**
 * A Parquet file written row group by row group with hyparquet-writer
 * (pure JavaScript, snappy-compressed pages): the streaming Parquet writer of
 * `synthlab sample`. Memory holds one row group, whatever the file's size.
 *
 * Kinds as Parquet types: numeric → DOUBLE, integer → INT64, boolean →
 * BOOLEAN, categorical → STRING (dictionary-encoded whenever that at least
 * halves a chunk, which it does for categories), datetime → TIMESTAMP
 * (milliseconds, UTC); missing values are nulls. DuckDB, pandas/pyarrow and
 * hyparquet read the files.
 */
import { ByteWriter, fileWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnChunk, RowGroup, SchemaElement } from "hyparquet";
import type { Column } from "../core/column.js";
import { DataError, ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { checkInteger, mergeOptions } from "../core/validate.js";

/** Options of {@link ParquetStreamWriter}. */
export interface ParquetStreamWriterOptions {
  /**
   * Rows per row group: chunks are buffered until this many rows, then written as one group.
   * @defaultValue 131072
   */
  rowGroupRows?: number;
  /**
   * Text columns holding dates, written as TIMESTAMP: `{ column: parse }` where `parse(label)`
   * gives epoch milliseconds (NaN: missing). E.g. `compileDatetimeFormat("%d/%m/%Y").parse`.
   * @defaultValue {}
   */
  timestampColumns?: Readonly<Record<string, (label: string) => number>>;
  /**
   * Integer columns known to stay within 32 bits, written as INT32 (no BigInt per value, about
   * twice as fast); a value outside that range is an error. Other integer columns are INT64.
   * @defaultValue []
   */
  int32Columns?: readonly string[];
}

const DEFAULTS: Required<ParquetStreamWriterOptions> = { rowGroupRows: 131_072, timestampColumns: {}, int32Columns: [] };

type ParquetType = "DOUBLE" | "INT32" | "INT64" | "BOOLEAN" | "STRING" | "TIMESTAMP";

function parquetType(col: Column, timestamp: boolean, int32: boolean): ParquetType {
  if (timestamp) return "TIMESTAMP";
  switch (col.kind) {
    case "numeric":
      return "DOUBLE";
    case "integer":
      return int32 ? "INT32" : "INT64";
    case "boolean":
      return "BOOLEAN";
    case "categorical":
      return "STRING";
    case "datetime":
      return "TIMESTAMP";
  }
}

function schemaElement(name: string, type: ParquetType): SchemaElement {
  const repetition_type = "OPTIONAL";
  switch (type) {
    case "STRING":
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
    case "TIMESTAMP":
      return { name, type: "INT64", converted_type: "TIMESTAMP_MILLIS", repetition_type };
    default:
      return { name, type, repetition_type };
  }
}

/** A column's values as hyparquet-writer takes them (nulls for missing cells; typed arrays when none is missing). */
function columnData_(col: Column, type: ParquetType, parse: ((label: string) => number) | undefined): ArrayLike<unknown> {
  const n = col.values.length;
  const out: unknown[] = new Array(n);
  if (col.kind === "categorical") {
    if (type === "TIMESTAMP") {
      const ms = col.categories.map((s) => {
        const t = parse ? parse(s) : Date.parse(s);
        return Number.isFinite(t) ? BigInt(Math.round(t)) : null;
      });
      for (let i = 0; i < n; i++) out[i] = col.values[i]! < 0 ? null : ms[col.values[i]!];
    } else for (let i = 0; i < n; i++) out[i] = col.values[i]! < 0 ? null : col.categories[col.values[i]!];
    return out;
  }
  if (col.kind === "boolean") {
    for (let i = 0; i < n; i++) out[i] = col.values[i]! < 0 ? null : col.values[i] === 1;
    return out;
  }
  const v = col.values as Float64Array;
  let missing = 0;
  for (let i = 0; i < n; i++) if (v[i] !== v[i]) missing++;
  if (type === "INT32") {
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (x < -2147483648 || x > 2147483647) throw new DataError("ParquetStreamWriter.write", col.name, x, `column '${col.name}' was declared INT32 (int32Columns) but holds ${x}.`);
    }
    if (missing === 0) return Int32Array.from(v);
    for (let i = 0; i < n; i++) out[i] = v[i] !== v[i] ? null : v[i];
    return out;
  }
  if (type === "DOUBLE" && missing === 0) return v;
  if (type === "INT64" || type === "TIMESTAMP") for (let i = 0; i < n; i++) out[i] = v[i] !== v[i] ? null : BigInt(Math.round(v[i]!));
  else for (let i = 0; i < n; i++) out[i] = v[i] !== v[i] ? null : v[i];
  return out;
}

/**
 * One row group encoded on its own (in a worker thread, say): its bytes as they would follow the
 * file's 4-byte header, its metadata with offsets from the file's start, and its page indexes.
 * {@link ParquetStreamWriter.writeEncoded} appends it to a file, moving the offsets.
 */
export interface EncodedRowGroup {
  readonly schema: SchemaElement[];
  readonly bytes: Uint8Array;
  readonly rowGroup: RowGroup;
  readonly indexes: { chunk: ColumnChunk; offsetIndex?: { page_locations: { offset: bigint }[] } }[];
}

type Resolved = Required<ParquetStreamWriterOptions>;

function schemaOf(table: Table, o: Resolved): { schema: SchemaElement[]; types: ParquetType[] } {
  const cols = table.columns;
  const types = cols.map((c) => parquetType(c, c.name in o.timestampColumns, o.int32Columns.includes(c.name)));
  return { schema: [{ name: "root", num_children: cols.length }, ...cols.map((c, j) => schemaElement(c.name, types[j]!))], types };
}

/**
 * Encodes a table as one row group (snappy pages, statistics, dictionaries where they pay):
 * the part of Parquet writing that can run where the rows are made.
 * @param table - the rows (at least one)
 * @param options - as {@link ParquetStreamWriter}'s
 * @returns the row group, ready for {@link ParquetStreamWriter.writeEncoded}
 */
export function encodeParquetRowGroup(table: Table, options: ParquetStreamWriterOptions = {}): EncodedRowGroup {
  const o = mergeOptions("encodeParquetRowGroup", DEFAULTS, options);
  const { schema, types } = schemaOf(table, o);
  const writer = new ByteWriter(1 << 20);
  const pw = new ParquetWriter({ writer, schema, createdBy: CREATED_BY });
  const columnData = table.columns.map((c, j) => ({ name: c.name, data: columnData_(c, types[j]!, o.timestampColumns[c.name]) as never }));
  void pw.write({ columnData, rowGroupSize: Math.max(1, table.nRows) });
  const bytes = new Uint8Array(writer.buffer, 4, writer.offset - 4);
  return { schema, bytes, rowGroup: pw.row_groups[0]!, indexes: pw.pendingIndexes as unknown as EncodedRowGroup["indexes"] };
}

const CREATED_BY = "synthlab (hyparquet-writer)";

/**
 * Appends tables to one Parquet file in row groups; `close()` writes the footer.
 * The first table fixes the schema; later ones must have the same columns and kinds.
 * @example
 * const w = new ParquetStreamWriter("/tmp/synthlab-stream.parquet");
 * w.write(Table.fromRecords([{ a: 1, b: "x" }, { a: 2, b: null }]));
 * w.close(); // => { rows: 2, rowGroups: 1 }
 */
export class ParquetStreamWriter {
  readonly path: string;
  private readonly options: Required<ParquetStreamWriterOptions>;
  private writer: ParquetWriter | undefined;
  private schema: SchemaElement[] | undefined;
  private pending: Table[] = [];
  private pendingRows = 0;
  private rows = 0;
  private rowGroups = 0;
  private closed = false;

  /**
   * Opens (creates or truncates) the file.
   * @param path - the Parquet file
   * @param options - rowGroupRows, timestampColumns
   * @throws DataError when the file cannot be opened for writing
   */
  constructor(path: string, options: ParquetStreamWriterOptions = {}) {
    this.options = mergeOptions("ParquetStreamWriter", DEFAULTS, options);
    checkInteger("ParquetStreamWriter", "rowGroupRows", this.options.rowGroupRows, 1);
    this.path = path;
    try {
      this.writer = undefined;
      // fileWriter truncates the file now, so an unwritable path fails here rather than after sampling
      this.fileWriter = fileWriter(path);
    } catch (e) {
      throw new DataError("ParquetStreamWriter", "path", path, `cannot write ${show(path)}: ${(e as Error).message}`);
    }
  }

  private readonly fileWriter: ReturnType<typeof fileWriter>;

  /** Appends a table's rows (buffered up to `rowGroupRows`). */
  write(table: Table): void {
    if (this.closed) throw new ParamError("ParquetStreamWriter.write", "this", this.path, "the writer is closed.");
    this.checkSchema(schemaOf(table, this.options).schema);
    if (table.nRows === 0) return;
    this.pending.push(table);
    this.pendingRows += table.nRows;
    if (this.pendingRows >= this.options.rowGroupRows) this.flush();
  }

  /**
   * Appends a row group made by {@link encodeParquetRowGroup} (with the same options), after
   * what is buffered: its bytes go to the file, its offsets move by where they land.
   */
  writeEncoded(group: EncodedRowGroup): void {
    if (this.closed) throw new ParamError("ParquetStreamWriter.writeEncoded", "this", this.path, "the writer is closed.");
    this.checkSchema(group.schema);
    this.flush();
    const w = this.writer!;
    const shift = BigInt(w.writer.offset - 4);
    for (const chunk of group.rowGroup.columns) {
      chunk.file_offset += shift;
      const m = chunk.meta_data;
      if (m) {
        m.data_page_offset += shift;
        if (m.dictionary_page_offset !== undefined) m.dictionary_page_offset += shift;
      }
    }
    for (const ix of group.indexes) for (const loc of ix.offsetIndex?.page_locations ?? []) loc.offset += shift;
    w.writer.appendBytes(group.bytes);
    w.row_groups.push(group.rowGroup);
    w.num_rows += group.rowGroup.num_rows;
    w.pendingIndexes.push(...(group.indexes as unknown as ParquetWriter["pendingIndexes"]));
    this.rows += Number(group.rowGroup.num_rows);
    this.rowGroups++;
  }

  /** The first table (or row group) fixes the schema; later ones must match it. */
  private checkSchema(schema: SchemaElement[]): void {
    if (!this.writer) {
      this.schema = schema;
      this.writer = new ParquetWriter({ writer: this.fileWriter, schema, createdBy: CREATED_BY });
      return;
    }
    const key = (s: SchemaElement[]) => s.slice(1).map((e) => `${e.name}:${e.type}:${e.converted_type ?? ""}`);
    const want = key(this.schema!);
    const got = key(schema);
    if (want.join("\u0000") !== got.join("\u0000")) {
      throw new ParamError("ParquetStreamWriter.write", "table", got, `every chunk must have the columns and kinds of the first (${want.join(", ")}), got ${got.join(", ")}.`);
    }
  }

  private flush(): void {
    if (this.pendingRows === 0) return;
    const t = this.pending.length === 1 ? this.pending[0]! : Table.concat(this.pending);
    this.pending = [];
    this.pendingRows = 0;
    this.writeEncoded(encodeParquetRowGroup(t, this.options));
  }

  /** Writes what is buffered and the footer; returns the rows and row groups written. */
  close(): { rows: number; rowGroups: number } {
    if (!this.closed) {
      this.flush();
      if (!this.writer) {
        // no chunk at all: an empty file has no schema to write
        throw new ParamError("ParquetStreamWriter.close", "this", this.path, "nothing was written: a Parquet file needs at least one table (it fixes the schema), even one of 0 rows.");
      }
      void this.writer.finish();
      this.closed = true;
    }
    return { rows: this.rows, rowGroups: this.rowGroups };
  }
}
