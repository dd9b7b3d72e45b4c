/**
 * Shared vocabulary of the tabular layer ("tables in, tables out"): column
 * semantic types (SDV's sdtypes), per-column metadata, and constraint specs.
 * Types only; the behaviour lives beside them (metadata.ts,
 * detect-metadata.ts, transformer.ts, constraints/, synthesizers/).
 */

/** Personal-data kinds: never copied from the real rows, generated instead. */
export const PII_SDTYPES = [
  "email",
  "name",
  "firstName",
  "lastName",
  "phone",
  "address",
  "city",
  "postcode",
  "ssn",
  "creditCard",
  "ipAddress",
  "url",
  "company",
  "username",
] as const;

export type PiiSdtype = (typeof PII_SDTYPES)[number];

/** Semantic type of a column: what it means, not how it is stored. */
export type Sdtype = "numerical" | "categorical" | "boolean" | "datetime" | "id" | PiiSdtype;

export const SDTYPES: readonly Sdtype[] = ["numerical", "categorical", "boolean", "datetime", "id", ...PII_SDTYPES];

/** True for a personal-data sdtype. */
export function isPiiSdtype(s: string): s is PiiSdtype {
  return (PII_SDTYPES as readonly string[]).includes(s);
}

/**
 * What the synthesizers need to know of one column. Every field but `sdtype`
 * is optional: absent fields are learned from the data at fit time.
 */
export interface ColumnMetadata {
  sdtype: Sdtype;
  /** numerical: whole numbers or not. */
  representation?: "integer" | "decimal";
  /** numerical decimals: digits after the point in the real data (0 for integers). */
  decimals?: number;
  /** numerical / datetime (epoch ms): smallest real value. */
  min?: number;
  /** numerical / datetime (epoch ms): largest real value. */
  max?: number;
  /**
   * datetime stored as text: its strftime format (`"%Y-%m-%d"`, `"%d/%m/%Y %H:%M"`, ...), so
   * synthetic values are written back the same way.
   */
  datetimeFormat?: string;
  /** datetime stored as numbers: seconds or milliseconds since 1970-01-01 UTC. */
  epochUnit?: "s" | "ms";
  /** id: how new keys are written (`prefix` + zero-padded number of `width` digits + `suffix`); numbers when absent. */
  idFormat?: { prefix: string; width: number; suffix: string };
  /** personal data: the faker locale of generated values. @defaultValue "en" */
  locale?: string;
}

/** Constraints, SDV's in camelCase (see API.md). */
export type Constraint =
  | { type: "inequality"; lowColumn: string; highColumn: string; strict?: boolean }
  | { type: "fixedCombinations"; columns: string[] }
  | { type: "range"; lowColumn: string; middleColumn: string; highColumn: string; strict?: boolean }
  | { type: "scalarRange"; column: string; low: number; high: number; strict?: boolean }
  | { type: "positive"; column: string; strict?: boolean }
  | { type: "negative"; column: string; strict?: boolean }
  | { type: "fixedIncrements"; column: string; increment: number }
  | { type: "linear"; column: string; from: string; slope: number; intercept: number; decimals: number };

export type ConstraintType = Constraint["type"];

export const CONSTRAINT_TYPES: readonly ConstraintType[] = [
  "inequality",
  "fixedCombinations",
  "range",
  "scalarRange",
  "positive",
  "negative",
  "fixedIncrements",
  "linear",
];
