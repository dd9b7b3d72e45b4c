import { ParamError, show } from "../core/errors.js";
import type { BitGenerator, BitGeneratorFactory } from "./bit-generator.js";
import { Pcg64 } from "./pcg64.js";
import { intToWords } from "./seed-sequence.js";
import { seedWords, type SeedValue } from "./seed.js";
import { Xoshiro128 } from "./xoshiro128.js";

/**
 * Bit generators by name; the first is the default.
 * - `"xoshiro128**"`: fast in JavaScript (32-bit operations only); seeded through an ARC4 key schedule of the seed and spawn path.
 * - `"pcg64"`: numpy's default, seeded by numpy's `SeedSequence`, so `createRng(11, { bitGenerator: "pcg64" })`
 *   draws exactly what `numpy.random.default_rng(11)` draws (for integer seeds; a string seed is first hashed to four words).
 */
export const BIT_GENERATORS = {
  "xoshiro128**": (seed: SeedValue, spawnKey: readonly number[]): BitGenerator => new Xoshiro128(seedWords(seed, spawnKey)),
  pcg64: (seed: SeedValue, spawnKey: readonly number[]): BitGenerator =>
    new Pcg64(typeof seed === "number" ? intToWords(seed) : Array.from(seedWords(seed, [])), spawnKey),
} satisfies Record<string, BitGeneratorFactory>;

export type BitGeneratorName = keyof typeof BIT_GENERATORS;
export const DEFAULT_BIT_GENERATOR: BitGeneratorName = "xoshiro128**";

/** Looks a bit generator up by name; the error lists the known names. */
export function bitGeneratorFactory(where: string, name: unknown): BitGeneratorFactory {
  if (typeof name === "string" && Object.hasOwn(BIT_GENERATORS, name)) {
    return BIT_GENERATORS[name as BitGeneratorName];
  }
  throw new ParamError(
    where,
    "bitGenerator",
    name,
    `unknown bit generator ${show(name)}. Known: ${Object.keys(BIT_GENERATORS).join(", ")}.`,
  );
}
