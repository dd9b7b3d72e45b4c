import { Matrix } from "ml-matrix";
import { cellAt, COLUMN_KINDS, takeRows, type Cell, type Column, type ColumnKind } from "./column.js";
import { columnFromValues } from "./column-build.js";
import { csvChunks, parseCsvColumns, type CsvReadOptions, type CsvWriteOptions } from "./csv.js";
import { columnsToDataFrame, dataFrameToColumns, isDataFrameLike, type DataFrameLike } from "./dataframe.js";
import { DataError, ParamError, ParamTypeError, show } from "./errors.js";
import { escapeHtml } from "./html.js";
import { checkInteger } from "./validate.js";

/** A record: one row as an object keyed by column name. */
export type TableRecord = Record<string, Cell | undefined>;

/** Options of {@link Table.toHTML}. */
export interface TableHTMLOptions {
  /**
   * Rows shown; longer tables show the first and last half with an ellipsis row.
   * @defaultValue 20
   */
  maxRows?: number;
  /**
   * Significant digits for numbers.
   * @defaultValue 6
   */
  digits?: number;
  /** A caption above the table (escaped). */
  caption?: string;
  /**
   * Text shown for a missing cell (escaped).
   * @defaultValue "NaN" (as pandas)
   */
  naRep?: string;
}

/**
 * A columnar table of mixed types (numeric, integer, boolean, categorical,
 * datetime) with missing values, stored as typed arrays (see
 * {@link ColumnKind}). Immutable: every method returns a new table sharing
 * unchanged columns. Converts to and from danfo DataFrames
 * (`toDataFrame`, `fromDataFrame` in `dataframe.ts`), arrays of records and
 * CSV (`parseCsv` / `toCSV` in `csv.ts`).
 *
 * @example
 * const t = Table.fromRecords([{ a: 1, b: "x" }, { a: 2.5, b: null }]);
 * t.columnNames; // => ["a", "b"]
 * t.kind("b"); // => "categorical"
 */
export class Table {
  readonly columns: readonly Column[];
  readonly nRows: number;
  private readonly byName: Map<string, Column>;

  constructor(columns: readonly Column[]) {
    const byName = new Map<string, Column>();
    let nRows = -1;
    for (const c of columns) {
      if (byName.has(c.name)) throw new DataError("Table", "columns", c.name, `duplicate column name ${show(c.name)}.`);
      if (!COLUMN_KINDS.includes(c.kind)) throw new ParamError("Table", "kind", c.kind, `unknown column kind ${show(c.kind)}.`);
      if (nRows >= 0 && c.values.length !== nRows) {
        throw new DataError("Table", c.name, c.values.length, `column ${show(c.name)} has ${c.values.length} rows, expected ${nRows}.`);
      }
      nRows = c.values.length;
      byName.set(c.name, c);
    }
    this.columns = columns;
    this.nRows = Math.max(0, nRows);
    this.byName = byName;
  }

  /** Column names, in order. */
  get columnNames(): string[] {
    return this.columns.map((c) => c.name);
  }

  get nColumns(): number {
    return this.columns.length;
  }

  /** `[nRows, nColumns]`. */
  get shape(): [number, number] {
    return [this.nRows, this.columns.length];
  }

  /** The raw column (typed storage and kind); throws listing the names for an unknown one. */
  columnInfo(name: string): Column {
    const c = this.byName.get(name);
    if (!c) {
      throw new ParamError("Table.column", "name", name, `no column ${show(name)}. Columns: ${this.columnNames.join(", ")}.`);
    }
    return c;
  }

  /** The kind of a column. */
  kind(name: string): ColumnKind {
    return this.columnInfo(name).kind;
  }

  /**
   * A column's values: a `Float64Array` (NaN for missing) for numeric and
   * integer columns, otherwise an array of cells (null for missing).
   */
  column(name: string): Float64Array | Cell[] {
    const c = this.columnInfo(name);
    if (c.kind === "numeric" || c.kind === "integer") return c.values;
    return Array.from({ length: this.nRows }, (_, i) => cellAt(c, i));
  }

  /** Names of numeric and integer columns. */
  numericColumnNames(): string[] {
    return this.columns.filter((c) => c.kind === "numeric" || c.kind === "integer").map((c) => c.name);
  }

  /** One cell. */
  get(row: number, name: string): Cell {
    checkInteger("Table.get", "row", row, 0);
    if (row >= this.nRows) throw new ParamError("Table.get", "row", row, `'row' must be < ${this.nRows}, got ${row}.`);
    return cellAt(this.columnInfo(name), row);
  }

  /** A table of the named columns, in that order. */
  select(names: readonly string[]): Table {
    return new Table(names.map((n) => this.columnInfo(n)));
  }

  /** The rows at `indices` (in that order, repeats allowed). */
  take(indices: ArrayLike<number>): Table {
    for (let i = 0; i < indices.length; i++) {
      const r = indices[i]!;
      if (!Number.isInteger(r) || r < 0 || r >= this.nRows) {
        throw new ParamError("Table.take", "indices", r, `row index ${show(r)} at position ${i} is outside [0, ${this.nRows}).`);
      }
    }
    return new Table(this.columns.map((c) => takeRows(c, indices)));
  }

  /** Rows [start, end). */
  slice(start = 0, end = this.nRows): Table {
    const s = Math.max(0, Math.min(this.nRows, start));
    const e = Math.max(s, Math.min(this.nRows, end));
    return this.take(Int32Array.from({ length: e - s }, (_, i) => s + i));
  }

  /** The first `n` rows. */
  head(n = 5): Table {
    return this.slice(0, n);
  }

  /** A table with a column added or replaced (values inferred unless `kind` is given). */
  withColumn(name: string, values: ArrayLike<unknown>, kind?: ColumnKind): Table {
    const col = columnFromValues("Table.withColumn", name, values, kind);
    const cols = this.columns.filter((c) => c.name !== name);
    const at = this.columns.findIndex((c) => c.name === name);
    if (at >= 0) cols.splice(at, 0, col);
    else cols.push(col);
    return new Table(cols);
  }

  /**
   * The named columns (default: every numeric, integer and boolean one) as
   * an nRows × k Matrix. Missing values stay NaN.
   */
  toMatrix(names?: readonly string[]): Matrix {
    const cols = (names ?? this.columns.filter((c) => c.kind !== "categorical" && c.kind !== "datetime").map((c) => c.name)).map((n) =>
      this.columnInfo(n),
    );
    for (const c of cols) {
      if (c.kind === "categorical") {
        throw new DataError("Table.toMatrix", c.name, c.kind, `column ${show(c.name)} is categorical; encode it first or leave it out.`);
      }
    }
    const m = new Matrix(this.nRows, cols.length);
    cols.forEach((c, j) => {
      for (let i = 0; i < this.nRows; i++) {
        const v = c.values[i]!;
        m.set(i, j, c.kind === "boolean" ? (v < 0 ? NaN : v) : v);
      }
    });
    return m;
  }

  /** Rows as plain objects (missing cells as null, datetimes as Date). */
  toRecords(): TableRecord[] {
    const out: TableRecord[] = new Array(this.nRows);
    for (let i = 0; i < this.nRows; i++) {
      const r: TableRecord = {};
      for (const c of this.columns) r[c.name] = cellAt(c, i);
      out[i] = r;
    }
    return out;
  }

  /** A danfo DataFrame with the same columns (danfo is loaded on first use). */
  toDataFrame(): DataFrameLike {
    return columnsToDataFrame(this.columns, this.nRows);
  }

  /** CSV text (header row, numbers in shortest round-trip form, missing as `naRep`). */
  toCSV(options: CsvWriteOptions = {}): string {
    let out = "";
    for (const chunk of csvChunks(this.columns, this.nRows, options)) out += chunk;
    return out;
  }

  /** An HTML `<table>` (every name and value escaped), head and tail for long tables. */
  toHTML(options: TableHTMLOptions = {}): string {
    const { maxRows = 20, digits = 6, caption, naRep = "NaN" } = options;
    const na = `<span class="na">${escapeHtml(naRep)}</span>`;
    const fmt = (v: Cell): string => {
      if (v === null) return na;
      if (typeof v === "number") return escapeHtml(formatNumber(v, digits));
      if (v instanceof Date) return escapeHtml(v.toISOString().replace("T00:00:00.000Z", ""));
      return escapeHtml(v);
    };
    const rows: string[] = [];
    const row = (i: number) =>
      `<tr><th>${i}</th>${this.columns
        .map((c) => `<td class="${c.kind === "numeric" || c.kind === "integer" ? "num" : "txt"}">${fmt(cellAt(c, i))}</td>`)
        .join("")}</tr>`;
    if (this.nRows <= maxRows) for (let i = 0; i < this.nRows; i++) rows.push(row(i));
    else {
      const half = Math.max(1, Math.floor(maxRows / 2));
      for (let i = 0; i < half; i++) rows.push(row(i));
      rows.push(`<tr class="ellipsis"><th>…</th>${this.columns.map(() => "<td>…</td>").join("")}</tr>`);
      for (let i = this.nRows - half; i < this.nRows; i++) rows.push(row(i));
    }
    const head = `<tr><th></th>${this.columns.map((c) => `<th title="${escapeHtml(c.kind)}">${escapeHtml(c.name)}</th>`).join("")}</tr>`;
    const cap = caption === undefined ? "" : `<caption>${escapeHtml(caption)}</caption>`;
    return (
      `<table class="synthlab-table">${cap}<thead>${head}</thead><tbody>${rows.join("")}</tbody></table>` +
      `<p class="synthlab-table-shape">${this.nRows.toLocaleString("en-US")} rows × ${this.columns.length} columns</p>`
    );
  }

  /** A short text description, e.g. for `console.log`. */
  toString(): string {
    return `Table(${this.nRows} rows × ${this.columns.length} columns: ${this.columns.map((c) => `${c.name}: ${c.kind}`).join(", ")})`;
  }

  /**
   * A table from an array of records. Column order is first appearance;
   * kinds are inferred unless given in `kinds`.
   */
  static fromRecords(records: readonly Readonly<Record<string, unknown>>[], kinds: Readonly<Record<string, ColumnKind>> = {}): Table {
    if (!Array.isArray(records)) {
      throw new ParamTypeError("Table.fromRecords", "records", records, `'records' must be an array of objects, got ${show(records)}.`);
    }
    const names: string[] = [];
    const seen = new Set<string>();
    records.forEach((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r)) {
        throw new DataError("Table.fromRecords", "records", r, `record ${i} is not an object: ${show(r)}.`);
      }
      for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), names.push(k));
    });
    return new Table(names.map((n) => columnFromValues("Table.fromRecords", n, records.map((r) => r[n]), kinds[n])));
  }

  /** A table from named columns (arrays or typed arrays), kinds inferred unless given. */
  static fromColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>, kinds: Readonly<Record<string, ColumnKind>> = {}): Table {
    return new Table(Object.entries(columns).map(([n, v]) => columnFromValues("Table.fromColumns", n, v, kinds[n])));
  }

  /** A table from a danfo DataFrame. */
  static fromDataFrame(df: DataFrameLike): Table {
    return new Table(dataFrameToColumns(df, "Table.fromDataFrame"));
  }

  /**
   * A table from CSV text (see {@link CsvReadOptions}).
   * @throws DataError for a ragged row or a value that does not fit a `dtypes` kind
   */
  static fromCSV(text: string, options: CsvReadOptions = {}): Table {
    return new Table(parseCsvColumns(text, options, "Table.fromCSV"));
  }

  /** A numeric table from a Matrix (rows = samples); names default to x0, x1, ... */
  static fromMatrix(X: Matrix, names?: readonly string[]): Table {
    const d = X.columns;
    const cols = names ?? Array.from({ length: d }, (_, j) => `x${j}`);
    if (cols.length !== d) {
      throw new ParamError("Table.fromMatrix", "names", names, `got ${cols.length} names for ${d} columns.`);
    }
    return new Table(cols.map((name, j) => ({ name, kind: "numeric" as const, values: Float64Array.from(X.getColumn(j)) })));
  }
}

/** Formats a number with `digits` significant digits, as pandas shows floats. */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return v !== v ? "NaN" : v > 0 ? "inf" : "-inf";
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e15)) return v.toExponential(digits - 1).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(digits)));
}

/** What functions that take a table accept: a Table, a danfo DataFrame, or an array of records. */
export type TableInput = Table | DataFrameLike | readonly Readonly<Record<string, unknown>>[];

/** Any {@link TableInput} as a Table (a Table is returned as it is). */
export function asTable(data: TableInput | Matrix, where = "asTable", param = "data"): Table {
  if (data instanceof Table) return data;
  if (Matrix.isMatrix(data)) return Table.fromMatrix(data as Matrix);
  if (Array.isArray(data)) return Table.fromRecords(data);
  if (isDataFrameLike(data)) return Table.fromDataFrame(data);
  throw new ParamTypeError(
    where,
    param,
    data,
    `'${param}' must be a Table, a danfo DataFrame, an array of records or a Matrix, got ${show(data)}.`,
  );
}
