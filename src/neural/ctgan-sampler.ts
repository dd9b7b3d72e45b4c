/**
 * CTGAN's DataSampler (sdv-dev/CTGAN data_sampler.py), internal: the
 * conditional vector and training-by-sampling. A training row's conditional
 * vector names one discrete column (chosen uniformly) and one of its levels
 * (chosen by log-frequency, log(count + 1)), and the real row paired with it
 * is drawn among the real rows with that level; for generation, the level is
 * drawn from the log-frequencies of all discrete columns pooled.
 */
import type { Rng } from "../random/rng.js";
import { searchSorted } from "../tabular/transformer.js";

/** A batch of conditional vectors. */
export interface CondBatch {
  /** b × condWidth one-hot rows. */
  cond: Float32Array;
  /** The chosen discrete column and level per row. */
  column: Int32Array;
  level: Int32Array;
}

/** Conditional vectors over the discrete columns' levels. */
export class CondSampler {
  /** Width of a conditional vector (all discrete levels). */
  readonly width: number;
  /** Offset of each discrete column's levels in the vector. */
  readonly offsets: number[];
  private readonly cumByColumn: Float64Array[];
  private readonly pooledCum: Float64Array;

  /** From the number of real rows of each level of each discrete column; `rowsByLevel` (training only) lists them. */
  constructor(
    readonly levelCounts: number[][],
    logFrequency = true,
    private readonly rowsByLevel: Int32Array[][] = [],
  ) {
    this.offsets = [];
    let o = 0;
    for (const c of levelCounts) (this.offsets.push(o), (o += c.length));
    this.width = o;
    const pooled: number[] = [];
    this.cumByColumn = levelCounts.map((counts) => {
      const f = counts.map((c) => (logFrequency ? Math.log(c + 1) : c));
      const tot = f.reduce((a, b) => a + b, 0);
      const cum = new Float64Array(f.length);
      let s = 0;
      f.forEach((v, k) => {
        cum[k] = s += v / tot;
        pooled.push(v / tot);
      });
      return cum;
    });
    const tot = pooled.reduce((a, b) => a + b, 0);
    this.pooledCum = new Float64Array(pooled.length);
    let s = 0;
    pooled.forEach((v, k) => (this.pooledCum[k] = s += v / tot));
  }

  /** The sampler of real rows' levels (each discrete column's level per row). */
  static fromLevels(levels: readonly Int32Array[], nLevels: readonly number[], logFrequency = true): CondSampler {
    const rows = levels.map((lv, c) => {
      const lists: number[][] = Array.from({ length: nLevels[c]! }, () => []);
      lv.forEach((k, i) => lists[k]!.push(i));
      return lists.map((l) => Int32Array.from(l));
    });
    return new CondSampler(rows.map((lists) => lists.map((l) => l.length)), logFrequency, rows);
  }

  get nColumns(): number {
    return this.levelCounts.length;
  }

  /** Training vectors: column uniform, level by log-frequency. */
  sampleTrain(b: number, rng: Rng): CondBatch {
    const cond = new Float32Array(b * this.width);
    const column = new Int32Array(b);
    const level = new Int32Array(b);
    const nc = this.nColumns;
    for (let i = 0; i < b; i++) {
      const c = Math.min(nc - 1, Math.floor((rng.random() as number) * nc));
      const cum = this.cumByColumn[c]!;
      const u = (rng.random() as number) * cum[cum.length - 1]!;
      const k = searchSorted(cum, u);
      column[i] = c;
      level[i] = k;
      cond[i * this.width + this.offsets[c]! + k] = 1;
    }
    return { cond, column, level };
  }

  /** Generation vectors: a level drawn from the pooled log-frequencies. */
  sampleOriginal(b: number, rng: Rng): Float32Array {
    const cond = new Float32Array(b * this.width);
    const cum = this.pooledCum;
    for (let i = 0; i < b; i++) {
      const u = (rng.random() as number) * cum[cum.length - 1]!;
      cond[i * this.width + searchSorted(cum, u)] = 1;
    }
    return cond;
  }

  /** Vectors that all name `level` of discrete column `column` (conditional sampling). */
  fixed(b: number, column: number, level: number): Float32Array {
    const cond = new Float32Array(b * this.width);
    for (let i = 0; i < b; i++) cond[i * this.width + this.offsets[column]! + level] = 1;
    return cond;
  }

  /** One real row index per (column, level), drawn uniformly among the rows with that level. */
  realRows(column: Int32Array, level: Int32Array, rng: Rng): Int32Array {
    const out = new Int32Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const rows = this.rowsByLevel[column[i]!]![level[i]!]!;
      out[i] = rows[Math.min(rows.length - 1, Math.floor((rng.random() as number) * rows.length))]!;
    }
    return out;
  }
}
