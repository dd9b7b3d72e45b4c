/**
 * A set of salted hashes of a real column's values, kept by a fitted model so
 * that generated personal data (and, optionally, ids) never repeat a real
 * value, without the model storing the real values themselves.
 *
 * Split from personal-data.ts (which re-exports it) so that ids.ts can use it
 * without loading faker.
 */
import { hash } from "node:crypto";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { Rng } from "../random/rng.js";

/** The JSON form of a {@link RealValueFilter} (`filter.toJSON()`), versioned. */
export interface RealValueFilterJSON {
  readonly schema: "synthlab.real-value-filter/1";
  /** The salt, 32 hex digits. */
  readonly salt: string;
  /** The sorted 64-bit hashes, 8 big-endian bytes each, as one base64 string. */
  readonly hashes: string;
}

const SCHEMA = "synthlab.real-value-filter/1";
const SALT_HEX = /^[0-9a-f]{32}$/;

const NON_ASCII = /[^\x00-\x7f]/;

/** The normal form a value is hashed in: NFC, trimmed, lower-cased. */
function normalize(value: string): string {
  return (NON_ASCII.test(value) ? value.normalize("NFC") : value).trim().toLowerCase();
}

/**
 * A set of 64-bit hashes, each as two 32-bit words in open addressing with
 * linear probing (8 bytes a slot, at most half full): a `Set` of hex strings
 * would hold ~100 bytes a value.
 */
class HashSet64 {
  private words: Uint32Array;
  private mask: number;
  private hasZero = false;
  size = 0;

  constructor(expected = 0) {
    let cap = 16;
    while (cap < 2 * expected) cap *= 2;
    this.words = new Uint32Array(2 * cap);
    this.mask = cap - 1;
  }

  /** The slot holding (hi, lo), or the empty slot where it would go. */
  private slot(hi: number, lo: number): number {
    const w = this.words;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const a = w[2 * i]!;
      const b = w[2 * i + 1]!;
      if ((a === hi && b === lo) || (a === 0 && b === 0)) return i;
      i = (i + 1) & this.mask;
    }
  }

  has(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) return this.hasZero;
    const i = this.slot(hi, lo);
    return this.words[2 * i] === hi && this.words[2 * i + 1] === lo;
  }

  add(hi: number, lo: number): void {
    if (hi === 0 && lo === 0) {
      if (!this.hasZero) this.size++;
      this.hasZero = true;
      return;
    }
    const i = this.slot(hi, lo);
    if (this.words[2 * i] === hi && this.words[2 * i + 1] === lo) return;
    this.words[2 * i] = hi;
    this.words[2 * i + 1] = lo;
    this.size++;
    if (2 * this.size > this.mask + 1) this.grow();
  }

  private grow(): void {
    const old = this.words;
    this.words = new Uint32Array(2 * old.length);
    this.mask = old.length - 1;
    this.size = this.hasZero ? 1 : 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!);
  }

  /** The hashes, sorted, as 8 big-endian bytes each. */
  toBytes(): Buffer {
    const all = new BigUint64Array(this.size);
    let k = 0;
    if (this.hasZero) all[k++] = 0n;
    const w = this.words;
    for (let i = 0; i < w.length; i += 2) if (w[i] !== 0 || w[i + 1] !== 0) all[k++] = (BigInt(w[i]!) << 32n) | BigInt(w[i + 1]!);
    all.sort();
    const out = Buffer.alloc(8 * all.length);
    for (let i = 0; i < all.length; i++) out.writeBigUInt64BE(all[i]!, 8 * i);
    return out;
  }
}

/**
 * Salted 64-bit hashes of the distinct values of a real column: `has(value)`
 * tells whether a candidate equals (after trimming, lower-casing and Unicode
 * NFC) one of the real values, yet the filter never holds the values
 * themselves. Each hash is the first 64 bits of SHA-256(salt + normalized
 * value); the salt is 128 bits drawn from the fitting `rng`, so hashes differ
 * between models and no precomputed table applies. 64 bits make a false
 * positive (a new value taken for a real one) about n / 2^64: it only costs a
 * redraw.
 *
 * Privacy: a salted hash hides values that cannot be guessed, not values
 * that can. Anyone holding the filter and its salt can hash a dictionary of
 * candidates (all first names, all last names, the example-domain emails a
 * generator makes, every 9-digit SSN) and learn which were in the real column.
 * So the filter is optional: use it when sharing no value with the real
 * column matters more than that leak, and keep a model that carries one
 * as confidential as the data.
 *
 * @example
 * const f = RealValueFilter.fromValues(["Ann Lee", "Bo Chen"], createRng(1));
 * f.has("  ann lee "); // => true
 * f.has("Cy Diaz"); // => false
 * f.size; // => 2
 * RealValueFilter.fromJSON(f.toJSON()).has("Bo Chen"); // => true
 */
export class RealValueFilter {
  /** The salt (32 hex digits) prefixed to every normalized value before hashing. */
  readonly salt: string;
  private readonly hashes: HashSet64;

  private constructor(salt: string, hashes: HashSet64) {
    this.salt = salt;
    this.hashes = hashes;
  }

  /**
   * Builds the filter from a real column's values, with a salt drawn from
   * `rng`. Missing values (`null`, `undefined`) are skipped; numbers and
   * bigints are taken as their decimal text.
   *
   * @param values - the real column's values
   * @param rng - the fitting generator; the salt takes 4 draws of 32 bits from it
   * @returns the filter
   * @throws ParamTypeError when `values` is not iterable, holds another kind of value, or `rng` is not an Rng
   * @example
   * RealValueFilter.fromValues(["a@example.com", null, "b@example.com"], createRng(3)).size; // => 2
   */
  static fromValues(values: Iterable<string | number | bigint | null | undefined>, rng: Rng): RealValueFilter {
    const where = "RealValueFilter.fromValues";
    if (values === null || typeof values !== "object" || typeof (values as Iterable<unknown>)[Symbol.iterator] !== "function") {
      throw new ParamTypeError(where, "values", values, `'values' must be an iterable of strings (a column), got ${show(values)}.`);
    }
    if (!(rng instanceof Rng)) {
      throw new ParamTypeError(where, "rng", rng, `'rng' must be an Rng (createRng(seed)), got ${show(rng)}.`);
    }
    const words = rng.integers(0, 2 ** 32, 4);
    const salt = Array.from(words, (w) => w.toString(16).padStart(8, "0")).join("");
    const hashes = new HashSet64(Array.isArray(values) ? values.length : 0);
    let i = 0;
    for (const v of values) {
      if (v !== null && v !== undefined) {
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") {
          throw new ParamTypeError(where, "values", v, `values[${i}] must be a string, got ${show(v)}.`);
        }
        const h = hashValue(salt, String(v));
        hashes.add(parseInt(h.slice(0, 8), 16), parseInt(h.slice(8, 16), 16));
      }
      i++;
    }
    return new RealValueFilter(salt, hashes);
  }

  /** The number of distinct (normalized) real values. */
  get size(): number {
    return this.hashes.size;
  }

  /**
   * True when `value`, normalized (NFC, trimmed, lower-cased), hashes to one
   * of the real values' hashes.
   *
   * @param value - a candidate value
   * @returns whether the candidate equals a real value (or, with probability ~size / 2^64, collides with one)
   * @example
   * RealValueFilter.fromValues(["X-1"], createRng(0)).has("x-1"); // => true
   */
  has(value: string): boolean {
    if (typeof value !== "string") {
      throw new ParamTypeError("RealValueFilter.has", "value", value, `'value' must be a string, got ${show(value)}.`);
    }
    const h = hashValue(this.salt, value);
    return this.hashes.has(parseInt(h.slice(0, 8), 16), parseInt(h.slice(8, 16), 16));
  }

  /** The filter as JSON: the salt and the sorted hashes packed into one base64 string (8 bytes a value). */
  toJSON(): RealValueFilterJSON {
    return { schema: SCHEMA, salt: this.salt, hashes: this.hashes.toBytes().toString("base64") };
  }

  /**
   * Rebuilds a filter from {@link toJSON}'s output.
   *
   * @throws ParamError when the object is not a filter's JSON (wrong schema, salt or hash bytes)
   * @example
   * const f = RealValueFilter.fromValues(["a", "b", "c"], createRng(5));
   * RealValueFilter.fromJSON(JSON.parse(JSON.stringify(f))).size; // => 3
   */
  static fromJSON(json: RealValueFilterJSON): RealValueFilter {
    const where = "RealValueFilter.fromJSON";
    if (json === null || typeof json !== "object" || json.schema !== SCHEMA) {
      throw new ParamError(where, "json", json, `expected an object with schema "${SCHEMA}", got ${show(json)}.`);
    }
    if (typeof json.salt !== "string" || !SALT_HEX.test(json.salt)) {
      throw new ParamError(where, "salt", json.salt, `'salt' must be 32 lower-case hex digits, got ${show(json.salt)}.`);
    }
    if (typeof json.hashes !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(json.hashes)) {
      throw new ParamError(where, "hashes", json.hashes, `'hashes' must be a base64 string, got ${show(json.hashes)}.`);
    }
    const bytes = Buffer.from(json.hashes, "base64");
    if (bytes.length % 8 !== 0) {
      throw new ParamError(where, "hashes", json.hashes, `'hashes' must decode to a multiple of 8 bytes, got ${bytes.length}.`);
    }
    const hashes = new HashSet64(bytes.length / 8);
    for (let i = 0; i < bytes.length; i += 8) hashes.add(bytes.readUInt32BE(i), bytes.readUInt32BE(i + 4));
    return new RealValueFilter(json.salt, hashes);
  }
}

/** First 64 bits (16 hex digits) of SHA-256(salt + normalized value). */
function hashValue(salt: string, value: string): string {
  return hash("sha256", salt + normalize(value), "hex").slice(0, 16);
}
