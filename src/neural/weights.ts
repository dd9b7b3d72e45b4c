/**
 * Saving and restoring a network's tensors (internal): every parameter and
 * buffer as little-endian f32 bytes in base64, in the layers' fixed order.
 */
import { DataError } from "../core/errors.js";
import type { Layer } from "./layers.js";

/** A network's tensors in JSON. */
export interface WeightsJSON {
  /** Length of each tensor, in order (parameters, then buffers). */
  sizes: number[];
  /** All tensors concatenated, f32 little-endian, base64. */
  data: string;
}

function tensors(net: Layer): Float32Array[] {
  return [...net.params.map((p) => p.data), ...net.buffers];
}

/** The network's weights as JSON. */
export function weightsToJSON(net: Layer): WeightsJSON {
  const ts = tensors(net);
  const total = ts.reduce((s, t) => s + t.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const t of ts) (all.set(t, o), (o += t.length));
  const bytes = new Uint8Array(all.buffer);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return { sizes: ts.map((t) => t.length), data: btoa(bin) };
}

/** Loads weights saved by {@link weightsToJSON} into a network of the same architecture. */
export function weightsFromJSON(net: Layer, json: WeightsJSON, where: string): void {
  const ts = tensors(net);
  if (json.sizes.length !== ts.length || json.sizes.some((s, k) => s !== ts[k]!.length)) {
    throw new DataError(where, "json", json.sizes, `the saved weights (tensor sizes ${json.sizes.join(", ")}) do not fit the network (${ts.map((t) => t.length).join(", ")}); the JSON was saved with other options.`);
  }
  const bin = atob(json.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const all = new Float32Array(bytes.buffer);
  let o = 0;
  for (const t of ts) (t.set(all.subarray(o, o + t.length)), (o += t.length));
  for (const p of net.params) p.version++;
}
