// Public names of src/fit/ (re-exports only).
export { MultivariateNormal, type MultivariateNormalJSON, type MultivariateNormalOptions } from "./multivariate-normal.js";
export { NearestNeighbors, type KNeighborsResult, type NearestNeighborsOptions, type PointsInput } from "../core/knn.js";
export { KDE_KERNELS, KernelDensity, type KdeKernel, type KernelDensityJSON, type KernelDensityOptions } from "./kernel-density.js";
export { gridSearchCV, kFold, parameterGrid, type CVEstimator, type GridSearchCandidate, type GridSearchOptions, type GridSearchResult, type ParamGrid } from "./grid-search.js";
export { COVARIANCE_TYPES, GaussianMixture, selectGaussianMixture, type CovarianceType, type GaussianMixtureCandidate, type GaussianMixtureJSON, type GaussianMixtureOptions, type SelectGaussianMixtureOptions } from "./gaussian-mixture.js";
export { kmeansPlusPlus, type KMeansPlusPlusOptions } from "./kmeans.js";
export { classCounts, type Label, type SamplingStrategy } from "./sampling-strategy.js";
export { SMOTE, smote, smoteNeighbours, type Labels, type ResampleResult, type SMOTEOptions, type SmoteOptions } from "./smote.js";
export { ADASYN, BorderlineSMOTE, SMOTENC, type ADASYNOptions, type BorderlineSMOTEOptions, type SMOTENCOptions } from "./smote-variants.js";
export { munge, mungeNearestNeighbours, tuneMunge, type MungeCandidate, type MungeOptions, type TuneMungeOptions } from "./munge.js";
export { fitUnivariate, univariateFromJSON, UNIVARIATE_FAMILIES, UnivariateModel, type FitUnivariateOptions, type UnivariateCandidate, type UnivariateFamily, type UnivariateModelFamily, type UnivariateModelJSON } from "./univariate.js";
