import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runSynthlab, type CliIO } from "../../src/cli/program.js";
import { DATA_DIR } from "../../src/io/paths.js";
import { startRedis, type RedisServer } from "./redis-server.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "src", "cli", "synthlab.ts");

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await runSynthlab(argv, io), out, err };
}

/** A `synthlab worker` process; `lines` collects its stdout, `waitFor(re)` resolves on a matching line. */
function startWorker(redis: string, queue: string): { child: ChildProcess; lines: string[]; waitFor(re: RegExp): Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", BIN, "worker", "--redis", redis, "--queue", queue, "--lock-ms", "1500"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buf = "";
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    let k;
    while ((k = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, k);
      buf = buf.slice(k + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) if (w.re.test(line)) w.resolve(line);
      else waiters.push(w);
    }
  });
  child.stderr!.on("data", (d: Buffer) => lines.push(`stderr: ${d.toString().trim()}`));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor: (re) => {
      const hit = lines.find((l) => re.test(l));
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

describe("synthlab queue / worker on a real redis-server", () => {
  let redis: RedisServer;
  let model: string;
  const dir = mkdtempSync(join(tmpdir(), "synthlab-queue-"));
  before(async () => {
    redis = await startRedis();
    model = join(dir, "churn.json");
    const r = await run("fit", join(DATA_DIR, "mlc_churn.csv.gz"), "--out", model, "--seed", "5");
    assert.equal(r.code, 0, r.err.join("\n"));
  });
  after(async () => {
    await redis?.stop();
  });

  it("a worker killed mid-shard: its shard is retried by another, and the shard files concatenate to the single-process run", async () => {
    const rows = "360000";
    const single = join(dir, "single.csv");
    assert.equal((await run("sample", model, "--rows", rows, "--out", single, "--seed", "6", "--workers", "1", "--no-progress")).code, 0);
    const queue = `test-${process.pid}`;
    const out = join(dir, "parts");
    const a = startWorker(redis.url, queue);
    await a.waitFor(/^worker \d+ on /);
    const q = await run("queue", model, "--rows", rows, "--shards", "3", "--out-dir", out, "--seed", "6", "--redis", redis.url, "--queue", queue);
    assert.equal(q.code, 0, q.err.join("\n"));
    assert.match(q.out[0]!, /^queued 3 shards of 360,000 rows on test-\d+ at redis:\/\/127\.0\.0\.1:\d+ → /);
    // the first progress line of a 120,000-row shard comes after its first 16,384-row block: the worker is mid-shard
    const progress = await a.waitFor(/^shard \d\/3: 16,384 of 120,000 rows$/);
    a.child.kill("SIGKILL");
    await a.exited;
    const killed = progress.slice(0, progress.indexOf(":"));
    const b = startWorker(redis.url, queue);
    const waited = await run("queue", model, "--rows", rows, "--shards", "3", "--out-dir", out, "--seed", "6", "--redis", redis.url, "--queue", queue, "--wait");
    assert.equal(waited.code, 0, `${waited.err.join("\n")}\nworker b: ${b.lines.join("\n")}`);
    assert.equal(waited.out[1], `all 3 shards written to ${out}`);
    b.child.kill("SIGTERM");
    assert.equal(await b.exited, 0, b.lines.join("\n"));
    assert.ok(b.lines.some((l) => l.startsWith(`${killed}: started`)), `the killed worker's ${killed} was retried by worker b:\n${b.lines.join("\n")}`);
    assert.ok(!a.lines.some((l) => l.startsWith(`${killed}: done`)), `worker a did not finish ${killed}`);
    const files = readdirSync(out).sort();
    assert.deepEqual(files, ["part-00000-of-00003.csv", "part-00001-of-00003.csv", "part-00002-of-00003.csv"], "the same set of files, no temporary leftovers");
    const joined = Buffer.concat(files.map((f) => readFileSync(join(out, f))));
    assert.ok(joined.equals(readFileSync(single)), "shard files concatenate to the single-process output");
  });

  it("queue and worker fail with one line when Redis is not there", async () => {
    const r = await run("queue", model, "--rows", "10", "--shards", "2", "--out-dir", join(dir, "x"), "--redis", "redis://127.0.0.1:1");
    assert.equal(r.code, 2);
    assert.deepEqual(r.err, ["synthlab queue: cannot reach Redis at redis://127.0.0.1:1 within 5 s (is redis-server running? pass --redis URL)."]);
    const bad = await run("worker", "--redis", "http://x");
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.err, ['synthlab worker: --redis must start with redis:// or rediss://, got "http://x".']);
  });
});
