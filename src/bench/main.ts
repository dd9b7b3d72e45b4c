/**
 * `npm run bench -- [case globs]`: times synthlab's side of the cases in
 * ../shared/bench/python_peers.py and prints the same JSON Lines (header, one
 * line per case, footer) so `compare.py` can join them. BENCH_SCALE scales the
 * sizes as PEERS_SCALE does. Method as the peers': an untimed setup, one
 * warm-up run, then 5 timed runs (3 when the warm-up takes over 60 s; more,
 * up to 41, when 5 take under a second).
 *
 * `--scales 0.1,0.3,1` runs the selected cases at each scale in one sitting,
 * each scale's peers first (`--peers`: ../shared/bench's python_peers.py and,
 * for the neural cases, torch_peers.py), and ends with the ratio per case and
 * scale (see ./scales.ts).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { BenchCase } from "./case.js";
import { CASES } from "./cases/index.js";
import { parseScales, printRatios, runPeers, type CaseLine } from "./scales.js";

const REPS = 5;
const SLOW_S = 60;
const SLOW_REPS = 3;
/**
 * Fast cases run more repetitions: until FAST_BUDGET_S seconds of timed runs
 * or FAST_MAX_REPS runs. A millisecond-scale run is easily hit by a garbage
 * collection or a page-fault burst that belongs to no particular run; the
 * median of more runs is the typical call, where the median of 5 is a coin
 * toss between two regimes.
 */
const FAST_BUDGET_S = 1;
const FAST_MAX_REPS = 41;

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

const v8gc = (globalThis as { gc?: (options?: { type: "major" | "minor" }) => void }).gc;
/**
 * The collection before each run (BENCH_GC): "minor" (default) scavenges the
 * young generation, where the previous run's result was dropped; "full" is a
 * mark-compact of the whole heap; "none" skips it. A full collection also
 * drops every hidden class (map) that no live object uses, and V8 then
 * deoptimizes the code compiled against them, so a millisecond-scale case
 * measured after one pays 5-25 ms of re-optimization that no repeated call
 * pays (measured: make_moons at 100,000 rows 25-30 ms after a full
 * collection, 5-8 ms after a minor one; the peers' gc.collect() has no such
 * side effect). Old-generation garbage of earlier runs is then collected
 * when V8 decides, inside a timed run if it falls there (a cost the peers
 * do not pay, so the choice can only make synthlab look slower), or by a
 * full collection before the run once their array buffers pass 64 MiB.
 */
const GC_MODE = process.env.BENCH_GC ?? "minor";
/** Under "minor", a full collection still runs when the array buffers of earlier runs exceed this (so memory stays bounded). */
const FULL_GC_ABOVE_BYTES = 64 * 1048576;
const gc =
  v8gc && GC_MODE !== "none"
    ? () => v8gc({ type: GC_MODE === "full" || process.memoryUsage().arrayBuffers > FULL_GC_ABOVE_BYTES ? "major" : "minor" })
    : undefined;

async function timed(op: () => unknown, afterEach?: () => void): Promise<[number, unknown]> {
  gc?.();
  try {
    const t0 = performance.now();
    const result = await op();
    return [(performance.now() - t0) / 1000, result];
  } finally {
    afterEach?.();
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Runs `selected` at `scale`, printing the header, one line per case and the footer; returns the case lines. */
async function runCases(selected: BenchCase[], scale: number): Promise<CaseLine[]> {
  const start = performance.now();
  console.log(
    JSON.stringify({
      header: "synthlab",
      note: "single-threaded JavaScript; a garbage collection (gc) between runs when node runs with --expose-gc",
      gc: v8gc ? GC_MODE : "unavailable (node without --expose-gc)",
      scale,
      reps: REPS,
      fast_reps: `up to ${FAST_MAX_REPS} (about ${FAST_BUDGET_S} s) when 5 runs take less`,
      warmup_runs: 1,
      timer: "performance.now",
      node: process.version,
      cpu: os.cpus()[0]?.model,
      cpu_count: os.cpus().length,
      glibc_tunables: process.env.GLIBC_TUNABLES ?? null,
      loadavg_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
      started: new Date().toISOString(),
      cases: selected.map((c) => c.name),
    }),
  );
  const lines: CaseLine[] = [];
  let peakRss = process.memoryUsage().rss;
  for (const [i, c] of selected.entries()) {
    console.error(`[${i + 1}/${selected.length}] ${c.name} (scale ${scale}) ...`);
    const run = await c.setup(scale);
    // the warm-up's result is kept only as `result`, and dropped before each timed run (peak RSS stays one result)
    let [warmup, result] = await timed(run.op, run.afterEach);
    const minReps = warmup <= SLOW_S ? REPS : SLOW_REPS;
    const times: number[] = [];
    let spent = 0;
    // at least minReps runs; fast cases go on to about FAST_BUDGET_S of timed runs (an odd count, for a true median)
    while (times.length < minReps || (spent < FAST_BUDGET_S && times.length < FAST_MAX_REPS) || times.length % 2 === 0) {
      result = undefined;
      const [dt, res] = await timed(run.op, run.afterEach);
      result = res;
      times.push(dt);
      spent += dt;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const reps = times.length;
    const sorted = [...times].sort((a, b) => a - b);
    const line: CaseLine & Record<string, unknown> = {
      case: c.name,
      median_s: round(sorted[Math.floor(reps / 2)]!),
      min_s: round(sorted[0]!),
      max_s: round(sorted[reps - 1]!),
      n: reps,
      warmup_s: round(warmup),
      scale,
      params: c.params(scale),
    };
    if (minReps < REPS) line.note = `warm-up took > ${SLOW_S} s: repetitions reduced to ${reps}`;
    if (reps > REPS) line.note = `fast case: ${reps} repetitions (about ${FAST_BUDGET_S} s of timed runs), median reported`;
    if (run.info) line.info = run.info(result);
    console.log(JSON.stringify(line));
    lines.push(line);
    result = undefined;
  }
  console.log(
    JSON.stringify({
      footer: "synthlab",
      scale,
      total_wall_s: round((performance.now() - start) / 1000),
      cases_run: selected.length,
      loadavg_end: os.loadavg().map((x) => Math.round(x * 100) / 100),
      max_rss_mb: Math.round(peakRss / 1048576),
    }),
  );
  return lines;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--list")) {
    console.log(CASES.map((c) => c.name).join("\n"));
    return 0;
  }
  if (!["minor", "full", "none"].includes(GC_MODE)) {
    console.error(`BENCH_GC must be minor, full or none, got ${JSON.stringify(GC_MODE)}`);
    return 2;
  }
  const flags = argv.filter((a) => a.startsWith("-"));
  const patterns = argv.filter((a, i) => !a.startsWith("-") && argv[i - 1] !== "--scales");
  const badFlag = flags.find((f) => !["--scales", "--peers"].includes(f) && !f.startsWith("--scales="));
  if (badFlag) {
    console.error(`unknown option ${badFlag}; use [--list] [--scales 0.1,0.3,1 [--peers]] [case globs]`);
    return 2;
  }
  const unknown = patterns.filter((p) => !CASES.some((c) => globToRegExp(p).test(c.name)));
  if (unknown.length) {
    console.error(`unknown case(s): ${unknown.join(", ")}; use --list`);
    return 2;
  }
  const selected = patterns.length ? CASES.filter((c) => patterns.some((p) => globToRegExp(p).test(c.name))) : CASES;
  const scalesAt = argv.findIndex((a) => a === "--scales" || a.startsWith("--scales="));
  if (scalesAt < 0) {
    if (flags.includes("--peers")) {
      console.error("--peers needs --scales (a single scale: run the peers yourself, see README, Benchmarks)");
      return 2;
    }
    const scaleText = process.env.BENCH_SCALE ?? "1.0";
    const scale = Number(scaleText);
    if (!(scale > 0)) {
      console.error(`BENCH_SCALE must be > 0, got ${JSON.stringify(scaleText)}`);
      return 2;
    }
    await runCases(selected, scale);
    return 0;
  }
  const scales = parseScales(argv[scalesAt]!.startsWith("--scales=") ? argv[scalesAt]!.slice(9) : argv[scalesAt + 1]);
  if (typeof scales === "string") {
    console.error(scales);
    return 2;
  }
  const ours = new Map<number, CaseLine[]>();
  const peers = new Map<number, CaseLine[]>();
  for (const scale of scales) {
    if (flags.includes("--peers")) {
      try {
        peers.set(scale, runPeers(selected.map((c) => c.name), scale));
      } catch (err) {
        console.error(`--peers: ${(err as Error).message}`);
        return 2;
      }
    }
    ours.set(scale, await runCases(selected, scale));
  }
  printRatios(scales, ours, flags.includes("--peers") ? peers : undefined);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
