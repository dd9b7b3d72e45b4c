import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { matrixRows } from "../core/matrix.js";
import { checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, type Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";

/** Options of {@link MultivariateNormal}. */
export interface MultivariateNormalOptions {
  /**
   * Added to the covariance diagonal, relative to its mean variance, so a
   * constant or collinear column does not break the Cholesky factor.
   * @defaultValue 1e-9
   */
  regCovar?: number;
  /** Seed of the model's own sampling stream. */
  seed?: SeedValue | Rng | undefined;
}

const DEFAULTS: MultivariateNormalOptions = { regCovar: 1e-9, seed: undefined };

/**
 * The baseline synthesizer: a multivariate normal fitted by the sample mean
 * and covariance (ddof 1). It keeps means, variances and linear correlations
 * and nothing else (no skew, no clusters, no bounds): a yardstick for better
 * fitters.
 *
 * @example
 * const model = new MultivariateNormal({ seed: 0 }).fit(loadIris().X);
 * model.sample(5).rows; // => 5
 */
export class MultivariateNormal {
  private readonly options: Required<Omit<MultivariateNormalOptions, "seed">> & Pick<MultivariateNormalOptions, "seed">;
  private rng: Rng | undefined;
  /** Fitted mean, length d. */
  mean: Float64Array | undefined;
  /** Fitted covariance, d × d. */
  covariance: Matrix | undefined;
  private chol: Matrix | undefined;

  constructor(options: MultivariateNormalOptions = {}) {
    this.options = mergeOptions("MultivariateNormal", DEFAULTS, options) as typeof this.options;
    if (!(this.options.regCovar >= 0)) {
      throw new ParamError("MultivariateNormal", "regCovar", this.options.regCovar, `'regCovar' must be >= 0, got ${show(this.options.regCovar)}.`);
    }
  }

  /**
   * Fits the mean and covariance of `X` (rows = samples).
   * @throws DataError for NaN or infinite values, or fewer than 2 rows
   */
  fit(X: Matrix): this {
    if (!Matrix.isMatrix(X)) throw new ParamTypeError("MultivariateNormal.fit", "X", X, `'X' must be an ml-matrix Matrix, got ${show(X)}.`);
    const n = X.rows;
    const d = X.columns;
    if (n < 2) throw new DataError("MultivariateNormal.fit", "X", n, `needs at least 2 rows, got ${n}.`);
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const v = X.get(i, j);
        if (!Number.isFinite(v)) {
          throw new DataError("MultivariateNormal.fit", "X", v, `X[${i}, ${j}] is ${show(v)}; remove or impute missing and infinite values first.`);
        }
        mean[j]! += v;
      }
    }
    for (let j = 0; j < d; j++) mean[j]! /= n;
    const cov = new Matrix(d, d);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) {
        const da = X.get(i, a) - mean[a]!;
        for (let b = a; b < d; b++) cov.set(a, b, cov.get(a, b) + da * (X.get(i, b) - mean[b]!));
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const v = cov.get(a, b) / (n - 1);
        cov.set(a, b, v);
        cov.set(b, a, v);
      }
    }
    this.setParameters(mean, cov);
    return this;
  }

  /**
   * Draws `n` rows. Each call continues the model's own stream (seeded by
   * the `seed` option) unless a `seed` is given here.
   */
  sample(n: number, options: { seed?: SeedValue | Rng } = {}): Matrix {
    checkInteger("MultivariateNormal.sample", "n", n, 1);
    if (!this.mean || !this.chol || !this.rng) throw new ParamError("MultivariateNormal.sample", "this", null, "the model is not fitted: call fit(X) first.");
    const rng = options.seed === undefined ? this.rng : createRng(options.seed);
    const d = this.mean.length;
    const z = rng.standardNormal(n * d);
    const L = this.chol.to2DArray();
    const out = new Matrix(n, d);
    const rows = matrixRows(out);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const zi = i * d;
      for (let a = 0; a < d; a++) {
        let s = this.mean[a]!;
        const La = L[a]!;
        for (let b = 0; b <= a; b++) s += La[b]! * z[zi + b]!;
        row[a] = s;
      }
    }
    return out;
  }

  /** The fitted mean and covariance as plain JSON. */
  toJSON(): MultivariateNormalJSON {
    if (!this.mean || !this.covariance) throw new ParamError("MultivariateNormal.toJSON", "this", null, "the model is not fitted: call fit(X) first.");
    return { mean: Array.from(this.mean), covariance: this.covariance.to2DArray(), regCovar: this.options.regCovar };
  }

  /** A fitted model from {@link MultivariateNormal.toJSON}'s output (its sampling stream seeded by `options.seed`). */
  static fromJSON(json: MultivariateNormalJSON, options: { seed?: SeedValue | Rng } = {}): MultivariateNormal {
    const d = json?.mean?.length;
    if (!Array.isArray(json?.mean) || !Array.isArray(json?.covariance) || json.covariance.length !== d) {
      throw new ParamTypeError("MultivariateNormal.fromJSON", "json", json, "expected { mean: number[], covariance: number[][] } as written by toJSON().");
    }
    const m = new MultivariateNormal({ regCovar: json.regCovar ?? 1e-9, seed: options.seed });
    m.setParameters(Float64Array.from(json.mean), new Matrix(json.covariance));
    return m;
  }

  private setParameters(mean: Float64Array, cov: Matrix): void {
    const d = mean.length;
    let trace = 0;
    for (let a = 0; a < d; a++) trace += cov.get(a, a);
    const jitter = Math.max(this.options.regCovar * (trace / Math.max(d, 1)), Number.MIN_VALUE);
    const reg = cov.clone();
    for (let a = 0; a < d; a++) reg.set(a, a, reg.get(a, a) + jitter);
    const chol = new CholeskyDecomposition(reg);
    if (!chol.isPositiveDefinite()) {
      throw new DataError("MultivariateNormal.fit", "X", null, "the covariance is not positive definite. Increase regCovar or drop collinear columns.");
    }
    this.mean = mean;
    this.covariance = cov;
    this.chol = chol.lowerTriangularMatrix;
    this.rng = createRng(this.options.seed);
  }
}

/** {@link MultivariateNormal.toJSON}'s output. */
export interface MultivariateNormalJSON {
  mean: number[];
  covariance: number[][];
  regCovar?: number;
}
