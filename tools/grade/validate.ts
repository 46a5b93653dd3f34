/**
 * `deno task grade --validate my.ipynb`: what a student can check before
 * handing in, without running any of their code: that the notebook is one of
 * the exercise sheets, where each answer was found, that it parses, and which
 * answers still hold the starter code.
 *
 * @module
 */
import { chooseTemplate, exercisesOf, findAnswers, SubmissionError } from "../../lib/grade/mod.ts";
import { readNotebook, readTemplate } from "./submission.ts";
import { syntaxError } from "./syntax.ts";

/** The outcome: whether the notebook can be graded as it is, and what was found. */
export interface Validation {
  ok: boolean;
  lines: string[];
}

/** Checks a submission's structure; runs nothing of it. */
export async function validateSubmission(path: string): Promise<Validation> {
  const lines: string[] = [];
  let ok = true;
  try {
    const nb = await readNotebook(path);
    const { template: name, notes } = chooseTemplate(nb);
    const template = await readTemplate(name);
    const exercises = exercisesOf(name);
    const found = findAnswers(template, nb, exercises);
    lines.push(`${path}: exercise sheet ${name}`);
    for (const [i, ex] of exercises.entries()) {
      const a = found.answers[i]!;
      let status: string;
      if (a.code === null) {
        ok = false;
        status = "MISSING: no answer found";
      } else if (/not implemented yet/.test(a.code)) {
        status = "not answered yet (still the starter code)";
      } else {
        const err = await syntaxError(a.code);
        if (err !== null) ok = false;
        status = err === null ? "found, and it parses" : `does not parse: ${err}`;
      }
      lines.push(`  ${ex.fn}${ex.bonus ? " (bonus)" : ""}: ${status}`);
      for (const n of a.notes) lines.push(`      note: ${n}`);
    }
    for (const n of [...notes, ...found.notes]) lines.push(`  note: ${n}`);
    lines.push(
      ok
        ? "  The notebook can be graded. (This checked its structure only; run the check " +
          "cells for feedback on your answers.)"
        : "  Fix the problems above before handing in.",
    );
  } catch (e) {
    if (!(e instanceof SubmissionError)) throw e;
    lines.push(`${path}: ${e.message}`);
    ok = false;
  }
  return { ok, lines };
}
