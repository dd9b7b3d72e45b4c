/**
 * Linear rules with rounding, for detectConstraints: `y = round(slope × x + intercept, decimals)`
 * holding exactly on every row where both are present.
 */
import { pairwiseMoments } from "../../core/linalg.js";
import type { Table } from "../../core/table.js";
import type { Constraint } from "../types.js";
import { linearValue } from "./linear.js";
import { maxDecimals, roundDecimals } from "./shared.js";

type Linear = Extract<Constraint, { type: "linear" }>;

/** |r| above this makes a pair a candidate. */
const MIN_ABS_R = 0.9999;
/** Decimals tried for slope and intercept. */
const MAX_NICE_DECIMALS = 8;
/** A target with more decimals than this is not a rounded value. */
const MAX_TARGET_DECIMALS = 12;

interface NumberColumn {
  name: string;
  values: Float64Array;
  hasMissing: boolean;
  decimals: number;
  present: Float64Array;
  distinctCount: number;
  /** Present values centred and scaled to unit norm (no-missing columns only), for fast correlations. */
  unit: Float64Array | null;
}

function describe(name: string, values: Float64Array): NumberColumn {
  const present = new Float64Array(values.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      present[n++] = v;
      sum += v;
    }
  }
  const hasMissing = n < values.length;
  let unit: Float64Array | null = null;
  if (!hasMissing && n > 0) {
    const mean = sum / n;
    const u = new Float64Array(n);
    let ss = 0;
    for (let i = 0; i < n; i++) {
      u[i] = values[i]! - mean;
      ss += u[i]! * u[i]!;
    }
    const norm = Math.sqrt(ss);
    if (norm > 0) {
      for (let i = 0; i < n; i++) u[i]! /= norm;
      unit = u;
    }
  }
  return { name, values, hasMissing, decimals: maxDecimals(values), present: present.subarray(0, n), distinctCount: -1, unit };
}

/** Distinct present values (computed on first use: only candidate pairs need it). */
function distinct(c: NumberColumn): number {
  if (c.distinctCount < 0) {
    const sorted = Float64Array.from(c.present).sort();
    let k = sorted.length > 0 ? 1 : 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) k++;
    c.distinctCount = k;
  }
  return c.distinctCount;
}

/** True when the column has at least 3 distinct present values. */
function varied(c: NumberColumn): boolean {
  const p = c.present;
  let other = NaN;
  for (let i = 1; i < p.length; i++) {
    if (p[i] !== p[0]) {
      if (other !== other) other = p[i]!;
      else if (p[i] !== other) return true;
    }
  }
  return false;
}

/** Pearson correlation on rows where both are present (two passes, centred), and that row count. */
function pearson(a: NumberColumn, b: NumberColumn): { r: number; n: number } {
  if (a.unit && b.unit) {
    let r = 0;
    for (let i = 0; i < a.unit.length; i++) r += a.unit[i]! * b.unit[i]!;
    return { r, n: a.unit.length };
  }
  const { n, sxx, syy, sxy } = pairwiseMoments(a.values, b.values);
  if (n < 3) return { r: 0, n };
  return { r: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0, n };
}

/** True when y = linearValue(slope, intercept, d, x) on every row where both are present. */
function reproduces(x: Float64Array, y: Float64Array, slope: number, intercept: number, d: number): boolean {
  for (let i = 0; i < x.length; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (u === u && v === v && linearValue(slope, intercept, d, u) !== v) return false;
  }
  return true;
}

/** Least-squares slope of y on x, and the mean of y − s·x for a given slope. */
function leastSquares(x: Float64Array, y: Float64Array): { slope: number; offset: (s: number) => number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i]) (n++, (sx += x[i]!), (sy += y[i]!));
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      sxx += (x[i]! - mx) * (x[i]! - mx);
      sxy += (x[i]! - mx) * (y[i]! - my);
    }
  }
  return { slope: sxy / sxx, offset: (s) => my - s * mx };
}

/** The nicest rule y = round(s·x + a, d) reproducing every row: fewest decimals k, intercept 0 first. */
export function niceRule(x: Float64Array, y: Float64Array, d: number): { slope: number; intercept: number; k: number } | null {
  const { slope, offset } = leastSquares(x, y);
  if (!Number.isFinite(slope)) return null;
  for (let k = 0; k <= MAX_NICE_DECIMALS; k++) {
    const u = 10 ** -k;
    const s0 = roundDecimals(slope, k);
    for (const s of new Set([s0, roundDecimals(s0 - u, k), roundDecimals(s0 + u, k)])) {
      if (s === 0) continue;
      const a0 = roundDecimals(offset(s), k);
      for (const a of new Set([0, a0, roundDecimals(a0 - u, k), roundDecimals(a0 + u, k)])) {
        if (reproduces(x, y, s, a, d)) return { slope: s, intercept: a, k };
      }
    }
  }
  return null;
}

interface Found {
  rule: Linear;
  k: number;
  from: NumberColumn;
  target: NumberColumn;
}

/** Which of the two directions of a pair to keep (both reproduce every row): the target is the rounded one. */
function prefer(a: Found, b: Found): Found {
  if (a.from.decimals !== b.from.decimals) return a.from.decimals < b.from.decimals ? a : b;
  const da = distinct(a.target);
  const db = distinct(b.target);
  if (da !== db) return da < db ? a : b;
  if (a.k !== b.k) return a.k < b.k ? a : b;
  return a;
}

/**
 * Exact linear rules among the number columns (see detectConstraints),
 * ordered so that a rule whose `from` is another rule's target comes first.
 */
export function detectLinear(table: Table, names: readonly string[]): Linear[] {
  const cols = names.map((n) => describe(n, table.columnInfo(n).values as Float64Array)).filter(varied);
  const found: Found[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const a = cols[i]!;
      const b = cols[j]!;
      const { r, n } = pearson(a, b);
      if (n < 5 || !(Math.abs(r) > MIN_ABS_R)) continue;
      const tries: Found[] = [];
      for (const [from, target] of [
        [a, b],
        [b, a],
      ] as const) {
        if (target.decimals > MAX_TARGET_DECIMALS) continue;
        const rule = niceRule(from.values, target.values, target.decimals);
        if (rule) {
          tries.push({
            rule: { type: "linear", column: target.name, from: from.name, slope: rule.slope, intercept: rule.intercept, decimals: target.decimals },
            k: rule.k,
            from,
            target,
          });
        }
      }
      if (tries.length === 2) found.push(prefer(tries[0]!, tries[1]!));
      else if (tries.length === 1) found.push(tries[0]!);
    }
  }
  // nicest rules first; no column the target of two rules; no cycles
  found.sort((p, q) => p.k - q.k);
  const targetOf = new Map<string, string>(); // target → from
  const kept: Linear[] = [];
  for (const f of found) {
    const { column, from } = f.rule;
    if (targetOf.has(column)) continue;
    let node: string | undefined = from;
    let cycle = false;
    while (node !== undefined && !cycle) {
      if (node === column) cycle = true;
      node = targetOf.get(node);
    }
    if (cycle) continue;
    targetOf.set(column, from);
    kept.push(f.rule);
  }
  // a rule whose `from` is computed by another rule comes before that rule (reverse runs backwards)
  const depth = (c: string): number => (targetOf.has(c) ? 1 + depth(targetOf.get(c)!) : 0);
  return kept
    .map((rule, i) => ({ rule, i, d: depth(rule.column) }))
    .sort((p, q) => q.d - p.d || p.i - q.i)
    .map((o) => o.rule);
}
