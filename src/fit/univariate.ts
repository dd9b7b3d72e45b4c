/**
 * Univariate marginals for the Gaussian copula: {@link fitUnivariate} fits a
 * normal, truncated normal, beta, gamma, uniform or Gaussian-KDE model to one
 * numeric column by maximum likelihood, or all of them and keeps the best by
 * the Kolmogorov–Smirnov statistic (SDV's GaussianCopulaSynthesizer always
 * uses beta; copulas' `select_univariate` compares in-sample KS). The fitted
 * {@link UnivariateModel} maps values to normal scores and back through a
 * precomputed monotone table, so sampling a million values is one lookup and
 * a cubic each. The families' math is in ./univariate-families.ts and
 * ./univariate-kde.ts.
 */
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkInteger, checkOneOf, mergeOptions } from "../core/validate.js";
import { normCdf, normPpf } from "../random/distributions.js";
import { createRng, Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import {
  UNIVARIATE_FAMILIES,
  betaShape,
  constantShape,
  fitParams,
  gammaShape,
  normalShape,
  summary,
  truncnormShape,
  uniformShape,
  type Shape,
  type Summary,
  type UnivariateFamily,
  type UnivariateModelFamily,
} from "./univariate-families.js";
import { kdeShape, MonotoneSpline, scottBandwidth } from "./univariate-kde.js";

export { UNIVARIATE_FAMILIES, type UnivariateFamily, type UnivariateModelFamily };
// (UNIVARIATE_FAMILIES is documented where it is defined, ./univariate-families.ts)

/** Options of {@link fitUnivariate}. */
export interface FitUnivariateOptions {
  /** A family to fit, or `"auto"`: fit every candidate and keep the best by a penalized KS statistic (see {@link fitUnivariate}). @defaultValue "auto" */
  family?: UnivariateFamily | "auto";
  /** The families `"auto"` compares. @defaultValue UNIVARIATE_FAMILIES (all six) */
  candidates?: readonly UnivariateFamily[] | undefined;
  /**
   * Values the KDE keeps and the KS statistics are scored on: a seeded
   * subsample of larger columns (the parametric fits use every value; their
   * sufficient statistics are cheap).
   * @defaultValue 10000
   */
  maxFitRows?: number;
  /** Seed of the subsample and of the KDE's held-out split (recorded on the model when drawn fresh). */
  seed?: SeedValue | Rng | undefined;
}

const DEFAULTS: FitUnivariateOptions = { family: "auto", candidates: undefined, maxFitRows: 10_000, seed: undefined };

/** One family's goodness of fit, as {@link fitUnivariate} measured it. */
export interface UnivariateCandidate {
  readonly family: UnivariateFamily;
  /** KS statistic against the (scoring sample of the) data; the KDE's on held-out data (see {@link fitUnivariate}). */
  readonly statistic: number;
  /** statistic + 0.5 × (parameters taken from the data) / √n: `"auto"` keeps the smallest. */
  readonly penalized: number;
}

/** The JSON form of a {@link UnivariateModel} (`univariateFromJSON` reads it back). */
export interface UnivariateModelJSON {
  readonly schema: "synthlab.univariate/1";
  readonly family: UnivariateModelFamily;
  readonly params: Record<string, number>;
  /** The KDE's points (kde only). */
  readonly points?: number[];
  readonly ksStatistic: number;
  readonly candidates: UnivariateCandidate[];
  readonly seed?: SeedValue;
}

/** Normal scores are clamped to ±Z_MAX (Φ(−8.5) ≈ 9.5e-18: beyond any sample of 10^15 values). */
const Z_MAX = 8.5;
/** Cells of the normal-score table, and of one of its integrated segments. */
const TABLE_CELLS = 4096;
const TABLE_SEGMENT = 64;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Exact CDF calls between two integrated steps (see cdfAtSorted). */
const ANCHOR = 16;
/** The price of a fitted parameter in the penalized statistic D + PRICE × k / √n (see fitUnivariate). */
const PRICE = 0.5;
/**
 * Parameters each family takes from the data, bounds included. The KDE's
 * statistic is already held out; it counts as the most flexible parametric
 * family, so it must beat them outright.
 */
const N_PARAMS = { uniform: 2, normal: 2, truncnorm: 4, gamma: 3, beta: 4, kde: 4 } satisfies Record<UnivariateFamily, number>;
/** Simplest first: the order exact ties go in. */
const SIMPLICITY: readonly UnivariateFamily[] = ["uniform", "normal", "truncnorm", "gamma", "beta", "kde"];

type Params = Record<string, number>;

/** Per family: its parameter names (in JSON order) and its distribution functions. */
const FAMILIES = {
  normal: { names: ["loc", "scale"], shape: (p) => normalShape(p.loc!, p.scale!) },
  truncnorm: { names: ["low", "high", "loc", "scale"], shape: (p) => truncnormShape(p.loc!, p.scale!, p.low!, p.high!) },
  beta: { names: ["a", "b", "loc", "scale"], shape: (p) => betaShape(p.a!, p.b!, p.loc!, p.scale!) },
  gamma: { names: ["a", "loc", "scale"], shape: (p) => gammaShape(p.a!, p.loc!, p.scale!) },
  uniform: { names: ["low", "high"], shape: (p) => uniformShape(p.low!, p.high!) },
  kde: { names: ["bandwidth"], shape: (p, points) => kdeShape(points!, p.bandwidth!) },
  constant: { names: ["value"], shape: (p) => constantShape(p.value!) },
} satisfies Record<UnivariateModelFamily, { names: readonly string[]; shape: (p: Params, points?: Float64Array) => Shape }>;

/**
 * A fitted univariate distribution: its family and parameters, exact `cdf`,
 * `pdf` and `ppf`, and the bulk maps between values and normal scores that a
 * Gaussian copula needs. Made by {@link fitUnivariate} or
 * {@link univariateFromJSON}.
 *
 * @example
 * const m = fitUnivariate(Float64Array.from([1, 2, 2, 3, 3, 3, 4, 4, 5]), { family: "normal" });
 * m.params; // => { loc: 3, scale: 1.1547005383792515 }
 * m.cdf(3); // => 0.5
 * m.fromNormalScores(Float64Array.from([0, 1])); // => Float64Array.from([3, 4.1547005383792515])
 */
export class UnivariateModel {
  /** The family (`"constant"` for a column with one value). */
  readonly family: UnivariateModelFamily;
  /** The parameters, by name (scipy's: loc/scale; a, b the beta and gamma shapes; low/high the truncation or range). */
  readonly params: Readonly<Params>;
  /** The KDE's points (kde only, sorted). */
  readonly points: Float64Array | undefined;
  /** The chosen family's KS statistic (see {@link UnivariateCandidate}). */
  readonly ksStatistic: number;
  /** Every family compared, with its statistic, in the order fitted. */
  readonly candidates: readonly UnivariateCandidate[];
  /** The seed of the subsample and split, when one was drawn from a number, a string or fresh entropy. */
  readonly seed: SeedValue | undefined;
  private readonly shape: Shape;
  private table: MonotoneSpline | undefined;

  /** @internal use {@link fitUnivariate} or {@link univariateFromJSON}. */
  constructor(init: { family: UnivariateModelFamily; params: Params; points?: Float64Array | undefined; ksStatistic: number; candidates: readonly UnivariateCandidate[]; seed?: SeedValue | undefined }) {
    this.family = init.family;
    const params: Params = {};
    for (const k of FAMILIES[init.family].names) params[k] = init.params[k]!;
    this.params = Object.freeze(params);
    this.points = init.points;
    this.ksStatistic = init.ksStatistic;
    this.candidates = Object.freeze(init.candidates.map((c) => Object.freeze({ ...c })));
    this.seed = init.seed;
    this.shape = FAMILIES[init.family].shape(params, init.points);
  }

  /** P(X <= x). */
  cdf(x: number): number {
    return this.shape.cdf(x);
  }

  /** The density at x (Infinity at a constant's value). */
  pdf(x: number): number {
    return this.shape.pdf(x);
  }

  /** The quantile: the x with cdf(x) = q (the support's bound for q = 0 or 1). */
  ppf(q: number): number {
    return this.shape.ppf(q);
  }

  /**
   * x = ppf(Φ(z)) for standard normal scores z (the copula's sampling step),
   * through a table of x at 4,097 scores evenly spaced on [−8.5, 8.5], built
   * once per model (exact quantiles every 64th node, the upper tail by the
   * inverse survival function; checked RK4 steps in between) and read by
   * monotone cubic Hermite interpolation with the exact slopes
   * dx/dz = φ(z) / pdf(x). Accuracy: the
   * interpolation error is about (17/4096)⁴/384 ≈ 8e-13 times d⁴x/dz⁴ (the
   * tests hold |error| < 1e-8 × the data range on |z| <= 5 for every
   * parametric family, measured ~1e-12; the KDE's < 1e-6, its quantiles come
   * from a grid); scores beyond ±8.5 clamp to the ends. The normal is exact
   * (loc + scale·z); NaN stays NaN.
   *
   * @param z - standard normal scores
   * @param out - where to write (may be z itself); a new array when omitted
   * @returns out
   * @example
   * const m = fitUnivariate(Float64Array.from([0, 0.25, 0.5, 0.75, 1]), { family: "uniform" });
   * const x = m.fromNormalScores(Float64Array.from([-20, 0, 1])); // clamped at -8.5, the median, Φ(1)
   * Array.from(x, (v) => +v.toFixed(6)); // => [0, 0.5, 0.841345]
   */
  fromNormalScores(z: Float64Array, out: Float64Array = new Float64Array(z.length)): Float64Array {
    const p = this.params;
    if (this.family === "constant") return out.fill(p.value!);
    if (this.family === "normal") {
      const { loc, scale } = p as { loc: number; scale: number };
      const hi = Z_MAX; // a local: a module constant in a hot loop is a context load with a hole check (3× slower)
      for (let i = 0; i < z.length; i++) {
        const v = z[i]!;
        out[i] = loc + scale * (v < -hi ? -hi : v > hi ? hi : v);
      }
      return out;
    }
    return this.zTable().map(z, out);
  }

  /**
   * z = Φ⁻¹(cdf(x)) clamped to ±8.5: the values' normal scores (the copula's
   * fitting step). Large inputs (or a model whose table is built) invert the
   * table of {@link fromNormalScores}, so the two are inverse maps; small
   * ones call the CDF.
   *
   * @param x - values
   * @param out - where to write (may be x itself); a new array when omitted
   * @returns out
   * @example
   * const m = fitUnivariate(Float64Array.from([0, 0.25, 0.5, 0.75, 1]), { family: "uniform" });
   * const z = m.toNormalScores(Float64Array.from([0.75, 2])); // Φ⁻¹(0.75), and 2 beyond the support clamps to 8.5
   * Array.from(z, (v) => +v.toFixed(6)); // => [0.67449, 8.5]
   */
  toNormalScores(x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
    const n = x.length;
    if (this.family === "constant") return out.fill(0);
    if (this.family === "normal") {
      const { loc, scale } = this.params as { loc: number; scale: number };
      const hi = Z_MAX;
      for (let i = 0; i < n; i++) {
        const v = (x[i]! - loc) / scale;
        out[i] = v < -hi ? -hi : v > hi ? hi : v;
      }
      return out;
    }
    if (this.table || n > TABLE_CELLS) {
      return this.zTable().inverseMap(x, out);
    }
    const cdf = this.shape.bulk?.cdf ?? this.shape.cdf;
    for (let i = 0; i < n; i++) {
      const v = normPpf(cdf(x[i]!));
      out[i] = v < -Z_MAX ? -Z_MAX : v > Z_MAX ? Z_MAX : v; // NaN stays NaN
    }
    return out;
  }

  /** The JSON form (numbers survive JSON exactly; {@link univariateFromJSON} rebuilds an identical model). */
  toJSON(): UnivariateModelJSON {
    return {
      schema: "synthlab.univariate/1",
      family: this.family,
      params: { ...this.params },
      ...(this.points ? { points: Array.from(this.points) } : {}),
      ksStatistic: this.ksStatistic,
      candidates: this.candidates.map((c) => ({ ...c })),
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
    };
  }

  /**
   * The score table, built on first use. Exact quantiles at every 64th node
   * (ppf(Φ(z)) for z <= 0, isf(Φ(−z)) above: no rounding of 1 − q); in
   * between, x(z) integrated by RK4 on dx/dz = φ(z) / pdf(x) (four cheap
   * density calls a node instead of an incomplete-beta inversion), kept only
   * when it lands on the next exact node within 1e-9 of the segment's extent
   * plus 1e-11 of the spread between z = ±1, else every node of the segment
   * by its exact quantile (near a singular bound, in a tail). Warm: 2–4 ms a
   * model (beta ~15 ms when its upper tail falls back), against ~60 ms for
   * 4,097 incomplete-beta inversions.
   */
  private zTable(): MonotoneSpline {
    if (this.table) return this.table;
    const f = this.shape.bulk ?? this.shape;
    const dz = (2 * Z_MAX) / TABLE_CELLS;
    const zAt = (k: number) => -Z_MAX + k * dz;
    const exact = (k: number) => {
      const z = zAt(k);
      return z <= 0 ? f.ppf(normCdf(z)) : f.isf(normCdf(-z));
    };
    const dxdz = (z: number, x: number) => Math.exp(-0.5 * z * z) / SQRT_2PI / f.pdf(x);
    const x = new Float64Array(TABLE_CELLS + 1);
    x[0] = exact(0);
    // the absolute part of the acceptance test: 1e-11 of the spread between z = ±1
    const tol = 1e-11 * (exact(TABLE_CELLS / 2 + Math.round(1 / dz)) - exact(TABLE_CELLS / 2 - Math.round(1 / dz)));
    for (let k0 = 0; k0 < TABLE_CELLS; k0 += TABLE_SEGMENT) {
      const k1 = Math.min(TABLE_CELLS, k0 + TABLE_SEGMENT);
      const xa = x[k0]!;
      const xb = exact(k1);
      let v = xa;
      let ok = true;
      for (let k = k0; k < k1 && ok; k++) {
        const z = zAt(k);
        const s1 = dxdz(z, v);
        const s2 = dxdz(z + dz / 2, v + (dz / 2) * s1);
        const s3 = dxdz(z + dz / 2, v + (dz / 2) * s2);
        const s4 = dxdz(z + dz, v + dz * s3);
        const next = v + (dz / 6) * (s1 + 2 * s2 + 2 * s3 + s4);
        ok = next >= v && next < Infinity;
        v = next;
        if (k + 1 < k1) x[k + 1] = v;
      }
      if (!(ok && Math.abs(v - xb) <= 1e-9 * (xb - xa) + tol)) {
        for (let k = k0 + 1; k < k1; k++) x[k] = exact(k);
      }
      x[k1] = xb;
    }
    const slope = new Float64Array(TABLE_CELLS + 1);
    for (let k = 0; k <= TABLE_CELLS; k++) {
      if (k > 0 && !(x[k]! >= x[k - 1]!)) x[k] = x[k - 1]!; // rounding in a quantile function must not break monotonicity
      slope[k] = dxdz(zAt(k), x[k]!);
    }
    this.table = new MonotoneSpline(-Z_MAX, dz, x, slope);
    return this.table;
  }
}

/**
 * The CDF at sorted points, fast: every 16th point (and any point whose gap
 * to the previous one exceeds a quarter of the shape's local length, e.g.
 * near a beta's bound) by the exact CDF; in between, the previous value plus
 * the density integrated over the gap by 3-point Gauss–Legendre (exact for
 * quintics; relative error ~5e-7 × (gap/length)⁷ × max|f⁽⁶⁾|, below 1e-9 at
 * these gaps). A beta CDF costs ~4 µs, its density ~50 ns: 10× faster.
 */
function cdfAtSorted(shape: Shape, s: Float64Array, out: Float64Array): Float64Array {
  const n = s.length;
  if (shape.cheapCdf || shape.bulk) {
    const cdf = shape.bulk?.cdf ?? shape.cdf;
    for (let i = 0; i < n; i++) out[i] = cdf(s[i]!);
    return out;
  }
  const c = 0.5 * Math.sqrt(3 / 5);
  const anchor = ANCHOR;
  let prevX = NaN;
  let prevF = 0;
  let since = anchor;
  for (let i = 0; i < n; i++) {
    const x = s[i]!;
    if (x === prevX) {
      out[i] = prevF;
      continue;
    }
    const gap = x - prevX;
    let F: number;
    if (since >= anchor || !(gap <= 0.25 * shape.length(prevX, x))) {
      F = shape.cdf(x);
      since = 0;
    } else {
      const m = prevX + 0.5 * gap;
      F = prevF + (gap / 18) * (5 * shape.pdf(m - c * gap) + 8 * shape.pdf(m) + 5 * shape.pdf(m + c * gap));
      F = F < prevF ? prevF : F > 1 ? 1 : F;
      since++;
    }
    out[i] = F;
    prevX = x;
    prevF = F;
  }
  return out;
}

/** The two-sided KS statistic of sorted values against CDF values at them. */
function ksFromCdf(F: Float64Array): number {
  const n = F.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const c = F[i]!;
    const plus = (i + 1) / n - c;
    const minus = c - i / n;
    if (plus > d) d = plus;
    if (minus > d) d = minus;
  }
  return d;
}

/** The values as a Float64Array, checked: non-empty, every entry a finite number. */
function checkValues(where: string, values: unknown): Float64Array {
  if (!(Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView)))) {
    throw new ParamTypeError(where, "values", values, `'values' must be a Float64Array or an array of numbers, got ${show(values)}.`);
  }
  const arr = values as ArrayLike<unknown>;
  if (arr.length === 0) throw new DataError(where, "values", values, "'values' is empty; expected at least one finite number. Pass the column's non-missing values.");
  const x = values instanceof Float64Array ? values : new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new DataError(where, "values", v, `'values'[${i}] is ${show(v)}; expected finite numbers. Drop missing values before fitting (the copula models them separately).`);
    }
    if (x !== values) x[i] = v;
  }
  return x;
}

const sortedCopy = (x: Float64Array) => Float64Array.from(x).sort();

/**
 * Fits a univariate distribution to one numeric column by maximum
 * likelihood: a family you name, or (`"auto"`) every candidate, keeping the
 * best by the Kolmogorov–Smirnov statistic D = sup |ECDF − cdf| on the data
 * (subsampled to `maxFitRows`). The families:
 * - `normal`: mean and sd (ddof 0; scipy's `norm.fit`).
 * - `truncnorm`: a normal truncated to the data's [min, max], loc and scale by MLE.
 * - `beta`: on [min − m, max + m] with m = range / (n − 1) (the data's extremes
 *   widened so they have finite density; copulas fits the bounds freely and can
 *   put them inside the data), shapes a, b by Newton on the digamma equations.
 * - `gamma`: loc = min − m, shape and scale by MLE (Minka's start, Newton).
 * - `uniform`: [min, max].
 * - `kde`: scipy's `gaussian_kde` (Scott's bandwidth n^(-1/5) × sd) on up to
 *   `maxFitRows` values.
 * A column with one distinct value gives a `"constant"` model.
 *
 * How `"auto"` chooses. The smallest KS statistic alone would overfit twice:
 * a KDE scored on its own points follows their ECDF by construction (on
 * normal data it ties or beats the normal), and the parametric families nest
 * one another in the limit (a wide truncated normal is a uniform; its two
 * extra parameters buy it a smaller statistic on uniform data). So the KDE's
 * statistic is held out (a KDE on a random half of the scoring sample, tested
 * on the other half), and each family pays 0.5/√n per parameter taken from
 * the data (uniform and normal 2, gamma 3, truncnorm and beta 4, the KDE 4):
 * the smallest penalized statistic wins, exact ties to the simpler family.
 * On seeded simulations (30 columns each, n = 2,000 and 5,000) this picks the
 * generating family every time for normal, uniform, gamma(2), gamma(0.7),
 * beta(0.5, 0.8), a truncated normal and a bimodal mixture (the KDE); for
 * beta(2, 5), whose thin right tail ends well short of the fixed upper bound,
 * beta about two times in three.
 *
 * @param values - the column's finite values (drop missing ones first)
 * @param options - family, candidates, maxFitRows, seed
 * @returns the fitted model, with every candidate's statistic in `candidates`
 * @throws DataError when `values` is empty or holds NaN or ±Infinity; ParamError for an unknown family or option
 * @example
 * const x = createRng(7).normal(10, 2, 2000);
 * const m = fitUnivariate(x, { seed: 1 });
 * m.family; // => "normal"
 * m.candidates.map((c) => c.family); // => ["normal", "truncnorm", "beta", "gamma", "uniform", "kde"]
 * Math.round(m.params.loc * 10) / 10; // => 10
 */
export function fitUnivariate(values: Float64Array, options: FitUnivariateOptions = {}): UnivariateModel {
  const where = "fitUnivariate";
  const o = mergeOptions(where, DEFAULTS, options);
  const family = checkOneOf(where, "family", o.family, [...UNIVARIATE_FAMILIES, "auto"] as const);
  const maxFitRows = checkInteger(where, "maxFitRows", o.maxFitRows, 10);
  let list: UnivariateFamily[];
  if (o.candidates !== undefined) {
    if (family !== "auto") {
      throw new ParamError(where, "candidates", o.candidates, `'candidates' applies to family "auto" only, got family ${show(family)}. Drop one of the two.`);
    }
    if (!Array.isArray(o.candidates) || o.candidates.length === 0) {
      throw new ParamError(where, "candidates", o.candidates, `'candidates' must be a non-empty array of ${UNIVARIATE_FAMILIES.map((f) => JSON.stringify(f)).join(", ")}, got ${show(o.candidates)}.`);
    }
    list = [...new Set(o.candidates.map((c, i) => checkOneOf(where, `candidates[${i}]`, c, UNIVARIATE_FAMILIES)))];
  } else list = family === "auto" ? [...UNIVARIATE_FAMILIES] : [family];
  const x = checkValues(where, values);
  const s = summary(x);
  if (s.min === s.max) return new UnivariateModel({ family: "constant", params: { value: s.min }, ksStatistic: 0, candidates: [] });

  // randomness only where needed: a subsample of a large column, the KDE's split
  let rng: Rng | undefined;
  let seed: SeedValue | undefined;
  const streams = () => {
    if (!rng) {
      rng = createRng(o.seed);
      if (!(o.seed instanceof Rng)) seed = rng.seed;
    }
    return rng;
  };
  const [subRng, splitRng] = s.n > maxFitRows || list.includes("kde") ? streams().spawn(2) : [];
  const sample = s.n > maxFitRows ? Float64Array.from(subRng!.choice(s.n, maxFitRows, false), (i) => x[i]!) : x;
  const sorted = sortedCopy(sample);
  const F = new Float64Array(sorted.length);

  const fitted: { family: UnivariateFamily; params: Params; points?: Float64Array; statistic: number }[] = [];
  for (const fam of list) {
    if (fam === "kde") {
      const points = sorted;
      const bandwidth = scottBandwidth(points) || (s.max - s.min) * Math.pow(points.length, -0.2);
      fitted.push({ family: fam, params: { bandwidth }, points, statistic: kdeHeldOut(sample, splitRng!, s) });
      continue;
    }
    const params = fitParams(fam, x, s);
    const ok = Object.values(params).every(Number.isFinite);
    if (!ok && family !== "auto") {
      throw new DataError(where, "values", values, `the ${fam} fit did not converge (parameters ${show(params)}); try family "auto" or "kde".`);
    }
    // a fit that failed scores the worst possible statistic, 1, and is never chosen
    const statistic = ok ? ksFromCdf(cdfAtSorted(FAMILIES[fam].shape(params), sorted, F)) : 1;
    fitted.push({ family: fam, params, statistic });
  }
  const price = PRICE / Math.sqrt(sorted.length);
  const candidates = fitted.map((f) => ({ family: f.family, statistic: f.statistic, penalized: f.statistic + price * N_PARAMS[f.family] }));
  let chosen = -1;
  for (const fam of SIMPLICITY) {
    const i = candidates.findIndex((c) => c.family === fam);
    if (i >= 0 && (chosen < 0 || candidates[i]!.penalized < candidates[chosen]!.penalized)) chosen = i;
  }
  const c = fitted[chosen]!;
  return new UnivariateModel({ family: c.family, params: c.params, points: c.points, ksStatistic: c.statistic, candidates, seed });
}

/** The KDE's held-out KS statistic: built on a random half of the scoring sample, tested on the other half. */
function kdeHeldOut(sample: Float64Array, rng: Rng, s: Summary): number {
  const m = sample.length;
  const perm = rng.permutation(m);
  const half = m >> 1;
  if (half < 2) return 1;
  const train = Float64Array.from(perm.subarray(0, half), (i) => sample[i]!);
  const test = Float64Array.from(perm.subarray(half), (i) => sample[i]!).sort();
  const h = scottBandwidth(train) || (s.max - s.min) * Math.pow(half, -0.2);
  return ksFromCdf(cdfAtSorted(kdeShape(train, h), test, new Float64Array(test.length)));
}

/**
 * Rebuilds a model from {@link UnivariateModel.toJSON}: same family,
 * parameters, statistics and functions.
 *
 * @param json - the object `toJSON()` returned (or its JSON.parse)
 * @returns the model
 * @throws ParamError when the schema, family or a parameter is missing or not a finite number
 * @example
 * const m = fitUnivariate(Float64Array.from([0.1, 0.4, 0.35, 0.8, 0.65]), { family: "beta" });
 * const back = univariateFromJSON(JSON.parse(JSON.stringify(m)));
 * back.cdf(0.5) === m.cdf(0.5); // => true
 */
export function univariateFromJSON(json: UnivariateModelJSON): UnivariateModel {
  const where = "univariateFromJSON";
  if (json === null || typeof json !== "object" || json.schema !== "synthlab.univariate/1") {
    throw new ParamError(where, "json", json, `expected an object with schema "synthlab.univariate/1" (from UnivariateModel.toJSON()), got ${show(json)}.`);
  }
  const family = checkOneOf(where, "family", json.family, [...UNIVARIATE_FAMILIES, "constant"] as const);
  const params: Params = {};
  for (const k of FAMILIES[family].names) {
    const v = json.params?.[k];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ParamError(where, `params.${k}`, v, `a ${family} model needs a finite number 'params.${k}', got ${show(v)}.`);
    }
    params[k] = v;
  }
  let points: Float64Array | undefined;
  if (family === "kde") {
    if (!Array.isArray(json.points) || json.points.length === 0 || !json.points.every(Number.isFinite)) {
      throw new ParamError(where, "points", json.points, `a kde model needs 'points', a non-empty array of finite numbers, got ${show(json.points)}.`);
    }
    points = Float64Array.from(json.points);
  }
  return new UnivariateModel({ family, params, points, ksStatistic: json.ksStatistic, candidates: json.candidates ?? [], seed: json.seed });
}
