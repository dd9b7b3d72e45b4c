/**
 * A {@link Table} as text for a terminal or a script's output, laid out as
 * pandas' `DataFrame` repr. Only the rows and columns shown are formatted,
 * so printing a table of millions of rows costs no more than a small one.
 */
import { cellAt, type Column } from "./column.js";
import { ParamError, show } from "./errors.js";
import { checkInteger, mergeOptions } from "./validate.js";

/** Options of {@link Table.toString}. */
export interface TableStringOptions {
  /**
   * Rows shown. A longer table shows its first `ceil(maxRows / 2)` and last
   * `floor(maxRows / 2)` rows with a `...` row between (pandas'
   * `display.min_rows`); `Infinity` shows every row.
   * @defaultValue 10
   */
  maxRows?: number;
  /**
   * Characters per line. When the columns would be wider, the first and last
   * columns that fit are shown with a `...` column between (always at least
   * the first and the last).
   * @defaultValue 120
   */
  maxWidth?: number;
  /**
   * Characters of a text cell; longer ones end in `...` (pandas' `display.max_colwidth`).
   * @defaultValue 50
   */
  maxColWidth?: number;
  /**
   * Decimals of numeric (float) columns, trimmed of the trailing zeros every shown value has (pandas' `display.precision`).
   * @defaultValue 6
   */
  precision?: number;
}

const TEXT_DEFAULTS: Required<TableStringOptions> = { maxRows: 10, maxWidth: 120, maxColWidth: 50, precision: 6 };

const WHERE = "Table.toString";

/** The text of {@link Table.toString}. */
export function tableToString(columns: readonly Column[], nRows: number, options?: TableStringOptions): string {
  const o = mergeOptions(WHERE, TEXT_DEFAULTS, options);
  if (o.maxRows !== Infinity) checkInteger(WHERE, "maxRows", o.maxRows, 1);
  checkInteger(WHERE, "maxWidth", o.maxWidth, 1);
  checkInteger(WHERE, "maxColWidth", o.maxColWidth, 4);
  checkInteger(WHERE, "precision", o.precision, 0);
  if (o.precision > 20) throw new ParamError(WHERE, "precision", o.precision, `'precision' must be <= 20, got ${show(o.precision)}.`);
  const dims = `[${nRows} rows x ${columns.length} columns]`;
  if (columns.length === 0) return `Empty Table\n\n${dims}`;

  const cut = nRows > o.maxRows;
  const head = cut ? Math.ceil(o.maxRows / 2) : nRows;
  const rows: number[] = [];
  for (let i = 0; i < head; i++) rows.push(i);
  if (cut) for (let i = nRows - Math.floor(o.maxRows / 2); i < nRows; i++) rows.push(i);
  const at = (cells: string[]): string[] => (cut ? [...cells.slice(0, head), "...", ...cells.slice(head)] : cells);

  const index = at(rows.map(String));
  const indexWidth = index.reduce((w, s) => Math.max(w, s.length), 0);
  const cols = columns.map((c) => {
    const name = escapeControl(c.name);
    const cells = at(formatColumn(c, rows, o));
    return { name, cells, width: cells.reduce((w, s) => Math.max(w, s.length), name.length) };
  });

  // columns shown: all when they fit, else first and last ones alternately while they fit
  const all = indexWidth + cols.reduce((a, c) => a + 2 + c.width, 0);
  let shown: (typeof cols)[number][];
  if (all <= o.maxWidth || cols.length <= 2) shown = cols;
  else {
    const left = [cols[0]!];
    const right = [cols[cols.length - 1]!];
    let used = indexWidth + 2 + 3 + 2 + left[0]!.width + 2 + right[0]!.width;
    for (let l = 1, r = cols.length - 2, fromLeft = true; l <= r; fromLeft = !fromLeft) {
      const c = cols[fromLeft ? l : r]!;
      if (used + 2 + c.width > o.maxWidth) break;
      used += 2 + c.width;
      if (fromLeft) left.push(cols[l++]!);
      else right.unshift(cols[r--]!);
    }
    const gap = { name: "...", cells: index.map(() => "..."), width: 3 };
    shown = [...left, gap, ...right];
  }

  const lines = [" ".repeat(indexWidth) + shown.map((c) => "  " + c.name.padStart(c.width)).join("")];
  for (let r = 0; r < index.length; r++) {
    lines.push(index[r]!.padEnd(indexWidth) + shown.map((c) => "  " + c.cells[r]!.padStart(c.width)).join(""));
  }
  return `${lines.join("\n")}\n\n${dims}`;
}

/** The shown cells of a column: pandas' text for each kind (NaN, NaT and None for missing). */
function formatColumn(c: Column, rows: readonly number[], o: Required<TableStringOptions>): string[] {
  switch (c.kind) {
    case "numeric":
      return formatFloats(rows.map((i) => c.values[i]!), o.precision);
    case "integer":
      return rows.map((i) => {
        const v = c.values[i]!;
        return v !== v ? "NaN" : v === Infinity ? "inf" : v === -Infinity ? "-inf" : String(v);
      });
    case "boolean":
      return rows.map((i) => (c.values[i]! < 0 ? "None" : c.values[i] ? "True" : "False"));
    case "categorical":
      return rows.map((i) => {
        const v = cellAt(c, i) as string | null;
        if (v === null) return "None";
        const s = escapeControl(v);
        return s.length > o.maxColWidth ? s.slice(0, o.maxColWidth - 3) + "..." : s;
      });
    case "datetime": {
      const iso = rows.map((i) => (c.values[i] === c.values[i] ? new Date(c.values[i]!).toISOString() : null));
      const dateOnly = iso.every((s) => s === null || s.endsWith("T00:00:00.000Z"));
      const withMs = iso.some((s) => s !== null && !s.endsWith(".000Z"));
      return iso.map((s) => (s === null ? "NaT" : dateOnly ? s.slice(0, -14) : s.slice(0, withMs ? -1 : -5).replace("T", " ")));
    }
  }
}

/**
 * Floats as pandas shows a float column: `precision` decimals, with the
 * trailing zeros every value has trimmed (keeping one decimal); scientific
 * notation for the whole column when a value is above 1e6 or below
 * 10^-precision in size.
 */
function formatFloats(values: readonly number[], precision: number): string[] {
  const finite = values.filter((v) => Number.isFinite(v));
  const sci = finite.some((v) => Math.abs(v) > 1e6 || (v !== 0 && Math.abs(v) < 10 ** -precision));
  const strs = values.map((v) =>
    v !== v
      ? "NaN"
      : v === Infinity
        ? "inf"
        : v === -Infinity
          ? "-inf"
          : sci
            ? v.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2")
            : v.toFixed(precision),
  );
  // trim trailing zeros of the mantissa equally across the column, keeping one decimal
  const num = sci ? /^-?\d\.\d+(?=e)/ : /^-?\d+\.\d+$/;
  const mantissa = strs.map((s) => num.exec(s)?.[0] ?? null);
  let trim = 0;
  const present = mantissa.filter((m): m is string => m !== null);
  if (present.length) {
    const maxTrim = Math.min(...present.map((m) => m.length - m.indexOf(".") - 2));
    while (trim < maxTrim && present.every((m) => m[m.length - 1 - trim] === "0")) trim++;
  }
  return strs.map((s, i) => (mantissa[i] === null || trim === 0 ? s : mantissa[i]!.slice(0, -trim) + s.slice(mantissa[i]!.length)));
}

/** Newlines, tabs and other control characters written as escapes, so each row stays on its line. */
function escapeControl(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, (ch) =>
    ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : ch === "\r" ? "\\r" : `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}
