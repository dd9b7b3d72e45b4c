/**
 * Conditions for CTGAN and TVAE (internal): the shared base hands over
 * conditions on model columns (`ModelCondition`, an interval of model values).
 * One on a discrete column's level goes into CTGAN's conditional vector (the
 * generator then produces that level for nearly every row, as CTGAN's
 * `sample(condition_column, condition_value)`), and every condition is then
 * checked here, rows that miss one are redrawn, so `sampleModel` returns
 * exactly n rows that all carry their conditions.
 */
import { DataError } from "../core/errors.js";
import type { ModelCondition } from "../tabular/synthesizer.js";
import type { CtganTransformer } from "./ctgan-transformer.js";

/** Rows drawn at most per requested row before giving up. */
const MAX_TRIES_PER_ROW = 100;

/** The conditional-vector level (the first condition on a discrete column) and the conditions to check (all of them). */
export function conditionPlan(t: CtganTransformer, conditions: readonly ModelCondition[]): { vector?: { column: number; level: number }; rest: ModelCondition[] } {
  let vector: { column: number; level: number } | undefined;
  const rest: ModelCondition[] = [];
  // discrete columns in transformer order; index among discrete columns = position in the sampler
  const discrete = t.columns.filter((c) => c.type === "discrete");
  for (const c of conditions) {
    const d = discrete.findIndex((x) => x.column === c.column);
    if (d >= 0 && vector === undefined) {
      const info = discrete[d]! as Extract<(typeof discrete)[number], { type: "discrete" }>;
      const level = info.lo.findIndex((lo, k) => lo + info.width[k]! / 2 >= c.lo && lo + info.width[k]! / 2 <= c.hi);
      if (level >= 0) vector = { column: d, level };
    }
    rest.push(c);
  }
  return { ...(vector ? { vector } : {}), rest };
}

/**
 * `n` rows of model columns meeting `rest`: `draw(want)` returns blocks of
 * columns (at least `want` rows in all); rows outside a condition's interval
 * are dropped and more are drawn.
 * @throws DataError when fewer than n rows pass after 100 × n draws
 */
export function acceptRows(where: string, n: number, nCols: number, rest: readonly ModelCondition[], draw: (want: number) => Float64Array[][]): Float64Array[] {
  const out = Array.from({ length: nCols }, () => new Float64Array(n));
  let got = 0;
  let drawn = 0;
  while (got < n) {
    if (drawn >= MAX_TRIES_PER_ROW * Math.max(n, 1)) {
      throw new DataError(where, "conditions", rest, `drew ${drawn} rows but only ${got} of the ${n} requested met the conditions; the model rarely produces such rows. Relax them.`);
    }
    const blocks = draw(n - got);
    for (const cols of blocks) {
      const m = cols[0]?.length ?? 0;
      drawn += m;
      for (let i = 0; i < m && got < n; i++) {
        let ok = true;
        for (const c of rest) {
          const v = cols[c.column]![i]!;
          if (!(v >= c.lo && v <= c.hi)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        for (let j = 0; j < nCols; j++) out[j]![got] = cols[j]![i]!;
        got++;
      }
    }
  }
  return out;
}
