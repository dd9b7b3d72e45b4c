/**
 * Synthesizers by name: `createSynthesizer(method, options)`,
 * `listSynthesizers()`, and `loadSynthesizer(json)` for a saved one.
 */
import { ParamError, ParamTypeError, show } from "../core/errors.js";
import { CartSynthesizer, type CartSynthesizerOptions } from "./cart.js";
import { GaussianCopulaSynthesizer, type GaussianCopulaOptions } from "./gaussian-copula.js";
import {
  GaussianMixtureSynthesizer,
  KdeSynthesizer,
  MultivariateNormalSynthesizer,
  MungeSynthesizer,
  SmoteSynthesizer,
  type GaussianMixtureSynthesizerOptions,
  type KdeSynthesizerOptions,
  type MultivariateNormalSynthesizerOptions,
  type MungeSynthesizerOptions,
  type SmoteSynthesizerOptions,
} from "./fitter-synthesizers.js";
import type { BaseSynthesizerOptions, SynthesizerJSON, TableSynthesizer } from "./synthesizer.js";
import { CTGANSynthesizer, type CTGANOptions } from "../neural/ctgan.js";
import { TVAESynthesizer, type TVAEOptions } from "../neural/tvae.js";

/** Each method's own options. */
export interface SynthesizerOptionsByMethod {
  "gaussian-copula": GaussianCopulaOptions;
  cart: CartSynthesizerOptions;
  "multivariate-normal": MultivariateNormalSynthesizerOptions;
  "gaussian-mixture": GaussianMixtureSynthesizerOptions;
  kde: KdeSynthesizerOptions;
  smote: SmoteSynthesizerOptions;
  munge: MungeSynthesizerOptions;
  ctgan: CTGANOptions;
  tvae: TVAEOptions;
}

export type SynthesizerMethod = keyof SynthesizerOptionsByMethod;

const REGISTRY = {
  "gaussian-copula": (o) => new GaussianCopulaSynthesizer(o),
  cart: (o) => new CartSynthesizer(o),
  "multivariate-normal": (o) => new MultivariateNormalSynthesizer(o),
  "gaussian-mixture": (o) => new GaussianMixtureSynthesizer(o),
  kde: (o) => new KdeSynthesizer(o),
  smote: (o) => new SmoteSynthesizer(o),
  munge: (o) => new MungeSynthesizer(o),
  ctgan: (o) => new CTGANSynthesizer(o),
  tvae: (o) => new TVAESynthesizer(o),
} satisfies { [M in SynthesizerMethod]: (o: BaseSynthesizerOptions & SynthesizerOptionsByMethod[M]) => TableSynthesizer };

/** Short descriptions, for listings and help text. */
const DESCRIPTIONS: Record<SynthesizerMethod, string> = {
  "gaussian-copula": "Gaussian copula: a fitted marginal per column and the normal scores' correlation; exact conditional sampling",
  cart: "CART (synthpop): one tree per column on the columns before it, values drawn from real donors in the leaf",
  "multivariate-normal": "multivariate normal over standardized numbers and one-hot categories (baseline)",
  "gaussian-mixture": "Gaussian mixture over standardized numbers and one-hot categories",
  kde: "Gaussian kernel density around the real rows",
  smote: "SMOTE: points between a real row and a nearest neighbour",
  munge: "MUNGE: attributes swapped with or redrawn around the nearest neighbour's",
  ctgan: "CTGAN: a conditional GAN with mode-specific normalization (WGAN-GP, PacGAN); conditions on one category exact",
  tvae: "TVAE: a variational autoencoder with mode-specific normalization",
};

/** The table synthesizers `createSynthesizer` knows, with a line on each. */
export function listSynthesizers(): { method: SynthesizerMethod; description: string }[] {
  return (Object.keys(REGISTRY) as SynthesizerMethod[]).map((method) => ({ method, description: DESCRIPTIONS[method] }));
}

/**
 * A table synthesizer by name (SDV's single-table synthesizers).
 *
 * @param method - one of `listSynthesizers()`
 * @param options - `metadata`, `seed`, `constraints`, `enforceMinMax`, `enforceRounding`, and the method's own
 * @throws ParamError for an unknown method (listing the known ones) or option
 * @example
 * const s = createSynthesizer("gaussian-copula", { seed: 1 }).fit(loadIris().frame);
 * s.sample(10, { seed: 2 }).shape; // => [10, 5]
 */
export function createSynthesizer<M extends SynthesizerMethod>(method: M, options?: BaseSynthesizerOptions & SynthesizerOptionsByMethod[M]): TableSynthesizer {
  if (typeof method !== "string" || !(method in REGISTRY)) {
    throw new ParamError("createSynthesizer", "method", method, `unknown method ${show(method)}. Methods: ${Object.keys(REGISTRY).join(", ")}.`);
  }
  return (REGISTRY[method] as (o: unknown) => TableSynthesizer)(options ?? {});
}

/**
 * A fitted synthesizer from `synthesizer.toJSON()` (or its JSON text): its
 * `sample(n, { seed })` gives the same rows as the original's.
 * @throws ParamTypeError when the value is not a saved synthesizer
 */
export function loadSynthesizer(json: SynthesizerJSON | string): TableSynthesizer {
  const where = "loadSynthesizer";
  let j: SynthesizerJSON;
  try {
    j = typeof json === "string" ? (JSON.parse(json) as SynthesizerJSON) : json;
  } catch (e) {
    throw new ParamTypeError(where, "json", json, `the text is not JSON: ${(e as Error).message}`);
  }
  if (j === null || typeof j !== "object" || j.format !== "synthlab.synthesizer") {
    throw new ParamTypeError(where, "json", json, `expected a saved synthesizer (synthesizer.toJSON()), got ${show(json)}.`);
  }
  if (j.version !== 1) throw new ParamError(where, "json", j.version, `saved with format version ${show(j.version)}; this synthlab reads version 1.`);
  const { seed, enforceMinMax, enforceRounding, avoidCopies, constraints, ...own } = j.options as Record<string, unknown>;
  const s = createSynthesizer(j.method as SynthesizerMethod, {
    ...own,
    ...(seed === undefined ? {} : { seed: seed as number }),
    enforceMinMax: enforceMinMax as boolean,
    enforceRounding: enforceRounding as boolean,
    avoidCopies: (avoidCopies ?? false) as boolean,
    constraints: constraints as never,
  } as never);
  return s.restore(j);
}
