import { loadTable } from "../../io/tables.js";
import type { Table } from "../../core/table.js";
import { CartSynthesizer } from "../../tabular/cart.js";
import { GaussianCopulaSynthesizer } from "../../tabular/gaussian-copula.js";
import { scaled, type BenchCase } from "../case.js";
import { peakRssMiB, resetPeakRss } from "../memory.js";

const SEED = 11;

/**
 * Benchmarks of src/tabular against the peers' SDV-style copula (beta
 * marginals fitted by scipy, uniform-encoded categoricals). synthlab's copula
 * does more work than the peer: it chooses each column's marginal among six
 * families by the KS statistic (the peer always fits beta), detects the
 * metadata, and writes every column back in its own kind (integers whole,
 * decimals rounded, yes/no labels, values clipped to the real range).
 */
export const TABULAR_CASES: BenchCase[] = [
  {
    name: "copula_fit_churn",
    params: () => "new GaussianCopulaSynthesizer({ seed: 11 }).fit(loadTable('mlc_churn')) 5000 x 20 (metadata detected, marginals chosen among 6 families by KS) [not scaled]",
    setup: () => {
      const real = loadTable("mlc_churn");
      return { op: () => new GaussianCopulaSynthesizer({ seed: SEED }).fit(real) };
    },
  },
  {
    name: "copula_sample_1m",
    params: (s) => `the fitted copula: sample(${scaled(1_000_000, s)}, { seed: 11 }) rows of mlc_churn's 20 columns (a Table with every kind restored)`,
    setup: (s) => {
      const real = loadTable("mlc_churn");
      const model = new GaussianCopulaSynthesizer({ seed: SEED }).fit(real);
      const n = scaled(1_000_000, s);
      const reset = resetPeakRss();
      return {
        op: () => model.sample(n, { seed: SEED }),
        info: (r) => ({ rows_out: (r as Table).nRows, peak_rss_mib: reset ? peakRssMiB() : "unavailable", peak_rss_note: "VmHWM since this case's setup (whole process, all runs)" }),
      };
    },
  },
  {
    name: "cart_fit_sample_churn",
    params: () => "new CartSynthesizer({ seed: 11 }).fit(loadTable('mlc_churn')).sample(5000): synthpop's CART (minBucket 5, exact splits), metadata detected, every kind restored [not scaled]",
    setup: () => {
      const real = loadTable("mlc_churn");
      return { op: () => new CartSynthesizer({ seed: SEED }).fit(real).sample(real.nRows, { seed: SEED }) };
    },
  },
  {
    name: "cart_fit_sample_1m",
    params: (s) => `new CartSynthesizer({ seed: 11 }).fit(loadTable('mlc_churn')).sample(${scaled(1_000_000, s)}, { seed: 11 })`,
    setup: (s) => {
      const real = loadTable("mlc_churn");
      const n = scaled(1_000_000, s);
      const reset = resetPeakRss();
      return {
        op: () => new CartSynthesizer({ seed: SEED }).fit(real).sample(n, { seed: SEED }),
        info: (r) => ({ rows_out: (r as Table).nRows, peak_rss_mib: reset ? peakRssMiB() : "unavailable", peak_rss_note: "VmHWM since this case's setup (whole process, all runs)" }),
      };
    },
  },
];
