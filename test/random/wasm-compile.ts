/**
 * Compiles src/random/wasm/kernels.wat with wabt (a dev dependency) into
 * the bytes stored in src/random/wasm/kernels-bytes.ts.
 * Regenerate with: node --import tsx test/random/wasm-compile.ts --write
 * test/random/wasm.test.ts recompiles and checks the committed bytes match.
 */
import { fileURLToPath } from "node:url";
import { compileWat, writeWasmBytes } from "../helpers/wat.js";

const WAT = new URL("../../src/random/wasm/kernels.wat", import.meta.url);
const OUT = new URL("../../src/random/wasm/kernels-bytes.ts", import.meta.url);

/** The module's bytes, base64. */
export function compileKernels(): Promise<string> {
  return compileWat(WAT);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  writeWasmBytes(OUT, WAT, "KERNELS_WASM_BASE64", await compileKernels(), "test/random/wasm-compile.ts");
}
