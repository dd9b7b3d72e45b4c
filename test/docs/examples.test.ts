/**
 * Runs every `@example` in src/ doc comments (STYLE.md §6: examples that run
 * never rot). Each example is TypeScript using the package's public names;
 * a line `expr; // => value` asserts that `expr` deep-equals `value`.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import * as synthlab from "../../src/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (p.endsWith(".ts")) yield p;
  }
}

interface Example {
  file: string;
  line: number;
  code: string;
}

/** The @example blocks of a file's doc comments, with their line numbers. */
export function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w+/.test(l)) break;
      body.push(l.replace(/^\s*\* ?/, ""));
    }
    out.push({ file, line: i + 1, code: body.join("\n").replace(/^```\w*\n?|```$/gm, "") });
    i = j - 1;
  }
  return out;
}

/** Rewrites `expr; // => expected` lines into assertions. */
function instrument(code: string): string {
  return code
    .split("\n")
    .map((l) => {
      const m = /^(.*?);?\s*\/\/\s*=>\s*(.+)$/.exec(l);
      if (!m || !m[1]!.trim()) return l;
      return `__expect(${m[1]!.trim()}, ${m[2]!.trim()}, ${JSON.stringify(l.trim())});`;
    })
    .join("\n");
}

function toPlain(v: unknown): unknown {
  return ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
}

const names = Object.keys(synthlab);
const values = names.map((n) => (synthlab as Record<string, unknown>)[n]);
const examples = [...sourceFiles(join(ROOT, "src"))].flatMap(examplesOf);

describe("doc examples", () => {
  it("there are examples", () => assert.ok(examples.length >= 5, `found ${examples.length}`));
  for (const ex of examples) {
    it(`${relative(ROOT, ex.file)}:${ex.line}`, () => {
      const js = transformSync(instrument(ex.code), { loader: "ts", format: "cjs", target: "es2022" }).code;
      let asserted = 0;
      const expect = (actual: unknown, expected: unknown, line: string) => {
        asserted++;
        assert.deepEqual(toPlain(actual), toPlain(expected), `${relative(ROOT, ex.file)}:${ex.line}: ${line}`);
      };
      new Function(...names, "__expect", js)(...values, expect);
      assert.ok(asserted > 0, `${relative(ROOT, ex.file)}:${ex.line}: the example asserts nothing (add a '// =>' line)`);
    });
  }
});
