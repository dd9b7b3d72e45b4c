/**
 * The affine resampling behind Keras' ImageDataGenerator, as
 * `scipy.ndimage.affine_transform(channel, M[:2, :2], M[:2, 2], order=1, mode, cval)`
 * computes it on each channel: output pixel (r, c) samples the input at
 * `M · (r, c, 1)` by bilinear interpolation, and positions outside the image
 * are filled as scipy's mode says (checked against scipy 1.10 in
 * test/image/affine.test.ts):
 *
 * - `"nearest"`: the position is clamped to the image (edge pixels repeat).
 * - `"constant"`: a position outside [0, height − 1] × [0, width − 1] gets `cval`
 *   (no interpolation across the edge).
 * - `"reflect"`: the image is extended by half-sample symmetry (d c b a | a b c d | d c b a).
 * - `"wrap"`: scipy's `"wrap"` (not `"grid-wrap"`): a position outside the
 *   image is taken modulo (size − 1), so the first and last rows overlap.
 */
import { Matrix } from "ml-matrix";
import { ParamError, show } from "../core/errors.js";
import { checkFinite, checkOneOf } from "../core/validate.js";
import { checkImage, type Image } from "./image.js";

/** How positions outside the image are filled (scipy.ndimage's mode names). */
export type FillMode = "nearest" | "constant" | "reflect" | "wrap";

/**
 * The fill modes, in Keras' documentation order.
 * @example
 * FILL_MODES; // => ["constant", "nearest", "reflect", "wrap"]
 */
export const FILL_MODES: readonly FillMode[] = ["constant", "nearest", "reflect", "wrap"];

/** The index of an integer position k in a line of n pixels, extended by the mode ("nearest" and "constant" clamp instead: resampleClamped). */
const INDEX = {
  reflect: (k: number, n: number) => {
    const p = 2 * n;
    let m = k % p;
    if (m < 0) m += p;
    return m >= n ? p - 1 - m : m;
  },
  // "wrap" maps the position itself (see mapWrap); after that both neighbours lie inside.
  wrap: (k: number, n: number) => (k < 0 ? 0 : k >= n ? n - 1 : k),
} satisfies Record<Exclude<FillMode, "constant" | "nearest">, (k: number, n: number) => number>;

/** scipy's "wrap" on a position: outside [0, n − 1] it is taken modulo n − 1. */
function mapWrap(x: number, n: number): number {
  if (x >= 0 && x <= n - 1) return x;
  if (n === 1) return 0;
  const p = n - 1;
  let m = x % p;
  if (m < 0) m += p;
  return m;
}

/**
 * Resamples an image through an affine map, as
 * `scipy.ndimage.affine_transform(image[..., k], matrix, offset, order=1, mode, cval)`
 * on each channel: output pixel (r, c) takes the input at
 * `(matrix · (r, c) + offset)`, interpolated bilinearly.
 * @param image - the input image
 * @param matrix - the 3 × 3 map of {@link transformMatrix} (its last row is ignored), or a 2 × 3 one
 * @param mode - `"nearest"`, `"constant"`, `"reflect"` or `"wrap"`. @defaultValue "nearest"
 * @param cval - the fill value of `"constant"`. @defaultValue 0
 * @returns a new image of the same shape
 * @throws ParamError for a bad mode or a matrix of the wrong shape or with non-finite entries
 * @example
 * const im = createImage(2, 2, 1, [1, 2, 3, 4]);
 * // sample one column to the right: the right column repeats at the edge
 * affineTransform(im, new Matrix([[1, 0, 0], [0, 1, 1], [0, 0, 1]])).data; // => Float64Array.from([2, 2, 4, 4])
 */
export function affineTransform(image: Image, matrix: Matrix, mode: FillMode = "nearest", cval = 0): Image {
  const where = "affineTransform";
  const im = checkImage(image, where);
  checkOneOf(where, "mode", mode, FILL_MODES);
  checkFinite(where, "cval", cval);
  if (!Matrix.isMatrix(matrix) || matrix.columns !== 3 || (matrix.rows !== 3 && matrix.rows !== 2)) {
    throw new ParamError(where, "matrix", matrix, `'matrix' must be a 3 × 3 (or 2 × 3) Matrix, got ${show(matrix)}.`);
  }
  const m = [matrix.get(0, 0), matrix.get(0, 1), matrix.get(0, 2), matrix.get(1, 0), matrix.get(1, 1), matrix.get(1, 2)];
  m.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new ParamError(where, "matrix", matrix, `matrix entry ${i} is ${show(v)}, not finite.`);
  });
  const out = new Float64Array(im.data.length);
  resample(im, m as Sixtuple, mode, cval, out);
  return { height: im.height, width: im.width, channels: im.channels, data: out };
}

type Sixtuple = [number, number, number, number, number, number];

/** The resampling loop (no checks): writes `out` (same length as the image's data). */
export function resample(im: Image, m: Sixtuple, mode: FillMode, cval: number, out: Float64Array): void {
  const { height: H, width: W, channels: C, data } = im;
  const [a, b, o0, c, d, o1] = m;
  const rowStride = W * C;
  if (mode === "nearest" || mode === "constant") {
    resampleClamped(im, m, mode === "constant", cval, out);
    return;
  }
  const idx = INDEX[mode];
  const wrap = mode === "wrap";
  for (let r = 0; r < H; r++) {
    for (let col = 0; col < W; col++) {
      const base = (r * W + col) * C;
      // The products for each pixel, as scipy computes them (no drift from adding steps).
      let yy = a * r + b * col + o0;
      let xx = c * r + d * col + o1;
      if (wrap) {
        yy = mapWrap(yy, H);
        xx = mapWrap(xx, W);
      }
      const y0 = Math.floor(yy);
      const x0 = Math.floor(xx);
      const ty = yy - y0;
      const tx = xx - x0;
      let r0: number, r1: number, c0: number, c1: number;
      if (y0 >= 0 && y0 + 1 < H) {
        r0 = y0;
        r1 = y0 + 1;
      } else {
        r0 = idx(y0, H);
        r1 = idx(y0 + 1, H);
      }
      if (x0 >= 0 && x0 + 1 < W) {
        c0 = x0;
        c1 = x0 + 1;
      } else {
        c0 = idx(x0, W);
        c1 = idx(x0 + 1, W);
      }
      const p00 = r0 * rowStride + c0 * C;
      const p01 = r0 * rowStride + c1 * C;
      const p10 = r1 * rowStride + c0 * C;
      const p11 = r1 * rowStride + c1 * C;
      const w00 = (1 - ty) * (1 - tx);
      const w01 = (1 - ty) * tx;
      const w10 = ty * (1 - tx);
      const w11 = ty * tx;
      if (C === 1) {
        out[base] = w00 * data[p00]! + w01 * data[p01]! + w10 * data[p10]! + w11 * data[p11]!;
        continue;
      }
      for (let k = 0; k < C; k++) {
        out[base + k] = w00 * data[p00 + k]! + w01 * data[p01 + k]! + w10 * data[p10 + k]! + w11 * data[p11 + k]!;
      }
    }
  }
}

/**
 * "nearest" and "constant": the position is clamped to the image ("nearest";
 * "constant" fills positions outside first), which equals clamping both
 * neighbours' indices, so no index needs the mode's extension.
 */
function resampleClamped(im: Image, m: Sixtuple, constant: boolean, cval: number, out: Float64Array): void {
  const { height: H, width: W, channels: C, data } = im;
  const [a, b, o0, c, d, o1] = m;
  const rowStride = W * C;
  const ymax = H - 1;
  const xmax = W - 1;
  for (let r = 0; r < H; r++) {
    for (let col = 0; col < W; col++) {
      const base = (r * W + col) * C;
      let yy = a * r + b * col + o0;
      let xx = c * r + d * col + o1;
      if (!(yy >= 0 && yy <= ymax && xx >= 0 && xx <= xmax)) {
        if (constant) {
          for (let k = 0; k < C; k++) out[base + k] = cval;
          continue;
        }
        yy = yy < 0 ? 0 : yy > ymax ? ymax : yy;
        xx = xx < 0 ? 0 : xx > xmax ? xmax : xx;
      }
      const y0 = yy | 0;
      const x0 = xx | 0;
      const ty = yy - y0;
      const tx = xx - x0;
      const p00 = y0 * rowStride + x0 * C;
      const dy = y0 < ymax ? rowStride : 0;
      const dx = x0 < xmax ? C : 0;
      if (C === 1) {
        out[base] = (1 - ty) * ((1 - tx) * data[p00]! + tx * data[p00 + dx]!) + ty * ((1 - tx) * data[p00 + dy]! + tx * data[p00 + dy + dx]!);
        continue;
      }
      const w00 = (1 - ty) * (1 - tx);
      const w01 = (1 - ty) * tx;
      const w10 = ty * (1 - tx);
      const w11 = ty * tx;
      for (let k = 0; k < C; k++) {
        const p = p00 + k;
        out[base + k] = w00 * data[p]! + w01 * data[p + dx]! + w10 * data[p + dy]! + w11 * data[p + dy + dx]!;
      }
    }
  }
}
