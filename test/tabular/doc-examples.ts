/**
 * Runs the `@example` blocks of one source file with the given names in scope,
 * as test/docs/examples.test.ts does for the whole package (a line
 * `expr; // => value` asserts that `expr` deep-equals `value`). Lets a module's
 * examples run before its names are re-exported from src/index.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { transformSync } from "esbuild";

export interface DocExample {
  line: number;
  code: string;
}

/** The @example blocks of a file's doc comments, with their line numbers. */
export function docExamples(file: string): DocExample[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w+/.test(l)) break;
      body.push(l.replace(/^\s*\* ?/, ""));
    }
    out.push({ line: i + 1, code: body.join("\n") });
    i = j - 1;
  }
  return out;
}

const toPlain = (v: unknown): unknown => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v);

/** Runs one example with `scope`'s names defined; returns the number of assertions it made. */
export function runDocExample(example: DocExample, scope: Record<string, unknown>): number {
  const code = example.code
    .split("\n")
    .map((l) => {
      const m = /^(.*?);?\s*\/\/\s*=>\s*(.+)$/.exec(l);
      if (!m || !m[1]!.trim()) return l;
      return `__expect(${m[1]!.trim()}, ${m[2]!.trim()}, ${JSON.stringify(l.trim())});`;
    })
    .join("\n");
  const js = transformSync(code, { loader: "ts", format: "cjs", target: "es2022" }).code;
  let asserted = 0;
  const expect = (actual: unknown, expected: unknown, line: string) => {
    asserted++;
    assert.deepEqual(toPlain(actual), toPlain(expected), `line ${example.line}: ${line}`);
  };
  const names = Object.keys(scope);
  new Function(...names, "__expect", js)(...names.map((n) => scope[n]), expect);
  assert.ok(asserted > 0, `line ${example.line}: the example asserts nothing`);
  return asserted;
}
