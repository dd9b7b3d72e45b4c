/**
 * numpy's `Generator.shuffle`, `permutation` and `choice` index logic: the
 * same draws (masked-rejection `random_interval` for shuffles, Lemire for
 * index draws, Floyd's algorithm or a tail shuffle without replacement,
 * inverse-CDF search with probabilities).
 */
import { boundedInt, fillBoundedInt, randomInterval } from "./integers.js";
import type { WordStream } from "./stream.js";

/** Fisher–Yates from the end, j = random_interval(i) (numpy's `shuffle`). */
export function shuffleInPlace(st: WordStream, x: { length: number; [i: number]: unknown }): void {
  for (let i = x.length - 1; i > 0; i--) {
    const j = randomInterval(st, i);
    const t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}

/** numpy's `_shuffle_int`: Fisher–Yates on indices `[first, n)` with Lemire draws. */
function shuffleInt(st: WordStream, n: number, first: number, data: Float64Array): void {
  for (let i = n - 1; i >= first; i--) {
    const j = boundedInt(st, i + 1);
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  }
}

/** The index of the first cdf entry > u (numpy's `searchsorted(side="right")`). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i]!;
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** `size` indices into a population of `popSize`, as numpy's `choice` draws them. */
export function choiceIndices(st: WordStream, popSize: number, size: number, replace: boolean, p: Float64Array | null, uniform: (n: number) => Float64Array): Float64Array {
  if (replace) {
    const out = new Float64Array(size);
    if (p) {
      const cdf = normalizedCdf(p);
      const u = uniform(size);
      for (let i = 0; i < size; i++) out[i] = searchRight(cdf, u[i]!);
    } else {
      fillBoundedInt(st, out, 0, popSize);
    }
    return out;
  }
  if (p) {
    const pp = p.slice();
    const found = new Float64Array(size);
    let nUniq = 0;
    while (nUniq < size) {
      const x = uniform(size - nUniq);
      for (let i = 0; i < nUniq; i++) pp[found[i]!] = 0;
      const cdf = normalizedCdf(pp);
      const seen = new Set<number>();
      for (let i = 0; i < x.length; i++) {
        const v = searchRight(cdf, x[i]!);
        if (!seen.has(v)) {
          seen.add(v);
          // numpy keeps the first occurrence of each new value, in draw order
          found[nUniq++] = v;
        }
      }
    }
    return found;
  }
  if (popSize > 10000 && size > Math.floor(popSize / 50)) {
    const idx = new Float64Array(popSize);
    for (let i = 0; i < popSize; i++) idx[i] = i;
    shuffleInt(st, popSize, Math.max(popSize - size, 1), idx);
    return idx.slice(popSize - size);
  }
  // Floyd's algorithm, then a shuffle of the picks.
  const out = new Float64Array(size);
  const chosen = new Set<number>();
  for (let j = popSize - size; j < popSize; j++) {
    const val = boundedInt(st, j + 1);
    const pick = chosen.has(val) ? j : val;
    chosen.add(pick);
    out[j - popSize + size] = pick;
  }
  shuffleInt(st, size, 1, out);
  return out;
}
