/**
 * strftime-style datetime formats, all in UTC: detect the format of a column
 * of date strings, parse strings to epoch milliseconds and write them back
 * exactly as they came. No dependency: a format is compiled once into two
 * closures that scan characters (no regular expression, no `Date` per value).
 *
 * Directives (Python's `strftime`, plus three extensions marked *):
 *
 * | directive | meaning | parses | writes |
 * |---|---|---|---|
 * | `%Y` | year | 4 digits | 4 digits, zero-padded |
 * | `%y` | year in century (69–99 → 19xx, 00–68 → 20xx, as POSIX) | 2 digits | 2 digits |
 * | `%m` `%d` `%H` `%I` `%M` `%S` | month, day, hour (24 h), hour (12 h), minute, second | exactly 2 digits | 2 digits |
 * | `%-m` `%-d` `%-H` `%-I` * | the same without zero padding (glibc) | 1 or 2 digits | no padding |
 * | `%f` | fraction of a second | 1 to 9 digits | 6 digits (microseconds), as Python |
 * | `%3f` (`%1f` … `%9f`) * | fraction of a second with exactly N digits | exactly N digits | N digits |
 * | `%p` | AM / PM (upper case) | `AM` or `PM` | `AM` or `PM` |
 * | `%b` `%B` | month name, short / full (English, title case: `Jan`, `January`) | the name | the name |
 * | `%a` `%A` | weekday name, short / full (checked against the date) | the name | the name |
 * | `%%` | a literal `%` | | |
 *
 * Every other character is literal and must match exactly (no trimming, no
 * case folding). Parsing checks the calendar (2023-02-30 and 24:00 are
 * rejected). Times are stored with microsecond precision at most; digits of
 * `%7f`–`%9f` beyond the sixth are written as zeros. Formatting truncates
 * (as `strftime`) below the format's resolution.
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";

/** A compiled format: parse and format closures for one pattern. */
export interface CompiledDatetimeFormat {
  /** The strftime pattern it was compiled from. */
  readonly pattern: string;
  /** The smallest step the pattern can express, in ms (see {@link datetimeResolution}). */
  readonly resolution: number;
  /** Epoch milliseconds (UTC) of `s`, NaN when `s` does not match the pattern or is not a real date. */
  parse(s: string): number;
  /** `ms` written with the pattern; throws a ParamError for a non-finite `ms`. */
  format(ms: number): string;
}

/** Options of {@link detectDatetimeFormat}. */
export interface DetectDatetimeFormatOptions {
  /**
   * Also try `%Y%m%d` (8 digits, no separator). Off by default: 8-digit
   * numbers (account numbers, codes) are often not dates.
   * @defaultValue false
   */
  compact?: boolean;
}

/** Token kinds and numeric fields, as small integers so the scan loops stay monomorphic. */
const LIT = 0;
const NUM = 1;
const MONTH = 2;
const WEEKDAY = 3;
const AMPM = 4;
const F_Y = 0;
const F_y = 1;
const F_m = 2;
const F_d = 3;
const F_H = 4;
const F_I = 5;
const F_M = 6;
const F_S = 7;
const F_f = 8;

/** One piece of a pattern; every token has every field (one hidden class). */
interface Token {
  kind: number;
  field: number;
  text: string;
  /** char code of a one-character literal, else -1 */
  code: number;
  minDigits: number;
  maxDigits: number;
  /** digits written (1 = no padding) */
  pad: number;
  full: boolean;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_SHORT = WEEKDAYS.map((w) => w.slice(0, 3));
const DAY_MS = 86_400_000;
const SUPPORTED = "%Y %y %m %d %H %I %M %S %f %1f..%9f %p %b %B %a %A %% and %-m %-d %-H %-I";
const POW10 = Array.from({ length: 10 }, (_, i) => 10 ** i);

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function tokenize(pattern: string, where: string): Token[] {
  const out: Token[] = [];
  let lit = "";
  const tok = (kind: number, field = 0, minDigits = 0, maxDigits = 0, pad = 0, full = false, text = ""): void => {
    out.push({ kind, field, text, code: text.length === 1 ? text.charCodeAt(0) : -1, minDigits, maxDigits, pad, full });
  };
  const num = (field: number, minDigits: number, maxDigits: number, pad: number) => tok(NUM, field, minDigits, maxDigits, pad);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== "%") {
      lit += c;
      continue;
    }
    let d = pattern[++i];
    let noPad = false;
    let digits = 0;
    if (d === "-") {
      noPad = true;
      d = pattern[++i];
    } else if (d !== undefined && d >= "1" && d <= "9" && pattern[i + 1] === "f") {
      digits = Number(d);
      d = pattern[++i];
    }
    if (d === "%") {
      lit += "%";
      continue;
    }
    if (lit) tok(LIT, 0, 0, 0, 0, false, lit);
    lit = "";
    const bad = () => {
      throw new ParamError(
        where,
        "format",
        pattern,
        `unknown directive '%${noPad ? "-" : ""}${d ?? ""}' in datetime format ${show(pattern)}. Supported: ${SUPPORTED}.`,
      );
    };
    if (noPad && !(d === "m" || d === "d" || d === "H" || d === "I")) bad();
    switch (d) {
      case "Y":
        num(F_Y, 4, 4, 4);
        break;
      case "y":
        num(F_y, 2, 2, 2);
        break;
      case "m":
      case "d":
      case "H":
      case "I":
        num({ m: F_m, d: F_d, H: F_H, I: F_I }[d], noPad ? 1 : 2, 2, noPad ? 1 : 2);
        break;
      case "M":
        num(F_M, 2, 2, 2);
        break;
      case "S":
        num(F_S, 2, 2, 2);
        break;
      case "f":
        if (digits) num(F_f, digits, digits, digits);
        else num(F_f, 1, 9, 6);
        break;
      case "p":
        tok(AMPM);
        break;
      case "b":
      case "B":
        tok(MONTH, 0, 0, 0, 0, d === "B");
        break;
      case "a":
      case "A":
        tok(WEEKDAY, 0, 0, 0, 0, d === "A");
        break;
      default:
        bad();
    }
  }
  if (lit) tok(LIT, 0, 0, 0, 0, false, lit);
  return out;
}

function resolutionOf(tokens: readonly Token[]): number {
  let r = DAY_MS;
  for (const k of tokens) {
    if (k.kind !== NUM) continue;
    if (k.field === F_H || k.field === F_I) r = Math.min(r, 3_600_000);
    else if (k.field === F_M) r = Math.min(r, 60_000);
    else if (k.field === F_S) r = Math.min(r, 1000);
    else if (k.field === F_f) r = Math.min(r, Math.max(1, 10 ** (3 - k.pad)));
  }
  return r;
}

/** "00" … "99": two-digit fields without allocating a string per value. */
const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);
const ONE = Array.from({ length: 100 }, (_, i) => String(i));

const pad = (v: number, width: number): string => {
  const s = String(v);
  return s.length >= width ? s : "0".repeat(width - s.length) + s;
};

function compile(pattern: string, where: string): CompiledDatetimeFormat {
  if (typeof pattern !== "string") {
    throw new ParamTypeError(where, "format", pattern, `'format' must be a strftime string such as "%Y-%m-%d", got ${show(pattern)}.`);
  }
  if (pattern === "") throw new ParamError(where, "format", pattern, `'format' must not be empty (e.g. "%Y-%m-%d").`);
  const tokens = tokenize(pattern, where);
  if (!tokens.some((k) => k.kind !== LIT)) {
    throw new ParamError(where, "format", pattern, `datetime format ${show(pattern)} has no directive (e.g. "%Y-%m-%d"). Supported: ${SUPPORTED}.`);
  }
  const hasAmPm = tokens.some((k) => k.kind === AMPM);
  const n = tokens.length;

  const parse = (s: string): number => {
    if (typeof s !== "string") return NaN;
    let pos = 0;
    let Y = 1970;
    let mo = 1;
    let d = 1;
    let H = 0;
    let M = 0;
    let S = 0;
    let frac = 0; // ms
    let pm = -1;
    let wd = -1;
    const len = s.length;
    for (let k = 0; k < n; k++) {
      const tok = tokens[k]!;
      switch (tok.kind) {
        case LIT:
          if (tok.code >= 0) {
            if (s.charCodeAt(pos) !== tok.code) return NaN;
            pos++;
          } else {
            if (!s.startsWith(tok.text, pos)) return NaN;
            pos += tok.text.length;
          }
          break;
        case NUM: {
          let v = 0;
          let nd = 0;
          const max = tok.maxDigits;
          while (nd < max && pos < len) {
            const c = s.charCodeAt(pos) - 48;
            if (c < 0 || c > 9) break;
            v = v * 10 + c;
            nd++;
            pos++;
          }
          if (nd < tok.minDigits) return NaN;
          switch (tok.field) {
            case F_Y:
              Y = v;
              break;
            case F_y:
              Y = v < 69 ? 2000 + v : 1900 + v;
              break;
            case F_m:
              mo = v;
              break;
            case F_d:
              d = v;
              break;
            case F_H:
              H = v;
              if (v > 23) return NaN;
              break;
            case F_I:
              if (v < 1 || v > 12) return NaN;
              H = v;
              break;
            case F_M:
              if (v > 59) return NaN;
              M = v;
              break;
            case F_S:
              if (v > 59) return NaN;
              S = v;
              break;
            case F_f:
              frac = (v * 1000) / POW10[nd]!;
              break;
          }
          break;
        }
        case MONTH: {
          const names = tok.full ? MONTHS : MONTHS_SHORT;
          let found = -1;
          for (let i = 0; i < 12; i++) {
            if (s.startsWith(names[i]!, pos)) {
              found = i;
              break;
            }
          }
          if (found < 0) return NaN;
          mo = found + 1;
          pos += names[found]!.length;
          break;
        }
        case WEEKDAY: {
          const names = tok.full ? WEEKDAYS : WEEKDAYS_SHORT;
          let found = -1;
          for (let i = 0; i < 7; i++) {
            if (s.startsWith(names[i]!, pos)) {
              found = i;
              break;
            }
          }
          if (found < 0) return NaN;
          wd = found;
          pos += names[found]!.length;
          break;
        }
        case AMPM: {
          const a = s.charCodeAt(pos);
          if ((a !== 65 && a !== 80) || s.charCodeAt(pos + 1) !== 77) return NaN;
          pm = a === 80 ? 1 : 0;
          pos += 2;
          break;
        }
      }
    }
    if (pos !== len) return NaN;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(Y, mo)) return NaN;
    if (hasAmPm && pm >= 0) H = (H % 12) + (pm === 1 ? 12 : 0);
    const days = daysFromCivil(Y, mo, d);
    if (wd >= 0 && (((days % 7) + 11) % 7) !== wd) return NaN;
    return days * DAY_MS + H * 3_600_000 + M * 60_000 + S * 1000 + frac;
  };

  const format = (ms: number): string => {
    if (typeof ms !== "number" || !Number.isFinite(ms)) {
      throw new ParamError(
        "formatDatetime",
        "ms",
        ms,
        `'ms' must be a finite number of epoch milliseconds, got ${show(ms)} (write missing values yourself, e.g. as null, before formatting).`,
      );
    }
    // Round to whole microseconds first so float noise (x.99999999) does not truncate to the unit below.
    let whole = Math.floor(ms);
    let micro = Math.round((ms - whole) * 1000);
    if (micro === 1000) {
      whole += 1;
      micro = 0;
    }
    const days = Math.floor(whole / DAY_MS);
    let rem = whole - days * DAY_MS;
    const H = Math.floor(rem / 3_600_000);
    rem -= H * 3_600_000;
    const M = Math.floor(rem / 60_000);
    rem -= M * 60_000;
    const S = Math.floor(rem / 1000);
    const subMicro = (rem - S * 1000) * 1000 + micro; // 0..999999
    // civil from days (Hinnant)
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const mo = mp < 10 ? mp + 3 : mp - 9;
    const Y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
    let out = "";
    for (let k = 0; k < n; k++) {
      const tok = tokens[k]!;
      switch (tok.kind) {
        case LIT:
          out += tok.text;
          break;
        case NUM:
          switch (tok.field) {
            case F_Y:
              out += Y >= 0 && Y <= 9999 ? TWO[(Y / 100) | 0]! + TWO[Y % 100]! : Y < 0 ? "-" + pad(-Y, 4) : String(Y);
              break;
            case F_y:
              out += TWO[((Y % 100) + 100) % 100]!;
              break;
            case F_m:
              out += (tok.pad === 2 ? TWO : ONE)[mo]!;
              break;
            case F_d:
              out += (tok.pad === 2 ? TWO : ONE)[d]!;
              break;
            case F_H:
              out += (tok.pad === 2 ? TWO : ONE)[H]!;
              break;
            case F_I:
              out += (tok.pad === 2 ? TWO : ONE)[H % 12 === 0 ? 12 : H % 12]!;
              break;
            case F_M:
              out += TWO[M]!;
              break;
            case F_S:
              out += TWO[S]!;
              break;
            case F_f: {
              const w = tok.pad;
              out += w <= 6 ? pad(Math.floor(subMicro / POW10[6 - w]!), w) : pad(subMicro, 6) + "0".repeat(w - 6);
              break;
            }
          }
          break;
        case MONTH:
          out += (tok.full ? MONTHS : MONTHS_SHORT)[mo - 1]!;
          break;
        case WEEKDAY:
          out += (tok.full ? WEEKDAYS : WEEKDAYS_SHORT)[(((days % 7) + 11) % 7)]!;
          break;
        case AMPM:
          out += H < 12 ? "AM" : "PM";
          break;
      }
    }
    return out;
  };

  return { pattern, resolution: resolutionOf(tokens), parse, format };
}

const cache = new Map<string, CompiledDatetimeFormat>();

/**
 * Compiles a strftime pattern once into `parse` and `format` closures (cached
 * by pattern), for loops over many values.
 *
 * @param format - a strftime pattern (see the directives in this module's comment)
 * @returns `{ pattern, resolution, parse(s) → epoch ms | NaN, format(ms) → string }`
 * @throws ParamError for an unknown directive or a pattern without directives
 * @example
 * const f = compileDatetimeFormat("%d/%m/%Y %H:%M");
 * f.parse("31/12/2023 23:59"); // => 1704067140000
 * f.format(1704067140000); // => "31/12/2023 23:59"
 * f.resolution; // => 60000
 */
export function compileDatetimeFormat(format: string): CompiledDatetimeFormat {
  let c = cache.get(format);
  if (!c) {
    c = compile(format, "compileDatetimeFormat");
    if (cache.size > 1000) cache.clear();
    cache.set(format, c);
  }
  return c;
}

/**
 * Parses a date string with a strftime pattern, in UTC.
 *
 * @param s - the text, matched exactly (no trimming)
 * @param format - a strftime pattern
 * @returns epoch milliseconds, NaN when `s` does not match or is not a real date (2023-02-30)
 * @throws ParamError for an unknown directive in `format`
 * @example
 * parseDatetime("2024-02-29", "%Y-%m-%d"); // => 1709164800000
 * parseDatetime("2023-02-29", "%Y-%m-%d"); // => NaN
 */
export function parseDatetime(s: string, format: string): number {
  return compileDatetimeFormat(format).parse(s);
}

/**
 * Writes epoch milliseconds with a strftime pattern, in UTC: the exact
 * inverse of {@link parseDatetime} (`formatDatetime(parseDatetime(s, f), f) === s`
 * for every `s` the pattern matches with its padding). `%f` writes 6 digits,
 * `%3f` 3; values between the format's steps are truncated, as `strftime` does.
 *
 * @param ms - epoch milliseconds (finite)
 * @param format - a strftime pattern
 * @throws ParamError for a non-finite `ms` or an unknown directive
 * @example
 * formatDatetime(Date.UTC(2023, 0, 5, 14, 7, 9, 250), "%b %-d, %Y %I:%M:%S.%3f %p"); // => "Jan 5, 2023 02:07:09.250 PM"
 */
export function formatDatetime(ms: number, format: string): string {
  return compileDatetimeFormat(format).format(ms);
}

/**
 * The smallest step a pattern can express, in milliseconds: 86,400,000 for
 * dates only (also for coarser patterns such as `%Y-%m`), 3,600,000 with
 * hours, 60,000 with minutes, 1,000 with seconds, 100 for `%1f`, 10 for `%2f`
 * and 1 for `%3f` or finer (`%f`). Synthesizers round sampled times to it.
 *
 * @example
 * datetimeResolution("%Y-%m-%d"); // => 86400000
 * datetimeResolution("%Y-%m-%dT%H:%M:%S.%fZ"); // => 1
 */
export function datetimeResolution(format: string): number {
  return compileDatetimeFormat(format).resolution;
}

// ---- detection ------------------------------------------------------------

const DATE_PARTS = [
  "%Y-%m-%d",
  "%Y/%m/%d",
  "%m/%d/%Y",
  "%d/%m/%Y",
  "%-m/%-d/%Y",
  "%-d/%-m/%Y",
  "%m/%d/%y",
  "%d/%m/%y",
  "%-m/%-d/%y",
  "%-d/%-m/%y",
  "%d-%m-%Y",
  "%m-%d-%Y",
  "%d.%m.%Y",
  "%-d.%-m.%Y",
  "%d.%m.%y",
  "%d %b %Y",
  "%-d %b %Y",
  "%b %d, %Y",
  "%b %-d, %Y",
  "%d-%b-%Y",
  "%-d-%b-%Y",
  "%d-%b-%y",
  "%d %B %Y",
  "%-d %B %Y",
  "%B %d, %Y",
  "%B %-d, %Y",
];
const TIME_PARTS = [
  "%H:%M:%S",
  "%H:%M",
  "%H:%M:%S.%f",
  "%I:%M %p",
  "%I:%M:%S %p",
  "%-I:%M %p",
  "%-I:%M:%S %p",
  "%-H:%M",
  "%-H:%M:%S",
];
const ISO_T_PARTS = ["T%H:%M:%S", "T%H:%M:%S.%f", "T%H:%M", "T%H:%M:%SZ", "T%H:%M:%S.%fZ", "T%H:%MZ"];

let candidates: CompiledDatetimeFormat[] | undefined;
let compactCandidates: CompiledDatetimeFormat[] | undefined;

function candidateList(compact: boolean): CompiledDatetimeFormat[] {
  if (!candidates) {
    const pats: string[] = [];
    for (const date of DATE_PARTS) {
      pats.push(date);
      if (date === "%Y-%m-%d") for (const t of ISO_T_PARTS) pats.push(date + t);
      for (const t of TIME_PARTS) pats.push(`${date} ${t}`);
    }
    pats.push(...TIME_PARTS);
    candidates = pats.map((p) => compile(p, "detectDatetimeFormat"));
    compactCandidates = [...candidates, compile("%Y%m%d", "detectDatetimeFormat")];
  }
  return compact ? compactCandidates! : candidates;
}

/** min and max of the parsed values when every non-missing value parses, else undefined. */
function scanAll(c: CompiledDatetimeFormat, values: readonly (string | null | undefined)[]): { min: number; max: number } | undefined {
  const parse = c.parse;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    if (s === null || s === undefined) continue;
    const v = parse(s);
    if (v !== v) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** What {@link scanDatetimeFormat} finds: the format and the range of the values (epoch ms). */
export interface DatetimeScan {
  format: string;
  min: number;
  max: number;
}

/**
 * {@link detectDatetimeFormat} that also returns the smallest and largest
 * value (epoch ms), in the same single pass over the values.
 *
 * @example
 * scanDatetimeFormat(["2023-01-05", "2022-12-31"]); // => { format: "%Y-%m-%d", min: 1672444800000, max: 1672876800000 }
 */
export function scanDatetimeFormat(
  values: readonly (string | null)[],
  options: DetectDatetimeFormatOptions = {},
): DatetimeScan | undefined {
  if (!Array.isArray(values)) {
    throw new ParamTypeError("detectDatetimeFormat", "values", values, `'values' must be an array of strings (null for missing), got ${show(values)}.`);
  }
  const compact = options?.compact ?? false;
  let first: string | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") return undefined;
    first = v;
    break;
  }
  if (first === undefined || first.length < 4 || first.length > 64) return undefined;
  let digit = false;
  for (let i = 0; i < first.length && !digit; i++) {
    const c = first.charCodeAt(i);
    digit = c >= 48 && c <= 57;
  }
  if (!digit) return undefined;
  for (const c of candidateList(compact)) {
    const v = c.parse(first);
    if (v !== v) continue;
    if (c.pattern.includes("%f")) {
      // the exact digit count of the first value, checked on all (one pass); else %f for mixed counts
      for (let k = 1; k <= 9; k++) {
        const exact = compileDatetimeFormat(c.pattern.replace("%f", `%${k}f`));
        const w = exact.parse(first);
        if (w !== w) continue;
        const r = scanAll(exact, values);
        if (r) return { format: k === 6 ? c.pattern : exact.pattern, ...r };
        break;
      }
    }
    const r = scanAll(c, values);
    if (r) return { format: c.pattern, ...r };
  }
  return undefined;
}

/**
 * The strftime format that parses every non-missing value, or undefined.
 *
 * Formats are tried in this order, and the first that parses all values wins:
 * ISO (`%Y-%m-%d`, then with `T` or a space and `%H:%M:%S`, `%H:%M:%S.%f`,
 * `%H:%M`, each optionally ending in `Z`), `%Y/%m/%d`, `%m/%d/%Y` before
 * `%d/%m/%Y` (when both parse every value, the US order wins, as in pandas),
 * their unpadded forms (`%-m/%-d/%Y`, ...), two-digit years, `%d-%m-%Y`,
 * `%m-%d-%Y`, `%d.%m.%Y`, month names (`%d %b %Y`, `%b %d, %Y`, `%d-%b-%Y`,
 * `%B %d, %Y`, ...), each alone or followed by a 24-hour or 12-hour time
 * (`%H:%M:%S`, `%H:%M`, `%I:%M %p`, ...), then times alone; `%Y%m%d` last,
 * only with `compact`. Zero-padded forms come before unpadded ones, so the
 * detected format writes values back as they came. With `%f`, the format
 * gets the exact digit count when every value has the same one (`%3f` for
 * JavaScript's `toISOString`; `%f` stays for 6 digits or mixed counts).
 *
 * At least one non-missing value is required; a column of plain numbers
 * ("1", "2") matches no format. Values are matched exactly (case, spaces).
 *
 * @param values - strings, null for missing (pass the distinct values of a column: it is faster)
 * @param options - `{ compact }` (see {@link DetectDatetimeFormatOptions})
 * @returns the format, or undefined when no format parses every value
 * @example
 * detectDatetimeFormat(["2023-01-05", null, "2023-12-31"]); // => "%Y-%m-%d"
 * detectDatetimeFormat(["05/01/2023", "31/12/2023"]); // => "%d/%m/%Y"
 * detectDatetimeFormat(["2023-02-30"]); // => undefined
 * detectDatetimeFormat(["20230105"], { compact: true }); // => "%Y%m%d"
 */
export function detectDatetimeFormat(
  values: readonly (string | null)[],
  options: DetectDatetimeFormatOptions = {},
): string | undefined {
  return scanDatetimeFormat(values, options)?.format;
}
