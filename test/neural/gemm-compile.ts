/**
 * Compiles src/neural/wasm/gemm.wat with wabt (a dev dependency) into the
 * bytes stored in src/neural/wasm/gemm-bytes.ts.
 * Regenerate with: node --import tsx test/neural/gemm-compile.ts --write
 * test/neural/engine.test.ts recompiles and checks the committed bytes match.
 */
import { fileURLToPath } from "node:url";
import { compileWat, writeWasmBytes } from "../helpers/wat.js";

const WAT = new URL("../../src/neural/wasm/gemm.wat", import.meta.url);
const OUT = new URL("../../src/neural/wasm/gemm-bytes.ts", import.meta.url);

/** The module's bytes, base64. */
export function compileGemm(): Promise<string> {
  return compileWat(WAT, { simd: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--write")) {
  writeWasmBytes(OUT, WAT, "GEMM_WASM_BASE64", await compileGemm(), "test/neural/gemm-compile.ts");
}
