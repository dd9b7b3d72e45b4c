// Public names of src/image/ (re-exports only): images and Keras' ImageDataGenerator.
export { checkImage, createImage, imageFromPixels, imagesFromMatrix, imagesToMatrix, tileImages, type Image, type PixelShapeOptions, type TileOptions } from "./image.js";
export { affineTransform, FILL_MODES, type FillMode } from "./affine.js";
export { ImageDataGenerator, transformMatrix, type FlowOptions, type ImageDataGeneratorOptions, type TransformParams } from "./image-data-generator.js";
export { decodePng, encodePng, type EncodePngOptions } from "./png.js";
