/**
 * PNG bytes to and from images, through pngjs (pure JavaScript, no native
 * code). Bytes only: reading and writing files is src/io's `readImage` and
 * `writeImage`.
 */
import pngjs from "pngjs";
import { DataError, ParamTypeError, show } from "../core/errors.js";
import { checkBoolean, mergeOptions } from "../core/validate.js";
import { checkImage, type Image } from "./image.js";

const { PNG } = pngjs;

/**
 * An image from PNG bytes, values 0–255 as Keras' `img_to_array(load_img(path))`
 * gives them: 1 channel for a grey PNG, 3 for colour, plus an alpha channel
 * when the PNG has one (palette PNGs are expanded; 16-bit ones scaled to 8 bits).
 * @param bytes - the file's bytes
 * @returns the image
 * @throws ParamTypeError when `bytes` is not a Uint8Array; DataError when they are not a PNG
 * @example
 * const im = decodePng(encodePng(createImage(1, 2, 1, [0, 255])));
 * [im.height, im.width, im.channels, ...im.data]; // => [1, 2, 1, 0, 255]
 */
export function decodePng(bytes: Uint8Array): Image {
  const where = "decodePng";
  if (!(bytes instanceof Uint8Array)) throw new ParamTypeError(where, "bytes", bytes, `'bytes' must be a Uint8Array (a Buffer), got ${show(bytes)}.`);
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new DataError(where, "bytes", bytes.length, `these ${bytes.length} bytes are not a readable PNG (${(e as Error).message}).`);
  }
  const { width, height, data } = png;
  const grey = !png.color;
  const alpha = png.alpha;
  const channels = (grey ? 1 : 3) + (alpha ? 1 : 0);
  const out = new Float64Array(width * height * channels);
  for (let i = 0, o = 0; i < width * height; i++) {
    const p = 4 * i;
    if (grey) out[o++] = data[p]!;
    else {
      out[o++] = data[p]!;
      out[o++] = data[p + 1]!;
      out[o++] = data[p + 2]!;
    }
    if (alpha) out[o++] = data[p + 3]!;
  }
  return { height, width, channels, data: out };
}

/** Options of {@link encodePng}. */
export interface EncodePngOptions {
  /**
   * Map the image's [min, max] onto [0, 255] first (Keras' `array_to_img(scale=True)`),
   * for images of other ranges (digits 0–16, floats in [0, 1]). Otherwise values
   * are clipped to [0, 255].
   * @defaultValue false
   */
  scale?: boolean;
}

const ENCODE_DEFAULTS: EncodePngOptions = { scale: false };

/**
 * PNG bytes of an image with 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA)
 * channels, 8 bits a channel, values rounded.
 * @param image - the image
 * @param options - `scale` (default false: values clipped to [0, 255])
 * @returns the PNG file's bytes
 * @throws DataError for another channel count or data that does not match the shape
 * @example
 * const bytes = encodePng(createImage(2, 2, 3));
 * Array.from(bytes.subarray(1, 4), (b) => String.fromCharCode(b)).join(""); // => "PNG"
 */
export function encodePng(image: Image, options?: EncodePngOptions): Uint8Array {
  const where = "encodePng";
  const im = checkImage(image, where);
  const o = mergeOptions(where, ENCODE_DEFAULTS, options);
  const scale = checkBoolean(where, "scale", o.scale);
  const { height, width, channels: C, data } = im;
  if (C > 4) throw new DataError(where, "channels", C, `PNG holds 1 to 4 channels, the image has ${C}.`);
  let lo = 0;
  let k = 1;
  if (scale) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    lo = min;
    k = max > min ? 255 / (max - min) : 1;
  }
  const byte = (v: number) => Math.round(Math.min(255, Math.max(0, (v - lo) * k)));
  const png = new PNG({ width, height });
  const rgba = png.data;
  for (let i = 0; i < width * height; i++) {
    const s = i * C;
    const p = 4 * i;
    if (C <= 2) {
      rgba[p] = rgba[p + 1] = rgba[p + 2] = byte(data[s]!);
      rgba[p + 3] = C === 2 ? byte(data[s + 1]!) : 255;
    } else {
      rgba[p] = byte(data[s]!);
      rgba[p + 1] = byte(data[s + 1]!);
      rgba[p + 2] = byte(data[s + 2]!);
      rgba[p + 3] = C === 4 ? byte(data[s + 3]!) : 255;
    }
  }
  const colorType = C === 1 ? 0 : C === 2 ? 4 : C === 3 ? 2 : 6;
  return new Uint8Array(PNG.sync.write(png, { colorType, inputColorType: 6, inputHasAlpha: true }));
}
