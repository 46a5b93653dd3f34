/**
 * Reading what the sandboxed harness (probe/harness.ts) wrote: one line per
 * step, each starting with the run's secret token, then JSON, parsed
 * strictly. Lines without the token (the student's code writing to standard
 * output) are ignored. Only values come back; the labels, the expected values
 * and the verdict are the grader's. Token lines that are not exactly the
 * harness's protocol (unknown fields, a check twice or out of order) make the
 * exercise's result unreadable, which earns nothing.
 *
 * @module
 */
import type { StudentTraces, TraceOutcome } from "./check.ts";
export type { StudentTraces, Trace, TraceOutcome } from "./check.ts";
import type { TracePoint } from "./types.ts";

/** The most bytes of output read back from one exercise's run. */
export const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** How the run of one exercise ended, as the grader saw it. */
export interface RunEnd {
  /** It was stopped for taking longer than this many seconds. */
  timedOutAfter?: number;
  /** It was stopped for writing more than {@link MAX_OUTPUT_BYTES}. */
  tooMuchOutput?: boolean;
  /** Its exit code, or null when a signal ended it (for example the memory limit). */
  code: number | null;
  /** The last lines it wrote to standard error (the student's console output, Deno's errors). */
  stderr: string;
}

/** Why an answer's module did not load, as plain words (filled in by the caller when known). */
export interface LoadFailure {
  /** The error's name, e.g. `"TypeError"`. */
  name: string;
  /** Its message. */
  message: string;
}

/** The parsed run: the student's traces by check, or why the function could not be reached. */
export type ParsedRun =
  | { kind: "traces"; traces: StudentTraces }
  | { kind: "load-failed"; error: LoadFailure }
  | { kind: "unreadable"; reason: string };

class ProtocolError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) throw new ProtocolError(`unexpected field "${k}"`);
  }
}

function errorField(v: unknown): { name: string; message: string } {
  if (!isRecord(v) || typeof v.name !== "string" || typeof v.message !== "string") {
    throw new ProtocolError("malformed error");
  }
  onlyKeys(v, ["name", "message"]);
  return { name: v.name.slice(0, 300), message: v.message.slice(0, 300) };
}

/** A recorded value, decoded from the harness's tagged JSON. */
export function decodeValue(v: unknown): unknown {
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1) {
      if (v.n === "NaN") return NaN;
      if (v.n === "Infinity") return Infinity;
      if (v.n === "-Infinity") return -Infinity;
      if (v.u === 1) return undefined;
      if (typeof v.s === "string") return v.s.slice(0, 300);
      if (typeof v.o === "string") return { returned: `a value of type ${v.o.slice(0, 40)}` };
    }
  }
  throw new ProtocolError("malformed value");
}

const ERRORS: Record<string, new (m: string) => Error> = {
  Error,
  RangeError,
  TypeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
};

/** An Error like the one the student's code threw (its name and message only). */
export function rebuildError(e: { name: string; message: string }): Error {
  const Ctor = ERRORS[e.name] ?? Error;
  const err = new Ctor(e.message);
  if (!(e.name in ERRORS)) err.name = e.name;
  return err;
}

/**
 * Parses one exercise's output.
 *
 * @param stdout what the run wrote to standard output
 * @param token the run's secret token, which starts each of the harness's lines
 * @param checks the exercise's check ids, in the order the harness runs them
 * @param expected each check's library trace, whose labels the values take
 * @param end how the run ended, to explain checks it did not reach
 * @param fn the student's function's name, for messages
 */
export function parseRun(
  stdout: string,
  token: string,
  fn: string,
  checks: readonly string[],
  expected: (check: string) => readonly TracePoint[],
  end: RunEnd,
): ParsedRun {
  const prefix = `${token} `;
  const lines = token.length < 16
    ? []
    : stdout.split("\n").filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
  const traces: Record<string, TraceOutcome> = {};
  try {
    let state: "start" | "loaded" | "resolved" | "ended" = "start";
    let next = 0;
    for (const line of lines) {
      let msg: unknown;
      try {
        msg = JSON.parse(line);
      } catch {
        throw new ProtocolError("a line that is not the grader's");
      }
      if (!isRecord(msg)) throw new ProtocolError("a line that is not the grader's");
      if (state === "start" && msg.t === "load") {
        if (msg.ok === true) {
          onlyKeys(msg, ["t", "ok"]);
          state = "loaded";
          continue;
        }
        onlyKeys(msg, ["t", "ok", "error"]);
        if (lines.length !== 1) throw new ProtocolError("output after a failed load");
        return { kind: "load-failed", error: errorField(msg.error) };
      }
      if (state === "loaded" && msg.t === "resolve") {
        if (msg.ok === true) {
          onlyKeys(msg, ["t", "ok"]);
          state = "resolved";
          continue;
        }
        onlyKeys(msg, ["t", "ok", "kind", "error", "type"]);
        if (lines.length !== 2) throw new ProtocolError("output after a failed lookup");
        return { kind: "traces", traces: unresolved(msg, fn) };
      }
      if (state === "resolved" && msg.t === "check") {
        onlyKeys(msg, ["t", "id", "values", "error"]);
        const id = checks[next];
        if (id === undefined || msg.id !== id || !Array.isArray(msg.values)) {
          throw new ProtocolError("checks out of order");
        }
        const labels = expected(id);
        const points = msg.values.map((v, i) => ({
          label: labels[i]?.label ?? `value ${i + 1}`,
          value: decodeValue(v),
        }));
        const error = msg.error === null ? null : rebuildError(errorField(msg.error));
        traces[id] = { points, error, threw: error !== null };
        next++;
        continue;
      }
      if (state === "resolved" && msg.t === "end" && next === checks.length) {
        onlyKeys(msg, ["t"]);
        state = "ended";
        continue;
      }
      throw new ProtocolError("a line out of place");
    }
    if (state === "start" || state === "loaded") {
      return {
        kind: "unreadable",
        reason: stopped(end) ?? "the run ended before the answer loaded",
      };
    }
    if (state !== "ended") {
      const why = stopped(end) ?? "the run ended early";
      for (const id of checks.slice(next)) {
        traces[id] = { missing: `${why}, before this check finished` };
      }
    }
    return { kind: "traces", traces: { ok: true, traces } };
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    return {
      kind: "unreadable",
      reason: `the grader could not read the results (${e.message}): did your code write ` +
        "to standard output directly (Deno.stdout)? Use console.log, which is allowed",
    };
  }
}

function unresolved(msg: Record<string, unknown>, fn: string): StudentTraces {
  const hint = `define \`${fn}\` in its answer cell, with the name and signature given there`;
  if (msg.kind === "undefined") {
    return { ok: false, message: `\`${fn}\` is not defined`, hint };
  }
  if (msg.kind === "not-function" && typeof msg.type === "string") {
    const type = msg.type.slice(0, 40);
    return { ok: false, message: `\`${fn}\` is ${type}, not a function`, hint };
  }
  if (msg.kind === "threw") {
    const e = errorField(msg.error);
    return { ok: false, message: `reading \`${fn}\` threw ${e.name}: ${e.message}`, hint };
  }
  throw new ProtocolError("malformed lookup");
}

/** Why the run was stopped, in plain words, or null when it ended by itself. */
export function stopped(end: RunEnd): string | null {
  if (end.timedOutAfter !== undefined) {
    return `your code was stopped after ${end.timedOutAfter} s (an endless loop, or far too ` +
      "slow)";
  }
  if (end.tooMuchOutput) return "your code was stopped for writing too much output";
  if (end.code === null || end.code > 128 || /out of memory|allocation failed/i.test(end.stderr)) {
    return "your code was stopped: it used more memory than allowed, or crashed";
  }
  return null;
}
