import type { Matrix } from "ml-matrix";
import { fromRowMajor } from "../../core/matrix.js";
import { GaussianMixture } from "../../fit/gaussian-mixture.js";
import { gridSearchCV } from "../../fit/grid-search.js";
import { KernelDensity } from "../../fit/kernel-density.js";
import { SMOTE, smote } from "../../fit/smote.js";
import { makeBlobs } from "../../datasets/blobs.js";
import { loadDigits } from "../../io/datasets.js";
import { createRng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";
import { peakRssMiB, resetPeakRss } from "../memory.js";

const SEED = 11;
/** The tutorial's grid, numpy's np.arange(0.01, 1, 0.05) (20 values). */
const BANDWIDTHS = Array.from({ length: 20 }, (_, i) => 0.01 + i * 0.05);
let bestBandwidth: number | undefined;

function gridSearch(X: Matrix) {
  return gridSearchCV((p: { bandwidth: number }) => new KernelDensity(p), { bandwidth: BANDWIDTHS }, X);
}

/** The peers' make_blobs(n, 10 features, 5 centers, random_state=11), with synthlab's makeBlobs (seed 11). */
function blobs(n: number): Matrix {
  return makeBlobs({ nSamples: n, nFeatures: 10, centers: 5, seed: SEED }).X;
}

/** The peers' `_telecom_like`: 20 lognormal columns; with pcg64 the very numbers numpy draws. */
function telecomLike(n: number): Matrix {
  const rng = createRng(SEED, { bitGenerator: "pcg64" });
  const mu = rng.uniform(0, 5, 20);
  const sigma = rng.uniform(0.5, 1.5, 20);
  const data = new Float64Array(n * 20);
  for (let i = 0; i < n; i++) for (let j = 0; j < 20; j++) data[i * 20 + j] = rng.lognormal(mu[j]!, sigma[j]!);
  return fromRowMajor(data, n, 20);
}

/** Seconds to build the row views of a lazily materialized Matrix (its first access), untimed in the case. */
function materializeSeconds(m: Matrix): number {
  const t0 = performance.now();
  m.get(0, 0);
  return Math.round((performance.now() - t0) / 1e3 * 1e4) / 1e4;
}


const N_GMM_FIT = (s: number) => scaled(100_000, s);
const gmm = () => new GaussianMixture({ nComponents: 5, covarianceType: "full", seed: SEED });

/** Benchmarks of src/fit (the peers' KDE, GMM and SMOTE cases). */
export const FIT_CASES: BenchCase[] = [
  {
    name: "kde_gridsearch_digits",
    params: () => "gridSearchCV(KernelDensity, { bandwidth: 0.01..0.96 step 0.05 }) cv=5 on loadDigits().X 1797x64 [not scaled; exact sums]",
    setup: () => {
      const X = loadDigits().X;
      return {
        op: () => gridSearch(X),
        info: (r) => {
          const g = r as ReturnType<typeof gridSearch>;
          bestBandwidth = g.bestParams.bandwidth;
          return { best_bandwidth: Math.round(g.bestParams.bandwidth * 1e6) / 1e6, best_score: Math.round(g.bestScore * 1e4) / 1e4 };
        },
      };
    },
  },
  {
    name: "kde_sample_1m",
    params: (s) => `new KernelDensity({ bandwidth: <grid best> }).fit(digits).sample(${scaled(1_000_000, s)}, { seed: ${SEED} }); fit+sample timed; the Matrix's row views are built on first access (rows_materialize_s, untimed)`,
    setup: (s) => {
      const X = loadDigits().X;
      bestBandwidth ??= gridSearch(X).bestParams.bandwidth;
      const bw = bestBandwidth;
      const n = scaled(1_000_000, s);
      return {
        op: () => new KernelDensity({ bandwidth: bw }).fit(X).sample(n, { seed: SEED }),
        info: (r) => ({ bandwidth: Math.round(bw * 1e6) / 1e6, rows_materialize_s: materializeSeconds(r as Matrix) }),
      };
    },
  },
  {
    name: "gmm_fit_100k",
    params: (s) =>
      `new GaussianMixture({ nComponents: 5, covarianceType: "full", seed: ${SEED} }).fit(X); X = makeBlobs({ nSamples: ${N_GMM_FIT(s)}, nFeatures: 10, centers: 5, seed: ${SEED} }).X`,
    setup: (s) => {
      const X = blobs(N_GMM_FIT(s));
      return {
        op: () => gmm().fit(X),
        info: (r) => {
          const g = r as GaussianMixture;
          return { n_iter: g.nIter, converged: g.converged };
        },
      };
    },
  },
  {
    name: "gmm_sample_1m",
    params: (s) => `fitted gmm_fit_100k model .sample(${scaled(1_000_000, s)}); fit untimed; X's row views are built on first access (rows_materialize_s, untimed)`,
    setup: (s) => {
      const g = gmm().fit(blobs(N_GMM_FIT(s)));
      const n = scaled(1_000_000, s);
      return { op: () => g.sample(n), info: (r) => ({ rows_materialize_s: materializeSeconds((r as { X: Matrix }).X) }) };
    },
  },
  {
    name: "smote_5k_to_1m",
    params: (s) => {
      const real = scaled(5_000, s, 10);
      const target = Math.max(real + 1, scaled(1_000_000, s));
      return `smote(X, { nSamples: ${target}, kNeighbors: 5, seed: ${SEED}, includeReal: true }): ${real} real rows x 20 (the peers' telecom-like lognormal table, same numbers via pcg64) -> ${real} real + ${target - real} synthetic; row views built on first access (rows_materialize_s, untimed)`;
    },
    setup: (s) => {
      const real = scaled(5_000, s, 10);
      const target = Math.max(real + 1, scaled(1_000_000, s));
      const X = telecomLike(real);
      const reset = resetPeakRss();
      return {
        op: () => smote(X, { nSamples: target, kNeighbors: 5, seed: SEED, includeReal: true }),
        info: (r) => {
          const m = r as Matrix;
          return { rows_out: m.rows, synthetic_rows: m.rows - real, rows_materialize_s: materializeSeconds(m), peak_rss_mib: reset ? peakRssMiB() : "unavailable", peak_rss_note: "VmHWM since this case's setup (whole process, all runs)" };
        },
      };
    },
  },
  {
    name: "smote_5k_to_1m_dummy_majority",
    params: (s) => {
      const real = scaled(5_000, s, 10);
      const target = Math.max(real + 1, scaled(1_000_000, s));
      return `new SMOTE({ kNeighbors: 5, seed: ${SEED} }).fitResample(X, y) (samplingStrategy "auto") with a ${target}-row all-zero class 0 + ${real} telecom-like rows (class 1)`;
    },
    setup: (s) => {
      const real = scaled(5_000, s, 10);
      const target = Math.max(real + 1, scaled(1_000_000, s));
      const Xr = telecomLike(real);
      const data = new Float64Array((target + real) * 20);
      for (let i = 0; i < real; i++) for (let j = 0; j < 20; j++) data[(target + i) * 20 + j] = Xr.get(i, j);
      const X = { data, rows: target + real, cols: 20 }; // a row-major buffer, as the peer's ndarray
      const y = new Int32Array(target + real).fill(1, target);
      return { op: () => new SMOTE({ kNeighbors: 5, seed: SEED }).fitResample(X, y), info: (r) => ({ rows_out: (r as { X: Matrix }).X.rows }) };
    },
  },
];
