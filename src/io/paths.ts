import { fileURLToPath } from "node:url";

/** The package root (this file sits two levels below it, in src/io or dist/io). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The datasets shipped with synthlab (copied from UCI via scikit-learn). */
export const DATA_DIR = fileURLToPath(new URL("../../src/data/", import.meta.url));
