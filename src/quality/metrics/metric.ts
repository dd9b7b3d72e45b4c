/**
 * What every quality metric carries (SDMetrics' metric attributes): a
 * metric is a plain function with `name`, `goal`, `min` and `max` attached.
 */

/** A metric's description. */
export interface MetricInfo {
  /** The metric's name as SDMetrics spells it where it has one (`"KSComplement"`). */
  readonly metricName: string;
  /** Whether larger (`"maximize"`) or smaller (`"minimize"`) values are better. */
  readonly goal: "maximize" | "minimize";
  /** Smallest possible value. */
  readonly min: number;
  /** Largest possible value. */
  readonly max: number;
  /** One line on what it measures. */
  readonly description: string;
}

/** A metric: its function with its {@link MetricInfo} attached (`fn.goal`, `fn.min`, ...). */
export type Metric<F extends (...args: never[]) => unknown> = F & MetricInfo & { readonly name: string };

/**
 * Attaches `info` to `fn` (the function's own `name` becomes the metric's
 * name, so `ksComplement.name === "KSComplement"`).
 * Internal: used by the metric files.
 */
export function defineMetric<F extends (...args: never[]) => unknown>(info: MetricInfo, fn: F): Metric<F> {
  Object.defineProperty(fn, "name", { value: info.metricName, configurable: true });
  for (const [k, v] of Object.entries(info)) Object.defineProperty(fn, k, { value: v, enumerable: true });
  return fn as Metric<F>;
}
