/**
 * Two-dimensional toy shapes for clustering and classification: two nested
 * circles ({@link makeCircles}) and two interleaving half circles
 * ({@link makeMoons}), scikit-learn's `make_circles` and `make_moons`.
 */
import type { Matrix } from "ml-matrix";
import { ParamError, show } from "../core/errors.js";
import type { Rng } from "../random/rng.js";
import { bool, nonNegative, rowDestinations, samplePair, setup, withDataFrame, wrapRowMajor, type DatasetResult, type Seed } from "./common.js";

/** A two-class 2-D shape: `X` (n × 2) and labels `y` (Int32Array of 0 and 1). */
export interface ShapeResult extends DatasetResult {
  readonly X: Matrix;
  /** Class labels, 0 (outer circle / upper moon) or 1 (inner circle / lower moon). */
  readonly y: Int32Array;
}

/** Options of {@link makeCircles}. */
export interface CirclesOptions {
  /**
   * The number of points: an integer (half of them, rounded down, on the
   * outer circle) or `[nOuter, nInner]`.
   * @defaultValue 100
   */
  nSamples?: number | [number, number];
  /** Shuffle the points (else the outer circle comes first). @defaultValue true */
  shuffle?: boolean;
  /** Standard deviation of the Gaussian noise added to each coordinate; `null` or 0 for none. @defaultValue null */
  noise?: number | null;
  /** Radius of the inner circle relative to the outer one (unit radius), in [0, 1). @defaultValue 0.8 */
  factor?: number;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

const CIRCLES_DEFAULTS: CirclesOptions = { nSamples: 100, shuffle: true, noise: null, factor: 0.8, seed: undefined };

/**
 * The points (px, py) (length n) as an n × 2 Matrix, shuffled or not,
 * their labels (0 for the first nFirst), then the noise.
 */
function place(rng: Rng, px: Float64Array, py: Float64Array, nFirst: number, shuffle: boolean, noise: number | null): { X: Matrix; y: Int32Array } {
  const n = px.length;
  const dest = rowDestinations(rng, n, shuffle);
  const buf = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    buf[2 * i] = px[i]!;
    buf[2 * i + 1] = py[i]!;
    y[dest ? dest[i]! : i] = i < nFirst ? 0 : 1;
  }
  if (noise !== null && noise > 0) {
    const z = rng.normal(0, noise, 2 * n);
    for (let k = 0; k < 2 * n; k++) buf[k] += z[k]!;
  }
  // point i becomes row dest[i] through the Matrix's row views (no data moves)
  return { X: wrapRowMajor(buf, n, 2, dest), y };
}

function checkNoise(where: string, noise: unknown): number | null {
  return noise === null ? null : nonNegative(where, "noise", noise);
}

/**
 * Two concentric circles: a large one (radius 1, label 0) and a small one
 * (radius `factor`, label 1), points evenly spaced in angle (scikit-learn's
 * `make_circles`). A toy set that no linear boundary separates.
 *
 * @param options - {@link CirclesOptions}: `nSamples` (100), `shuffle` (true), `noise` (null), `factor` (0.8), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (n × 2), `y` an Int32Array of 0/1; `toDataFrame()` gives columns x0, x1, y.
 * @throws {ParamError} When `factor` is outside [0, 1), `noise` < 0, or `nSamples` is not an integer or a pair.
 * @example
 * const { X, y } = makeCircles({ nSamples: 8, shuffle: false, factor: 0.5, seed: 11 });
 * [X.rows, X.columns, Array.from(y)]; // => [8, 2, [0, 0, 0, 0, 1, 1, 1, 1]]
 * [X.get(0, 0), X.get(4, 0)]; // => [1, 0.5]
 */
export function makeCircles(options?: CirclesOptions): ShapeResult {
  const where = "makeCircles";
  const { o, rng } = setup(where, CIRCLES_DEFAULTS, options);
  const [nOut, nIn] = samplePair(where, o.nSamples, 0);
  const factor = o.factor as number;
  if (typeof factor !== "number" || !(factor >= 0 && factor < 1)) {
    throw new ParamError(where, "factor", factor, `'factor' must be in [0, 1), got ${show(factor)}.`);
  }
  const noise = checkNoise(where, o.noise);
  const shuffle = bool(where, "shuffle", o.shuffle);
  const n = nOut + nIn;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  // np.linspace(0, 2π, m, endpoint=False): the angles 2πi/m
  for (let i = 0; i < nOut; i++) {
    const t = (2 * Math.PI * i) / nOut;
    px[i] = Math.cos(t);
    py[i] = Math.sin(t);
  }
  for (let i = 0; i < nIn; i++) {
    const t = (2 * Math.PI * i) / nIn;
    px[nOut + i] = Math.cos(t) * factor;
    py[nOut + i] = Math.sin(t) * factor;
  }
  return withDataFrame({ ...place(rng, px, py, nOut, shuffle, noise), seed: rng.seed });
}

/** Options of {@link makeMoons}. */
export interface MoonsOptions {
  /**
   * The number of points: an integer (half of them, rounded down, on the
   * upper moon) or `[nUpper, nLower]`.
   * @defaultValue 100
   */
  nSamples?: number | [number, number];
  /** Shuffle the points (else the upper moon comes first). @defaultValue true */
  shuffle?: boolean;
  /** Standard deviation of the Gaussian noise added to each coordinate; `null` or 0 for none. @defaultValue null */
  noise?: number | null;
  /** Seed of the stream (number, string or an Rng to draw from). @defaultValue fresh entropy */
  seed?: Seed;
}

const MOONS_DEFAULTS: MoonsOptions = { nSamples: 100, shuffle: true, noise: null, seed: undefined };

/**
 * Two interleaving half circles of radius 1 (scikit-learn's `make_moons`):
 * the upper one centred at (0, 0) (label 0), the lower one centred at
 * (1, 0.5) (label 1), points evenly spaced in angle from 0 to π inclusive.
 *
 * @param options - {@link MoonsOptions}: `nSamples` (100), `shuffle` (true), `noise` (null), `seed`.
 * @returns `{ X, y, seed }`: `X` a Matrix (n × 2), `y` an Int32Array of 0/1; `toDataFrame()` gives columns x0, x1, y.
 * @throws {ParamError} When `noise` < 0 or `nSamples` is not an integer >= 1 or a pair.
 * @example
 * const { X, y } = makeMoons({ nSamples: 6, shuffle: false, seed: 11 });
 * Array.from(y); // => [0, 0, 0, 1, 1, 1]
 * [X.get(0, 0), X.get(0, 1), X.get(3, 0), X.get(3, 1)]; // => [1, 0, 0, 0.5]
 */
export function makeMoons(options?: MoonsOptions): ShapeResult {
  const where = "makeMoons";
  const { o, rng } = setup(where, MOONS_DEFAULTS, options);
  const [nOut, nIn] = samplePair(where, o.nSamples, 1);
  const noise = checkNoise(where, o.noise);
  const shuffle = bool(where, "shuffle", o.shuffle);
  const n = nOut + nIn;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  // np.linspace(0, π, m) includes both ends (a single point sits at angle 0)
  for (let i = 0; i < nOut; i++) {
    const t = nOut > 1 ? (Math.PI * i) / (nOut - 1) : 0;
    px[i] = Math.cos(t);
    py[i] = Math.sin(t);
  }
  for (let i = 0; i < nIn; i++) {
    const t = nIn > 1 ? (Math.PI * i) / (nIn - 1) : 0;
    px[nOut + i] = 1 - Math.cos(t);
    py[nOut + i] = 1 - Math.sin(t) - 0.5;
  }
  return withDataFrame({ ...place(rng, px, py, nOut, shuffle, noise), seed: rng.seed });
}
