/**
 * Detects each column's sdtype (and what it needs) from the data, like SDV's
 * `Metadata.detect_from_dataframe`, with rules that avoid its users' common
 * complaints: counts with few levels stay numerical, unique numbers are not ids
 * unless named or numbered like ids, text with leading zeros is never a number,
 * personal data is found by its values first and never from a name alone on a
 * column with few distinct values.
 */
import { type Column } from "../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { asTable, type Table, type TableInput } from "../core/table.js";
import { mergeOptions } from "../core/validate.js";
import { compileDatetimeFormat, scanDatetimeFormat, type DatetimeScan } from "./datetime-format.js";
import { Metadata } from "./metadata.js";
import { SDTYPES, type ColumnMetadata, type PiiSdtype, type Sdtype } from "./types.js";

/** Options of {@link detectMetadata}. */
export interface DetectMetadataOptions {
  /**
   * The primary key column; made an "id" unless it is personal data. Its values must be unique and present.
   * @defaultValue the first column detected as "id"
   */
  primaryKey?: string | undefined;
  /**
   * sdtypes to use instead of detecting them, by column; what each needs
   * (range, decimals, format) is still learned from the data, and the values
   * must fit (checked as `Metadata.validate` does).
   * @defaultValue {}
   */
  sdtypes?: Readonly<Record<string, Sdtype>>;
  /**
   * strftime formats of text date columns, by column (such columns become "datetime").
   * @defaultValue {}
   */
  datetimeFormats?: Readonly<Record<string, string>>;
}

const DEFAULTS: Required<Omit<DetectMetadataOptions, "primaryKey">> & Pick<DetectMetadataOptions, "primaryKey"> = {
  primaryKey: undefined,
  sdtypes: {},
  datetimeFormats: {},
};

const WHERE = "detectMetadata";
/** Rows needed before ids are recognised from their values alone (no id-like name). */
/** Text columns with this many rows, all different, are ids (regenerated), not categories (copied). */
const MIN_ROWS_FOR_UNIQUE_TEXT_IDS = 100;
const MIN_ROWS_FOR_VALUE_IDS = 10;
/** Share of non-missing rows that must match a personal-data pattern. */
const PII_SHARE = 0.9;
/** Distinct values checked against personal-data patterns (a even sample beyond it). */
const PII_SAMPLE = 20_000;
const MAX_DECIMALS = 15;
const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 10 ** i);

// ---- names ------------------------------------------------------------------

/** Lower-case words of a column name: split at non-alphanumerics and camelCase ("customerID" → customer, id). */
function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const has = (tokens: readonly string[], words: readonly string[]) => tokens.some((t) => words.includes(t));

function isIdName(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const last = tokens[tokens.length - 1]!;
  return ["id", "key", "uuid", "guid", "pk"].includes(last) || tokens[0] === "id";
}

function isTimeName(tokens: readonly string[]): boolean {
  return has(tokens, ["date", "time", "timestamp", "datetime", "epoch", "created", "updated", "modified", "ts"]) || (tokens.length > 1 && tokens[tokens.length - 1] === "at");
}

function isCodeName(tokens: readonly string[]): boolean {
  return (
    isIdName(tokens) ||
    has(tokens, ["code", "zip", "zipcode", "postcode", "postal", "postalcode", "category", "class", "type", "group", "label", "id", "key"]) ||
    tokens.some((t) => t.endsWith("code"))
  );
}

const isPhoneName = (tokens: readonly string[]) => tokens.some((t) => ["tel", "telephone", "mobile", "cell", "cellphone", "fax"].includes(t) || t.startsWith("phone"));
const isCardName = (tokens: readonly string[]) => has(tokens, ["card", "cc", "credit", "creditcard", "ccnumber", "pan"]);

/** The personal-data kind a column name suggests for free text, if any. */
function piiFromName(tokens: readonly string[]): PiiSdtype | undefined {
  const joined = tokens.join("");
  if (["firstname", "givenname", "forename", "fname"].includes(joined)) return "firstName";
  if (["lastname", "surname", "familyname", "lname"].includes(joined)) return "lastName";
  if (["username", "login", "userlogin", "loginname", "screenname"].includes(joined)) return "username";
  if (["name", "fullname", "customername", "clientname", "personname", "contactname", "patientname", "employeename"].includes(joined)) return "name";
  if (has(tokens, ["email", "ip", "mac", "web", "url"])) return undefined;
  if (has(tokens, ["address", "street", "addr"]) || ["streetaddress", "address1", "address2", "addressline1", "addressline2"].includes(joined)) return "address";
  if (has(tokens, ["city", "town"])) return "city";
  if (has(tokens, ["zip", "zipcode", "postcode", "postal", "postalcode"])) return "postcode";
  if (has(tokens, ["company", "employer", "organization", "organisation", "companyname"])) return "company";
  return undefined;
}

// ---- personal data by value ---------------------------------------------------

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/[^\s/?#]+|www\.[^\s/?#]+\.[A-Za-z]{2,})(?:[/?#]\S*)?$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX4 = /^[0-9A-Fa-f]{1,4}$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const PHONE = /^\+?[\d\s\-().]+$/;

function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45 || !s.includes(":")) return false;
  let body = s;
  let groups = 8;
  const last = s.lastIndexOf(":");
  const tail = s.slice(last + 1);
  if (tail.includes(".")) {
    // an IPv4 tail ("::ffff:192.0.2.1") stands for the last two groups
    if (!IPV4.test(tail)) return false;
    groups = 6;
    body = s.slice(0, last + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return false;
  const part = (h: string) => (h === "" ? [] : h.split(":"));
  const a = part(halves[0]!);
  const b = halves.length === 2 ? part(halves[1]!) : [];
  if (!a.every((g) => HEX4.test(g)) || !b.every((g) => HEX4.test(g))) return false;
  return halves.length === 2 ? a.length + b.length < groups : a.length === groups;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const isPhone = (s: string) => PHONE.test(s) && digitCount(s) >= 7 && digitCount(s) <= 15;

function isCreditCard(s: string): boolean {
  const d = s.replace(/[ -]/g, "");
  if (!/^\d{13,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

// ---- column summaries -----------------------------------------------------------

/** Distinct non-missing values of a text column, with their counts. */
interface TextSummary {
  values: readonly string[];
  counts: Int32Array;
  nonMissing: number;
}

function textSummary(col: Extract<Column, { kind: "categorical" }>): TextSummary {
  const k = col.categories.length;
  const counts = new Int32Array(k);
  const v = col.values;
  let nonMissing = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c >= 0) {
      counts[c]!++;
      nonMissing++;
    }
  }
  let used = 0;
  for (let j = 0; j < k; j++) if (counts[j]! > 0) used++;
  if (used === k) return { values: col.categories, counts, nonMissing };
  // categories shared with a larger table (after take/slice): keep the used ones
  const values: string[] = new Array(used);
  const cs = new Int32Array(used);
  let u = 0;
  for (let j = 0; j < k; j++) {
    if (counts[j]! > 0) {
      values[u] = col.categories[j]!;
      cs[u++] = counts[j]!;
    }
  }
  return { values, counts: cs, nonMissing };
}

/** What the number rules need to know of a column of numbers. */
interface NumberSummary {
  nonMissing: number;
  min: number;
  max: number;
  whole: boolean;
  decimals: number;
  /** All values distinct (computed only when asked). */
  unique: () => boolean;
}

function numberSummary(col: Extract<Column, { kind: "numeric" | "integer" | "datetime" }>): NumberSummary {
  const v = col.values;
  let min = Infinity;
  let max = -Infinity;
  let nonMissing = 0;
  let whole = true;
  let dec = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    if (x === Infinity || x === -Infinity) {
      throw new DataError(WHERE, col.name, x, `column ${show(col.name)} row ${(i + 1).toLocaleString("en-US")}: ${show(x)} is not a finite number; replace or drop infinite values.`);
    }
    nonMissing++;
    if (x < min) min = x;
    if (x > max) max = x;
    if (x !== Math.floor(x)) {
      whole = false;
      // The fewest decimals that give x back exactly (the shortest round-trip form), capped at 15.
      while (dec < MAX_DECIMALS && Math.round(x * POW10[dec]!) / POW10[dec]! !== x) dec++;
    }
  }
  let unique: boolean | undefined;
  return {
    nonMissing,
    min,
    max,
    whole,
    decimals: dec,
    unique: () => (unique ??= numbersUnique(v, nonMissing, min, max, whole)),
  };
}

function numbersUnique(v: Float64Array, nonMissing: number, min: number, max: number, whole: boolean): boolean {
  if (whole && max - min + 1 <= Math.max(4 * nonMissing, 1024) && max - min < 2 ** 31) {
    const seen = new Uint8Array(max - min + 1);
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (x !== x) continue;
      const k = x - min;
      if (seen[k]) return false;
      seen[k] = 1;
    }
    return true;
  }
  const s = new Float64Array(nonMissing);
  let j = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) s[j++] = v[i]!;
  s.sort();
  for (let i = 1; i < s.length; i++) if (s[i] === s[i - 1]) return false;
  return true;
}

/** Plain decimal numbers as text: no leading zeros ("00123" is a code), no exponent, no spaces. */
const NUMBER_TEXT = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function numberSummaryOfText(t: TextSummary): NumberSummary | undefined {
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  let dec = 0;
  for (const s of t.values) {
    if (!NUMBER_TEXT.test(s)) return undefined;
    const x = Number(s);
    if (x < min) min = x;
    if (x > max) max = x;
    const dot = s.indexOf(".");
    if (dot >= 0) {
      dec = Math.max(dec, s.length - dot - 1);
      if (x !== Math.floor(x)) whole = false;
    }
  }
  if (t.values.length === 0) return undefined;
  const unique = t.counts.every((c) => c === 1);
  return { nonMissing: t.nonMissing, min, max, whole, decimals: Math.min(dec, MAX_DECIMALS), unique: () => unique };
}

function numericalMeta(s: NumberSummary): ColumnMetadata {
  return s.whole
    ? { sdtype: "numerical", representation: "integer", decimals: 0, min: s.min, max: s.max }
    : { sdtype: "numerical", representation: "decimal", decimals: s.decimals, min: s.min, max: s.max };
}

function epochUnitOf(s: NumberSummary): "s" | "ms" | undefined {
  if (s.min >= 1e8 && s.max <= 1e10) return "s";
  if (s.min >= 1e11 && s.max <= 1e13 && s.whole) return "ms";
  return undefined;
}

function epochMeta(s: NumberSummary, unit: "s" | "ms"): ColumnMetadata {
  const f = unit === "s" ? 1000 : 1;
  return { sdtype: "datetime", epochUnit: unit, min: s.min * f, max: s.max * f };
}

/** The sdtype rules for a column of numbers (stored as numbers, or as plain number text). */
function detectNumbers(s: NumberSummary, tokens: readonly string[], nRows: number, fromText: boolean): ColumnMetadata {
  const complete = s.nonMissing === nRows;
  if (s.whole && complete && isIdName(tokens) && s.unique()) return { sdtype: "id" };
  if (s.whole && s.min === 0 && s.max === 1) return { sdtype: "boolean" };
  if (isTimeName(tokens)) {
    const unit = epochUnitOf(s);
    if (unit) return epochMeta(s, unit);
  }
  if (isPhoneName(tokens) && s.whole && s.min >= 1e6 && s.max < 1e15) return { sdtype: "phone" };
  if (
    s.whole &&
    complete &&
    nRows >= MIN_ROWS_FOR_VALUE_IDS &&
    ((s.min === 0 && s.max === nRows - 1) || (s.min === 1 && s.max === nRows)) &&
    s.unique()
  ) {
    return { sdtype: "id" };
  }
  if (isCodeName(tokens) && (s.whole || fromText)) return { sdtype: "categorical" };
  return numericalMeta(s);
}

/** True when `pred` holds for >= 90% of the non-missing rows (evenly sampled past 20,000 distinct values). */
function mostMatch(t: TextSummary, pred: (s: string) => boolean): boolean {
  const k = t.values.length;
  const step = k > PII_SAMPLE ? k / PII_SAMPLE : 1;
  let total = 0;
  let hit = 0;
  for (let x = 0; x < k; x += step) {
    const i = Math.floor(x);
    total += t.counts[i]!;
    if (pred(t.values[i]!)) hit += t.counts[i]!;
    // stop early when the share can no longer be reached (on the exact path)
    if (step === 1 && t.nonMissing - total + hit < PII_SHARE * t.nonMissing) return false;
  }
  return total > 0 && hit >= PII_SHARE * total;
}

function piiFromValues(t: TextSummary, tokens: readonly string[]): PiiSdtype | undefined {
  if (mostMatch(t, (s) => EMAIL.test(s))) return "email";
  if (mostMatch(t, (s) => URL_RE.test(s))) return "url";
  if (mostMatch(t, (s) => IPV4.test(s) || isIPv6(s))) return "ipAddress";
  if (mostMatch(t, (s) => SSN.test(s))) return "ssn";
  if (isPhoneName(tokens) && mostMatch(t, isPhone)) return "phone";
  if (isCardName(tokens) && mostMatch(t, isCreditCard)) return "creditCard";
  return undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The `{ prefix, width, suffix }` of ids written as one prefix, digits and one
 * suffix (the digits are the last run of digits: "CUST-00042" → "CUST-", 5, ""),
 * or undefined when the values do not share one. `width` is the digit count
 * when every value has the same (keeping leading zeros), 1 when the numbers
 * are unpadded, else the smallest count.
 *
 * @example
 * detectIdFormat(["CUST-00042", "CUST-00107"]); // => { prefix: "CUST-", width: 5, suffix: "" }
 * detectIdFormat(["7590-VHVEG", "5575-GNVDE"]); // => undefined
 */
export function detectIdFormat(values: readonly string[]): { prefix: string; width: number; suffix: string } | undefined {
  if (values.length === 0) return undefined;
  const first = values[0]!;
  let e = first.length;
  while (e > 0 && !isDigit(first.charCodeAt(e - 1))) e--;
  if (e === 0) return undefined;
  let b = e;
  while (b > 0 && isDigit(first.charCodeAt(b - 1))) b--;
  const prefix = first.slice(0, b);
  const suffix = first.slice(e);
  const fixed = prefix.length + suffix.length;
  let minW = Infinity;
  let maxW = 0;
  let leadingZero = false;
  for (let i = 0; i < values.length; i++) {
    const s = values[i]!;
    const w = s.length - fixed;
    if (w < 1) return undefined;
    for (let j = 0; j < prefix.length; j++) if (s.charCodeAt(j) !== prefix.charCodeAt(j)) return undefined;
    const end = s.length - suffix.length;
    for (let j = 0; j < suffix.length; j++) if (s.charCodeAt(end + j) !== suffix.charCodeAt(j)) return undefined;
    for (let j = prefix.length; j < end; j++) if (!isDigit(s.charCodeAt(j))) return undefined;
    if (w < minW) minW = w;
    if (w > maxW) maxW = w;
    if (w > 1 && s.charCodeAt(prefix.length) === 48) leadingZero = true;
  }
  // a suffix starting with a digit would make the digit run ambiguous; the scan above excludes it
  const width = minW === maxW ? maxW : leadingZero ? minW : 1;
  return { prefix, width, suffix };
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** All values share one shape (letters and digits alike, other characters equal) and each has a digit: codes like "7590-VHVEG". */
function sameCodeShape(values: readonly string[]): boolean {
  if (values.length === 0) return false;
  const first = values[0]!;
  const len = first.length;
  if (len === 0 || len > 64) return false;
  for (let i = 0; i < values.length; i++) {
    const s = values[i]!;
    if (s.length !== len) return false;
    let digit = false;
    for (let j = 0; j < len; j++) {
      const c = s.charCodeAt(j);
      const f = first.charCodeAt(j);
      if (isAlnum(c)) {
        if (!isAlnum(f)) return false;
        if (isDigit(c)) digit = true;
      } else if (c !== f || c === 32 || c === 9) return false;
    }
    if (!digit) return false;
  }
  return true;
}

const BOOLEAN_PAIRS = [
  ["yes", "no"],
  ["true", "false"],
  ["y", "n"],
  ["t", "f"],
];

function isBooleanPair(values: readonly string[]): boolean {
  if (values.length !== 2) return false;
  const a = values[0]!.toLowerCase();
  const b = values[1]!.toLowerCase();
  return BOOLEAN_PAIRS.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

function datetimeTextMeta(scan: DatetimeScan | undefined, format: string | undefined): ColumnMetadata {
  if (scan) return { sdtype: "datetime", datetimeFormat: scan.format, min: scan.min, max: scan.max };
  return format === undefined ? { sdtype: "datetime" } : { sdtype: "datetime", datetimeFormat: format };
}

/** The range of text dates in a given format, or undefined when some value does not parse (validate reports it). */
function scanWith(values: readonly string[], format: string): DatetimeScan | undefined {
  const parse = compileDatetimeFormat(format).parse;
  let min = Infinity;
  let max = -Infinity;
  for (const s of values) {
    const x = parse(s);
    if (x !== x) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return values.length ? { format, min, max } : undefined;
}

/** The sdtype rules for a text column. */
function detectText(t: TextSummary, tokens: readonly string[], nRows: number): ColumnMetadata {
  if (isBooleanPair(t.values)) return { sdtype: "boolean" };
  const pii = piiFromValues(t, tokens);
  if (pii) return { sdtype: pii };
  const nums = numberSummaryOfText(t);
  if (nums) {
    if (isTimeName(tokens) && nums.whole && nums.min >= 19000101 && nums.max <= 21001231) {
      const scan = scanWith(t.values, "%Y%m%d");
      if (scan) return datetimeTextMeta(scan, undefined);
    }
    return detectNumbers(nums, tokens, nRows, true);
  }
  const scan = scanDatetimeFormat(t.values);
  if (scan) return datetimeTextMeta(scan, undefined);
  const unique = t.nonMissing === nRows && t.values.length === nRows;
  if (unique) {
    const idFormat = detectIdFormat(t.values);
    if (isIdName(tokens) || (nRows >= MIN_ROWS_FOR_VALUE_IDS && (idFormat !== undefined || sameCodeShape(t.values)))) {
      return idFormat ? { sdtype: "id", idFormat } : { sdtype: "id" };
    }
  }
  const byName = piiFromName(tokens);
  if (byName) {
    const k = t.values.length;
    if (byName === "city" ? k > 20 : k > 20 && k > 0.1 * t.nonMissing) return { sdtype: byName };
  }
  // every value different (free text, labels, keys of no known shape) in a table of some size: as a
  // category, each synthetic value would be a copy of one real row's; regenerate it as a key instead
  if (unique && nRows >= MIN_ROWS_FOR_UNIQUE_TEXT_IDS) return { sdtype: "id" };
  return { sdtype: "categorical" };
}

function isAllMissing(col: Column): boolean {
  const v = col.values;
  if (col.kind === "categorical" || col.kind === "boolean") {
    for (let i = 0; i < v.length; i++) if (v[i]! >= 0) return false;
  } else {
    for (let i = 0; i < v.length; i++) if (v[i] === v[i]) return false;
  }
  return true;
}

/** The metadata of a column whose sdtype the caller chose: what that sdtype needs, learned from the data. */
function forcedMeta(col: Column, sdtype: Sdtype, format: string | undefined): ColumnMetadata {
  switch (sdtype) {
    case "numerical": {
      if (col.kind === "numeric" || col.kind === "integer") return numericalMeta(numberSummary(col));
      if (col.kind === "categorical") {
        const s = numberSummaryOfText(textSummary(col));
        return s ? numericalMeta(s) : { sdtype };
      }
      return { sdtype };
    }
    case "datetime": {
      if (col.kind === "datetime") {
        const s = numberSummary(col);
        return { sdtype, min: s.min, max: s.max };
      }
      if (col.kind === "numeric" || col.kind === "integer") {
        const s = numberSummary(col);
        return epochMeta(s, epochUnitOf(s) ?? "ms");
      }
      if (col.kind === "categorical") {
        const t = textSummary(col);
        return datetimeTextMeta(format === undefined ? scanDatetimeFormat(t.values, { compact: true }) : scanWith(t.values, format), format);
      }
      return { sdtype };
    }
    case "id": {
      if (col.kind === "categorical") {
        const f = detectIdFormat(textSummary(col).values);
        if (f) return { sdtype, idFormat: f };
      }
      return { sdtype };
    }
    default:
      return { sdtype };
  }
}

function checkRecord<T>(name: string, value: unknown, columns: readonly string[], check: (column: string, v: unknown) => T): Record<string, T> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ParamTypeError(WHERE, name, value, `'${name}' must be an object of column name → value, got ${show(value)}.`);
  }
  const out: Record<string, T> = {};
  for (const [c, v] of Object.entries(value)) {
    if (!columns.includes(c)) {
      throw new ParamError(WHERE, name, c, `'${name}' names ${show(c)}, which is not a column. Columns: ${columns.join(", ")}.`);
    }
    out[c] = check(c, v);
  }
  return out;
}

/**
 * Detects the metadata of a table: each column's sdtype and what it needs
 * (decimals, range, format), and the primary key.
 *
 * Rules, in order, per column (rows counted without missing values):
 * - A column whose every value is missing, and a table without rows, throw a DataError.
 * - Table kind boolean → "boolean"; kind datetime → "datetime" with min and max (epoch ms).
 * - Numbers (Table kinds numeric and integer, and text that is plain decimal numbers such as
 *   "12" or "-0.5", never with leading zeros: "00123" is a code):
 *   1. whole, unique, none missing, and an id-like name → "id". An id-like name is `id`, or ends
 *      in `_id` / `Id` / ` ID` / `_key` / `uuid` / `guid` / `pk`, or starts with `id_`
 *      (names are split at non-letters and camelCase: `customerID` → customer, id).
 *   2. whole with only 0 and 1, both present → "boolean".
 *   3. a time-like name (a word date, time, timestamp, datetime, epoch, created, updated,
 *      modified, ts, or ending in `_at`) and values plausible as epoch seconds (1e8–1e10,
 *      1973–2286) or whole epoch milliseconds (1e11–1e13) → "datetime" with `epochUnit`,
 *      min and max in epoch ms. Text with such a name holding only valid 8-digit dates
 *      (19000101–21001231) → "datetime" with `datetimeFormat` "%Y%m%d".
 *   4. a phone-like name and whole values of 7–15 digits → "phone".
 *   5. whole, unique, none missing, at least 10 rows, exactly 0..n-1 or 1..n → "id".
 *   6. a code-like name (a word code, zip, postcode, postal, category, class, type, group,
 *      label, id or key, or ending in "code") and whole values → "categorical".
 *   7. otherwise "numerical", even with few distinct values (counts such as service calls
 *      0–9 are numbers): representation "integer" (decimals 0) when all are whole, else
 *      "decimal" with `decimals` = the most digits after the point of any value's shortest
 *      round-trip form (capped at 15, so 0.1 + 0.2 gives 15); min, max.
 * - Text (the rules look at the distinct values only, so 1,000,000 rows are cheap):
 *   1. exactly two distinct values forming one of yes/no, true/false, y/n, t/f (any case) → "boolean".
 *   2. personal data by value, when >= 90% of the non-missing rows match (on an even sample
 *      of 20,000 distinct values beyond that): email → "email"; http(s)/ftp/www URL → "url";
 *      IPv4 or IPv6 → "ipAddress"; `ddd-dd-dddd` → "ssn"; with a phone-like name (phone,
 *      tel, telephone, mobile, cell, fax), digits with + ( ) - . and spaces, 7–15 digits →
 *      "phone"; with a card-like name (card, cc, credit), 13–19 digits (spaces and dashes
 *      allowed) passing Luhn → "creditCard". (Before the number rules: digit strings such as
 *      card numbers are personal data when the name says so.)
 *   3. plain numbers → the number rules above.
 *   4. every value parses with one date format (see `detectDatetimeFormat`) → "datetime"
 *      with `datetimeFormat`, min and max.
 *   5. unique, none missing, and an id-like name, or (at least 10 rows) every value is
 *      prefix + digits + suffix with one prefix and suffix ("CUST-00042") or all share one
 *      shape of letters/digits and punctuation with a digit ("7590-VHVEG") → "id"; `idFormat`
 *      `{ prefix, width, suffix }` is recorded for the prefix + digits form (width = the
 *      digit count when all have the same, keeping leading zeros; 1 when unpadded).
 *   6. personal data by name, only with more than 20 distinct values that are also more than
 *      10% of the rows (city: more than 20 distinct values suffice): name, full_name,
 *      customer_name → "name"; first_name, given_name → "firstName"; last_name, surname,
 *      family_name → "lastName"; address, street → "address"; city, town → "city"; zip,
 *      postcode, postal_code → "postcode"; company, employer → "company"; username,
 *      user_name, login → "username".
 *   7. unique, none missing, at least 100 rows, of no known shape (free text, one-off labels)
 *      → "id", regenerated: as a category every synthetic value would copy one real row's.
 *   8. otherwise "categorical", whatever the number of distinct values.
 * - The primary key is `options.primaryKey`, else the first "id" column.
 *
 * @param data - a Table, a danfo DataFrame or records
 * @param options - `{ primaryKey, sdtypes, datetimeFormats }` (see {@link DetectMetadataOptions})
 * @returns the {@link Metadata}
 * @throws DataError for an empty table, a column with no values, an infinite value, or
 *   values that do not fit a chosen sdtype, format or key; ParamError for unknown options,
 *   columns or sdtypes
 * @example
 * const t = Table.fromRecords([
 *   { id: 1, plan: "yes", calls: 3, fee: 45.07, state: "KS", joined: "01/05/2023" },
 *   { id: 2, plan: "no", calls: 0, fee: 16.5, state: "OH", joined: "02/11/2023" },
 * ]);
 * const m = detectMetadata(t);
 * m.columnNames.map((c) => m.columns[c].sdtype); // => ["id", "boolean", "numerical", "numerical", "categorical", "datetime"]
 * m.columns.fee; // => { sdtype: "numerical", representation: "decimal", decimals: 2, min: 16.5, max: 45.07 }
 * // both day/month orders parse these dates: the US one wins, as in pandas
 * m.columns.joined.datetimeFormat; // => "%m/%d/%Y"
 * m.primaryKey; // => "id"
 */
export function detectMetadata(data: TableInput, options?: DetectMetadataOptions): Metadata {
  const opts = mergeOptions(WHERE, DEFAULTS, options);
  const table: Table = asTable(data, WHERE);
  const names = table.columnNames;
  if (names.length === 0) throw new DataError(WHERE, "data", data, "the table has no columns; give a table with at least one column.");
  if (table.nRows === 0) {
    throw new DataError(WHERE, "data", data, `the table has no rows (columns: ${names.join(", ")}); give at least one row to detect kinds from.`);
  }
  const sdtypes = checkRecord("sdtypes", opts.sdtypes, names, (c, v) => {
    if (typeof v !== "string" || !(SDTYPES as readonly string[]).includes(v)) {
      throw new ParamError(WHERE, "sdtypes", v, `sdtypes[${show(c)}]: unknown sdtype ${show(v)}. Valid sdtypes: ${SDTYPES.map((s) => JSON.stringify(s)).join(", ")}.`);
    }
    return v as Sdtype;
  });
  const formats = checkRecord("datetimeFormats", opts.datetimeFormats, names, (c, v) => {
    if (typeof v !== "string") {
      throw new ParamTypeError(WHERE, "datetimeFormats", v, `datetimeFormats[${show(c)}] must be a strftime string such as "%d/%m/%Y", got ${show(v)}.`);
    }
    try {
      compileDatetimeFormat(v);
    } catch (e) {
      throw new ParamError(WHERE, "datetimeFormats", v, `datetimeFormats[${show(c)}]: ${(e as Error).message.replace(/^compileDatetimeFormat: /, "")}`);
    }
    if (sdtypes[c] !== undefined && sdtypes[c] !== "datetime") {
      throw new ParamError(WHERE, "datetimeFormats", v, `datetimeFormats names ${show(c)}, which sdtypes declares ${show(sdtypes[c])}; a format needs sdtype "datetime".`);
    }
    const kind = table.kind(c);
    if (kind !== "categorical") {
      throw new ParamError(
        WHERE,
        "datetimeFormats",
        v,
        `datetimeFormats applies to text columns; ${show(c)} is stored as ${kind}${kind === "numeric" || kind === "integer" ? ' (numbers are epoch times: use sdtypes: { ' + JSON.stringify(c) + ': "datetime" })' : ""}.`,
      );
    }
    return v;
  });
  const pk = opts.primaryKey;
  if (pk !== undefined && (typeof pk !== "string" || !names.includes(pk))) {
    throw new ParamError(WHERE, "primaryKey", pk, `'primaryKey' must be a column, got ${show(pk)}. Columns: ${names.join(", ")}.`);
  }

  const nRows = table.nRows;
  const metadata = new Metadata();
  let firstId: string | undefined;
  for (const col of table.columns) {
    const name = col.name;
    if (isAllMissing(col)) {
      throw new DataError(WHERE, name, null, `column ${show(name)} has no values (every one of its ${nRows.toLocaleString("en-US")} rows is missing); drop it or fill it.`);
    }
    let meta: ColumnMetadata;
    const forced = sdtypes[name] ?? (formats[name] !== undefined ? "datetime" : undefined);
    if (forced !== undefined) meta = forcedMeta(col, forced, formats[name]);
    else if (name === pk) {
      meta = forcedMeta(col, "id", undefined);
      const t = col.kind === "categorical" ? textSummary(col) : undefined;
      const pii = t ? piiFromValues(t, nameTokens(name)) : undefined;
      if (pii) meta = { sdtype: pii };
    } else {
      const tokens = nameTokens(name);
      switch (col.kind) {
        case "boolean":
          meta = { sdtype: "boolean" };
          break;
        case "datetime":
          meta = forcedMeta(col, "datetime", undefined);
          break;
        case "numeric":
        case "integer":
          meta = detectNumbers(numberSummary(col), tokens, nRows, false);
          break;
        case "categorical":
          meta = detectText(textSummary(col), tokens, nRows);
          break;
      }
    }
    metadata.addColumn(name, meta, WHERE);
    if (meta.sdtype === "id" && firstId === undefined) firstId = name;
  }
  const key = pk ?? firstId;
  if (key !== undefined) metadata.setPrimaryKey(key, WHERE);
  const checked = new Set([...Object.keys(sdtypes), ...Object.keys(formats), ...(pk !== undefined ? [pk] : [])]);
  if (checked.size > 0) {
    // the caller's choices must fit the values: check those columns as Metadata.validate does
    const sub = new Metadata();
    for (const c of names) if (checked.has(c)) sub.addColumn(c, metadata.columns[c]!, WHERE);
    if (pk !== undefined) sub.setPrimaryKey(pk, WHERE);
    sub.validate(table.select(sub.columnNames), WHERE);
  }
  return metadata;
}
