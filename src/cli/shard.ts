/**
 * Shards of a sample: `--shard i/N` is rows [⌊i·n/N⌋, ⌊(i+1)·n/N⌋) of the
 * n-row draw, so N shards, on any machines, concatenate to it exactly.
 */
import { ParamError, show } from "../core/errors.js";

/** A shard: index `index` (0-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `"i/N"` (0 <= i < N), e.g. "2/7" → { index: 2, count: 7 }. */
export function parseShard(text: string, where = "synthlab sample"): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(text));
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count || !Number.isSafeInteger(count)) {
    throw new ParamError(where, "shard", text, `--shard must be I/N with 0 <= I < N (e.g. 0/4 ... 3/4), got ${show(text)}.`);
  }
  return { index, count };
}

/** Rows [start, start + count) of shard `i` of `n` rows, e.g. (10, 1/3) → { start: 3, count: 3 }. */
export function shardRange(n: number, shard: Shard): { start: number; count: number } {
  const start = Math.floor((shard.index * n) / shard.count);
  const end = Math.floor(((shard.index + 1) * n) / shard.count);
  return { start, count: end - start };
}
