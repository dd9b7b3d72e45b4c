import { Matrix } from "ml-matrix";
import { DataError, ParamError, show } from "../core/errors.js";
import { toPoints, type PointsInput } from "../core/knn.js";
import { choleskyLower, invertLower, logSumExp, transposeSquare, viewMatrix } from "../core/linalg.js";
import { fromRowMajor } from "../core/matrix.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { checkInteger, checkOneOf, checkPositive, mergeOptions } from "../core/validate.js";
import { fillNormal } from "../random/normal.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { kmeansFit, kmeansPlusPlusIndices } from "./kmeans.js";

/** Covariance structures of {@link GaussianMixture} (scikit-learn's names). */
export const COVARIANCE_TYPES = ["full", "tied", "diag", "spherical"] as const;
/** A covariance structure. */
export type CovarianceType = (typeof COVARIANCE_TYPES)[number];

/** Options of {@link GaussianMixture}. */
export interface GaussianMixtureOptions {
  /** @defaultValue 1 */
  nComponents?: number;
  /**
   * `"full"` (one full covariance per component), `"tied"` (one shared),
   * `"diag"` (diagonal per component), `"spherical"` (one variance per component).
   * @defaultValue "full"
   */
  covarianceType?: CovarianceType;
  /** Convergence threshold on the change of the mean log-likelihood. @defaultValue 1e-3 */
  tol?: number;
  /** Added to covariance diagonals (keeps them positive definite). @defaultValue 1e-6 */
  regCovar?: number;
  /** EM iterations per initialization. @defaultValue 100 */
  maxIter?: number;
  /** Initializations (k-means++ seeded k-means each); the best lower bound wins. @defaultValue 1 */
  nInit?: number;
  /** `"kmeans"` (scikit-learn's default), `"k-means++"` (the seeds only) or `"random"` (random responsibilities). @defaultValue "kmeans" */
  initParams?: "kmeans" | "k-means++" | "random";
  /** Seed of the model's streams (initialization and sampling get separate children). */
  seed?: SeedValue | Rng | undefined;
  /** Called by `fit` after each EM iteration with (iterations run, nInit × maxIter); a converged initialization counts as all its maxIter. */
  onProgress?: ProgressCallback | undefined;
}

const DEFAULTS: Required<Omit<GaussianMixtureOptions, "seed" | "onProgress">> & { seed: SeedValue | Rng | undefined; onProgress: ProgressCallback | undefined } = {
  nComponents: 1,
  covarianceType: "full",
  tol: 1e-3,
  regCovar: 1e-6,
  maxIter: 100,
  nInit: 1,
  initParams: "kmeans",
  seed: undefined,
  onProgress: undefined,
};

/** The JSON form of a fitted {@link GaussianMixture}. */
export interface GaussianMixtureJSON {
  readonly schema: "synthlab.gaussian-mixture/1";
  readonly covarianceType: CovarianceType;
  readonly nComponents: number;
  readonly nFeatures: number;
  readonly weights: number[];
  readonly means: number[];
  readonly covariances: number[];
  readonly converged: boolean;
  readonly nIter: number;
  readonly lowerBound: number;
}

const LOG_2PI = Math.log(2 * Math.PI);
const EPS10 = 10 * 2.220446049250313e-16;

/** Buffers of the M-step (n row indices and weights, two d × n column blocks), allocated once per fit. */
interface MStepScratch {
  idx: Int32Array;
  w: Float64Array;
  D: Float64Array;
  WD: Float64Array;
}

interface Params {
  weights: Float64Array;
  means: Float64Array;
  /** full: k·d·d, tied: d·d, diag: k·d, spherical: k. */
  covariances: Float64Array;
  /** Same shapes; full/tied: upper-triangular precision Cholesky factors (scikit-learn's `precisions_cholesky_`). */
  precChol: Float64Array;
}

/**
 * A Gaussian mixture fitted by expectation-maximization, scikit-learn's
 * `GaussianMixture`: four covariance structures, k-means initialization from
 * k-means++ seeds, `nInit` restarts, `regCovar` on the diagonals,
 * Cholesky-based log densities. `score` is the mean log-likelihood per row
 * (as scikit-learn's); `sample` continues the model's own stream on every call
 * (scikit-learn's replays the same draws).
 *
 * @example
 * const X = [[0, 0], [0.1, 0.2], [-0.1, 0.1], [5, 5], [5.2, 4.9], [4.9, 5.1]];
 * const gm = new GaussianMixture({ nComponents: 2, seed: 0 }).fit(X);
 * gm.converged; // => true
 * gm.predict([[0, 0.1], [5, 5]])[0] !== gm.predict([[0, 0.1], [5, 5]])[1]; // => true
 * gm.sample(4).X.rows; // => 4
 */
export class GaussianMixture {
  private readonly options: typeof DEFAULTS;
  private p: Params | undefined;
  private sampleRng: Rng | undefined;
  /** Columns of the fitted data. */
  nFeatures = 0;
  /** Whether EM converged (in the initialization that was kept). */
  converged = false;
  /** EM iterations of the kept initialization. */
  nIter = 0;
  /** Mean log-likelihood of the training data at the end of the kept initialization. */
  lowerBound = -Infinity;

  constructor(options: GaussianMixtureOptions = {}) {
    const where = "GaussianMixture";
    const o = mergeOptions(where, DEFAULTS, options);
    checkInteger(where, "nComponents", o.nComponents, 1);
    checkOneOf(where, "covarianceType", o.covarianceType, COVARIANCE_TYPES);
    checkPositive(where, "tol", o.tol, true);
    checkPositive(where, "regCovar", o.regCovar, true);
    checkInteger(where, "maxIter", o.maxIter, 1);
    checkInteger(where, "nInit", o.nInit, 1);
    checkOneOf(where, "initParams", o.initParams, ["kmeans", "k-means++", "random"] as const);
    checkProgress(where, o.onProgress);
    this.options = o;
  }

  /** Number of components. */
  get nComponents(): number {
    return this.options.nComponents;
  }
  /** The covariance structure. */
  get covarianceType(): CovarianceType {
    return this.options.covarianceType;
  }
  /** Mixture weights (k). */
  get weights(): Float64Array {
    return this.fitted("GaussianMixture.weights").weights;
  }
  /** Component means, k × d. */
  get means(): Matrix {
    return fromRowMajor(this.fitted("GaussianMixture.means").means, this.nComponents, this.nFeatures);
  }
  /** Covariances as row-major Float64Array (full: k·d·d, tied: d·d, diag: k·d, spherical: k), scikit-learn's `covariances_` flattened. */
  get covariances(): Float64Array {
    return this.fitted("GaussianMixture.covariances").covariances;
  }

  private fitted(where: string): Params {
    if (!this.p) throw new ParamError(where, "this", null, "the model is not fitted: call fit(X) first.");
    return this.p;
  }

  /**
   * Fits the mixture by EM (`nInit` initializations, the best lower bound kept).
   * @param X - n × d data (n >= nComponents)
   * @returns this
   * @throws DataError for NaN/infinite values or too few rows; ParamError when a covariance is not positive definite
   */
  fit(X: PointsInput): this {
    const where = "GaussianMixture.fit";
    const { data, rows: n, cols: d } = toPoints(where, "X", X);
    const k = this.nComponents;
    if (n < Math.max(2, k)) {
      throw new DataError(where, "X", n, `needs at least max(2, nComponents) = ${Math.max(2, k)} rows, got ${n}.`);
    }
    this.nFeatures = d;
    const [initRng, sampleRng] = createRng(this.options.seed).spawn(2);
    this.sampleRng = sampleRng;
    const xt = transpose(data, n, d);
    const R = new Float64Array(n * k);
    // the M-step's buffers, reused by every iteration (fresh ones cost page faults each time)
    const scratch: MStepScratch = { idx: new Int32Array(n), w: new Float64Array(n), D: new Float64Array(d * n), WD: new Float64Array(d * n) };
    let best: { p: Params; nIter: number; lb: number; conv: boolean } | undefined;
    const onProgress = checkProgress(where, this.options.onProgress);
    const { nInit, maxIter } = this.options;
    for (let init = 0; init < nInit; init++) {
      const resp = this.initialResponsibilities(data, n, d, initRng!);
      const hint = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let b = 0;
        for (let c = 0; c < k; c++) {
          R[c * n + i] = resp[i * k + c]!;
          if (resp[i * k + c]! > resp[i * k + b]!) b = c;
        }
        hint[i] = b;
      }
      this.p = this.mStep(xt, n, d, R, true, scratch);
      let lb = -Infinity;
      let conv = false;
      let it = 0;
      for (it = 1; it <= this.options.maxIter; it++) {
        const prev = lb;
        lb = this.eStepFit(data, n, R, hint);
        this.p = this.mStep(xt, n, d, R, false, scratch);
        const done = Math.abs(lb - prev) < this.options.tol;
        onProgress?.(init * maxIter + (done ? maxIter : it), nInit * maxIter, `initialization ${init + 1} of ${nInit}, iteration ${it}, mean log-likelihood ${lb.toFixed(4)}${done ? " (converged)" : ""}`);
        if (done) {
          conv = true;
          break;
        }
      }
      if (it > this.options.maxIter) it = this.options.maxIter;
      if (!best || lb > best.lb) best = { p: this.p, nIter: it, lb, conv };
    }
    this.p = best!.p;
    this.nIter = best!.nIter;
    this.lowerBound = best!.lb;
    this.converged = best!.conv;
    return this;
  }

  private initialResponsibilities(x: Float64Array, n: number, d: number, rng: Rng): Float64Array {
    const k = this.nComponents;
    const resp = new Float64Array(n * k);
    switch (this.options.initParams) {
      case "kmeans": {
        const { labels } = kmeansFit(x, n, d, k, rng);
        for (let i = 0; i < n; i++) resp[i * k + labels[i]!] = 1;
        break;
      }
      case "k-means++": {
        // scikit-learn's init_params="k-means++": only the seed rows get responsibility 1.
        const ids = kmeansPlusPlusIndices(x, n, d, k, rng);
        for (let c = 0; c < k; c++) resp[ids[c]! * k + c] = 1;
        break;
      }
      case "random": {
        const u = rng.uniform(0, 1, n * k);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let c = 0; c < k; c++) s += u[i * k + c]!;
          for (let c = 0; c < k; c++) resp[i * k + c] = u[i * k + c]! / s;
        }
        break;
      }
      default: {
        const never: never = this.options.initParams;
        throw new Error(String(never));
      }
    }
    return resp;
  }

  /**
   * M-step from column-major data `xt` (d × n) and responsibilities `R`
   * (k × n): weights, means, covariances (+ regCovar) and precision Cholesky
   * factors, scikit-learn's `_estimate_gaussian_parameters` (centred sums,
   * no E[x²] − E[x]² cancellation). Well-separated components touch only
   * their own rows.
   */
  private mStep(xt: Float64Array, n: number, d: number, R: Float64Array, initial: boolean, scratch: MStepScratch): Params {
    const k = this.nComponents;
    const type = this.covarianceType;
    const reg = this.options.regCovar;
    const nk = new Float64Array(k);
    const means = new Float64Array(k * d);
    const { idx, w, D, WD } = scratch;
    let cov: Float64Array;
    const full = type === "full" || type === "tied";
    cov = new Float64Array(type === "full" ? k * d * d : type === "tied" ? d * d : k * d);
    for (let c = 0; c < k; c++) {
      const rc = R.subarray(c * n, c * n + n);
      let s = 0;
      for (let i = 0; i < n; i++) s += rc[i]!;
      // Rows whose responsibility is below nk·1e-20/n are skipped: together they
      // weigh less than 1e-20 of the component, below float64 resolution.
      const thr = (s * 1e-20) / n;
      let m = 0;
      for (let i = 0; i < n; i++) {
        const r = rc[i]!;
        if (r > thr) {
          idx[m] = i;
          w[m++] = r;
        }
      }
      s += EPS10;
      nk[c] = s;
      for (let j = 0; j < d; j++) {
        const col = xt.subarray(j * n, j * n + n);
        let acc = 0;
        for (let t = 0; t < m; t++) acc += w[t]! * col[idx[t]!]!;
        means[c * d + j] = acc / s;
      }
      const o = type === "full" ? c * d * d : type === "tied" ? 0 : c * d;
      // the centred columns D (d × m) and the weighted ones WD, then each
      // covariance entry as one dot product over the rows (the same products,
      // summed in the same order, as a row-by-row rank-one update)
      for (let j = 0; j < d; j++) centredColumn(xt, j * n, idx, w, m, means[c * d + j]!, D, WD, j * m);
      if (full) {
        for (let a2 = 0; a2 < d; a2++) {
          let b2 = 0;
          for (; b2 + 3 <= a2; b2 += 4) dotFrom4(cov, o + a2 * d + b2, WD, a2 * m, D, b2 * m, m);
          for (; b2 <= a2; b2++) cov[o + a2 * d + b2] = dotFrom(cov[o + a2 * d + b2]!, WD, a2 * m, D, b2 * m, m);
        }
      } else {
        for (let j = 0; j < d; j++) cov[o + j] = dotFrom(cov[o + j]!, WD, j * m, D, j * m, m);
      }
    }
    if (full) {
      let total = 0;
      for (let c = 0; c < k; c++) total += nk[c]!;
      for (let c = 0; c < (type === "full" ? k : 1); c++) {
        const o = c * d * d;
        const den = type === "full" ? nk[c]! : total;
        for (let a2 = 0; a2 < d; a2++) {
          for (let b2 = 0; b2 <= a2; b2++) {
            const v = cov[o + a2 * d + b2]! / den + (a2 === b2 ? reg : 0);
            cov[o + a2 * d + b2] = v;
            cov[o + b2 * d + a2] = v;
          }
        }
      }
    } else {
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) cov[c * d + j] = cov[c * d + j]! / nk[c]! + reg;
      if (type === "spherical") {
        const sph = new Float64Array(k);
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += cov[c * d + j]!;
          sph[c] = s / d;
        }
        cov = sph;
      }
    }
    const weights = new Float64Array(k);
    let ws = 0;
    for (let c = 0; c < k; c++) ws += nk[c]!;
    for (let c = 0; c < k; c++) weights[c] = initial ? nk[c]! / n : nk[c]! / ws;
    return { weights, means, covariances: cov, precChol: this.precisionCholesky(cov, d) };
  }

  private precisionCholesky(cov: Float64Array, d: number): Float64Array {
    const type = this.covarianceType;
    const k = this.nComponents;
    const notPD = (c: number) =>
      new ParamError(
        "GaussianMixture.fit",
        "regCovar",
        this.options.regCovar,
        `covariance of component ${c} is not positive definite. Increase regCovar, reduce nComponents, or scale the input.`,
      );
    if (type === "full" || type === "tied") {
      const m = type === "full" ? k : 1;
      const out = new Float64Array(m * d * d);
      const L = new Float64Array(d * d);
      const Li = new Float64Array(d * d);
      const U = new Float64Array(d * d);
      for (let c = 0; c < m; c++) {
        if (!choleskyLower(cov.subarray(c * d * d, (c + 1) * d * d), d, L)) throw notPD(c);
        invertLower(L, d, Li);
        transposeSquare(Li, d, U);
        out.set(U, c * d * d);
      }
      return out;
    }
    const out = new Float64Array(cov.length);
    for (let i = 0; i < cov.length; i++) {
      if (!(cov[i]! > 0)) throw notPD(type === "diag" ? Math.floor(i / d) : i);
      out[i] = 1 / Math.sqrt(cov[i]!);
    }
    return out;
  }

  /**
   * Weighted log probabilities log(w_c) + log N(x | c), n × k row-major, from
   * column-major data `xt` (d × n): y = (x − μ)ᵀ P with P the upper-triangular
   * precision Cholesky factor, log N = −½(d log 2π + |y|²) + log det P.
   */
  private weightedLogProb(xt: Float64Array, n: number, out: Float64Array): void {
    const p = this.p!;
    const k = this.nComponents;
    const d = this.nFeatures;
    const type = this.covarianceType;
    const q = new Float64Array(n);
    const y = new Float64Array(n);
    for (let c = 0; c < k; c++) {
      q.fill(0);
      let logDet = 0;
      if (type === "full" || type === "tied") {
        const o = type === "full" ? c * d * d : 0;
        const P = p.precChol;
        for (let b = 0; b < d; b++) {
          // y = Σ_{a<=b} P[a, b] (x_a − μ_a)
          let shift = 0;
          for (let a = 0; a <= b; a++) shift += P[o + a * d + b]! * p.means[c * d + a]!;
          y.fill(-shift);
          for (let a = 0; a <= b; a++) axpy(P[o + a * d + b]!, xt.subarray(a * n, a * n + n), y, n);
          for (let i = 0; i < n; i++) q[i]! += y[i]! * y[i]!;
          logDet += Math.log(P[o + b * d + b]!);
        }
      } else {
        for (let j = 0; j < d; j++) {
          const pc = type === "diag" ? p.precChol[c * d + j]! : p.precChol[c]!;
          const m = p.means[c * d + j]!;
          const col = xt.subarray(j * n, j * n + n);
          for (let i = 0; i < n; i++) {
            const v = (col[i]! - m) * pc;
            q[i]! += v * v;
          }
          logDet += Math.log(pc);
        }
      }
      const cst = logDet - 0.5 * d * LOG_2PI + Math.log(p.weights[c]!);
      for (let i = 0; i < n; i++) out[i * k + c] = -0.5 * q[i]! + cst;
    }
  }

  /**
   * The E-step of `fit`: responsibilities into `R` (k × n, column-major) from
   * row-major data, and the mean log-likelihood. A component whose log
   * probability is certainly more than 50 nats below the best one of the row
   * (bounded from |x − μ|² / λ with λ a certified upper bound on λmax(Σ), 10 flops
   * instead of 65 for d = 10) gets
   * responsibility 0 without the full Mahalanobis product: its share is
   * below e^-50 ≈ 2e-22, under float64 resolution of the row's total.
   */
  private eStepFit(x: Float64Array, n: number, R: Float64Array, hint: Int32Array): number {
    const p = this.p!;
    const k = this.nComponents;
    const d = this.nFeatures;
    const type = this.covarianceType;
    const full = type === "full" || type === "tied";
    const cst = new Float64Array(k);
    const invLmax = new Float64Array(k);
    const Pt = new Float64Array(full ? k * d * d : 0);
    for (let c = 0; c < k; c++) {
      let logDet = 0;
      if (full) {
        const o = type === "full" ? c * d * d : 0;
        for (let a = 0; a < d; a++) {
          logDet += Math.log(p.precChol[o + a * d + a]!);
          for (let b = 0; b < d; b++) Pt[c * d * d + b * d + a] = p.precChol[o + a * d + b]!;
        }
        invLmax[c] = 1 / (1.0001 * largestEigenvalueBound(p.covariances.subarray(o, o + d * d), d));
      } else if (type === "diag") {
        let mx = 0;
        for (let j = 0; j < d; j++) {
          logDet += Math.log(p.precChol[c * d + j]!);
          mx = Math.max(mx, p.covariances[c * d + j]!);
        }
        invLmax[c] = 1 / (1.0001 * mx);
      } else {
        logDet = d * Math.log(p.precChol[c]!);
        invLmax[c] = 1 / (1.0001 * p.covariances[c]!);
      }
      cst[c] = logDet - 0.5 * d * LOG_2PI + Math.log(p.weights[c]!);
    }
    const lp = new Float64Array(k);
    const diff = new Float64Array(d);
    const PRUNE = 50;
    const means = p.means;
    const pc = p.precChol;
    const logProb = (xo: number, c: number): number => {
      const mo = c * d;
      for (let j = 0; j < d; j++) diff[j] = x[xo + j]! - means[mo + j]!;
      let q = 0;
      if (full) {
        const po = c * d * d;
        for (let b = 0; b < d; b++) {
          let y = 0;
          const ro = po + b * d;
          for (let a = 0; a <= b; a++) y += Pt[ro + a]! * diff[a]!;
          q += y * y;
        }
      } else if (type === "diag") {
        for (let j = 0; j < d; j++) {
          const y = diff[j]! * pc[mo + j]!;
          q += y * y;
        }
      } else {
        for (let j = 0; j < d; j++) q += diff[j]! * diff[j]!;
        q *= pc[c]! * pc[c]!;
      }
      return cst[c]! - 0.5 * q;
    };
    let total = 0;
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      // The row's most probable component of the last E-step first: its exact
      // log probability sets the bar; every other component is bounded by
      // cst_c − ½ |x − μ_c|² / λ (the sum stops once the bound falls below
      // best − 50) and computed exactly only when it may matter.
      const first = hint[i]!;
      let best = logProb(xo, first);
      lp[first] = best;
      for (let c = 0; c < k; c++) {
        if (c === first) continue;
        const lim = (2 * (cst[c]! - best + PRUNE)) / invLmax[c]!;
        const mo = c * d;
        let s2 = 0;
        for (let j = 0; j < d && s2 <= lim; j++) {
          const t = x[xo + j]! - means[mo + j]!;
          s2 += t * t;
        }
        if (s2 > lim) {
          lp[c] = -Infinity;
          continue;
        }
        const v = logProb(xo, c);
        lp[c] = v;
        if (v > best) {
          best = v;
          hint[i] = c;
        }
      }
      let sum = 0;
      for (let c = 0; c < k; c++) if (lp[c]! >= best - PRUNE) sum += Math.exp(lp[c]! - best);
      const l = best + Math.log(sum);
      total += l;
      for (let c = 0; c < k; c++) R[c * n + i] = lp[c]! >= best - PRUNE ? Math.exp(lp[c]! - l) : 0;
    }
    return total / n;
  }

  /** Checked queries, column-major (d × rows). */
  private query(where: string, X: PointsInput): { data: Float64Array; rows: number } {
    this.fitted(where);
    const q = toPoints(where, "X", X);
    if (q.cols !== this.nFeatures) throw new ParamError(where, "X", q.cols, `X has ${q.cols} columns, but the model was fitted on ${this.nFeatures}.`);
    return { data: transpose(q.data, q.rows, q.cols), rows: q.rows };
  }

  /** Log density log p(x) of each row. */
  scoreSamples(X: PointsInput): Float64Array {
    const { data, rows } = this.query("GaussianMixture.scoreSamples", X);
    const k = this.nComponents;
    const w = new Float64Array(rows * k);
    this.weightedLogProb(data, rows, w);
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = logSumExp(w, i * k, i * k + k);
    return out;
  }

  /** Mean log-likelihood per row (scikit-learn's `GaussianMixture.score`). */
  score(X: PointsInput): number {
    const s = this.scoreSamples(X);
    let t = 0;
    for (const v of s) t += v;
    return t / s.length;
  }

  /** Posterior probability of each component, n × k Matrix. */
  predictProba(X: PointsInput): Matrix {
    const { data, rows } = this.query("GaussianMixture.predictProba", X);
    const k = this.nComponents;
    const lr = new Float64Array(rows * k);
    this.weightedLogProb(data, rows, lr);
    for (let i = 0; i < rows; i++) {
      const l = logSumExp(lr, i * k, i * k + k);
      for (let c = 0; c < k; c++) lr[i * k + c] = Math.exp(lr[i * k + c]! - l);
    }
    return fromRowMajor(lr, rows, k);
  }

  /** The most probable component of each row. */
  predict(X: PointsInput): Int32Array {
    const { data, rows } = this.query("GaussianMixture.predict", X);
    const k = this.nComponents;
    const w = new Float64Array(rows * k);
    this.weightedLogProb(data, rows, w);
    const out = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      let b = 0;
      for (let c = 1; c < k; c++) if (w[i * k + c]! > w[i * k + b]!) b = c;
      out[i] = b;
    }
    return out;
  }

  /** Number of free parameters (scikit-learn's `_n_parameters`). */
  nParameters(): number {
    const k = this.nComponents;
    const d = this.nFeatures;
    const cov = { full: (k * d * (d + 1)) / 2, tied: (d * (d + 1)) / 2, diag: k * d, spherical: k }[this.covarianceType];
    return cov + k * d + k - 1;
  }

  /** Bayesian information criterion on X: −2·n·score(X) + nParameters·ln n (lower is better). */
  bic(X: PointsInput): number {
    const n = toPoints("GaussianMixture.bic", "X", X).rows;
    return -2 * this.score(X) * n + this.nParameters() * Math.log(n);
  }

  /** Akaike information criterion on X: −2·n·score(X) + 2·nParameters (lower is better). */
  aic(X: PointsInput): number {
    const n = toPoints("GaussianMixture.aic", "X", X).rows;
    return -2 * this.score(X) * n + 2 * this.nParameters();
  }

  /**
   * Draws `n` rows: component counts from a multinomial on the weights, then
   * each component's rows (grouped by component, as scikit-learn's).
   * Each call continues the model's own sampling stream unless `seed` is given.
   * @returns `{ X: Matrix n × d, y: Int32Array }` (y = component of each row)
   * @throws ParamError for n < 1 or an unfitted model
   */
  sample(n: number, options: { seed?: SeedValue | Rng } = {}): { X: Matrix; y: Int32Array } {
    const where = "GaussianMixture.sample";
    const p = this.fitted(where);
    checkInteger(where, "n", n, 1);
    const { seed } = mergeOptions(where, { seed: undefined as SeedValue | Rng | undefined }, options);
    const rng = seed === undefined ? this.sampleRng! : createRng(seed);
    const k = this.nComponents;
    const d = this.nFeatures;
    const type = this.covarianceType;
    const counts = rng.multinomial(n, p.weights);
    const buf = new Float64Array(n * d);
    const y = new Int32Array(n);
    const L = new Float64Array(d * d);
    const mu = new Float64Array(d);
    const scale = new Float64Array(d);
    let r = 0;
    for (let c = 0; c < k; c++) {
      const m = counts[c]!;
      if (m === 0) continue;
      mu.set(p.means.subarray(c * d, c * d + d));
      const region = buf.subarray(r * d, (r + m) * d);
      // Standard normals straight into the output, then x = mu + L z in place
      // (row entries from the last down, so each z_b is read before it is overwritten).
      fillNormal(rng.stream, region);
      y.fill(c, r, r + m);
      if (type === "full" || type === "tied") {
        choleskyLower(p.covariances.subarray(type === "full" ? c * d * d : 0, (type === "full" ? c + 1 : 1) * d * d), d, L);
        affineLowerInPlace(region, m, d, mu, L);
      } else {
        for (let j = 0; j < d; j++) scale[j] = Math.sqrt(type === "diag" ? p.covariances[c * d + j]! : p.covariances[c]!);
        for (let t = 0; t < m; t++) {
          const o = t * d;
          for (let j = 0; j < d; j++) region[o + j] = mu[j]! + scale[j]! * region[o + j]!;
        }
      }
      r += m;
    }
    return { X: viewMatrix(buf, n, d), y };
  }

  /** The fitted parameters as JSON. */
  toJSON(): GaussianMixtureJSON {
    const p = this.fitted("GaussianMixture.toJSON");
    return {
      schema: "synthlab.gaussian-mixture/1",
      covarianceType: this.covarianceType,
      nComponents: this.nComponents,
      nFeatures: this.nFeatures,
      weights: Array.from(p.weights),
      means: Array.from(p.means),
      covariances: Array.from(p.covariances),
      converged: this.converged,
      nIter: this.nIter,
      lowerBound: this.lowerBound,
    };
  }

  /** Rebuilds a fitted model from {@link GaussianMixture.toJSON}'s output. */
  static fromJSON(json: GaussianMixtureJSON, options: { seed?: SeedValue | Rng } = {}): GaussianMixture {
    if (!json || json.schema !== "synthlab.gaussian-mixture/1") {
      throw new ParamError("GaussianMixture.fromJSON", "json", json, `expected schema "synthlab.gaussian-mixture/1", got ${show(json?.schema)}.`);
    }
    const m = new GaussianMixture({ nComponents: json.nComponents, covarianceType: json.covarianceType, seed: options.seed });
    m.nFeatures = json.nFeatures;
    const cov = Float64Array.from(json.covariances);
    m.p = { weights: Float64Array.from(json.weights), means: Float64Array.from(json.means), covariances: cov, precChol: m.precisionCholesky(cov, json.nFeatures) };
    m.converged = json.converged;
    m.nIter = json.nIter;
    m.lowerBound = json.lowerBound;
    m.sampleRng = createRng(options.seed).spawn(2)[1];
    return m;
  }
}

/**
 * A certified upper bound on the largest eigenvalue of a symmetric positive
 * semi-definite d × d matrix: ‖(A/t)^8‖_F^(1/8) · t with t = trace(A), at
 * most d^(1/16) times λmax (1.16× for d = 10).
 */
function largestEigenvalueBound(a: Float64Array, d: number): number {
  let t = 0;
  for (let i = 0; i < d; i++) t += a[i * d + i]!;
  if (!(t > 0)) return 0;
  let m = Float64Array.from(a, (v) => v / t);
  let tmp = new Float64Array(d * d);
  for (let sq = 0; sq < 3; sq++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let s2 = 0;
        for (let l = 0; l < d; l++) s2 += m[i * d + l]! * m[l * d + j]!;
        tmp[i * d + j] = s2;
      }
    }
    [m, tmp] = [tmp, m];
  }
  let f = 0;
  for (const v of m) f += v * v;
  return t * Math.sqrt(f) ** (1 / 8);
}

/** y += alpha · x over i < n. */
function axpy(alpha: number, x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) y[i]! += alpha * x[i]!;
}

/** D[at + t] = x[idx[t]] − mu and WD[at + t] = w[t] · D[at + t] for t < m, from the column at `xo` of `xt`. */
function centredColumn(xt: Float64Array, xo: number, idx: Int32Array, w: Float64Array, m: number, mu: number, D: Float64Array, WD: Float64Array, at: number): void {
  for (let t = 0; t < m; t++) {
    const v = xt[xo + idx[t]!]! - mu;
    D[at + t] = v;
    WD[at + t] = w[t]! * v;
  }
}

/** out[at + q] += Σ_t a[ao + t] · b[bo + q·m + t] for q = 0..3, each sum in dotFrom's order (four dot products, one pass over a). */
function dotFrom4(out: Float64Array, at: number, a: Float64Array, ao: number, b: Float64Array, bo: number, m: number): void {
  let s0 = out[at]!;
  let s1 = out[at + 1]!;
  let s2 = out[at + 2]!;
  let s3 = out[at + 3]!;
  const b1 = bo + m;
  const b2 = b1 + m;
  const b3 = b2 + m;
  for (let t = 0; t < m; t++) {
    const x = a[ao + t]!;
    s0 += x * b[bo + t]!;
    s1 += x * b[b1 + t]!;
    s2 += x * b[b2 + t]!;
    s3 += x * b[b3 + t]!;
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
}

/** acc + Σ_t a[ao + t] · b[bo + t], summed in order of t. */
function dotFrom(acc: number, a: Float64Array, ao: number, b: Float64Array, bo: number, m: number): number {
  for (let t = 0; t < m; t++) acc += a[ao + t]! * b[bo + t]!;
  return acc;
}

/** Column-major copy (cols × rows) of a row-major rows × cols buffer. */
function transpose(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j]!;
  return out;
}

/** Each row z of `rows` (m × d) becomes mu + L z, L lower triangular, in place. */
function affineLowerInPlace(rows: Float64Array, m: number, d: number, mu: Float64Array, L: Float64Array): void {
  for (let t = 0; t < m; t++) {
    const o = t * d;
    for (let a = d - 1; a >= 0; a--) {
      let v = mu[a]!;
      const la = a * d;
      for (let b = 0; b <= a; b++) v += L[la + b]! * rows[o + b]!;
      rows[o + a] = v;
    }
  }
}

/** Options of {@link selectGaussianMixture}: the candidate lists plus any {@link GaussianMixtureOptions}. */
export interface SelectGaussianMixtureOptions extends Omit<GaussianMixtureOptions, "nComponents" | "covarianceType"> {
  /** Candidate component counts. @defaultValue [1, 2, ..., 10] */
  nComponents?: readonly number[];
  /** Candidate covariance structures. @defaultValue ["full"] */
  covarianceTypes?: readonly CovarianceType[];
}

/** One row of {@link selectGaussianMixture}'s table. */
export interface GaussianMixtureCandidate {
  readonly nComponents: number;
  readonly covarianceType: CovarianceType;
  readonly bic: number;
  readonly aic: number;
  readonly converged: boolean;
  /** The error message when this candidate could not be fitted (bic = Infinity). */
  readonly error?: string;
}

/**
 * Fits a {@link GaussianMixture} for every (nComponents, covarianceType)
 * candidate and keeps the one with the lowest BIC on X (scikit-learn's
 * "Gaussian Mixture Model Selection" example). Candidates that cannot be
 * fitted (a covariance not positive definite) are reported in the table
 * with bic = Infinity.
 * @returns `{ best, bestParams, table }`
 * @throws ParamError for empty candidate lists or when no candidate fits
 *
 * @example
 * const X = [[0, 0], [0.2, 0.1], [0.1, -0.1], [-0.1, 0.2], [6, 6], [6.1, 5.8], [5.9, 6.2], [6.2, 6.1]];
 * const sel = selectGaussianMixture(X, { nComponents: [1, 2], covarianceTypes: ["spherical"], seed: 0 });
 * sel.bestParams.nComponents; // => 2
 */
export function selectGaussianMixture(
  X: PointsInput,
  options: SelectGaussianMixtureOptions = {},
): { best: GaussianMixture; bestParams: { nComponents: number; covarianceType: CovarianceType }; table: GaussianMixtureCandidate[] } {
  const where = "selectGaussianMixture";
  const defaults: SelectGaussianMixtureOptions = { ...DEFAULTS, nComponents: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], covarianceTypes: ["full"] };
  const o = mergeOptions(where, defaults, options);
  // onProgress reports candidates here (fitted of all), not the EM iterations inside each
  const { nComponents: ks, covarianceTypes: types, seed, onProgress: cb, ...rest } = o;
  const onProgress = checkProgress(where, cb);
  if (!ks || ks.length === 0) throw new ParamError(where, "nComponents", ks, "'nComponents' must list at least one candidate.");
  if (!types || types.length === 0) throw new ParamError(where, "covarianceTypes", types, "'covarianceTypes' must list at least one candidate.");
  const pts = toPoints(where, "X", X);
  const rng = createRng(seed);
  const table: GaussianMixtureCandidate[] = [];
  let best: GaussianMixture | undefined;
  let bestBic = Infinity;
  for (const covarianceType of types) {
    for (const k of ks) {
      const child = rng.spawn(1)[0]!;
      const gm = new GaussianMixture({ ...rest, nComponents: k, covarianceType, seed: child });
      try {
        gm.fit(pts);
        const bic = gm.bic(pts);
        table.push({ nComponents: k, covarianceType, bic, aic: gm.aic(pts), converged: gm.converged });
        if (bic < bestBic) {
          bestBic = bic;
          best = gm;
        }
      } catch (e) {
        if (!(e instanceof ParamError || e instanceof DataError)) throw e;
        table.push({ nComponents: k, covarianceType, bic: Infinity, aic: Infinity, converged: false, error: e.message });
      }
      onProgress?.(table.length, ks.length * types.length, `nComponents ${k}, ${covarianceType}: BIC ${table[table.length - 1]!.bic.toFixed(1)}`);
    }
  }
  if (!best) throw new ParamError(where, "nComponents", ks, `no candidate could be fitted: ${table[0]?.error ?? ""}`);
  return { best, bestParams: { nComponents: best.nComponents, covarianceType: best.covarianceType }, table };
}
