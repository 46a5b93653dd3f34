/**
 * The statistics behind every verdict: Student-t intervals (with the t quantile
 * computed here), paired differences over seeds, mean curves with 95% bands,
 * the declared verdict rule, and robustness metrics over a grid.
 *
 * @module
 */
export { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from "./student_t.ts";
export { type MeanInterval, meanInterval } from "./interval.ts";
export { type PairedDifference, pairedDifference } from "./paired.ts";
export { type Verdict, verdictOf } from "./verdict.ts";
export { type BandPoint, meanBand } from "./band.ts";
export { type GridCell, type Robustness, robustness, type RobustnessOf } from "./robustness.ts";
