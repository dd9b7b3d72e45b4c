/**
 * Personal data for the columns synthesizers never learn from: emails, names,
 * phones, addresses, ... are drawn fresh with faker, never copied from the
 * real rows. Faker runs on synthlab's seeded {@link Rng} through a custom
 * faker `Randomizer` (never `Math.random`, never faker's global instance), so
 * the same generator state gives the same values.
 *
 * Values that could reach a real person are drawn from ranges reserved for
 * examples and fiction:
 * - email: on `example.com`, `example.org` or `example.net`, the second-level
 *   domains RFC 2606 reserves for documentation; no mailbox exists there.
 * - phone: numbers reserved for fiction. `en`: the NANP range 555-0100 to
 *   555-0199, which NANPA keeps out of service in every area code. `en_GB`:
 *   Ofcom's drama numbers (07700 900xxx, 020 7946 0xxx, 01632 960xxx).
 *   `en_AU`: ACMA's fictitious geographic numbers ((0X) 5550 xxxx and
 *   (0X) 7010 xxxx). For the other locales we know of no published national
 *   fiction range we could verify, so they get the NANP fictional numbers in
 *   international form (`+1 415-555-0142`): safe, but not of the locale's
 *   country.
 * - ssn: US-shaped `9AA-GG-SSSS` in the 900-999 area, which the SSA has never
 *   issued as a Social Security number, with the group in 01-49, outside the
 *   IRS's ITIN (50-65, 70-88, 90-92, 94-99) and ATIN (93) groups.
 * - creditCard: Luhn-valid numbers whose first six digits (BIN) are those of
 *   the issuers' widely published test cards (4111 11, 4242 42, 5555 55,
 *   2223 00, 3782 82, 6011 11); faker 10 has no test-range option (its issuers
 *   draw over live prefixes), so we pass these formats to faker's
 *   `finance.creditCardNumber`, which fills the digits and the Luhn check.
 * - ipAddress: IPv4 in 10.0.0.0/8 (RFC 1918 private), never routed on the
 *   public internet, so never a person's public address.
 * - url: `https://<word>.example.<com|org|net>`, under the RFC 2606 names.
 * Names, usernames, street addresses, cities, postcodes and companies are
 * faker's locale data: invented combinations that may still coincide with a
 * real one. `exclude` (a {@link RealValueFilter}) makes sure they never
 * coincide with a value of the real column.
 *
 * Locales are loaded on first use with a synchronous `require` of faker's
 * per-locale entry point (Node >= 20.19 requires ES modules synchronously):
 * importing this module costs nothing, the first `en` call ~40 ms, another
 * locale ~10-25 ms more, and there is no top-level await, so a CommonJS
 * `require` of the ESM build works.
 */
import { createRequire } from "node:module";
import type { Faker, Randomizer } from "@faker-js/faker";
import { ParamTypeError, show } from "../core/errors.js";
import { checkOneOf, checkSize, mergeOptions } from "../core/validate.js";
import { Rng } from "../random/rng.js";
import { RealValueFilter } from "./real-value-filter.js";
import { PII_SDTYPES, type PiiSdtype } from "./types.js";

export { RealValueFilter, type RealValueFilterJSON } from "./real-value-filter.js";

const requireLocale = createRequire(import.meta.url);

interface FakerEntry {
  faker: Faker;
}

/** faker's per-locale entry points, loaded on first use (string literals, so tools can see them). */
const LOCALE_LOADERS = {
  en: () => requireLocale("@faker-js/faker/locale/en") as FakerEntry,
  en_GB: () => requireLocale("@faker-js/faker/locale/en_GB") as FakerEntry,
  en_AU: () => requireLocale("@faker-js/faker/locale/en_AU") as FakerEntry,
  de: () => requireLocale("@faker-js/faker/locale/de") as FakerEntry,
  fr: () => requireLocale("@faker-js/faker/locale/fr") as FakerEntry,
  es: () => requireLocale("@faker-js/faker/locale/es") as FakerEntry,
  it: () => requireLocale("@faker-js/faker/locale/it") as FakerEntry,
  pt_BR: () => requireLocale("@faker-js/faker/locale/pt_BR") as FakerEntry,
  ja: () => requireLocale("@faker-js/faker/locale/ja") as FakerEntry,
  nl: () => requireLocale("@faker-js/faker/locale/nl") as FakerEntry,
} satisfies Record<string, () => FakerEntry>;

/** A locale {@link generatePersonalData} supports (faker's locale codes). */
export type PersonalDataLocale = keyof typeof LOCALE_LOADERS;

/**
 * The locales {@link generatePersonalData} supports (faker's codes; more are a
 * line each in `LOCALE_LOADERS`, plus a phone plan if the country publishes
 * fictional numbers).
 *
 * @example
 * PERSONAL_DATA_LOCALES.includes("pt_BR"); // => true
 */
export const PERSONAL_DATA_LOCALES = Object.keys(LOCALE_LOADERS) as readonly PersonalDataLocale[];

/** Options of {@link generatePersonalData}. */
export interface PersonalDataOptions {
  /**
   * The faker locale: one of {@link PERSONAL_DATA_LOCALES}.
   * @defaultValue "en"
   */
  locale?: string;
  /**
   * The real column's filter: a value whose hash it holds is drawn again (up
   * to 25 times), then given a random suffix digit (before the `@` of an
   * email, after the host word of a url) until it is new.
   * @defaultValue undefined (no filter)
   */
  exclude?: RealValueFilter | undefined;
}

const DEFAULTS: PersonalDataOptions = { locale: "en", exclude: undefined };

/** Redraws of a value found in the filter before a suffix digit is added. */
const MAX_REDRAWS = 25;

const EXAMPLE_DOMAINS = ["example.com", "example.org", "example.net"] as const;
const EXAMPLE_TLDS = ["com", "org", "net"] as const;

/** Issuers' published test cards' BINs as faker credit-card formats (`#` a digit, `L` the Luhn check). */
const TEST_CARD_FORMATS = [
  "411111#########L", // Visa, 4111 1111 1111 1111
  "424242#########L", // Visa, 4242 4242 4242 4242
  "555555#########L", // Mastercard, 5555 5555 5555 4444
  "222300#########L", // Mastercard 2-series, 2223 0031 2200 3222
  "378282########L", // American Express (15 digits), 3782 822463 10005
  "601111#########L", // Discover, 6011 1111 1111 1117
] as const;

// ------------------------------------------------------------ the randomizer

/** The Rng faker reads while {@link generatePersonalData} runs (faker calls are synchronous). */
let current: Rng | null = null;

/** faker's source of randomness: synthlab's current Rng, 53-bit floats in [0, 1). */
const randomizer: Randomizer = {
  next(): number {
    if (current === null) throw new Error("synthlab: faker was called outside generatePersonalData, which supplies its Rng.");
    return current.random();
  },
  seed(): void {
    throw new Error("synthlab: this faker instance is driven by a synthlab Rng; seed the Rng (createRng(seed)) instead.");
  },
};

// ---------------------------------------------------------------- locales

interface LocaleState {
  readonly faker: Faker;
  readonly lastName: (sex?: Sex) => string;
  readonly fullName: () => string;
  readonly phone: (f: Faker) => string;
}

type Sex = "female" | "male";

const localeStates = new Map<PersonalDataLocale, LocaleState>();

function localeState(locale: PersonalDataLocale): LocaleState {
  let st = localeStates.get(locale);
  if (st === undefined) {
    const entry = LOCALE_LOADERS[locale]();
    const FakerClass = entry.faker.constructor as typeof Faker;
    const faker = new FakerClass({ locale: entry.faker.rawDefinitions, randomizer });
    const phone = locale === "en" ? nanpPhone : locale === "en_GB" ? ofcomPhone : locale === "en_AU" ? acmaPhone : nanpInternationalPhone;
    const lastName = compileLastName(faker);
    st = { faker, lastName, fullName: compileFullName(faker, lastName), phone };
    localeStates.set(locale, st);
  }
  return st;
}

/**
 * @internal Runs `fn` with the locale's faker instance reading `rng` (null:
 * no draws allowed, e.g. to list its functions). faker calls are
 * synchronous, so the stream is restored when `fn` returns or throws. The
 * rule-based `fake` fields share this instance and randomizer.
 */
export function withSeededFaker<T>(locale: PersonalDataLocale, rng: Rng | null, fn: (faker: Faker) => T): T {
  const st = localeState(locale);
  const previous = current;
  current = rng;
  try {
    return fn(st.faker);
  } finally {
    current = previous;
  }
}

// Fast paths for faker's person templates. faker resolves `{{person.lastName}}`-style
// templates through its expression engine (~3.5 µs for a last name, ~10 µs for a full
// name); compiled once into picks from the same locale arrays they cost ~0.3 µs and
// ~1 µs. A template we cannot compile leaves faker's own method in place.

/** A compiled template part: literal text, a locale array to pick from, or a value of the call. */
type Part<C> = string | readonly string[] | ((ctx: C) => string);

interface Template<C> {
  weight: number;
  value: Part<C>[];
}

/** Compiles weighted `{{a.b}}` templates; null when one has a token that is neither in `tokens` nor a plain string array. */
function compileTemplates<C>(f: Faker, patterns: unknown, tokens: Record<string, (ctx: C) => string>): Template<C>[] | null {
  if (!Array.isArray(patterns) || patterns.length === 0) return null;
  const out: Template<C>[] = [];
  for (const p of patterns as unknown[]) {
    const { weight, value } = (p ?? {}) as { weight?: unknown; value?: unknown };
    if (typeof weight !== "number" || typeof value !== "string") return null;
    const parts: Part<C>[] = [];
    const pieces = value.split(/\{\{([^}]+)\}\}/);
    for (let i = 0; i < pieces.length; i++) {
      const t = pieces[i]!;
      if (i % 2 === 0) {
        if (t.includes("{{")) return null;
        if (t) parts.push(t);
      } else if (Object.hasOwn(tokens, t)) {
        parts.push(tokens[t]!);
      } else {
        let node: unknown = f.rawDefinitions;
        for (const key of t.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
        if (!Array.isArray(node) || node.length === 0 || !node.every((s) => typeof s === "string" && !s.includes("{{"))) return null;
        parts.push(node as string[]);
      }
    }
    out.push({ weight, value: parts });
  }
  return out;
}

function render<C>(f: Faker, templates: readonly Template<C>[], ctx: C): string {
  const parts = templates.length === 1 ? templates[0]!.value : f.helpers.weightedArrayElement(templates);
  let s = "";
  for (const part of parts) s += typeof part === "string" ? part : typeof part === "function" ? part(ctx) : f.helpers.arrayElement(part);
  return s;
}

/** `person.lastName()`; locales whose last names depend on sex keep faker's method. */
function compileLastName(f: Faker): (sex?: Sex) => string {
  const patterns = (f.rawDefinitions.person as { last_name_pattern?: Record<string, unknown> } | undefined)?.last_name_pattern;
  const fallback = (sex?: Sex) => f.person.lastName(sex);
  if (!patterns || Object.keys(patterns).join() !== "generic") return fallback;
  const templates = compileTemplates<undefined>(f, patterns["generic"], {});
  return templates ? () => render(f, templates, undefined) : fallback;
}

/** `person.fullName()`: faker's recipe (a sex, its first name, a last name, a weighted name template) compiled. */
function compileFullName(f: Faker, lastName: (sex?: Sex) => string): () => string {
  interface Ctx {
    sex: Sex;
    first: string;
    last: string;
  }
  const templates = compileTemplates<Ctx>(f, f.rawDefinitions.person?.name, {
    "person.prefix": (c) => f.person.prefix(c.sex),
    "person.firstName": (c) => c.first,
    "person.middleName": (c) => f.person.middleName(c.sex),
    "person.lastName": (c) => c.last,
    "person.suffix": () => f.person.suffix(),
  });
  if (!templates) return () => f.person.fullName();
  return () => {
    const sex: Sex = f.number.int(1) === 0 ? "female" : "male";
    return render(f, templates, { sex, first: f.person.firstName(sex), last: lastName(sex) });
  };
}

// ----------------------------------------------------------------- phones

/** A NANP area code: [2-9][0-8][0-9], not an N11 service code. */
function areaCode(f: Faker): number {
  for (;;) {
    const a = f.number.int({ min: 200, max: 989 });
    if (a % 100 >= 90 || a % 100 === 11) continue;
    return a;
  }
}

const pad = (x: number, width: number) => String(x).padStart(width, "0");

/** NANP fiction range: `(AAA) 555-01XX`. */
function nanpPhone(f: Faker): string {
  return `(${areaCode(f)}) 555-01${pad(f.number.int(99), 2)}`;
}

/** NANP fiction range in international form: `+1 AAA-555-01XX`. */
function nanpInternationalPhone(f: Faker): string {
  return `+1 ${areaCode(f)}-555-01${pad(f.number.int(99), 2)}`;
}

/** Ofcom's numbers for drama: mobile 07700 900xxx, London 020 7946 0xxx, fictional area 01632 960xxx. */
function ofcomPhone(f: Faker): string {
  const x = pad(f.number.int(999), 3);
  switch (f.number.int(2)) {
    case 0:
      return `07700 900${x}`;
    case 1:
      return `020 7946 0${x}`;
    default:
      return `01632 960${x}`;
  }
}

/** ACMA's fictitious geographic numbers: (0X) 5550 xxxx and (0X) 7010 xxxx, X in 2, 3, 7, 8. */
function acmaPhone(f: Faker): string {
  const region = f.helpers.arrayElement([2, 3, 7, 8]);
  const block = f.helpers.arrayElement(["5550", "7010"]);
  return `(0${region}) ${block} ${pad(f.number.int(9999), 4)}`;
}

// ----------------------------------------------------------------- kinds

/** Names that need none of faker's username clean-up (transliteration, dropping spaces and quotes). */
const USERNAME_SAFE = /^[A-Za-z0-9_+-]+$/;

/**
 * An example-domain email, faker's `internet.exampleEmail` recipe (a username
 * from first and last name: `first.last42`, `first_last` or `first42`) with
 * the names drawn fast. faker's own call costs ~10 µs, mostly transliterating
 * the username character by character; names that are plain ASCII need none,
 * so only the others (accents, kana, spaces, quotes) take faker's own
 * `internet.email` (with our example domain as its provider).
 */
function email(st: LocaleState): string {
  const f = st.faker;
  const first = f.person.firstName();
  const last = st.lastName();
  // One draw for the template (3), the domain (3), the separator (2) and the number (0-99).
  let u = f.number.int(1799);
  const template = u % 3;
  u = (u - template) / 3;
  const domain = EXAMPLE_DOMAINS[u % 3]!;
  u = (u - (u % 3)) / 3;
  if (!USERNAME_SAFE.test(first) || !USERNAME_SAFE.test(last)) {
    return f.internet.email({ firstName: first, lastName: last, provider: domain });
  }
  const sep = u % 2 === 0 ? "." : "_";
  const num = (u - (u % 2)) / 2;
  if (template === 0) return `${first}${sep}${last}${num}@${domain}`;
  if (template === 1) return `${first}${sep}${last}@${domain}`;
  return `${first}${num}@${domain}`;
}

/** SSN-shaped, never issued: area 900-999, group 01-49, serial 0001-9999. */
function ssn(f: Faker): string {
  const area = f.number.int({ min: 900, max: 999 });
  const group = f.number.int({ min: 1, max: 49 });
  const serial = f.number.int({ min: 1, max: 9999 });
  return `${area}-${pad(group, 2)}-${pad(serial, 4)}`;
}

/** One generator a kind. */
const KINDS = {
  email: (st) => email(st),
  name: (st) => st.fullName(),
  firstName: (st) => st.faker.person.firstName(),
  lastName: (st) => st.lastName(),
  phone: (st) => st.phone(st.faker),
  address: (st) => st.faker.location.streetAddress(),
  city: (st) => st.faker.location.city(),
  postcode: (st) => st.faker.location.zipCode(),
  ssn: (st) => ssn(st.faker),
  creditCard: (st) => st.faker.finance.creditCardNumber(st.faker.helpers.arrayElement(TEST_CARD_FORMATS)),
  ipAddress: (st) => st.faker.internet.ipv4({ network: "private-a" }),
  url: (st) => `https://${st.faker.internet.domainWord()}.example.${st.faker.helpers.arrayElement(EXAMPLE_TLDS)}`,
  company: (st) => st.faker.company.name(),
  username: (st) => st.faker.internet.username(),
} satisfies Record<PiiSdtype, (st: LocaleState) => string>;

/** Inserts a digit where it keeps the value's shape: before an email's `@`, after a url's host word, else at the end. */
function withDigit(kind: PiiSdtype, value: string, digit: number): string {
  const at = kind === "email" ? value.lastIndexOf("@") : kind === "url" ? value.indexOf(".example.") : -1;
  return at < 0 ? `${value}${digit}` : `${value.slice(0, at)}${digit}${value.slice(at)}`;
}

/**
 * `n` realistic values of a personal-data kind, drawn by faker from `rng`
 * (the same `rng` state gives the same values). See the module comment for
 * what keeps each kind from reaching a real person.
 *
 * Speed (`en`, Node 20, measured on a busy 2-core machine, so upper bounds):
 * emails ~2.5 µs each (1,000,000 in ~2.5 s; ~7 s with `exclude`, which
 * hashes every candidate with SHA-256), full names ~2 µs, first and last
 * names, phones and SSNs under 1 µs, postcodes, IPs, cards and urls 1-5 µs;
 * usernames, cities, companies and street addresses 5-20 µs (faker's own
 * template engine).
 *
 * @param kind - the personal-data sdtype: `"email"`, `"name"`, `"firstName"`, `"lastName"`, `"phone"`, `"address"` (street address), `"city"`, `"postcode"`, `"ssn"`, `"creditCard"`, `"ipAddress"`, `"url"`, `"company"` or `"username"`
 * @param rng - the generator faker draws from (consumed)
 * @param n - how many values
 * @param options - `locale` (default `"en"`) and `exclude` (a {@link RealValueFilter} of the real column)
 * @returns `n` strings
 * @throws ParamError for an unknown kind, locale or option, or a bad `n`
 * @throws ParamTypeError when `rng` is not an Rng or `exclude` not a RealValueFilter
 * @example
 * const a = generatePersonalData("email", createRng(7), 3);
 * a.every((e) => /^[\w.+-]+@example\.(com|org|net)$/.test(e)); // => true
 * a.join() === generatePersonalData("email", createRng(7), 3).join(); // => true
 * generatePersonalData("ssn", createRng(7), 2).every((s) => /^9\d\d-(0[1-9]|[1-4]\d)-\d{4}$/.test(s)); // => true
 * generatePersonalData("name", createRng(7), 2, { locale: "de" }).length; // => 2
 */
export function generatePersonalData(kind: PiiSdtype, rng: Rng, n: number, options?: PersonalDataOptions): string[] {
  const where = "generatePersonalData";
  checkOneOf(where, "kind", kind, PII_SDTYPES);
  if (!(rng instanceof Rng)) throw new ParamTypeError(where, "rng", rng, `'rng' must be an Rng (createRng(seed)), got ${show(rng)}.`);
  checkSize(where, n, "n");
  const opts = mergeOptions(where, DEFAULTS, options);
  const locale = checkOneOf(where, "locale", opts.locale, PERSONAL_DATA_LOCALES);
  const exclude = opts.exclude;
  if (exclude !== undefined && !(exclude instanceof RealValueFilter)) {
    throw new ParamTypeError(where, "exclude", exclude, `'exclude' must be a RealValueFilter (RealValueFilter.fromValues(realColumn, rng)), got ${show(exclude)}.`);
  }
  const st = localeState(locale);
  const draw = KINDS[kind];
  const out: string[] = new Array(n);
  const previous = current;
  current = rng;
  try {
    if (exclude === undefined || exclude.size === 0) {
      for (let i = 0; i < n; i++) out[i] = draw(st);
    } else {
      for (let i = 0; i < n; i++) {
        let v = draw(st);
        for (let tries = 0; tries < MAX_REDRAWS && exclude.has(v); tries++) v = draw(st);
        // Each digit makes a new string, and the filter is finite: this ends.
        while (exclude.has(v)) v = withDigit(kind, v, rng.integers(0, 10));
        out[i] = v;
      }
    }
  } finally {
    current = previous;
  }
  return out;
}
