/**
 * The one kind of check every exercise uses: run the student's function on a
 * scenario, record a trace, compare it with the library's trace, and on a
 * divergence look for a known mistake that reproduces the student's trace.
 *
 * @module
 */
import { close, describeDivergence, firstDivergence, type Tolerance } from "./compare.ts";
import { errorText, type Resolved, throwHint } from "./student.ts";
import type { CheckResult, Mistake, TracePoint } from "./types.ts";

/** How to run and judge one check. */
export interface TraceCheck<F> {
  /** The exercise id. */
  exercise: string;
  /** The check's id, unique within the exercise (its probe's name). */
  check: string;
  /** What the check verifies, in one line. */
  title: string;
  /** Points for a pass (default 1). */
  points?: number;
  /** The student's function's name, for messages. */
  name: string;
  /** Runs `f` on the scenario, pushing each recorded value into `out` as it goes. */
  run: (f: F, out: TracePoint[]) => void;
  /** The library's trace on the same scenario. */
  expected: () => TracePoint[];
  /** Known wrong answers, tried in order when the student's trace diverges. */
  mistakes: readonly Mistake<F>[];
  /** How close the student's values must be to the library's. */
  tol: Tolerance;
  /** The evidence printed on a pass. */
  passMessage: (expected: TracePoint[]) => string;
  /** The hint when no known mistake matches. */
  fallbackHint: string;
  /** The hint when the run throws (default: {@link throwHint}). */
  throwHint?: (e: unknown) => string;
  /** Optional extra context appended to a failure message (e.g. where x ended). */
  context?: (actual: TracePoint[], expected: TracePoint[]) => string;
}

function result(
  c: { exercise: string; check: string; title: string; points?: number },
  pass: boolean,
  message: string,
  hint: string | null,
  mistake: string | null,
): CheckResult {
  const maxPoints = c.points ?? 1;
  return {
    exercise: c.exercise,
    check: c.check,
    title: c.title,
    pass,
    points: pass ? maxPoints : 0,
    maxPoints,
    message,
    hint: pass ? null : hint,
    mistake: pass ? null : mistake,
  };
}

/** A failed check for a student function that could not be reached. */
export function unreachable(
  c: { exercise: string; check: string; title: string; points?: number },
  r: { message: string; hint: string },
): CheckResult {
  return result(c, false, r.message, r.hint || null, null);
}

/** What running a check on a function recorded: its values, and what it threw, if it did. */
export interface Trace {
  /** The values recorded, in order. */
  points: TracePoint[];
  /** What the run threw, or null. */
  error: unknown;
  /** Whether it threw. */
  threw: boolean;
}

/**
 * A check's trace, or why there is none (the run was stopped before it, or
 * its values could not be read back): the check then fails with that message.
 */
export type TraceOutcome = Trace | { missing: string };

/** The student's traces by check id, or why the student's function could not be reached. */
export type StudentTraces =
  | { ok: true; traces: Readonly<Record<string, TraceOutcome>> }
  | { ok: false; message: string; hint: string };

// The library's traces and the mistakes' traces depend on nothing but the check.
const expectedCache = new Map<string, TracePoint[]>();
const mistakeCache = new Map<string, Trace>();

function expectedOf<F>(spec: TraceCheck<F>): TracePoint[] {
  const key = `${spec.exercise}/${spec.check}`;
  let e = expectedCache.get(key);
  if (e === undefined) expectedCache.set(key, e = spec.expected());
  return e;
}

function mistakeTrace<F>(spec: TraceCheck<F>, m: Mistake<F>): Trace {
  const key = `${spec.exercise}/${spec.check}/${m.id}`;
  let t = mistakeCache.get(key);
  if (t === undefined) mistakeCache.set(key, t = traceOf(spec, m.impl));
  return t;
}

/** The trace of `f`, or the exception it threw with the traces recorded so far. */
export function traceOf<F>(spec: TraceCheck<F>, f: F): Trace {
  const points: TracePoint[] = [];
  try {
    spec.run(f, points);
    return { points, error: null, threw: false };
  } catch (e) {
    return { points, error: e, threw: true };
  }
}

/** The known mistakes whose traces equal `actual` everywhere, in the order listed. */
export function matchMistakes<F>(
  spec: TraceCheck<F>,
  actual: readonly TracePoint[],
): Mistake<F>[] {
  return spec.mistakes.filter((m) => {
    const t = mistakeTrace(spec, m);
    if (t.threw || t.points.length !== actual.length) return false;
    return t.points.every((p, i) => close(p.value, actual[i]!.value, spec.tol));
  });
}

/** A check's result with every known mistake that reproduces the student's trace. */
interface Judged<F> {
  result: CheckResult;
  candidates: Mistake<F>[];
}

/** Runs one trace check on the student's function. */
export function runTraceCheck<F>(spec: TraceCheck<F>, student: Resolved<F>): CheckResult {
  return runTraceChecks([spec], student)[0]!;
}

/**
 * Runs several checks of one exercise. A scenario that records only x cannot
 * tell some mistakes apart (returning v_t and having no max move x alike);
 * when a more telling check named one mistake, the checks it also explains
 * report that mistake's hint rather than their own first match.
 */
export function runTraceChecks<F>(specs: TraceCheck<F>[], student: Resolved<F>): CheckResult[] {
  if (!student.ok) return judgeTraceChecks(specs, student);
  const traces = Object.fromEntries(specs.map((s) => [s.check, traceOf(s, student.fn)]));
  return judgeTraceChecks(specs, { ok: true, traces });
}

/**
 * Judges the traces that the student's function recorded (in the sandbox, or
 * here): each against the library's, looking for a known mistake on a
 * divergence. Nothing but the values is used.
 */
export function judgeTraceChecks<F>(
  specs: TraceCheck<F>[],
  student: StudentTraces,
): CheckResult[] {
  const judged = specs.map((s) => judge(s, student));
  const telling = judged
    .filter((j) => j.candidates.length > 0)
    .sort((a, b) => a.candidates.length - b.candidates.length)[0];
  const named = telling?.candidates[0];
  if (named === undefined) return judged.map((j) => j.result);
  return judged.map((j) =>
    j.candidates.some((m) => m.id === named.id)
      ? { ...j.result, hint: named.hint, mistake: named.id }
      : j.result
  );
}

function judge<F>(spec: TraceCheck<F>, student: StudentTraces): Judged<F> {
  const judged = (result: CheckResult, candidates: Mistake<F>[] = []) => ({ result, candidates });
  if (!student.ok) return judged(unreachable(spec, student));
  const expected = expectedOf(spec);
  const got = student.traces[spec.check] ?? { missing: "this check did not run" };
  if ("missing" in got) {
    return judged(result(spec, false, got.missing, spec.fallbackHint, null));
  }
  if (got.threw) {
    const where = expected[got.points.length]?.label ?? "the end of the scenario";
    return judged(result(
      spec,
      false,
      `threw at ${where} while running \`${spec.name}\`: ${errorText(got.error)}`,
      spec.throwHint ? spec.throwHint(got.error) : throwHint(spec.name, got.error),
      null,
    ));
  }
  const d = firstDivergence(expected, got.points, spec.tol);
  if (d === null && got.points.length === expected.length) {
    return judged(result(spec, true, spec.passMessage(expected), null, null));
  }
  const base = d === null
    ? `your function produced ${got.points.length} values where ${expected.length} were expected`
    : describeDivergence(d);
  const extra = spec.context ? spec.context(got.points, expected) : "";
  const message = extra ? `${base}. ${extra}` : base;
  const candidates = matchMistakes(spec, got.points);
  const m = candidates[0];
  return judged(
    result(spec, false, message, m ? m.hint : spec.fallbackHint, m ? m.id : null),
    candidates,
  );
}
