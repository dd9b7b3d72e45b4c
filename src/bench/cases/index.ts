import type { BenchCase } from "../case.js";
import { DATASET_CASES } from "./datasets.js";
import { FIT_CASES } from "./fit.js";
import { QUALITY_CASES } from "./quality.js";
import { REPORT_CASES } from "./report.js";
import { RNG_CASES } from "./rng.js";
import { TABULAR_CASES } from "./tabular.js";
import { CLI_CASES } from "./cli.js";
import { NEURAL_CASES } from "./neural.js";
import { RULES_CASES } from "./rules.js";
import { IMAGE_CASES } from "./image.js";

/** Every case, in the peers' run order (../shared/bench/python_peers.py), then synthlab-only cases. */
export const CASES: BenchCase[] = [...RNG_CASES, ...DATASET_CASES, ...FIT_CASES, ...QUALITY_CASES, ...TABULAR_CASES, ...CLI_CASES, ...REPORT_CASES, ...RULES_CASES, ...IMAGE_CASES, ...NEURAL_CASES];
