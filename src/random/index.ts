export type { BitGenerator, BitGeneratorFactory } from "./bit-generator.js";
export { BIT_GENERATORS, DEFAULT_BIT_GENERATOR, type BitGeneratorName } from "./bit-generators.js";
export { createRng, Rng, type RngOptions, type RngState } from "./rng.js";
export { type SeedValue } from "./seed.js";
export {
  DISTRIBUTIONS,
  distributionFunctions,
  distributionNames,
  getDistribution,
  resolveParams,
  sampleDistribution,
  type DistributionEntry,
  type DistributionFunctions,
  type DistributionName,
  type DistributionParams,
  type ParamSpec,
} from "./registry.js";
