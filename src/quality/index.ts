// Public names of src/quality/ (re-exports only).
export { compareDescribe, describe, percentilesInPlace, type CompareDescribeOptions, type DescribeOptions } from "./describe.js";
export { kolmogorov, kstwoSf, smirnov } from "./kolmogorov.js";
export { ks2samp, kstest, type Alternative, type Ks2sampOptions, type KsResult, type KstestOptions } from "./ks.js";
export { correlationMatrix, rankAverage, type CorrelationMatrix, type CorrelationOptions } from "./correlation.js";
