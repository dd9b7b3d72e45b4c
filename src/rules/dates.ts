/** Date fields: calendar dates and date-times in a range, both ends included. */
import { ParamError } from "../core/errors.js";
import { checkOneOf, mergeOptions } from "../core/validate.js";
import { impl, toMs, type Field } from "./field-core.js";

/** The resolution of {@link field}`.datetime` values. */
export type DateUnit = "day" | "hour" | "minute" | "second" | "millisecond";

const UNIT_MS: Record<DateUnit, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1 };

/** Options of {@link field}`.datetime`. */
export interface DatetimeOptions {
  /** Values are whole multiples of this unit after `start`. @defaultValue "second" */
  unit?: DateUnit;
}

function dateRange(where: string, start: unknown, end: unknown, unit: DateUnit, floorDays: boolean): Field<Date> {
  let s = toMs(where, "start", start);
  let e = toMs(where, "end", end);
  if (floorDays) {
    s = Math.floor(s / UNIT_MS.day) * UNIT_MS.day;
    e = Math.floor(e / UNIT_MS.day) * UNIT_MS.day;
  }
  if (e < s) throw new ParamError(where, "end", end, `'end' (${new Date(e).toISOString()}) must not be before 'start' (${new Date(s).toISOString()}).`);
  const step = UNIT_MS[unit];
  const count = Math.floor((e - s) / step) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, floorDays ? 10 : 19);
  return impl<Date>({
    type: "date",
    description: `${floorDays ? "date" : "datetime"}(${iso(s)}, ${iso(e)}${floorDays ? "" : `, ${unit}`})`,
    draw: ({ rng, positions }) => {
      const k = rng.integers(0, count, positions.length);
      for (let i = 0; i < k.length; i++) k[i] = s + k[i]! * step;
      return { kind: "datetime", values: k };
    },
    quantile: (u) => ({ kind: "datetime", values: Float64Array.from(u, (x) => s + Math.min(count - 1, Math.floor(x * count)) * step) }),
  });
}

/** Calendar dates (UTC midnight) from `start` to `end`, both included, uniformly. */
export function date(start: Date | string | number, end: Date | string | number): Field<Date> {
  return dateRange("field.date", start, end, "day", true);
}

/** Date-times from `start` to `end`, both included, uniformly, at the unit's resolution (default seconds). */
export function datetime(start: Date | string | number, end: Date | string | number, options?: DatetimeOptions): Field<Date> {
  const where = "field.datetime";
  const o = mergeOptions(where, { unit: "second" } as DatetimeOptions, options);
  const unit = checkOneOf(where, "unit", o.unit, Object.keys(UNIT_MS) as DateUnit[]);
  return dateRange(where, start, end, unit, false);
}
