/**
 * `npm run bench -- [case globs]`: times synthlab's side of the cases in
 * ../shared/bench/python_peers.py and prints the same JSON Lines (header, one
 * line per case, footer) so `compare.py` can join them. BENCH_SCALE scales the
 * sizes as PEERS_SCALE does. Method as the peers': an untimed setup, one
 * warm-up run, then 5 timed runs (3 when the warm-up takes over 60 s).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { CASES } from "./cases/index.js";

const REPS = 5;
const SLOW_S = 60;
const SLOW_REPS = 3;

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

const gc = (globalThis as { gc?: () => void }).gc;

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

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--list")) {
    console.log(CASES.map((c) => c.name).join("\n"));
    return 0;
  }
  const scaleText = process.env.BENCH_SCALE ?? "1.0";
  const scale = Number(scaleText);
  if (!(scale > 0)) {
    console.error(`BENCH_SCALE must be > 0, got ${JSON.stringify(scaleText)}`);
    return 2;
  }
  const patterns = argv.filter((a) => !a.startsWith("-"));
  const unknown = patterns.filter((p) => !CASES.some((c) => globToRegExp(p).test(c.name)));
  if (unknown.length) {
    console.error(`unknown case(s): ${unknown.join(", ")}; use --list`);
    return 2;
  }
  const selected = patterns.length ? CASES.filter((c) => patterns.some((p) => globToRegExp(p).test(c.name))) : CASES;
  const start = performance.now();
  console.log(
    JSON.stringify({
      header: "synthlab",
      note: "single-threaded JavaScript; gc between runs when node runs with --expose-gc",
      scale,
      reps: REPS,
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
  let peakRss = process.memoryUsage().rss;
  for (const [i, c] of selected.entries()) {
    console.error(`[${i + 1}/${selected.length}] ${c.name} ...`);
    const run = await c.setup(scale);
    // the warm-up's result is kept only as `result`, and dropped before each timed run (peak RSS stays one result)
    let [warmup, result] = await timed(run.op, run.afterEach);
    const reps = warmup <= SLOW_S ? REPS : SLOW_REPS;
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      result = undefined;
      const [dt, res] = await timed(run.op, run.afterEach);
      result = res;
      times.push(dt);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const line: Record<string, unknown> = {
      case: c.name,
      median_s: round(sorted[Math.floor(reps / 2)]!),
      min_s: round(sorted[0]!),
      max_s: round(sorted[reps - 1]!),
      n: reps,
      warmup_s: round(warmup),
      params: c.params(scale),
    };
    if (reps !== REPS) line.note = `warm-up took > ${SLOW_S} s: repetitions reduced to ${reps}`;
    if (run.info) line.info = run.info(result);
    console.log(JSON.stringify(line));
  }
  console.log(
    JSON.stringify({
      footer: "synthlab",
      total_wall_s: round((performance.now() - start) / 1000),
      cases_run: selected.length,
      loadavg_end: os.loadavg().map((x) => Math.round(x * 100) / 100),
      max_rss_mb: Math.round(peakRss / 1048576),
    }),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
