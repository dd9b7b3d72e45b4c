import { Matrix } from "ml-matrix";

/**
 * Fast conversions between ml-matrix `Matrix` (an array of Float64Array
 * rows inside) and row-major `Float64Array` buffers, the form hot loops use.
 * ml-matrix does not type its row storage, so the access is localized here.
 */
interface MatrixRows {
  data: Float64Array[];
}

/** The Matrix's rows (no copy: writes go to the Matrix). */
export function matrixRows(X: Matrix): Float64Array[] {
  return (X as unknown as MatrixRows).data;
}

/** A `rows × cols` Matrix holding a copy of the row-major buffer. */
export function fromRowMajor(buf: ArrayLike<number>, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  const data = matrixRows(m);
  const src = buf instanceof Float64Array ? buf : Float64Array.from(buf);
  for (let i = 0; i < rows; i++) data[i]!.set(src.subarray(i * cols, (i + 1) * cols));
  return m;
}

/** The Matrix as a row-major Float64Array (a copy). */
export function toRowMajor(X: Matrix): Float64Array {
  const rows = X.rows;
  const cols = X.columns;
  const out = new Float64Array(rows * cols);
  const data = matrixRows(X);
  for (let i = 0; i < rows; i++) out.set(data[i]!, i * cols);
  return out;
}
