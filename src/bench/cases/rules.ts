import type { Table } from "../../core/table.js";
import { field } from "../../rules/field.js";
import { rules } from "../../rules/rules.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

/**
 * Seed 003's rule-based generator. The peer builds a list of Python dicts
 * with `random.randint` / `random.choice` in a loop; synthlab fills three
 * typed columns of a Table (the same rules, both ends of each range included).
 */
export const RULES_CASES: BenchCase[] = [
  {
    name: "rules_1m",
    params: (s) =>
      `rules({ age: field.integers(18, 70), income: field.integers(30000, 150000), purchased: field.choice([0, 1]) }).sample(${scaled(1_000_000, s)}, { seed: 11 }) -> Table`,
    setup: (s) => {
      const n = scaled(1_000_000, s);
      const g = rules({ age: field.integers(18, 70), income: field.integers(30000, 150000), purchased: field.choice([0, 1]) });
      return { op: () => g.sample(n, { seed: SEED }), info: (r) => ({ rows_out: (r as Table).nRows }) };
    },
  },
];
