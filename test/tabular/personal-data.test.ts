import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ParamError, ParamTypeError } from "../../src/core/errors.js";
import { createRng } from "../../src/random/rng.js";
import { generatePersonalData, PERSONAL_DATA_LOCALES, RealValueFilter } from "../../src/tabular/personal-data.js";
import { PII_SDTYPES, type PiiSdtype } from "../../src/tabular/types.js";


/** The Luhn checksum test. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const EMAIL = /^[A-Za-z0-9._+-]+@example\.(com|org|net)$/;
const FICTIONAL_PHONE: Record<string, RegExp> = {
  en: /^\(([2-9][0-8]\d)\) 555-01\d\d$/,
  en_GB: /^(07700 900\d{3}|020 7946 0\d{3}|01632 960\d{3})$/,
  en_AU: /^\(0[2378]\) (5550|7010) \d{4}$/,
  other: /^\+1 ([2-9][0-8]\d)-555-01\d\d$/,
};

/** Shape checks of each kind, for any locale. */
const SHAPES: Record<PiiSdtype, (v: string, locale: string) => void> = {
  email: (v) => assert.match(v, EMAIL),
  name: (v) => assert.match(v, /\S\s+\S/u),
  firstName: (v) => assert.match(v, /^\S/u),
  lastName: (v) => assert.match(v, /^\S/u),
  phone: (v, locale) => {
    const m = (FICTIONAL_PHONE[locale] ?? FICTIONAL_PHONE["other"]!).exec(v);
    assert.ok(m, `${locale} phone ${v}`);
    if (m[1]) assert.notEqual(m[1].slice(1), "11", `N11 area code in ${v}`);
  },
  address: (v, locale) => assert.match(v, locale.startsWith("en") ? /^\d+ \S/ : /\S/), // es writes "s/n." for no number
  city: (v) => assert.ok(v.trim().length > 0),
  postcode: (v) => assert.match(v, /\d/),
  ssn: (v) => {
    assert.match(v, /^9\d\d-\d\d-\d{4}$/);
    const group = Number(v.slice(4, 6));
    assert.ok(group >= 1 && group <= 49, `group ${group} of ${v} is outside 01-49`);
    assert.notEqual(v.slice(7), "0000");
  },
  creditCard: (v) => {
    assert.match(v, /^(411111|424242|555555|222300|601111)\d{10}$|^378282\d{9}$/);
    assert.ok(luhn(v), `${v} fails Luhn`);
  },
  ipAddress: (v) => {
    const parts = v.split(".").map(Number);
    assert.equal(parts.length, 4);
    assert.equal(parts[0], 10);
    assert.ok(parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255), v);
  },
  url: (v) => assert.match(v, /^https:\/\/[a-z0-9-]+\.example\.(com|org|net)$/),
  company: (v) => assert.ok(v.trim().length > 0),
  username: (v) => assert.match(v, /^[\w.-]+$/),
};

describe("generatePersonalData", () => {
  it("gives n values of the right shape for every kind (en)", () => {
    for (const kind of PII_SDTYPES) {
      const values = generatePersonalData(kind, createRng(1), 300);
      assert.equal(values.length, 300, kind);
      for (const v of values) {
        assert.equal(typeof v, "string", kind);
        SHAPES[kind](v, "en");
      }
      assert.ok(new Set(values).size > 30, `${kind}: only ${new Set(values).size} distinct values`);
    }
  });

  it("gives the right shape for every kind in every locale", () => {
    for (const locale of PERSONAL_DATA_LOCALES) {
      for (const kind of PII_SDTYPES) {
        for (const v of generatePersonalData(kind, createRng(2), 40, { locale })) SHAPES[kind](v, locale);
      }
    }
  });

  it("is reproducible: the same seed gives the same values, another seed others", () => {
    for (const kind of PII_SDTYPES) {
      const a = generatePersonalData(kind, createRng(11), 50);
      const b = generatePersonalData(kind, createRng(11), 50);
      const c = generatePersonalData(kind, createRng(12), 50);
      assert.deepEqual(a, b, kind);
      assert.notDeepEqual(a, c, kind);
    }
  });

  it("reads the Rng it is given and leaves it advanced (no re-seeding)", () => {
    const rng = createRng(5);
    const first = generatePersonalData("email", rng, 20);
    const second = generatePersonalData("email", rng, 20);
    assert.notDeepEqual(first, second);
    // The same stream position gives the same values.
    const replay = createRng(5);
    generatePersonalData("email", replay, 20);
    assert.deepEqual(generatePersonalData("email", replay, 20), second);
    // Interleaved kinds and locales draw from their own rng only.
    const r1 = createRng(6);
    const r2 = createRng(6);
    const x = generatePersonalData("name", r1, 5, { locale: "de" });
    generatePersonalData("phone", createRng(99), 5);
    assert.deepEqual(generatePersonalData("name", r2, 5, { locale: "de" }), x);
  });

  it("changes values with the locale", () => {
    const en = generatePersonalData("lastName", createRng(3), 500);
    const de = generatePersonalData("lastName", createRng(3), 500, { locale: "de" });
    const shared = de.filter((v) => en.includes(v)).length;
    assert.ok(shared < 50, `${shared} of 500 German last names are also English ones`);
    const ja = generatePersonalData("name", createRng(3), 50, { locale: "ja" });
    assert.ok(ja.every((v) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(v)), ja.slice(0, 3).join());
    const deNames = generatePersonalData("name", createRng(3), 50, { locale: "de" });
    assert.notDeepEqual(deNames, generatePersonalData("name", createRng(3), 50));
  });

  it("keeps emails ASCII and on example domains in every locale, non-ASCII names included", () => {
    for (const locale of ["de", "ja", "fr", "pt_BR"]) {
      for (const e of generatePersonalData("email", createRng(8), 500, { locale })) assert.match(e, EMAIL);
    }
  });

  it("with exclude shares no value with the real column", () => {
    const real = generatePersonalData("name", createRng(100), 2000);
    const filter = RealValueFilter.fromValues(real, createRng(101));
    const realSet = new Set(real);
    const plain = generatePersonalData("name", createRng(102), 10_000);
    assert.ok(
      plain.some((v) => realSet.has(v)),
      "without the filter some names repeat (else this test proves nothing)",
    );
    const synthetic = generatePersonalData("name", createRng(102), 10_000, { exclude: filter });
    assert.equal(synthetic.filter((v) => realSet.has(v)).length, 0);
    assert.equal(synthetic.filter((v) => filter.has(v)).length, 0);
    // Reproducible with the filter too.
    assert.deepEqual(generatePersonalData("name", createRng(102), 10_000, { exclude: filter }), synthetic);
  });

  it("adds suffix digits when redraws cannot escape the filter", () => {
    // Every en first name is in this filter, so 25 redraws fail and a digit is appended.
    const all = generatePersonalData("firstName", createRng(1), 100_000);
    const filter = RealValueFilter.fromValues(all, createRng(2));
    const out = generatePersonalData("firstName", createRng(3), 200, { exclude: filter });
    for (const v of out) {
      assert.equal(filter.has(v), false, v);
      assert.match(v, /^\D+\d+$/);
    }
    // Emails keep their shape: the digit goes before the '@'.
    const emails = generatePersonalData("email", createRng(4), 300);
    const emailFilter = RealValueFilter.fromValues(emails, createRng(5));
    const again = generatePersonalData("email", createRng(4), 300, { exclude: emailFilter });
    for (const v of again) {
      assert.match(v, EMAIL);
      assert.equal(emailFilter.has(v), false, v);
    }
  });

  it("rejects bad input with actionable messages", () => {
    const rng = createRng(0);
    const cases: [() => unknown, typeof ParamError | typeof ParamTypeError, RegExp][] = [
      [() => generatePersonalData("fullname" as PiiSdtype, rng, 3), ParamError, /^generatePersonalData: 'kind' must be one of "email", "name", .*"username", got "fullname"\.$/],
      [() => generatePersonalData("email", 42 as never, 3), ParamTypeError, /^generatePersonalData: 'rng' must be an Rng \(createRng\(seed\)\), got 42\.$/],
      [() => generatePersonalData("email", rng, -1), ParamError, /^generatePersonalData: 'n' must be an integer >= 0, got -1\.$/],
      [() => generatePersonalData("email", rng, 2.5), ParamError, /'n' must be an integer, got 2\.5\./],
      [() => generatePersonalData("email", rng, 3, { locale: "xx" }), ParamError, /^generatePersonalData: 'locale' must be one of "en", "en_GB", "en_AU", "de", "fr", "es", "it", "pt_BR", "ja", "nl", got "xx"\.$/],
      [() => generatePersonalData("email", rng, 3, { locales: "de" } as never), ParamError, /^generatePersonalData: unknown option 'locales'\. Valid options: locale, exclude\.$/],
      [() => generatePersonalData("email", rng, 3, { exclude: new Set(["a"]) as never }), ParamTypeError, /'exclude' must be a RealValueFilter \(RealValueFilter\.fromValues\(realColumn, rng\)\), got a Set\./],
    ];
    for (const [f, type, message] of cases) {
      assert.throws(f, (e: unknown) => {
        assert.ok(e instanceof type, `${String(e)} is not a ${type.name}`);
        assert.match((e as Error).message, message);
        return true;
      });
    }
  });

  it("gives an empty array for n = 0", () => {
    assert.deepEqual(generatePersonalData("email", createRng(0), 0), []);
  });
});

describe("RealValueFilter", () => {
  it("matches values after trimming and lower-casing, and nothing else", () => {
    const f = RealValueFilter.fromValues(["Ann Lee", "bo@example.com", null, undefined, "Ann Lee", 5551234], createRng(1));
    assert.equal(f.size, 3);
    assert.equal(f.has("ann lee"), true);
    assert.equal(f.has("  ANN LEE\t"), true);
    assert.equal(f.has("BO@EXAMPLE.COM"), true);
    assert.equal(f.has("5551234"), true);
    assert.equal(f.has("Ann Lea"), false);
    assert.equal(f.has(""), false);
    // Unicode normal forms compare equal.
    const g = RealValueFilter.fromValues(["J\u00fcrgen"], createRng(1));
    assert.equal(g.has("Ju\u0308rgen"), true);
  });

  it("round-trips through JSON, keeping only salt and hashes", () => {
    const real = generatePersonalData("email", createRng(20), 5000);
    const f = RealValueFilter.fromValues(real, createRng(21));
    const json = JSON.parse(JSON.stringify(f));
    assert.deepEqual(Object.keys(json).sort(), ["hashes", "salt", "schema"]);
    assert.equal(json.schema, "synthlab.real-value-filter/1");
    assert.match(json.salt, /^[0-9a-f]{32}$/);
    assert.equal(Buffer.from(json.hashes, "base64").length, 8 * f.size);
    assert.ok(!JSON.stringify(json).includes("example"), "the JSON holds no value");
    const back = RealValueFilter.fromJSON(json);
    assert.equal(back.size, f.size);
    assert.equal(back.salt, f.salt);
    assert.ok(real.every((v) => back.has(v)));
    const others = generatePersonalData("email", createRng(22), 2000).filter((v) => !real.includes(v));
    assert.ok(others.every((v) => !back.has(v)));
    assert.deepEqual(back.toJSON(), f.toJSON());
  });

  it("draws its salt from the rng: reproducible, and different between seeds", () => {
    const a = RealValueFilter.fromValues(["x", "y"], createRng(1)).toJSON();
    const b = RealValueFilter.fromValues(["y", "x"], createRng(1)).toJSON();
    const c = RealValueFilter.fromValues(["x", "y"], createRng(2)).toJSON();
    assert.deepEqual(a, b);
    assert.notEqual(a.salt, c.salt);
    assert.notEqual(a.hashes, c.hashes);
  });

  it("handles an empty column and large ones", () => {
    const empty = RealValueFilter.fromValues([], createRng(0));
    assert.equal(empty.size, 0);
    assert.equal(empty.has("x"), false);
    assert.equal(RealValueFilter.fromJSON(empty.toJSON()).size, 0);
    const big = Array.from({ length: 50_000 }, (_, i) => `user${i}`);
    const f = RealValueFilter.fromValues(new Set(big), createRng(0));
    assert.equal(f.size, 50_000);
    assert.ok(big.every((v) => f.has(v)));
    assert.equal(f.has("user50000"), false);
  });

  it("rejects bad input", () => {
    const rng = createRng(0);
    assert.throws(() => RealValueFilter.fromValues(42 as never, rng), {
      name: "ParamTypeError",
      message: "RealValueFilter.fromValues: 'values' must be an iterable of strings (a column), got 42.",
    });
    assert.throws(() => RealValueFilter.fromValues(["a", { b: 1 }] as never, rng), {
      name: "ParamTypeError",
      message: 'RealValueFilter.fromValues: values[1] must be a string, got {"b":1}.',
    });
    assert.throws(() => RealValueFilter.fromValues(["a"], 7 as never), {
      name: "ParamTypeError",
      message: "RealValueFilter.fromValues: 'rng' must be an Rng (createRng(seed)), got 7.",
    });
    const good = RealValueFilter.fromValues(["a"], rng).toJSON();
    assert.throws(() => RealValueFilter.fromJSON({ ...good, schema: "x" } as never), {
      name: "ParamError",
      message: /^RealValueFilter\.fromJSON: expected an object with schema "synthlab\.real-value-filter\/1", got/,
    });
    assert.throws(() => RealValueFilter.fromJSON({ ...good, salt: "abc" }), {
      name: "ParamError",
      message: `RealValueFilter.fromJSON: 'salt' must be 32 lower-case hex digits, got "abc".`,
    });
    assert.throws(() => RealValueFilter.fromJSON({ ...good, hashes: "AAAA" }), {
      name: "ParamError",
      message: "RealValueFilter.fromJSON: 'hashes' must decode to a multiple of 8 bytes, got 3.",
    });
    assert.throws(() => RealValueFilter.fromJSON({ ...good, hashes: "**" }), { name: "ParamError", message: /'hashes' must be a base64 string/ });
    assert.throws(() => RealValueFilter.fromValues(["a"], rng).has(3 as never), {
      name: "ParamTypeError",
      message: "RealValueFilter.has: 'value' must be a string, got 3.",
    });
  });
});
