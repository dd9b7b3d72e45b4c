/**
 * The `synthlab` command (commander): `fit`, `sample`, `report`, `compare`,
 * and the job-queue pair `queue` / `worker`. Exit 0 on success, 2 on bad
 * input with one line on stderr (never a stack trace).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { isSynthlabError } from "../core/errors.js";
import { PACKAGE_ROOT } from "../io/paths.js";
import { listSynthesizers } from "../tabular/create.js";
import { compareCommand } from "./commands/compare.js";
import { fitCommand } from "./commands/fit.js";
import { queueCommand } from "./commands/queue.js";
import { reportCommand } from "./commands/report.js";
import { sampleCommand } from "./commands/sample.js";
import { workerCommand } from "./commands/worker.js";
import { QUEUE_NAME } from "./queue.js";
import { defaultWorkers } from "./sample-file.js";

/** Where a command writes its lines. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

const consoleIO: CliIO = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

function version(): string {
  try {
    return (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** One line: the first line of an error's message, without a "where:" prefix for commander's. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function build(io: CliIO): Command {
  const program = new Command();
  const methods = listSynthesizers().map((m) => m.method);
  const redis = () => new Option("--redis <url>", "Redis URL").default(process.env["SYNTHLAB_REDIS"] ?? "redis://127.0.0.1:6379");
  program
    .name("synthlab")
    .description("Synthetic tables from the command line: fit a model, sample any number of rows (CSV or Parquet, sharded, on worker threads or a job queue), write quality reports.")
    .version(version())
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: () => undefined, // printed once, as one line, by runSynthlab
    });
  program
    .command("fit")
    .description("learn a table (every column kept; empty columns dropped and named) and save the model as JSON")
    .argument("<data>", "the real table: .csv, .csv.gz or .parquet")
    .addOption(new Option("--method <m>", "synthesizer").choices(methods).default("gaussian-copula"))
    .requiredOption("--out <model.json>", "where to save the model")
    .option("--seed <s>", "seed of the fit", "0")
    .action((data: string, o) => fitCommand(data, o, io));
  program
    .command("sample")
    .description("draw rows from a saved model into a CSV or Parquet file, streaming (constant memory)")
    .argument("<model.json>", "a model written by synthlab fit")
    .requiredOption("--rows <n>", "rows of the whole draw (with --shard: of all shards together)")
    .requiredOption("--out <file>", "output: .csv or .parquet")
    .option("--seed <s>", "seed of the draw: rows depend on (model, seed, row index) only", "0")
    .option("--shard <i/n>", "write only shard i of n: rows [i·rows/n, (i+1)·rows/n)")
    .option("--workers <w>", `threads that sample: this one and w - 1 worker threads (default: the core count, ${defaultWorkers()} here)`)
    .option("--format <f>", "csv or parquet (default: from --out's extension)")
    .option("--header <when>", "CSV header row: auto (only when the range starts at row 0, so shard files concatenate), always, never", "auto")
    .option("--no-progress", "no progress bar")
    .action((model: string, o) => sampleCommand(model, o, io));
  program
    .command("report")
    .description("an HTML quality report of a synthetic table against the real one")
    .argument("<real>", "the real table (.csv, .csv.gz, .parquet)")
    .argument("<synthetic>", "the synthetic table")
    .requiredOption("--out <report.html>", "where to write the report")
    .option("--holdout <file>", "real rows kept out of fitting (privacy and utility baselines)")
    .option("--target <column>", "column to predict (machine-learning efficacy)")
    .option("--seed <s>", "seed of the report's subsamples", "0")
    .action((real: string, synthetic: string, o) => reportCommand(real, synthetic, o, io));
  program
    .command("compare")
    .description("fit several methods on one table and write one comparison report")
    .argument("<data>", "the real table (.csv, .csv.gz, .parquet)")
    .requiredOption("--out <report.html>", "where to write the report")
    .option("--methods <list>", `comma-separated methods among ${methods.join(", ")}`)
    .option("--holdout <file>", "real rows kept out of fitting")
    .option("--target <column>", "column to predict")
    .option("--seed <s>", "seed", "0")
    .option("--no-progress", "no progress bar")
    .action((data: string, o) => compareCommand(data, o, io));
  program
    .command("queue")
    .description("enqueue the shards of a draw on Redis (BullMQ) for synthlab worker processes")
    .argument("<model.json>", "a model on storage every worker sees")
    .requiredOption("--rows <n>", "rows of the whole draw")
    .requiredOption("--shards <k>", "number of shards (jobs)")
    .requiredOption("--out-dir <dir>", "directory for part-IIIII-of-KKKKK files, on storage every worker sees")
    .option("--seed <s>", "seed of the draw", "0")
    .option("--format <f>", "csv or parquet", "csv")
    .option("--attempts <n>", "tries per shard when a worker fails", "3")
    .option("--queue <name>", "queue name", QUEUE_NAME)
    .option("--wait", "return when every shard is written", false)
    .addOption(redis())
    .action((model: string, o) => queueCommand(model, o, io));
  program
    .command("worker")
    .description("take shard jobs from the queue until SIGTERM/SIGINT")
    .option("--concurrency <c>", "shards at a time", "1")
    .option("--lock-ms <ms>", "job lock; a worker silent this long is presumed dead and its shard retried", "30000")
    .option("--queue <name>", "queue name", QUEUE_NAME)
    .addOption(redis())
    .action((o) => workerCommand(o, io));
  return program;
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to the exit code.
 * @param argv - e.g. `["sample", "model.json", "--rows", "1000", "--out", "rows.csv"]`
 * @param io - where lines go (default stdout / stderr)
 */
export async function runSynthlab(argv: readonly string[], io: CliIO = consoleIO): Promise<number> {
  const program = build(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" || e.exitCode === 0) return 0;
      io.err(`synthlab: ${oneLine(e.message.replace(/^error: /, ""))}${e.code === "commander.missingArgument" || e.code === "commander.unknownCommand" ? " (see synthlab --help)" : ""}`);
      return 2;
    }
    if (isSynthlabError(e)) {
      io.err(`${oneLine(e.message)}`);
      return 2;
    }
    io.err(`synthlab: internal error: ${oneLine((e as Error)?.message ?? String(e))} (please report it)`);
    return 1;
  }
}
