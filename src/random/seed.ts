import seedrandom from "seedrandom";
import { ParamError, ParamTypeError, show } from "../core/errors.js";

/** What a seed may be: a non-negative integer or any string. */
export type SeedValue = number | string;

/** Largest integer seed: seeds are exact doubles. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Checks a user seed; throws naming `where` and the value. */
export function checkSeed(where: string, seed: unknown): SeedValue {
  if (typeof seed === "string") return seed;
  if (typeof seed !== "number") {
    throw new ParamTypeError(where, "seed", seed, `'seed' must be a non-negative integer, a string or an Rng, got ${show(seed)}.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new ParamError(
      where,
      "seed",
      seed,
      `'seed' must be an integer in [0, ${MAX_SEED}] or a string, got ${show(seed)}.`,
    );
  }
  return seed;
}

/** A fresh seed from the operating system's entropy (crypto), < 2^53. */
export function entropySeed(): number {
  const w = new Uint32Array(2);
  globalThis.crypto.getRandomValues(w);
  return (w[0]! & 0x1fffff) * 4294967296 + w[1]!;
}

/**
 * Turns a seed and a spawn path into `nWords` 32-bit words of state, through
 * seedrandom's ARC4 key schedule (RC4 keyed by the string, first 3072 bytes
 * dropped). Numbers and strings are kept apart (`11` and `"11"` differ), and
 * every spawn path gives an unrelated key, as numpy's SeedSequence does.
 */
export function seedWords(seed: SeedValue, spawnKey: readonly number[], nWords = 4): Uint32Array {
  const key = `synthlab/${typeof seed === "number" ? "n" : "s"}:${seed}${spawnKey.map((k) => `/${k}`).join("")}`;
  const prng = seedrandom(key);
  const out = new Uint32Array(nWords);
  for (let i = 0; i < nWords; i++) out[i] = prng.int32() >>> 0;
  return out;
}
