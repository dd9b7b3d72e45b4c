import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";

/** A class label. */
export type Label = number | string;

/**
 * imbalanced-learn's `sampling_strategy` for over-samplers: a name
 * (`"auto"` = `"not majority"`, `"minority"`, `"not minority"`, `"all"`),
 * a float ratio (binary targets: minority count after resampling =
 * ratio × majority count), or a map class → desired count after resampling
 * (a `Map` or an object keyed by the label's string form).
 */
export type SamplingStrategy =
  | "auto"
  | "minority"
  | "not minority"
  | "not majority"
  | "all"
  | number
  | Map<Label, number>
  | Record<string, number>;

/**
 * Class counts in first-occurrence order (Python's `Counter(y)`).
 * @param y - labels
 * @returns a Map label → count
 * @example
 * [...classCounts([1, 0, 1, 1])]; // => [[1, 3], [0, 1]]
 */
export function classCounts(y: ArrayLike<Label>): Map<Label, number> {
  if (y instanceof Int32Array) {
    const counted = int32Counts(y);
    if (counted) return counted;
  }
  const m = new Map<Label, number>();
  for (let i = 0; i < y.length; i++) m.set(y[i]!, (m.get(y[i]!) ?? 0) + 1);
  return m;
}

/** Int32 labels spanning at most 65,536 values, counted in an array (the Map in order of first appearance, as the generic path); null for wider spans. */
function int32Counts(y: Int32Array): Map<Label, number> | null {
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (i === 0 || v < lo) lo = v;
    if (i === 0 || v > hi) hi = v;
  }
  if (hi - lo >= 65536) return null;
  const counts = new Int32Array(hi - lo + 1);
  const order: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const c = y[i]! - lo;
    if (counts[c]!++ === 0) order.push(c);
  }
  const m = new Map<Label, number>();
  for (const c of order) m.set(c + lo, counts[c]!);
  return m;
}

const compareLabels = (a: Label, b: Label): number =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

/**
 * How many rows to generate per class, imbalanced-learn's
 * `check_sampling_strategy(..., "over-sampling")`: classes sorted by label,
 * counts of new rows (0 for classes left alone).
 * @throws DataError for a single class; ParamError for a bad strategy
 */
export function overSamplingTargets(where: string, strategy: SamplingStrategy, y: ArrayLike<Label>): Map<Label, number> {
  const counts = classCounts(y);
  if (counts.size <= 1) {
    throw new DataError(where, "y", counts.size, `the target 'y' needs more than 1 class, got ${counts.size}. For one unlabeled sample use smote(X, { nSamples }).`);
  }
  let majority: Label | undefined;
  let minority: Label | undefined;
  for (const [k, v] of counts) {
    if (majority === undefined || v > counts.get(majority)!) majority = k;
    if (minority === undefined || v < counts.get(minority)!) minority = k;
  }
  const nMaj = counts.get(majority!)!;
  const out = new Map<Label, number>();
  if (typeof strategy === "string") {
    for (const [k, v] of counts) {
      const take =
        strategy === "all" ? true
        : strategy === "auto" || strategy === "not majority" ? k !== majority
        : strategy === "not minority" ? k !== minority
        : strategy === "minority" ? k === minority
        : undefined;
      if (take === undefined) {
        throw new ParamError(
          where,
          "samplingStrategy",
          strategy,
          `'samplingStrategy' must be "auto", "minority", "not minority", "not majority", "all", a float ratio or a map of class counts, got ${show(strategy)}.`,
        );
      }
      if (take) out.set(k, nMaj - v);
    }
  } else if (typeof strategy === "number") {
    if (!(strategy > 0 && strategy <= 1)) {
      throw new ParamError(where, "samplingStrategy", strategy, `a float 'samplingStrategy' must be in (0, 1], got ${show(strategy)}.`);
    }
    if (counts.size !== 2) {
      throw new ParamError(where, "samplingStrategy", strategy, `a float 'samplingStrategy' needs a binary target (2 classes), got ${counts.size} classes. For several classes use a map of counts.`);
    }
    for (const [k, v] of counts) {
      if (k === majority) continue;
      const n = Math.trunc(nMaj * strategy - v);
      if (n < 0) {
        throw new ParamError(where, "samplingStrategy", strategy, `the ratio ${strategy} asks for fewer minority rows (${Math.trunc(nMaj * strategy)}) than there are (${v}); over-sampling cannot remove rows. Increase the ratio.`);
      }
      out.set(k, n);
    }
  } else if (strategy instanceof Map || (strategy && typeof strategy === "object")) {
    const entries: [Label, number][] = strategy instanceof Map ? [...strategy.entries()] : Object.entries(strategy);
    for (const [key, want] of entries) {
      const label = [...counts.keys()].find((k) => k === key || String(k) === String(key));
      if (label === undefined) throw new ParamError(where, "samplingStrategy", key, `class ${show(key)} is not present in y (classes: ${[...counts.keys()].map(show).join(", ")}).`);
      if (typeof want !== "number" || !Number.isInteger(want) || want < 0) {
        throw new ParamError(where, "samplingStrategy", want, `the count asked for class ${show(key)} must be an integer >= 0, got ${show(want)}.`);
      }
      const have = counts.get(label)!;
      if (want < have) {
        throw new ParamError(where, "samplingStrategy", want, `over-sampling cannot shrink class ${show(key)}: it has ${have} rows and ${want} were asked.`);
      }
      out.set(label, want - have);
    }
  } else {
    throw new ParamTypeError(where, "samplingStrategy", strategy, `'samplingStrategy' must be a string, a number or a map, got ${show(strategy)}.`);
  }
  return new Map([...out.entries()].sort((a, b) => compareLabels(a[0], b[0])));
}

/** Row indices of each label. */
export function indicesOf(y: ArrayLike<Label>, label: Label): Int32Array {
  let n = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === label) n++;
  const out = new Int32Array(n);
  let t = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === label) out[t++] = i;
  return out;
}
