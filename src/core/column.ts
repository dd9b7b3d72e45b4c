/**
 * Columns of a {@link Table}: typed arrays with an explicit encoding of
 * missing values, so hot loops never touch JS objects.
 *
 * | kind          | storage                                  | missing |
 * |---------------|------------------------------------------|---------|
 * | `numeric`     | `Float64Array`                           | `NaN`   |
 * | `integer`     | `Float64Array` of whole numbers          | `NaN`   |
 * | `boolean`     | `Int8Array` of 0 / 1                     | `-1`    |
 * | `categorical` | `Int32Array` codes into `categories`     | `-1`    |
 * | `datetime`    | `Float64Array` of epoch milliseconds     | `NaN`   |
 */
export type ColumnKind = "numeric" | "integer" | "boolean" | "categorical" | "datetime";

export const COLUMN_KINDS: readonly ColumnKind[] = ["numeric", "integer", "boolean", "categorical", "datetime"];

export type Column =
  | { readonly name: string; readonly kind: "numeric" | "integer" | "datetime"; readonly values: Float64Array }
  | { readonly name: string; readonly kind: "boolean"; readonly values: Int8Array }
  | { readonly name: string; readonly kind: "categorical"; readonly values: Int32Array; readonly categories: readonly string[] };

/** A cell as a plain JS value: number, string, boolean, Date, or null when missing. */
export type Cell = number | string | boolean | Date | null;

/** True when row `i` of the column is missing. */
export function isMissing(col: Column, i: number): boolean {
  const v = col.values[i]!;
  return col.kind === "boolean" || col.kind === "categorical" ? v < 0 : v !== v;
}

/** Row `i` of the column as a plain value (null when missing). */
export function cellAt(col: Column, i: number): Cell {
  switch (col.kind) {
    case "numeric":
    case "integer": {
      const v = col.values[i]!;
      return v === v ? v : null;
    }
    case "datetime": {
      const v = col.values[i]!;
      return v === v ? new Date(v) : null;
    }
    case "boolean": {
      const v = col.values[i]!;
      return v < 0 ? null : v === 1;
    }
    case "categorical": {
      const v = col.values[i]!;
      return v < 0 ? null : col.categories[v]!;
    }
    default:
      return assertNever(col);
  }
}

/** Count of missing cells. */
export function missingCount(col: Column): number {
  let n = 0;
  for (let i = 0; i < col.values.length; i++) if (isMissing(col, i)) n++;
  return n;
}

/** A new column holding rows `idx` of `col`, in that order. */
export function takeRows(col: Column, idx: ArrayLike<number>): Column {
  const n = idx.length;
  switch (col.kind) {
    case "boolean": {
      const v = new Int8Array(n);
      for (let i = 0; i < n; i++) v[i] = col.values[idx[i]!]!;
      return { name: col.name, kind: col.kind, values: v };
    }
    case "categorical": {
      const v = new Int32Array(n);
      for (let i = 0; i < n; i++) v[i] = col.values[idx[i]!]!;
      return { name: col.name, kind: col.kind, values: v, categories: col.categories };
    }
    default: {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = col.values[idx[i]!]!;
      return { name: col.name, kind: col.kind, values: v };
    }
  }
}

export function assertNever(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
