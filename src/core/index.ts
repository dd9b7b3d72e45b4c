export { DataError, isSynthlabError, ParamError, ParamTypeError, type SynthlabErrorFields } from "./errors.js";
export { type Cell, type Column, type ColumnKind } from "./column.js";
export { DEFAULT_NA_VALUES } from "./column-build.js";
export { type CsvReadOptions, type CsvWriteOptions } from "./csv.js";
export { type DataFrameLike } from "./dataframe.js";
export { escapeHtml } from "./html.js";
export { asTable, formatNumber, Table, type TableHTMLOptions, type TableInput, type TableRecord } from "./table.js";
export { fromRowMajor, matrixRows, toRowMajor } from "./matrix.js";
export { Matrix } from "ml-matrix";
