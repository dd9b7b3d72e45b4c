/**
 * Keys for id columns: synthesizers never learn them from the real rows, they
 * write new ones. Every id is a pure function of its row index (and a key), so
 * sampling in shards (`start`) gives the same ids as sampling at once, and
 * distinct rows get distinct ids.
 *
 * - {@link inferIdFormat} / {@link generateIds}: `prefix + zero-padded number + suffix`
 *   ("C00042"), or plain numbers.
 * - {@link inferIdPattern} / {@link generatePatternIds}: any fixed shape of
 *   digits, letters and literals ("7590-VHVEG", UUIDs).
 *
 * Ids that must look random go through a keyed Feistel network over
 * mixed-radix digit vectors (format-preserving encryption in the style of
 * NIST's FF1, without its cryptographic claims): a bijection of the row index,
 * so uniqueness holds by construction rather than by checking.
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkInteger, checkSize, mergeOptions } from "../core/validate.js";
import { createRng, Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { DigitPermutation } from "./digit-permutation.js";
import { RealValueFilter } from "./real-value-filter.js";
import type { ColumnMetadata } from "./types.js";

/** How formatted ids are written: `prefix` + the number zero-padded to `width` digits + `suffix`. */
export type IdFormat = NonNullable<ColumnMetadata["idFormat"]>;

const MAX_INDEX = Number.MAX_SAFE_INTEGER;

/** Four 32-bit key words: drawn from `rng`, or read from a filter's salt. */
function keyWords(rng: Rng | undefined, exclude: RealValueFilter): Uint32Array {
  if (rng !== undefined) return Uint32Array.from(rng.integers(0, 2 ** 32, 4));
  return Uint32Array.from({ length: 4 }, (_, i) => parseInt(exclude.salt.slice(8 * i, 8 * i + 8), 16));
}

// ------------------------------------------------------------ formatted ids

/**
 * The format of string ids written as prefix + digits + suffix: the prefix
 * and suffix every value shares around a digit run of the same length in
 * every value (leading zeros count: `"00042"` gives width 5).
 *
 * @param values - the real id column, as strings
 * @returns `{ prefix, width, suffix }`, or `undefined` when the values are not all of that shape, have digit runs of different lengths, or are empty
 * @throws ParamTypeError when `values` is not an array of strings
 * @example
 * inferIdFormat(["C-00042", "C-00107", "C-31000"]); // => { prefix: "C-", width: 5, suffix: "" }
 * inferIdFormat(["INV7/2024", "INV8/2024"]); // => { prefix: "INV", width: 1, suffix: "/2024" }
 * inferIdFormat(["7590-VHVEG", "5575-GNVDE"]); // => undefined
 */
export function inferIdFormat(values: readonly string[]): IdFormat | undefined {
  const where = "inferIdFormat";
  checkStrings(where, values);
  if (values.length === 0) return undefined;
  let prefix = values[0]!;
  for (const v of values) prefix = prefix.slice(0, commonPrefixLength(prefix, v));
  prefix = prefix.replace(/\d+$/, "");
  const rest0 = values[0]!.slice(prefix.length);
  let suffix = rest0;
  for (const v of values) {
    const rest = v.slice(prefix.length);
    suffix = suffix.slice(suffix.length - commonSuffixLength(suffix, rest));
  }
  suffix = suffix.replace(/^\d+/, "");
  let width = -1;
  for (const v of values) {
    const mid = v.slice(prefix.length, v.length - suffix.length);
    if (mid.length === 0 || !/^\d+$/.test(mid)) return undefined;
    if (width < 0) width = mid.length;
    else if (mid.length !== width) return undefined;
  }
  return { prefix, width, suffix };
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function checkStrings(where: string, values: unknown): asserts values is readonly string[] {
  if (!Array.isArray(values)) {
    throw new ParamTypeError(where, "values", values, `'values' must be an array of strings, got ${show(values)}.`);
  }
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "string") {
      throw new ParamTypeError(where, "values", values, `'values' must hold strings, but values[${i}] is ${show(values[i])}. Convert the column with String() first.`);
    }
  }
}

/** Options of {@link generateIds}. */
export interface IdOptions {
  /**
   * Numeric ids: the id of row 0 (row i gets `numericStart + i`).
   * @defaultValue 0
   */
  numericStart?: number;
  /**
   * The real id column's filter: formatted ids are then permuted (they look
   * random) and skip every real id. See {@link generateIds}.
   * @defaultValue undefined (ids in row order)
   */
  exclude?: RealValueFilter | undefined;
  /**
   * With `exclude`: the generator the permutation's key is drawn from (4 draws
   * of 32 bits). Pass the same state to every shard (e.g. `createRng(seed)`).
   * @defaultValue undefined (the key is read from the filter's salt)
   */
  rng?: Rng | undefined;
}

const ID_DEFAULTS: IdOptions = { numericStart: 0, exclude: undefined, rng: undefined };

/**
 * Unique ids for rows `start .. start + n - 1`, each a pure function of its
 * row index, so `generateIds(f, 0, 1000)` equals `generateIds(f, 0, 400)`
 * followed by `generateIds(f, 400, 600)`.
 *
 * - Numeric ids (`format` undefined): `numericStart + index` in a `Float64Array`.
 * - Formatted ids: `prefix + index padded to width + suffix`; an index with
 *   more digits than `width` is written in full (still unique: padded numbers
 *   have exactly `width` digits, longer ones no leading zero).
 * - Formatted ids with `exclude`: the index is first mapped through a keyed
 *   bijection that keeps its digit count: indices below 10^width to a permuted
 *   `width`-digit number, indices of d > width digits to a permuted d-digit
 *   number (no leading zero). An id the filter holds gets a `0` put in front of
 *   its digits, again until the filter does not hold it. That stays unique:
 *   an id longer than `width` digits that starts with `0` is never a permuted
 *   number, and two such ids with different numbers of added zeros differ at
 *   the first digit of the shorter number, which is not `0` once past `width`.
 *   So no real id comes back, ids look random, and each is still a function of
 *   the index alone (the filter and the key fixed).
 *
 * @param format - `{ prefix, width, suffix }` (see {@link inferIdFormat}), or `undefined` for numeric ids
 * @param start - the first row's index (an integer >= 0)
 * @param n - the number of rows
 * @param options - `numericStart` (numeric ids; default 0), `exclude` (a {@link RealValueFilter} of the real ids; formatted ids only), `rng` (the permutation's key)
 * @returns `string[]` for a format, `Float64Array` for numeric ids
 * @throws ParamError for a bad format, start, n, numericStart or option, or `exclude` with numeric ids
 * @example
 * generateIds({ prefix: "C-", width: 3, suffix: "" }, 998, 3); // => ["C-998", "C-999", "C-1000"]
 * generateIds(undefined, 0, 3, { numericStart: 1 }); // => Float64Array.from([1, 2, 3])
 * const real = RealValueFilter.fromValues(["C-001", "C-002"], createRng(1));
 * const ids = generateIds({ prefix: "C-", width: 3, suffix: "" }, 0, 1000, { exclude: real, rng: createRng(2) });
 * new Set(ids).size; // => 1000
 * ids.some((id) => real.has(id)); // => false
 */
export function generateIds(format: IdFormat, start: number, n: number, options?: IdOptions): string[];
export function generateIds(format: undefined, start: number, n: number, options?: IdOptions): Float64Array;
export function generateIds(format: IdFormat | undefined, start: number, n: number, options?: IdOptions): string[] | Float64Array;
export function generateIds(format: IdFormat | undefined, start: number, n: number, options?: IdOptions): string[] | Float64Array {
  const where = "generateIds";
  checkInteger(where, "start", start, 0);
  checkSize(where, n, "n");
  if (n > 0 && start > MAX_INDEX - (n - 1)) {
    throw new ParamError(where, "n", n, `the last row, start + n - 1, must be at most 2^53 - 1 (ids are exact doubles), got start = ${start} and n = ${n}.`);
  }
  const opts = mergeOptions(where, ID_DEFAULTS, options);
  const exclude = opts.exclude;
  if (exclude !== undefined && !(exclude instanceof RealValueFilter)) {
    throw new ParamTypeError(where, "exclude", exclude, `'exclude' must be a RealValueFilter (RealValueFilter.fromValues(realIds, rng)), got ${show(exclude)}.`);
  }
  if (opts.rng !== undefined && !(opts.rng instanceof Rng)) {
    throw new ParamTypeError(where, "rng", opts.rng, `'rng' must be an Rng (createRng(seed)), got ${show(opts.rng)}.`);
  }
  if (format === undefined) {
    const first = checkInteger(where, "numericStart", opts.numericStart);
    if (exclude !== undefined) {
      throw new ParamError(where, "exclude", exclude, `'exclude' needs formatted ids; numeric ids are numericStart + index. To avoid the real ids, set numericStart above the largest real id.`);
    }
    if (!Number.isSafeInteger(first + start + n)) {
      throw new ParamError(where, "numericStart", first, `numericStart + start + n must stay an integer below 2^53, got ${first + start + n}.`);
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = first + start + i;
    return out;
  }
  const { prefix, width, suffix } = checkFormat(where, format);
  const out: string[] = new Array(n);
  if (exclude === undefined) {
    for (let i = 0; i < n; i++) out[i] = prefix + String(start + i).padStart(width, "0") + suffix;
    return out;
  }
  const key = keyWords(opts.rng, exclude);
  const perms = new Map<number, DigitPermutation>();
  const digits = new Uint8Array(Math.max(width, 17));
  for (let i = 0; i < n; i++) {
    const index = start + i;
    const len = width >= 16 || index < 10 ** width ? width : String(index).length;
    let perm = perms.get(len);
    if (perm === undefined) {
      // width digits: any; longer: the first digit 1-9 (written as 0-8 with radix 9).
      const radices = len === width ? new Array<number>(len).fill(10) : [9, ...new Array<number>(len - 1).fill(10)];
      perm = new DigitPermutation(radices, key, len);
      perms.set(len, perm);
    }
    perm.apply(len === width ? index : index - 10 ** (len - 1), digits);
    let s = len === width ? "" : String(digits[0]! + 1);
    for (let j = len === width ? 0 : 1; j < len; j++) s += String.fromCharCode(48 + digits[j]!);
    let id = prefix + s + suffix;
    while (exclude.has(id)) {
      s = "0" + s;
      id = prefix + s + suffix;
    }
    out[i] = id;
  }
  return out;
}

function checkFormat(where: string, format: unknown): IdFormat {
  if (format === null || typeof format !== "object") {
    throw new ParamTypeError(where, "format", format, `'format' must be { prefix, width, suffix } or undefined for numeric ids, got ${show(format)}.`);
  }
  const { prefix, width, suffix } = format as Record<string, unknown>;
  if (typeof prefix !== "string" || typeof suffix !== "string") {
    throw new ParamTypeError(where, "format", format, `'format.prefix' and 'format.suffix' must be strings, got ${show(prefix)} and ${show(suffix)}.`);
  }
  if (typeof width !== "number" || !Number.isInteger(width) || width < 1 || width > 64) {
    throw new ParamError(where, "format", format, `'format.width' must be an integer in [1, 64], got ${show(width)}.`);
  }
  return { prefix, width, suffix };
}

// ------------------------------------------------------------ pattern ids

/** A character class of an id pattern position. */
export type IdCharClass = "digit" | "upper" | "lower" | "hexUpper" | "hexLower" | "alnumUpper" | "alnumLower" | "alpha" | "alnum";

/** One position of an {@link IdPattern}: a character class, or a literal character. */
export type IdPatternSlot = { readonly class: IdCharClass } | { readonly literal: string };

/** The shape of fixed-length string ids, one slot per character (plain JSON). */
export type IdPattern = readonly IdPatternSlot[];

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";

/** The characters of each class, in the order ids use them. */
const CLASS_CHARS = {
  digit: DIGITS,
  upper: UPPER,
  lower: LOWER,
  hexUpper: DIGITS + "ABCDEF",
  hexLower: DIGITS + "abcdef",
  alnumUpper: DIGITS + UPPER,
  alnumLower: DIGITS + LOWER,
  alpha: UPPER + LOWER,
  alnum: DIGITS + UPPER + LOWER,
} satisfies Record<IdCharClass, string>;

const CLASS_REGEX = {
  digit: "[0-9]",
  upper: "[A-Z]",
  lower: "[a-z]",
  hexUpper: "[0-9A-F]",
  hexLower: "[0-9a-f]",
  alnumUpper: "[0-9A-Z]",
  alnumLower: "[0-9a-z]",
  alpha: "[A-Za-z]",
  alnum: "[0-9A-Za-z]",
} satisfies Record<IdCharClass, string>;

/** The smallest class holding every character seen at a position (letters-only positions stay letters). */
function classOf(chars: Set<string>): IdCharClass | undefined {
  let digit = false;
  let upper = false;
  let lower = false;
  let hexLetters = true;
  for (const c of chars) {
    if (c >= "0" && c <= "9") digit = true;
    else if (c >= "A" && c <= "Z") {
      upper = true;
      if (c > "F") hexLetters = false;
    } else if (c >= "a" && c <= "z") {
      lower = true;
      if (c > "f") hexLetters = false;
    } else return undefined;
  }
  if (!upper && !lower) return "digit";
  if (!digit) return upper && lower ? "alpha" : upper ? "upper" : "lower";
  if (upper && lower) return "alnum";
  if (hexLetters) return upper ? "hexUpper" : "hexLower";
  return upper ? "alnumUpper" : "alnumLower";
}

/**
 * The shape of string ids that are not prefix + number ("7590-VHVEG", UUIDs):
 * one slot per character position, a literal where every value has the same
 * character, else the smallest class holding the characters seen there
 * (digits; upper- or lower-case letters; hex; letters and digits), or hex at
 * every varying position when all the varying characters are hex digits
 * (UUIDs, hashes). From a single value, its letters and digits become
 * classes and the rest literals.
 *
 * @param values - the real id column, as strings
 * @returns the pattern, or `undefined` when the values differ in length, vary at a position holding other characters than ASCII letters and digits, have no varying position, or are empty
 * @throws ParamTypeError when `values` is not an array of strings
 * @example
 * const p = inferIdPattern(["7590-VHVEG", "5575-GNVDE", "3668-QPYBK"]);
 * idPatternToRegExp(p!).source; // => "^[0-9]{4}-[A-Z]{5}$"
 * inferIdPattern(["a1", "b22"]); // => undefined
 */
export function inferIdPattern(values: readonly string[]): IdPattern | undefined {
  checkStrings("inferIdPattern", values);
  if (values.length === 0) return undefined;
  const len = values[0]!.length;
  if (values.some((v) => v.length !== len)) return undefined;
  const single = values.every((v) => v === values[0]);
  const sets: Set<string>[] = [];
  const varying = new Set<string>();
  for (let j = 0; j < len; j++) {
    const chars = new Set<string>();
    for (const v of values) chars.add(v[j]!);
    sets.push(chars);
    if (chars.size > 1 || single) for (const c of chars) varying.add(c);
  }
  // Hex ids (UUIDs, hashes) vary in digits and a-f everywhere: one class for all positions,
  // though a few values may show only digits or only letters at some of them.
  const overall = classOf(varying);
  const hex = overall === "hexLower" || overall === "hexUpper" ? overall : undefined;
  const slots: IdPatternSlot[] = [];
  for (let j = 0; j < len; j++) {
    const chars = sets[j]!;
    const c = classOf(chars);
    if (chars.size === 1 && (!single || c === undefined)) slots.push({ literal: values[0]![j]! });
    else if (c === undefined) return undefined;
    else slots.push({ class: hex ?? c });
  }
  return slots.some((s) => "class" in s) ? slots : undefined;
}

function checkPattern(where: string, pattern: unknown): IdPattern {
  if (!Array.isArray(pattern) || pattern.length === 0) {
    throw new ParamTypeError(where, "pattern", pattern, `'pattern' must be a non-empty array of slots ({ class } or { literal }) as inferIdPattern returns, got ${show(pattern)}.`);
  }
  pattern.forEach((s: unknown, i) => {
    const slot = (s ?? {}) as Record<string, unknown>;
    const okClass = typeof slot["class"] === "string" && Object.hasOwn(CLASS_CHARS, slot["class"]);
    const okLiteral = typeof slot["literal"] === "string" && (slot["literal"] as string).length === 1;
    if (okClass === okLiteral) {
      throw new ParamError(where, "pattern", pattern, `pattern[${i}] must be { class: one of ${Object.keys(CLASS_CHARS).join(", ")} } or { literal: one character }, got ${show(s)}.`);
    }
  });
  return pattern as IdPattern;
}

/**
 * The number of distinct ids a pattern can write (a float when above 2^53).
 *
 * @example
 * idPatternSize(inferIdPattern(["7590-VHVEG", "5575-GNVDE", "3668-QPYBK"])!); // => 10 ** 4 * 26 ** 5
 */
export function idPatternSize(pattern: IdPattern): number {
  let size = 1;
  for (const s of checkPattern("idPatternSize", pattern)) if ("class" in s) size *= CLASS_CHARS[s.class].length;
  return size;
}

/**
 * A regular expression matching exactly the ids of a pattern.
 *
 * @example
 * idPatternToRegExp([{ literal: "#" }, { class: "hexLower" }, { class: "hexLower" }]).test("#a9"); // => true
 */
export function idPatternToRegExp(pattern: IdPattern): RegExp {
  const parts: string[] = [];
  for (const s of checkPattern("idPatternToRegExp", pattern)) {
    parts.push("class" in s ? CLASS_REGEX[s.class] : s.literal.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"));
  }
  // Run-length encode repeats: [0-9][0-9][0-9] -> [0-9]{3}.
  let src = "";
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && parts[j] === parts[i]) j++;
    src += j - i > 1 ? `${parts[i]}{${j - i}}` : parts[i];
    i = j;
  }
  return new RegExp(`^${src}$`);
}

/**
 * Unique ids of a pattern's shape for rows `start .. start + n - 1`: the row
 * index goes through a keyed bijection of [0, size) (a Feistel network over
 * the pattern's class positions) and is written in the pattern's characters.
 * So ids look random, never repeat, and each is a pure function of its row
 * index and the seed (shards agree).
 *
 * @param pattern - the shape (see {@link inferIdPattern})
 * @param start - the first row's index (an integer >= 0)
 * @param n - the number of rows
 * @param seed - a number or string seeding the permutation's key; an `Rng` gives 4 draws of 32 bits (pass the same state to every shard)
 * @returns `n` distinct strings matching {@link idPatternToRegExp}
 * @throws ParamError when start + n exceeds the pattern's {@link idPatternSize}, or for a bad pattern, start or n
 * @example
 * const p = inferIdPattern(["7590-VHVEG", "5575-GNVDE", "3668-QPYBK"])!;
 * const ids = generatePatternIds(p, 0, 1000, 42);
 * new Set(ids).size; // => 1000
 * ids.every((id) => /^\d{4}-[A-Z]{5}$/.test(id)); // => true
 * generatePatternIds(p, 10, 5, 42).join() === ids.slice(10, 15).join(); // => true
 */
export function generatePatternIds(pattern: IdPattern, start: number, n: number, seed: SeedValue | Rng): string[] {
  const where = "generatePatternIds";
  const slots = checkPattern(where, pattern);
  checkInteger(where, "start", start, 0);
  checkSize(where, n, "n");
  if (!(seed instanceof Rng) && typeof seed !== "number" && typeof seed !== "string") {
    throw new ParamTypeError(where, "seed", seed, `'seed' must be a number, a string or an Rng, got ${show(seed)}.`);
  }
  const size = idPatternSize(slots);
  if (start + n > size || start + n - 1 > MAX_INDEX) {
    throw new ParamError(
      where,
      "n",
      n,
      `the pattern ${idPatternToRegExp(slots).source} has ${size} distinct ids, fewer than the ${start + n} that rows 0 .. ${start + n - 1} need. Use a longer pattern or numeric ids.`,
    );
  }
  const classSlots = slots.filter((s): s is { class: IdCharClass } => "class" in s);
  const alphabets = classSlots.map((s) => CLASS_CHARS[s.class]);
  const key = createRng(seed).integers(0, 2 ** 32, 4);
  const perm = new DigitPermutation(
    alphabets.map((a) => a.length),
    key,
    0,
  );
  const digits = new Uint8Array(alphabets.length);
  // Character codes of the id, literals filled in once.
  const codes = slots.map((s) => ("literal" in s ? s.literal.charCodeAt(0) : 0));
  const where_ = slots.flatMap((s, j) => ("class" in s ? [j] : []));
  const alphabetCodes = alphabets.map((a) => Uint16Array.from(a, (c) => c.charCodeAt(0)));
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    perm.apply(start + i, digits);
    for (let k = 0; k < where_.length; k++) codes[where_[k]!] = alphabetCodes[k]![digits[k]!]!;
    out[i] = String.fromCharCode(...codes);
  }
  return out;
}
