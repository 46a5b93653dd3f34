/**
 * The public face of the reproduction of Reddi, Kale & Kumar, "On the
 * Convergence of Adam and Beyond" (ICLR 2018). Notebooks and tools import from here.
 *
 * @module
 */
export * from "./framework/mod.ts";
export * from "./optimizers/mod.ts";
export { Rng } from "./random/rng.ts";
export * from "./online/mod.ts";
export * from "./experiments/mod.ts";
export * from "./data/mod.ts";
export * from "./models/mod.ts";
export * from "./train/mod.ts";
export * from "./stats/mod.ts";
