/**
 * The job-queue mode on Redis through BullMQ: `synthlab queue` enqueues one
 * job per shard, `synthlab worker` (on any number of machines) takes them.
 * A job writes its shard to a hidden temporary file and renames it when
 * complete, so a killed worker leaves no partial output; BullMQ notices the
 * lost lock (stalled job) and hands the shard to another worker, which
 * writes the same rows (they depend on the seed and row index only).
 */
import { createHash } from "node:crypto";
import { basename, join, resolve } from "node:path";
import type { ConnectionOptions } from "bullmq";
import { DataError, ParamError, show } from "../core/errors.js";

/** The default queue name. */
export const QUEUE_NAME = "synthlab-sample";

/** A shard job's data. */
export interface ShardJob {
  /** Absolute path of the model JSON (shared storage). */
  model: string;
  rows: number;
  seed: number | string;
  shard: number;
  shards: number;
  /** Absolute path of the shard's output file. */
  out: string;
  format: "csv" | "parquet";
}

/** A Redis URL as BullMQ connection options. */
export function redisConnection(url: string, where: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ParamError(where, "redis", url, `--redis must be a URL such as redis://127.0.0.1:6379, got ${show(url)}.`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new ParamError(where, "redis", url, `--redis must start with redis:// or rediss://, got ${show(url)}.`);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** Shard `i` of `k`'s file name: part-00002-of-00007.csv (sorted names concatenate in row order). */
export function shardFileName(i: number, k: number, format: "csv" | "parquet"): string {
  const w = Math.max(5, String(k).length);
  return `part-${String(i).padStart(w, "0")}-of-${String(k).padStart(w, "0")}.${format}`;
}

/** The jobs of one `synthlab queue` call, with ids stable for the same request (re-running it adds nothing twice). */
export function shardJobs(model: string, rows: number, seed: number | string, shards: number, outDir: string, format: "csv" | "parquet"): { id: string; data: ShardJob }[] {
  const dir = resolve(outDir);
  const batch = createHash("sha1").update(JSON.stringify([resolve(model), rows, seed, shards, dir, format])).digest("hex").slice(0, 12);
  return Array.from({ length: shards }, (_, i) => ({
    id: `${batch}-${i}`,
    data: { model: resolve(model), rows, seed, shard: i, shards, out: join(dir, shardFileName(i, shards, format)), format },
  }));
}

/** The temporary name a worker writes a shard under before renaming it. */
export function temporaryName(out: string, tag: string): string {
  return join(resolve(out, ".."), `.${basename(out)}.tmp-${tag}`);
}

/** Resolves, or fails with one line when Redis does not answer within `ms`. */
export async function waitReady(ready: Promise<unknown>, url: string, where: string, ms = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DataError(where, "redis", url, `cannot reach Redis at ${url} within ${ms / 1000} s (is redis-server running? pass --redis URL).`)), ms);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
