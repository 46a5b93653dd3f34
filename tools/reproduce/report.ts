/**
 * How the main job reports: one line per claim of the paper with our number
 * and whether it agrees, and JSON files of data plus full settings.
 *
 * @module
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** One claim of the paper checked against our numbers. */
export interface Claim {
  /** Where the paper makes it, e.g. "Figure 1 (online)". */
  where: string;
  /** What the paper says. */
  paper: string;
  /** What we measured, with numbers. */
  ours: string;
  /** Whether our numbers agree with the claim (decided by code, not by hand). */
  agrees: boolean;
}

/** Prints a claim line: "[agrees] Figure 1 (online): paper … | ours …". */
export function printClaim(c: Claim): void {
  console.log(
    `[${c.agrees ? "agrees" : "DIFFERS"}] ${c.where}: paper: ${c.paper} | ours: ${c.ours}`,
  );
}

/** Writes `value` as JSON to `path` (NaN and ±∞ become null), creating folders. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value, null, 1) + "\n");
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

/** A number with `d` decimals and a sign, for claim lines. */
export function fmt(x: number, d = 4): string {
  return Number.isFinite(x) ? x.toFixed(d) : String(x);
}
