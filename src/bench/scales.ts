/**
 * `npm run bench -- --scales 0.1,0.3,1 [--peers] [globs]`: the selected cases
 * at several scales in one sitting, so a fixed cost that only shows on small
 * inputs (set-up, compilation, allocation, warm-up) cannot hide behind the
 * full-size numbers. With `--peers`, each scale starts with the peers of
 * ../shared/bench at that scale (`python_peers.py` with PEERS_SCALE; the
 * neural cases' `torch_peers.py`, which has no scale), then synthlab's cases,
 * and the run ends with one table: the ratio synthlab / peer per case and
 * scale (below 1.0: synthlab faster). The peers' lines are echoed as
 * `{"peer_of": case, ...}` (no `case` key, so compare.py still reads only
 * synthlab's lines), and the table comes as one `{"ratios": ...}` line on
 * stdout and as text on stderr.
 *
 * PEERS_PYTHON picks the interpreter (default /usr/bin/python3 when it
 * exists, Debian's, which has numpy, scipy, scikit-learn and PyTorch here;
 * else `python3`); PEERS_DIR the peers' folder (default ../shared/bench beside
 * the package).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** What the ratio table needs of a case line (synthlab's or a peer's). */
export interface CaseLine {
  case: string;
  median_s: number;
  min_s: number;
  max_s: number;
  n: number;
  [key: string]: unknown;
}

/** The scales of `--scales a,b,c`: positive numbers, or the error message. */
export function parseScales(text: string | undefined): number[] | string {
  if (text === undefined || text === "") return "--scales needs a comma-separated list of positive numbers, e.g. --scales 0.1,0.3,1";
  const scales = text.split(",").map((t) => Number(t.trim()));
  const bad = text.split(",").find((_, i) => !(scales[i]! > 0));
  if (bad !== undefined) return `--scales: ${JSON.stringify(bad.trim())} is not a positive number (e.g. --scales 0.1,0.3,1)`;
  return scales;
}

function peersDir(): string {
  if (process.env.PEERS_DIR) return resolve(process.env.PEERS_DIR);
  // dist/bench/scales.js or src/bench/scales.ts: the package root is two folders up
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "bench");
}

function python(): string {
  return process.env.PEERS_PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
}

/** Case names a peer script offers (`--list`), or the names it was written for when it has no list. */
function peerCases(script: string): string[] {
  if (script.endsWith("torch_peers.py")) return ["ctgan_step_500x120", "tvae_step_500x120"];
  const r = spawnSync(python(), [script, "--list"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${python()} ${script} --list failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? "").trim().split("\n").pop()}`);
  return r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

/**
 * Runs the peers of `names` at `scale` (each script once, with the names it
 * has), echoes their case lines as `peer_of` lines, and returns them.
 * @throws Error naming the script and its last error line when a peer script fails
 */
export function runPeers(names: string[], scale: number): CaseLine[] {
  const dir = peersDir();
  const out: CaseLine[] = [];
  for (const script of ["python_peers.py", "torch_peers.py"].map((f) => join(dir, f))) {
    if (!existsSync(script)) throw new Error(`no peer script at ${script} (set PEERS_DIR to the folder of python_peers.py)`);
    const offered = new Set(peerCases(script));
    const mine = names.filter((n) => offered.has(n));
    if (!mine.length) continue;
    console.error(`peers: ${script} at scale ${scale} (${mine.length} case${mine.length > 1 ? "s" : ""}) ...`);
    const r = spawnSync(python(), [script, ...mine], { encoding: "utf8", env: { ...process.env, PEERS_SCALE: String(scale) }, maxBuffer: 64 * 1048576 });
    if (r.status !== 0) throw new Error(`${python()} ${script} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? "").trim().split("\n").pop()}`);
    for (const text of r.stdout.split("\n")) {
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text) as Partial<CaseLine>;
      if (typeof line.case !== "string" || typeof line.median_s !== "number") continue;
      const { case: name, ...rest } = line;
      console.log(JSON.stringify({ peer_of: name, source: script.split("/").pop(), scale, ...rest }));
      out.push(line as CaseLine);
    }
  }
  return out;
}

/**
 * The ratio table: one row per case of `ours`, one column per scale
 * (synthlab's median / the peer's, or synthlab's median in seconds without
 * peers). Prints it on stderr and as one JSON line on stdout; returns the ratios.
 */
export function printRatios(scales: number[], ours: Map<number, CaseLine[]>, peers?: Map<number, CaseLine[]>): Record<string, Record<string, number | null>> {
  const names = [...new Set(scales.flatMap((s) => (ours.get(s) ?? []).map((l) => l.case)))];
  const table: Record<string, Record<string, number | null>> = {};
  for (const name of names) {
    table[name] = {};
    for (const s of scales) {
      const mine = ours.get(s)?.find((l) => l.case === name);
      const peer = peers?.get(s)?.find((l) => l.case === name);
      table[name]![String(s)] = !mine ? null : !peers ? mine.median_s : peer && peer.median_s > 0 ? Math.round((mine.median_s / peer.median_s) * 1000) / 1000 : null;
    }
  }
  const what = peers ? "ratio synthlab / peer (median of each; below 1.0 is faster)" : "synthlab median (s)";
  console.log(JSON.stringify({ ratios: peers ? "synthlab / peer" : "seconds", scales, table }));
  const width = Math.max(4, ...names.map((n) => n.length));
  const cell = (v: number | null) => (v === null ? (peers ? "no peer" : "-") : peers ? v.toFixed(2) : v.toFixed(4)).padStart(9);
  const rows = [`${"case".padEnd(width)} ${scales.map((s) => `x${s}`.padStart(9)).join(" ")}`];
  for (const name of names) rows.push(`${name.padEnd(width)} ${scales.map((s) => cell(table[name]![String(s)]!)).join(" ")}`);
  const above = peers ? names.filter((n) => scales.some((s) => (table[n]![String(s)] ?? 0) > 1)) : [];
  console.error(`\n${what}\n${rows.join("\n")}${peers ? `\n${above.length ? `above 1.0 at some scale: ${above.join(", ")}` : "every case at or below 1.0 at every scale"}` : ""}`);
  return table;
}
