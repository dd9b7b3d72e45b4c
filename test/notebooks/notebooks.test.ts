/**
 * Executes every notebook under notebooks/ headless in the tslab kernel,
 * through real Jupyter (test/notebooks/run_notebook.py), against the built
 * package (npm test builds first). A failing cell fails its test with the
 * cell's source and error. Also proves the runner catches a broken cell.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = "/usr/bin/python3";
const RUNNER = join(ROOT, "test", "notebooks", "run_notebook.py");

function runNotebook(path: string): { status: number | null; out: string } {
  const r = spawnSync(PYTHON, [RUNNER, path], { cwd: ROOT, encoding: "utf8", timeout: 40 * 60 * 1000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ""}` };
}

describe("notebooks", () => {
  it("Jupyter and the built package are present", () => {
    assert.ok(existsSync(PYTHON), `${PYTHON} is missing: install Debian's python3 and Jupyter (see README, Prerequisites)`);
    const probe = spawnSync(PYTHON, ["-c", "import nbclient, nbformat, jupyter_client"], { encoding: "utf8" });
    assert.equal(probe.status, 0, `Jupyter is missing for ${PYTHON}: apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client\n${probe.stderr}`);
    assert.ok(existsSync(join(ROOT, "dist", "index.js")), "dist/ is missing: run `npm run build` (npm test does)");
  });

  const notebooks = readdirSync(join(ROOT, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort();

  it("there are notebooks to run", () => assert.ok(notebooks.length > 0));

  for (const nb of notebooks) {
    it(`runs ${nb} top to bottom`, () => {
      const { status, out } = runNotebook(join("notebooks", nb));
      assert.equal(status, 0, out);
      assert.match(out, /^ok /m);
    });
  }

  it("fails on a broken cell and prints that cell's own error", () => {
    const { status, out } = runNotebook(join("test", "notebooks", "fixtures", "broken.ipynb"));
    assert.equal(status, 1, out);
    assert.match(out, /FAILED .*broken\.ipynb: cell 2 \(code cell 2\)/);
    assert.match(out, /rng\.normal\(0, -1, 10\)/); // the cell's source
    assert.match(out, /Rng\.normal: 'scale' must be >= 0, got -1\./); // the cell's own error
    assert.doesNotMatch(out, /never reached/);
  });
});
