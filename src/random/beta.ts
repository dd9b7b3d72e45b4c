import type { WordStream } from "./stream.js";
import { standardGamma } from "./gamma.js";

/**
 * One Beta(a, b) draw: Jöhnk's algorithm when both a, b <= 1 (with numpy's
 * log-space fallback against underflow), otherwise the ratio of two gamma
 * draws, as numpy's `random_beta`.
 */
export function beta(st: WordStream, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    for (;;) {
      const u = st.double();
      const v = st.double();
      const x = Math.pow(u, 1 / a);
      const y = Math.pow(v, 1 / b);
      const xpy = x + y;
      if (xpy <= 1 && xpy > 0) {
        if (x + y > 0) return x / xpy;
        let logX = Math.log(u) / a;
        let logY = Math.log(v) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
      }
    }
  }
  const ga = standardGamma(st, a);
  const gb = standardGamma(st, b);
  return ga / (ga + gb);
}

/** Fills `out` with Beta(a, b) draws. */
export function fillBeta(st: WordStream, out: Float64Array, a: number, b: number): void {
  for (let i = 0; i < out.length; i++) out[i] = beta(st, a, b);
}
