/**
 * Fixed combinations, for detectConstraints: pairs of discrete columns where
 * a combination expected at least `minEvidence` times under independence
 * never occurs, merged into groups of at most `maxCombinations` observed
 * combinations.
 */
import type { Column } from "../../core/column.js";
import type { Constraint } from "../types.js";

type FixedCombinations = Extract<Constraint, { type: "fixedCombinations" }>;

/** A discrete column as level codes 0..levels−1 (missing is a level of its own). */
export interface DiscreteCodes {
  name: string;
  codes: Int32Array;
  levels: number;
}

/** Level codes of a categorical, boolean or number column (missing is a level). */
export function discreteCodes(col: Column): DiscreteCodes {
  const n = col.values.length;
  const codes = new Int32Array(n);
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let v = col.values[i]!;
    if (col.kind === "categorical" || col.kind === "boolean") v = v < 0 ? -1 : v;
    else if (v !== v) v = -Infinity; // missing number: a key Map can hold (NaN works too, but be explicit)
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = index.size));
    codes[i] = c;
  }
  return { name: col.name, codes, levels: index.size };
}

/** Per row, the code of its combination of `a` and `b`, and the number of combinations seen. */
function combine(a: Int32Array, la: number, b: Int32Array, lb: number): { codes: Int32Array; levels: number } {
  const index = new Int32Array(la * lb).fill(-1);
  const codes = new Int32Array(a.length);
  let levels = 0;
  for (let i = 0; i < a.length; i++) {
    const key = b[i]! * la + a[i]!;
    if (index[key]! < 0) index[key] = levels++;
    codes[i] = index[key]!;
  }
  return { codes, levels };
}

/**
 * The strength of the evidence that a pair's combinations are restricted:
 * the largest count expected under independence among the combinations
 * that never occur (0 when every such expectation is below minEvidence).
 */
function pairEvidence(a: DiscreteCodes, b: DiscreteCodes, n: number, minEvidence: number): number {
  const counts = new Int32Array(a.levels * b.levels);
  const ma = new Float64Array(a.levels);
  const mb = new Float64Array(b.levels);
  for (let i = 0; i < n; i++) {
    counts[a.codes[i]! * b.levels + b.codes[i]!]!++;
    ma[a.codes[i]!]!++;
    mb[b.codes[i]!]!++;
  }
  let best = 0;
  for (let u = 0; u < a.levels; u++) {
    for (let v = 0; v < b.levels; v++) {
      if (counts[u * b.levels + v] !== 0) continue;
      const expected = (ma[u]! * mb[v]!) / n;
      if (expected >= minEvidence && expected > best) best = expected;
    }
  }
  return best;
}

/**
 * Groups of columns with fixed combinations: the restricted pairs, strongest
 * first, merged (as connected components) while the merged group's observed
 * combinations stay within `maxCombinations`. Columns in table order.
 */
export function detectFixedCombinations(n: number, columns: readonly DiscreteCodes[], minEvidence: number, maxCombinations: number): FixedCombinations[] {
  const usable = columns.filter((c) => c.levels >= 2 && c.levels <= maxCombinations);
  const pairs: { i: number; j: number; strength: number }[] = [];
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const strength = pairEvidence(usable[i]!, usable[j]!, n, minEvidence);
      if (strength > 0) pairs.push({ i, j, strength });
    }
  }
  pairs.sort((p, q) => q.strength - p.strength || p.i - q.i || p.j - q.j);
  // groups: members (indices into usable), combination codes per row, and their count
  const groupOf = usable.map((_, i) => i);
  const groups = new Map<number, { members: number[]; codes: Int32Array; levels: number }>(
    usable.map((c, i) => [i, { members: [i], codes: c.codes, levels: c.levels }]),
  );
  for (const { i, j } of pairs) {
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const a = groups.get(gi)!;
    const b = groups.get(gj)!;
    const merged = combine(a.codes, a.levels, b.codes, b.levels);
    if (merged.levels > maxCombinations) continue;
    const members = [...a.members, ...b.members];
    groups.set(gi, { members, codes: merged.codes, levels: merged.levels });
    groups.delete(gj);
    for (const m of b.members) groupOf[m] = gi;
  }
  return [...groups.values()]
    .filter((g) => g.members.length >= 2)
    .map((g) => g.members.sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!)
    .map((m) => ({ type: "fixedCombinations", columns: m.map((k) => usable[k]!.name) }));
}
