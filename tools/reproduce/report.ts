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
  /**
   * Decided by code from our numbers, never by hand: `agrees`, `differs`,
   * `tie` (the two methods within the tolerance stated in `ours`), or `info`
   * (a measurement beyond the paper, not a claim of it).
   */
  verdict: "agrees" | "differs" | "tie" | "info";
}

/** `agrees` or `differs` from a condition. */
export function verdict(ok: boolean): "agrees" | "differs" {
  return ok ? "agrees" : "differs";
}

/**
 * Compares two losses where lower is better and the paper says `better` wins:
 * within `tol` (relative) it is a tie.
 */
export function compareLosses(better: number, worse: number, tol = 0.02): Claim["verdict"] {
  if (!Number.isFinite(better) || !Number.isFinite(worse)) return "differs";
  if (Math.abs(better - worse) <= tol * Math.max(Math.abs(better), Math.abs(worse))) return "tie";
  return better < worse ? "agrees" : "differs";
}

/** Prints a claim line: "[agrees] Figure 1 (online): paper … | ours …". */
export function printClaim(c: Claim): void {
  const tag = c.verdict === "differs" ? "DIFFERS" : c.verdict;
  console.log(
    `[${tag}] ${c.where}: ${c.verdict === "info" ? "" : "paper: "}${c.paper} | ours: ${c.ours}`,
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
