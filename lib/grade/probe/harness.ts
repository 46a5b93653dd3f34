/**
 * The harness that runs inside the sandbox, in a fresh process per exercise:
 * `deno run harness.ts <exercise> <module>`, with a secret token on standard
 * input. It reads the token first, then imports the submission module (the
 * template's setup cells and the student's answer cells), runs the exercise's
 * probes on the student's function, and writes one line per step to standard
 * output, each starting with the token:
 *
 * ```
 * <token> {"t":"load","ok":true}
 * <token> {"t":"resolve","ok":true}
 * <token> {"t":"check","id":"shrink","values":[…],"error":null}
 * …
 * <token> {"t":"end"}
 * ```
 *
 * The token lives only in this module's scope, which the student's code
 * cannot reach, and is joined to each line by string concatenation (no method
 * the student could replace sees it), so lines the student's code writes
 * cannot pass for the harness's. Nothing here decides a score: the grader, in
 * its own process, reads the values strictly and compares them with its own.
 * The student's `console` output goes to standard error.
 *
 * @module
 */
import { FUNCTIONS_EXPORT, PROBES } from "./registry.ts";
import type { TracePoint } from "./types.ts";

// Taken before the student's code runs, which may replace the globals.
const write = Deno.stdout.writeSync.bind(Deno.stdout);
const stringify = JSON.stringify;
const toBytes = TextEncoder.prototype.encode.bind(new TextEncoder());
const exit = Deno.exit;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
const MAX_VALUES = 100_000;
const MAX_TEXT = 300;

/** The token, read from standard input before any of the student's code runs. */
let token = "";

function send(message: unknown): void {
  // A newline first, in case the student's code left a partial line on stdout.
  const bytes = toBytes("\n" + token + " " + stringify(message) + "\n");
  let done = 0;
  while (done < bytes.length) done += write(bytes.subarray(done));
}

async function readToken(): Promise<string> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of Deno.stdin.readable) chunks.push(decoder.decode(chunk));
  return chunks.join("").trim();
}

function text(v: unknown): string {
  try {
    return String(v).slice(0, MAX_TEXT);
  } catch {
    return "(unprintable)";
  }
}

/** A value as plain JSON: finite numbers, booleans and null as is, the rest tagged. */
function encodeValue(v: unknown): unknown {
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

token = await readToken();
const [exercise, moduleUrl] = Deno.args;
const probes = exercise === undefined ? undefined : PROBES[exercise];
if (probes === undefined || moduleUrl === undefined || !/^[0-9a-f]{32}$/.test(token)) {
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
  for (let i = 0; i < out.length && i < MAX_VALUES; i++) values[i] = encodeValue(out[i]!.value);
  send({ t: "check", id, values, error });
}
send({ t: "end" });
exit(0);
