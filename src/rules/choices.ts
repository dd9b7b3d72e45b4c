/** Choice fields: `choice` with weights, `boolean`, `constant`. */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkFinite, mergeOptions } from "../core/validate.js";
import { searchSorted } from "../tabular/transformer.js";
import { columnOfValues, impl, type DrawnColumn, type Field } from "./field-core.js";


/** Options of {@link field}`.choice`. */
export interface ChoiceOptions {
  /** Weights of the values (any non-negative numbers with a positive sum; divided by their sum). @defaultValue equal weights */
  p?: readonly number[] | undefined;
}

/**
 * One of `values`, with weights `p` (numpy's `choice(a, p=p)`, but `p` is
 * normalized). Strings give a categorical column, numbers a numeric one,
 * booleans a boolean one. Under a correlation the values are taken in the
 * order given (an ordinal scale).
 */
export function choice<const V extends string | number | boolean>(values: readonly V[], options?: ChoiceOptions): Field<V> {
  const where = "field.choice";
  if (!Array.isArray(values) || values.length === 0) throw new ParamError(where, "values", values, `'values' must be a non-empty array, got ${show(values)}.`);
  const t = typeof values[0];
  if (!values.every((v) => typeof v === t && (t !== "number" || Number.isFinite(v))) || (t !== "string" && t !== "number" && t !== "boolean")) {
    throw new ParamTypeError(where, "values", values, `'values' must be all strings, all finite numbers or all booleans, got ${show(values)}.`);
  }
  if (new Set(values).size !== values.length) throw new ParamError(where, "values", values, `'values' must be distinct, got ${show(values)}.`);
  const o = mergeOptions(where, { p: undefined } as ChoiceOptions, options);
  const k = values.length;
  let cum: Float64Array | null = null;
  if (o.p !== undefined) {
    const p = o.p;
    if (!Array.isArray(p) && !ArrayBuffer.isView(p)) throw new ParamTypeError(where, "p", p, `'p' must be an array of weights, got ${show(p)}.`);
    if (p.length !== k) throw new ParamError(where, "p", p, `'p' must have one weight per value (${k}), got ${p.length}.`);
    let s = 0;
    for (let i = 0; i < k; i++) {
      const w = p[i]!;
      if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new ParamError(where, "p", p, `weights must be finite numbers >= 0, but p[${i}] is ${show(w)}.`);
      s += w;
    }
    if (!(s > 0)) throw new ParamError(where, "p", p, `the weights must sum to a positive number, got ${s}.`);
    cum = new Float64Array(k);
    let acc = 0;
    for (let i = 0; i < k; i++) cum[i] = acc += p[i]! / s;
    cum[k - 1] = 1;
  }
  const pick = (u: number): number => {
    if (cum === null) return Math.min(k - 1, Math.floor(u * k));
    return searchSorted(cum, u);
  };
  const fromIndex = (idx: ArrayLike<number>): DrawnColumn => {
    if (t === "string") return { kind: "categorical", values: Int32Array.from(idx), categories: values as readonly string[] };
    if (t === "boolean") return { kind: "boolean", values: Int8Array.from(idx, (i) => ((values[i] as boolean) ? 1 : 0)) };
    const nums = values as readonly number[];
    const kind = nums.every(Number.isInteger) ? "integer" : "numeric";
    // choice([0, 1, ...]): the indices are the values.
    if (idx instanceof Float64Array && nums.every((v, i) => v === i)) return { kind, values: idx };
    const out = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = nums[idx[i]!]!;
    return { kind, values: out };
  };
  return impl<V>({
    type: "choice",
    description: `choice(${show(values)}${o.p ? `, { p: ${show(o.p)} }` : ""})`,
    draw: ({ rng, positions }) => {
      const n = positions.length;
      if (cum === null) return fromIndex(rng.integers(0, k, n));
      const u = rng.random(n);
      const idx = new Int32Array(n);
      for (let i = 0; i < n; i++) idx[i] = pick(u[i]!);
      return fromIndex(idx);
    },
    quantile: (u) => fromIndex(Int32Array.from(u, pick)),
  });
}

/** `true` with probability `p`. */
export function boolean(p = 0.5): Field<boolean> {
  const where = "field.boolean";
  checkFinite(where, "p", p);
  if (p < 0 || p > 1) throw new ParamError(where, "p", p, `'p' must be a probability in [0, 1], got ${p}.`);
  return impl<boolean>({
    type: "boolean",
    description: `boolean(${p})`,
    draw: ({ rng, positions }) => {
      const u = rng.random(positions.length);
      const out = new Int8Array(u.length);
      for (let i = 0; i < u.length; i++) out[i] = u[i]! < p ? 1 : 0;
      return { kind: "boolean", values: out };
    },
    quantile: (u) => ({ kind: "boolean", values: Int8Array.from(u, (x) => (x >= 1 - p ? 1 : 0)) }),
  });
}

/** The same value on every row. */
export function constant<const V extends string | number | boolean>(value: V): Field<V> {
  const where = "field.constant";
  if (typeof value !== "string" && typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value))) {
    throw new ParamTypeError(where, "value", value, `'value' must be a string, a finite number or a boolean, got ${show(value)}.`);
  }
  return impl<V>({
    type: "constant",
    description: `constant(${show(value)})`,
    draw: ({ positions }) => columnOfValues(where, "value", Array.from({ length: positions.length }, () => value)),
  });
}
