import type { WordStream } from "./stream.js";
import { standardExponential } from "./exponential.js";
import { standardNormal } from "./normal.js";

/**
 * One standard gamma draw: Marsaglia & Tsang (2000) for shape >= 1, and
 * numpy's rejection from a Weibull-like envelope for shape < 1 (Ahrens–Dieter
 * style), exactly as numpy's `random_standard_gamma`.
 */
export function standardGamma(st: WordStream, shape: number): number {
  if (shape === 1) return standardExponential(st);
  if (shape === 0) return 0;
  if (shape < 1) {
    for (;;) {
      const u = st.double();
      const v = standardExponential(st);
      if (u <= 1 - shape) {
        const x = Math.pow(u, 1 / shape);
        if (x <= v) return x;
      } else {
        const y = -Math.log((1 - u) / shape);
        const x = Math.pow(1 - shape + shape * y, 1 / shape);
        if (x <= v + y) return x;
      }
    }
  }
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(st);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = st.double();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return b * v;
    if (Math.log(u) < 0.5 * x2 + b * (1 - v + Math.log(v))) return b * v;
  }
}

/** Fills `out` with `scale * Gamma(shape)`. */
export function fillGamma(st: WordStream, out: Float64Array, shape: number, scale = 1): void {
  for (let i = 0; i < out.length; i++) out[i] = scale * standardGamma(st, shape);
}
