/**
 * What the grader takes from a submission, decided by the lecturer's template:
 * which template (a name from the fixed registry, never a path), its
 * exercises and points (from {@link EXERCISES}, never from the submission's
 * metadata), and each exercise's answer, found by the answer cell's id or,
 * when the cell was deleted and re-created or its id changed, by the function
 * it defines. Everything unusual is reported in plain words. No file system.
 *
 * @module
 */
import { type Exercise, EXERCISES, studentCellId } from "./exercises.ts";
import { SubmissionError } from "./errors.ts";
import { type Cell, cellSource, isStudentCell, type Notebook } from "./notebook.ts";
import { FUNCTIONS_EXPORT } from "./probe/registry.ts";

/** The templates, by name: each notebook of notebooks/exercises/ that holds exercises. */
export const TEMPLATES: readonly string[] = [...new Set(EXERCISES.map((e) => e.notebook))];

/** The exercises of a template, in notebook order. */
export function exercisesOf(template: string): Exercise[] {
  return EXERCISES.filter((e) => e.notebook === template);
}

export { SubmissionError };

/** Whether a cell is a check cell of the template (tag `check`): never part of an answer. */
export function isCheckCell(cell: Cell): boolean {
  return (cell.metadata.tags ?? []).includes("check");
}

const defines = (fn: string) =>
  new RegExp(`(^|[^\\w$.])(function\\s*\\*?\\s*${fn}\\s*[(<]|(const|let|var)\\s+${fn}\\s*[=:])`);

/**
 * The template this submission answers: the name in its metadata when that is
 * one of {@link TEMPLATES}, otherwise the one template whose answer cells or
 * functions it contains.
 */
export function chooseTemplate(submission: Notebook): { template: string; notes: string[] } {
  const meta = submission.metadata?.amsgrad_grade;
  const named = typeof meta?.template === "string" ? meta.template : null;
  if (named !== null && TEMPLATES.includes(named)) return { template: named, notes: [] };
  const cells = (submission.cells ?? []).filter((c) => c?.cell_type === "code");
  const matches = TEMPLATES.filter((t) =>
    exercisesOf(t).some((e) =>
      cells.some((c) => c.id === studentCellId(e.id) || defines(e.fn).test(cellSource(c)))
    )
  );
  if (matches.length !== 1) {
    throw new SubmissionError(
      named === null
        ? "this notebook does not say which exercise sheet it answers, and its cells do not " +
          "match one: hand in the notebook you were given, with your answers in it"
        : `this notebook names an exercise sheet that does not exist ("${
          named.slice(0, 60)
        }"), and its cells do not match one: hand in the notebook you were given`,
    );
  }
  const note = named === null
    ? `the notebook does not say which exercise sheet it answers; graded as ${matches[0]} ` +
      "because its cells match that sheet"
    : `the notebook names an exercise sheet that does not exist ("${named.slice(0, 60)}"); ` +
      `graded as ${matches[0]} because its cells match that sheet`;
  return { template: matches[0]!, notes: [note] };
}

/** One exercise's answer: the code graded, and how it was found. */
export interface Answer {
  /** The exercise id. */
  exercise: string;
  /** The answer cell's code, or null when none was found. */
  code: string | null;
  /** "id": the answer cell; "content": another cell defining the function; "missing". */
  foundBy: "id" | "content" | "missing";
  /** What the student should know about how it was found. */
  notes: string[];
}

/** Finds each exercise's answer in the submission. */
export function findAnswers(
  template: Notebook,
  submission: Notebook,
  exercises: readonly Exercise[],
): { answers: Answer[]; notes: string[] } {
  const cells = submission.cells.filter((c) => c.cell_type === "code");
  const templateSources = new Set(template.cells.map(cellSource));
  const templateIds = new Set(template.cells.map((c) => c.id));
  const used = new Set<Cell>();
  const answers = exercises.map((e): Answer => {
    const id = studentCellId(e.id);
    const byId = cells.filter((c) => c.id === id);
    const notes: string[] = [];
    if (byId.length > 0) {
      byId.forEach((c) => used.add(c));
      if (byId.length > 1) {
        notes.push(
          `the answer cell for ${e.fn} appears ${byId.length} times; the last one was graded`,
        );
      }
      return { exercise: e.id, code: cellSource(byId.at(-1)!), foundBy: "id", notes };
    }
    const byContent = cells.filter((c) =>
      !templateSources.has(cellSource(c)) && defines(e.fn).test(cellSource(c))
    );
    if (byContent.length === 0) {
      return {
        exercise: e.id,
        code: null,
        foundBy: "missing",
        notes: [
          `no answer found for ${e.fn}: its answer cell was deleted and no other cell defines ` +
          `${e.fn} (keep the name given in the notebook)`,
        ],
      };
    }
    byContent.forEach((c) => used.add(c));
    notes.push(
      `your answer for ${e.fn} was not in its answer cell (the cell was deleted and ` +
        "re-created, or its id changed); it was found by the function it defines and graded",
    );
    if (byContent.length > 1) {
      notes.push(`${byContent.length} cells define ${e.fn}; the last one was graded`);
    }
    return { exercise: e.id, code: cellSource(byContent.at(-1)!), foundBy: "content", notes };
  });
  const notes: string[] = [];
  const extra = cells.filter((c) =>
    !used.has(c) && !templateSources.has(cellSource(c)) &&
    !(c.id !== undefined && templateIds.has(c.id) && !isStudentCell(c)) &&
    cellSource(c).trim() !== ""
  ).length;
  if (extra > 0) {
    notes.push(
      `${extra} code cell(s) you added or changed outside the answer cells were not graded: ` +
        "only the answer cells are; put any helper you need inside them",
    );
  }
  const meta = submission.metadata?.amsgrad_grade;
  const listed = Array.isArray(meta?.exercises) ? meta.exercises : null;
  const wanted = exercises.map((e) => e.id);
  if (listed !== null && JSON.stringify(listed) !== JSON.stringify(wanted)) {
    notes.push(
      "the notebook's own list of exercises differs from the sheet's; the sheet's list and " +
        "points were used",
    );
  }
  return { answers, notes };
}

/**
 * The module the sandbox runs for one exercise: the template's setup cells
 * (neither answers nor checks), then the answers of the exercises before it
 * and its own, in notebook order, as one TypeScript module that exports a
 * getter for the exercise's function.
 *
 * @param include the answers to include (the caller leaves out ones that do not parse)
 */
export function answerModule(
  template: Notebook,
  include: ReadonlyMap<string, string>,
  target: Exercise,
): string {
  const parts: string[] = [];
  for (const c of template.cells) {
    if (c.cell_type !== "code" || isCheckCell(c)) continue;
    if (isStudentCell(c)) {
      const ex = EXERCISES.find((e) => studentCellId(e.id) === c.id);
      if (ex === undefined) continue;
      const code = include.get(ex.id);
      if (code !== undefined) parts.push(`// answer: ${ex.fn}\n${code}`);
      if (ex.id === target.id) break;
      continue;
    }
    parts.push(`// given: cell ${c.id ?? "?"}\n${cellSource(c)}`);
  }
  parts.push(`export const ${FUNCTIONS_EXPORT} = { ${target.fn}: () => ${target.fn} };`);
  return parts.join("\n;\n") + "\n";
}
