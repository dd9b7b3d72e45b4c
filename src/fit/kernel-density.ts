import gammainc from "@stdlib/math-base-special-gammainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import { Matrix } from "ml-matrix";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { toPoints, type PointsInput } from "../core/knn.js";
import { viewMatrix } from "../core/linalg.js";
import { checkInteger, checkOneOf, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";

/** The kernels of {@link KernelDensity} (scikit-learn's names). */
export const KDE_KERNELS = ["gaussian", "tophat", "epanechnikov", "exponential", "linear", "cosine"] as const;
/** A kernel name. */
export type KdeKernel = (typeof KDE_KERNELS)[number];

/** Options of {@link KernelDensity}. */
export interface KernelDensityOptions {
  /**
   * The bandwidth h, or a rule of thumb: `"scott"` = n^(-1/(d+4)),
   * `"silverman"` = (n (d+2) / 4)^(-1/(d+4)) (scikit-learn's formulas; they
   * assume standardized data, unit variance per column).
   * @defaultValue 1
   */
  bandwidth?: number | "scott" | "silverman";
  /** @defaultValue "gaussian" */
  kernel?: KdeKernel;
  /** Seed of the model's own sampling stream (each `sample` call continues it). */
  seed?: SeedValue | Rng | undefined;
}

const DEFAULTS: KernelDensityOptions = { bandwidth: 1, kernel: "gaussian", seed: undefined };

/** The JSON form of a fitted {@link KernelDensity}. */
export interface KernelDensityJSON {
  readonly schema: "synthlab.kernel-density/1";
  readonly kernel: KdeKernel;
  readonly bandwidth: number | "scott" | "silverman";
  readonly bandwidthValue: number;
  readonly nFeatures: number;
  readonly data: number[];
}

const LOG_2PI = Math.log(2 * Math.PI);
const logVn = (n: number) => 0.5 * n * Math.log(Math.PI) - gammaln(0.5 * n + 1);
const logSn = (n: number) => Math.LN2 + 0.5 * (n + 1) * Math.log(Math.PI) - gammaln(0.5 * (n + 1));

/**
 * log of the kernel's integral over R^d at bandwidth h (scikit-learn's
 * `_log_kernel_norm`, negated). The cosine kernel's volume is computed
 * exactly in every dimension: scikit-learn's loop omits the last term of the
 * recurrence in even dimensions (wrong by a factor in 2-D, NaN in 4-D); in
 * odd dimensions both agree.
 */
export function logKernelVolume(kernel: KdeKernel, h: number, d: number): number {
  let factor: number;
  switch (kernel) {
    case "gaussian":
      factor = 0.5 * d * LOG_2PI;
      break;
    case "tophat":
      factor = logVn(d);
      break;
    case "epanechnikov":
      factor = logVn(d) + Math.log(2 / (d + 2));
      break;
    case "exponential":
      factor = logSn(d - 1) + gammaln(d);
      break;
    case "linear":
      factor = logVn(d) - Math.log(d + 1);
      break;
    case "cosine": {
      // I_n = ∫_0^1 r^n cos(πr/2) dr: I_0 = 2/π, I_1 = 2/π - (2/π)^2, I_n = 2/π - n(n-1)(2/π)^2 I_{n-2}.
      const c = 2 / Math.PI;
      const n = d - 1;
      let I = n % 2 === 0 ? c : c - c * c;
      for (let m = n % 2 === 0 ? 2 : 3; m <= n; m += 2) I = c - m * (m - 1) * c * c * I;
      factor = Math.log(I) + logSn(d - 1);
      break;
    }
    default: {
      const never: never = kernel;
      throw new Error(`unknown kernel ${String(never)}`);
    }
  }
  return factor + d * Math.log(h);
}

/** log K(dist; h) without normalization, as scikit-learn's kernels (from the squared distance). */
function logKernelFn(kernel: KdeKernel, h: number): (d2: number) => number {
  const h2 = h * h;
  switch (kernel) {
    case "gaussian":
      return (d2) => (-0.5 * d2) / h2;
    case "tophat":
      return (d2) => (d2 < h2 ? 0 : -Infinity);
    case "epanechnikov":
      return (d2) => (d2 < h2 ? Math.log(1 - d2 / h2) : -Infinity);
    case "exponential":
      return (d2) => -Math.sqrt(d2) / h;
    case "linear":
      return (d2) => (d2 < h2 ? Math.log(1 - Math.sqrt(d2) / h) : -Infinity);
    case "cosine":
      return (d2) => (d2 < h2 ? Math.log(Math.cos((0.5 * Math.PI * Math.sqrt(d2)) / h)) : -Infinity);
    default: {
      const never: never = kernel;
      throw new Error(`unknown kernel ${String(never)}`);
    }
  }
}

/** Squared distances between the rows of a (m × d) and b (n × d), m × n row-major. */
export function pairwiseSqDistances(a: Float64Array, m: number, b: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ao = i * d;
    for (let j = 0; j < n; j++) {
      const bo = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = a[ao + t]! - b[bo + t]!;
        s += v * v;
      }
      out[i * n + j] = s;
    }
  }
  return out;
}

/** Per query row: log Σ_j K(d2[i, j]) − log n − log volume (from a precomputed squared-distance matrix). */
export function kdeLogDensityFromSq(d2: Float64Array, m: number, n: number, kernel: KdeKernel, h: number, d: number, out = new Float64Array(m)): Float64Array {
  const lk = logKernelFn(kernel, h);
  const norm = logKernelVolume(kernel, h, d) + Math.log(n);
  const gaussian = kernel === "gaussian";
  const inv = -0.5 / (h * h);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    let s: number;
    if (gaussian) {
      let mn = Infinity;
      for (let j = 0; j < n; j++) if (d2[o + j]! < mn) mn = d2[o + j]!;
      let acc = 0;
      for (let j = 0; j < n; j++) acc += Math.exp((d2[o + j]! - mn) * inv);
      s = mn * inv + Math.log(acc);
    } else {
      let mx = -Infinity;
      for (let j = 0; j < n; j++) {
        const v = lk(d2[o + j]!);
        if (v > mx) mx = v;
      }
      if (mx === -Infinity) s = -Infinity;
      else {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += Math.exp(lk(d2[o + j]!) - mx);
        s = mx + Math.log(acc);
      }
    }
    out[i] = s - norm;
  }
  return out;
}

/**
 * Kernel density estimation, scikit-learn's `KernelDensity` (Euclidean
 * metric, exact sums: scikit-learn's `atol = rtol = 0`). `scoreSamples` gives
 * normalized log densities for six kernels; `sample` draws new rows for the
 * gaussian and tophat kernels; `score` is the total log-likelihood, as
 * scikit-learn's `KernelDensity.score` (the quantity its grid search
 * maximizes; note that {@link GaussianMixture.score} is a mean, as in
 * scikit-learn).
 *
 * @example
 * const kde = new KernelDensity({ bandwidth: 0.5 }).fit([[0], [1]]);
 * Math.round(Math.exp(kde.scoreSamples([[0.5]])[0]) * 1e4) / 1e4; // => 0.4839
 * kde.sample(3, { seed: 1 }).rows; // => 3
 */
export class KernelDensity {
  private readonly options: KernelDensityOptions & { bandwidth: number | "scott" | "silverman"; kernel: KdeKernel };
  private rng: Rng | undefined;
  private data: Float64Array | undefined;
  /** Fitted rows. */
  nSamples = 0;
  /** Fitted columns. */
  nFeatures = 0;
  /** The bandwidth used (the rule's value for "scott" and "silverman"). */
  bandwidth = NaN;

  constructor(options: KernelDensityOptions = {}) {
    const where = "KernelDensity";
    const o = mergeOptions(where, DEFAULTS, options) as typeof this.options;
    checkOneOf(where, "kernel", o.kernel, KDE_KERNELS);
    const bw = o.bandwidth;
    if (typeof bw === "string") checkOneOf(where, "bandwidth", bw, ["scott", "silverman"] as const);
    else if (typeof bw !== "number") throw new ParamTypeError(where, "bandwidth", bw, `'bandwidth' must be a number > 0, "scott" or "silverman", got ${show(bw)}.`);
    else if (!(bw > 0) || !Number.isFinite(bw)) throw new ParamError(where, "bandwidth", bw, `'bandwidth' must be a finite number > 0, got ${show(bw)}.`);
    this.options = o;
  }

  /** The kernel. */
  get kernel(): KdeKernel {
    return this.options.kernel;
  }

  /**
   * Stores the rows of `X` and settles the bandwidth.
   * @param X - n × d (Matrix or array of rows)
   * @returns this
   * @throws DataError for NaN/infinite values or no rows
   */
  fit(X: PointsInput): this {
    const { data, rows, cols } = toPoints("KernelDensity.fit", "X", X);
    if (rows < 1) throw new DataError("KernelDensity.fit", "X", rows, "needs at least 1 row, got 0.");
    this.setData(data, rows, cols);
    this.rng = createRng(this.options.seed);
    return this;
  }

  private setData(data: Float64Array, rows: number, cols: number): void {
    this.data = data;
    this.nSamples = rows;
    this.nFeatures = cols;
    const bw = this.options.bandwidth;
    this.bandwidth =
      bw === "scott" ? rows ** (-1 / (cols + 4)) : bw === "silverman" ? ((rows * (cols + 2)) / 4) ** (-1 / (cols + 4)) : bw;
  }

  private fitted(where: string): Float64Array {
    if (!this.data) throw new ParamError(where, "this", null, "the model is not fitted: call fit(X) first.");
    return this.data;
  }

  /**
   * Log density at each row of `X` (normalized: the density integrates to 1).
   * @returns Float64Array of length rows(X); -Infinity where a compact kernel gives 0
   * @throws DataError for NaN/infinite values; ParamError for a column-count mismatch
   */
  scoreSamples(X: PointsInput): Float64Array {
    const where = "KernelDensity.scoreSamples";
    const train = this.fitted(where);
    const q = toPoints(where, "X", X);
    if (q.cols !== this.nFeatures) throw new ParamError(where, "X", q.cols, `X has ${q.cols} columns, but the model was fitted on ${this.nFeatures}.`);
    const out = new Float64Array(q.rows);
    const B = 256;
    for (let r0 = 0; r0 < q.rows; r0 += B) {
      const r1 = Math.min(q.rows, r0 + B);
      const d2 = pairwiseSqDistances(q.data.subarray(r0 * q.cols, r1 * q.cols), r1 - r0, train, this.nSamples, this.nFeatures);
      kdeLogDensityFromSq(d2, r1 - r0, this.nSamples, this.kernel, this.bandwidth, this.nFeatures, out.subarray(r0, r1));
    }
    return out;
  }

  /** Total log-likelihood of `X` (sum of `scoreSamples`), as scikit-learn's `KernelDensity.score`. */
  score(X: PointsInput): number {
    let s = 0;
    for (const v of this.scoreSamples(X)) s += v;
    return s;
  }

  /**
   * Grid-search hook (see {@link gridSearchCV}): models that differ only in
   * bandwidth share one squared-distance matrix per fold.
   * @internal
   */
  cvShareKey(): string | undefined {
    return typeof this.options.bandwidth === "number" ? `KernelDensity:${this.kernel}` : undefined;
  }

  /** @internal fits every model of `group` on `train` and returns their scores on `test` from one distance matrix. */
  cvFitScoreShared(group: KernelDensity[], train: Float64Array, nTrain: number, test: Float64Array, nTest: number, d: number): number[] {
    const d2 = pairwiseSqDistances(test, nTest, train, nTrain, d);
    const buf = new Float64Array(nTest);
    return group.map((m) => {
      m.setData(train, nTrain, d);
      m.rng = createRng(m.options.seed);
      kdeLogDensityFromSq(d2, nTest, nTrain, m.kernel, m.bandwidth, d, buf);
      let s = 0;
      for (const v of buf) s += v;
      return s;
    });
  }

  /**
   * Draws `n` rows: a random fitted row plus kernel noise (gaussian: N(0, h²I);
   * tophat: uniform in the ball of radius h). Each call continues the model's
   * own stream unless `seed` is given.
   * @returns n × d Matrix
   * @throws ParamError for another kernel, n < 1, or an unfitted model
   */
  sample(n: number, options: { seed?: SeedValue | Rng } = {}): Matrix {
    const where = "KernelDensity.sample";
    const data = this.fitted(where);
    checkInteger(where, "n", n, 1);
    const { seed } = mergeOptions(where, { seed: undefined as SeedValue | Rng | undefined }, options);
    const kernel = this.kernel;
    if (kernel !== "gaussian" && kernel !== "tophat") {
      throw new ParamError(where, "kernel", kernel, `sampling is implemented for the "gaussian" and "tophat" kernels only, got "${kernel}". Fit a gaussian or tophat model to sample.`);
    }
    const rng = seed === undefined ? this.rng! : createRng(seed);
    const d = this.nFeatures;
    const h = this.bandwidth;
    const nTrain = this.nSamples;
    const out = new Float64Array(n * d);
    const CH = 8192;
    for (let c0 = 0; c0 < n; c0 += CH) {
      const c1 = Math.min(n, c0 + CH);
      const idx = rng.integers(0, nTrain, c1 - c0);
      const z = rng.standardNormal((c1 - c0) * d);
      for (let i = c0; i < c1; i++) {
        const ro = i * d;
        const so = idx[i - c0]! * d;
        const zo = (i - c0) * d;
        let scale = h;
        if (kernel === "tophat") {
          let s2 = 0;
          for (let j = 0; j < d; j++) s2 += z[zo + j]! * z[zo + j]!;
          scale = (gammainc(0.5 * s2, 0.5 * d) ** (1 / d) * h) / Math.sqrt(s2);
        }
        for (let j = 0; j < d; j++) out[ro + j] = data[so + j]! + scale * z[zo + j]!;
      }
    }
    return viewMatrix(out, n, d);
  }

  /** The fitted model as JSON (the training rows included). */
  toJSON(): KernelDensityJSON {
    const data = this.fitted("KernelDensity.toJSON");
    return { schema: "synthlab.kernel-density/1", kernel: this.kernel, bandwidth: this.options.bandwidth, bandwidthValue: this.bandwidth, nFeatures: this.nFeatures, data: Array.from(data) };
  }

  /** Rebuilds a fitted model from {@link KernelDensity.toJSON}'s output. */
  static fromJSON(json: KernelDensityJSON, options: { seed?: SeedValue | Rng } = {}): KernelDensity {
    if (!json || json.schema !== "synthlab.kernel-density/1") {
      throw new ParamError("KernelDensity.fromJSON", "json", json, `expected schema "synthlab.kernel-density/1", got ${show(json?.schema)}.`);
    }
    const m = new KernelDensity({ kernel: json.kernel, bandwidth: json.bandwidth, seed: options.seed });
    const data = Float64Array.from(json.data);
    m.setData(data, data.length / json.nFeatures, json.nFeatures);
    m.rng = createRng(options.seed);
    return m;
  }
}
