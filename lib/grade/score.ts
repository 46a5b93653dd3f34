/**
 * A notebook's score from the grader's reports: one line per exercise,
 * exercises without a report scored 0 with the reason, bonus points kept
 * apart from the maximum, points recomputed from the checks and the registry.
 *
 * @module
 */
import { exercise as lookup } from "./exercises.ts";
import type { CheckResult, ExerciseReport } from "./types.ts";

/** An exercise's report and the position of the exercise in its notebook (0-based). */
export interface FoundReport {
  /** The exercise's position in its notebook (0-based). */
  cell: number;
  /** The grader's report on it. */
  report: ExerciseReport;
}

/** One exercise's score. */
export interface ExerciseScore {
  /** The exercise id. */
  exercise: string;
  /** What it is about, one line. */
  title: string;
  /** Bonus exercises add to the score but not to the maximum. */
  bonus: boolean;
  /** Points earned. */
  points: number;
  /** Points of a full pass. */
  maxPoints: number;
  /** Whether it has a report. */
  graded: boolean;
  /** Each check's outcome. */
  checks: CheckResult[];
  /** Why it was not graded, or what went wrong around it. */
  note: string | null;
}

/** A notebook's score. */
export interface NotebookScore {
  /** The submission's path. */
  notebook: string;
  /** The sheet it was graded as. */
  template: string | null;
  /** Points of the regular exercises, and their maximum. */
  points: number;
  /** The regular exercises' maximum. */
  maxPoints: number;
  /** Points of the bonus exercises, and what they could have been. */
  bonusPoints: number;
  /** What the bonus exercises could have earned. */
  bonusMaxPoints: number;
  /** Each exercise's score, in notebook order. */
  exercises: ExerciseScore[];
  /** What the student should know about the notebook as a whole. */
  notes: string[];
}

/**
 * Scores the exercises a notebook declares from the reports found in it. The
 * last report of an exercise counts; `failures` maps an exercise to why its
 * cells could not run (that exercise then scores 0).
 */
export function scoreNotebook(opts: {
  notebook: string;
  template: string | null;
  exercises: readonly string[];
  reports: readonly FoundReport[];
  failures?: Readonly<Record<string, string>>;
  notes?: readonly string[];
}): NotebookScore {
  const notes = [...(opts.notes ?? [])];
  const scores: ExerciseScore[] = opts.exercises.map((id) => {
    const meta = lookup(id);
    const found = opts.reports.filter((r) => r.report.exercise === id).at(-1)?.report;
    const failure = opts.failures?.[id] ?? null;
    if (!found || failure) {
      return {
        exercise: id,
        title: meta.title,
        bonus: meta.bonus,
        points: 0,
        maxPoints: meta.maxPoints,
        graded: false,
        // After a failure the checks ran on the starter code: not worth listing.
        checks: failure ? [] : found?.checks ?? [],
        note: failure ?? "not graded",
      };
    }
    const earned = found.checks.reduce((s, c) => s + (c.pass ? c.maxPoints : 0), 0);
    let note: string | null = null;
    if (found.maxPoints !== meta.maxPoints || earned !== found.points) {
      note = `the report's points (${found.points}/${found.maxPoints}) disagree with its ` +
        `checks and the catalogue (${earned}/${meta.maxPoints}); the latter are used`;
    }
    return {
      exercise: id,
      title: found.title,
      bonus: meta.bonus,
      points: Math.min(earned, meta.maxPoints),
      maxPoints: meta.maxPoints,
      graded: true,
      checks: found.checks,
      note,
    };
  });
  for (const r of opts.reports) {
    if (!opts.exercises.includes(r.report.exercise)) {
      notes.push(
        `a report for "${r.report.exercise}" (cell ${
          r.cell + 1
        }) is not an exercise of this notebook: ignored`,
      );
    }
  }
  const sum = (bonus: boolean, f: (e: ExerciseScore) => number) =>
    scores.filter((e) => e.bonus === bonus).reduce((s, e) => s + f(e), 0);
  return {
    notebook: opts.notebook,
    template: opts.template,
    points: sum(false, (e) => e.points),
    maxPoints: sum(false, (e) => e.maxPoints),
    bonusPoints: sum(true, (e) => e.points),
    bonusMaxPoints: sum(true, (e) => e.maxPoints),
    exercises: scores,
    notes,
  };
}

/** The score as text: one line per exercise, failing checks with their hints. */
export function formatScore(s: NotebookScore, opts: { verbose?: boolean } = {}): string {
  const lines = [`${s.notebook}${s.template ? ` (exercise ${s.template})` : ""}`];
  const width = Math.max(...s.exercises.map((e) => e.exercise.length));
  for (const e of s.exercises) {
    const pts = `${e.points}/${e.maxPoints}`.padStart(5);
    lines.push(`  ${e.exercise.padEnd(width)}  ${pts}${e.bonus ? " (bonus)" : ""}  ${e.title}`);
    if (e.note) lines.push(`      note: ${e.note}`);
    let lastHint: string | null = null;
    for (const c of e.checks) {
      if (c.pass && !opts.verbose) continue;
      lines.push(`      ${c.pass ? "PASS" : "FAIL"} ${c.check}: ${c.message}`);
      // The same hint under several checks is printed once.
      if (!c.pass && c.hint && c.hint !== lastHint) lines.push(`           hint: ${c.hint}`);
      if (!c.pass) lastHint = c.hint;
    }
  }
  for (const n of s.notes) lines.push(`  note: ${n}`);
  const bonus = s.bonusMaxPoints > 0 ? ` + ${s.bonusPoints}/${s.bonusMaxPoints} bonus` : "";
  lines.push(`  total ${s.points}/${s.maxPoints}${bonus}`);
  return lines.join("\n");
}
