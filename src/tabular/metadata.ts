/**
 * Column metadata of a table: each column's semantic type (sdtype) and what
 * that type needs beside it, plus the primary key. Built by
 * `detectMetadata` (detect-metadata.ts) or by hand, edited with `update`,
 * saved with `toJSON` / `Metadata.fromJSON`, and checked against a table
 * with `validate` before a synthesizer fits.
 */
import { parseNumber } from "../core/column-build.js";
import { type Column } from "../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { compileDatetimeFormat, detectDatetimeFormat } from "./datetime-format.js";
import { isPiiSdtype, SDTYPES, type ColumnMetadata, type Sdtype } from "./types.js";

/** The JSON form of a {@link Metadata} (`schemaVersion` 1). */
export interface MetadataJSON {
  schemaVersion: 1;
  columns: Record<string, ColumnMetadata>;
  /** Column names in table order (JSON objects do not keep the order of names like "1", "2"). */
  columnOrder: string[];
  /** The primary key column, null for none. */
  primaryKey: string | null;
}

type Field = Exclude<keyof ColumnMetadata, "sdtype">;

/** Every field of {@link ColumnMetadata} but `sdtype`. */
const COLUMN_METADATA_FIELDS: readonly Field[] = [
  "representation",
  "decimals",
  "min",
  "max",
  "datetimeFormat",
  "epochUnit",
  "idFormat",
  "locale",
];

/** The fields that apply to each sdtype (personal-data kinds take `locale`). */
function fieldsOf(sdtype: Sdtype): readonly Field[] {
  switch (sdtype) {
    case "numerical":
      return ["representation", "decimals", "min", "max"];
    case "datetime":
      return ["datetimeFormat", "epochUnit", "min", "max"];
    case "id":
      return ["idFormat"];
    case "categorical":
    case "boolean":
      return [];
    default:
      return ["locale"];
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Sets a property even for names such as "__proto__". */
function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const sdtypeList = () => SDTYPES.map((s) => JSON.stringify(s)).join(", ");

/** Checks one column's metadata object and returns a clean copy (fields in a fixed order). */
function checkColumnMetadata(where: string, column: string, meta: unknown): ColumnMetadata {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) {
    throw new ParamTypeError(where, column, meta, `the metadata of column ${show(column)} must be an object such as { sdtype: "numerical" }, got ${show(meta)}.`);
  }
  const m = meta as Record<string, unknown>;
  const sdtype = m.sdtype;
  if (typeof sdtype !== "string" || !(SDTYPES as readonly string[]).includes(sdtype)) {
    throw new ParamError(where, "sdtype", sdtype, `column ${show(column)}: unknown sdtype ${show(sdtype)}. Valid sdtypes: ${sdtypeList()}.`);
  }
  const allowed = fieldsOf(sdtype as Sdtype);
  for (const key of Object.keys(m)) {
    if (key === "sdtype" || m[key] === undefined) continue;
    if (!(COLUMN_METADATA_FIELDS as readonly string[]).includes(key)) {
      throw new ParamError(
        where,
        key,
        m[key],
        `column ${show(column)}: unknown field '${key}'. Valid fields: sdtype, ${COLUMN_METADATA_FIELDS.join(", ")}.`,
      );
    }
    if (!(allowed as readonly string[]).includes(key)) {
      throw new ParamError(
        where,
        key,
        m[key],
        `column ${show(column)}: '${key}' does not apply to a ${sdtype} column (fields of ${sdtype}: ${allowed.length ? allowed.join(", ") : "none"}). Change the sdtype in the same update, or leave '${key}' out.`,
      );
    }
  }
  const out: ColumnMetadata = { sdtype: sdtype as Sdtype };
  const bad = (key: string, what: string): never => {
    throw new ParamError(where, key, m[key], `column ${show(column)}: '${key}' must be ${what}, got ${show(m[key])}.`);
  };
  if (m.representation !== undefined) {
    if (m.representation !== "integer" && m.representation !== "decimal") bad("representation", `"integer" or "decimal"`);
    out.representation = m.representation as "integer" | "decimal";
  }
  if (m.decimals !== undefined) {
    const d = m.decimals;
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0 || d > 20) bad("decimals", "an integer in [0, 20]");
    if (out.representation === "integer" && d !== 0) bad("decimals", `0 for representation "integer" (or set representation "decimal")`);
    out.decimals = d as number;
  }
  for (const key of ["min", "max"] as const) {
    if (m[key] === undefined) continue;
    if (typeof m[key] !== "number" || !Number.isFinite(m[key])) bad(key, "a finite number");
    out[key] = m[key] as number;
  }
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    throw new ParamError(where, "min", out.min, `column ${show(column)}: 'min' (${out.min}) must be <= 'max' (${out.max}).`);
  }
  if (m.datetimeFormat !== undefined) {
    if (typeof m.datetimeFormat !== "string") bad("datetimeFormat", `a strftime string such as "%Y-%m-%d"`);
    try {
      compileDatetimeFormat(m.datetimeFormat as string);
    } catch (e) {
      throw new ParamError(where, "datetimeFormat", m.datetimeFormat, `column ${show(column)}: ${(e as Error).message.replace(/^compileDatetimeFormat: /, "")}`);
    }
    out.datetimeFormat = m.datetimeFormat as string;
  }
  if (m.epochUnit !== undefined) {
    if (m.epochUnit !== "s" && m.epochUnit !== "ms") bad("epochUnit", `"s" or "ms"`);
    out.epochUnit = m.epochUnit as "s" | "ms";
  }
  if (m.idFormat !== undefined) {
    const f = m.idFormat as Record<string, unknown> | null;
    if (
      f === null ||
      typeof f !== "object" ||
      typeof f.prefix !== "string" ||
      typeof f.suffix !== "string" ||
      typeof f.width !== "number" ||
      !Number.isInteger(f.width) ||
      f.width < 1 ||
      f.width > 30 ||
      Object.keys(f).some((k) => k !== "prefix" && k !== "width" && k !== "suffix")
    ) {
      bad("idFormat", `{ prefix: string, width: integer in [1, 30], suffix: string }`);
    }
    out.idFormat = { prefix: f!.prefix as string, width: f!.width as number, suffix: f!.suffix as string };
  }
  if (m.locale !== undefined) {
    if (typeof m.locale !== "string" || m.locale === "") bad("locale", `a faker locale such as "en" or "de"`);
    out.locale = m.locale as string;
  }
  return out;
}

function copyColumn(c: ColumnMetadata): ColumnMetadata {
  const out: ColumnMetadata = { ...c };
  if (c.idFormat) out.idFormat = { ...c.idFormat };
  return out;
}

/** One problem found by {@link Metadata.validate}. */
interface Problem {
  column: string;
  value: unknown;
  message: string;
}

const fmtRow = (i: number) => `row ${(i + 1).toLocaleString("en-US")}`;

/**
 * The metadata of one table: `columns[name]` is a {@link ColumnMetadata}
 * (sdtype and what it needs), `columnNames` their order, `primaryKey` the key
 * column (an "id" or personal-data column whose values are unique) or
 * undefined.
 *
 * Build it with `detectMetadata(table)`, with `new Metadata({ ... })`, or from
 * JSON; fix what detection got wrong with {@link Metadata.update}.
 *
 * @example
 * const m = new Metadata({ id: { sdtype: "id" }, age: { sdtype: "numerical", representation: "integer" } }, "id");
 * m.update("age", { min: 0, max: 120 }).columns.age; // => { sdtype: "numerical", representation: "integer", min: 0, max: 120 }
 * m.update("age", { sdtype: "categorical" }).columns.age; // => { sdtype: "categorical" }
 * Metadata.fromJSON(JSON.parse(JSON.stringify(m))).primaryKey; // => "id"
 */
export class Metadata {
  /** Each column's metadata, by name. Edit it through {@link Metadata.update}. */
  readonly columns: Record<string, ColumnMetadata> = {};
  /** Column names in table order. */
  readonly columnNames: string[] = [];
  /** The primary key column, or undefined. Set it with {@link Metadata.setPrimaryKey}. */
  primaryKey: string | undefined = undefined;

  /**
   * @param columns - column name → metadata (each checked: known sdtype, fields that apply to it)
   * @param primaryKey - the key column, an "id" or personal-data column
   * @throws ParamError naming the column for an unknown sdtype or field
   */
  constructor(columns: Readonly<Record<string, ColumnMetadata>> = {}, primaryKey?: string) {
    if (columns === null || typeof columns !== "object" || Array.isArray(columns)) {
      throw new ParamTypeError("Metadata", "columns", columns, `'columns' must be an object of column name → { sdtype, ... }, got ${show(columns)}.`);
    }
    for (const name of Object.keys(columns)) this.addColumn(name, columns[name]!, "Metadata");
    if (primaryKey !== undefined) this.setPrimaryKey(primaryKey, "Metadata");
  }

  /** Number of columns. */
  get nColumns(): number {
    return this.columnNames.length;
  }

  /** True when the metadata has the column. */
  has(column: string): boolean {
    return typeof column === "string" && hasOwn(this.columns, column);
  }

  /** The names of the columns of an sdtype (or of any personal-data sdtype with "pii"), in order. */
  columnsOf(sdtype: Sdtype | "pii"): string[] {
    return this.columnNames.filter((c) => (sdtype === "pii" ? isPiiSdtype(this.columns[c]!.sdtype) : this.columns[c]!.sdtype === sdtype));
  }

  private checkColumn(where: string, column: unknown): string {
    if (typeof column !== "string" || !hasOwn(this.columns, column)) {
      throw new ParamError(
        where,
        "column",
        column,
        `no column ${show(column)} in the metadata. Columns: ${this.columnNames.length ? this.columnNames.join(", ") : "(none)"}.`,
      );
    }
    return column;
  }

  /**
   * Adds a column at the end.
   * @throws ParamError when the column exists (use `update`) or its metadata is invalid
   */
  addColumn(column: string, metadata: ColumnMetadata, where = "Metadata.addColumn"): this {
    if (typeof column !== "string" || column === "") {
      throw new ParamTypeError(where, "column", column, `'column' must be a non-empty string, got ${show(column)}.`);
    }
    if (hasOwn(this.columns, column)) {
      throw new ParamError(where, "column", column, `column ${show(column)} is already in the metadata; change it with update(${show(column)}, { ... }).`);
    }
    setOwn(this.columns, column, checkColumnMetadata(where, column, metadata));
    this.columnNames.push(column);
    return this;
  }

  /** Removes a column (and the primary key when it was that column). */
  removeColumn(column: string): this {
    this.checkColumn("Metadata.removeColumn", column);
    delete this.columns[column];
    this.columnNames.splice(this.columnNames.indexOf(column), 1);
    if (this.primaryKey === column) this.primaryKey = undefined;
    return this;
  }

  /**
   * Changes a column's metadata. Fields in `patch` replace the current ones
   * (`undefined` removes a field). Changing the sdtype drops the fields that
   * no longer apply (decimals when it becomes categorical, ...), and also
   * min and max between numerical and datetime (their units differ).
   *
   * @param column - a column of the metadata
   * @param patch - `{ sdtype?, representation?, decimals?, min?, max?, datetimeFormat?, epochUnit?, idFormat?, locale? }`
   * @returns this metadata
   * @throws ParamError listing the columns for an unknown column, listing the sdtypes for an
   *   unknown sdtype, listing the fields for an unknown field or one that does not apply to the sdtype
   * @example
   * const m = new Metadata({ x: { sdtype: "numerical", decimals: 2 } });
   * m.update("x", { sdtype: "categorical" }).columns.x; // => { sdtype: "categorical" }
   */
  update(column: string, patch: Partial<ColumnMetadata>): this {
    const where = "Metadata.update";
    this.checkColumn(where, column);
    if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
      throw new ParamTypeError(where, "patch", patch, `'patch' must be an object such as { sdtype: "categorical" }, got ${show(patch)}.`);
    }
    const p = patch as Record<string, unknown>;
    for (const key of Object.keys(p)) {
      if (key !== "sdtype" && !(COLUMN_METADATA_FIELDS as readonly string[]).includes(key)) {
        throw new ParamError(where, key, p[key], `unknown field '${key}' for column ${show(column)}. Valid fields: sdtype, ${COLUMN_METADATA_FIELDS.join(", ")}.`);
      }
    }
    if (p.sdtype !== undefined && !(SDTYPES as readonly string[]).includes(p.sdtype as string)) {
      throw new ParamError(where, "sdtype", p.sdtype, `column ${show(column)}: unknown sdtype ${show(p.sdtype)}. Valid sdtypes: ${sdtypeList()}.`);
    }
    const current = this.columns[column]!;
    const sdtype = (p.sdtype ?? current.sdtype) as Sdtype;
    const next: Record<string, unknown> = { sdtype };
    const keep = fieldsOf(sdtype);
    const unitChange = (current.sdtype === "numerical") !== (sdtype === "numerical") || (current.sdtype === "datetime") !== (sdtype === "datetime");
    for (const key of keep) {
      if (hasOwn(p, key)) {
        if (p[key] !== undefined) next[key] = p[key];
      } else if (current[key] !== undefined && !(unitChange && (key === "min" || key === "max"))) {
        next[key] = current[key];
      }
    }
    // Fields in the patch that do not apply are reported by the check below.
    for (const key of Object.keys(p)) if (key !== "sdtype" && p[key] !== undefined && !keep.includes(key as Field)) next[key] = p[key];
    const checked = checkColumnMetadata(where, column, next);
    if (this.primaryKey === column && checked.sdtype !== "id" && !isPiiSdtype(checked.sdtype)) {
      throw new ParamError(
        where,
        "sdtype",
        checked.sdtype,
        `column ${show(column)} is the primary key, which must be "id" or a personal-data sdtype, not ${show(checked.sdtype)}. Call setPrimaryKey(undefined) first.`,
      );
    }
    setOwn(this.columns, column, checked);
    return this;
  }

  /**
   * Sets (or with undefined, removes) the primary key: a column of sdtype
   * "id" or a personal-data sdtype; its values must be unique and present.
   * @throws ParamError for an unknown column or one of another sdtype
   */
  setPrimaryKey(column: string | undefined, where = "Metadata.setPrimaryKey"): this {
    if (column === undefined || column === null) {
      this.primaryKey = undefined;
      return this;
    }
    this.checkColumn(where, column);
    const s = this.columns[column]!.sdtype;
    if (s !== "id" && !isPiiSdtype(s)) {
      throw new ParamError(
        where,
        "primaryKey",
        column,
        `the primary key must be an "id" or personal-data column; ${show(column)} is ${show(s)}. Call update(${show(column)}, { sdtype: "id" }) first.`,
      );
    }
    this.primaryKey = column;
    return this;
  }

  /** Plain JSON: `{ schemaVersion: 1, columns, columnOrder, primaryKey }` (primaryKey null when none). */
  toJSON(): MetadataJSON {
    const columns: Record<string, ColumnMetadata> = {};
    for (const c of this.columnNames) setOwn(columns, c, copyColumn(this.columns[c]!));
    return { schemaVersion: 1, columns, columnOrder: [...this.columnNames], primaryKey: this.primaryKey ?? null };
  }

  /**
   * Metadata from its JSON form (an object, or the JSON text), every field checked.
   * @throws ParamError / ParamTypeError saying which part is wrong
   */
  static fromJSON(json: MetadataJSON | string): Metadata {
    const where = "Metadata.fromJSON";
    let j: unknown = json;
    if (typeof json === "string") {
      try {
        j = JSON.parse(json);
      } catch (e) {
        throw new ParamError(where, "json", json.slice(0, 80), `'json' is not valid JSON: ${(e as Error).message}.`);
      }
    }
    if (j === null || typeof j !== "object" || Array.isArray(j)) {
      throw new ParamTypeError(where, "json", j, `'json' must be an object { schemaVersion: 1, columns, columnOrder, primaryKey } (from Metadata.toJSON), got ${show(j)}.`);
    }
    const o = j as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!["schemaVersion", "columns", "columnOrder", "primaryKey"].includes(key)) {
        throw new ParamError(where, key, o[key], `unknown key '${key}'. Valid keys: schemaVersion, columns, columnOrder, primaryKey.`);
      }
    }
    if (o.schemaVersion !== 1) {
      throw new ParamError(where, "schemaVersion", o.schemaVersion, `'schemaVersion' must be 1 (the only version this synthlab reads), got ${show(o.schemaVersion)}.`);
    }
    const cols = o.columns;
    if (cols === null || typeof cols !== "object" || Array.isArray(cols)) {
      throw new ParamTypeError(where, "columns", cols, `'columns' must be an object of column name → { sdtype, ... }, got ${show(cols)}.`);
    }
    const names = Object.keys(cols);
    let order = names;
    if (o.columnOrder !== undefined) {
      const co = o.columnOrder;
      if (!Array.isArray(co) || co.some((c) => typeof c !== "string")) {
        throw new ParamTypeError(where, "columnOrder", co, `'columnOrder' must be an array of column names, got ${show(co)}.`);
      }
      const set = new Set(co);
      const missing = names.filter((c) => !set.has(c));
      const extra = (co as string[]).filter((c) => !hasOwn(cols, c));
      if (set.size !== co.length || missing.length || extra.length) {
        throw new ParamError(
          where,
          "columnOrder",
          co,
          `'columnOrder' must list each column of 'columns' once${missing.length ? `; missing: ${missing.join(", ")}` : ""}${extra.length ? `; not in 'columns': ${extra.join(", ")}` : ""}${set.size !== co.length ? "; it has duplicates" : ""}.`,
        );
      }
      order = co as string[];
    }
    const m = new Metadata();
    for (const c of order) m.addColumn(c, (cols as Record<string, ColumnMetadata>)[c]!, where);
    const pk = o.primaryKey;
    if (pk !== undefined && pk !== null) {
      if (typeof pk !== "string") throw new ParamTypeError(where, "primaryKey", pk, `'primaryKey' must be a column name or null, got ${show(pk)}.`);
      m.setPrimaryKey(pk, where);
    }
    return m;
  }

  /** A deep copy. */
  copy(): Metadata {
    return Metadata.fromJSON(this.toJSON());
  }

  /**
   * Checks that the table fits the metadata and throws one DataError listing
   * every problem, each naming its column and saying what to do:
   * - the table has no rows;
   * - a column of the metadata missing from the table, or a column of the table missing from the metadata;
   * - a column whose values are all missing;
   * - "numerical" on text that is not numbers, or on dates;
   * - "boolean" on a column with more than 2 distinct values;
   * - "datetime" on text that does not parse with its `datetimeFormat` (first bad row and value),
   *   on text with no format given where none can be detected, or on numbers with a `datetimeFormat`
   *   (numbers are epoch times: `epochUnit` "s", or "ms" when absent);
   * - "id" (or the primary key, which must also have no missing values) with a duplicated value (its rows);
   * - representation "integer" on a column with fractions (first such row).
   *
   * Rows are numbered from 1.
   *
   * @param table - the data (a Table, a danfo DataFrame or records)
   * @param where - the caller named in the error (a synthesizer's `fit`)
   * @throws DataError with every problem, `param` set to the first column at fault
   * @example
   * const m = new Metadata({ n: { sdtype: "numerical", representation: "integer" } });
   * m.validate(Table.fromRecords([{ n: 1 }, { n: 2 }])); // => undefined
   */
  validate(table: Table | TableInput, where = "Metadata.validate"): void {
    const t = asTable(table, where, "table");
    if (t.nRows === 0) {
      throw new DataError(where, "table", t, `the table has no rows (columns: ${t.columnNames.join(", ") || "none"}); give at least one row to learn from.`);
    }
    const problems: Problem[] = [];
    const inTable = new Set(t.columnNames);
    for (const c of this.columnNames) {
      if (!inTable.has(c)) {
        problems.push({
          column: c,
          value: c,
          message: `column ${show(c)} is in the metadata but not in the table (table columns: ${t.columnNames.join(", ")}); pass the whole table, or remove it with metadata.removeColumn(${show(c)}).`,
        });
      }
    }
    for (const c of t.columnNames) {
      if (!hasOwn(this.columns, c)) {
        problems.push({
          column: c,
          value: c,
          message: `column ${show(c)} is in the table but not in the metadata; add it with metadata.addColumn(${show(c)}, { sdtype: ... }), or drop it from the table.`,
        });
      }
    }
    for (const c of this.columnNames) {
      if (!inTable.has(c)) continue;
      const p = checkColumnValues(t.columnInfo(c), this.columns[c]!, this.primaryKey === c);
      if (p) problems.push(p);
    }
    if (problems.length === 1) throw new DataError(where, problems[0]!.column, problems[0]!.value, problems[0]!.message);
    if (problems.length > 1) {
      throw new DataError(
        where,
        problems[0]!.column,
        problems[0]!.value,
        `${problems.length} problems with the table and its metadata:\n${problems.map((p) => `- ${p.message}`).join("\n")}`,
      );
    }
  }

  /**
   * A small table for display: one row per column with `column`, `sdtype`
   * and `details` (representation, decimals, range, format, primary key).
   * @example
   * const m = new Metadata({ a: { sdtype: "numerical", representation: "integer", min: 0, max: 9 } });
   * m.toTable().toRecords(); // => [{ column: "a", sdtype: "numerical", details: "integer, 0 to 9" }]
   */
  toTable(): Table {
    const column: string[] = [];
    const sdtype: string[] = [];
    const details: string[] = [];
    for (const c of this.columnNames) {
      const m = this.columns[c]!;
      column.push(c);
      sdtype.push(m.sdtype);
      details.push(describe(m, this.primaryKey === c));
    }
    return new Table([
      { name: "column", kind: "categorical", values: Int32Array.from(column, (_, i) => i), categories: column },
      textColumn("sdtype", sdtype),
      textColumn("details", details),
    ]);
  }

  /** HTML for notebooks (the {@link Metadata.toTable} table). */
  toHTML(): string {
    return this.toTable().toHTML({ maxRows: 1000, caption: `Metadata: ${this.nColumns} columns, primary key ${this.primaryKey ?? "none"}`, naRep: "" });
  }

  /** A text listing, one line per column. */
  toString(): string {
    const w = Math.min(32, Math.max(6, ...this.columnNames.map((c) => c.length)));
    const sw = Math.max(6, ...this.columnNames.map((c) => this.columns[c]!.sdtype.length));
    const lines = this.columnNames.map((c) => {
      const m = this.columns[c]!;
      const d = describe(m, this.primaryKey === c);
      return `  ${c.padEnd(w)}  ${m.sdtype.padEnd(sw)}${d ? `  ${d}` : ""}`.trimEnd();
    });
    return `Metadata (${this.nColumns} columns, primary key: ${this.primaryKey ?? "none"})\n${lines.join("\n")}`;
  }
}

function textColumn(name: string, values: readonly string[]): Column {
  const index = new Map<string, number>();
  const categories: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    let k = index.get(v);
    if (k === undefined) {
      k = categories.length;
      categories.push(v);
      index.set(v, k);
    }
    codes[i] = k;
  });
  return { name, kind: "categorical", values: codes, categories };
}

const fmtNum = (v: number) => (Math.abs(v) >= 1e15 || (v !== 0 && Math.abs(v) < 1e-6) ? v.toExponential(3) : String(Number(v.toPrecision(10))));

function describe(m: ColumnMetadata, primaryKey: boolean): string {
  const parts: string[] = [];
  if (primaryKey) parts.push("primary key");
  if (m.representation) parts.push(m.representation === "decimal" && m.decimals !== undefined ? `decimal (${m.decimals} decimal${m.decimals === 1 ? "" : "s"})` : m.representation);
  else if (m.decimals !== undefined) parts.push(`${m.decimals} decimals`);
  if (m.datetimeFormat) parts.push(`format ${m.datetimeFormat}`);
  if (m.epochUnit) parts.push(`epoch ${m.epochUnit === "s" ? "seconds" : "milliseconds"}`);
  if (m.min !== undefined && m.max !== undefined) {
    if (m.sdtype === "datetime") parts.push(`${isoOf(m.min)} to ${isoOf(m.max)}`);
    else parts.push(`${fmtNum(m.min)} to ${fmtNum(m.max)}`);
  }
  if (m.idFormat) parts.push(`format ${m.idFormat.prefix}${"9".repeat(m.idFormat.width)}${m.idFormat.suffix}`);
  if (m.locale) parts.push(`locale ${m.locale}`);
  return parts.join(", ");
}

function isoOf(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().replace("T00:00:00.000Z", "").replace(".000Z", "Z");
}

/** The non-missing categories a categorical column uses, with the first row of each (-1 when unused). */
function firstRows(col: Extract<Column, { kind: "categorical" }>): Int32Array {
  const first = new Int32Array(col.categories.length).fill(-1);
  const v = col.values;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c >= 0 && first[c]! < 0) first[c] = i;
  }
  return first;
}

/** The first problem of one column against its metadata, or undefined. */
function checkColumnValues(col: Column, meta: ColumnMetadata, isKey: boolean): Problem | undefined {
  const name = col.name;
  const n = col.values.length;
  const problem = (value: unknown, message: string): Problem => ({ column: name, value, message: `column ${show(name)} ${message}` });
  const declared = `is declared ${show(meta.sdtype)}`;
  // all missing? infinite values?
  let missing = 0;
  if (col.kind === "categorical" || col.kind === "boolean") {
    const v = col.values;
    for (let i = 0; i < n; i++) if (v[i]! < 0) missing++;
  } else {
    const v = col.values;
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (x !== x) missing++;
      else if (x === Infinity || x === -Infinity) return problem(x, `${fmtRow(i)}: ${show(x)} is not a finite number; replace or drop infinite values.`);
    }
  }
  if (missing === n) {
    return problem(null, `has no values (every one of its ${n.toLocaleString("en-US")} rows is missing); drop it or fill it.`);
  }
  const first = col.kind === "categorical" && (meta.sdtype === "numerical" || meta.sdtype === "boolean" || meta.sdtype === "datetime") ? firstRows(col) : undefined;
  const switchTo = (s: string) => `metadata.update(${show(name)}, { sdtype: ${show(s)} })`;

  switch (meta.sdtype) {
    case "numerical": {
      if (col.kind === "datetime") return problem(meta.sdtype, `${declared} but holds dates; declare it "datetime" (${switchTo("datetime")}).`);
      if (col.kind === "categorical") {
        for (let k = 0; k < col.categories.length; k++) {
          if (first![k]! < 0) continue;
          const x = parseNumber(col.categories[k]!);
          if (Number.isNaN(x)) {
            return problem(col.categories[k], `${declared} but ${fmtRow(first![k]!)} holds ${show(col.categories[k])}, which is not a number; declare it "categorical" (${switchTo("categorical")}) or clean the values.`);
          }
          if (meta.representation === "integer" && !Number.isInteger(x)) {
            return problem(col.categories[k], `has representation "integer" but ${fmtRow(first![k]!)} holds ${show(col.categories[k])}; set representation "decimal" (metadata.update(${show(name)}, { representation: "decimal" })).`);
          }
        }
      } else if (meta.representation === "integer" && col.kind === "numeric") {
        const v = col.values;
        for (let i = 0; i < n; i++) {
          const x = v[i]!;
          if (x === x && !Number.isInteger(x)) {
            return problem(x, `has representation "integer" but ${fmtRow(i)} holds ${show(x)}; set representation "decimal" (metadata.update(${show(name)}, { representation: "decimal" })).`);
          }
        }
      }
      return undefined;
    }
    case "boolean": {
      const seen: string[] = [];
      if (col.kind === "boolean") return undefined;
      if (col.kind === "categorical") {
        for (let k = 0; k < col.categories.length; k++) if (first![k]! >= 0) seen.push(col.categories[k]!);
      } else {
        const set = new Set<number>();
        const v = col.values;
        for (let i = 0; i < n && set.size <= 2; i++) if (v[i] === v[i]) set.add(v[i]!);
        for (const x of set) seen.push(col.kind === "datetime" ? isoOf(x) : String(x));
      }
      if (seen.length > 2) {
        const total = col.kind === "categorical" ? `${seen.length} distinct values` : "more than 2 distinct values";
        return problem(seen[2], `${declared} but has ${total} (${seen.slice(0, 3).map((s) => show(s)).join(", ")}, ...); declare it "categorical" (${switchTo("categorical")}).`);
      }
      return undefined;
    }
    case "datetime": {
      if (col.kind === "datetime") return undefined;
      if (col.kind === "boolean") return problem(meta.sdtype, `${declared} but holds true/false values; declare it "boolean" (${switchTo("boolean")}).`);
      if (col.kind === "categorical") {
        let fmt = meta.datetimeFormat;
        if (fmt === undefined) {
          const used = col.categories.filter((_, k) => first![k]! >= 0);
          fmt = detectDatetimeFormat(used);
          if (fmt === undefined) {
            return problem(used[0], `${declared} but its text (e.g. ${show(used[0])}) matches no known date format; set its format (metadata.update(${show(name)}, { datetimeFormat: "%d/%m/%Y" })) or declare it "categorical".`);
          }
          return undefined;
        }
        const parse = compileDatetimeFormat(fmt).parse;
        let badRow = -1;
        for (let k = 0; k < col.categories.length; k++) {
          const r = first![k]!;
          if (r < 0 || (badRow >= 0 && r > badRow)) continue;
          const x = parse(col.categories[k]!);
          if (x !== x) badRow = r;
        }
        if (badRow >= 0) {
          const value = col.categories[col.values[badRow]!]!;
          return problem(value, `has datetimeFormat ${show(fmt)} but ${fmtRow(badRow)} holds ${show(value)}, which does not parse with it; fix the format (metadata.update(${show(name)}, { datetimeFormat: ... })) or the value.`);
        }
        return undefined;
      }
      // numbers: epoch times (seconds or milliseconds, milliseconds when epochUnit is absent)
      if (meta.datetimeFormat !== undefined) {
        return problem(
          meta.datetimeFormat,
          `has datetimeFormat ${show(meta.datetimeFormat)} but holds numbers, which are read as epoch times; remove the format and set epochUnit "s" or "ms" (metadata.update(${show(name)}, { datetimeFormat: undefined, epochUnit: "s" })), or read the column as text.`,
        );
      }
      return undefined;
    }
    case "categorical":
      return undefined;
    default:
      break;
  }
  // id, or a personal-data column: unique when an id or the key; present when the key
  if (meta.sdtype !== "id" && !isKey) return undefined;
  if (isKey && missing > 0) {
    let row = 0;
    while (row < n && !isMissingAt(col, row)) row++;
    return problem(null, `is the primary key but ${fmtRow(row)} is missing (${missing.toLocaleString("en-US")} missing in all); fill the keys, drop those rows, or set another key.`);
  }
  const dup = findDuplicate(col);
  if (dup) {
    return problem(
      dup.value,
      `${isKey ? "is the primary key" : declared} but ${show(dup.value)} appears more than once (${dup.rows.map((r) => fmtRow(r)).join(", ")}); ${isKey ? "remove the duplicates or choose another key (metadata.setPrimaryKey(...))" : `remove the duplicates or declare it "categorical" (${switchTo("categorical")})`}.`,
    );
  }
  return undefined;
}

function isMissingAt(col: Column, i: number): boolean {
  const v = col.values[i]!;
  return col.kind === "categorical" || col.kind === "boolean" ? v < 0 : v !== v;
}

/** A duplicated non-missing value and its first rows (up to 3), or undefined. */
function findDuplicate(col: Column): { value: unknown; rows: number[] } | undefined {
  const n = col.values.length;
  if (col.kind === "categorical") {
    const first = new Int32Array(col.categories.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = col.values[i]!;
      if (c < 0) continue;
      if (first[c]! >= 0) return { value: col.categories[c], rows: rowsOf(col, c, 3) };
      first[c] = i;
    }
    return undefined;
  }
  if (col.kind === "boolean") {
    const first = [-1, -1];
    for (let i = 0; i < n; i++) {
      const c = col.values[i]!;
      if (c < 0) continue;
      if (first[c]! >= 0) return { value: c === 1, rows: [first[c]!, i] };
      first[c] = i;
    }
    return undefined;
  }
  const v = col.values;
  if (numbersUnique(v)) return undefined;
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    const r = seen.get(x);
    if (r !== undefined) {
      const rows = [r, i];
      for (let j = i + 1; j < n && rows.length < 3; j++) if (v[j] === x) rows.push(j);
      return { value: col.kind === "datetime" ? isoOf(x) : x, rows };
    }
    seen.set(x, i);
  }
  return undefined;
}

function rowsOf(col: Extract<Column, { kind: "categorical" }>, code: number, max: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < col.values.length && rows.length < max; i++) if (col.values[i] === code) rows.push(i);
  return rows;
}

/** True when the non-missing numbers are all distinct (a bitmap for whole numbers in a small range, else a sorted copy). */
function numbersUnique(v: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  let k = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    k++;
    if (x < min) min = x;
    if (x > max) max = x;
    if (whole && x !== Math.floor(x)) whole = false;
  }
  if (whole && max - min < Math.max(4 * k, 1024)) {
    const seen = new Uint8Array(max - min + 1);
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (x !== x) continue;
      if (seen[x - min]) return false;
      seen[x - min] = 1;
    }
    return true;
  }
  const s = new Float64Array(k);
  let j = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) s[j++] = v[i]!;
  s.sort();
  for (let i = 1; i < k; i++) if (s[i] === s[i - 1]) return false;
  return true;
}
