// Public names of src/datasets/ (re-exports only).
export { toDataFrame, type DatasetResult, type Seed } from "./common.js";
export { makeBiclusters, makeCheckerboard, type BiclusterOptions, type BiclusterResult } from "./biclusters.js";
export { makeBlobs, type BlobsOptions, type BlobsResult } from "./blobs.js";
export { makeClassification, type ClassificationOptions, type ClassificationResult } from "./classification.js";
export { makeFriedman1, makeFriedman2, makeFriedman3, type Friedman1Options, type Friedman23Options, type RegressionTargetResult } from "./friedman.js";
export { makeGaussianQuantiles, type GaussianQuantilesOptions, type GaussianQuantilesResult } from "./gaussian-quantiles.js";
export { makeHastie10_2, type Hastie10_2Options, type Hastie10_2Result } from "./hastie.js";
export { makeSCurve, makeSwissRoll, type ManifoldOptions, type ManifoldResult, type SwissRollOptions } from "./manifolds.js";
export {
  makeLowRankMatrix,
  makeSparseCodedSignal,
  makeSparseSpdMatrix,
  makeSpdMatrix,
  type LowRankMatrixOptions,
  type MatrixResult,
  type SparseCodedSignalOptions,
  type SparseCodedSignalResult,
  type SparseSpdMatrixOptions,
  type SpdMatrixOptions,
} from "./matrices.js";
export { makeMultilabelClassification, type MultilabelClassificationOptions, type MultilabelClassificationResult } from "./multilabel.js";
export { makeRegression, makeSparseUncorrelated, type RegressionOptions, type RegressionResult, type SparseUncorrelatedOptions } from "./regression.js";
export { makeCircles, makeMoons, type CirclesOptions, type MoonsOptions, type ShapeResult } from "./shapes.js";
