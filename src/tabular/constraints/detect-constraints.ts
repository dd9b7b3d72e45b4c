/**
 * detectConstraints: the constraints that hold on every real row and are
 * not trivial — exact linear rules with rounding (charges from minutes),
 * inequalities with evidence (start before end), and fixed combinations of
 * categories (city and country) — in an order a synthesizer can apply.
 * The three searches live in detect-linear.ts, detect-inequality.ts and
 * detect-combinations.ts.
 */
import { asTable, type Table, type TableInput } from "../../core/table.js";
import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { checkInteger, checkPositive, mergeOptions } from "../../core/validate.js";
import { isPiiSdtype, type ColumnMetadata, type Constraint, type ConstraintType } from "../types.js";
import { detectFixedCombinations, discreteCodes } from "./detect-combinations.js";
import { detectInequalities } from "./detect-inequality.js";
import { detectLinear } from "./detect-linear.js";

/** The constraint types {@link detectConstraints} looks for. */
export const DETECTABLE_CONSTRAINT_TYPES: readonly ConstraintType[] = ["linear", "inequality", "fixedCombinations"];

/** Options of {@link detectConstraints}. */
export interface DetectConstraintsOptions {
  /**
   * The constraint types to look for (a subset of "linear", "inequality", "fixedCombinations").
   * @defaultValue all three
   */
  types?: ConstraintType[];
  /**
   * Evidence an inequality or a fixed combination needs: the number of rows
   * expected to break it if the columns were independent (so pairs whose
   * ranges barely overlap, or rare categories, are not reported).
   * @defaultValue 10
   */
  minEvidence?: number;
  /**
   * Largest number of observed combinations in one fixedCombinations group;
   * pairs are merged into groups while the group stays within it.
   * @defaultValue 200
   */
  maxCombinations?: number;
  /**
   * Column metadata (as `detectMetadata(data).columns`): sdtypes decide what
   * each column is (ids and personal data are skipped). Without it, Table
   * kinds decide, and integer columns holding only 0 and 1 count as booleans.
   */
  columns?: Record<string, ColumnMetadata>;
}

const DEFAULTS: Required<Omit<DetectConstraintsOptions, "columns">> & { columns: Record<string, ColumnMetadata> | undefined } = {
  types: [...DETECTABLE_CONSTRAINT_TYPES],
  minEvidence: 10,
  maxCombinations: 200,
  columns: undefined,
};

/** What each column can take part in. */
export interface ColumnRoles {
  /** numeric and integer columns (linear, inequality). */
  numbers: string[];
  /** datetime columns (inequality). */
  datetimes: string[];
  /** categorical, boolean, and 0/1 integer columns (fixedCombinations). */
  discrete: string[];
}

/** Sorts the table's columns into roles (see {@link DetectConstraintsOptions.columns}). */
export function columnRoles(table: Table, meta: Record<string, ColumnMetadata> | undefined): ColumnRoles {
  const roles: ColumnRoles = { numbers: [], datetimes: [], discrete: [] };
  for (const c of table.columns) {
    const m = meta?.[c.name];
    if (m) {
      if (m.sdtype === "id" || isPiiSdtype(m.sdtype)) continue;
      if (m.sdtype === "categorical" || m.sdtype === "boolean") roles.discrete.push(c.name);
      else if (m.sdtype === "numerical" && (c.kind === "numeric" || c.kind === "integer")) roles.numbers.push(c.name);
      else if (m.sdtype === "datetime" && c.kind === "datetime") roles.datetimes.push(c.name);
      continue;
    }
    if (c.kind === "categorical" || c.kind === "boolean") roles.discrete.push(c.name);
    else if (c.kind === "datetime") roles.datetimes.push(c.name);
    else if (c.kind === "integer" && c.values.every((v) => v !== v || v === 0 || v === 1)) roles.discrete.push(c.name);
    else roles.numbers.push(c.name);
  }
  return roles;
}

/**
 * Finds the constraints that hold on every real row and are not trivial:
 *
 * - **linear** `column = round(slope × from + intercept, decimals)`: for
 *   each pair of number columns with |Pearson r| > 0.9999 (on rows where
 *   both are present), the least-squares line is rounded to "nice" values
 *   (slope and intercept with k = 0..8 decimals, intercept 0 first;
 *   `decimals` those of the column's real values) and the first that
 *   reproduces every row exactly is reported. The target is the column with
 *   more decimals (or fewer distinct values: the rounded one); no column is
 *   the target of two rules, and there are no cycles.
 * - **inequality** `low <= high` (strict when no row is equal): pairs of
 *   number or datetime columns that hold on every row where both are
 *   present, with evidence (the violations expected if the columns were
 *   independent, n × P(X_low > X_high), at least `minEvidence`); linear
 *   targets are left out, and inequalities implied by others (a <= b <= c
 *   implies a <= c) are dropped.
 * - **fixedCombinations**: pairs of categorical / boolean columns where a
 *   combination expected at least `minEvidence` times under independence
 *   never occurs, merged into groups while a group has at most
 *   `maxCombinations` observed combinations.
 *
 * The list is in an order a synthesizer can apply (transform in order,
 * reverse backwards): linear rules first (a rule whose `from` is another's
 * target before that one), then inequalities (one whose `lowColumn` is
 * another's `highColumn` first), then fixed combinations.
 *
 * @param data - the real table (a Table, a danfo DataFrame or records)
 * @param options - see {@link DetectConstraintsOptions}
 * @returns the constraints, ready for a synthesizer's `constraints` option
 * @throws ParamError for an unknown option or type, or a bad minEvidence / maxCombinations
 * @example
 * const rows = Array.from({ length: 200 }, (_, i) => ({ minutes: (i * 37) % 301 / 10, city: ["Oslo", "Bergen", "Lyon", "Nice"][i % 4], country: i % 4 < 2 ? "NO" : "FR" }));
 * const data = rows.map((r) => ({ ...r, charge: Math.round(0.17 * r.minutes * 100) / 100 }));
 * detectConstraints(data); // => [{ type: "linear", column: "charge", from: "minutes", slope: 0.17, intercept: 0, decimals: 2 }, { type: "fixedCombinations", columns: ["city", "country"] }]
 */
export function detectConstraints(data: TableInput | Table, options: DetectConstraintsOptions = {}): Constraint[] {
  const where = "detectConstraints";
  const table = asTable(data, where);
  const opts = mergeOptions(where, DEFAULTS, options);
  if (!Array.isArray(opts.types)) throw new ParamTypeError(where, "types", opts.types, `'types' must be an array of constraint types, got ${show(opts.types)}.`);
  for (const t of opts.types) {
    if (!DETECTABLE_CONSTRAINT_TYPES.includes(t)) {
      throw new ParamError(where, "types", t, `cannot detect constraint type ${show(t)}; detectable types: ${DETECTABLE_CONSTRAINT_TYPES.join(", ")}.`);
    }
  }
  const minEvidence = checkPositive(where, "minEvidence", opts.minEvidence);
  const maxCombinations = checkInteger(where, "maxCombinations", opts.maxCombinations, 2);
  if (opts.columns !== undefined && (opts.columns === null || typeof opts.columns !== "object")) {
    throw new ParamTypeError(where, "columns", opts.columns, `'columns' must be column metadata { name: { sdtype, ... } }, got ${show(opts.columns)}.`);
  }
  const roles = columnRoles(table, opts.columns);
  const out: Constraint[] = [];
  const linear = opts.types.includes("linear") ? detectLinear(table, roles.numbers) : [];
  out.push(...linear);
  if (opts.types.includes("inequality")) {
    const targets = new Set(linear.map((c) => c.column));
    out.push(...detectInequalities(table, [roles.numbers.filter((n) => !targets.has(n)), roles.datetimes], minEvidence));
  }
  if (opts.types.includes("fixedCombinations")) {
    const codes = roles.discrete.map((n) => discreteCodes(table.columnInfo(n)));
    out.push(...detectFixedCombinations(table.nRows, codes, minEvidence, maxCombinations));
  }
  return out;
}
