import type { WordStream } from "./stream.js";
import { standardGamma } from "./gamma.js";
import { pow } from "./log.js";

/**
 * One Jöhnk try loop for a, b <= 1 with ia = 1/a, ib = 1/b, as numpy's
 * `random_beta` (numpy >= 1.17's distributions.c: a try whose x + y
 * underflows to 0 is rejected, so its log-space branch never runs); the powers
 * by ./log.ts's table `pow` (within 0.52 ulp; V8's Math.pow costs ~60 ns).
 */
function johnk(st: WordStream, a: number, b: number, ia: number, ib: number): number {
  for (;;) {
    const u = st.double();
    const v = st.double();
    const x = pow(u, ia);
    const y = pow(v, ib);
    const xpy = x + y;
    if (xpy <= 1 && xpy > 0) {
      if (x + y > 0) return x / xpy; // always, as in numpy's Generator: the log-space branch is unreachable there too
      let logX = Math.log(u) / a;
      let logY = Math.log(v) / b;
      const logM = logX > logY ? logX : logY;
      logX -= logM;
      logY -= logM;
      return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
    }
  }
}

/**
 * One Beta(a, b) draw: Jöhnk's algorithm when both a, b <= 1 (with numpy's
 * log-space fallback against underflow), otherwise the ratio of two gamma
 * draws, as numpy's `random_beta`.
 */
export function beta(st: WordStream, a: number, b: number): number {
  if (a <= 1 && b <= 1) return johnk(st, a, b, 1 / a, 1 / b);
  const ga = standardGamma(st, a);
  const gb = standardGamma(st, b);
  return ga / (ga + gb);
}

/**
 * Fills `out` with Beta(a, b) draws, the same as repeated {@link beta} (for
 * a, b <= 1 by the WebAssembly Jöhnk kernel where the bit generator has one:
 * the same operations, so the same numbers).
 */
export function fillBeta(st: WordStream, out: Float64Array, a: number, b: number): void {
  if (a <= 1 && b <= 1) {
    if (st.bulk(out, 0, out.length, (k, m) => k.betaJohnk(m, a, b))) return;
    const ia = 1 / a;
    const ib = 1 / b;
    for (let i = 0; i < out.length; i++) out[i] = johnk(st, a, b, ia, ib);
    return;
  }
  for (let i = 0; i < out.length; i++) out[i] = beta(st, a, b);
}
