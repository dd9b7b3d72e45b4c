import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeReport } from "../../src/report/write.js";

describe("writeReport", () => {
  const dir = mkdtempSync(join(tmpdir(), "synthlab-write-"));
  it("takes the content first, as writeCsv(table, path) does: an HTML string or anything with toHTML()", () => {
    const a = writeReport("<p>a</p>", join(dir, "sub", "a.html"));
    assert.equal(readFileSync(a, "utf8"), "<p>a</p>");
    const b = writeReport({ toHTML: () => "<p>b</p>" }, join(dir, "b.html"));
    assert.equal(readFileSync(b, "utf8"), "<p>b</p>");
  });
  it("still accepts the older (path, html) order", () => {
    const c = writeReport(join(dir, "c.html") as never, "<!DOCTYPE html><p>c</p>" as never);
    assert.equal(readFileSync(c, "utf8"), "<!DOCTYPE html><p>c</p>");
  });
  it("names the bad argument", () => {
    assert.throws(() => writeReport("<p>x</p>", 3 as never), /writeReport: 'path' must be a file path, got 3/);
    assert.throws(() => writeReport("plain text" as never, join(dir, "d.html")), /'report' must be an HTML string or have toHTML\(\)/);
  });
});
