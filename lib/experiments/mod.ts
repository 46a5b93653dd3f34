/**
 * The paper's experiments as functions returning tidy rows: what the notebooks
 * and `deno task reproduce` both call.
 *
 * @module
 */
export * from "./figure1.ts";
export * from "./theorems.ts";
export * from "./sweeps.ts";
export * from "./figure2.ts";
