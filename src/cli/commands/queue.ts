/**
 * `synthlab queue MODEL.json --rows N --shards K --out-dir DIR [--seed S] [--wait]`:
 * one BullMQ job per shard (see ../queue.ts); with `--wait`, returns when every shard is written.
 */
import { mkdirSync } from "node:fs";
import { Job, Queue } from "bullmq";
import { DataError, ParamError, show } from "../../core/errors.js";
import { readModelFile } from "../model-file.js";
import { parseCount, parseRows, parseSeed } from "../options.js";
import type { CliIO } from "../program.js";
import { redisConnection, shardJobs, waitReady } from "../queue.js";

/** Options of `synthlab queue`. */
export interface QueueCommandOptions {
  rows: string;
  shards: string;
  outDir: string;
  seed: string;
  format: string;
  redis: string;
  queue: string;
  attempts: string;
  wait: boolean;
}

/** Runs `synthlab queue`. */
export async function queueCommand(modelPath: string, o: QueueCommandOptions, io: CliIO): Promise<void> {
  const where = "synthlab queue";
  const rows = parseRows(o.rows, where);
  const shards = parseCount(o.shards, where, "--shards");
  const attempts = parseCount(o.attempts, where, "--attempts");
  if (o.format !== "csv" && o.format !== "parquet") throw new ParamError(where, "format", o.format, `--format must be csv or parquet, got ${show(o.format)}.`);
  readModelFile(modelPath, where); // fail here, not on every worker
  try {
    mkdirSync(o.outDir, { recursive: true });
  } catch (e) {
    throw new DataError(where, "out-dir", o.outDir, `cannot create ${show(o.outDir)}: ${(e as Error).message}`);
  }
  const connection = redisConnection(o.redis, where);
  const queue = new Queue(o.queue, { connection });
  queue.on("error", () => undefined); // connection errors surface through waitReady
  try {
    await waitReady(queue.waitUntilReady(), o.redis, where);
    const jobs = shardJobs(modelPath, rows, parseSeed(o.seed), shards, o.outDir, o.format);
    await queue.addBulk(
      jobs.map((j) => ({
        name: "shard",
        data: j.data,
        opts: { jobId: j.id, attempts, backoff: { type: "fixed", delay: 1000 }, removeOnComplete: false, removeOnFail: false },
      })),
    );
    io.out(`queued ${shards} shard${shards > 1 ? "s" : ""} of ${rows.toLocaleString("en-US")} rows on ${o.queue} at ${o.redis} → ${o.outDir}`);
    if (!o.wait) return;
    for (;;) {
      const states = await Promise.all(jobs.map(async (j) => (await Job.fromId(queue, j.id))?.getState() ?? "missing"));
      const failed = jobs.filter((_, k) => states[k] === "failed");
      if (failed.length) {
        const job = await Job.fromId(queue, failed[0]!.id);
        throw new DataError(where, "shard", failed[0]!.data.shard, `shard ${failed[0]!.data.shard}/${shards} failed after ${job?.attemptsMade ?? "?"} attempts: ${job?.failedReason ?? "unknown reason"}`);
      }
      if (states.every((s) => s === "completed")) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    io.out(`all ${shards} shards written to ${o.outDir}`);
  } finally {
    await queue.close();
  }
}
