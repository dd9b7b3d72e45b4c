/**
 * Keras' `ImageDataGenerator` (keras-preprocessing's `image_data_generator.py`
 * and `affine_transformations.py`) in camelCase: the same options, the same
 * random parameters drawn in the same order, the same transform matrix and
 * scipy's order-1 resampling, on synthlab's seeded {@link Rng}.
 */
import { Matrix } from "ml-matrix";
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkBoolean, checkFinite, checkInteger, checkOneOf, checkPositive, mergeOptions } from "../core/validate.js";
import { createRng, Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { FILL_MODES, resample, type FillMode } from "./affine.js";
import { checkImage, type Image } from "./image.js";

/** Options of {@link ImageDataGenerator} (Keras' names in camelCase, Keras' defaults). */
export interface ImageDataGeneratorOptions {
  /** Rotations drawn uniformly in [−r, r] degrees. @defaultValue 0 */
  rotationRange?: number;
  /** Horizontal shifts: a fraction of the width (< 1) or pixels (>= 1), drawn uniformly in [−r, r] (Keras draws whole pixels for a Python int; a JavaScript number cannot say it is one). @defaultValue 0 */
  widthShiftRange?: number;
  /** Vertical shifts: a fraction of the height (< 1) or pixels (>= 1), drawn uniformly in [−r, r]. @defaultValue 0 */
  heightShiftRange?: number;
  /** Shear angle drawn in [−r, r] **degrees** (Keras' unit, although its docs once said radians). @defaultValue 0 */
  shearRange?: number;
  /** Zoom factors (row and column drawn apart) in [1 − z, 1 + z], or in [lo, hi] for a pair. @defaultValue 0 */
  zoomRange?: number | readonly [number, number];
  /** Added to every channel, drawn in [−r, r], clipped to the image's value range. @defaultValue 0 */
  channelShiftRange?: number;
  /** Brightness factors drawn in [lo, hi] (PIL's `ImageEnhance.Brightness`, as Keras). @defaultValue undefined (none) */
  brightnessRange?: readonly [number, number] | undefined;
  /** Flip columns with probability 1/2. @defaultValue false */
  horizontalFlip?: boolean;
  /** Flip rows with probability 1/2. @defaultValue false */
  verticalFlip?: boolean;
  /** How positions outside the image are filled: `"constant"`, `"nearest"`, `"reflect"`, `"wrap"` (scipy's). @defaultValue "nearest" */
  fillMode?: FillMode;
  /** The fill value of `"constant"`. @defaultValue 0 */
  cval?: number;
  /** Multiplies every value after the transform (Keras' `rescale`, e.g. 1 / 255). @defaultValue undefined (none) */
  rescale?: number | undefined;
  /** Seed of the generator's own stream (used when a call gives no seed). @defaultValue fresh entropy, recorded in `generator.seed` */
  seed?: SeedValue | Rng | undefined;
}

const DEFAULTS: ImageDataGeneratorOptions = {
  rotationRange: 0,
  widthShiftRange: 0,
  heightShiftRange: 0,
  shearRange: 0,
  zoomRange: 0,
  channelShiftRange: 0,
  brightnessRange: undefined,
  horizontalFlip: false,
  verticalFlip: false,
  fillMode: "nearest",
  cval: 0,
  rescale: undefined,
  seed: undefined,
};

/** One random transform's parameters (Keras' `transform_parameters`, camelCase). */
export interface TransformParams {
  /** Rotation in degrees. */
  theta: number;
  /** Shift along rows (height), in pixels. */
  tx: number;
  /** Shift along columns (width), in pixels. */
  ty: number;
  /** Shear angle in degrees. */
  shear: number;
  /** Zoom of rows. */
  zx: number;
  /** Zoom of columns. */
  zy: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Added to every channel, or null. */
  channelShiftIntensity: number | null;
  /** Brightness factor, or null. */
  brightness: number | null;
}

/** Options of {@link ImageDataGenerator.flow}. */
export interface FlowOptions {
  /** Images a batch. @defaultValue 32 */
  batchSize?: number;
  /** Reshuffle the images every epoch (Keras' default). @defaultValue true */
  shuffle?: boolean;
  /** Seed of this flow's stream (shuffles and transforms). @defaultValue the generator's stream */
  seed?: SeedValue | Rng | undefined;
  /** Epochs before the iterator ends (Keras' flow never ends). @defaultValue Infinity */
  epochs?: number;
}

const FLOW_DEFAULTS: FlowOptions = { batchSize: 32, shuffle: true, seed: undefined, epochs: Infinity };

const IDENTITY: TransformParams = {
  theta: 0,
  tx: 0,
  ty: 0,
  shear: 0,
  zx: 1,
  zy: 1,
  flipHorizontal: false,
  flipVertical: false,
  channelShiftIntensity: null,
  brightness: null,
};

const deg2rad = (d: number) => (d * Math.PI) / 180;

function mul3(a: number[], b: number[]): number[] {
  const o = new Array<number>(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) o[i * 3 + j] = a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
  return o;
}

/** The 3 × 3 map as a row-major array, or null for the identity (Keras then skips resampling). */
function transformArray(p: TransformParams, height: number, width: number): number[] | null {
  let m: number[] | null = null;
  const then = (x: number[]) => (m = m === null ? x : mul3(m, x));
  if (p.theta !== 0) {
    const t = deg2rad(p.theta);
    then([Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1]);
  }
  if (p.tx !== 0 || p.ty !== 0) then([1, 0, p.tx, 0, 1, p.ty, 0, 0, 1]);
  if (p.shear !== 0) {
    const s = deg2rad(p.shear);
    then([1, -Math.sin(s), 0, 0, Math.cos(s), 0, 0, 0, 1]);
  }
  if (p.zx !== 1 || p.zy !== 1) then([p.zx, 0, 0, 0, p.zy, 0, 0, 0, 1]);
  if (m === null) return null;
  const ox = height / 2 - 0.5;
  const oy = width / 2 - 0.5;
  return mul3(mul3([1, 0, ox, 0, 1, oy, 0, 0, 1], m), [1, 0, -ox, 0, 1, -oy, 0, 0, 1]);
}

function checkParams(where: string, params: unknown): TransformParams {
  if (params === null || typeof params !== "object") {
    throw new ParamTypeError(where, "params", params, `'params' must be transform parameters ({ theta, tx, ty, shear, zx, zy, ... }), got ${show(params)}.`);
  }
  const p = { ...IDENTITY, ...(params as Partial<TransformParams>) };
  for (const k of Object.keys(params)) {
    if (!Object.hasOwn(IDENTITY, k)) throw new ParamError(where, k, (params as Record<string, unknown>)[k], `unknown transform parameter '${k}'. Parameters: ${Object.keys(IDENTITY).join(", ")}.`);
  }
  for (const k of ["theta", "tx", "ty", "shear", "zx", "zy"] as const) checkFinite(where, k, p[k]);
  checkBoolean(where, "flipHorizontal", p.flipHorizontal);
  checkBoolean(where, "flipVertical", p.flipVertical);
  if (p.channelShiftIntensity !== null) checkFinite(where, "channelShiftIntensity", p.channelShiftIntensity);
  if (p.brightness !== null) checkPositive(where, "brightness", p.brightness, true);
  return p;
}

/**
 * The 3 × 3 matrix {@link ImageDataGenerator.applyTransform} resamples with:
 * Keras' rotation · shift · shear · zoom, moved to the image centre
 * (`transform_matrix_offset_center`). It maps an output pixel's
 * (row, column, 1) to the input position it samples, as
 * `scipy.ndimage.affine_transform(image, M[:2, :2], M[:2, 2])` takes it.
 * @param params - transform parameters (missing ones are the identity's)
 * @param height - the image's rows
 * @param width - the image's columns
 * @returns a 3 × 3 Matrix (the identity when nothing moves)
 * @throws ParamError for non-finite parameters or a bad size
 * @example
 * const M = transformMatrix({ theta: 90 }, 3, 3);
 * M.to2DArray().map((row) => row.map((v) => Math.round(v))); // => [[0, -1, 2], [1, 0, 0], [0, 0, 1]]
 */
export function transformMatrix(params: Partial<TransformParams>, height: number, width: number): Matrix {
  const where = "transformMatrix";
  const p = checkParams(where, params);
  checkInteger(where, "height", height, 1);
  checkInteger(where, "width", width, 1);
  const m = transformArray(p, height, width) ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  return new Matrix([m.slice(0, 3), m.slice(3, 6), m.slice(6, 9)]);
}

/**
 * Keras' `ImageDataGenerator` in camelCase: random rotations, shifts,
 * shears, zooms, flips, channel shifts and brightness changes of images
 * `{ height, width, channels, data }`, drawn from synthlab's seeded stream.
 * `randomTransform` draws the parameters in Keras' order, `applyTransform`
 * applies them (affine resampling as scipy's `affine_transform` with order 1,
 * then channel shift, flips, brightness, rescale), `flow` yields batches.
 *
 * @example
 * const gen = new ImageDataGenerator({ rotationRange: 40, horizontalFlip: true, seed: 3 });
 * const image = createImage(8, 8, 1, Array.from({ length: 64 }, (_, i) => i));
 * const params = gen.randomTransform(image);
 * Math.abs(params.theta) <= 40; // => true
 * gen.applyTransform(image, params).data.length; // => 64
 * gen.applyTransform(image, { theta: 0 }).data.every((v, i) => v === image.data[i]); // => true
 */
export class ImageDataGenerator {
  readonly rotationRange: number;
  readonly widthShiftRange: number;
  readonly heightShiftRange: number;
  readonly shearRange: number;
  /** [low, high] zoom factors. */
  readonly zoomRange: readonly [number, number];
  readonly channelShiftRange: number;
  readonly brightnessRange: readonly [number, number] | null;
  readonly horizontalFlip: boolean;
  readonly verticalFlip: boolean;
  readonly fillMode: FillMode;
  readonly cval: number;
  readonly rescale: number | null;
  /** The seed of the generator's own stream (drawn from entropy when none was given). */
  readonly seed: SeedValue;
  private readonly rng: Rng;

  constructor(options?: ImageDataGeneratorOptions) {
    const where = "ImageDataGenerator";
    const o = mergeOptions(where, DEFAULTS, options);
    this.rotationRange = checkPositive(where, "rotationRange", o.rotationRange, true);
    this.widthShiftRange = checkPositive(where, "widthShiftRange", o.widthShiftRange, true);
    this.heightShiftRange = checkPositive(where, "heightShiftRange", o.heightShiftRange, true);
    this.shearRange = checkPositive(where, "shearRange", o.shearRange, true);
    this.channelShiftRange = checkPositive(where, "channelShiftRange", o.channelShiftRange, true);
    const z = o.zoomRange;
    if (typeof z === "number") {
      checkPositive(where, "zoomRange", z, true);
      this.zoomRange = [1 - z, 1 + z];
    } else if (Array.isArray(z) && z.length === 2) {
      const lo = checkFinite(where, "zoomRange", z[0]);
      const hi = checkFinite(where, "zoomRange", z[1]);
      if (!(lo <= hi)) throw new ParamError(where, "zoomRange", z, `'zoomRange' as [low, high] needs low <= high, got ${show(z)}.`);
      this.zoomRange = [lo, hi];
    } else {
      throw new ParamTypeError(where, "zoomRange", z, `'zoomRange' must be a number or a [low, high] pair, got ${show(z)}.`);
    }
    const b = o.brightnessRange;
    if (b === undefined || b === null) this.brightnessRange = null;
    else if (Array.isArray(b) && b.length === 2 && b.every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0) && b[0] <= b[1]) {
      this.brightnessRange = [b[0], b[1]];
    } else {
      throw new ParamError(where, "brightnessRange", b, `'brightnessRange' must be a [low, high] pair with 0 <= low <= high, got ${show(b)}.`);
    }
    this.horizontalFlip = checkBoolean(where, "horizontalFlip", o.horizontalFlip);
    this.verticalFlip = checkBoolean(where, "verticalFlip", o.verticalFlip);
    this.fillMode = checkOneOf(where, "fillMode", o.fillMode, FILL_MODES);
    this.cval = checkFinite(where, "cval", o.cval);
    this.rescale = o.rescale === undefined || o.rescale === null ? null : checkFinite(where, "rescale", o.rescale);
    this.rng = createRng(o.seed);
    this.seed = this.rng.seed;
  }

  /**
   * Draws one transform's parameters, in Keras' order (rotation, height
   * shift, width shift, shear, zoom, horizontal then vertical flip, channel
   * shift, brightness); a range of 0 draws nothing.
   * @param image - the image (its size scales fractional shifts), or its `{ height, width }`
   * @param seed - a seed or Rng for this draw. @defaultValue the generator's own stream
   * @returns the parameters
   */
  randomTransform(image: Pick<Image, "height" | "width">, seed?: SeedValue | Rng): TransformParams {
    const where = "ImageDataGenerator.randomTransform";
    if (image === null || typeof image !== "object") throw new ParamTypeError(where, "image", image, `'image' must be an image, got ${show(image)}.`);
    const rng = seed === undefined ? this.rng : createRng(seed);
    return this.draw(rng, checkInteger(where, "height", image.height, 1), checkInteger(where, "width", image.width, 1));
  }

  private draw(rng: Rng, height: number, width: number): TransformParams {
    const theta = this.rotationRange ? rng.uniform(-this.rotationRange, this.rotationRange) : 0;
    const shift = (range: number, size: number) => {
      if (!range) return 0;
      const v = rng.uniform(-range, range);
      return range < 1 ? v * size : v;
    };
    const tx = shift(this.heightShiftRange, height);
    const ty = shift(this.widthShiftRange, width);
    const shear = this.shearRange ? rng.uniform(-this.shearRange, this.shearRange) : 0;
    const [zlo, zhi] = this.zoomRange;
    let zx = 1;
    let zy = 1;
    if (zlo !== 1 || zhi !== 1) {
      zx = rng.uniform(zlo, zhi);
      zy = rng.uniform(zlo, zhi);
    }
    const flipHorizontal = rng.random() < 0.5 && this.horizontalFlip;
    const flipVertical = rng.random() < 0.5 && this.verticalFlip;
    const channelShiftIntensity = this.channelShiftRange ? rng.uniform(-this.channelShiftRange, this.channelShiftRange) : null;
    const brightness = this.brightnessRange ? rng.uniform(this.brightnessRange[0], this.brightnessRange[1]) : null;
    return { theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical, channelShiftIntensity, brightness };
  }

  /**
   * Applies transform parameters to an image (Keras' `apply_transform`): the
   * affine map of {@link transformMatrix} resampled bilinearly with this
   * generator's `fillMode` and `cval` (skipped when it is the identity), then
   * the channel shift (clipped to the image's [min, max]), the flips, the
   * brightness factor and `rescale`.
   * @param image - the image
   * @param params - parameters from {@link randomTransform} (missing ones are the identity's)
   * @returns a new image of the same shape
   * @throws DataError when the image's data does not match its shape; ParamError for bad parameters
   */
  applyTransform(image: Image, params: Partial<TransformParams>): Image {
    const where = "ImageDataGenerator.applyTransform";
    const im = checkImage(image, where);
    return this.apply(im, checkParams(where, params));
  }

  private apply(im: Image, p: TransformParams): Image {
    const { height: H, width: W, channels: C } = im;
    const m = transformArray(p, H, W);
    let data: Float64Array;
    if (m === null) data = Float64Array.from(im.data);
    else {
      data = new Float64Array(im.data.length);
      resample(im, [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!], this.fillMode, this.cval, data);
    }
    if (p.channelShiftIntensity !== null) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of data) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const s = p.channelShiftIntensity;
      for (let i = 0; i < data.length; i++) data[i] = Math.min(hi, Math.max(lo, data[i]! + s));
    }
    if (p.flipHorizontal) flipColumns(data, H, W, C);
    if (p.flipVertical) flipRows(data, H, W, C);
    if (p.brightness !== null) brighten(data, p.brightness);
    if (this.rescale !== null) for (let i = 0; i < data.length; i++) data[i]! *= this.rescale;
    return { height: H, width: W, channels: C, data };
  }

  /**
   * Batches of augmented images, as Keras' `flow(x, batch_size, shuffle, seed)`:
   * every epoch visits each image once (in a new random order with
   * `shuffle`), each time with a new random transform. Like Keras' it never
   * ends unless `epochs` is given: stop with `break`.
   * @param images - the images (any shapes)
   * @param options - `batchSize` (default 32), `shuffle` (default true), `seed`, `epochs` (default Infinity)
   * @returns an iterator of batches (arrays of images; the last of an epoch may be shorter)
   * @throws ParamError for an empty list, a bad option, or an image whose data does not match its shape
   * @example
   * const gen = new ImageDataGenerator({ zoomRange: 0.2 });
   * const images = [createImage(4, 4), createImage(4, 4), createImage(4, 4)];
   * const batches = [...gen.flow(images, { batchSize: 2, seed: 1, epochs: 2 })];
   * batches.map((b) => b.length); // => [2, 1, 2, 1]
   */
  *flow(images: readonly Image[], options?: FlowOptions): Generator<Image[], void, undefined> {
    const where = "ImageDataGenerator.flow";
    const o = mergeOptions(where, FLOW_DEFAULTS, options);
    if (!Array.isArray(images) || images.length === 0) throw new ParamError(where, "images", images, `'images' must be a non-empty array of images, got ${show(images)}.`);
    images.forEach((im) => checkImage(im, where));
    const batchSize = checkInteger(where, "batchSize", o.batchSize, 1);
    const shuffle = checkBoolean(where, "shuffle", o.shuffle);
    const epochs = o.epochs === Infinity ? Infinity : checkInteger(where, "epochs", o.epochs, 0);
    const rng = o.seed === undefined ? this.rng : createRng(o.seed);
    const order = Int32Array.from(images, (_, i) => i);
    for (let e = 0; e < epochs; e++) {
      if (shuffle) rng.shuffle(order);
      for (let s = 0; s < order.length; s += batchSize) {
        const batch: Image[] = [];
        for (let i = s; i < Math.min(order.length, s + batchSize); i++) {
          const im = images[order[i]!]!;
          batch.push(this.apply(im, this.draw(rng, im.height, im.width)));
        }
        yield batch;
      }
    }
  }
}

function flipColumns(d: Float64Array, H: number, W: number, C: number): void {
  for (let r = 0; r < H; r++) {
    for (let a = 0, b = W - 1; a < b; a++, b--) {
      const pa = (r * W + a) * C;
      const pb = (r * W + b) * C;
      for (let k = 0; k < C; k++) {
        const t = d[pa + k]!;
        d[pa + k] = d[pb + k]!;
        d[pb + k] = t;
      }
    }
  }
}

function flipRows(d: Float64Array, H: number, W: number, C: number): void {
  const n = W * C;
  const tmp = new Float64Array(n);
  for (let a = 0, b = H - 1; a < b; a++, b--) {
    tmp.set(d.subarray(a * n, (a + 1) * n));
    d.copyWithin(a * n, b * n, (b + 1) * n);
    d.set(tmp, b * n);
  }
}

/**
 * PIL's `ImageEnhance.Brightness` as Keras uses it: values times the factor,
 * clipped to [0, 255]; an image with values outside [0, 255] is first mapped
 * onto [0, 255] and back, as Keras' `array_to_img(scale=True)` does. (PIL
 * also rounds to 8 bits; synthlab keeps the fractions.)
 */
function brighten(d: Float64Array, factor: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of d) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const rescaled = lo < 0 || hi > 255;
  const span = hi - lo || 1;
  for (let i = 0; i < d.length; i++) {
    let v = rescaled ? ((d[i]! - lo) / span) * 255 : d[i]!;
    v = Math.min(255, Math.max(0, v * factor));
    d[i] = rescaled ? (v / 255) * span + lo : v;
  }
}
