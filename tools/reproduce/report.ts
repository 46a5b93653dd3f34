/**
 * How the main job reports: one line per claim of the paper with our numbers
 * and the verdict, and a progress printer.
 *
 * @module
 */
import type { Claim } from "../../lib/experiments/mod.ts";

export type { Claim } from "../../lib/experiments/mod.ts";
export { fmt } from "../../lib/experiments/mod.ts";

/** Prints a claim line: "[agrees] where: "quote" | judged | ours". */
export function printClaim(c: Claim): void {
  const tag = c.verdict === "differs" ? "DIFFERS" : c.verdict;
  console.log(`[${tag}] ${c.where}: "${c.quote}"\n    judged on: ${c.judged}\n    ours: ${c.ours}`);
}

/** A progress printer that writes at most one line per `seconds` to stderr. */
export function progress(seconds = 5): (label: string, fraction: number) => void {
  let last = 0;
  return (label, fraction) => {
    const now = performance.now();
    if (now - last < seconds * 1000 && fraction < 1) return;
    last = now;
    console.error(`  … ${label}: ${(100 * fraction).toFixed(0)}%`);
  };
}
