/**
 * SDV's GaussianCopulaSynthesizer, improved: each numerical and datetime
 * column gets its own marginal, chosen by the smallest Kolmogorov–Smirnov
 * statistic among normal, truncated normal, beta, gamma, uniform and a
 * kernel density (SDV always uses beta), unless fixed by the user;
 * categorical and boolean columns (and missing-value indicators) are
 * frequency intervals of [0, 1] (SDV's UniformEncoder). Every column becomes
 * normal scores; their Pearson correlation is repaired to the nearest valid
 * correlation matrix (Higham). Sampling draws N(0, R) and maps each column
 * back through its marginal (a precomputed table, so 1,000,000 rows take a
 * second or two). Conditions are exact: a condition on a value is an
 * interval of one normal score (a category's interval; a number's rounding
 * interval), drawn from the conditional normal, never by blind rejection.
 */
import type { ProgressCallback } from "../core/progress.js";
import { checkInteger, checkOneOf } from "../core/validate.js";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { normPpf } from "../random/distributions.js";
import type { Rng } from "../random/rng.js";
import { fitUnivariate, univariateFromJSON, UNIVARIATE_FAMILIES, type UnivariateFamily, type UnivariateModel } from "../fit/univariate.js";
import { choleskyWithJitter, columnCorrelation, conditionalNormal, nearestCorrelation } from "./correlation.js";
import { TableSynthesizer, type BaseSynthesizerOptions, type ModelCondition } from "./synthesizer.js";
import { searchSorted, type Encoded, type ModelColumn } from "./transformer.js";

/** The copula's own options. */
export interface GaussianCopulaOptions {
  /**
   * Marginal of every numerical column: a family, or `"auto"` (the best fit by the KS statistic).
   * @defaultValue "auto"
   */
  defaultDistribution?: CopulaDistribution;
  /** Marginal per column, overriding `defaultDistribution` (`{ income: "gamma", calls: "discrete" }`). @defaultValue {} */
  numericalDistributions?: Record<string, CopulaDistribution>;
  /** Rows used to fit and score each marginal (a seeded subsample of larger tables). @defaultValue 20000 */
  maxFitRows?: number;
  /**
   * With `"auto"`, a column with at most this many distinct values (counts, ratings, small integers), or
   * with one value holding at least a fifth of the rows and at most 200 distinct values (zero-inflated
   * counts), gets its exact discrete distribution as the marginal ("discrete": ordered frequency
   * intervals), which no continuous family matches. 0 turns this off.
   * @defaultValue 40
   */
  maxDiscreteLevels?: number;
}

const DEFAULTS: Required<GaussianCopulaOptions> = { defaultDistribution: "auto", numericalDistributions: {}, maxFitRows: 20_000, maxDiscreteLevels: 40 };

/** A marginal family name as the copula accepts it. */
export type CopulaDistribution = UnivariateFamily | "discrete" | "auto";

/** The exact distribution of a column with few distinct values: values ascending, cumulative frequencies. */
interface DiscreteMarginal {
  readonly family: "discrete";
  readonly values: Float64Array;
  readonly cum: Float64Array;
}

type Marginal = UnivariateModel | DiscreteMarginal | null;

function isDiscrete(m: Marginal): m is DiscreteMarginal {
  return m !== null && m.family === "discrete";
}

function fitDiscrete(present: Float64Array): DiscreteMarginal {
  const counts = new Map<number, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  const values = Float64Array.from(counts.keys()).sort();
  const cum = new Float64Array(values.length);
  let s = 0;
  values.forEach((v, k) => (cum[k] = s += counts.get(v)! / present.length));
  cum[values.length - 1] = 1;
  return { family: "discrete", values, cum };
}

/** Whether `auto` treats the column as discrete. */
function looksDiscrete(present: Float64Array, maxLevels: number): boolean {
  if (maxLevels <= 0 || present.length === 0) return false;
  const counts = new Map<number, number>();
  for (const v of present) {
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (counts.size > 200) return false;
  }
  if (counts.size <= maxLevels) return true;
  let top = 0;
  for (const c of counts.values()) if (c > top) top = c;
  return top >= 0.2 * present.length;
}

const Z_MAX = 8.5;

interface CopulaModel {
  /** Per model column: a marginal (values) or null (intervals). */
  marginals: Marginal[];
  correlation: Float64Array;
  cholesky: Float64Array;
  repaired: boolean;
  /**
   * Per interval column with 3+ levels: the levels' order along [0, 1] in the copula (transformer level
   * indices, by their mean score on the first principal axis), so that categories line up with the
   * other columns' normal scores; null keeps the transformer's (frequency) order.
   */
  orders: (Int32Array | null)[];
}

/**
 * A Gaussian copula over a mixed table (see the file comment).
 *
 * @example
 * const real = Table.fromRecords([...Array(200)].map((_, i) => ({ x: i % 17, y: (i * 7) % 23 + 0.5, c: i % 3 ? "a" : "b" })));
 * const s = new GaussianCopulaSynthesizer({ seed: 1 }).fit(real);
 * s.sample(5, { seed: 2 }).shape; // => [5, 3]
 */
export class GaussianCopulaSynthesizer extends TableSynthesizer<GaussianCopulaOptions> {
  readonly method = "gaussian-copula";
  protected readonly encoding = "uniform" as const;
  protected override readonly exactConditions = true;
  private model: CopulaModel | undefined;
  private specs: readonly ModelColumn[] = [];

  constructor(options: BaseSynthesizerOptions & GaussianCopulaOptions = {}) {
    super("GaussianCopulaSynthesizer", DEFAULTS, options);
    const families = [...UNIVARIATE_FAMILIES, "discrete", "auto"] as const;
    checkInteger("GaussianCopulaSynthesizer", "maxDiscreteLevels", this.params.maxDiscreteLevels, 0);
    checkInteger("GaussianCopulaSynthesizer", "maxFitRows", this.params.maxFitRows, 10);
    checkOneOf("GaussianCopulaSynthesizer", "defaultDistribution", this.params.defaultDistribution, families);
    const nd = this.params.numericalDistributions;
    if (nd === null || typeof nd !== "object" || Array.isArray(nd)) {
      throw new ParamTypeError("GaussianCopulaSynthesizer", "numericalDistributions", nd, `'numericalDistributions' must be an object { column: family }, got ${show(nd)}.`);
    }
    for (const [c, f] of Object.entries(nd)) checkOneOf("GaussianCopulaSynthesizer", `numericalDistributions.${c}`, f, families);
  }

  /** The marginal chosen for each numerical column: `{ column: { family, params, ksStatistic } }`. */
  getMarginals(): Record<string, { family: string; params: unknown; ksStatistic: number }> {
    const m = this.fittedModel("getMarginals");
    const out: Record<string, { family: string; params: unknown; ksStatistic: number }> = {};
    m.marginals.forEach((u, j) => {
      if (isDiscrete(u)) out[this.specs[j]!.source] = { family: "discrete", params: { levels: u.values.length }, ksStatistic: 0 };
      else if (u) out[this.specs[j]!.source] = { family: u.family, params: u.params, ksStatistic: u.ksStatistic };
    });
    return out;
  }

  /** The normal scores' correlation (model columns in order), after repair. */
  getCorrelation(): { columns: string[]; matrix: Float64Array; repaired: boolean } {
    const m = this.fittedModel("getCorrelation");
    return {
      columns: this.specs.map((s) => (s.type === "missing" ? `${s.source} (missing)` : s.source)),
      matrix: m.correlation,
      repaired: m.repaired,
    };
  }

  private fittedModel(where: string): CopulaModel {
    if (!this.model) throw new ParamError(`GaussianCopulaSynthesizer.${where}`, "this", undefined, "the synthesizer is not fitted yet: call fit(data) first.");
    return this.model;
  }

  protected fitModel(enc: Encoded, rng: Rng, onProgress: ProgressCallback | undefined): void {
    const d = enc.specs.length;
    const n = enc.n;
    this.specs = enc.specs;
    const known = new Set(enc.specs.map((s) => s.source));
    for (const c of Object.keys(this.params.numericalDistributions)) {
      if (!known.has(c)) throw new ParamError("GaussianCopulaSynthesizer.fit", "numericalDistributions", c, `no numerical column '${c}'. Columns: ${[...known].join(", ")}.`);
    }
    const marginals: Marginal[] = [];
    const scores: Float64Array[] = [];
    const present: (Uint8Array | undefined)[] = [];
    for (let j = 0; j < d; j++) {
      const spec = enc.specs[j]!;
      const col = enc.columns[j]!;
      const z = new Float64Array(n);
      if (spec.type === "value") {
        let m = 0;
        const values0 = new Float64Array(n);
        for (let i = 0; i < n; i++) if (col[i] === col[i]) values0[m++] = col[i]!;
        if (m < n) present[j] = Uint8Array.from(col, (x) => (x === x ? 1 : 0));
        const family = this.params.numericalDistributions[spec.source] ?? this.params.defaultDistribution;
        const values = values0.subarray(0, m);
        if (family === "discrete" || (family === "auto" && looksDiscrete(values, this.params.maxDiscreteLevels))) {
          const dm = fitDiscrete(values);
          // a uniform draw inside the value's interval of [0, 1], then its normal score (as categories)
          const index = new Map<number, number>();
          dm.values.forEach((v, k) => index.set(v, k));
          for (let i = 0; i < n; i++) {
            const x = col[i]!;
            if (x !== x) continue;
            const k = index.get(x)!;
            const lo = k ? dm.cum[k - 1]! : 0;
            z[i] = Math.max(-Z_MAX, Math.min(Z_MAX, normPpf(lo + rng.random() * (dm.cum[k]! - lo))));
          }
          marginals.push(dm);
        } else {
          const u = fitUnivariate(values, { family, maxFitRows: this.params.maxFitRows, seed: rng });
          const zs = u.toNormalScores(values);
          for (let i = 0, k = 0; i < n; i++) z[i] = col[i] === col[i] ? Math.max(-Z_MAX, Math.min(Z_MAX, zs[k++]!)) : 0;
          marginals.push(u);
        }
      } else {
        for (let i = 0; i < n; i++) z[i] = Math.max(-Z_MAX, Math.min(Z_MAX, normPpf(col[i]!)));
        marginals.push(null);
      }
      scores.push(z);
      onProgress?.(j + 1, d + 1, `marginal of ${spec.source}`);
    }
    // pairwise-complete where a column has missing values (their normal score is a placeholder 0)
    let raw = columnCorrelation(scores, n, present);
    // categories with 3+ levels: order them along the first principal axis of the normal scores (their
    // frequency order is arbitrary, and a Gaussian copula only sees monotone relations), then recompute
    const orders: (Int32Array | null)[] = new Array(d).fill(null);
    const multi = enc.specs.map((s, j) => (s.type === "interval" && s.frequencies.length >= 3 ? j : -1)).filter((j) => j >= 0);
    if (multi.length > 0 && d > 1) {
      const axis = leadingEigenvector(raw, d);
      const pc = new Float64Array(n);
      for (let j = 0; j < d; j++) {
        const w = axis[j]!;
        const z = scores[j]!;
        for (let i = 0; i < n; i++) pc[i]! += w * z[i]!;
      }
      for (const j of multi) {
        const freqs = (enc.specs[j] as { frequencies: readonly number[] }).frequencies;
        const L = freqs.length;
        const u = enc.columns[j]!;
        const level = levelsOf(u, freqs);
        const sum = new Float64Array(L);
        const count = new Float64Array(L);
        for (let i = 0; i < n; i++) {
          // the column's own score is part of pc; leave it out so the order comes from the other columns
          sum[level[i]!]! += pc[i]! - axis[j]! * scores[j]![i]!;
          count[level[i]!]! += 1;
        }
        const order = Int32Array.from({ length: L }, (_, k) => k).sort((a, b) => sum[a]! / Math.max(1, count[a]!) - sum[b]! / Math.max(1, count[b]!) || a - b);
        orders[j] = order;
        const z = scores[j]!;
        const loOld = lowerBounds(freqs, null);
        const loNew = lowerBounds(freqs, order);
        for (let i = 0; i < n; i++) z[i] = Math.max(-Z_MAX, Math.min(Z_MAX, normPpf(u[i]! - loOld[level[i]!]! + loNew[level[i]!]!)));
      }
      raw = columnCorrelation(scores, n, present);
    }
    const { matrix, repaired } = nearestCorrelation(raw, d);
    this.model = { marginals, correlation: matrix, cholesky: choleskyWithJitter(matrix, d), repaired, orders };
    onProgress?.(d + 1, d + 1, "correlation");
  }

  protected sampleModel(n: number, rng: Rng, conditions: readonly ModelCondition[]): Float64Array[] {
    const m = this.model!;
    const d = this.specs.length;
    const cols: Float64Array[] = [];
    if (conditions.length === 0) {
      // column-major: z_a = Σ_{b<=a} L_ab ε_b, each a sequential axpy over the block
      const eps: Float64Array[] = [];
      for (let b = 0; b < d; b++) eps.push(rng.standardNormal(n));
      const L = m.cholesky;
      for (let a = 0; a < d; a++) {
        const z = new Float64Array(n);
        for (let b = 0; b <= a; b++) {
          const l = L[a * d + b]!;
          if (l === 0) continue;
          const e = eps[b]!;
          for (let i = 0; i < n; i++) z[i]! += l * e[i]!;
        }
        cols.push(z);
      }
    } else {
      const z = new Float64Array(n * d);
      conditionalNormal(m.correlation, d, this.zConditions(conditions), n, rng, z);
      for (let j = 0; j < d; j++) {
        const col = new Float64Array(n);
        for (let i = 0; i < n; i++) col[i] = z[i * d + j]!;
        cols.push(col);
      }
    }
    const out: Float64Array[] = [];
    for (let j = 0; j < d; j++) {
      const u = m.marginals[j]!;
      const col = cols[j]!;
      if (isDiscrete(u)) out.push(discreteValues(col, u));
      else if (u) out.push(u.fromNormalScores(col, col));
      else out.push(intervalValues(col, this.specs[j]!, m.orders[j] ?? null));
    }
    return out;
  }

  /** Model-unit conditions as normal-score intervals. */
  private zConditions(conditions: readonly ModelCondition[]): { dim: number; lo: number; hi: number }[] {
    const m = this.model!;
    const byDim = new Map<number, { lo: number; hi: number }>();
    for (const c of conditions) {
      const u = m.marginals[c.column];
      let lo: number;
      let hi: number;
      if (isDiscrete(u)) {
        // the values inside [c.lo, c.hi]: a run of levels, one interval of [0, 1]
        let a = 0;
        while (a < u.values.length && u.values[a]! < c.lo) a++;
        let b = a;
        while (b < u.values.length && u.values[b]! <= c.hi) b++;
        lo = normPpf(a ? u.cum[a - 1]! : 0);
        hi = normPpf(b ? u.cum[b - 1]! : 0);
      } else if (u) {
        lo = normPpf(u.cdf(c.lo));
        hi = normPpf(u.cdf(c.hi));
      } else {
        const order = m.orders[c.column];
        if (order) {
          // the condition's level, moved to its place in the copula's order
          const freqs = (this.specs[c.column] as { frequencies: readonly number[] }).frequencies;
          const k = levelsOf(Float64Array.of((c.lo + c.hi) / 2), freqs)[0]!;
          const loNew = lowerBounds(freqs, order)[k]!;
          lo = normPpf(loNew);
          hi = normPpf(loNew + freqs[k]!);
        } else {
          lo = normPpf(c.lo);
          hi = normPpf(c.hi);
        }
      }
      lo = Math.max(-Z_MAX, lo);
      hi = Math.min(Z_MAX, hi);
      if (!(hi >= lo)) hi = lo;
      const prev = byDim.get(c.column);
      byDim.set(c.column, prev ? { lo: Math.max(prev.lo, lo), hi: Math.min(prev.hi, hi) } : { lo, hi });
    }
    return [...byDim.entries()].map(([dim, r]) => ({ dim, ...r }));
  }

  protected modelToJSON(): unknown {
    const m = this.fittedModel("toJSON");
    return {
      marginals: m.marginals.map((u) => (isDiscrete(u) ? { family: "discrete", values: Array.from(u.values), cum: Array.from(u.cum) } : u ? u.toJSON() : null)),
      correlation: Array.from(m.correlation),
      repaired: m.repaired,
      orders: m.orders.map((o) => (o ? Array.from(o) : null)),
    };
  }

  protected modelFromJSON(json: unknown): void {
    const j = json as { marginals: unknown[]; correlation: number[]; repaired: boolean; orders?: (number[] | null)[] };
    const d = Math.round(Math.sqrt(j.correlation.length));
    const correlation = Float64Array.from(j.correlation);
    this.specs = this.transformer.specs;
    this.model = {
      marginals: j.marginals.map((u): Marginal => {
        if (u === null) return null;
        const d = u as { family: string; values: number[]; cum: number[] };
        if (d.family === "discrete") return { family: "discrete", values: Float64Array.from(d.values), cum: Float64Array.from(d.cum) };
        return univariateFromJSON(u as Parameters<typeof univariateFromJSON>[0]);
      }),
      correlation,
      cholesky: choleskyWithJitter(correlation, d),
      repaired: j.repaired,
      orders: (j.orders ?? new Array(d).fill(null)).map((o) => (o ? Int32Array.from(o) : null)),
    };
  }
}

/** Normal scores of a discrete numerical column → its values (cut points in z, no Φ per row). */
function discreteValues(z: Float64Array, m: DiscreteMarginal): Float64Array {
  const L = m.values.length;
  const cutZ = new Float64Array(L);
  for (let k = 0; k < L; k++) cutZ[k] = k === L - 1 ? Infinity : normPpf(m.cum[k]!);
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    const a = searchSorted(cutZ, v);
    out[i] = m.values[a]!;
  }
  return out;
}

/** Normal scores of an interval column → the middle of the level's interval (exact level, no Φ per row), in the transformer's layout. */
function intervalValues(z: Float64Array, spec: ModelColumn, order: Int32Array | null): Float64Array {
  const freqs = spec.type === "interval" ? spec.frequencies : spec.type === "missing" ? [1 - spec.rate, spec.rate] : [1];
  const L = freqs.length;
  const perm = order ?? Int32Array.from({ length: L }, (_, k) => k);
  const cutZ = new Float64Array(L);
  let s = 0;
  for (let p = 0; p < L; p++) {
    s += freqs[perm[p]!]!;
    cutZ[p] = p === L - 1 ? Infinity : normPpf(s);
  }
  const lo = lowerBounds(freqs, null);
  const mid = Float64Array.from({ length: L }, (_, p) => lo[perm[p]!]! + freqs[perm[p]!]! / 2);
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    const a = searchSorted(cutZ, v);
    out[i] = mid[a]!;
  }
  return out;
}

/** Lower ends of each level's interval of [0, 1] (indexed by level) when the levels are laid out in `order` (null: level order). */
function lowerBounds(freqs: readonly number[], order: Int32Array | null): Float64Array {
  const L = freqs.length;
  const lo = new Float64Array(L);
  let s = 0;
  for (let p = 0; p < L; p++) {
    const k = order ? order[p]! : p;
    lo[k] = s;
    s += freqs[k]!;
  }
  return lo;
}

/** The level (in the transformer's frequency layout) of each value of [0, 1]. */
function levelsOf(u: Float64Array, freqs: readonly number[]): Int32Array {
  const L = freqs.length;
  const cum = new Float64Array(L);
  let s = 0;
  for (let k = 0; k < L; k++) cum[k] = s += freqs[k]!;
  const out = new Int32Array(u.length);
  for (let i = 0; i < u.length; i++) {
    const x = u[i]!;
    const a = searchSorted(cum, x);
    out[i] = a;
  }
  return out;
}

/** The eigenvector of the largest eigenvalue of a symmetric matrix (power iteration). */
function leadingEigenvector(A: Float64Array, d: number): Float64Array {
  let v = new Float64Array(d).fill(1 / Math.sqrt(d));
  for (let it = 0; it < 200; it++) {
    const w = new Float64Array(d);
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let b = 0; b < d; b++) s += A[a * d + b]! * v[b]!;
      w[a] = s;
    }
    let norm = 0;
    for (let a = 0; a < d; a++) norm += w[a]! * w[a]!;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) break;
    let diff = 0;
    for (let a = 0; a < d; a++) {
      w[a]! /= norm;
      diff += Math.abs(w[a]! - v[a]!);
    }
    v = w;
    if (diff < 1e-10) break;
  }
  return v;
}
