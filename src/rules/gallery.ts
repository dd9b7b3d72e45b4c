/**
 * Ready rule-based schemas to start from: customers, transactions, sensor
 * readings, patients. Each is a few lines of {@link rules}, meant to be read
 * and copied as much as called; the numbers are plausible, not fitted to
 * any real population.
 */
import type { Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { ParamError, show } from "../core/errors.js";
import { mergeOptions } from "../core/validate.js";
import { field } from "./field.js";
import { rules } from "./rules.js";

/** Options of the {@link gallery} schemas. */
export interface GalleryOptions {
  /** faker locale of the personal-data columns. @defaultValue "en" */
  locale?: string;
  /** Seed of the generator's own stream. @defaultValue fresh entropy */
  seed?: SeedValue | Rng | undefined;
}

const DEFAULTS: GalleryOptions = { locale: "en", seed: undefined };

const TIERS = ["bronze", "silver", "gold"] as const;

/** Customers: id, name, email, city, age, income (correlated with age), signup date, tier derived from income, churn flag. */
function customers(options?: GalleryOptions) {
  const { locale, seed } = mergeOptions("gallery.customers", DEFAULTS, options);
  return rules(
    {
      customerId: field.sequence({ prefix: "C-", width: 6 }),
      name: field.fake("person.fullName", { locale: locale! }),
      email: field.fake("internet.email", { locale: locale! }),
      city: field.fake("location.city", { locale: locale! }),
      age: field.integers(18, 80),
      income: field.distribution("lognormal", { mean: 10.7, sigma: 0.5 }, { decimals: 0 }),
      signupDate: field.date("2018-01-01", "2024-12-31"),
      tier: field.derive((row: { income: number }) => TIERS[row.income < 40_000 ? 0 : row.income < 90_000 ? 1 : 2]!),
      churned: field.boolean(0.2),
    },
    { correlation: { columns: ["age", "income"], matrix: [[1, 0.4], [0.4, 1]] }, seed },
  );
}

/** Transactions: order id, customer id, timestamp, category, amount (lognormal, cents), quantity, payment method. */
function transactions(options?: GalleryOptions) {
  const { seed } = mergeOptions("gallery.transactions", DEFAULTS, options);
  return rules(
    {
      orderId: field.pattern("ORD-########", { unique: true }),
      customerId: field.integers(1, 50_000),
      timestamp: field.datetime("2024-01-01T00:00:00", "2024-12-31T23:59:59"),
      category: field.choice(["grocery", "electronics", "clothing", "home", "toys"], { p: [40, 15, 20, 15, 10] }),
      amount: field.distribution("lognormal", { mean: 3.5, sigma: 0.9 }, { decimals: 2 }),
      quantity: field.derive((row, rng) => 1 + rng.poisson(row.category === "grocery" ? 3 : 0.5)),
      payment: field.choice(["card", "cash", "wallet"], { p: [0.6, 0.15, 0.25] }),
    },
    { constraints: [{ type: "positive", column: "amount", strict: true }], seed },
  );
}

/** Sensor readings: sensor id, minute timestamps, temperature and humidity (negatively correlated), a rare fault flag. */
function sensorReadings(options?: GalleryOptions) {
  const { seed } = mergeOptions("gallery.sensorReadings", DEFAULTS, options);
  return rules(
    {
      sensorId: field.pattern("S-??##"),
      timestamp: field.datetime("2024-06-01T00:00", "2024-06-30T23:59", { unit: "minute" }),
      temperature: field.normal(21, 3, { decimals: 2 }),
      humidity: field.distribution("beta", { a: 6, b: 4 }, { decimals: 3 }),
      fault: field.boolean(0.01),
      status: field.derive((row: { fault: boolean; temperature: number }) => (row.fault ? "fault" : row.temperature > 27 ? "warning" : "ok")),
    },
    { correlation: { columns: ["temperature", "humidity"], matrix: [[1, -0.6], [-0.6, 1]] }, seed },
  );
}

/** Patients: id, name, sex, birth date, height and weight (correlated), BMI derived, blood type with its population weights, admission before discharge. */
function patients(options?: GalleryOptions) {
  const { locale, seed } = mergeOptions("gallery.patients", DEFAULTS, options);
  return rules(
    {
      patientId: field.uuid(),
      name: field.fake("person.fullName", { locale: locale! }),
      sex: field.choice(["female", "male"]),
      birthDate: field.date("1930-01-01", "2006-12-31"),
      heightCm: field.normal(170, 9, { decimals: 1, clip: [140, 210] }),
      weightKg: field.normal(75, 14, { decimals: 1, clip: [38, 180] }),
      bmi: field.derive((row: { heightCm: number; weightKg: number }) => Math.round((row.weightKg / (row.heightCm / 100) ** 2) * 10) / 10),
      bloodType: field.choice(["O+", "A+", "B+", "AB+", "O-", "A-", "B-", "AB-"], { p: [37, 36, 8, 3, 7, 6, 2, 1] }),
      admitted: field.datetime("2024-01-01T00:00", "2024-12-31T23:59", { unit: "minute" }),
      discharged: field.derive((row: { admitted: Date }, rng) => new Date(row.admitted.getTime() + Math.ceil(rng.exponential(4 * 86_400_000) / 60_000) * 60_000)),
    },
    { correlation: { columns: ["heightCm", "weightKg"], matrix: [[1, 0.45], [0.45, 1]] }, constraints: [{ type: "inequality", lowColumn: "admitted", highColumn: "discharged" }], seed },
  );
}

/**
 * Ready schemas: `gallery.customers()`, `gallery.transactions()`,
 * `gallery.sensorReadings()`, `gallery.patients()`, each a rule-based
 * generator (see src/rules/gallery.ts for their few lines).
 *
 * @example
 * const t = gallery.customers({ seed: 1 }).sample(5);
 * t.columnNames; // => ["customerId", "name", "email", "city", "age", "income", "signupDate", "tier", "churned"]
 * gallerySchema("patients", { seed: 2 }).sample(3).nRows; // => 3
 */
export const gallery = { customers, transactions, sensorReadings, patients };

/** A gallery schema's name. */
export type GalleryName = keyof typeof gallery;

/**
 * A gallery schema by name (for data-driven loops).
 * @param name - `"customers"`, `"transactions"`, `"sensorReadings"` or `"patients"`
 * @param options - `locale`, `seed`
 * @returns its generator
 * @throws ParamError for an unknown name (listing the names)
 * @example
 * gallerySchema("transactions", { seed: 4 }).columnNames.length; // => 7
 */
export function gallerySchema(name: GalleryName, options?: GalleryOptions): ReturnType<(typeof gallery)[GalleryName]> {
  if (typeof name !== "string" || !Object.hasOwn(gallery, name)) {
    throw new ParamError("gallerySchema", "name", name, `unknown schema ${show(name)}. Schemas: ${Object.keys(gallery).join(", ")}.`);
  }
  return gallery[name](options);
}
