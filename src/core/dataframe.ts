import { createRequire } from "node:module";
import type { Column } from "./column.js";
import { cellAt } from "./column.js";
import { columnFromValues } from "./column-build.js";
import { ParamTypeError, show } from "./errors.js";

/**
 * The structural part of a danfo DataFrame that synthlab reads. danfo is
 * loaded lazily (it takes about a second), only when a conversion needs it.
 */
export interface DataFrameLike {
  readonly columns: string[];
  readonly dtypes: string[];
  column(name: string): { values: unknown[] };
}

let danfo: { DataFrame: new (data: Record<string, unknown[]>, options?: Record<string, unknown>) => DataFrameLike } | undefined;

/** danfojs-node, loaded on first use. */
export function loadDanfo(): NonNullable<typeof danfo> {
  if (!danfo) {
    const require = createRequire(import.meta.url);
    danfo = require("danfojs-node") as NonNullable<typeof danfo>;
  }
  return danfo;
}

/** True for a danfo DataFrame (or anything shaped like one). */
export function isDataFrameLike(x: unknown): x is DataFrameLike {
  return (
    typeof x === "object" &&
    x !== null &&
    Array.isArray((x as DataFrameLike).columns) &&
    Array.isArray((x as DataFrameLike).dtypes) &&
    typeof (x as DataFrameLike).column === "function"
  );
}

const DANFO_DTYPE = { numeric: "float32", integer: "int32", boolean: "boolean", categorical: "string", datetime: "string" } as const;

/** Columns to a danfo DataFrame: numbers as float32/int32 columns, missing as NaN/null, datetimes as Date. */
export function columnsToDataFrame(columns: readonly Column[], nRows: number): DataFrameLike {
  const { DataFrame } = loadDanfo();
  const data: Record<string, unknown[]> = {};
  const dtypes: string[] = [];
  for (const c of columns) {
    data[c.name] =
      c.kind === "numeric"
        ? Array.from(c.values)
        : Array.from({ length: nRows }, (_, i) => cellAt(c, i));
    dtypes.push(DANFO_DTYPE[c.kind]);
  }
  return new DataFrame(data, columns.length ? { dtypes } : {});
}

/** A danfo DataFrame's columns, kinds from its dtypes (float → numeric, int → integer, bool, string → categorical). */
export function dataFrameToColumns(df: unknown, where = "fromDataFrame"): Column[] {
  if (!isDataFrameLike(df)) throw new ParamTypeError(where, "data", df, `expected a danfo DataFrame, got ${show(df)}.`);
  return df.columns.map((name, j) => {
    const values = df.column(name).values;
    const dtype = df.dtypes[j] ?? "";
    const kind = values.some((v) => v instanceof Date)
      ? "datetime"
      : dtype.startsWith("float")
      ? "numeric"
      : dtype.startsWith("int")
        ? "integer"
        : dtype === "boolean"
          ? "boolean"
          : "categorical";
    return columnFromValues(where, name, values, kind);
  });
}
