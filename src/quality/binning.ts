/**
 * Equal-width bins as numpy draws them: edges from `numpy.histogram_bin_edges`
 * (numpy's `linspace`: edge k = lo + k · ((hi − lo) / bins), the last edge
 * exactly hi), and half-open bins [edge k, edge k+1), so a value on an edge
 * goes to the upper bin. `numpy.histogram` closes the last bin ([…, hi]);
 * SDMetrics' `discretize_column` opens both ends to ±∞ and bins with
 * `numpy.digitize`. Both are here, so the report's figures and its
 * Column Pair Trends bin as the references do.
 */

/**
 * numpy.histogram_bin_edges(values, bins) for equal-width bins: `bins + 1`
 * edges over the finite values' [min, max] (min − 0.5 and max + 0.5 when
 * they are equal, [0, 1] when there is no finite value).
 *
 * @param values - the values (NaN and ±Infinity skipped)
 * @param bins - the number of bins (integer >= 1)
 * @returns the edges, ascending
 * @example
 * Array.from(histogramBinEdges([0, 1, 2, 3], 3)); // => [0, 1, 2, 3]
 * Array.from(histogramBinEdges([5, 5], 2)); // => [4.5, 5, 5.5]
 */
export function histogramBinEdges(values: ArrayLike<number>, bins: number): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi && Number.isFinite(lo) && Number.isFinite(hi))) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return linspaceEdges(lo, hi, bins);
}

/** numpy.linspace(lo, hi, bins + 1): k · step + lo, the last edge exactly hi. */
function linspaceEdges(lo: number, hi: number, bins: number): Float64Array {
  const step = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) edges[k] = k * step + lo;
  edges[bins] = hi;
  return edges;
}

/**
 * The bin of `v` among equal-width `edges` (from {@link histogramBinEdges}):
 * k with edges[k] <= v < edges[k + 1], found as numpy.histogram does (an
 * estimate from the bin width, then corrected against the edges). Values
 * below the first edge give -1, values at or above the last give
 * `edges.length - 1` (callers decide what the ends mean); NaN gives -2.
 * Internal (used by the public binning functions and the tests).
 */
export function binOf(v: number, edges: Float64Array): number {
  if (v !== v) return -2;
  const bins = edges.length - 1;
  const lo = edges[0]!;
  const hi = edges[bins]!;
  if (v < lo) return -1;
  if (v >= hi) return bins;
  let k = Math.floor(((v - lo) * bins) / (hi - lo));
  if (k >= bins) k = bins - 1;
  if (k < 0) k = 0;
  while (k > 0 && v < edges[k]!) k--;
  while (k < bins - 1 && v >= edges[k + 1]!) k++;
  return k;
}

/**
 * numpy.histogram(values, bins=edges) counts: half-open bins, the last one
 * closed (a value equal to the last edge counts in the last bin); values
 * outside the edges and NaN are not counted.
 *
 * @example
 * Array.from(histogramCounts([0, 1, 1, 2, 3], histogramBinEdges([0, 3], 3))); // => [1, 2, 2]
 */
export function histogramCounts(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let k = binOf(v, edges);
    if (k === bins && v === edges[bins]) k = bins - 1;
    if (k >= 0 && k < bins) counts[k]! += 1;
  }
  return counts;
}

/**
 * SDMetrics' `discretize_column` on codes: the real values' `bins`
 * equal-width edges with the outer two opened to ±∞, then
 * `numpy.digitize` (half-open bins). Codes are 0 .. bins − 1; a missing
 * value gets `bins` (its own category, as `groupby(dropna=False)` keeps it).
 *
 * @param real - the real values (NaN missing)
 * @param synthetic - the synthetic values, binned on the real edges
 * @param bins - SDMetrics' `num_discrete_bins`. @defaultValue 10
 * @returns codes of both, and `levels` = bins + 1
 * @example
 * Array.from(discretizeColumn([0, 10], [0, 1, 5, 9.99, 10, 99, NaN], 10).synthetic); // => [0, 1, 5, 9, 9, 9, 10]
 */
export function discretizeColumn(real: ArrayLike<number>, synthetic: ArrayLike<number>, bins = 10): { real: Int32Array; synthetic: Int32Array; levels: number } {
  const edges = histogramBinEdges(real, bins);
  const code = (x: ArrayLike<number>) => {
    const out = new Int32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const k = binOf(x[i]!, edges);
      out[i] = k === -2 ? bins : k < 0 ? 0 : k >= bins ? bins - 1 : k;
    }
    return out;
  };
  return { real: code(real), synthetic: code(synthetic), levels: bins + 1 };
}
