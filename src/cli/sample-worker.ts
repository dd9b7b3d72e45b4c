/**
 * The piscina worker of `synthlab sample --workers W`: loads the model once
 * per thread, then runs tasks (sample-task.ts), moving CSV bytes back without a copy.
 */
import { readFileSync } from "node:fs";
import { move, workerData } from "piscina";
import { loadSynthesizer } from "../tabular/create.js";
import type { SynthesizerJSON } from "../tabular/synthesizer.js";
import { runSampleTask, type SampleTask, type SampleTaskResult } from "./sample-task.js";

const json = JSON.parse(readFileSync((workerData as { modelPath: string }).modelPath, "utf8")) as SynthesizerJSON;
const model = loadSynthesizer(json);

/** Runs one task. */
export default function run(task: SampleTask): SampleTaskResult {
  const result = runSampleTask(model, json, task);
  return result instanceof Uint8Array ? (move(result) as Uint8Array) : result;
}
