import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readModelFile } from "../../cli/model-file.js";
import { defaultWorkers, sampleToFile, type OutputFormat } from "../../cli/sample-file.js";
import { loadTable } from "../../io/tables.js";
import { GaussianCopulaSynthesizer } from "../../tabular/gaussian-copula.js";
import { scaled, type BenchCase } from "../case.js";
import { peakRssMiB, resetPeakRss } from "../memory.js";

const SEED = 11;

/**
 * `synthlab sample`'s engine (src/cli/sample-file.ts) on the churn copula:
 * draws and writes N rows × 20 columns, streaming, on `workers` processes.
 */
function sampleCase(name: string, format: OutputFormat, workers: number | undefined): BenchCase {
  return {
    name,
    params: (s) =>
      `synthlab sample churn-copula.json --rows ${scaled(1_000_000, s)} --out rows.${format} --seed 11 --workers ${workers ?? `${defaultWorkers()} (the core count)`}: mlc_churn's GaussianCopulaSynthesizer (fit untimed), rows drawn and streamed to a ${format.toUpperCase()} file (file deleted after each run, untimed)`,
    setup: (s) => {
      const dir = mkdtempSync(join(tmpdir(), "synthlab-bench-cli-"));
      const modelPath = join(dir, "churn-copula.json");
      writeFileSync(modelPath, JSON.stringify(new GaussianCopulaSynthesizer({ seed: SEED }).fit(loadTable("mlc_churn")).toJSON()));
      const model = readModelFile(modelPath, "bench");
      const n = scaled(1_000_000, s);
      const out = join(dir, `rows.${format}`);
      const w = workers ?? defaultWorkers();
      let bytes = 0;
      const reset = resetPeakRss();
      return {
        op: () => sampleToFile({ model, start: 0, count: n, seed: SEED, out, format, header: true, workers: w }),
        info: (rows) => ({ rows_out: rows as number, workers: w, file_mib: Math.round(bytes / 2 ** 20), peak_rss_mib: reset ? peakRssMiB() : "unavailable", peak_rss_note: "VmHWM of the main process since this case's setup (worker processes not included)" }),
        afterEach: () => {
          bytes = statSync(out).size;
          rmSync(out, { force: true });
        },
      };
    },
  };
}

/** The command line's sampling cases: the peers' sample_csv_1m_churn, then synthlab-only ones (Parquet, worker scaling). */
export const CLI_CASES: BenchCase[] = [
  sampleCase("sample_csv_1m_churn", "csv", undefined),
  sampleCase("sample_parquet_1m_churn", "parquet", undefined),
  sampleCase("sample_csv_1m_churn_1worker", "csv", 1),
  sampleCase("sample_csv_1m_churn_2workers", "csv", 2),
];
