/**
 * The trusted side's verdict on one exercise: the values the sandboxed run
 * handed back, compared with the library's in the grader's own process.
 *
 * @module
 */
import { judgeTraceChecks } from "./check.ts";
import type { Exercise } from "./exercises.ts";
import { type ParsedRun, parseRun, type RunEnd } from "./protocol.ts";
import { type DisplayedReport, exerciseReport } from "./report.ts";
import type { CheckResult, TracePoint } from "./types.ts";

/** Why an exercise was not run at all (no answer, a syntax error), in plain words. */
export interface NotRun {
  /** Marks this as a run that did not happen. */
  kind: "not-run";
  /** Every check's message. */
  message: string;
  /** Every check's hint. */
  hint: string;
}

/** Every check of `ex` failed with the same message (nothing could be measured). */
function allFailed(ex: Exercise, message: string, hint: string | null): CheckResult[] {
  return ex.checks().map((c) => ({
    exercise: ex.id,
    check: c.check,
    title: c.title,
    pass: false,
    points: 0,
    maxPoints: c.points ?? 1,
    message,
    hint,
    mistake: null,
  }));
}

/**
 * Judges one exercise from its run's output (or from why it did not run).
 *
 * @param ex the exercise, from the lecturer's registry
 * @param run the harness's standard output, the run's token and how the run ended, or why
 *   it did not run
 */
export function judgeExercise(
  ex: Exercise,
  run: { stdout: string; token: string; end: RunEnd } | NotRun,
): DisplayedReport {
  const specs = ex.checks();
  const meta = { exercise: ex.id, title: ex.title, bonus: ex.bonus };
  if ("kind" in run) return exerciseReport(meta, allFailed(ex, run.message, run.hint));
  const expected = new Map<string, readonly TracePoint[]>();
  const parsed: ParsedRun = parseRun(
    run.stdout,
    run.token,
    ex.fn,
    specs.map((s) => s.check),
    (id) => {
      const spec = specs.find((s) => s.check === id)!;
      if (!expected.has(id)) expected.set(id, spec.expected());
      return expected.get(id)!;
    },
    run.end,
  );
  if (parsed.kind === "load-failed") {
    const e = parsed.error;
    return exerciseReport(
      meta,
      allFailed(
        ex,
        `your code stopped before ${ex.fn} could be tested: ${e.name}: ${e.message}`,
        "run your notebook from the top (Restart & Run All) and fix the first error it shows",
      ),
    );
  }
  if (parsed.kind === "unreadable") return exerciseReport(meta, allFailed(ex, parsed.reason, null));
  return exerciseReport(meta, judgeTraceChecks(specs, parsed.traces));
}
