/**
 * `synthlab worker [--redis URL] [--concurrency C]`: takes shard jobs from the
 * queue until stopped (SIGTERM / SIGINT finish the current shards first).
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Worker, type Job } from "bullmq";
import { readModelFile } from "../model-file.js";
import { parseCount } from "../options.js";
import type { CliIO } from "../program.js";
import { QUEUE_NAME, redisConnection, temporaryName, waitReady, type ShardJob } from "../queue.js";
import { sampleToFile } from "../sample-file.js";
import { shardRange } from "../shard.js";

/** Options of `synthlab worker`. */
export interface WorkerCommandOptions {
  redis: string;
  queue: string;
  concurrency: string;
  lockMs: string;
}

/** Writes one shard (under a temporary name, renamed when complete). */
export async function processShard(job: ShardJob, tag: string, log: (line: string) => void): Promise<number> {
  const where = "synthlab worker";
  const model = readModelFile(job.model, where);
  const { start, count } = shardRange(job.rows, { index: job.shard, count: job.shards });
  // leftovers of a worker killed on this shard
  const dir = dirname(job.out);
  const prefix = `.${basename(job.out)}.tmp-`;
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
  const tmp = temporaryName(job.out, tag);
  const label = `shard ${job.shard}/${job.shards}`;
  log(`${label}: started (rows ${start.toLocaleString("en-US")}–${(start + count).toLocaleString("en-US")})`);
  let last = 0;
  const rows = await sampleToFile({
    model,
    start,
    count,
    totalRows: job.rows,
    seed: job.seed,
    out: tmp,
    format: job.format,
    header: start === 0,
    workers: 1,
    onProgress: (done, total) => {
      const now = Date.now();
      if (last === 0 || now - last > 2000 || done === total) {
        last = now;
        log(`${label}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows`);
      }
    },
    // let BullMQ renew the job's lock between chunks
    onChunk: () => new Promise((r) => setImmediate(r)),
  });
  renameSync(tmp, job.out);
  log(`${label}: done → ${job.out}`);
  return rows;
}

/** Runs `synthlab worker`; resolves when stopped by a signal. */
export async function workerCommand(o: WorkerCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab worker";
  const connection = redisConnection(o.redis, where);
  const concurrency = parseCount(o.concurrency, where, "--concurrency");
  const lockDuration = parseCount(o.lockMs, where, "--lock-ms");
  const tag = `${process.pid}`;
  const worker = new Worker<ShardJob, number>(o.queue ?? QUEUE_NAME, async (job: Job<ShardJob, number>) => processShard(job.data, `${tag}-${job.id}`, io.out), {
    connection,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on("error", () => undefined);
  worker.on("failed", (job, err) => io.err(`synthlab worker: shard ${job?.data.shard}/${job?.data.shards} failed: ${err.message.split("\n")[0]}`));
  await waitReady(worker.waitUntilReady(), o.redis, where);
  io.out(`worker ${tag} on ${o.queue} at ${o.redis} (concurrency ${concurrency})`);
  const stopped = new Promise<void>((done) => {
    const stop = () => void worker.close().then(done, done);
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  void worker.run();
  await stopped;
  io.out(`worker ${tag} stopped`);
}
