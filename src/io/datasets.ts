import { Matrix } from "ml-matrix";
import { join } from "node:path";
import { ParamError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { readText } from "./csv-file.js";
import { DATA_DIR } from "./paths.js";

/** A bundled dataset, as scikit-learn's `load_*` returns it. */
export interface Dataset {
  /** nSamples × nFeatures. */
  readonly X: Matrix;
  /** Class labels 0..k-1 (or regression targets). */
  readonly y: Int32Array;
  readonly featureNames: readonly string[];
  readonly targetNames: readonly string[];
  /** Features plus a `target` column, as one table. */
  readonly frame: Table;
  /** The dataset's description (reStructuredText from its source). */
  readonly description: string;
}

/** The names of the bundled datasets. */
export const DATASET_NAMES = ["iris", "wine", "breast_cancer", "digits"] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

const FEATURES: Record<Exclude<DatasetName, "digits">, readonly string[]> = {
  iris: ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
  wine: [
    "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
    "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline",
  ],
  breast_cancer: ["mean", "error", "worst"].flatMap((k) =>
    ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"].map(
      (f) => `${k} ${f}`,
    ),
  ),
};

const FILES: Record<DatasetName, [data: string, description: string]> = {
  iris: ["iris.csv", "iris.rst"],
  wine: ["wine_data.csv", "wine_data.rst"],
  breast_cancer: ["breast_cancer.csv", "breast_cancer.rst"],
  digits: ["digits.csv.gz", "digits.rst"],
};

function parseNumbers(text: string, nCols: number, skipHeader: boolean, file: string): { X: Matrix; y: Int32Array; header: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = skipHeader ? lines[0]!.split(",") : [];
  const body = skipHeader ? lines.slice(1) : lines;
  const X = new Matrix(body.length, nCols);
  const y = new Int32Array(body.length);
  body.forEach((line, i) => {
    const f = line.split(",");
    if (f.length !== nCols + 1) throw new Error(`${file}: line ${i + 1} has ${f.length} fields, expected ${nCols + 1}`);
    for (let j = 0; j < nCols; j++) X.set(i, j, Number(f[j]));
    y[i] = Number(f[nCols]);
  });
  return { X, y, header };
}

const cache = new Map<DatasetName, Dataset>();

/**
 * Loads a dataset shipped with synthlab: `"iris"` (150 × 4), `"wine"`
 * (178 × 13), `"breast_cancer"` (569 × 30) or `"digits"` (1,797 × 64 pixel
 * intensities 0..16 of 8×8 images). Data from UCI via scikit-learn.
 *
 * @example
 * const { X, y, featureNames } = loadDataset("iris");
 * X.rows; // => 150
 */
export function loadDataset(name: DatasetName): Dataset {
  if (!(DATASET_NAMES as readonly string[]).includes(name)) {
    throw new ParamError("loadDataset", "name", name, `unknown dataset ${show(name)}. Known: ${DATASET_NAMES.join(", ")}.`);
  }
  const hit = cache.get(name);
  if (hit) return hit;
  const [dataFile, rstFile] = FILES[name];
  const text = readText(join(DATA_DIR, dataFile), "loadDataset");
  const description = readText(join(DATA_DIR, rstFile), "loadDataset");
  let ds: Dataset;
  if (name === "digits") {
    const { X, y } = parseNumbers(text, 64, false, dataFile);
    const featureNames = Array.from({ length: 64 }, (_, k) => `pixel_${Math.floor(k / 8)}_${k % 8}`);
    ds = makeDataset(X, y, featureNames, Array.from({ length: 10 }, (_, k) => String(k)), description);
  } else {
    const { X, y, header } = parseNumbers(text, FEATURES[name].length, true, dataFile);
    ds = makeDataset(X, y, FEATURES[name], header.slice(2), description);
  }
  cache.set(name, ds);
  return ds;
}

function makeDataset(X: Matrix, y: Int32Array, featureNames: readonly string[], targetNames: readonly string[], description: string): Dataset {
  const frame = Table.fromMatrix(X, featureNames).withColumn("target", Array.from(y, (k) => targetNames[k] ?? String(k)), "categorical");
  return { X, y, featureNames, targetNames, frame, description };
}

/** Iris: 150 flowers × 4 measurements, 3 species. */
export const loadIris = (): Dataset => loadDataset("iris");
/** Wine: 178 wines × 13 chemical measurements, 3 cultivars. */
export const loadWine = (): Dataset => loadDataset("wine");
/** Breast cancer (Wisconsin diagnostic): 569 tumours × 30 features, malignant / benign. */
export const loadBreastCancer = (): Dataset => loadDataset("breast_cancer");
/** Digits: 1,797 images of 8×8 pixels (0..16), labels 0..9. */
export const loadDigits = (): Dataset => loadDataset("digits");
