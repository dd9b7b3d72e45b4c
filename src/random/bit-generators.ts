import { ParamError, show } from "../core/errors.js";
import type { BitGenerator, BitGeneratorFactory } from "./bit-generator.js";
import { Xoshiro128 } from "./xoshiro128.js";

/** Bit generators by name; the first is the default. */
export const BIT_GENERATORS = {
  "xoshiro128**": (words: Uint32Array): BitGenerator => new Xoshiro128(words),
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
