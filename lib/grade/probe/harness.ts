/**
 * The harness that runs inside the sandbox, in a fresh process per exercise:
 * `deno run harness.ts <exercise> <module>`. It imports the submission module
 * (the template's setup cells and the student's answer cells), runs the
 * exercise's probes on the student's function, and writes one JSON line per
 * step to standard output:
 *
 * ```
 * {"t":"load","ok":true}
 * {"t":"resolve","ok":true}
 * {"t":"check","id":"shrink","values":[…],"error":null}
 * …
 * {"t":"end"}
 * ```
 *
 * Nothing here decides a score: the grader, in its own process, reads these
 * values strictly and compares them with its own. The student's `console`
 * output goes to standard error.
 *
 * @module
 */
import { FUNCTIONS_EXPORT, PROBES } from "./registry.ts";
import type { TracePoint } from "./types.ts";

// Taken before the student's code runs, which may replace the globals.
const stdout = Deno.stdout;
const writeSync = Deno.stdout.writeSync;
const stringify = JSON.stringify;
const encoder = new TextEncoder();
const exit = Deno.exit;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
const MAX_VALUES = 100_000;
const MAX_TEXT = 300;

function send(message: unknown): void {
  const bytes = encoder.encode(stringify(message) + "\n");
  let done = 0;
  while (done < bytes.length) done += writeSync.call(stdout, bytes.subarray(done));
}

function text(v: unknown): string {
  try {
    return String(v).slice(0, MAX_TEXT);
  } catch {
    return "(unprintable)";
  }
}

/** A value as plain JSON: finite numbers, booleans and null as is, the rest tagged. */
function encode(v: unknown): unknown {
  if (typeof v === "number") return isFinite(v) ? v : { n: text(v) };
  if (typeof v === "boolean" || v === null) return v;
  if (v === undefined) return { u: 1 };
  if (typeof v === "string") return { s: v.slice(0, MAX_TEXT) };
  let kind: string = typeof v;
  try {
    if (isArray(v)) kind = "array";
  } catch { /* a revoked proxy */ }
  return { o: kind };
}

function errorOf(e: unknown): { name: string; message: string } {
  try {
    if (e instanceof Error) return { name: text(e.name), message: text(e.message) };
  } catch { /* a hostile error object */ }
  return { name: "thrown value", message: text(e) };
}

const [exercise, moduleUrl] = Deno.args;
const probes = exercise === undefined ? undefined : PROBES[exercise];
if (probes === undefined || moduleUrl === undefined) {
  console.error("usage: harness.ts <exercise> <module URL>");
  exit(2);
}
for (const k of ["log", "info", "debug", "table", "dir", "dirxml"] as const) {
  (console as unknown as Record<string, unknown>)[k] = console.error;
}

let mod: Record<string, unknown>;
try {
  mod = await import(moduleUrl!);
  send({ t: "load", ok: true });
} catch (e) {
  send({ t: "load", ok: false, error: errorOf(e) });
  exit(0);
}

let fn: unknown;
try {
  const getters = mod![FUNCTIONS_EXPORT] as Record<string, () => unknown>;
  fn = getters[probes!.fn]!();
} catch (e) {
  const undef = e instanceof ReferenceError;
  send({ t: "resolve", ok: false, kind: undef ? "undefined" : "threw", error: errorOf(e) });
  exit(0);
}
if (typeof fn !== "function") {
  send({ t: "resolve", ok: false, kind: "not-function", type: fn === null ? "null" : typeof fn });
  exit(0);
}
send({ t: "resolve", ok: true });

for (const [id, probe] of Object.entries(probes!.probes)) {
  const out: TracePoint[] = [];
  let error: { name: string; message: string } | null = null;
  try {
    probe(fn, out);
  } catch (e) {
    error = errorOf(e);
  }
  const values: unknown[] = [];
  for (let i = 0; i < out.length && i < MAX_VALUES; i++) values[i] = encode(out[i]!.value);
  send({ t: "check", id, values, error });
}
send({ t: "end" });
exit(0);
