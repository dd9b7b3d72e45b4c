import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRng } from "../../src/random/rng.js";
import {
  generateIds,
  generatePatternIds,
  idPatternSize,
  idPatternToRegExp,
  inferIdFormat,
  inferIdPattern,
  type IdFormat,
  type IdPattern,
} from "../../src/tabular/ids.js";
import { RealValueFilter } from "../../src/tabular/real-value-filter.js";


const C5: IdFormat = { prefix: "C", width: 5, suffix: "" };

describe("inferIdFormat", () => {
  it("finds prefix, width and suffix", () => {
    const cases: [string[], IdFormat | undefined][] = [
      [["C-00042", "C-00107", "C-31000"], { prefix: "C-", width: 5, suffix: "" }],
      [["00042", "00043", "10000"], { prefix: "", width: 5, suffix: "" }],
      [["00042"], { prefix: "", width: 5, suffix: "" }],
      [["C0042"], { prefix: "C", width: 4, suffix: "" }],
      [["INV7/2024", "INV8/2024"], { prefix: "INV", width: 1, suffix: "/2024" }],
      [["A1-0001", "A1-0002", "A1-0100"], { prefix: "A1-", width: 4, suffix: "" }],
      [["id_001_x", "id_002_x", "id_999_x"], { prefix: "id_", width: 3, suffix: "_x" }],
      [["1001", "1002"], { prefix: "", width: 4, suffix: "" }],
      [["C1", "C22"], undefined], // different digit counts
      [["7590-VHVEG", "5575-GNVDE"], undefined],
      [["A1", "B2"], undefined],
      [["abc", "abd"], undefined],
      [["", "1"], undefined],
      [[], undefined],
    ];
    for (const [values, expected] of cases) assert.deepEqual(inferIdFormat(values), expected, JSON.stringify(values));
  });

  it("rejects what is not an array of strings", () => {
    assert.throws(() => inferIdFormat("C001" as never), {
      name: "ParamTypeError",
      message: `inferIdFormat: 'values' must be an array of strings, got "C001".`,
    });
    assert.throws(() => inferIdFormat(["C001", 2] as never), {
      name: "ParamTypeError",
      message: "inferIdFormat: 'values' must hold strings, but values[1] is 2. Convert the column with String() first.",
    });
  });
});

describe("generateIds", () => {
  it("writes numeric ids as numericStart + index", () => {
    const a = generateIds(undefined, 0, 5);
    assert.ok(a instanceof Float64Array);
    assert.deepEqual(Array.from(a), [0, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(generateIds(undefined, 10, 3, { numericStart: 100 })), [110, 111, 112]);
  });

  it("keeps leading zeros and widens past the width", () => {
    assert.deepEqual(generateIds({ prefix: "", width: 5, suffix: "" }, 42, 1), ["00042"]);
    assert.deepEqual(generateIds({ prefix: "ID-", width: 2, suffix: "-X" }, 98, 3), ["ID-98-X", "ID-99-X", "ID-100-X"]);
    assert.equal(inferIdFormat(generateIds(C5, 0, 100))!.width, 5);
  });

  it("gives 1e5 unique ids, widened or permuted", () => {
    const plain = generateIds({ prefix: "C", width: 3, suffix: "" }, 0, 100_000);
    assert.equal(new Set(plain).size, 100_000);
    const real = RealValueFilter.fromValues(plain.slice(0, 5000), createRng(1));
    const permuted = generateIds({ prefix: "C", width: 3, suffix: "" }, 0, 100_000, { exclude: real, rng: createRng(2) });
    assert.equal(new Set(permuted).size, 100_000);
    assert.ok(permuted.every((id) => /^C\d{3,}$/.test(id)));
    assert.equal(permuted.filter((id) => real.has(id)).length, 0);
  });

  it("is a pure function of the row index: shards agree", () => {
    const real = RealValueFilter.fromValues(["C00001", "C00002", "C00003"], createRng(3));
    const variants: [IdFormat | undefined, Parameters<typeof generateIds>[3]][] = [
      [undefined, { numericStart: 1 }],
      [C5, {}],
      [C5, { exclude: real, rng: createRng(4) }],
      [C5, { exclude: real }],
    ];
    for (const [format, options] of variants) {
      const opts = () => (options?.rng ? { ...options, rng: createRng(4) } : options);
      const whole = Array.from<string | number>(generateIds(format, 0, 1000, opts()));
      const shards = [...generateIds(format, 0, 400, opts()), ...generateIds(format, 400, 600, opts())];
      assert.deepEqual(shards, whole, JSON.stringify(format));
      assert.deepEqual(Array.from<string | number>(generateIds(format, 123, 7, opts())), whole.slice(123, 130));
    }
  });

  it("with exclude: reproducible for a seed, different across seeds, and not in row order", () => {
    const real = RealValueFilter.fromValues(["C00001"], createRng(0));
    const a = generateIds(C5, 0, 500, { exclude: real, rng: createRng(7) });
    const b = generateIds(C5, 0, 500, { exclude: real, rng: createRng(7) });
    const c = generateIds(C5, 0, 500, { exclude: real, rng: createRng(8) });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    const sorted = [...a].sort();
    assert.notDeepEqual(a, sorted);
    // Without an rng the key comes from the filter's salt: still deterministic.
    assert.deepEqual(generateIds(C5, 0, 50, { exclude: real }), generateIds(C5, 0, 50, { exclude: real }));
  });

  it("with exclude: maps each digit count onto itself bijectively", () => {
    const none = RealValueFilter.fromValues(["nothing"], createRng(0));
    const f: IdFormat = { prefix: "", width: 2, suffix: "" };
    const out = generateIds(f, 0, 1000, { exclude: none, rng: createRng(1) });
    const two = out.slice(0, 100);
    const three = out.slice(100);
    assert.deepEqual([...two].sort(), Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")));
    assert.deepEqual(
      [...three].sort(),
      Array.from({ length: 900 }, (_, i) => String(100 + i)),
    );
  });

  it("with exclude: skips real ids by adding leading zeros, staying unique", () => {
    const f: IdFormat = { prefix: "C-", width: 3, suffix: "" };
    // Half the 3-digit ids are real, and so is every 4-digit id with a leading zero:
    // skipped ids need a second zero.
    const realIds = [
      ...Array.from({ length: 500 }, (_, i) => `C-${String(i).padStart(3, "0")}`),
      ...Array.from({ length: 1000 }, (_, i) => `C-0${String(i).padStart(3, "0")}`),
    ];
    const real = RealValueFilter.fromValues(realIds, createRng(1));
    const out = generateIds(f, 0, 3000, { exclude: real, rng: createRng(2) });
    assert.equal(new Set(out).size, 3000);
    assert.equal(out.filter((id) => real.has(id)).length, 0);
    const skipped = out.filter((id) => id.startsWith("C-00"));
    assert.ok(skipped.length >= 400, `${skipped.length} ids skipped twice`);
    assert.ok(skipped.every((id) => /^C-00\d{3}$/.test(id)));
  });

  it("rejects bad input with actionable messages", () => {
    const real = RealValueFilter.fromValues(["1"], createRng(0));
    const cases: [() => unknown, string, string][] = [
      [() => generateIds(C5, -1, 3), "ParamError", "generateIds: 'start' must be an integer >= 0, got -1."],
      [() => generateIds(C5, 0, 1.5), "ParamError", "generateIds: 'n' must be an integer, got 1.5."],
      [() => generateIds(C5, 2 ** 53 - 2, 5), "ParamError", "generateIds: the last row, start + n - 1, must be at most 2^53 - 1 (ids are exact doubles), got start = 9007199254740990 and n = 5."],
      [() => generateIds({ prefix: "C", width: 0, suffix: "" }, 0, 3), "ParamError", "generateIds: 'format.width' must be an integer in [1, 64], got 0."],
      [() => generateIds({ prefix: 1, width: 3, suffix: "" } as never, 0, 3), "ParamTypeError", "generateIds: 'format.prefix' and 'format.suffix' must be strings, got 1 and \"\"."],
      [() => generateIds("C" as never, 0, 3), "ParamTypeError", `generateIds: 'format' must be { prefix, width, suffix } or undefined for numeric ids, got "C".`],
      [() => generateIds(C5, 0, 3, { exlude: real } as never), "ParamError", "generateIds: unknown option 'exlude'. Valid options: numericStart, exclude, rng."],
      [
        () => generateIds(undefined, 0, 3, { exclude: real }),
        "ParamError",
        "generateIds: 'exclude' needs formatted ids; numeric ids are numericStart + index. To avoid the real ids, set numericStart above the largest real id.",
      ],
      [() => generateIds(undefined, 0, 3, { numericStart: 0.5 }), "ParamError", "generateIds: 'numericStart' must be an integer, got 0.5."],
      [() => generateIds(C5, 0, 3, { exclude: ["C00001"] as never }), "ParamTypeError", "generateIds: 'exclude' must be a RealValueFilter (RealValueFilter.fromValues(realIds, rng)), got [\"C00001\"]."],
      [() => generateIds(C5, 0, 3, { exclude: real, rng: 5 as never }), "ParamTypeError", "generateIds: 'rng' must be an Rng (createRng(seed)), got 5."],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});

describe("id patterns", () => {
  it("infers character classes and literals", () => {
    const telco = inferIdPattern(["7590-VHVEG", "5575-GNVDE", "3668-QPYBK", "7795-CFOCW"])!;
    assert.equal(idPatternToRegExp(telco).source, "^[0-9]{4}-[A-Z]{5}$");
    const uuids = [
      "3b241101-e2bb-4255-8caf-4136c566a962",
      "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
      "123e4567-e89b-42d3-a456-426614174000",
      "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    ];
    assert.equal(idPatternToRegExp(inferIdPattern(uuids)!).source, "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$");
    assert.deepEqual(inferIdPattern(["ab", "Cb"]), [{ class: "alpha" }, { literal: "b" }]);
    assert.deepEqual(inferIdPattern(["x9", "yZ"]), [{ class: "lower" }, { class: "alnumUpper" }]);
    assert.deepEqual(inferIdPattern(["A-1"]), [{ class: "upper" }, { literal: "-" }, { class: "digit" }]);
    assert.equal(inferIdPattern(["a1", "b22"]), undefined); // lengths differ
    assert.equal(inferIdPattern(["a-1", "a_1"]), undefined); // a varying symbol
    assert.equal(inferIdPattern(["--", "--"]), undefined); // nothing varies
    assert.equal(inferIdPattern([]), undefined);
    assert.throws(() => inferIdPattern([1] as never), { name: "ParamTypeError", message: /^inferIdPattern: 'values' must hold strings, but values\[0\] is 1\./ });
  });

  it("generates unique ids of the shape, 1e5 of them", () => {
    const p = inferIdPattern(["7590-VHVEG", "5575-GNVDE", "3668-QPYBK"])!;
    const re = idPatternToRegExp(p);
    const out = generatePatternIds(p, 0, 100_000, 42);
    assert.equal(new Set(out).size, 100_000);
    assert.ok(out.every((id) => re.test(id)));
    // Ids look random: the first characters vary from row to row.
    assert.ok(new Set(out.slice(0, 100).map((id) => id[0])).size >= 8);
  });

  it("is a bijection onto the pattern's whole space", () => {
    const patterns: IdPattern[] = [
      [{ class: "digit" }, { class: "upper" }],
      [{ literal: "A" }, { class: "digit" }],
      [{ class: "digit" }, { literal: "/" }, { class: "digit" }, { class: "lower" }],
    ];
    for (const p of patterns) {
      const size = idPatternSize(p);
      const out = generatePatternIds(p, 0, size, "s");
      assert.equal(new Set(out).size, size);
      assert.ok(out.every((id) => idPatternToRegExp(p).test(id)));
    }
  });

  it("is a pure function of the row index and the seed", () => {
    const p = inferIdPattern(["3b241101-e2bb-4255-8caf-4136c566a962", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"])!;
    const whole = generatePatternIds(p, 0, 1000, 9);
    assert.deepEqual([...generatePatternIds(p, 0, 400, 9), ...generatePatternIds(p, 400, 600, 9)], whole);
    assert.deepEqual(generatePatternIds(p, 0, 1000, createRng(9)), generatePatternIds(p, 0, 1000, createRng(9)));
    assert.notDeepEqual(generatePatternIds(p, 0, 1000, 10), whole);
    assert.ok(whole.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)));
  });

  it("refuses more rows than the pattern holds, and bad patterns", () => {
    const p: IdPattern = [{ literal: "A" }, { class: "digit" }];
    assert.throws(() => generatePatternIds(p, 5, 6, 1), {
      name: "ParamError",
      message: "generatePatternIds: the pattern ^A[0-9]$ has 10 distinct ids, fewer than the 11 that rows 0 .. 10 need. Use a longer pattern or numeric ids.",
    });
    assert.throws(() => generatePatternIds([] as never, 0, 1, 1), { name: "ParamTypeError", message: /^generatePatternIds: 'pattern' must be a non-empty array of slots/ });
    assert.throws(() => generatePatternIds([{ class: "hex" }] as never, 0, 1, 1), {
      name: "ParamError",
      message: 'generatePatternIds: pattern[0] must be { class: one of digit, upper, lower, hexUpper, hexLower, alnumUpper, alnumLower, alpha, alnum } or { literal: one character }, got {"class":"hex"}.',
    });
    assert.throws(() => generatePatternIds(p, 0, 1, null as never), { name: "ParamTypeError", message: "generatePatternIds: 'seed' must be a number, a string or an Rng, got null." });
    assert.throws(() => generatePatternIds(p, -2, 1, 1), { name: "ParamError", message: "generatePatternIds: 'start' must be an integer >= 0, got -2." });
  });
});
