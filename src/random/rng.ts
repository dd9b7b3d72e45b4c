import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkFinite, checkInteger, checkPositive, checkSize } from "../core/validate.js";
import { beta as betaOne } from "./beta.js";
import { bitGeneratorFactory, DEFAULT_BIT_GENERATOR, type BitGeneratorName } from "./bit-generators.js";
import { fillExponential, standardExponential } from "./exponential.js";
import { standardGamma } from "./gamma.js";
import { boundedInt } from "./integers.js";
import { fillNormal, standardNormal } from "./normal.js";
import { checkSeed, entropySeed, seedWords, type SeedValue } from "./seed.js";
import { WordStream, type StreamState } from "./stream.js";

/** The JSON form of an {@link Rng}'s state (`rng.toJSON()`), versioned. */
export interface RngState {
  readonly schema: "synthlab.rng/1";
  readonly bitGenerator: string;
  readonly seed: SeedValue;
  readonly spawnKey: number[];
  readonly childrenSpawned: number;
  readonly stream: StreamState;
}

/** Options of {@link createRng}. */
export interface RngOptions {
  /**
   * The bit generator.
   * @defaultValue `"xoshiro128**"`
   */
  bitGenerator?: BitGeneratorName;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * A seeded random generator with numpy `Generator`'s methods, names and
 * parameter order (camelCase). With `size` a number, a method returns a
 * `Float64Array` of that length; without it, one number. Scalar and array
 * draws read the same stream: `rng.normal(0, 1, 3)` equals three
 * `rng.normal()` calls from the same state.
 *
 * @example
 * const rng = createRng(11);
 * rng.normal(0, 1, 3).length; // => 3
 */
export class Rng {
  /** The seed this stream was built from (drawn from entropy when none was given). */
  readonly seed: SeedValue;
  /** @internal the word source every sampler reads. */
  readonly stream: WordStream;
  private readonly spawnKey: readonly number[];
  private childrenSpawned = 0;

  /** @internal use {@link createRng}. */
  constructor(seed: SeedValue, spawnKey: readonly number[], bitGenerator: BitGeneratorName) {
    this.seed = seed;
    this.spawnKey = spawnKey;
    const factory = bitGeneratorFactory("createRng", bitGenerator);
    this.stream = new WordStream(factory(seedWords(seed, spawnKey)));
  }

  /** The bit generator's name. */
  get bitGenerator(): string {
    return this.stream.bitGenerator.name;
  }

  /**
   * `n` independent child streams (numpy's `SeedSequence.spawn`): each child
   * is seeded from this stream's seed and a spawn path, so children differ
   * from each other, from the parent and from later spawns, and drawing from
   * the parent never shifts them.
   */
  spawn(n: number): Rng[] {
    checkInteger("Rng.spawn", "n", n, 0);
    const children: Rng[] = [];
    for (let i = 0; i < n; i++) {
      children.push(new Rng(this.seed, [...this.spawnKey, this.childrenSpawned++], this.bitGenerator as BitGeneratorName));
    }
    return children;
  }

  /** Floats in [0, 1) (numpy's `random`). */
  random(): number;
  random(size: number): Float64Array;
  random(size?: number): number | Float64Array {
    if (size === undefined) return this.stream.double();
    const out = new Float64Array(checkSize("Rng.random", size));
    this.stream.fillDouble(out);
    return out;
  }

  /** Uniform draws on [low, high). */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: number): Float64Array;
  uniform(low = 0, high = 1, size?: number): number | Float64Array {
    const where = "Rng.uniform";
    checkFinite(where, "low", low);
    checkFinite(where, "high", high);
    const range = high - low;
    if (!Number.isFinite(range)) throw new ParamError(where, "high", high, `'high' - 'low' overflows (got low=${low}, high=${high}).`);
    if (size === undefined) return low + range * this.stream.double();
    const out = new Float64Array(checkSize(where, size));
    this.stream.fillDouble(out);
    if (low !== 0 || range !== 1) for (let i = 0; i < out.length; i++) out[i] = low + range * out[i]!;
    return out;
  }

  /** Normal (Gaussian) draws with mean `loc` and standard deviation `scale` (ziggurat). */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: number): Float64Array;
  normal(loc = 0, scale = 1, size?: number): number | Float64Array {
    const where = "Rng.normal";
    checkFinite(where, "loc", loc);
    checkPositive(where, "scale", scale, true);
    if (size === undefined) return loc + scale * standardNormal(this.stream);
    const out = new Float64Array(checkSize(where, size));
    fillNormal(this.stream, out, loc, scale);
    return out;
  }

  /** Standard normal draws, N(0, 1). */
  standardNormal(): number;
  standardNormal(size: number): Float64Array;
  standardNormal(size?: number): number | Float64Array {
    if (size === undefined) return standardNormal(this.stream);
    const out = new Float64Array(checkSize("Rng.standardNormal", size));
    fillNormal(this.stream, out);
    return out;
  }

  /** Exponential draws with mean `scale` (ziggurat). */
  exponential(scale?: number): number;
  exponential(scale: number, size: number): Float64Array;
  exponential(scale = 1, size?: number): number | Float64Array {
    const where = "Rng.exponential";
    checkPositive(where, "scale", scale, true);
    if (size === undefined) return scale * standardExponential(this.stream);
    const out = new Float64Array(checkSize(where, size));
    fillExponential(this.stream, out, scale);
    return out;
  }

  /** Standard exponential draws, Exp(1). */
  standardExponential(): number;
  standardExponential(size: number): Float64Array;
  standardExponential(size?: number): number | Float64Array {
    if (size === undefined) return standardExponential(this.stream);
    const out = new Float64Array(checkSize("Rng.standardExponential", size));
    fillExponential(this.stream, out);
    return out;
  }

  /** Log-normal draws: `exp(normal(mean, sigma))`. */
  lognormal(mean?: number, sigma?: number): number;
  lognormal(mean: number, sigma: number, size: number): Float64Array;
  lognormal(mean = 0, sigma = 1, size?: number): number | Float64Array {
    const where = "Rng.lognormal";
    checkFinite(where, "mean", mean);
    checkPositive(where, "sigma", sigma, true);
    if (size === undefined) return Math.exp(mean + sigma * standardNormal(this.stream));
    const out = new Float64Array(checkSize(where, size));
    fillNormal(this.stream, out, mean, sigma);
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]!);
    return out;
  }

  /** Gamma draws with `shape` (k) and `scale` (θ): mean kθ (Marsaglia–Tsang). */
  gamma(shape: number, scale?: number): number;
  gamma(shape: number, scale: number, size: number): Float64Array;
  gamma(shape: number, scale = 1, size?: number): number | Float64Array {
    const where = "Rng.gamma";
    checkPositive(where, "shape", shape, true);
    checkPositive(where, "scale", scale, true);
    return this.draw(where, size, () => scale * standardGamma(this.stream, shape));
  }

  /** Standard gamma draws (scale 1). */
  standardGamma(shape: number): number;
  standardGamma(shape: number, size: number): Float64Array;
  standardGamma(shape: number, size?: number): number | Float64Array {
    const where = "Rng.standardGamma";
    checkPositive(where, "shape", shape, true);
    return this.draw(where, size, () => standardGamma(this.stream, shape));
  }

  /** Chi-square draws with `df` degrees of freedom: `2 * gamma(df / 2)`. */
  chisquare(df: number): number;
  chisquare(df: number, size: number): Float64Array;
  chisquare(df: number, size?: number): number | Float64Array {
    const where = "Rng.chisquare";
    checkPositive(where, "df", df);
    const half = df / 2;
    return this.draw(where, size, () => 2 * standardGamma(this.stream, half));
  }

  /** Beta(a, b) draws on [0, 1]. */
  beta(a: number, b: number): number;
  beta(a: number, b: number, size: number): Float64Array;
  beta(a: number, b: number, size?: number): number | Float64Array {
    const where = "Rng.beta";
    checkPositive(where, "a", a);
    checkPositive(where, "b", b);
    return this.draw(where, size, () => betaOne(this.stream, a, b));
  }

  /**
   * Integers in [low, high), or [low, high] with `endpoint`. With one bound,
   * [0, low). Unbiased (Lemire's multiply-shift with rejection).
   */
  integers(low: number, high?: number | null): number;
  integers(low: number, high: number | null | undefined, size: number, endpoint?: boolean): Float64Array;
  integers(low: number, high?: number | null, size?: number, endpoint = false): number | Float64Array {
    const where = "Rng.integers";
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    checkInteger(where, "low", low);
    checkInteger(where, "high", high);
    if (typeof endpoint !== "boolean") throw new ParamTypeError(where, "endpoint", endpoint, `'endpoint' must be true or false, got ${show(endpoint)}.`);
    const span = high - low + (endpoint ? 1 : 0);
    if (span <= 0) {
      throw new ParamError(where, "high", high, `'low' (${low}) must be ${endpoint ? "<=" : "<"} 'high' (${high}).`);
    }
    if (span > MAX_INT || Math.abs(low) > MAX_INT || Math.abs(high) > MAX_INT) {
      throw new ParamError(where, "high", high, `the range [${low}, ${high}] exceeds 2^53; integers are exact doubles.`);
    }
    const lo = low;
    return this.draw(where, size, () => lo + boundedInt(this.stream, span));
  }

  /** A shuffled copy of `0..n-1` (a number) or of an array's items. */
  permutation(x: number): Int32Array;
  permutation<T extends ArrayLike<unknown>>(x: T): T extends Float64Array ? Float64Array : T extends Int32Array ? Int32Array : unknown[];
  permutation(x: number | ArrayLike<unknown>): unknown {
    if (typeof x === "number") {
      const n = checkInteger("Rng.permutation", "x", x, 0);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      this.shuffle(out);
      return out;
    }
    const copy = ArrayBuffer.isView(x) ? (x as unknown as Float64Array).slice() : Array.from(x);
    this.shuffle(copy as unknown as unknown[]);
    return copy;
  }

  /** Shuffles an array or typed array in place (Fisher–Yates); returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(x: T): T {
    if (x === null || typeof x !== "object" || typeof x.length !== "number") {
      throw new ParamTypeError("Rng.shuffle", "x", x, `'x' must be an array or typed array, got ${show(x)}.`);
    }
    for (let i = x.length - 1; i > 0; i--) {
      const j = boundedInt(this.stream, i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return x;
  }

  /** The state as JSON: `createRngFromJSON(rng.toJSON())` continues the same stream. */
  toJSON(): RngState {
    return {
      schema: "synthlab.rng/1",
      bitGenerator: this.bitGenerator,
      seed: this.seed,
      spawnKey: [...this.spawnKey],
      childrenSpawned: this.childrenSpawned,
      stream: this.stream.getState(),
    };
  }

  /** Rebuilds a generator from {@link toJSON}'s output, at the same position. */
  static fromJSON(state: RngState): Rng {
    if (!state || state.schema !== "synthlab.rng/1") {
      throw new ParamError("Rng.fromJSON", "state", state, `expected an object with schema "synthlab.rng/1", got ${show(state)}.`);
    }
    const rng = new Rng(checkSeed("Rng.fromJSON", state.seed), state.spawnKey, state.bitGenerator as BitGeneratorName);
    rng.childrenSpawned = state.childrenSpawned;
    rng.stream.setState(state.stream);
    return rng;
  }

  private draw(where: string, size: number | undefined, one: () => number): number | Float64Array {
    if (size === undefined) return one();
    const out = new Float64Array(checkSize(where, size));
    for (let i = 0; i < out.length; i++) out[i] = one();
    return out;
  }
}

/**
 * A seeded generator (scikit-learn's `check_random_state`): a number or a
 * string seeds a new stream, an `Rng` is returned as it is, and no seed draws
 * fresh entropy and records it in `rng.seed` so the run can be replayed.
 *
 * @param seed - a non-negative integer, a string, or an existing `Rng`
 * @throws ParamError for NaN, negative or fractional seeds
 * @example
 * const a = createRng(11).normal(0, 1, 5);
 * const b = createRng(11).normal(0, 1, 5);
 * a.every((v, i) => v === b[i]); // => true
 */
export function createRng(seed?: SeedValue | Rng, options: RngOptions = {}): Rng {
  if (seed instanceof Rng) return seed;
  const known = ["bitGenerator"];
  for (const k of Object.keys(options ?? {})) {
    if (!known.includes(k)) throw new ParamError("createRng", k, (options as Record<string, unknown>)[k], `unknown option '${k}'. Valid options: ${known.join(", ")}.`);
  }
  const bg = options.bitGenerator ?? DEFAULT_BIT_GENERATOR;
  bitGeneratorFactory("createRng", bg);
  const s = seed === undefined ? entropySeed() : checkSeed("createRng", seed);
  return new Rng(s, [], bg);
}
