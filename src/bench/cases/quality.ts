import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Table } from "../../core/table.js";
import { writeCsv } from "../../io/csv-file.js";
import { correlationMatrix } from "../../quality/correlation.js";
import { describe } from "../../quality/describe.js";
import { ks2samp, kstest } from "../../quality/ks.js";
import { createRng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

function twoNormals(n: number): [Float64Array, Float64Array] {
  const rng = createRng(SEED);
  return [rng.standardNormal(n), rng.standardNormal(n)];
}

function frame(n: number): Table {
  const rng = createRng(SEED);
  const cols: Record<string, Float64Array> = {};
  for (let j = 0; j < 20; j++) cols[`c${j}`] = rng.standardNormal(n);
  return Table.fromColumns(cols);
}

const ksInfo = (r: unknown) => {
  const k = r as { statistic: number; pvalue: number; method: string };
  return { statistic: k.statistic, pvalue: k.pvalue, method: k.method };
};

/** scipy.stats / pandas cases: KS tests, describe, corr, CSV writing on 1M rows. */
export const QUALITY_CASES: BenchCase[] = [
  {
    name: "ks_2samp_1m",
    params: (s) => `ks2samp(x, y) method 'auto' (= 'asymp' when n > 10000); x, y ~ N(0,1) from createRng(${SEED}), n=${scaled(1_000_000, s)}`,
    setup: (s) => {
      const [x, y] = twoNormals(scaled(1_000_000, s));
      return { op: () => ks2samp(x, y), info: ksInfo };
    },
  },
  {
    name: "ks_2samp_1m_asymp",
    params: (s) => `ks2samp(x, y, { method: "asymp" }); x, y ~ N(0,1) from createRng(${SEED}), n=${scaled(1_000_000, s)}`,
    setup: (s) => {
      const [x, y] = twoNormals(scaled(1_000_000, s));
      return { op: () => ks2samp(x, y, { method: "asymp" }), info: ksInfo };
    },
  },
  {
    name: "ks_1samp_1m",
    params: (s) => `kstest(x, "norm") method 'auto' (= exact kstwo sf); x ~ N(0,1) from createRng(${SEED}), n=${scaled(1_000_000, s)}`,
    setup: (s) => {
      const [x] = twoNormals(scaled(1_000_000, s));
      return { op: () => kstest(x, "norm"), info: ksInfo };
    },
  },
  {
    name: "describe_1m_x20",
    params: (s) => `describe(Table(${scaled(1_000_000, s)} x 20 float64 ~ N(0,1)))`,
    setup: (s) => {
      const t = frame(scaled(1_000_000, s));
      return { op: () => describe(t) };
    },
  },
  {
    name: "corr_1m_x20",
    params: (s) => `correlationMatrix(Table(${scaled(1_000_000, s)} x 20 float64 ~ N(0,1))) [pearson]`,
    setup: (s) => {
      const t = frame(scaled(1_000_000, s));
      return { op: () => correlationMatrix(t) };
    },
  },
  {
    name: "write_csv_1m_x20",
    params: (s) => `writeCsv(Table(${scaled(1_000_000, s)} x 20 float64 ~ N(0,1)), '<tmpdir>/...csv'); file deleted after each run (untimed)`,
    setup: (s) => {
      const t = frame(scaled(1_000_000, s));
      const path = join(tmpdir(), `synthlab_bench_${process.pid}.csv`);
      let bytes = 0;
      return {
        op: () => writeCsv(t, path),
        info: () => ({ csv_bytes: bytes }),
        afterEach: () => {
          try {
            bytes = statSync(path).size;
            rmSync(path);
          } catch {
            /* nothing written */
          }
        },
      };
    },
  },
];
