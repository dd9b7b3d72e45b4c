import { Matrix } from "ml-matrix";
import { cellAt, COLUMN_KINDS, isMissing, missingCount, takeRows, type Cell, type Column, type ColumnKind } from "./column.js";
import { columnFromValues, concatColumns, fillMissing } from "./column-build.js";
import { csvChunks, parseCsvColumns, type CsvReadOptions, type CsvWriteOptions } from "./csv.js";
import { columnsToDataFrame, dataFrameToColumns, isDataFrameLike, type DataFrameLike } from "./dataframe.js";
import { DataError, ParamError, ParamTypeError, show } from "./errors.js";
import { escapeHtml } from "./html.js";
import { tableToString, type TableStringOptions } from "./table-text.js";
import { checkInteger, checkOneOf, mergeOptions } from "./validate.js";

export type { TableStringOptions } from "./table-text.js";

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

/** Options of {@link Table.dropna}. */
export interface DropnaOptions {
  /**
   * The columns looked at.
   * @defaultValue every column
   */
  subset?: readonly string[] | undefined;
  /**
   * `"any"` drops a row with at least one missing cell among them, `"all"`
   * a row whose cells among them are all missing (pandas' meaning, so an
   * empty `subset` keeps every row with `"any"` and drops every row with `"all"`).
   * @defaultValue "any"
   */
  how?: "any" | "all";
}

const DROPNA_DEFAULTS: DropnaOptions & { how: "any" | "all" } = { subset: undefined, how: "any" };

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

  /**
   * Rows, under ml-matrix's name (`matrix.rows`), so code written for a Matrix reads a Table too.
   * @example
   * Table.fromRecords([{ a: 1 }, { a: 2 }]).rows; // => 2
   */
  get rows(): number {
    return this.nRows;
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

  /** Columns by name for a method's `param`; an unknown name throws listing the columns. */
  private namedColumns(where: string, param: string, names: unknown): Column[] {
    if (!Array.isArray(names)) {
      throw new ParamTypeError(where, param, names, `'${param}' must be an array of column names, got ${show(names)}.`);
    }
    return names.map((n) => {
      const c = typeof n === "string" ? this.byName.get(n) : undefined;
      if (!c) throw new ParamError(where, param, n, `'${param}' names ${show(n)}, which is not a column. Columns: ${this.columnNames.join(", ")}.`);
      return c;
    });
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

  /**
   * The table without the rows that have missing cells (pandas' `dropna`).
   * @param options - `subset`: the columns looked at (default all); `how`:
   *   `"any"` (default) drops a row with a missing cell there, `"all"` a row
   *   missing in all of them
   * @returns a new table of the rows kept, in order
   * @throws ParamError for an unknown option, `how` or column name (the message lists the columns)
   * @example
   * const t = Table.fromRecords([{ a: 1, b: "x" }, { a: null, b: "y" }, { a: null, b: null }]);
   * t.dropna().nRows; // => 1
   * t.dropna({ how: "all" }).nRows; // => 2
   * t.dropna({ subset: ["b"] }).column("b"); // => ["x", "y"]
   */
  dropna(options?: DropnaOptions): Table {
    const where = "Table.dropna";
    const o = mergeOptions(where, DROPNA_DEFAULTS, options);
    const how = checkOneOf(where, "how", o.how, ["any", "all"] as const);
    const cols = o.subset === undefined ? this.columns : this.namedColumns(where, "subset", o.subset);
    const keep = new Int32Array(this.nRows);
    let n = 0;
    for (let i = 0; i < this.nRows; i++) {
      let missing = 0;
      for (const c of cols) if (isMissing(c, i)) missing++;
      if (how === "any" ? missing === 0 : missing < cols.length) keep[n++] = i;
    }
    return new Table(this.columns.map((c) => takeRows(c, keep.subarray(0, n))));
  }

  /**
   * The table with missing cells filled (pandas' `fillna`): one value for
   * every column, or a `{ column: value }` record for some. A value must fit
   * its column: a number (numeric), an integer (integer), a boolean
   * (boolean), a string (categorical; a new one is added to the
   * categories), a Date or ISO 8601 string (datetime). One value for all
   * columns must fit all of them.
   * @param values - the fill value, or fill values by column name (`undefined` entries are skipped)
   * @returns a new table; columns with nothing to fill are shared
   * @throws ParamError naming the column a value does not fit, or an unknown column (listing the columns)
   * @example
   * const t = Table.fromRecords([{ n: 1.5, c: "a" }, { n: null, c: null }]);
   * t.fillna({ n: 0, c: "unknown" }).toRecords(); // => [{ n: 1.5, c: "a" }, { n: 0, c: "unknown" }]
   * t.fillna({ c: "unknown" }).columnInfo("c").categories; // => ["a", "unknown"]
   * Table.fromColumns({ x: [1, null], y: [null, 2.5] }).fillna(-1).toRecords(); // => [{ x: 1, y: -1 }, { x: -1, y: 2.5 }]
   */
  fillna(values: Cell | Readonly<Record<string, Cell | undefined>>): Table {
    const where = "Table.fillna";
    if (values === undefined) {
      throw new ParamTypeError(where, "values", values, "'values' must be a fill value or a { column: value } record, got undefined.");
    }
    if (values === null) {
      throw new ParamError(where, "values", values, "'values' must be a fill value or a { column: value } record, got null (a fill value cannot be missing).");
    }
    if (typeof values === "object" && !(values instanceof Date)) {
      if (Array.isArray(values)) {
        throw new ParamTypeError(where, "values", values, `'values' must be a fill value or a { column: value } record, got an array ${show(values)}.`);
      }
      const filled = new Map<string, Column>();
      for (const [name, v] of Object.entries(values)) {
        if (v === undefined) continue;
        const c = this.byName.get(name);
        if (!c) throw new ParamError(where, "values", name, `'values' names ${show(name)}, which is not a column. Columns: ${this.columnNames.join(", ")}.`);
        filled.set(name, fillMissing(where, c, v));
      }
      return new Table(this.columns.map((c) => filled.get(c.name) ?? c));
    }
    const hint = " To fill only some columns, pass a { column: value } record.";
    return new Table(this.columns.map((c) => fillMissing(where, c, values, hint)));
  }

  /**
   * Missing cells per column (pandas' `isna().sum()`).
   * @returns a record from every column name, in order, to its count of missing cells
   * @example
   * Table.fromRecords([{ a: 1, b: null }, { a: null, b: null }]).missingCounts(); // => { a: 1, b: 2 }
   */
  missingCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.columns) out[c.name] = missingCount(c);
    return out;
  }

  /**
   * This table's rows followed by `other`'s (see {@link Table.concat}).
   * @example
   * const a = Table.fromRecords([{ x: 1, c: "a" }]);
   * a.concat([{ x: 2, c: "b" }]).toRecords(); // => [{ x: 1, c: "a" }, { x: 2, c: "b" }]
   */
  concat(other: TableInput): Table {
    return Table.concat([this, other]);
  }

  /**
   * The rows where `mask` is true (or a nonzero number), in order.
   * @param mask - one boolean or number per row (an array or typed array)
   * @throws ParamTypeError when `mask` is not an array of booleans or numbers; ParamError when its length is not `nRows` or it holds NaN
   * @example
   * const t = Table.fromColumns({ x: [1, 2, 3, 4] });
   * t.filter([true, false, true, false]).column("x"); // => [1, 3]
   * t.filter(Array.from(t.column("x") as Float64Array, (v) => v > 2)).nRows; // => 2
   */
  filter(mask: ArrayLike<number | boolean>): Table {
    const where = "Table.filter";
    if (!Array.isArray(mask) && !(ArrayBuffer.isView(mask) && !(mask instanceof DataView))) {
      throw new ParamTypeError(where, "mask", mask, `'mask' must be an array of booleans or numbers (one per row), got ${show(mask)}.`);
    }
    if (mask.length !== this.nRows) {
      throw new ParamError(where, "mask", mask, `'mask' has ${mask.length} values for ${this.nRows} rows.`);
    }
    const keep = new Int32Array(this.nRows);
    let n = 0;
    for (let i = 0; i < mask.length; i++) {
      const m = mask[i];
      if (typeof m !== "boolean" && typeof m !== "number") {
        throw new ParamTypeError(where, "mask", m, `mask[${i}] must be a boolean or a number, got ${show(m)}.`);
      }
      if (m !== m) throw new ParamError(where, "mask", m, `mask[${i}] is NaN; a mask holds true / false or 1 / 0.`);
      if (m) keep[n++] = i;
    }
    return new Table(this.columns.map((c) => takeRows(c, keep.subarray(0, n))));
  }

  /**
   * The table with columns renamed (order, kinds and values kept).
   * @param mapping - `{ oldName: newName }` (other columns keep their name), or a function of each name
   * @throws ParamError for an unknown column (listing the columns) or when two columns would share a name; ParamTypeError when a new name is not a string
   * @example
   * const t = Table.fromRecords([{ a: 1, b: 2 }]);
   * t.rename({ a: "x" }).columnNames; // => ["x", "b"]
   * t.rename((name) => name.toUpperCase()).columnNames; // => ["A", "B"]
   */
  rename(mapping: Readonly<Record<string, string>> | ((name: string) => string)): Table {
    const where = "Table.rename";
    let to: (name: string) => unknown;
    if (typeof mapping === "function") to = mapping;
    else if (mapping !== null && typeof mapping === "object" && !Array.isArray(mapping)) {
      for (const k of Object.keys(mapping)) {
        if (!this.byName.has(k)) throw new ParamError(where, "mapping", k, `'mapping' names ${show(k)}, which is not a column. Columns: ${this.columnNames.join(", ")}.`);
      }
      to = (name) => (Object.hasOwn(mapping, name) ? mapping[name] : name);
    } else {
      throw new ParamTypeError(where, "mapping", mapping, `'mapping' must be a { oldName: newName } record or a function, got ${show(mapping)}.`);
    }
    const from = new Map<string, string>();
    const cols = this.columns.map((c): Column => {
      const name = to(c.name);
      if (typeof name !== "string") throw new ParamTypeError(where, "mapping", name, `the new name of column ${show(c.name)} must be a string, got ${show(name)}.`);
      const prev = from.get(name);
      if (prev !== undefined) throw new ParamError(where, "mapping", name, `columns ${show(prev)} and ${show(c.name)} would both be named ${show(name)}.`);
      from.set(name, c.name);
      return { ...c, name };
    });
    return new Table(cols);
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

  /**
   * The rows as text, laid out as pandas shows a DataFrame: a header line of
   * column names, the row number, then each column right-aligned; floats
   * with `precision` decimals (trailing zeros every value has trimmed,
   * scientific notation when a value is above 1e6 or below 1e-6 in size),
   * booleans as True / False, datetimes in UTC as `YYYY-MM-DD` when every
   * shown one is at midnight, else `YYYY-MM-DD HH:MM:SS` (with `.mmm` when
   * one has milliseconds). Missing cells read as pandas shows them: `NaN` in
   * numeric and integer columns, `NaT` in datetime ones, `None` in boolean
   * and categorical ones. Over `maxRows` (10) rows, the first 5 and last 5
   * are shown around a `...` row; wider than `maxWidth` (120) characters,
   * the first and last columns around a `...` column. The last line is
   * `[N rows x M columns]`. `console.log(table)` in Node prints the same.
   * @param options - see {@link TableStringOptions}
   * @throws ParamError for an unknown option or a bad limit
   * @example
   * const t = Table.fromRecords([{ x: 1.5, n: 3, s: "a" }, { x: -2, n: null, s: null }]);
   * t.toString().split("\n"); // => ["      x    n     s", "0   1.5    3     a", "1  -2.0  NaN  None", "", "[2 rows x 3 columns]"]
   */
  toString(options?: TableStringOptions): string {
    return tableToString(this.columns, this.nRows, options);
  }

  /** Node's `util.inspect` (and so `console.log`) shows {@link Table.toString}. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /**
   * A one-line description of the shape and column kinds (what `toString` gave before it showed rows).
   * @example
   * Table.fromRecords([{ a: 1, b: "x" }]).describeKinds(); // => "Table(1 rows × 2 columns: a: integer, b: categorical)"
   */
  describeKinds(): string {
    return `Table(${this.nRows} rows × ${this.columns.length} columns: ${this.columns.map((c) => `${c.name}: ${c.kind}`).join(", ")})`;
  }

  /**
   * A table from an array of records. Column order is first appearance;
   * kinds are inferred unless given in `kinds`: numbers → numeric (integer
   * when all whole), booleans → boolean, Dates → datetime, strings →
   * categorical, except that a column whose strings are all ISO 8601 dates
   * or date-times (`2024-01-02`, `2024-01-02T03:04:05Z`,
   * `2024-01-02 03:04:05.250+01:00`; no offset means UTC) → datetime.
   * null, undefined and NaN are missing.
   * @example
   * const t = Table.fromRecords([{ day: "2024-01-02", id: "a1" }, { day: "2024-01-03 12:00:00", id: "b2" }]);
   * [t.kind("day"), t.kind("id")]; // => ["datetime", "categorical"]
   * t.get(1, "day"); // => new Date("2024-01-03T12:00:00Z")
   * Table.fromRecords([{ day: "2024-01-02" }], { day: "categorical" }).kind("day"); // => "categorical"
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

  /**
   * A table from named columns (arrays or typed arrays), kinds inferred
   * unless given, as {@link Table.fromRecords} infers them (typed arrays:
   * numeric for Float64Array and Float32Array, integer for the others).
   * @example
   * Table.fromColumns({ when: ["2024-01-02T03:04:05Z", null] }).kind("when"); // => "datetime"
   */
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

  /**
   * The rows of `tables` one after the other (pandas' `concat`), e.g. to
   * join blocks sampled one at a time. Every table needs the same column
   * names (in any order: the first table's order is kept) and kinds, except
   * that integer and numeric give numeric. Categorical columns are merged by
   * label: the categories are those of the first table, then new ones in
   * order of appearance.
   * @param tables - at least one table (each a Table, danfo DataFrame or array of records)
   * @returns a new table (the table itself when there is one)
   * @throws ParamError when `tables` is empty, or the columns or kinds differ (naming the tables)
   * @example
   * const a = Table.fromRecords([{ x: 1, c: "a" }]);
   * const b = Table.fromRecords([{ c: "b", x: 2.5 }, { c: "a", x: null }]);
   * const t = Table.concat([a, b]);
   * t.toRecords(); // => [{ x: 1, c: "a" }, { x: 2.5, c: "b" }, { x: null, c: "a" }]
   * [t.kind("x"), t.columnInfo("c").categories]; // => ["numeric", ["a", "b"]]
   */
  static concat(tables: readonly TableInput[]): Table {
    const where = "Table.concat";
    if (!Array.isArray(tables)) {
      throw new ParamTypeError(where, "tables", tables, `'tables' must be an array of tables, got ${show(tables)}.`);
    }
    if (tables.length === 0) throw new ParamError(where, "tables", tables, "'tables' must hold at least one table, got [].");
    const ts = tables.map((t, i) => asTable(t, where, `tables[${i}]`));
    if (ts.length === 1) return ts[0]!;
    const first = ts[0]!;
    const names = first.columnNames;
    ts.forEach((t, i) => {
      if (t.nColumns !== names.length || names.some((n) => !t.byName.has(n))) {
        throw new ParamError(
          where,
          "tables",
          t.columnNames,
          `table ${i} has columns ${t.columnNames.join(", ") || "(none)"}, but table 0 has ${names.join(", ") || "(none)"}; select or rename columns so they match.`,
        );
      }
    });
    return new Table(names.map((n) => concatColumns(where, ts.map((t) => t.byName.get(n)!))));
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
