import type { BenchCase } from "../case.js";
import { RNG_CASES } from "./rng.js";

/** Every case, in run order (each area adds its own file and one line here). */
export const CASES: BenchCase[] = [...RNG_CASES];
import { FIT_CASES } from "./fit.js"; CASES.push(...FIT_CASES);
import { DATASET_CASES } from "./datasets.js"; CASES.push(...DATASET_CASES);
