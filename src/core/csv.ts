import { cellAt, type Column, type ColumnKind } from "./column.js";
import { columnFromStrings, DEFAULT_NA_VALUES, inferKindFromStrings } from "./column-build.js";
import { DataError, ParamError, show } from "./errors.js";
import { mergeOptions } from "./validate.js";

/**
 * Options of {@link parseCsv}. Column kinds are inferred from the text:
 * numbers (integer when all are whole), `true` / `false`, ISO 8601 dates
 * and date-times (no offset means UTC), else categorical. A column holding
 * a number written with a leading zero (`007`, `00123`, `-01.5`; not `0`,
 * `0.5` or `-0.25`) is read as categorical, so ids and zip codes keep
 * their zeros (pandas would read `00123` as 123); name it in `dtypes` to
 * read it as numbers.
 */
export interface CsvReadOptions {
  /** @defaultValue `","` */
  delimiter?: string;
  /**
   * Whether the first row holds the column names.
   * @defaultValue true
   */
  header?: boolean;
  /** Column names when `header` is false (default `c0, c1, ...`). */
  columnNames?: readonly string[] | undefined;
  /**
   * Strings read as missing.
   * @defaultValue `["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "n/a"]`
   */
  naValues?: readonly string[];
  /**
   * Column kinds to use instead of inference, by name, e.g.
   * `{ zip: "categorical" }` or `{ code: "integer" }` (which reads `"007"` as 7).
   */
  dtypes?: Readonly<Record<string, ColumnKind>>;
}

const READ_DEFAULTS: Required<Omit<CsvReadOptions, "columnNames" | "dtypes">> & Pick<CsvReadOptions, "columnNames" | "dtypes"> = {
  delimiter: ",",
  header: true,
  columnNames: undefined,
  naValues: DEFAULT_NA_VALUES,
  dtypes: {},
};

/** Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, CRLF). */
export function splitCsv(where: string, text: string, delimiter: string): string[][] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n") {
    throw new ParamError(where, "delimiter", delimiter, `'delimiter' must be one character other than a quote or newline, got ${show(delimiter)}.`);
  }
  const rows: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
  let row: string[] = [];
  let line = 1;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      const startLine = line;
      let j = i + 1;
      let parts = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new DataError(where, "text", null, `unterminated quoted field starting on line ${startLine}.`);
        parts += text.slice(j, q);
        for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) line++;
        if (text.charCodeAt(q + 1) === 34) {
          parts += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = parts;
      const c = text.charCodeAt(i);
      if (i < n && c !== d && c !== 10 && c !== 13) {
        throw new DataError(where, "text", text.slice(i, i + 10), `line ${line}: unexpected text after a closing quote.`);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) row.push("");
    } else {
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      if (!(row.length === 1 && row[0] === "")) rows.push(row);
      row = [];
    }
  }
  if (row.length && !(row.length === 1 && row[0] === "")) rows.push(row);
  return rows;
}

/**
 * Parses CSV text into columns: kinds inferred per column (numbers, booleans,
 * ISO dates, else categories) unless given in `dtypes`; `naValues` become
 * missing. A ragged row throws naming its line and field count.
 */
export function parseCsvColumns(text: string, options: CsvReadOptions = {}, where = "parseCsv"): Column[] {
  const opts = mergeOptions(where, READ_DEFAULTS, options);
  if (typeof text !== "string") throw new ParamError(where, "text", text, `'text' must be a string, got ${show(text)}.`);
  const rows = splitCsv(where, text, opts.delimiter);
  let names: string[];
  let body: string[][];
  if (opts.header) {
    if (rows.length === 0) throw new DataError(where, "text", "", "the CSV is empty: no header row.");
    names = rows[0]!;
    body = rows.slice(1);
  } else {
    const width = rows[0]?.length ?? 0;
    names = opts.columnNames ? [...opts.columnNames] : Array.from({ length: width }, (_, j) => `c${j}`);
    body = rows;
  }
  const seen = new Set<string>();
  for (const nm of names) {
    if (seen.has(nm)) throw new DataError(where, "header", nm, `duplicate column name ${show(nm)} in the header.`);
    seen.add(nm);
  }
  const width = names.length;
  const firstLine = opts.header ? 2 : 1;
  body.forEach((r, k) => {
    if (r.length !== width) {
      throw new DataError(
        where,
        "text",
        r,
        `row ${k + 1} (line ${k + firstLine}) has ${r.length} fields, expected ${width} (header: ${names.join(", ")}).`,
      );
    }
  });
  for (const key of Object.keys(opts.dtypes ?? {})) {
    if (!names.includes(key)) throw new ParamError(where, "dtypes", key, `dtypes names ${show(key)}, which is not a column. Columns: ${names.join(", ")}.`);
  }
  const na = new Set(opts.naValues);
  return names.map((name, j) => {
    const values = body.map((r) => {
      const s = r[j]!;
      return na.has(s) || na.has(s.trim()) ? null : s;
    });
    const kind = opts.dtypes?.[name] ?? inferKindFromStrings(values);
    return columnFromStrings(where, name, values, kind);
  });
}

/** Options of CSV writing. */
export interface CsvWriteOptions {
  /** @defaultValue `","` */
  delimiter?: string;
  /**
   * Text written for a missing cell.
   * @defaultValue `""`
   */
  naRep?: string;
  /** @defaultValue true */
  header?: boolean;
}

function quote(s: string, d: string): string {
  return s.includes(d) || s.includes('"') || s.includes("\n") || s.includes("\r") || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The data rows (no header) of an all-number table as ASCII bytes, filled
 * into `buf` and handed to `flush(length)` each time it is nearly full (and
 * once at the end): the fast path of writing large numeric tables, with no
 * string per row or chunk. Cells as {@link csvChunks} writes them. Returns
 * false, having written nothing, when a column is not numeric or integer, or
 * the delimiter or `naRep` is not printable ASCII.
 */
export function csvNumberBytes(columns: readonly Column[], nRows: number, options: CsvWriteOptions, buf: Uint8Array, flush: (length: number) => void): boolean {
  const { delimiter: d = ",", naRep = "" } = options;
  if (columns.length === 0 || !columns.every((c) => c.kind === "numeric" || c.kind === "integer") || !PRINTABLE_ASCII.test(d + naRep)) return false;
  const cols = columns.map((c) => c.values as Float64Array);
  const k = cols.length;
  const dCodes = Array.from(d, (ch) => ch.charCodeAt(0));
  const single = dCodes.length === 1 ? dCodes[0]! : -1;
  // the longest cell: "-1.2345678901234567e-308" (24 characters), "-inf", or naRep
  const rowMax = k * (Math.max(24, naRep.length) + dCodes.length) + 1;
  if (rowMax > buf.length) throw new RangeError(`csvNumberBytes: a buffer of ${buf.length} bytes cannot hold a row of up to ${rowMax} bytes.`);
  const limit = buf.length - rowMax;
  let p = 0;
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < k; j++) {
      if (j > 0) {
        if (single >= 0) buf[p++] = single;
        else for (const c of dCodes) buf[p++] = c;
      }
      const x = cols[j]![i]!;
      const cell = x === x ? (x === Infinity ? "inf" : x === -Infinity ? "-inf" : "" + x) : naRep;
      for (let c = 0; c < cell.length; c++) buf[p++] = cell.charCodeAt(c);
    }
    buf[p++] = 10;
    if (p > limit) {
      flush(p);
      p = 0;
    }
  }
  if (p > 0) flush(p);
  return true;
}

/**
 * CSV text in chunks of `chunkRows` rows (for writing large tables without
 * one giant string). Numbers are written in their shortest round-trip form.
 */
export function* csvChunks(columns: readonly Column[], nRows: number, options: CsvWriteOptions = {}, chunkRows = 8192): Generator<string> {
  const { delimiter: d = ",", naRep = "", header = true } = options;
  if (header) yield columns.map((c) => quote(c.name, d)).join(d) + "\n";
  const formatters = columns.map((c): ((i: number) => string) => {
    if (c.kind === "numeric" || c.kind === "integer") {
      const v = c.values;
      return (i) => {
        const x = v[i]!;
        return x === x ? (x === Infinity ? "inf" : x === -Infinity ? "-inf" : String(x)) : naRep;
      };
    }
    if (c.kind === "categorical") {
      const cats = c.categories.map((s) => quote(s, d));
      const v = c.values;
      return (i) => (v[i]! < 0 ? naRep : cats[v[i]!]!);
    }
    return (i) => {
      const cell = cellAt(c, i);
      return cell === null ? naRep : cell instanceof Date ? cell.toISOString() : String(cell);
    };
  });
  const k = formatters.length;
  if (k > 0 && columns.every((c) => c.kind === "numeric" || c.kind === "integer")) {
    // all-number tables (the common large case): one monomorphic loop, no per-cell closure call
    const cols = columns.map((c) => c.values as Float64Array);
    const fmt = (x: number): string => (x === x ? (x === Infinity ? "inf" : x === -Infinity ? "-inf" : "" + x) : naRep);
    const first = cols[0]!;
    for (let start = 0; start < nRows; start += chunkRows) {
      const end = Math.min(nRows, start + chunkRows);
      let out = "";
      for (let i = start; i < end; i++) {
        let line = fmt(first[i]!);
        for (let j = 1; j < k; j++) line += d + fmt(cols[j]![i]!);
        out += line + "\n";
      }
      yield out;
    }
    return;
  }
  for (let start = 0; start < nRows; start += chunkRows) {
    const end = Math.min(nRows, start + chunkRows);
    let out = "";
    for (let i = start; i < end; i++) {
      let line = k ? formatters[0]!(i) : "";
      for (let j = 1; j < k; j++) line += d + formatters[j]!(i);
      out += line + "\n";
    }
    yield out;
  }
}
