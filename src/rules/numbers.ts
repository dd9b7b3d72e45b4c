/** Number fields: `integers` (both ends included) and any registry distribution. */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkFinite, checkInteger, mergeOptions } from "../core/validate.js";
import { distributionFunctions, getDistribution, resolveParams, type DistributionName, type DistributionParams } from "../random/registry.js";
import { impl, roundTo, type DrawnColumn, type Field } from "./field-core.js";


/**
 * Integers in [low, high], both ends included (Python's `random.randint`).
 */
export function integers(low: number, high: number): Field<number> {
  const where = "field.integers";
  checkInteger(where, "low", low);
  checkInteger(where, "high", high);
  if (low > high) throw new ParamError(where, "low", low, `'low' (${low}) must be <= 'high' (${high}); both ends are included.`);
  const span = high - low + 1;
  if (span > 2 ** 53) throw new ParamError(where, "high", high, `the range [${low}, ${high}] exceeds 2^53 integers.`);
  return impl<number>({
    type: "integers",
    description: `integers(${low}, ${high})`,
    draw: ({ rng, positions }) => ({ kind: "integer", values: rng.integers(low, high + 1, positions.length) }),
    quantile: (u) => ({ kind: "integer", values: Float64Array.from(u, (x) => low + Math.min(span - 1, Math.floor(x * span))) }),
  });
}

/** Options of {@link field}`.distribution`, `.normal` and `.uniform`. */
export interface NumberFieldOptions {
  /** Round to this many decimals (after clipping). @defaultValue undefined (no rounding) */
  decimals?: number | undefined;
  /** Clip values to [min, max] (values outside are moved to the bound; use `where` to drop them instead). @defaultValue undefined */
  clip?: readonly [number, number] | undefined;
}

const NUMBER_DEFAULTS: NumberFieldOptions = { decimals: undefined, clip: undefined };

/**
 * Numbers from any distribution of the registry (`DISTRIBUTIONS`), by name
 * with typed parameters: `distribution("lognormal", { mean: 10, sigma: 0.5 })`.
 * Discrete families give integer columns.
 */
export function distribution<N extends DistributionName>(name: N, params: DistributionParams<N> | readonly number[] = {}, options?: NumberFieldOptions): Field<number> {
  const where = "field.distribution";
  const entry = getDistribution(name, where);
  const p = resolveParams(name, params as Record<string, number>, where);
  distributionFunctions(name, p); // the Rng method's own checks of the values
  const o = mergeOptions(where, NUMBER_DEFAULTS, options);
  const decimals = o.decimals === undefined ? undefined : checkInteger(where, "decimals", o.decimals, 0);
  let clip: [number, number] | undefined;
  if (o.clip !== undefined) {
    if (!Array.isArray(o.clip) || o.clip.length !== 2) throw new ParamTypeError(where, "clip", o.clip, `'clip' must be a [min, max] pair, got ${show(o.clip)}.`);
    const lo = checkFinite(where, "clip", o.clip[0]);
    const hi = checkFinite(where, "clip", o.clip[1]);
    if (!(lo <= hi)) throw new ParamError(where, "clip", o.clip, `'clip' must be [min, max] with min <= max, got ${show(o.clip)}.`);
    clip = [lo, hi];
  }
  const kind: "integer" | "numeric" = entry.kind === "discrete" || decimals === 0 ? "integer" : "numeric";
  const finish = (v: Float64Array): DrawnColumn => {
    if (clip) for (let i = 0; i < v.length; i++) v[i] = Math.min(clip[1], Math.max(clip[0], v[i]!));
    if (decimals !== undefined) roundTo(v, decimals);
    return { kind, values: v };
  };
  const shown = Object.entries(p).map(([k, v]) => `${k}: ${v}`).join(", ");
  return impl<number>({
    type: "distribution",
    description: `${name}({ ${shown} })`,
    draw: ({ rng, positions }) => finish(entry.draw(rng, p, positions.length)),
    quantile: (u) => finish(Float64Array.from(u, (x) => entry.ppf(x, p))),
  });
}
