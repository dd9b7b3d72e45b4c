import { ParamError, show } from "../core/errors.js";

/** Parsed command-line options of `npm start`. */
export interface CliOptions {
  /** A CSV file to use instead of the bundled dataset. */
  data?: string;
  /** The bundled dataset to use when no CSV is given. */
  dataset: string;
  /** Synthetic rows to draw (default: as many as the real data has). */
  rows?: number;
  seed: number | string;
  out: string;
  help: boolean;
}

export const USAGE = `Usage: npm start -- [options]

Fits synthpop's CART synthesizer to a table, samples synthetic rows and writes
an HTML quality report comparing them with the real rows (the full command is
\`synthlab\`: fit, sample, report, compare; see \`npx synthlab --help\`).

Options:
  --data FILE.csv     a CSV file (header row; every column is modelled, in its own kind)
  --dataset NAME      a bundled table: mlc_churn (default: seed 002's telecom churn table,
                      5,000 x 20), wa_churn, ames; or a dataset: iris, wine, breast_cancer, digits
  --rows N            synthetic rows to draw (default: as many as the real rows)
  --seed S            seed (integer or string; default 11)
  --out FILE.html     where to write the report (default reports/demo.html)
  -h, --help          this help
`;

/** Parses `--key value` / `--key=value` arguments; unknown flags are errors. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { dataset: "mlc_churn", seed: 11, out: "reports/demo.html", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") {
      opts.help = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ParamError("synthlab", "argv", arg, `unexpected argument ${show(arg)}.\n\n${USAGE}`);
    const key = m[1]!;
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ParamError("synthlab", key, undefined, `--${key} needs a value.`);
    switch (key) {
      case "data":
        opts.data = value;
        break;
      case "dataset":
        opts.dataset = value;
        break;
      case "rows": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new ParamError("synthlab", "rows", value, `--rows must be an integer >= 1, got ${show(value)}.`);
        opts.rows = n;
        break;
      }
      case "seed":
        opts.seed = /^\d+$/.test(value) ? Number(value) : value;
        break;
      case "out":
        opts.out = value;
        break;
      default:
        throw new ParamError("synthlab", key, value, `unknown option --${key}.\n\n${USAGE}`);
    }
  }
  return opts;
}
