/**
 * Images as plain data: `{ height, width, channels, data }`, row-major with
 * channels last (pixel (r, c), channel k at `data[(r * width + c) * channels + k]`),
 * numpy's `(height, width, channels)` layout. Converters from a row of pixels
 * (an array, a typed array, an ml-matrix row, a danfo Series) and to a
 * `Matrix` of flattened images, and a montage for showing many at once.
 */
import { Matrix } from "ml-matrix";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkInteger, mergeOptions } from "../core/validate.js";

/** An image: `height × width × channels` numbers, row-major, channels last. */
export interface Image {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float64Array;
}

/**
 * Checks that a value is an image whose data length matches its shape.
 * @param image - the value to check
 * @param where - the caller, for the message
 * @returns the image
 * @throws ParamTypeError when it is not an object with numeric fields and a Float64Array; DataError when `data.length` is not `height * width * channels`
 * @example
 * checkImage({ height: 2, width: 2, channels: 1, data: new Float64Array(4) }).width; // => 2
 */
export function checkImage(image: unknown, where = "checkImage"): Image {
  const im = image as Partial<Image> | null;
  if (im === null || typeof im !== "object" || !(im.data instanceof Float64Array)) {
    throw new ParamTypeError(where, "image", image, `an image must be { height, width, channels, data: Float64Array }, got ${show(image)}.`);
  }
  for (const k of ["height", "width", "channels"] as const) {
    const v = im[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
      throw new ParamError(where, k, v, `the image's '${k}' must be an integer >= 1, got ${show(v)}.`);
    }
  }
  const { height, width, channels, data } = im as Image;
  if (data.length !== height * width * channels) {
    throw new DataError(
      where,
      "data",
      data.length,
      `the image's data has ${data.length} values, but height × width × channels = ${height} × ${width} × ${channels} = ${height * width * channels}.`,
    );
  }
  return im as Image;
}

/**
 * An image of the given shape, filled from `data` (copied) or with zeros.
 * @param height - rows, an integer >= 1
 * @param width - columns, an integer >= 1
 * @param channels - channels, an integer >= 1 (1 grey, 3 RGB, 4 RGBA). @defaultValue 1
 * @param data - `height * width * channels` numbers, row-major, channels last. @defaultValue zeros
 * @returns the image
 * @throws DataError when `data` has the wrong length; ParamError for a bad shape
 * @example
 * createImage(2, 3, 1, [1, 2, 3, 4, 5, 6]).data[4]; // => 5
 */
export function createImage(height: number, width: number, channels = 1, data?: ArrayLike<number>): Image {
  const where = "createImage";
  checkInteger(where, "height", height, 1);
  checkInteger(where, "width", width, 1);
  checkInteger(where, "channels", channels, 1);
  const buf = data === undefined ? new Float64Array(height * width * channels) : Float64Array.from(data);
  return checkImage({ height, width, channels, data: buf }, where);
}

/** Options of {@link imageFromPixels} and {@link imagesFromMatrix}. */
export interface PixelShapeOptions {
  /** Rows of the image. @defaultValue the square root of the pixel count (for one channel) */
  height?: number | undefined;
  /** Columns. @defaultValue `pixels / (height * channels)` */
  width?: number | undefined;
  /** Channels. @defaultValue 1 */
  channels?: number;
}

const SHAPE_DEFAULTS: PixelShapeOptions = { height: undefined, width: undefined, channels: 1 };

function shapeFor(where: string, length: number, options: PixelShapeOptions | undefined): { height: number; width: number; channels: number } {
  const o = mergeOptions(where, SHAPE_DEFAULTS, options);
  const channels = checkInteger(where, "channels", o.channels, 1);
  const perChannel = length / channels;
  let height = o.height;
  let width = o.width;
  if (height === undefined && width === undefined) {
    const side = Math.round(Math.sqrt(perChannel));
    if (side * side !== perChannel) {
      throw new ParamError(where, "height", undefined, `${length} pixels (${channels} channel(s)) are not a square image; pass { height, width }.`);
    }
    height = width = side;
  } else if (height === undefined) height = perChannel / checkInteger(where, "width", width, 1);
  else if (width === undefined) width = perChannel / checkInteger(where, "height", height, 1);
  checkInteger(where, "height", height, 1);
  checkInteger(where, "width", width, 1);
  if (height! * width! * channels !== length) {
    throw new DataError(where, "pixels", length, `${length} pixels do not fill height × width × channels = ${height} × ${width} × ${channels} = ${height! * width! * channels}.`);
  }
  return { height: height!, width: width!, channels };
}

/** Pixel values from an array, a typed array, a 1-row ml-matrix or a danfo Series (anything with `.values`). */
function pixelValues(where: string, row: unknown): ArrayLike<number> {
  let v: unknown = row;
  if (Matrix.isMatrix(row)) {
    const m = row as Matrix;
    if (m.rows !== 1) throw new ParamError(where, "row", row, `a Matrix of pixels must have 1 row, got ${m.rows} (use imagesFromMatrix for many).`);
    v = m.getRow(0);
  } else if (row !== null && typeof row === "object" && !ArrayBuffer.isView(row) && !Array.isArray(row) && "values" in row) {
    v = (row as { values: unknown }).values;
    // a one-row danfo DataFrame (df.iloc({ rows: [i] })): its values are [[...]]
    if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0])) v = v[0];
  }
  if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView))) {
    throw new ParamTypeError(where, "row", row, `'row' must be an array of pixel values, a 1-row Matrix or a danfo Series, got ${show(row)}.`);
  }
  const a = v as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== "number" || !Number.isFinite(a[i] as number)) {
      throw new DataError(where, "row", a[i], `pixel ${i} is ${show(a[i])}, not a finite number.`);
    }
  }
  return a as ArrayLike<number>;
}

/**
 * An image from one row of pixels (a one-row danfo DataFrame, a danfo
 * Series, a 1-row `Matrix`, an array): row-major, channels last, as
 * scikit-learn's digits and Keras' `img_to_array(...).reshape(-1)` flatten them.
 * @param row - the pixel values
 * @param options - `height`, `width` (default: a square), `channels` (default 1)
 * @returns a new image (the values copied)
 * @throws DataError when the count does not fill the shape or a value is not a finite number
 * @example
 * const im = imageFromPixels([0, 1, 2, 3, 4, 5, 6, 7, 8]);
 * [im.height, im.width, im.data[5]]; // => [3, 3, 5]
 */
export function imageFromPixels(row: unknown, options?: PixelShapeOptions): Image {
  const where = "imageFromPixels";
  const values = pixelValues(where, row);
  const shape = shapeFor(where, values.length, options);
  return { ...shape, data: Float64Array.from(values) };
}

/**
 * One image per row of a `Matrix` (rows are samples, as `loadDataset("digits").X`).
 * @param X - nImages × (height · width · channels)
 * @param options - `height`, `width` (default: a square), `channels` (default 1)
 * @returns the images
 * @throws DataError when a row does not fill the shape
 * @example
 * imagesFromMatrix(new Matrix(3, 64)).map((im) => im.width); // => [8, 8, 8]
 */
export function imagesFromMatrix(X: Matrix, options?: PixelShapeOptions): Image[] {
  const where = "imagesFromMatrix";
  if (!Matrix.isMatrix(X)) throw new ParamTypeError(where, "X", X, `'X' must be an ml-matrix Matrix (one image per row), got ${show(X)}.`);
  const shape = shapeFor(where, X.columns, options);
  const out: Image[] = [];
  for (let i = 0; i < X.rows; i++) out.push({ ...shape, data: Float64Array.from(X.getRow(i)) });
  return out;
}

/**
 * Images of one shape flattened into the rows of a `Matrix` (for a classifier).
 * @param images - images of the same shape
 * @returns nImages × (height · width · channels)
 * @throws DataError when the shapes differ
 * @example
 * imagesToMatrix([createImage(2, 2, 1, [1, 2, 3, 4])]).getRow(0); // => [1, 2, 3, 4]
 */
export function imagesToMatrix(images: readonly Image[]): Matrix {
  const where = "imagesToMatrix";
  if (!Array.isArray(images)) throw new ParamTypeError(where, "images", images, `'images' must be an array of images, got ${show(images)}.`);
  if (images.length === 0) return new Matrix(0, 0);
  const first = checkImage(images[0], where);
  const out = new Matrix(images.length, first.data.length);
  images.forEach((im, i) => {
    checkImage(im, where);
    if (im.height !== first.height || im.width !== first.width || im.channels !== first.channels) {
      throw new DataError(where, "images", i, `image ${i} is ${im.height}×${im.width}×${im.channels}, image 0 is ${first.height}×${first.width}×${first.channels}.`);
    }
    out.setRow(i, im.data);
  });
  return out;
}

/** Options of {@link tileImages}. */
export interface TileOptions {
  /** Images a row. @defaultValue ceil(sqrt(count)) */
  cols?: number | undefined;
  /** Pixels between images. @defaultValue 1 */
  gap?: number;
  /** Value of the gap pixels. @defaultValue 0 */
  background?: number;
}

const TILE_DEFAULTS: TileOptions = { cols: undefined, gap: 1, background: 0 };

/**
 * A montage: images of one shape laid out in a grid, row by row (for
 * showing 20 augmentations of an image at once).
 * @param images - one or more images of the same shape
 * @param options - `cols` (default a square grid), `gap` (default 1 pixel), `background` (default 0)
 * @returns one image
 * @throws ParamError for an empty list or a bad option; DataError when shapes differ
 * @example
 * const grid = tileImages([createImage(2, 2), createImage(2, 2), createImage(2, 2)], { cols: 3, gap: 1 });
 * [grid.height, grid.width]; // => [2, 8]
 */
export function tileImages(images: readonly Image[], options?: TileOptions): Image {
  const where = "tileImages";
  const o = mergeOptions(where, TILE_DEFAULTS, options);
  if (!Array.isArray(images) || images.length === 0) throw new ParamError(where, "images", images, `'images' must be a non-empty array of images, got ${show(images)}.`);
  const first = checkImage(images[0], where);
  const { height: h, width: w, channels: ch } = first;
  const cols = o.cols === undefined ? Math.ceil(Math.sqrt(images.length)) : checkInteger(where, "cols", o.cols, 1);
  const gap = checkInteger(where, "gap", o.gap, 0);
  const rows = Math.ceil(images.length / cols);
  const H = rows * h + (rows - 1) * gap;
  const W = cols * w + (cols - 1) * gap;
  const data = new Float64Array(H * W * ch).fill(o.background ?? 0);
  images.forEach((im, k) => {
    checkImage(im, where);
    if (im.height !== h || im.width !== w || im.channels !== ch) {
      throw new DataError(where, "images", k, `image ${k} is ${im.height}×${im.width}×${im.channels}, image 0 is ${h}×${w}×${ch}.`);
    }
    const r0 = Math.floor(k / cols) * (h + gap);
    const c0 = (k % cols) * (w + gap);
    for (let r = 0; r < h; r++) data.set(im.data.subarray(r * w * ch, (r + 1) * w * ch), ((r0 + r) * W + c0) * ch);
  });
  return { height: H, width: W, channels: ch, data };
}
