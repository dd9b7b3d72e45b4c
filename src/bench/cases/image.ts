import { ImageDataGenerator } from "../../image/image-data-generator.js";
import type { Image } from "../../image/image.js";
import { createRng } from "../../random/rng.js";
import { scaled, type BenchCase } from "../case.js";

const SEED = 11;

/**
 * Keras' ImageDataGenerator on random 28 × 28 one-channel images, the peer's
 * options (rotation 40°, shifts 0.2, shear 0.2°, zoom 0.2, horizontal flips,
 * nearest fill). The peer draws Keras' parameters with numpy and resamples
 * with scipy.ndimage.affine_transform (order 1); synthlab draws them in the
 * same order and resamples with the same map (test/image/affine.test.ts
 * checks it equals scipy's to 1e-9).
 */
export const IMAGE_CASES: BenchCase[] = [
  {
    name: "augment_10k_28x28",
    params: (s) =>
      `new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2, heightShiftRange: 0.2, shearRange: 0.2, zoomRange: 0.2, horizontalFlip: true, fillMode: "nearest" }).flow(images, { batchSize: n, shuffle: false, seed: 11 }) one batch, n=${scaled(10_000, s)} random 28x28x1 images`,
    setup: (s) => {
      const n = scaled(10_000, s);
      const rng = createRng(SEED);
      const images: Image[] = Array.from({ length: n }, () => ({ height: 28, width: 28, channels: 1, data: rng.random(28 * 28) }));
      const gen = new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2, heightShiftRange: 0.2, shearRange: 0.2, zoomRange: 0.2, horizontalFlip: true, fillMode: "nearest", seed: SEED });
      return {
        op: () => gen.flow(images, { batchSize: n, shuffle: false, seed: SEED, epochs: 1 }).next().value as Image[],
        info: (r) => ({ images_out: (r as Image[]).length }),
      };
    },
  },
];
