import { Matrix } from "ml-matrix";

/**
 * Small dense linear algebra on row-major `Float64Array` buffers, the form the
 * fitters' hot loops use (ml-matrix's `Matrix` is for the public edge). Only
 * what the fitters need: Cholesky factor, triangular inverse, row/column
 * moments, logsumexp.
 */

/**
 * Lower Cholesky factor of the symmetric `d × d` matrix `a` (row-major, only
 * the lower triangle read), written into `out` (may be `a`). Returns false
 * when `a` is not positive definite (a pivot <= 0 or not finite).
 * Internal (not exported from the package), so no runnable example.
 */
export function choleskyLower(a: Float64Array, d: number, out: Float64Array): boolean {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= out[i * d + k]! * out[j * d + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        out[i * d + i] = Math.sqrt(s);
      } else {
        out[i * d + j] = s / out[j * d + j]!;
      }
    }
    for (let j = i + 1; j < d; j++) out[i * d + j] = 0;
  }
  return true;
}

/**
 * Inverse of a lower-triangular `d × d` matrix `L` (row-major), a lower
 * triangular matrix written into `out` (must not be `L`).
 */
export function invertLower(L: Float64Array, d: number, out: Float64Array): void {
  out.fill(0);
  for (let j = 0; j < d; j++) {
    out[j * d + j] = 1 / L[j * d + j]!;
    for (let i = j + 1; i < d; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * d + k]! * out[k * d + j]!;
      out[i * d + j] = s / L[i * d + i]!;
    }
  }
}

/** Transpose of a `d × d` row-major matrix, into `out` (must not be `a`). */
export function transposeSquare(a: Float64Array, d: number, out: Float64Array): void {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[j * d + i] = a[i * d + j]!;
}

/** log(sum(exp(v[start..end)))) computed stably; -Infinity for an empty or all -Infinity range. */
export function logSumExp(v: ArrayLike<number>, start = 0, end = v.length): number {
  let m = -Infinity;
  for (let i = start; i < end; i++) if (v[i]! > m) m = v[i]!;
  if (m === -Infinity) return -Infinity;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (let i = start; i < end; i++) s += Math.exp(v[i]! - m);
  return m + Math.log(s);
}

/** Column means of an `n × d` row-major buffer. */
export function columnMeans(x: Float64Array, n: number, d: number): Float64Array {
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) m[j]! /= n;
  return m;
}

/** Column variances (ddof 0, numpy's default) of an `n × d` row-major buffer. */
export function columnVariances(x: Float64Array, n: number, d: number, mean = columnMeans(x, n, d)): Float64Array {
  const v = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = x[i * d + j]! - mean[j]!;
      v[j]! += t * t;
    }
  }
  for (let j = 0; j < d; j++) v[j]! /= n;
  return v;
}

/** Pearson correlation matrix (d × d, row-major) of an `n × d` buffer; a constant column gets 0 off the diagonal. */
export function correlationMatrix(x: Float64Array, n: number, d: number): Float64Array {
  const mean = columnMeans(x, n, d);
  const c = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let a = 0; a < d; a++) {
      const da = x[o + a]! - mean[a]!;
      for (let b = 0; b <= a; b++) c[a * d + b]! += da * (x[o + b]! - mean[b]!);
    }
  }
  const sd = new Float64Array(d);
  for (let a = 0; a < d; a++) sd[a] = Math.sqrt(c[a * d + a]!);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const den = sd[a]! * sd[b]!;
      const r = a === b ? 1 : den > 0 ? c[a * d + b]! / den : 0;
      c[a * d + b] = r;
      c[b * d + a] = r;
    }
  }
  return c;
}

/**
 * A Matrix whose rows are views of one row-major buffer: no copy, one
 * allocation. The row views are built on the first access to the Matrix's
 * rows (any ml-matrix method), not here: building 1,000,000 of them costs
 * ~0.15 s (against ~0.8 s for `new Matrix(n, d)`, one ArrayBuffer per row),
 * paid once, by the first reader. Writes through the Matrix go to `buf`. The
 * object is a plain `Matrix` (same prototype, same own keys). Same contract
 * as src/datasets' `wrapRowMajor`.
 */
export function viewMatrix(buf: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(0, cols);
  (m as unknown as { rows: number }).rows = rows;
  const settle = (value: Float64Array[]) => Object.defineProperty(m, "data", { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(m, "data", {
    enumerable: true,
    configurable: true,
    get(): Float64Array[] {
      const data: Float64Array[] = new Array(rows);
      const ab = buf.buffer;
      const off = buf.byteOffset;
      const stride = cols * Float64Array.BYTES_PER_ELEMENT;
      for (let i = 0; i < rows; i++) data[i] = new Float64Array(ab, off + i * stride, cols);
      settle(data);
      return data;
    },
    set(value: Float64Array[]) {
      settle(value);
    },
  });
  return m;
}

/**
 * Centred second moments of two columns over the rows where both are present (not NaN), in two passes
 * (means first): the one pairwise-complete Pearson loop (pandas' nancorr) behind `correlationMatrix`,
 * the copula's correlation and linear-rule detection; each caller turns them into r with its own policy
 * for too few rows or a constant column.
 */
export function pairwiseMoments(x: Float64Array, y: Float64Array): { n: number; sxx: number; syy: number; sxy: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
    }
  }
  const mx = n ? sx / n : 0;
  const my = n ? sy / n : 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === a && b === b) {
      const da = a - mx;
      const db = b - my;
      sxx += da * da;
      syy += db * db;
      sxy += da * db;
    }
  }
  return { n, sxx, syy, sxy };
}
