#!/usr/bin/env node
/** `npm start`: the demo job (see `npm start -- --help`). */
import { isSynthlabError } from "../core/errors.js";
import { parseArgs, USAGE } from "./args.js";
import { runDemo } from "./demo.js";

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const t0 = Date.now();
  const r = runDemo(opts);
  console.log(`synthlab: ${r.syntheticRows.toLocaleString("en-US")} synthetic rows from ${r.realRows.toLocaleString("en-US")} real rows of ${r.source}`);
  console.log("two-sample KS statistic per column (0 = same marginal):");
  for (const k of r.ks) console.log(`  ${k.column.padEnd(28)} ${k.statistic.toFixed(4)}  (p = ${k.pvalue.toPrecision(3)})`);
  console.log(`verdict: ${r.verdict.headline}`);
  for (const line of r.verdict.lines) console.log(`  ${line}`);
  console.log(`quality score ${r.score.toFixed(3)} (${r.properties.map((p) => `${p.name} ${p.score.toFixed(3)}`).join(", ")})`);
  console.log(`report: ${r.path}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (isSynthlabError(e)) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 2;
  } else throw e;
}
