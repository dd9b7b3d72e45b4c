import { join } from "node:path";
import { ParamError, show } from "../core/errors.js";
import type { Table } from "../core/table.js";
import { readCsv } from "./csv-file.js";
import { DATA_DIR } from "./paths.js";

/** The bundled mixed-type tables (see src/data/tables.rst for their provenance). */
export const TABLE_NAMES = ["mlc_churn", "wa_churn", "ames"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const cache = new Map<TableName, Table>();

/**
 * Loads a mixed-type table shipped with synthlab, as a {@link Table} read
 * from its CSV (kinds inferred, empty fields missing):
 * - `"mlc_churn"`: seed 002's telecom churn table, 5,000 × 20 (categories,
 *   yes/no flags, integers, decimals; each charge = minutes × a rate, rounded to cents);
 * - `"wa_churn"`: IBM's telco churn, 7,043 × 20, with 11 missing `total_charges`;
 * - `"ames"`: Ames house sales, 2,930 × 74, a wide mixed table.
 * All from R's modeldata 1.1.0 (MIT).
 *
 * @example
 * loadTable("mlc_churn").shape; // => [5000, 20]
 */
export function loadTable(name: TableName): Table {
  if (!(TABLE_NAMES as readonly string[]).includes(name)) {
    throw new ParamError("loadTable", "name", name, `unknown table ${show(name)}. Known: ${TABLE_NAMES.join(", ")}.`);
  }
  let t = cache.get(name);
  if (!t) {
    t = readCsv(join(DATA_DIR, `${name}.csv.gz`));
    cache.set(name, t);
  }
  return t;
}
