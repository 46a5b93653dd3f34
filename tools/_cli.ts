/**
 * Small helpers shared by the command lines. Every user error ends the program
 * with one line, `error: <what is wrong>`, and no stack trace:
 *
 * - a bad flag or value ({@link UsageError}, or a RangeError from the library):
 *   that line, then the usage text, exit code 2;
 * - bad data or files ({@link InputError}, a missing or unreadable file,
 *   malformed JSON, or one of lib/data's errors): that line, exit code 1.
 *
 * Anything else is a bug, and keeps its stack trace.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  ChecksumError,
  DataUnavailableError,
  DownloadError,
  GzipError,
  IdxFormatError,
} from "../lib/data/errors.ts";

/** A flag error: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** A problem with the input data or files, not with the flags: one line, exit code 1. */
export class InputError extends Error {}

/** Errors that {@link runCli} reports as bad data or files (exit code 1). */
export const INPUT_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [
  InputError,
  SyntaxError, // JSON.parse of a malformed file
  Deno.errors.NotFound,
  Deno.errors.PermissionDenied,
  Deno.errors.IsADirectory,
  Deno.errors.NotADirectory,
  ChecksumError,
  DataUnavailableError,
  DownloadError,
  GzipError,
  IdxFormatError,
];

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
    const code = (e as { code?: string }).code;
    const flag = /'(-[^']*)'/.exec((e as Error).message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag !== undefined) {
      throw new UsageError(`unknown flag ${flag}`);
    }
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

/** A seed from a flag's text: an integer in [0, 2^32), so that no two seeds run alike. */
export function seed(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = num(values, name, fallback);
  if (!Number.isInteger(v) || v < 0 || v >= 2 ** 32) {
    throw new UsageError(`--${name} must be an integer in [0, 4294967295], got ${v}`);
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

/**
 * Runs `main`. A {@link UsageError} or RangeError prints its message and `usage`
 * and exits with code 2; one of {@link INPUT_ERRORS} prints its message and
 * exits with code 1; anything else propagates (a bug, with its stack trace).
 */
export async function runCli(usage: string, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof UsageError || e instanceof RangeError) {
      console.error(`error: ${e.message}\n\n${usage}`);
      Deno.exit(2);
    }
    if (INPUT_ERRORS.some((c) => e instanceof c)) {
      console.error(`error: ${(e as Error).message}`);
      Deno.exit(1);
    }
    throw e;
  }
}
