/**
 * The value sources of a rule-based spec, gathered as {@link field}:
 * numbers (numbers.ts), choices (choices.ts), dates (dates.ts), ids
 * (ids.ts), faker values (fake-field.ts) and `derive` (here). Checks happen
 * when a field is made, so a bad spec fails where it is written.
 */
import { ParamTypeError, show } from "../core/errors.js";
import type { Rng } from "../random/rng.js";
import { boolean, choice, constant } from "./choices.js";
import { date, datetime } from "./dates.js";
import { fake } from "./fake-field.js";
import { impl, type Field, type RuleRow } from "./field-core.js";
import { pattern, sequence, uuid } from "./ids.js";
import { distribution, integers, type NumberFieldOptions } from "./numbers.js";

export { columnOfValues, fieldImpl, type DrawContext, type DrawnColumn, type Field, type FieldImpl, type FieldType, type FieldValue, type RuleRow } from "./field-core.js";
export type { NumberFieldOptions } from "./numbers.js";
export type { ChoiceOptions } from "./choices.js";
export type { DateUnit, DatetimeOptions } from "./dates.js";
export type { PatternOptions, SequenceOptions } from "./ids.js";
export type { FakeOptions } from "./fake-field.js";

// ------------------------------------------------------------ derive

/**
 * A column computed from the row so far (the columns before it in the spec)
 * and the column's own random stream: `derive((row, rng) => ...)`. Type the
 * row to read it: `field.derive((row: { age: number }) => row.age * 1000)`,
 * or add derived columns with `rules(...).derive(name, fn)`, whose row is typed.
 */
function derive<V, R extends object = RuleRow>(fn: (row: R, rng: Rng) => V): Field<V> {
  if (typeof fn !== "function") throw new ParamTypeError("field.derive", "fn", fn, `'fn' must be a function (row, rng) => value, got ${show(fn)}.`);
  return impl<V>({ type: "derive", description: "derive(fn)", derive: fn as unknown as (row: RuleRow, rng: Rng) => unknown });
}

/**
 * The value sources of a {@link rules} spec.
 *
 * - `integers(low, high)`: integers with both ends included (`random.randint`).
 * - `distribution(name, params, { decimals, clip })`: any registry distribution by name (`"normal"`, `"lognormal"`, `"poisson"`, ...).
 * - `uniform(low, high, options)`, `normal(loc, scale, options)`: shorthands of `distribution`.
 * - `choice(values, { p })`: one of the values, with weights.
 * - `boolean(p)`: true with probability p.
 * - `constant(value)`.
 * - `date(start, end)`, `datetime(start, end, { unit })`: dates and times in a range, both ends included.
 * - `sequence({ start, step, prefix, suffix, width })`: row numbers or ids such as `"C-000042"`.
 * - `uuid()`: random UUIDs; `pattern("ORD-####", { unique })`: strings of a shape.
 * - `fake(path, { locale, args })`: faker values (`"person.fullName"`, `"internet.email"`, ...).
 * - `derive((row, rng) => value)`: a value computed from the columns before it.
 *
 * @example
 * const g = rules({
 *   age: field.integers(18, 70),
 *   plan: field.choice(["basic", "pro"], { p: [3, 1] }),
 *   joined: field.date("2020-01-01", "2024-12-31"),
 *   id: field.pattern("ORD-####", { unique: true }),
 * });
 * g.sample(3, { seed: 1 }).columnNames; // => ["age", "plan", "joined", "id"]
 */
export const field = {
  integers,
  distribution,
  uniform: (low: number, high: number, options?: NumberFieldOptions): Field<number> => distribution("uniform", { low, high }, options),
  normal: (loc: number, scale: number, options?: NumberFieldOptions): Field<number> => distribution("normal", { loc, scale }, options),
  choice,
  boolean,
  constant,
  date,
  datetime,
  sequence,
  uuid,
  pattern,
  fake,
  derive,
};
