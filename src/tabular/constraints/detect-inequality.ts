/**
 * Inequalities with evidence, for detectConstraints: `low <= high` on every
 * row where both are present, reported only when independent columns would
 * have broken it at least `minEvidence` times, and only when no chain of
 * other detected inequalities implies it.
 */
import type { Table } from "../../core/table.js";
import type { Constraint } from "../types.js";

type Inequality = Extract<Constraint, { type: "inequality" }>;

interface Edge {
  low: string;
  high: string;
  strict: boolean;
  evidence: number;
}

/**
 * n × P(X_low > X_high) for X_low, X_high drawn independently from the two
 * columns' values on the rows where both are present: the number of rows
 * expected to break `low <= high` if the columns were independent. Sorting,
 * O(n log n).
 */
export function expectedViolations(low: Float64Array, high: Float64Array, sorted?: { low: Float64Array; high: Float64Array }): number {
  let a: Float64Array;
  let b: Float64Array;
  if (sorted) ({ low: a, high: b } = sorted);
  else {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let i = 0; i < low.length; i++) {
      if (low[i] === low[i] && high[i] === high[i]) (lo.push(low[i]!), hi.push(high[i]!));
    }
    a = Float64Array.from(lo).sort();
    b = Float64Array.from(hi).sort();
  }
  const n = a.length;
  if (n === 0) return 0;
  let j = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    while (j < n && b[j]! < a[i]!) j++;
    pairs += j; // highs strictly below this low
  }
  return pairs / n;
}

/** How two columns compare on rows where both are present: counts of a > b, a < b, a == b (stops once both orders fail). */
function compare(a: Float64Array, b: Float64Array): { gt: number; lt: number; eq: number } {
  let gt = 0;
  let lt = 0;
  let eq = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    if (x > y) gt++;
    else if (x < y) lt++;
    else eq++;
    if (gt > 0 && lt > 0) break;
  }
  return { gt, lt, eq };
}

/** True when a chain of at least two other edges leads from edge.low to edge.high through columns with no missing value (a strict edge needs a strict link). */
function implied(edge: Edge, out: Map<string, Edge[]>, complete: Set<string>): boolean {
  const seen = new Set<string>();
  const stack: [string, boolean, number][] = [[edge.low, false, 0]];
  while (stack.length) {
    const [node, strict, len] = stack.pop()!;
    for (const e of out.get(node) ?? []) {
      if (e === edge) continue;
      const s = strict || e.strict;
      if (e.high === edge.high) {
        if (len >= 1 && (s || !edge.strict)) return true;
        continue;
      }
      if (!complete.has(e.high)) continue;
      const key = `${e.high}\u0000${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push([e.high, s, len + 1]);
    }
  }
  return false;
}

/**
 * Inequalities among each family of columns (numbers, datetimes), reduced
 * and ordered so that one whose `lowColumn` is another's `highColumn` comes
 * first (its transform needs that column before the other replaces it).
 */
export function detectInequalities(table: Table, families: readonly (readonly string[])[], minEvidence: number): Inequality[] {
  const edges: Edge[] = [];
  const complete = new Set<string>();
  for (const names of families) {
    const vals = names.map((n) => table.columnInfo(n).values as Float64Array);
    // sorted values of complete columns, computed once (pairs of complete columns need no row filtering)
    const sorted = vals.map((v) => (v.every((x) => x === x) ? Float64Array.from(v).sort() : null));
    names.forEach((n, i) => {
      if (sorted[i]) complete.add(n);
    });
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const { gt, lt, eq } = compare(vals[i]!, vals[j]!);
        if (gt > 0 && lt > 0) continue;
        if (gt === 0 && lt === 0) continue; // equal wherever both are present: not an inequality
        const [lo, hi] = gt === 0 ? [i, j] : [j, i];
        const pre = sorted[lo] && sorted[hi] ? { low: sorted[lo]!, high: sorted[hi]! } : undefined;
        const evidence = expectedViolations(vals[lo]!, vals[hi]!, pre);
        if (evidence >= minEvidence) edges.push({ low: names[lo]!, high: names[hi]!, strict: eq === 0, evidence });
      }
    }
  }
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.low, [...(out.get(e.low) ?? []), e]);
  const kept = edges.filter((e) => !implied(e, out, complete));
  // topological depth of each column in the kept graph (edges low → high)
  const into = new Map<string, string[]>();
  for (const e of kept) into.set(e.high, [...(into.get(e.high) ?? []), e.low]);
  const depthMemo = new Map<string, number>();
  const depth = (c: string): number => {
    if (!depthMemo.has(c)) {
      depthMemo.set(c, 0); // a cycle (possible only through missing values) stops here
      depthMemo.set(c, Math.max(0, ...(into.get(c) ?? []).map((l) => 1 + depth(l))));
    }
    return depthMemo.get(c)!;
  };
  return kept
    .map((e, i) => ({ e, i, d: depth(e.high) }))
    .sort((p, q) => q.d - p.d || (p.e.high === q.e.high ? q.e.evidence - p.e.evidence : 0) || p.i - q.i)
    .map(({ e }) => (e.strict ? { type: "inequality", lowColumn: e.low, highColumn: e.high, strict: true } : { type: "inequality", lowColumn: e.low, highColumn: e.high }));
}
