import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError, ParamTypeError } from "../../src/core/errors.js";
import {
  compileDatetimeFormat,
  datetimeResolution,
  detectDatetimeFormat,
  formatDatetime,
  parseDatetime,
  scanDatetimeFormat,
} from "../../src/tabular/datetime-format.js";

const DAY = 86_400_000;

/** Deterministic epoch-ms values over 1900–2100, with every hour, minute and second of a day hit. */
function sampleTimes(n: number, { whole = "s" as "s" | "min" | "day" | "ms" | "us" } = {}): number[] {
  const out: number[] = [];
  const lo = Date.UTC(1900, 0, 1);
  const hi = Date.UTC(2100, 11, 31);
  for (let i = 0; i < n; i++) {
    let t = lo + ((i * 7_919_333_777_123) % (hi - lo));
    if (whole === "day") t = Math.floor(t / DAY) * DAY;
    else if (whole === "min") t = Math.floor(t / 60_000) * 60_000;
    else if (whole === "s") t = Math.floor(t / 1000) * 1000;
    else if (whole === "us") t = Math.floor(t) + ((i * 389) % 1000) / 1000;
    out.push(t);
  }
  // leap days, month ends, the epoch, noon and midnight
  out.push(Date.UTC(2000, 1, 29), Date.UTC(2024, 1, 29, 12), Date.UTC(1970, 0, 1), Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(1900, 2, 1));
  return whole === "day" ? out.map((t) => Math.floor(t / DAY) * DAY) : whole === "min" ? out.map((t) => Math.floor(t / 60_000) * 60_000) : out;
}

describe("parseDatetime / formatDatetime", () => {
  it("agree with Date on ISO strings (UTC)", () => {
    for (const t of sampleTimes(2000, { whole: "ms" })) {
      const iso = new Date(Math.floor(t)).toISOString();
      assert.equal(parseDatetime(iso, "%Y-%m-%dT%H:%M:%S.%3fZ"), Math.floor(t), iso);
      assert.equal(formatDatetime(Math.floor(t), "%Y-%m-%dT%H:%M:%S.%3fZ"), iso);
    }
  });

  it("round-trip every format detection can return, on typical values", () => {
    const formats: [string, "day" | "min" | "s" | "ms" | "us"][] = [
      ["%Y-%m-%d", "day"],
      ["%Y-%m-%dT%H:%M:%S", "s"],
      ["%Y-%m-%d %H:%M:%S", "s"],
      ["%Y-%m-%d %H:%M", "min"],
      ["%Y-%m-%dT%H:%M:%S.%fZ", "us"],
      ["%Y-%m-%dT%H:%M:%S.%3fZ", "ms"],
      ["%Y-%m-%d %H:%M:%S.%f", "us"],
      ["%Y/%m/%d", "day"],
      ["%d/%m/%Y", "day"],
      ["%m/%d/%Y", "day"],
      ["%-m/%-d/%Y", "day"],
      ["%-d/%-m/%Y %-I:%M %p", "min"],
      ["%d-%m-%Y", "day"],
      ["%d.%m.%Y %H:%M", "min"],
      ["%Y%m%d", "day"],
      ["%d %b %Y", "day"],
      ["%b %d, %Y", "day"],
      ["%d-%b-%Y", "day"],
      ["%B %d, %Y", "day"],
      ["%B %-d, %Y %I:%M:%S %p", "s"],
      ["%a, %d %b %Y %H:%M:%S", "s"],
      ["%A %d %B %Y", "day"],
    ];
    for (const [f, whole] of formats) {
      const c = compileDatetimeFormat(f);
      for (const t of sampleTimes(3000, { whole })) {
        const s = c.format(t);
        const back = c.parse(s);
        assert.equal(c.format(back), s, `${f}: ${s}`);
        assert.ok(Math.abs(back - t) < 1e-3 + (whole === "us" ? 1e-3 : 0), `${f}: ${s} → ${back}, expected ${t}`);
      }
    }
  });

  it("round-trips two-digit years within 1969–2068 (POSIX pivot)", () => {
    assert.equal(parseDatetime("31/12/68", "%d/%m/%y"), Date.UTC(2068, 11, 31));
    assert.equal(parseDatetime("01/01/69", "%d/%m/%y"), Date.UTC(1969, 0, 1));
    for (const s of ["05/01/23", "29/02/00", "31/12/99"]) assert.equal(formatDatetime(parseDatetime(s, "%d/%m/%y"), "%d/%m/%y"), s);
  });

  it("rejects invalid calendar dates and times with NaN", () => {
    const bad: [string, string][] = [
      ["2023-02-29", "%Y-%m-%d"],
      ["2023-02-30", "%Y-%m-%d"],
      ["2023-13-01", "%Y-%m-%d"],
      ["2023-00-10", "%Y-%m-%d"],
      ["2023-04-31", "%Y-%m-%d"],
      ["1900-02-29", "%Y-%m-%d"],
      ["2023-01-01 24:00", "%Y-%m-%d %H:%M"],
      ["2023-01-01 12:60", "%Y-%m-%d %H:%M"],
      ["2023-01-01 12:00:60", "%Y-%m-%d %H:%M:%S"],
      ["13:00 PM", "%I:%M %p"],
      ["00:30 AM", "%I:%M %p"],
      ["2023-1-05", "%Y-%m-%d"], // %m wants 2 digits
      ["2023-01-05 ", "%Y-%m-%d"], // trailing text
      ["2023-01-0", "%Y-%m-%d"],
      ["jan 05, 2023", "%b %d, %Y"], // case matters
      ["Tue, 01 Jan 2024", "%a, %d %b %Y"], // 2024-01-01 was a Monday
    ];
    for (const [s, f] of bad) assert.ok(Number.isNaN(parseDatetime(s, f)), `${s} with ${f}`);
    assert.equal(parseDatetime("2000-02-29", "%Y-%m-%d"), Date.UTC(2000, 1, 29));
    assert.equal(parseDatetime("Mon, 01 Jan 2024", "%a, %d %b %Y"), Date.UTC(2024, 0, 1));
  });

  it("reads 12-hour times, unpadded fields and fractions", () => {
    assert.equal(parseDatetime("12:00 AM", "%I:%M %p"), 0);
    assert.equal(parseDatetime("12:30 PM", "%I:%M %p"), 12.5 * 3_600_000);
    assert.equal(parseDatetime("1/2/2023 9:05 PM", "%-m/%-d/%Y %-I:%M %p"), Date.UTC(2023, 0, 2, 21, 5));
    assert.equal(formatDatetime(Date.UTC(2023, 0, 2, 21, 5), "%-m/%-d/%Y %-I:%M %p"), "1/2/2023 9:05 PM");
    assert.equal(parseDatetime("10:00:00.5", "%H:%M:%S.%f"), 36_000_500);
    assert.equal(formatDatetime(36_000_500, "%H:%M:%S.%f"), "10:00:00.500000");
    assert.equal(formatDatetime(36_000_500, "%H:%M:%S.%3f"), "10:00:00.500");
    assert.equal(formatDatetime(36_000_500, "%H:%M:%S.%1f"), "10:00:00.5");
    assert.equal(formatDatetime(36_000_000.25, "%H:%M:%S.%f"), "10:00:00.000250");
    // truncation below the resolution, but float noise does not step back a unit
    assert.equal(formatDatetime(Date.UTC(2023, 0, 1, 23, 59, 59, 999), "%Y-%m-%d"), "2023-01-01");
    assert.equal(formatDatetime(Date.UTC(2023, 0, 2) - 1e-7, "%Y-%m-%d"), "2023-01-02");
    assert.equal(formatDatetime(Date.UTC(1969, 11, 31, 23, 59), "%Y-%m-%d %H:%M"), "1969-12-31 23:59");
    assert.equal(formatDatetime(0, "100%% on %Y"), "100% on 1970");
  });

  it("throws clear errors for bad formats and non-finite times", () => {
    assert.throws(() => compileDatetimeFormat("%Y-%Q"), (e: unknown) => e instanceof ParamError && /unknown directive '%Q'.*Supported: %Y/.test(e.message));
    assert.throws(() => compileDatetimeFormat("%-Y"), /unknown directive '%-Y'/);
    assert.throws(() => compileDatetimeFormat("no directive"), /has no directive/);
    assert.throws(() => compileDatetimeFormat(""), /must not be empty/);
    assert.throws(() => compileDatetimeFormat(3 as unknown as string), ParamTypeError);
    assert.throws(() => formatDatetime(NaN, "%Y"), /formatDatetime: 'ms' must be a finite number of epoch milliseconds, got NaN/);
    assert.ok(Number.isNaN(parseDatetime(null as unknown as string, "%Y")));
  });

  it("compiles once: the same closures for the same pattern", () => {
    assert.equal(compileDatetimeFormat("%Y-%m-%d"), compileDatetimeFormat("%Y-%m-%d"));
    const c = compileDatetimeFormat("%d/%m/%Y");
    assert.equal(c.pattern, "%d/%m/%Y");
    assert.equal(c.resolution, DAY);
  });
});

describe("datetimeResolution", () => {
  it("is the smallest unit of the format, in ms", () => {
    const cases: [string, number][] = [
      ["%Y-%m-%d", DAY],
      ["%Y-%m", DAY],
      ["%d %b %Y", DAY],
      ["%Y-%m-%d %H", 3_600_000],
      ["%I %p", 3_600_000],
      ["%Y-%m-%d %H:%M", 60_000],
      ["%H:%M:%S", 1000],
      ["%H:%M:%S.%1f", 100],
      ["%H:%M:%S.%2f", 10],
      ["%H:%M:%S.%3f", 1],
      ["%Y-%m-%dT%H:%M:%S.%fZ", 1],
    ];
    for (const [f, r] of cases) assert.equal(datetimeResolution(f), r, f);
  });
});

describe("detectDatetimeFormat", () => {
  it("finds the format of each common layout", () => {
    const cases: [string[], string][] = [
      [["2023-01-05", "2023-12-31"], "%Y-%m-%d"],
      [["2023-01-05T10:00:00", "2023-12-31T23:59:59"], "%Y-%m-%dT%H:%M:%S"],
      [["2023-01-05 10:00:00"], "%Y-%m-%d %H:%M:%S"],
      [["2023-01-05 10:00"], "%Y-%m-%d %H:%M"],
      [["2023-01-05T10:00:00Z"], "%Y-%m-%dT%H:%M:%SZ"],
      [["2023-01-05T10:00:00.123456Z", "2023-01-05T10:00:00.000001Z"], "%Y-%m-%dT%H:%M:%S.%fZ"],
      [["2023-01-05T10:00:00.123Z", new Date(0).toISOString()], "%Y-%m-%dT%H:%M:%S.%3fZ"],
      [["2023/01/05"], "%Y/%m/%d"],
      [["13/01/2023", "05/02/2023"], "%d/%m/%Y"],
      [["01/13/2023", "02/05/2023"], "%m/%d/%Y"],
      [["1/13/2023", "12/5/2023"], "%-m/%-d/%Y"],
      [["13/1/2023", "5/12/2023"], "%-d/%-m/%Y"],
      [["01/13/23"], "%m/%d/%y"],
      [["05-01-2023", "31-12-2023"], "%d-%m-%Y"],
      [["12-31-2023"], "%m-%d-%Y"],
      [["05.01.2023", "31.12.2023"], "%d.%m.%Y"],
      [["05 Jan 2023", "31 Dec 2023"], "%d %b %Y"],
      [["5 Jan 2023"], "%-d %b %Y"],
      [["Jan 05, 2023"], "%b %d, %Y"],
      [["05-Jan-2023"], "%d-%b-%Y"],
      [["January 05, 2023"], "%B %d, %Y"],
      [["January 5, 2023", "March 17, 2023"], "%B %-d, %Y"],
      [["10:30", "23:59"], "%H:%M"],
      [["10:30:15"], "%H:%M:%S"],
      [["10:30 AM", "02:15 PM"], "%I:%M %p"],
      [["10:30 AM", "2:15 PM"], "%-I:%M %p"],
      [["01/05/2023 14:30"], "%m/%d/%Y %H:%M"],
      [["31/12/2023 2:15 PM"], "%d/%m/%Y %-I:%M %p"],
    ];
    for (const [values, expected] of cases) {
      const f = detectDatetimeFormat(values);
      assert.equal(f, expected, JSON.stringify(values));
      for (const v of values) assert.equal(formatDatetime(parseDatetime(v, f!), f!), v, `${v} round trip with ${f}`);
    }
  });

  it("keeps %f for mixed fraction lengths (written back with 6 digits)", () => {
    const f = detectDatetimeFormat(["2023-01-05 10:00:00.5", "2023-01-05 10:00:00.25"]);
    assert.equal(f, "%Y-%m-%d %H:%M:%S.%f");
    assert.equal(formatDatetime(parseDatetime("2023-01-05 10:00:00.25", f!), f!), "2023-01-05 10:00:00.250000");
  });

  it("prefers the US order when both day/month orders parse every value (as pandas)", () => {
    assert.equal(detectDatetimeFormat(["01/02/2023", "03/04/2023"]), "%m/%d/%Y");
    assert.equal(detectDatetimeFormat(["01/02/2023", "25/04/2023"]), "%d/%m/%Y");
    assert.equal(detectDatetimeFormat(["01/02/2023", "04/25/2023"]), "%m/%d/%Y");
  });

  it("requires every non-missing value to parse, and at least one", () => {
    assert.equal(detectDatetimeFormat(["2023-01-05", null, "2023-02-30"]), undefined);
    assert.equal(detectDatetimeFormat(["2023-01-05", "05/01/2023"]), undefined);
    assert.equal(detectDatetimeFormat(["2023-01-05", null]), "%Y-%m-%d");
    assert.equal(detectDatetimeFormat([]), undefined);
    assert.equal(detectDatetimeFormat([null, null]), undefined);
    assert.equal(detectDatetimeFormat(["1", "2", "3"]), undefined);
    assert.equal(detectDatetimeFormat(["2023", "2024"]), undefined);
    assert.equal(detectDatetimeFormat(["abc", "def"]), undefined);
    assert.equal(detectDatetimeFormat(["13/13/2023"]), undefined);
    assert.equal(detectDatetimeFormat(["7590-VHVEG"]), undefined);
    assert.throws(() => detectDatetimeFormat("2023-01-05" as unknown as string[]), ParamTypeError);
  });

  it("tries %Y%m%d only when asked (8-digit numbers are often not dates)", () => {
    assert.equal(detectDatetimeFormat(["20230105", "20231231"]), undefined);
    assert.equal(detectDatetimeFormat(["20230105", "20231231"], { compact: true }), "%Y%m%d");
    assert.equal(detectDatetimeFormat(["20230105", "20231301"], { compact: true }), undefined);
    assert.equal(detectDatetimeFormat(["12345678"], { compact: true }), undefined);
  });

  it("scanDatetimeFormat also returns the range", () => {
    assert.deepEqual(scanDatetimeFormat(["05/01/2023", null, "31/12/2022"]), {
      format: "%d/%m/%Y",
      min: Date.UTC(2022, 11, 31),
      max: Date.UTC(2023, 0, 5),
    });
    assert.equal(scanDatetimeFormat(["x"]), undefined);
  });

  it("handles 200,000 distinct timestamps quickly", () => {
    const c = compileDatetimeFormat("%Y-%m-%d %H:%M:%S");
    const values = Array.from({ length: 200_000 }, (_, i) => c.format(1.6e12 + i * 37_000));
    const t0 = performance.now();
    const scan = scanDatetimeFormat(values);
    const ms = performance.now() - t0;
    assert.deepEqual(scan, { format: "%Y-%m-%d %H:%M:%S", min: 1.6e12, max: 1.6e12 + 199_999 * 37_000 });
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });
});
