// Public names of src/fit/ (re-exports only).
export { MultivariateNormal, type MultivariateNormalOptions } from "./multivariate-normal.js";
