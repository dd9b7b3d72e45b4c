/** Id fields: row sequences, random UUIDs, and strings of a pattern ("ORD-####"), unique on request. */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkBoolean, checkInteger, mergeOptions } from "../core/validate.js";
import { generatePatternIds, type IdPattern, type IdPatternSlot } from "../tabular/ids.js";
import { columnOfValues, impl, type Field } from "./field-core.js";


/** Options of {@link field}`.sequence`. */
export interface SequenceOptions {
  /** The first row's number. @defaultValue 1 */
  start?: number;
  /** The difference between consecutive rows. @defaultValue 1 */
  step?: number;
  /** Text before the number; with `prefix`, `suffix` or `width` the ids are strings. @defaultValue "" */
  prefix?: string;
  /** Text after the number. @defaultValue "" */
  suffix?: string;
  /** Zero-pad the number to this many digits. @defaultValue 0 (no padding) */
  width?: number;
}

const SEQUENCE_DEFAULTS: Required<SequenceOptions> = { start: 1, step: 1, prefix: "", suffix: "", width: 0 };

/** Row numbers `start + step * row`: numbers, or strings such as `"CUST-000042"` with a prefix, suffix or width. Unique by construction. */
export function sequence(options?: SequenceOptions & { prefix?: undefined; suffix?: undefined; width?: undefined }): Field<number>;
export function sequence(options: SequenceOptions): Field<string>;
export function sequence(options?: SequenceOptions): Field<number> | Field<string> {
  const where = "field.sequence";
  const o = mergeOptions(where, SEQUENCE_DEFAULTS, options);
  const start = checkInteger(where, "start", o.start);
  const step = checkInteger(where, "step", o.step);
  if (step === 0) throw new ParamError(where, "step", step, "'step' must not be 0 (the ids would repeat).");
  const width = checkInteger(where, "width", o.width, 0);
  if (typeof o.prefix !== "string" || typeof o.suffix !== "string") throw new ParamTypeError(where, "prefix", o.prefix, "'prefix' and 'suffix' must be strings.");
  const asString = o.prefix !== "" || o.suffix !== "" || width > 0;
  if (asString && (start < 0 || step < 0)) throw new ParamError(where, "start", start, "string ids need 'start' >= 0 and 'step' > 0 (a minus sign inside a padded id is ambiguous).");
  const desc = `sequence(${options === undefined ? "" : JSON.stringify(options).replace(/"(\w+)":/g, "$1: ")})`;
  return impl<string>({
    type: "sequence",
    description: desc,
    draw: ({ positions }) => {
      const n = positions.length;
      if (!asString) return { kind: "integer", values: Float64Array.from(positions, (p) => start + step * p) };
      const cats: string[] = new Array(n);
      for (let i = 0; i < n; i++) cats[i] = o.prefix + String(start + step * positions[i]!).padStart(width, "0") + o.suffix;
      return { kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i), categories: cats };
    },
  }) as Field<number> | Field<string>;
}

const HEX = "0123456789abcdef";

/** Random (version 4) UUIDs from the field's stream: 122 random bits, so repeats have probability ~n²/2^123. */
export function uuid(): Field<string> {
  return impl<string>({
    type: "uuid",
    description: "uuid()",
    draw: ({ rng, positions }) => {
      const n = positions.length;
      const words = rng.integers(0, 2 ** 32, 4 * n);
      const out: string[] = new Array(n);
      const hex = (w: number, digits = 8) => {
        let s = "";
        for (let d = digits - 1; d >= 0; d--) s += HEX[Math.floor(w / 16 ** d) % 16];
        return s;
      };
      for (let i = 0; i < n; i++) {
        const a = words[4 * i]!;
        const b = words[4 * i + 1]!;
        const c = words[4 * i + 2]!;
        const d = words[4 * i + 3]!;
        const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0; // version 4
        const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
        const h = hex(b2);
        const m = hex(c2);
        out[i] = `${hex(a)}-${h.slice(0, 4)}-${h.slice(4)}-${m.slice(0, 4)}-${m.slice(4)}${hex(d)}`;
      }
      return { kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => i), categories: out };
    },
  });
}

/** Options of {@link field}`.pattern`. */
export interface PatternOptions {
  /**
   * Every row gets a different value (a keyed bijection of the row index, as
   * the synthesizers' id columns; an error when the pattern has fewer values than rows).
   * @defaultValue false (each character drawn independently)
   */
  unique?: boolean;
}

/** Parses `"ORD-####"`: `#` a digit, `?` an upper-case letter, `*` an upper-case letter or digit, `\` makes the next character literal. */
function parsePattern(where: string, pattern: unknown): IdPattern {
  if (typeof pattern !== "string" || pattern === "") throw new ParamTypeError(where, "pattern", pattern, `'pattern' must be a non-empty string such as "ORD-####", got ${show(pattern)}.`);
  const slots: IdPatternSlot[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      if (i + 1 >= pattern.length) throw new ParamError(where, "pattern", pattern, "'pattern' ends with a lone backslash.");
      slots.push({ literal: pattern[++i]! });
    } else if (ch === "#") slots.push({ class: "digit" });
    else if (ch === "?") slots.push({ class: "upper" });
    else if (ch === "*") slots.push({ class: "alnumUpper" });
    else slots.push({ literal: ch });
  }
  if (!slots.some((s) => "class" in s)) throw new ParamError(where, "pattern", pattern, `'pattern' ${show(pattern)} has no '#', '?' or '*' to fill (use field.constant for a fixed value).`);
  return slots;
}

const CLASS_CHARS = { digit: "0123456789", upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", alnumUpper: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" } as Record<string, string>;

/**
 * Strings of a fixed shape: `"ORD-####"` (`#` digit, `?` upper-case letter,
 * `*` either, `\` escapes), drawn character by character, or all different
 * with `unique`.
 */
export function pattern(pattern: string, options?: PatternOptions): Field<string> {
  const where = "field.pattern";
  const slots = parsePattern(where, pattern);
  const o = mergeOptions(where, { unique: false } as PatternOptions, options);
  const unique = checkBoolean(where, "unique", o.unique);
  return impl<string>({
    type: "pattern",
    description: `pattern(${JSON.stringify(pattern)}${unique ? ", { unique: true }" : ""})`,
    draw: ({ rng, positions, runKey }) => {
      const n = positions.length;
      let out: string[];
      if (unique) {
        out = new Array(n);
        for (let i = 0; i < n; ) {
          let j = i + 1;
          while (j < n && positions[j] === positions[j - 1]! + 1) j++;
          const ids = generatePatternIds(slots, positions[i]!, j - i, runKey);
          for (let k = i; k < j; k++) out[k] = ids[k - i]!;
          i = j;
        }
      } else {
        out = new Array(n);
        for (let i = 0; i < n; i++) {
          let s = "";
          for (const slot of slots) s += "literal" in slot ? slot.literal : CLASS_CHARS[slot.class]![rng.integers(0, CLASS_CHARS[slot.class]!.length)];
          out[i] = s;
        }
      }
      return columnOfValues(where, "pattern", out);
    },
  });
}
