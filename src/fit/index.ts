// Public names of src/fit/ (re-exports only).
export { MultivariateNormal, type MultivariateNormalOptions } from "./multivariate-normal.js";
export { NearestNeighbors, type KNeighborsResult, type NearestNeighborsOptions, type PointsInput } from "../core/knn.js";
export { KDE_KERNELS, KernelDensity, type KdeKernel, type KernelDensityJSON, type KernelDensityOptions } from "./kernel-density.js";
export { gridSearchCV, kFold, parameterGrid, type CVEstimator, type GridSearchCandidate, type GridSearchOptions, type GridSearchResult, type ParamGrid } from "./grid-search.js";
