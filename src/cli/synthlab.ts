#!/usr/bin/env node
/** The `synthlab` command (package.json "bin"); see program.ts. */
import { runSynthlab } from "./program.js";

const code = await runSynthlab(process.argv.slice(2));
// exit now: a queue connection or worker pool must not keep the process alive after the command is done
process.exit(code);
