/**
 * The paper's experiments as functions returning tidy rows: what the notebooks
 * and `deno task reproduce` both call, with the claims they check.
 *
 * @module
 */
export * from "./figure1.ts";
export * from "./theorems.ts";
export * from "./sweeps.ts";
export * from "./figure2.ts";
export * from "./figure2_analysis.ts";
export * from "./figure2_claims.ts";
export * from "./claims.ts";
export * from "./published.ts";
export * from "./seeded.ts";
export * from "./synthetic_claims.ts";
export * from "./theory.ts";
