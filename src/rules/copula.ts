/**
 * Target correlations between rule-based fields through a Gaussian copula:
 * correlated standard normals (the Cholesky factor of the normal-scores
 * correlation) mapped to uniforms by the normal CDF, then to each field's
 * values by its quantile function. A target Spearman rho or Kendall tau is
 * turned into the normal-scores correlation that gives it exactly for
 * continuous marginals (rho_s = 6/pi asin(r/2), tau = 2/pi asin(r)).
 */
import { ParamError, show } from "../core/errors.js";
import { choleskyLower } from "../core/linalg.js";
import { checkOneOf, mergeOptions } from "../core/validate.js";
import { normCdf } from "../random/distributions.js";
import type { Rng } from "../random/rng.js";
import type { FieldImpl } from "./field-core.js";

/** A target correlation between numeric (or ordinal) fields, through a Gaussian copula. */
export interface CorrelationSpec {
  /** The correlated columns (fields that map uniforms to values: integers, distributions, choice, boolean, dates). */
  columns: readonly string[];
  /** The target correlations, `columns.length` square, symmetric, ones on the diagonal. */
  matrix: readonly (readonly number[])[];
  /**
   * What `matrix` holds: `"spearman"` rank correlations (exact for continuous
   * fields, whatever their distributions; ties of discrete fields lower them
   * a little), `"kendall"`'s tau (likewise), or `"normal"`: the copula's own
   * normal-scores correlation.
   * @defaultValue "spearman"
   */
  method?: "spearman" | "kendall" | "normal";
}


/** A checked correlation: the columns and the lower Cholesky factor of their normal-scores correlation (row-major). */
export interface Copula {
  readonly columns: readonly string[];
  readonly L: Float64Array;
}

/** The copula's normal-scores correlation for a target rank correlation. */
const TO_NORMAL = {
  spearman: (r: number) => 2 * Math.sin((Math.PI * r) / 6),
  kendall: (t: number) => Math.sin((Math.PI * t) / 2),
  normal: (r: number) => r,
} satisfies Record<NonNullable<CorrelationSpec["method"]>, (r: number) => number>;

/** Checks a {@link CorrelationSpec} against the spec's fields and factors its matrix. */
export function compileCorrelation(where: string, c: unknown, names: readonly string[], fields: readonly FieldImpl<unknown>[]): Copula | undefined {
  if (c === undefined) return undefined;
  const spec = mergeOptions(`${where}: correlation`, { columns: [], matrix: [], method: "spearman" } as CorrelationSpec, c);
  const method = checkOneOf(where, "correlation.method", spec.method, Object.keys(TO_NORMAL) as (keyof typeof TO_NORMAL)[]);
  const cols = spec.columns;
  if (!Array.isArray(cols) || cols.length < 2 || new Set(cols).size !== cols.length) {
    throw new ParamError(where, "correlation.columns", cols, `'correlation.columns' must name at least 2 different columns, got ${show(cols)}.`);
  }
  for (const name of cols) {
    const i = names.indexOf(name);
    if (i < 0) throw new ParamError(where, "correlation.columns", name, `'correlation.columns' names ${show(name)}, which is not in the spec. Columns: ${names.join(", ")}.`);
    if (!fields[i]!.quantile) {
      throw new ParamError(where, "correlation.columns", name, `column ${show(name)} is ${fields[i]!.description}, which cannot be correlated; use integers, distribution, uniform, normal, choice, boolean, date or datetime fields.`);
    }
  }
  const d = cols.length;
  const m = spec.matrix;
  if (!Array.isArray(m) || m.length !== d || !m.every((row) => Array.isArray(row) && row.length === d)) {
    throw new ParamError(where, "correlation.matrix", m, `'correlation.matrix' must be ${d} × ${d} (one row and column per correlated column), got ${show(m)}.`);
  }
  const R = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const v = m[i]![j]!;
      if (typeof v !== "number" || !Number.isFinite(v) || v < -1 || v > 1) throw new ParamError(where, "correlation.matrix", m, `correlation.matrix[${i}][${j}] must be in [-1, 1], got ${show(v)}.`);
      if (i === j && v !== 1) throw new ParamError(where, "correlation.matrix", m, `correlation.matrix[${i}][${i}] must be 1, got ${v}.`);
      if (v !== m[j]![i]) throw new ParamError(where, "correlation.matrix", m, `'correlation.matrix' must be symmetric: [${i}][${j}] is ${v}, [${j}][${i}] is ${m[j]![i]}.`);
      R[i * d + j] = i === j ? 1 : TO_NORMAL[method](v);
    }
  }
  const L = new Float64Array(d * d);
  if (!choleskyLower(R, d, L)) {
    throw new ParamError(
      where,
      "correlation.matrix",
      m,
      `'correlation.matrix' is not a possible correlation matrix (not positive definite${method === "normal" ? "" : ` after the ${method} → normal-scores transform`}): some correlations contradict each other. Move the off-diagonal values towards 0.`,
    );
  }
  return { columns: [...cols], L };
}


/** `m` uniforms per correlated column (one Float64Array each), from `m × d` standard normals of `rng`. */
export function copulaUniforms(copula: Copula, rng: Rng, m: number): Float64Array[] {
  const { columns, L } = copula;
  const d = columns.length;
  const z = rng.standardNormal(m * d);
  const u = Array.from({ length: d }, () => new Float64Array(m));
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += L[i * d + k]! * z[r * d + k]!;
      u[i]![r] = normCdf(s);
    }
  }
  return u;
}
