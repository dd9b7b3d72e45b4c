/**
 * Correlation matrices with pandas' `DataFrame.corr()` meaning: Pearson or
 * Spearman, pairwise-complete observations when values are missing.
 */
import { Matrix } from "ml-matrix";
import type { Column } from "../core/column.js";
import { ParamError } from "../core/errors.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { pairwiseMoments } from "../core/linalg.js";
import { checkOneOf } from "../core/validate.js";

/** Options of {@link correlationMatrix}. */
export interface CorrelationOptions {
  /** @defaultValue "pearson" */
  method?: "pearson" | "spearman";
  /** Columns to use (default: every numeric, integer and boolean column). */
  columns?: readonly string[];
}

/** A correlation matrix with its column names. */
export interface CorrelationMatrix {
  readonly names: string[];
  /** k × k, symmetric, 1 on the diagonal (NaN where a column is constant or too sparse). */
  readonly matrix: number[][];
  /** As a Table: a first column `column`, then one column per name. */
  toTable(): Table;
}

/** Average ranks (1-based) of the finite values; NaN stays NaN (ties share their mean rank). */
export function rankAverage(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (x[i] === x[i]) idx.push(i);
  idx.sort((a, b) => x[a]! - x[b]!);
  const out = new Float64Array(n).fill(NaN);
  for (let s = 0; s < idx.length; ) {
    let e = s + 1;
    while (e < idx.length && x[idx[e]!] === x[idx[s]!]) e++;
    const r = (s + 1 + e) / 2;
    for (let k = s; k < e; k++) out[idx[k]!] = r;
    s = e;
  }
  return out;
}

function numericColumn(c: Column): Float64Array | null {
  if (c.kind === "numeric" || c.kind === "integer") return c.values;
  if (c.kind === "boolean") return Float64Array.from(c.values, (v) => (v < 0 ? NaN : v));
  return null;
}

/** Pearson correlation of two columns over rows where both are present (pandas' nancorr). */
function pairwise(x: Float64Array, y: Float64Array): number {
  const { n, sxx, syy, sxy } = pairwiseMoments(x, y);
  if (n < 2) return NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** True when v holds a NaN. */
function hasMissing(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

/** Rows per block of {@link crossProducts}: d blocks of this many doubles stay in the L2 cache. */
const BLOCK = 2048;

/**
 * Sums of cross products of the centred columns (d × d, upper triangle
 * filled): the columns' means first, then block by block, the block's centred
 * values copied into one reused scratch (no full-length copies) and every
 * pair's dot product over it, four pairs at a time.
 */
function crossProducts(cols: Float64Array[], n: number): Float64Array {
  const d = cols.length;
  const mean = new Float64Array(d);
  for (let a = 0; a < d; a++) mean[a] = columnSum(cols[a]!, n) / n;
  const acc = new Float64Array(d * d);
  const scratch = new Float64Array(d * BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const len = Math.min(n, start + BLOCK) - start;
    for (let a = 0; a < d; a++) centre(cols[a]!, start, len, mean[a]!, scratch, a * BLOCK);
    blockProducts(scratch, d, len, acc);
  }
  return acc;
}

function columnSum(v: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]!;
  return s;
}

function centre(v: Float64Array, start: number, len: number, m: number, out: Float64Array, at: number): void {
  for (let i = 0; i < len; i++) out[at + i] = v[start + i]! - m;
}

/** acc[a·d + b] += Σ_i s[a, i] · s[b, i] for b ≥ a, s holding d rows of BLOCK (len used). */
function blockProducts(s: Float64Array, d: number, len: number, acc: Float64Array): void {
  for (let a = 0; a < d; a++) {
    const oa = a * BLOCK;
    let b = a;
    for (; b + 3 < d; b += 4) {
      const o0 = b * BLOCK;
      const o1 = o0 + BLOCK;
      const o2 = o1 + BLOCK;
      const o3 = o2 + BLOCK;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < len; i++) {
        const x = s[oa + i]!;
        s0 += x * s[o0 + i]!;
        s1 += x * s[o1 + i]!;
        s2 += x * s[o2 + i]!;
        s3 += x * s[o3 + i]!;
      }
      acc[a * d + b]! += s0;
      acc[a * d + b + 1]! += s1;
      acc[a * d + b + 2]! += s2;
      acc[a * d + b + 3]! += s3;
    }
    for (; b < d; b++) {
      const ob = b * BLOCK;
      let s0 = 0;
      for (let i = 0; i < len; i++) s0 += s[oa + i]! * s[ob + i]!;
      acc[a * d + b]! += s0;
    }
  }
}

/**
 * The correlation matrix of a table's numeric columns (or a Matrix's
 * columns). Columns without missing values take a blocked fast path (one
 * pass over row blocks for every pair); pairs with missing values use the
 * rows where both are present, as pandas does.
 *
 * @example
 * const c = correlationMatrix([{ a: 1, b: 2 }, { a: 2, b: 4 }, { a: 3, b: 7 }]);
 * c.names; // => ["a", "b"]
 * c.matrix[0][1].toFixed(4); // => "0.9934"
 */
export function correlationMatrix(data: TableInput | Matrix, options: CorrelationOptions = {}): CorrelationMatrix {
  const where = "correlationMatrix";
  for (const k of Object.keys(options)) {
    if (k !== "method" && k !== "columns") throw new ParamError(where, k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: method, columns.`);
  }
  const method = checkOneOf(where, "method", options.method ?? "pearson", ["pearson", "spearman"] as const);
  const table = Matrix.isMatrix(data) ? Table.fromMatrix(data as Matrix) : asTable(data as TableInput, where);
  const chosen = options.columns ? options.columns.map((n) => table.columnInfo(n)) : table.columns.filter((c) => numericColumn(c) !== null);
  const names: string[] = [];
  let cols: Float64Array[] = [];
  for (const c of chosen) {
    const v = numericColumn(c);
    if (!v) throw new ParamError(where, "columns", c.name, `column '${c.name}' is ${c.kind}; correlations need numeric columns.`);
    names.push(c.name);
    cols.push(v);
  }
  const hasNaN = cols.map(hasMissing);
  if (method === "spearman") {
    // with missing values, ranks must be taken over each pair's complete rows (below)
    cols = cols.map((v, j) => (hasNaN[j] ? v : rankAverage(v)));
  }
  const k = cols.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const n = table.nRows;
  const dense = cols.map((_, j) => !hasNaN[j]);
  const denseIdx = dense.flatMap((d, j) => (d ? [j] : []));
  if (denseIdx.length && n > 1) {
    const d = denseIdx.length;
    const acc = crossProducts(denseIdx.map((j) => cols[j]!), n);
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const r = a === b ? (acc[a * d + a]! > 0 ? 1 : NaN) : Math.max(-1, Math.min(1, acc[a * d + b]! / Math.sqrt(acc[a * d + a]! * acc[b * d + b]!)));
        matrix[denseIdx[a]!]![denseIdx[b]!] = r;
        matrix[denseIdx[b]!]![denseIdx[a]!] = r;
      }
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      if (dense[a] && dense[b]) continue;
      let x = cols[a]!;
      let y = cols[b]!;
      if (method === "spearman") {
        const keep: number[] = [];
        for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) keep.push(i);
        x = rankAverage(keep.map((i) => cols[a]![i]!));
        y = rankAverage(keep.map((i) => cols[b]![i]!));
      }
      const r = a === b ? (pairwise(x, y) === pairwise(x, y) ? 1 : NaN) : pairwise(x, y);
      matrix[a]![b] = r;
      matrix[b]![a] = r;
    }
  }
  return {
    names,
    matrix,
    toTable: () => Table.fromColumns({ column: names, ...Object.fromEntries(names.map((nm, j) => [nm, Float64Array.from(matrix, (row) => row[j]!)])) }),
  };
}

