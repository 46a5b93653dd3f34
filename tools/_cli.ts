/**
 * Small helpers shared by the command lines: strict flag parsing with a usage
 * message and exit code 2 on a bad flag.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A flag error: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `args` strictly against `options`; unknown flags or missing values throw {@link UsageError}. */
export function parseFlags(
  args: string[],
  options: Options,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A finite number from a flag's text, or a {@link UsageError} naming the flag. */
export function num(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(v)) {
    throw new UsageError(`--${name} must be a number, got "${String(raw)}"`);
  }
  return v;
}

/** A positive integer from a flag's text (accepts 1e7). */
export function int(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  min = 1,
): number {
  const v = num(values, name, fallback);
  if (!Number.isInteger(v) || v < min) {
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/** One of a fixed set of words. */
export function choice<T extends string>(
  values: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) {
    throw new UsageError(`--${name} must be one of ${allowed.join("|")}, got "${String(raw)}"`);
  }
  return raw as T;
}

/** Runs `main`; a {@link UsageError} or RangeError prints `usage` and exits with code 2. */
export async function runCli(usage: string, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof UsageError || e instanceof RangeError) {
      console.error(`error: ${(e as Error).message}\n\n${usage}`);
      Deno.exit(2);
    }
    throw e;
  }
}
