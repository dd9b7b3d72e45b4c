import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseScales, printRatios, runPeers, type CaseLine } from "../../src/bench/scales.js";

/** Runs `fn` with console.log / console.error captured. */
function capture<T>(fn: () => T): { value: T; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(" "));
  console.error = (...a: unknown[]) => void err.push(a.join(" "));
  try {
    return { value: fn(), out, err };
  } finally {
    console.log = log;
    console.error = error;
  }
}

const line = (name: string, median: number): CaseLine => ({ case: name, median_s: median, min_s: median, max_s: median, n: 5 });

describe("bench --scales", () => {
  it("parses a list of positive scales and names the bad entry", () => {
    assert.deepEqual(parseScales("0.1,0.3,1"), [0.1, 0.3, 1]);
    assert.deepEqual(parseScales(" 0.5 "), [0.5]);
    assert.equal(parseScales(undefined), "--scales needs a comma-separated list of positive numbers, e.g. --scales 0.1,0.3,1");
    assert.equal(parseScales("0.1,0,1"), '--scales: "0" is not a positive number (e.g. --scales 0.1,0.3,1)');
    assert.equal(parseScales("0.1,,1"), '--scales: "" is not a positive number (e.g. --scales 0.1,0.3,1)');
    assert.equal(parseScales("a"), '--scales: "a" is not a positive number (e.g. --scales 0.1,0.3,1)');
  });

  it("prints the ratio per case and scale, and names the cases above 1.0", () => {
    const ours = new Map([
      [0.1, [line("a", 1), line("b", 3)]],
      [1, [line("a", 2), line("b", 2)]],
    ]);
    const peers = new Map([
      [0.1, [line("a", 2), line("b", 2)]],
      [1, [line("a", 4)]],
    ]);
    const { value, out, err } = capture(() => printRatios([0.1, 1], ours, peers));
    assert.deepEqual(value, { a: { "0.1": 0.5, "1": 0.5 }, b: { "0.1": 1.5, "1": null } });
    assert.equal(out.length, 1, "one JSON line on stdout");
    assert.deepEqual(JSON.parse(out[0]!), { ratios: "synthlab / peer", scales: [0.1, 1], table: value });
    const text = err.join("\n");
    assert.match(text, /^a\s+0\.50\s+0\.50$/m, "row of case a");
    assert.match(text, /^b\s+1\.50\s+no peer$/m, "row of case b");
    assert.match(text, /above 1\.0 at some scale: b$/m, "the case above 1.0 named");
  });

  it("prints medians in seconds without peers", () => {
    const { value, err } = capture(() => printRatios([0.3], new Map([[0.3, [line("a", 0.25)]]])));
    assert.deepEqual(value, { a: { "0.3": 0.25 } });
    assert.match(err.join("\n"), /^a\s+0\.2500$/m, "median row");
  });

  // python3 is on every machine that runs the tests (.ci/run installs Debian's Jupyter, which brings it)
  it("runs a peer script at the scale and echoes its lines as peer_of lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "synthlab-peers-"));
    const saved = { dir: process.env.PEERS_DIR, py: process.env.PEERS_PYTHON };
    try {
      // a stand-in peer: lists two cases and reports PEERS_SCALE as the median of each asked for
      writeFileSync(
        join(dir, "python_peers.py"),
        [
          "import json, os, sys",
          "names = ['x_case', 'y_case']",
          "if '--list' in sys.argv: print('\\n'.join(names)); sys.exit(0)",
          "print(json.dumps({'header': 'python_peers'}))",
          "for n in sys.argv[1:]: print(json.dumps({'case': n, 'median_s': float(os.environ['PEERS_SCALE']), 'min_s': 0, 'max_s': 1, 'n': 5}))",
        ].join("\n"),
      );
      writeFileSync(join(dir, "torch_peers.py"), "import sys; sys.exit(3)\n");
      process.env.PEERS_DIR = dir;
      process.env.PEERS_PYTHON = saved.py ?? "python3";
      const { value, out } = capture(() => runPeers(["x_case", "z_case"], 0.25));
      assert.deepEqual(value.map((l) => [l.case, l.median_s]), [["x_case", 0.25]], "only the offered case, at the scale");
      assert.equal(out.length, 1, "one echoed line");
      assert.deepEqual(JSON.parse(out[0]!), { peer_of: "x_case", source: "python_peers.py", scale: 0.25, median_s: 0.25, min_s: 0, max_s: 1, n: 5 });
      // a neural case goes to torch_peers.py, whose failure is reported with its script's name
      assert.throws(() => capture(() => runPeers(["ctgan_step_500x120"], 1)), /torch_peers\.py failed \(exit 3\)/);
      process.env.PEERS_DIR = join(dir, "missing");
      assert.throws(() => runPeers(["x_case"], 1), /no peer script at .*missing.*python_peers\.py \(set PEERS_DIR/);
    } finally {
      if (saved.dir === undefined) delete process.env.PEERS_DIR;
      else process.env.PEERS_DIR = saved.dir;
      if (saved.py === undefined) delete process.env.PEERS_PYTHON;
      else process.env.PEERS_PYTHON = saved.py;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
