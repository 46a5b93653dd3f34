/**
 * Grading one submission: read it, decide everything from the lecturer's
 * template (named from the fixed registry), find each answer, and run each
 * exercise in its own sandboxed process; the values that come back are
 * judged here, in the grader's process.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  answerModule,
  chooseTemplate,
  type ExerciseReport,
  exercisesOf,
  findAnswers,
  judgeExercise,
  type Notebook,
  type NotebookScore,
  parseNotebook,
  scoreNotebook,
  SubmissionError,
} from "../../lib/grade/mod.ts";
import { DEFAULT_LIMITS, type Limits, runExercise, type RunResult } from "./sandbox.ts";
import { syntaxError } from "./syntax.ts";

/** notebooks/exercises/, where the lecturer's templates live. */
export const EXERCISES_DIR = fileURLToPath(new URL("../../notebooks/exercises/", import.meta.url));

/** Options of {@link gradeSubmission}. */
export interface GradeOptions {
  /** Per-exercise limits. */
  limits?: Partial<Limits>;
  /** Seconds for the whole submission (default: 4 × the per-exercise time). */
  submissionTimeoutSeconds?: number;
  /** Run without bubblewrap: only when asked explicitly. */
  unsandboxed?: boolean;
  /** Called as each exercise's run starts, with its process id and run id (tests use it). */
  onSpawn?: (pid: number, runId: string) => void;
}

/** Reads and checks a notebook file; a {@link SubmissionError} says what is wrong with it. */
export async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new SubmissionError(`${path}: no such file`);
    if (e instanceof Deno.errors.IsADirectory) {
      throw new SubmissionError(`${path} is a folder, not a notebook`);
    }
    throw e;
  }
  return parseNotebook(text);
}

/** The lecturer's template of that name (a name from the registry, never a path). */
export async function readTemplate(name: string): Promise<Notebook> {
  return parseNotebook(await Deno.readTextFile(join(EXERCISES_DIR, `${name}.ipynb`)));
}

/**
 * Grades one submission.
 *
 * @param path the student's .ipynb
 * @returns the score, per exercise with its checks, and notes in plain words
 * @throws SubmissionError when the file is not a notebook of these exercises
 */
export async function gradeSubmission(
  path: string,
  options: GradeOptions = {},
): Promise<NotebookScore> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const budget = options.submissionTimeoutSeconds ?? 4 * limits.timeoutSeconds;
  const deadline = Date.now() + budget * 1000;
  const submission = await readNotebook(path);
  const { template: name, notes } = chooseTemplate(submission);
  const template = await readTemplate(name);
  const exercises = exercisesOf(name);
  const found = findAnswers(template, submission, exercises);
  notes.push(...found.notes);
  const parses = new Map<string, string>();
  const broken = new Map<string, string>();
  for (const a of found.answers) {
    if (a.code === null) continue;
    const err = await syntaxError(a.code);
    if (err === null) parses.set(a.exercise, a.code);
    else broken.set(a.exercise, err);
  }
  const reports: { report: ExerciseReport; notes: string[] }[] = [];
  for (const [i, ex] of exercises.entries()) {
    const answer = found.answers[i]!;
    const exNotes = [...answer.notes];
    let report: ExerciseReport;
    const left = Math.floor((deadline - Date.now()) / 1000);
    if (answer.code === null) {
      report = judgeExercise(ex, {
        kind: "not-run",
        message: `no answer for ${ex.fn} was found`,
        hint: `write ${ex.fn} in the cell marked YOUR CODE HERE below the question`,
      });
    } else if (broken.has(ex.id)) {
      report = judgeExercise(ex, {
        kind: "not-run",
        message: `your answer cell for ${ex.fn} does not parse: ${broken.get(ex.id)} of that cell`,
        hint: "fix the syntax error; running the cell in the notebook shows it too",
      });
    } else if (left < 1) {
      report = judgeExercise(ex, {
        kind: "not-run",
        message: `not run: the time for the whole notebook (${budget} s) ran out before ` +
          `${ex.fn} was tested`,
        hint: "an earlier answer ran too long; fix that one first",
      });
    } else {
      const run = (include: Map<string, string>) =>
        runExercise(answerModule(template, include, ex), ex.id, {
          limits: { ...limits, timeoutSeconds: Math.min(limits.timeoutSeconds, left) },
          unsandboxed: options.unsandboxed,
          onSpawn: options.onSpawn,
        });
      let result = await run(parses);
      const loadFailed = (r: RunResult) => r.stdout.includes(`${r.token} {"t":"load","ok":false`);
      if (loadFailed(result) && parses.size > 1) {
        // An earlier answer may be what failed: try this one on its own.
        const alone = await run(new Map([[ex.id, parses.get(ex.id)!]]));
        if (!loadFailed(alone)) {
          exNotes.push(
            `${ex.fn} was tested without your other answers, because together they did not run`,
          );
          result = alone;
        }
      }
      report = judgeExercise(ex, result);
    }
    reports.push({ report, notes: exNotes });
  }
  const score = scoreNotebook({
    notebook: path,
    template: name,
    exercises: exercises.map((e) => e.id),
    reports: reports.map((r, cell) => ({ cell, report: r.report })),
    notes,
  });
  score.exercises.forEach((e, i) => {
    const extra = reports[i]!.notes;
    if (extra.length > 0) e.note = [e.note, ...extra].filter((n) => n).join("; ");
  });
  return score;
}
