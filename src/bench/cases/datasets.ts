import { makeBlobs } from "../../datasets/blobs.js";
import { makeClassification } from "../../datasets/classification.js";
import { makeFriedman1 } from "../../datasets/friedman.js";
import { makeMultilabelClassification } from "../../datasets/multilabel.js";
import { makeRegression } from "../../datasets/regression.js";
import { makeCircles, makeMoons } from "../../datasets/shapes.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

/** Shape and a checksum-free fact about a generator result, recorded in the output line. */
function shapeInfo(result: unknown): Record<string, unknown> {
  const r = result as { X: { rows: number; columns: number } };
  return { rows: r.X.rows, columns: r.X.columns };
}

function datasetCase(name: string, n: number, call: (n: number) => string, make: (n: number) => unknown): BenchCase {
  return {
    name,
    params: (scale) => `${call(scaled(n, scale))} [X built lazily: Matrix rows are views made on first access]`,
    setup: (scale) => {
      const size = scaled(n, scale);
      return { op: () => make(size), info: shapeInfo };
    },
  };
}

const M = 1_000_000;

/**
 * The peers' scikit-learn make_* cases, same parameters, seed 11 (the same
 * recipe, not the same numbers: synthlab draws from its own stream).
 */
export const DATASET_CASES: BenchCase[] = [
  datasetCase(
    "make_classification_1m",
    M,
    (n) => `makeClassification({ nSamples: ${n}, nFeatures: 20, nInformative: 5, seed: ${SEED} })`,
    (n) => makeClassification({ nSamples: n, nFeatures: 20, nInformative: 5, seed: SEED }),
  ),
  datasetCase(
    "make_regression_1m",
    M,
    (n) => `makeRegression({ nSamples: ${n}, nFeatures: 20, noise: 1, seed: ${SEED} })`,
    (n) => makeRegression({ nSamples: n, nFeatures: 20, noise: 1, seed: SEED }),
  ),
  datasetCase(
    "make_blobs_1m",
    M,
    (n) => `makeBlobs({ nSamples: ${n}, nFeatures: 10, centers: 5, seed: ${SEED} })`,
    (n) => makeBlobs({ nSamples: n, nFeatures: 10, centers: 5, seed: SEED }),
  ),
  datasetCase(
    "make_friedman1_1m",
    M,
    (n) => `makeFriedman1({ nSamples: ${n}, seed: ${SEED} }) [defaults: nFeatures 10, noise 0]`,
    (n) => makeFriedman1({ nSamples: n, seed: SEED }),
  ),
  datasetCase(
    "make_circles_1m",
    M,
    (n) => `makeCircles({ nSamples: ${n}, noise: 0.05, seed: ${SEED} }) [factor 0.8 default]`,
    (n) => makeCircles({ nSamples: n, noise: 0.05, seed: SEED }),
  ),
  datasetCase(
    "make_moons_1m",
    M,
    (n) => `makeMoons({ nSamples: ${n}, noise: 0.05, seed: ${SEED} })`,
    (n) => makeMoons({ nSamples: n, noise: 0.05, seed: SEED }),
  ),
  datasetCase(
    "make_multilabel_classification_100k",
    100_000,
    (n) => `makeMultilabelClassification({ nSamples: ${n}, nFeatures: 20, nClasses: 5, seed: ${SEED} }) [dense indicator output]`,
    (n) => makeMultilabelClassification({ nSamples: n, nFeatures: 20, nClasses: 5, seed: SEED }),
  ),
];
