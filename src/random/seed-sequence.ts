/**
 * numpy's `SeedSequence` (O'Neill's seed_seq hashing, pool of four 32-bit
 * words): turns a seed and a spawn key into well-mixed state words, so that
 * `createRng(11, { bitGenerator: "pcg64" })` starts where numpy's
 * `default_rng(11)` does, and `spawn` children match numpy's
 * `SeedSequence.spawn`.
 */

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;
/** numpy's `DEFAULT_POOL_SIZE`. */
export const POOL_SIZE = 4;

/** A non-negative integer below 2^53 as little-endian uint32 words (numpy's `_coerce_to_uint32_array`). */
export function intToWords(n: number): number[] {
  if (n === 0) return [0];
  const out: number[] = [];
  while (n > 0) {
    out.push(n % 4294967296);
    n = Math.floor(n / 4294967296);
  }
  return out;
}

/** The mixed entropy pool of a seed sequence. */
export function seedPool(entropy: readonly number[], spawnKey: readonly number[]): Uint32Array {
  const run = [...entropy];
  const spawn = spawnKey.flatMap(intToWords);
  if (spawn.length > 0) while (run.length < POOL_SIZE) run.push(0);
  const all = [...run, ...spawn];
  const pool = new Uint32Array(POOL_SIZE);
  let hashConst = INIT_A;
  const hashmix = (value: number): number => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> XSHIFT)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> XSHIFT)) >>> 0;
  };
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < all.length ? all[i]! : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
    }
  }
  for (let src = POOL_SIZE; src < all.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(all[src]!));
  }
  return pool;
}

/** `SeedSequence(entropy, spawn_key).generate_state(nWords, uint32)`. */
export function generateState(entropy: readonly number[], spawnKey: readonly number[], nWords: number): Uint32Array {
  const pool = seedPool(entropy, spawnKey);
  const out = new Uint32Array(nWords);
  let hashConst = INIT_B;
  for (let i = 0; i < nWords; i++) {
    let v = (pool[i % POOL_SIZE]! ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out[i] = (v ^ (v >>> XSHIFT)) >>> 0;
  }
  return out;
}
