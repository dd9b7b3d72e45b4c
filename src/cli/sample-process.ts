/**
 * The child process of `synthlab sample --workers W` (forked by sample-process-pool.ts with
 * arguments `<model.json> <spool dir>`): loads the model once, then for each `{ id, task }` message
 * runs the task (sample-task.ts), writes the result to a file in the spool directory (CSV bytes as
 * they are, a Parquet row group in V8's serialization) and answers `{ id, file }`, or `{ id, error }`.
 * It exits when the parent disconnects.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serialize } from "node:v8";
import { loadSynthesizer } from "../tabular/create.js";
import type { SynthesizerJSON } from "../tabular/synthesizer.js";
import { runSampleTask, type SampleTask } from "./sample-task.js";

const [modelPath, spool] = process.argv.slice(2) as [string, string];
let json: SynthesizerJSON | undefined;
let model: ReturnType<typeof loadSynthesizer> | undefined;
let loadError: string | undefined;
try {
  json = JSON.parse(readFileSync(modelPath, "utf8")) as SynthesizerJSON;
  model = loadSynthesizer(json);
} catch (e) {
  loadError = e instanceof Error ? e.message : String(e);
}

process.on("message", (m: { id: number; task: SampleTask }) => {
  let reply: { id: number; file?: string; csv?: boolean; error?: string };
  try {
    if (loadError !== undefined) throw new Error(loadError);
    const result = runSampleTask(model!, json!, m.task);
    const file = join(spool, `${process.pid}-${m.id}`);
    writeFileSync(file, result instanceof Uint8Array ? result : serialize(result));
    reply = { id: m.id, file, csv: result instanceof Uint8Array };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  process.send!(reply);
});
process.on("disconnect", () => process.exit(0));
