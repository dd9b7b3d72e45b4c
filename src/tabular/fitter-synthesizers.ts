/**
 * The matrix fitters of src/fit as table synthesizers, through the shared
 * transforms: numbers standardized with missing values as indicator columns,
 * categories one-hot (`"multivariate-normal"`, `"gaussian-mixture"`,
 * `"kde"`, `"smote"`) or as codes swapped between neighbours (`"munge"`).
 * Synthetic rows come back with integers whole, decimals rounded, values in
 * the real range and categories from the real set.
 *
 * Privacy: `kde`, `smote` and `munge` keep the encoded real rows in the model
 * (they draw around them), so their `toJSON()` holds those rows.
 */
import { Matrix } from "ml-matrix";
import type { ProgressCallback } from "../core/progress.js";
import { checkInRange, checkInteger, checkOneOf, checkPositive } from "../core/validate.js";
import { ParamError } from "../core/errors.js";
import type { Rng } from "../random/rng.js";
import { COVARIANCE_TYPES, GaussianMixture, type CovarianceType, type GaussianMixtureJSON } from "../fit/gaussian-mixture.js";
import { KernelDensity, type KernelDensityJSON } from "../fit/kernel-density.js";
import { MultivariateNormal, type MultivariateNormalJSON } from "../fit/multivariate-normal.js";
import { munge, mungeNearestNeighbours } from "../fit/munge.js";
import { smote, smoteNeighbours } from "../fit/smote.js";
import { TableSynthesizer, type BaseSynthesizerOptions, type ModelCondition } from "./synthesizer.js";
import type { Encoded } from "./transformer.js";

function rowMajor(enc: Encoded): Float64Array {
  const d = enc.columns.length;
  const out = new Float64Array(enc.n * d);
  enc.columns.forEach((c, j) => {
    for (let i = 0; i < enc.n; i++) out[i * d + j] = c[i]!;
  });
  return out;
}

function columnsOf(X: Matrix): Float64Array[] {
  return Array.from({ length: X.columns }, (_, j) => Float64Array.from(X.getColumn(j)));
}

/** Stored training rows (row-major) for the fitters that draw around them. */
interface StoredRows {
  data: Float64Array;
  rows: number;
  cols: number;
}

function storedToJSON(s: StoredRows): unknown {
  return { rows: s.rows, cols: s.cols, data: Array.from(s.data) };
}

function storedFromJSON(json: unknown): StoredRows {
  const j = json as { rows: number; cols: number; data: number[] };
  return { rows: j.rows, cols: j.cols, data: Float64Array.from(j.data) };
}

function mustBeFitted<T>(where: string, x: T | undefined): T {
  if (x === undefined) throw new ParamError(where, "this", undefined, "the synthesizer is not fitted yet: call fit(data) first.");
  return x;
}

// ------------------------------------------------------------ multivariate normal

/** Options of {@link MultivariateNormalSynthesizer}. */
export interface MultivariateNormalSynthesizerOptions {
  /** Ridge on the covariance diagonal, relative to its mean variance. @defaultValue 1e-6 */
  regCovar?: number;
}

/**
 * The baseline: a multivariate normal over standardized numbers and one-hot
 * categories (`createSynthesizer("multivariate-normal")`).
 *
 * @example
 * const s = new MultivariateNormalSynthesizer({ seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).nRows; // => 3
 */
export class MultivariateNormalSynthesizer extends TableSynthesizer<MultivariateNormalSynthesizerOptions> {
  readonly method = "multivariate-normal";
  protected readonly encoding = "onehot" as const;
  private model: MultivariateNormal | undefined;

  constructor(options: BaseSynthesizerOptions & MultivariateNormalSynthesizerOptions = {}) {
    super("MultivariateNormalSynthesizer", { regCovar: 1e-6 }, options);
    checkPositive("MultivariateNormalSynthesizer", "regCovar", this.params.regCovar, true);
  }

  protected fitModel(enc: Encoded): void {
    if (enc.n < 2) throw new ParamError("MultivariateNormalSynthesizer.fit", "data", enc.n, "needs at least 2 rows.");
    this.model = new MultivariateNormal({ regCovar: this.params.regCovar }).fit(new Matrix(Array.from({ length: enc.n }, (_, i) => enc.columns.map((c) => c[i]!))));
  }

  protected sampleModel(n: number, rng: Rng, _conditions: readonly ModelCondition[]): Float64Array[] {
    return columnsOf(mustBeFitted("MultivariateNormalSynthesizer.sample", this.model).sample(n, { seed: rng }));
  }

  protected modelToJSON(): unknown {
    return mustBeFitted("MultivariateNormalSynthesizer.toJSON", this.model).toJSON();
  }

  protected modelFromJSON(json: unknown): void {
    this.model = MultivariateNormal.fromJSON(json as MultivariateNormalJSON);
  }
}

// ------------------------------------------------------------ gaussian mixture

/** Options of {@link GaussianMixtureSynthesizer}. */
export interface GaussianMixtureSynthesizerOptions {
  /** Mixture components. @defaultValue 10 */
  nComponents?: number;
  /** @defaultValue "full" */
  covarianceType?: CovarianceType;
  /** @defaultValue 1e-3 (one-hot columns make the covariances singular without it) */
  regCovar?: number;
  /** @defaultValue 100 */
  maxIter?: number;
}

/**
 * A Gaussian mixture over standardized numbers and one-hot categories
 * (`createSynthesizer("gaussian-mixture")`).
 *
 * @example
 * const s = new GaussianMixtureSynthesizer({ nComponents: 3, seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).nRows; // => 3
 */
export class GaussianMixtureSynthesizer extends TableSynthesizer<GaussianMixtureSynthesizerOptions> {
  readonly method = "gaussian-mixture";
  protected readonly encoding = "onehot" as const;
  private model: GaussianMixture | undefined;

  constructor(options: BaseSynthesizerOptions & GaussianMixtureSynthesizerOptions = {}) {
    super("GaussianMixtureSynthesizer", { nComponents: 10, covarianceType: "full", regCovar: 1e-3, maxIter: 100 }, options);
    checkInteger("GaussianMixtureSynthesizer", "nComponents", this.params.nComponents, 1);
    checkOneOf("GaussianMixtureSynthesizer", "covarianceType", this.params.covarianceType, COVARIANCE_TYPES);
    checkPositive("GaussianMixtureSynthesizer", "regCovar", this.params.regCovar);
    checkInteger("GaussianMixtureSynthesizer", "maxIter", this.params.maxIter, 1);
  }

  protected fitModel(enc: Encoded, rng: Rng, onProgress: ProgressCallback | undefined): void {
    const k = Math.min(this.params.nComponents, enc.n);
    this.model = new GaussianMixture({
      nComponents: k,
      covarianceType: this.params.covarianceType,
      regCovar: this.params.regCovar,
      maxIter: this.params.maxIter,
      seed: rng,
      ...(onProgress ? { onProgress } : {}),
    }).fit({ data: rowMajor(enc), rows: enc.n, cols: enc.columns.length });
  }

  protected sampleModel(n: number, rng: Rng): Float64Array[] {
    return columnsOf(mustBeFitted("GaussianMixtureSynthesizer.sample", this.model).sample(n, { seed: rng }).X);
  }

  protected modelToJSON(): unknown {
    return mustBeFitted("GaussianMixtureSynthesizer.toJSON", this.model).toJSON();
  }

  protected modelFromJSON(json: unknown): void {
    this.model = GaussianMixture.fromJSON(json as GaussianMixtureJSON);
  }
}

// ------------------------------------------------------------ kernel density

/** Options of {@link KdeSynthesizer}. */
export interface KdeSynthesizerOptions {
  /** Bandwidth on the standardized columns, or a rule. @defaultValue "scott" */
  bandwidth?: number | "scott" | "silverman";
}

/**
 * A Gaussian kernel density over standardized numbers and one-hot categories
 * (`createSynthesizer("kde")`): each synthetic row is a real row plus noise.
 *
 * @example
 * const s = new KdeSynthesizer({ seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).nRows; // => 3
 */
export class KdeSynthesizer extends TableSynthesizer<KdeSynthesizerOptions> {
  readonly method = "kde";
  protected readonly encoding = "onehot" as const;
  private model: KernelDensity | undefined;

  constructor(options: BaseSynthesizerOptions & KdeSynthesizerOptions = {}) {
    super("KdeSynthesizer", { bandwidth: "scott" }, options);
    const b = this.params.bandwidth;
    if (typeof b === "number") checkPositive("KdeSynthesizer", "bandwidth", b);
    else checkOneOf("KdeSynthesizer", "bandwidth", b, ["scott", "silverman"]);
  }

  protected fitModel(enc: Encoded): void {
    this.model = new KernelDensity({ bandwidth: this.params.bandwidth, kernel: "gaussian" }).fit({ data: rowMajor(enc), rows: enc.n, cols: enc.columns.length });
  }

  protected sampleModel(n: number, rng: Rng): Float64Array[] {
    return columnsOf(mustBeFitted("KdeSynthesizer.sample", this.model).sample(n, { seed: rng }));
  }

  protected modelToJSON(): unknown {
    return mustBeFitted("KdeSynthesizer.toJSON", this.model).toJSON();
  }

  protected modelFromJSON(json: unknown): void {
    this.model = KernelDensity.fromJSON(json as KernelDensityJSON);
  }
}

// ------------------------------------------------------------ smote

/** Options of {@link SmoteSynthesizer}. */
export interface SmoteSynthesizerOptions {
  /** Neighbours to interpolate towards. @defaultValue 5 */
  kNeighbors?: number;
}

/**
 * SMOTE on the whole table (seed 002's method): each synthetic row lies on
 * the segment between a real row and one of its nearest neighbours, in
 * standardized one-hot space; a category comes from the nearer endpoint
 * (`createSynthesizer("smote")`).
 *
 * @example
 * const s = new SmoteSynthesizer({ seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).nRows; // => 3
 */
export class SmoteSynthesizer extends TableSynthesizer<SmoteSynthesizerOptions> {
  readonly method = "smote";
  protected readonly encoding = "onehot" as const;
  private rows: StoredRows | undefined;
  private neighbours: Int32Array | undefined;

  constructor(options: BaseSynthesizerOptions & SmoteSynthesizerOptions = {}) {
    super("SmoteSynthesizer", { kNeighbors: 5 }, options);
    checkInteger("SmoteSynthesizer", "kNeighbors", this.params.kNeighbors, 1);
  }

  protected fitModel(enc: Encoded): void {
    if (enc.n <= this.params.kNeighbors) {
      throw new ParamError("SmoteSynthesizer.fit", "kNeighbors", this.params.kNeighbors, `needs more real rows (${enc.n}) than kNeighbors (${this.params.kNeighbors}); lower kNeighbors.`);
    }
    this.rows = { data: rowMajor(enc), rows: enc.n, cols: enc.columns.length };
    this.neighbours = undefined;
  }

  protected sampleModel(n: number, rng: Rng): Float64Array[] {
    const r = mustBeFitted("SmoteSynthesizer.sample", this.rows);
    // the neighbour search runs once, not once per block of rows
    this.neighbours ??= smoteNeighbours(r, this.params.kNeighbors);
    return columnsOf(smote(r, { nSamples: n, kNeighbors: this.params.kNeighbors, seed: rng, neighbours: this.neighbours }));
  }

  protected modelToJSON(): unknown {
    return storedToJSON(mustBeFitted("SmoteSynthesizer.toJSON", this.rows));
  }

  protected modelFromJSON(json: unknown): void {
    this.rows = storedFromJSON(json);
    this.neighbours = undefined;
  }
}

// ------------------------------------------------------------ munge

/** Options of {@link MungeSynthesizer}. */
export interface MungeSynthesizerOptions {
  /** Probability that an attribute is swapped with or redrawn around the nearest neighbour's. @defaultValue 0.5 */
  p?: number;
  /** Local variance parameter (larger: less noise). @defaultValue 10 */
  s?: number;
}

/**
 * MUNGE on the whole table (Bucila et al. 2006, seed 002's answer): numbers
 * redrawn around the nearest neighbour's, categories and missing-value
 * indicators swapped with it (`createSynthesizer("munge")`).
 *
 * @example
 * const s = new MungeSynthesizer({ seed: 0 }).fit(loadIris().frame);
 * s.sample(3, { seed: 1 }).nRows; // => 3
 */
export class MungeSynthesizer extends TableSynthesizer<MungeSynthesizerOptions> {
  readonly method = "munge";
  protected readonly encoding = "codes" as const;
  private rows: StoredRows | undefined;
  private discrete: number[] = [];
  private neighbours: Int32Array | undefined;

  constructor(options: BaseSynthesizerOptions & MungeSynthesizerOptions = {}) {
    super("MungeSynthesizer", { p: 0.5, s: 10 }, options);
    checkInRange("MungeSynthesizer", "p", this.params.p, 0, 1);
    checkPositive("MungeSynthesizer", "s", this.params.s);
  }

  protected fitModel(enc: Encoded): void {
    if (enc.n < 2) throw new ParamError("MungeSynthesizer.fit", "data", enc.n, "needs at least 2 rows.");
    this.rows = { data: rowMajor(enc), rows: enc.n, cols: enc.columns.length };
    this.neighbours = undefined;
    this.discrete = enc.specs.flatMap((s, j) => (s.type === "value" ? [] : [j]));
    // MUNGE's neighbour search needs complete rows: missing numbers sit at the column mean (their indicator says missing)
    const d = enc.columns.length;
    enc.specs.forEach((s, j) => {
      if (s.type !== "value") return;
      let sum = 0;
      let m = 0;
      for (let i = 0; i < enc.n; i++) {
        const v = this.rows!.data[i * d + j]!;
        if (v === v) (sum += v), m++;
      }
      const mean = m ? sum / m : 0;
      for (let i = 0; i < enc.n; i++) if (this.rows!.data[i * d + j] !== this.rows!.data[i * d + j]) this.rows!.data[i * d + j] = mean;
    });
  }

  protected sampleModel(n: number, rng: Rng): Float64Array[] {
    const r = mustBeFitted("MungeSynthesizer.sample", this.rows);
    this.neighbours ??= mungeNearestNeighbours(r, this.discrete);
    return columnsOf(munge(r, { nSamples: n, p: this.params.p, s: this.params.s, discreteFeatures: this.discrete, seed: rng, neighbours: this.neighbours }));
  }

  protected modelToJSON(): unknown {
    return { rows: storedToJSON(mustBeFitted("MungeSynthesizer.toJSON", this.rows)), discrete: this.discrete };
  }

  protected modelFromJSON(json: unknown): void {
    const j = json as { rows: unknown; discrete: number[] };
    this.rows = storedFromJSON(j.rows);
    this.discrete = j.discrete;
    this.neighbours = undefined;
  }
}
