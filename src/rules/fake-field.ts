/** The `fake` field: values from a faker path (see fake.ts for the source). */
import { ParamTypeError, show } from "../core/errors.js";
import { mergeOptions } from "../core/validate.js";
import { fakerSource, type FakerSource } from "./fake.js";
import { columnOfValues, impl, toMs, type Field } from "./field-core.js";


/** Options of {@link field}`.fake`. */
export interface FakeOptions {
  /** faker's locale: one of `PERSONAL_DATA_LOCALES`. @defaultValue "en" */
  locale?: string;
  /** Arguments passed to the faker function (e.g. `[{ min: 1, max: 5 }]`). @defaultValue [] */
  args?: readonly unknown[] | undefined;
  /** faker's reference date for relative dates (`date.past`, `date.birthdate`). @defaultValue 2025-01-01T00:00:00Z (fixed, so runs repeat) */
  refDate?: Date | string | number;
}

const FAKE_DEFAULTS: FakeOptions = { locale: "en", args: undefined, refDate: "2025-01-01T00:00:00Z" };

/**
 * Values from a faker path (`"person.fullName"`, `"location.city"`,
 * `"commerce.department"`; `fakerPaths()` lists them) in a locale, drawn
 * from synthlab's stream. Personal-data paths (names, emails, phones,
 * addresses, companies, ...) go through `generatePersonalData`: emails on
 * example domains, phone numbers from fiction ranges. Values are strings
 * unless a type is given for paths that return other values
 * (`fake<number>("number.int", { args: [{ min: 1, max: 5 }] })`).
 */
export function fake(path: string, options?: FakeOptions): Field<string>;
export function fake<T>(path: string, options?: FakeOptions): Field<T>;
export function fake<T>(path: string, options?: FakeOptions): Field<T> {
  const where = "field.fake";
  const o = mergeOptions(where, FAKE_DEFAULTS, options);
  if (o.args !== undefined && !Array.isArray(o.args)) throw new ParamTypeError(where, "args", o.args, `'args' must be an array of arguments, got ${show(o.args)}.`);
  const refDate = new Date(toMs(where, "refDate", o.refDate));
  const source: FakerSource = fakerSource(where, path, o.locale, o.args, refDate);
  return impl<T>({
    type: "fake",
    description: `fake(${JSON.stringify(path)}${o.locale !== "en" ? `, { locale: ${JSON.stringify(o.locale)} }` : ""})`,
    draw: ({ rng, positions }) => columnOfValues(where, path, source.draw(rng, positions.length)),
  });
}
