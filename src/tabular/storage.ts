/**
 * How each column of the user's table is stored, and the "canonical" table
 * the synthesizers learn from: numerical columns as numbers, booleans as
 * booleans, datetimes as epoch milliseconds, categories as categories,
 * whatever their storage (yes/no strings, 0/1 integers, date strings in a
 * format, epoch seconds, category codes written as numbers). Synthetic rows
 * go back through {@link fromCanonical}, so a column comes out stored the way
 * it came in: same Table kind, same labels, same date format. Internal.
 */
import type { Column, ColumnKind } from "../core/column.js";
import { categorical } from "../core/column-build.js";
import { DataError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { compileDatetimeFormat, detectDatetimeFormat } from "./datetime-format.js";
import type { ColumnMetadata } from "./types.js";

/** How one column is stored in the user's table, enough to write synthetic values back the same way. */
export interface StorageSpec {
  readonly name: string;
  /** The user's Table kind. */
  readonly kind: ColumnKind;
  /** boolean stored as two labels (categorical): [false label, true label]. */
  readonly boolLabels?: readonly [string, string];
  /** datetime stored as text: its format. */
  readonly datetimeFormat?: string;
  /** datetime stored as numbers: their unit. */
  readonly epochUnit?: "s" | "ms";
  /** categorical stored as numbers: labels are `String(value)`. */
  readonly numericLabels?: boolean;
}

const TRUE_WORDS = new Set(["yes", "true", "y", "t", "1"]);
const FALSE_WORDS = new Set(["no", "false", "n", "f", "0"]);

/** [false label, true label] of a two-label column: yes/true/y/t/1 are true, no/false/n/f/0 false; otherwise sorted order. */
export function booleanLabels(labels: readonly string[]): [string, string] {
  const present = [...labels];
  if (present.length === 1) {
    const l = present[0]!;
    const low = l.trim().toLowerCase();
    if (TRUE_WORDS.has(low)) return [guessOpposite(l, false), l];
    return [l, guessOpposite(l, true)];
  }
  const [a, b] = present as [string, string];
  const ta = TRUE_WORDS.has(a.trim().toLowerCase());
  const fb = FALSE_WORDS.has(b.trim().toLowerCase());
  if (ta || fb) return [b, a];
  return a < b ? [a, b] : [b, a];
}

function guessOpposite(label: string, wantTrue: boolean): string {
  const pairs: [string, string][] = [["no", "yes"], ["false", "true"], ["n", "y"], ["f", "t"], ["0", "1"]];
  const low = label.toLowerCase();
  for (const [f, t] of pairs) {
    const other = wantTrue ? (low === f ? t : undefined) : low === t ? f : undefined;
    if (other === undefined) continue;
    if (label === label.toUpperCase()) return other.toUpperCase();
    if (label[0] === label[0]!.toUpperCase()) return other[0]!.toUpperCase() + other.slice(1);
    return other;
  }
  return wantTrue ? "true" : "false";
}

/** The storage of `col` given its metadata. */
export function storageSpec(col: Column, meta: ColumnMetadata): StorageSpec {
  const base = { name: col.name, kind: col.kind };
  if (meta.sdtype === "boolean" && col.kind === "categorical") {
    const used = usedCategories(col);
    if (used.length > 2) {
      throw new DataError("storage", col.name, used, `column '${col.name}' is declared boolean but has ${used.length} distinct values (${show(used.slice(0, 6))}); declare it categorical.`);
    }
    return { ...base, boolLabels: booleanLabels(used.length ? used : ["false", "true"]) };
  }
  if (meta.sdtype === "datetime") {
    if (col.kind === "categorical") {
      const format = meta.datetimeFormat ?? detectDatetimeFormat(usedCategories(col));
      if (format === undefined) {
        throw new DataError("storage", col.name, usedCategories(col).slice(0, 3), `column '${col.name}' is declared datetime, but its text matches no known date format (e.g. ${show(usedCategories(col).slice(0, 3))}); give one with metadata.update('${col.name}', { datetimeFormat: "%d/%m/%Y" }).`);
      }
      return { ...base, datetimeFormat: format };
    }
    if (col.kind === "numeric" || col.kind === "integer") return { ...base, epochUnit: meta.epochUnit ?? "ms" };
  }
  if (meta.sdtype === "categorical" && col.kind !== "categorical") {
    return { ...base, numericLabels: col.kind === "numeric" || col.kind === "integer" };
  }
  return base;
}

function usedCategories(col: Column & { kind: "categorical" }): string[] {
  const seen = new Uint8Array(col.categories.length);
  for (let i = 0; i < col.values.length; i++) {
    const c = col.values[i]!;
    if (c >= 0) seen[c] = 1;
  }
  return col.categories.filter((_, k) => seen[k]);
}

/**
 * The column in canonical storage for its sdtype: numerical → numeric or
 * integer, datetime → datetime (epoch ms), boolean → boolean, categorical →
 * categorical. id and personal-data columns are returned unchanged.
 * @throws DataError naming the column and row for a value that does not fit
 */
export function toCanonical(col: Column, meta: ColumnMetadata, spec: StorageSpec, where: string): Column {
  const name = col.name;
  const n = col.values.length;
  switch (meta.sdtype) {
    case "numerical": {
      if (col.kind === "numeric" || col.kind === "integer") {
        const kind = meta.representation === "decimal" ? "numeric" : meta.representation === "integer" ? "integer" : col.kind;
        return { name, kind, values: col.values };
      }
      const out = new Float64Array(n);
      if (col.kind === "boolean" || col.kind === "datetime") {
        for (let i = 0; i < n; i++) out[i] = col.kind === "boolean" ? (col.values[i]! < 0 ? NaN : col.values[i]!) : col.values[i]!;
      } else if (col.kind === "categorical") {
        const parsed = col.categories.map((s) => Number(s.trim()));
        for (let i = 0; i < n; i++) {
          const c = col.values[i]!;
          if (c < 0) out[i] = NaN;
          else if (Number.isFinite(parsed[c]!) && col.categories[c]!.trim() !== "") out[i] = parsed[c]!;
          else throw new DataError(where, name, col.categories[c], `column '${name}' row ${i + 1}: ${show(col.categories[c])} is not a number, but the metadata says numerical; declare it categorical.`);
        }
      }
      let ints = true;
      for (let i = 0; i < n && ints; i++) if (out[i] === out[i] && !Number.isInteger(out[i])) ints = false;
      return { name, kind: meta.representation === "decimal" || !ints ? "numeric" : "integer", values: out };
    }
    case "boolean": {
      if (col.kind === "boolean") return col;
      const out = new Int8Array(n);
      if (col.kind === "categorical") {
        const [f, t] = spec.boolLabels!;
        const map = col.categories.map((s) => (s === t ? 1 : s === f ? 0 : -2));
        for (let i = 0; i < n; i++) {
          const c = col.values[i]!;
          const v = c < 0 ? -1 : map[c]!;
          if (v === -2) throw new DataError(where, name, col.categories[c], `column '${name}' row ${i + 1}: ${show(col.categories[c])} is neither ${show(f)} nor ${show(t)}; declare the column categorical.`);
          out[i] = v;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const v = col.values[i]!;
          if (v !== v) out[i] = -1;
          else if (v === 0 || v === 1) out[i] = v;
          else throw new DataError(where, name, v, `column '${name}' row ${i + 1}: ${show(v)} is not 0 or 1, but the metadata says boolean; declare it numerical or categorical.`);
        }
      }
      return { name, kind: "boolean", values: out };
    }
    case "datetime": {
      if (col.kind === "datetime") return col;
      const out = new Float64Array(n);
      if (col.kind === "categorical") {
        const fmt = compileDatetimeFormat(spec.datetimeFormat!);
        const parsed = col.categories.map((s) => fmt.parse(s));
        for (let i = 0; i < n; i++) {
          const c = col.values[i]!;
          if (c < 0) out[i] = NaN;
          else if (Number.isNaN(parsed[c]!)) {
            throw new DataError(where, name, col.categories[c], `column '${name}' row ${i + 1}: ${show(col.categories[c])} does not match the datetime format ${show(spec.datetimeFormat)}; fix the format with metadata.update('${name}', { datetimeFormat }).`);
          } else out[i] = parsed[c]!;
        }
      } else if (col.kind === "boolean") {
        throw new DataError(where, name, col.kind, `column '${name}' holds booleans, but the metadata says datetime.`);
      } else {
        const f = spec.epochUnit === "s" ? 1000 : 1;
        for (let i = 0; i < n; i++) out[i] = col.values[i]! * f;
      }
      return { name, kind: "datetime", values: out };
    }
    case "categorical": {
      if (col.kind === "categorical") return col;
      const labels: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        if (col.kind === "boolean") labels[i] = v < 0 ? null : v ? "true" : "false";
        else if (col.kind === "datetime") labels[i] = v === v ? new Date(v).toISOString() : null;
        else labels[i] = v === v ? String(v) : null;
      }
      return categorical(name, labels);
    }
    default:
      return col;
  }
}

/** A canonical column written back in the user's storage (see {@link StorageSpec}). */
export function fromCanonical(col: Column, spec: StorageSpec): Column {
  const name = spec.name;
  const n = col.values.length;
  if (col.kind === spec.kind && !spec.boolLabels && !spec.datetimeFormat && !spec.epochUnit && !spec.numericLabels) return { ...col, name } as Column;
  if (col.kind === "boolean") {
    if (spec.kind === "categorical") {
      const [f, t] = spec.boolLabels ?? ["false", "true"];
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = col.values[i]!;
      return { name, kind: "categorical", values: codes, categories: [f, t] };
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col.values[i]! < 0 ? NaN : col.values[i]!;
    return { name, kind: spec.kind === "numeric" ? "numeric" : "integer", values: out };
  }
  if (col.kind === "datetime") {
    if (spec.kind === "categorical") {
      const fmt = compileDatetimeFormat(spec.datetimeFormat ?? "%Y-%m-%dT%H:%M:%S.%fZ");
      const labels: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = col.values[i]!;
        labels[i] = v === v ? fmt.format(v) : null;
      }
      return categorical(name, labels);
    }
    if (spec.kind === "numeric" || spec.kind === "integer") {
      const f = spec.epochUnit === "s" ? 1000 : 1;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = spec.kind === "integer" ? Math.round(col.values[i]! / f) : col.values[i]! / f;
      return { name, kind: spec.kind, values: out };
    }
    return { ...col, name };
  }
  if (col.kind === "categorical") {
    if (spec.numericLabels || spec.kind === "numeric" || spec.kind === "integer" || spec.kind === "datetime") {
      const parsed = col.categories.map((s) => (spec.kind === "datetime" ? Date.parse(s) : Number(s)));
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const c = col.values[i]!;
        out[i] = c < 0 ? NaN : parsed[c]!;
      }
      return { name, kind: spec.kind as "numeric" | "integer" | "datetime", values: out };
    }
    if (spec.kind === "boolean") {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const c = col.values[i]!;
        out[i] = c < 0 ? -1 : col.categories[c] === "true" ? 1 : 0;
      }
      return { name, kind: "boolean", values: out };
    }
    return { ...col, name };
  }
  // numeric / integer canonical
  if (spec.kind === "categorical") {
    const labels: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = col.values[i]!;
      labels[i] = v === v ? String(v) : null;
    }
    return categorical(name, labels);
  }
  if (spec.kind === "boolean") {
    const out = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const v = col.values[i]!;
      out[i] = v !== v ? -1 : v ? 1 : 0;
    }
    return { name, kind: "boolean", values: out };
  }
  return { name, kind: spec.kind, values: col.values as Float64Array };
}

/** A Table from columns in the given order. */
export function tableOf(columns: readonly Column[]): Table {
  return new Table(columns);
}
