// Public names of src/neural/ (re-exports only): networks trained on the CPU.
export { GAN, type GANHistory, type GANOptions, type OutputActivation } from "./gan.js";
export { VAE, type VAEHistory, type VAEOptions } from "./vae.js";
export { CTGANSynthesizer, type CTGANOptions } from "./ctgan.js";
export { TVAESynthesizer, type TVAEOptions } from "./tvae.js";
