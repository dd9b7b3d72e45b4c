/**
 * Image files: PNG read and write (the bytes are src/image's `decodePng` and
 * `encodePng`), the bundled sample image, and the digits as images.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { imagesFromMatrix, type Image } from "../image/image.js";
import { decodePng, encodePng, type EncodePngOptions } from "../image/png.js";
import { loadDataset } from "./datasets.js";
import { DATA_DIR } from "./paths.js";

/**
 * Reads a PNG file into an image (values 0–255; see `decodePng` for channels).
 * @param path - the file
 * @returns the image
 * @throws DataError when the file cannot be read or is not a PNG
 * @example
 * writeImage("/tmp/synthlab-example.png", createImage(2, 3, 1, [0, 50, 100, 150, 200, 250]));
 * readImage("/tmp/synthlab-example.png").data; // => Float64Array.from([0, 50, 100, 150, 200, 250])
 */
export function readImage(path: string): Image {
  const where = "readImage";
  if (typeof path !== "string" || path === "") throw new ParamTypeError(where, "path", path, `'path' must be a file path, got ${show(path)}.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError(where, "path", path, `cannot read ${show(path)}: ${(e as Error).message}`);
  }
  try {
    return decodePng(bytes);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(where, "path", path, `${path}: ${e.message.replace(/^decodePng: /, "")}`);
    throw e;
  }
}

/**
 * Writes an image as a PNG file (8 bits a channel; see `encodePng`).
 * @param path - the file (overwritten)
 * @param image - an image with 1 to 4 channels
 * @param options - `scale`: map [min, max] onto [0, 255] first (default false: clip)
 * @throws DataError when the file cannot be written or the image has more than 4 channels
 * @example
 * writeImage("/tmp/synthlab-example-digit.png", loadDigitImages().images[0]!, { scale: true });
 * readImage("/tmp/synthlab-example-digit.png").width; // => 8
 */
export function writeImage(path: string, image: Image, options?: EncodePngOptions): void {
  const where = "writeImage";
  if (typeof path !== "string" || path === "") throw new ParamTypeError(where, "path", path, `'path' must be a file path, got ${show(path)}.`);
  const bytes = encodePng(image, options);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new DataError(where, "path", path, `cannot write ${show(path)}: ${(e as Error).message}`);
  }
}

/**
 * The images bundled with synthlab.
 * @example
 * SAMPLE_IMAGE_NAMES; // => ["raccoon"]
 */
export const SAMPLE_IMAGE_NAMES = ["raccoon"] as const;
export type SampleImageName = (typeof SAMPLE_IMAGE_NAMES)[number];

/**
 * A bundled image: `"raccoon"`, SciPy's `face()` reduced to 96 × 128 RGB
 * (public domain; see src/data/raccoon.rst).
 * @param name - the image's name. @defaultValue "raccoon"
 * @returns the image, values 0–255
 * @throws ParamError for an unknown name
 * @example
 * const im = loadSampleImage("raccoon");
 * [im.height, im.width, im.channels]; // => [96, 128, 3]
 */
export function loadSampleImage(name: SampleImageName = "raccoon"): Image {
  if (!(SAMPLE_IMAGE_NAMES as readonly string[]).includes(name)) {
    throw new ParamError("loadSampleImage", "name", name, `unknown image ${show(name)}. Known: ${SAMPLE_IMAGE_NAMES.join(", ")}.`);
  }
  return readImage(join(DATA_DIR, `${name}.png`));
}

/**
 * The bundled digits (`loadDataset("digits")`) as 8 × 8 one-channel images,
 * values 0–16, with their labels.
 * @returns `{ images, y }`: 1,797 images and their digits
 * @example
 * const { images, y } = loadDigitImages();
 * [images.length, images[0]!.height, y[0]]; // => [1797, 8, 0]
 */
export function loadDigitImages(): { images: Image[]; y: Int32Array } {
  const { X, y } = loadDataset("digits");
  return { images: imagesFromMatrix(X, { height: 8, width: 8 }), y };
}
