/**
 * Checks a constraint spec written by hand (notebook code is often untyped):
 * the type, the required and optional keys, and each key's type and value.
 */
import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { CONSTRAINT_TYPES, type Constraint, type ConstraintType } from "../types.js";
import { q } from "./shared.js";

type FieldKind = "column" | "columns" | "number" | "positive" | "decimals" | "boolean";

interface SpecSchema {
  required: Record<string, FieldKind>;
  optional: Record<string, FieldKind>;
}

/** The keys of each constraint type, with what each holds. */
export const CONSTRAINT_SCHEMAS = {
  inequality: { required: { lowColumn: "column", highColumn: "column" }, optional: { strict: "boolean" } },
  fixedCombinations: { required: { columns: "columns" }, optional: {} },
  range: { required: { lowColumn: "column", middleColumn: "column", highColumn: "column" }, optional: { strict: "boolean" } },
  scalarRange: { required: { column: "column", low: "number", high: "number" }, optional: { strict: "boolean" } },
  positive: { required: { column: "column" }, optional: { strict: "boolean" } },
  negative: { required: { column: "column" }, optional: { strict: "boolean" } },
  fixedIncrements: { required: { column: "column", increment: "positive" }, optional: {} },
  linear: {
    required: { column: "column", from: "column", slope: "number", intercept: "number", decimals: "decimals" },
    optional: {},
  },
} satisfies Record<ConstraintType, SpecSchema>;

const EXPECTED: Record<FieldKind, string> = {
  column: "a column name (a non-empty string)",
  columns: "an array of at least 2 distinct column names",
  number: "a finite number",
  positive: "a finite number > 0",
  decimals: "an integer in [0, 15]",
  boolean: "true or false",
};

function checkField(where: string, type: string, key: string, kind: FieldKind, v: unknown): unknown {
  const typeError = () => new ParamTypeError(where, key, v, `${type} constraint: '${key}' must be ${EXPECTED[kind]}, got ${show(v)}.`);
  const valueError = () => new ParamError(where, key, v, `${type} constraint: '${key}' must be ${EXPECTED[kind]}, got ${show(v)}.`);
  switch (kind) {
    case "column":
      if (typeof v !== "string") throw typeError();
      if (v === "") throw valueError();
      return v;
    case "columns": {
      if (!Array.isArray(v) || !v.every((c) => typeof c === "string")) throw typeError();
      if (v.length < 2 || new Set(v).size !== v.length || v.includes("")) throw valueError();
      return [...v];
    }
    case "number":
    case "positive":
    case "decimals":
      if (typeof v !== "number") throw typeError();
      if (!Number.isFinite(v) || (kind === "positive" && v <= 0) || (kind === "decimals" && (!Number.isInteger(v) || v < 0 || v > 15))) {
        throw valueError();
      }
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw typeError();
      return v;
  }
}

/**
 * Checks a constraint spec and returns a clean copy: the type is one of
 * `CONSTRAINT_TYPES`, every required key is there, no unknown key, each value
 * of the right type, and the keys agree with each other (distinct columns,
 * `low < high`).
 *
 * @param spec - the spec as the user wrote it
 * @param where - the caller, for the message (e.g. `"createSynthesizer: constraints[2]"`)
 * @returns the spec, copied (optional keys kept only when given)
 * @throws ParamError for an unknown type (listing `CONSTRAINT_TYPES`), a missing or unknown key (listing the valid ones) or a bad value; ParamTypeError for a value of the wrong type
 * @example
 * checkConstraintSpec({ type: "positive", column: "age" }, "example"); // => { type: "positive", column: "age" }
 * const message = (() => { try { checkConstraintSpec({ type: "positive", colum: "age" }, "example"); } catch (e) { return (e as Error).message; } })();
 * message; // => "example: positive constraint: unknown key 'colum' (keys: type, column; optional: strict)."
 */
export function checkConstraintSpec(spec: unknown, where: string): Constraint {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new ParamTypeError(where, "constraint", spec, `a constraint must be an object such as { type: "positive", column: "x" }, got ${show(spec)}.`);
  }
  const s = spec as Record<string, unknown>;
  const type = s.type;
  if (typeof type !== "string" || !(CONSTRAINT_TYPES as readonly string[]).includes(type)) {
    throw new ParamError(where, "type", type, `unknown constraint type ${show(type)}. Types: ${CONSTRAINT_TYPES.join(", ")}.`);
  }
  const schema: SpecSchema = CONSTRAINT_SCHEMAS[type as ConstraintType];
  const keys = ["type", ...Object.keys(schema.required)];
  const optional = Object.keys(schema.optional);
  const keyList = `keys: ${keys.join(", ")}${optional.length ? `; optional: ${optional.join(", ")}` : ""}`;
  for (const k of Object.keys(s)) {
    if (!keys.includes(k) && !optional.includes(k)) {
      throw new ParamError(where, k, s[k], `${type} constraint: unknown key '${k}' (${keyList}).`);
    }
  }
  const out: Record<string, unknown> = { type };
  for (const [k, kind] of Object.entries(schema.required)) {
    if (s[k] === undefined) throw new ParamError(where, k, undefined, `${type} constraint: missing '${k}' (${keyList}).`);
    out[k] = checkField(where, type, k, kind, s[k]);
  }
  for (const [k, kind] of Object.entries(schema.optional)) {
    if (s[k] !== undefined) out[k] = checkField(where, type, k, kind, s[k]);
  }
  const c = out as Constraint;
  const distinct = (names: string[], what: string) => {
    if (new Set(names).size !== names.length) {
      throw new ParamError(where, what, names, `${type} constraint: ${what} must name different columns, got ${names.map(q).join(", ")}.`);
    }
  };
  if (c.type === "inequality") distinct([c.lowColumn, c.highColumn], "'lowColumn' and 'highColumn'");
  if (c.type === "range") distinct([c.lowColumn, c.middleColumn, c.highColumn], "'lowColumn', 'middleColumn' and 'highColumn'");
  if (c.type === "linear") distinct([c.column, c.from], "'column' and 'from'");
  if (c.type === "scalarRange" && !(c.low < c.high)) {
    throw new ParamError(where, "low", c.low, `scalarRange constraint: 'low' (${c.low}) must be < 'high' (${c.high}).`);
  }
  return c;
}
