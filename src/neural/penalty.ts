/**
 * WGAN-GP's gradient penalty (Gulrajani et al. 2017) for a critic made of
 * Linear, (leaky) ReLU and Dropout layers, with its parameter gradient in
 * closed form (internal).
 *
 * Such a critic is piecewise linear: with the activation slopes and dropout
 * masks of one forward pass fixed, its input gradient is g = W₁ D₁ W₂ D₂ … w_L
 * (each D diagonal), linear in every weight matrix and independent of the
 * biases. The penalty P = λ · mean over groups (‖g_group‖ − 1)² is therefore
 * differentiated by running the input-gradient chain backwards once more
 * (no autograd graph, no second derivative of leaky ReLU, which is 0 almost
 * everywhere) — what PyTorch's `create_graph=True` computes.
 */
import { DataError } from "../core/errors.js";
import { multiplyInto } from "./elementwise.js";
import { gemm } from "./gemm.js";
import { Dropout, LeakyReLU, Linear, type ForwardContext, type Sequential } from "./layers.js";

/**
 * Adds `scale` · λ · mean over rows (‖∂critic/∂x_row‖ − 1)² to the critic's
 * parameter gradients and returns the penalty's value. `x` is the critic's
 * input, `rows` × `critic.inWidth`; with PacGAN, a row is `pac` data rows side
 * by side, so the norm is taken over the pack, as CTGAN does.
 */
export function gradientPenalty(critic: Sequential, x: Float32Array, rows: number, ctx: ForwardContext, lambda: number, scale = 1): number {
  const layers = critic.layers;
  for (const l of layers) {
    if (!(l instanceof Linear || l instanceof LeakyReLU || l instanceof Dropout)) {
      throw new DataError("gradientPenalty", "critic", l.constructor.name, "the closed-form penalty needs a critic of Linear, LeakyReLU and Dropout layers.");
    }
  }
  if (critic.outWidth !== 1) throw new DataError("gradientPenalty", "critic", critic.outWidth, "the critic must output one value per row.");
  critic.forward(x, rows, ctx);
  // backward for the input gradient, keeping each Linear layer's incoming gradient (the "d_out" of its backward)
  const dOuts: (Float32Array | undefined)[] = new Array(layers.length);
  let d: Float32Array = new Float32Array(rows).fill(1);
  for (let k = layers.length - 1; k >= 0; k--) {
    const l = layers[k]!;
    if (l instanceof Linear) {
      dOuts[k] = d;
      d = gemm(d, false, l.weight.data, true, rows, l.outWidth, l.inWidth);
    } else {
      const e = new Float32Array(d.length);
      multiplyInto(d, l instanceof LeakyReLU ? l.slopes : (l as Dropout).mask, e);
      d = e;
    }
  }
  // d = g, rows × width; the penalty and its gradient with respect to g
  const width = critic.inWidth;
  let penalty = 0;
  const u = new Float32Array(d.length);
  for (let r = 0; r < rows; r++) {
    let ss = 0;
    const o = r * width;
    for (let j = 0; j < width; j++) ss += d[o + j]! * d[o + j]!;
    const norm = Math.sqrt(ss);
    penalty += (norm - 1) ** 2;
    const f = norm > 0 ? (2 * lambda * (norm - 1)) / (rows * norm) : 0;
    for (let j = 0; j < width; j++) u[o + j] = f * d[o + j]!;
  }
  penalty = (lambda * penalty) / rows;
  // the adjoint of the input-gradient chain, first layer to last
  let v: Float32Array = u;
  for (let k = 0; k < layers.length; k++) {
    const l = layers[k]!;
    if (l instanceof Linear) {
      const dOut = dOuts[k]!;
      // d_in = d_out · Wᵀ  ⇒  ∂/∂W = d_outᵀ · v (W stored in × out: (in × out) += vᵀ · d_out)
      if (scale === 1) gemm(v, true, dOut, false, l.inWidth, rows, l.outWidth, l.weight.grad, true);
      else {
        const gw = gemm(v, true, dOut, false, l.inWidth, rows, l.outWidth);
        for (let i = 0; i < gw.length; i++) l.weight.grad[i]! += scale * gw[i]!;
      }
      if (k < layers.length - 1) v = gemm(v, false, l.weight.data, false, rows, l.inWidth, l.outWidth);
    } else {
      const e = new Float32Array(v.length);
      multiplyInto(v, l instanceof LeakyReLU ? l.slopes : (l as Dropout).mask, e);
      v = e;
    }
  }
  return penalty;
}
