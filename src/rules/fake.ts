/**
 * Faker paths (`"person.fullName"`, `"commerce.department"`) for rule-based
 * fields, drawn from synthlab's seeded {@link Rng}.
 *
 * Paths that name personal data go through the tabular layer's
 * `generatePersonalData` (emails on example domains, phone numbers from the
 * ranges reserved for fiction, never-issued SSNs, test-card numbers: see
 * src/tabular/personal-data.ts), so rule-based tables and synthesizers write
 * the same safe values. Every other path calls faker 10 itself, on a faker
 * instance (personal-data.ts's `withSeededFaker`, one per locale) whose randomizer reads the field's Rng (never `Math.random`, never
 * faker's global instance) and whose reference date is fixed, so dates such
 * as `date.past` are reproducible too. Those other paths return faker's
 * values as they are: account-like values (`finance.iban`,
 * `finance.accountNumber`, `phone.imei`) are random and well-formed, so they
 * may coincide with real ones; use them for fixtures, not for data that
 * leaves your hands as if it were anonymous.
 */
import { ParamError, show } from "../core/errors.js";
import type { Rng } from "../random/rng.js";
import { generatePersonalData, PERSONAL_DATA_LOCALES, withSeededFaker, type PersonalDataLocale } from "../tabular/personal-data.js";
import type { PiiSdtype } from "../tabular/types.js";

/**
 * Faker paths served by `generatePersonalData` (values from reserved, fictional ranges).
 * @example
 * PERSONAL_DATA_PATHS["internet.email"]; // => "email"
 */
export const PERSONAL_DATA_PATHS = {
  "person.fullName": "name",
  "person.firstName": "firstName",
  "person.lastName": "lastName",
  "internet.email": "email",
  "internet.exampleEmail": "email",
  "internet.username": "username",
  "internet.url": "url",
  "internet.ipv4": "ipAddress",
  "internet.ip": "ipAddress",
  "phone.number": "phone",
  "location.streetAddress": "address",
  "location.city": "city",
  "location.zipCode": "postcode",
  "company.name": "company",
  "finance.creditCardNumber": "creditCard",
} as const satisfies Record<string, PiiSdtype>;

/** Modules whose functions are not value generators (or need a network or a function argument). */
const EXCLUDED_MODULES = new Set(["helpers", "image", "rawDefinitions", "definitions"]);

function ownFunctions(o: object): string[] {
  const out = new Set<string>();
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k !== "constructor" && !k.startsWith("_") && typeof (o as Record<string, unknown>)[k] === "function") out.add(k);
    }
  }
  return [...out];
}

let allPaths: string[] | null = null;

/**
 * Every faker path a `fake` field accepts (`module.method`), sorted.
 * @returns the paths, e.g. `"animal.dog"`, `"person.fullName"`
 * @example
 * fakerPaths().includes("person.fullName"); // => true
 */
export function fakerPaths(): string[] {
  if (allPaths === null) {
    const f = withSeededFaker("en", null, (faker) => faker) as unknown as Record<string, unknown>;
    const paths: string[] = [];
    const modules = new Set<string>();
    for (let p: object | null = f; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const k of Object.getOwnPropertyNames(p)) modules.add(k);
    }
    for (const m of modules) {
      if (m.startsWith("_") || EXCLUDED_MODULES.has(m)) continue;
      let v: unknown;
      try {
        v = f[m];
      } catch {
        continue;
      }
      if (v === null || typeof v !== "object") continue;
      for (const k of ownFunctions(v)) paths.push(`${m}.${k}`);
    }
    allPaths = paths.sort();
  }
  return allPaths;
}

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest known paths to a misspelt one (by the whole path and by the method name alone). */
function suggestions(path: string, known: readonly string[]): string[] {
  const method = path.split(".").pop() ?? path;
  const scored = known.map((p) => ({ p, d: Math.min(distance(path, p), distance(method, p.split(".")[1]!) + 1) }));
  scored.sort((x, y) => x.d - y.d || x.p.localeCompare(y.p));
  return scored.slice(0, 3).map((s) => s.p);
}

/** A checked faker path: where it goes, and a draw function. */
export interface FakerSource {
  readonly path: string;
  readonly locale: PersonalDataLocale;
  /** `n` values from `rng`. */
  draw(rng: Rng, n: number): unknown[];
}

/**
 * Checks a faker path and locale and returns its source.
 * @throws ParamError for an unknown locale, or a path faker does not have (suggesting the closest ones)
 */
export function fakerSource(where: string, path: unknown, locale: unknown, args: readonly unknown[] | undefined, refDate: Date): FakerSource {
  if (typeof locale !== "string" || !(PERSONAL_DATA_LOCALES as readonly string[]).includes(locale)) {
    throw new ParamError(where, "locale", locale, `'locale' must be one of ${PERSONAL_DATA_LOCALES.map((l) => JSON.stringify(l)).join(", ")}, got ${show(locale)}.`);
  }
  const loc = locale as PersonalDataLocale;
  const known = fakerPaths();
  if (typeof path !== "string" || !known.includes(path)) {
    const near = typeof path === "string" ? suggestions(path, known) : [];
    throw new ParamError(
      where,
      "path",
      path,
      `faker has no path ${show(path)}.${near.length ? ` Did you mean ${near.map((p) => JSON.stringify(p)).join(", ")}?` : ""} (fakerPaths() lists all ${known.length}.)`,
    );
  }
  const kind = (PERSONAL_DATA_PATHS as Record<string, PiiSdtype>)[path];
  if (kind !== undefined && (args === undefined || args.length === 0)) {
    return { path, locale: loc, draw: (rng, n) => generatePersonalData(kind, rng, n, { locale: loc }) };
  }
  const [module, method] = path.split(".") as [string, string];
  const callArgs = args ?? [];
  return {
    path,
    locale: loc,
    draw(rng, n) {
      const out: unknown[] = new Array(n);
      withSeededFaker(loc, rng, (f) => {
        const mod = (f as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[module]!;
        f.setDefaultRefDate(refDate);
        try {
          for (let i = 0; i < n; i++) out[i] = mod[method]!(...callArgs);
        } catch (e) {
          if (e instanceof Error && !(e instanceof ParamError)) {
            throw new ParamError(where, "args", callArgs, `faker's ${path}(${callArgs.map((a) => show(a)).join(", ")}) failed: ${e.message}`);
          }
          throw e;
        }
      });
      return out;
    },
  };
}
