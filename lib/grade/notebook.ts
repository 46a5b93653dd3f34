/**
 * The exercise notebooks as JSON: their student cells (tagged `student`, with
 * ids `student-<exercise>`), substituting code into them, merging a student's
 * submission into the pristine template, and reading the grade reports that
 * check cells left in an executed notebook. No file system here.
 *
 * @module
 */
import { EXERCISES, studentCellId } from "./exercises.ts";
import { type ExerciseReport, GRADE_FORMAT, GRADE_MIME } from "./types.ts";

/** A Jupyter output (only the fields the grader reads). */
export interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  [key: string]: unknown;
}

/** A notebook cell (nbformat 4.5, with an id). */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: Output[];
  execution_count?: number | null;
  [key: string]: unknown;
}

/** A notebook, with this kit's metadata under `amsgrad_grade`. */
export interface Notebook {
  cells: Cell[];
  metadata: {
    amsgrad_grade?: { template: string; exercises: string[] };
    [key: string]: unknown;
  };
  nbformat: number;
  nbformat_minor: number;
}

/** A cell's source as one string. */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Text as nbformat stores it: lines, each but the last ending in "\n". */
export function sourceLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

/** Whether a cell is one the student edits. */
export function isStudentCell(cell: Cell): boolean {
  return cell.cell_type === "code" && (cell.metadata.tags ?? []).includes("student");
}

/** The student cells by id. */
export function studentSources(nb: Notebook): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of nb.cells) if (isStudentCell(c) && c.id) out.set(c.id, cellSource(c));
  return out;
}

/** The notebook's grading metadata, or a RangeError saying what is missing. */
export function gradeMetadata(nb: Notebook): { template: string; exercises: string[] } {
  const m = nb.metadata.amsgrad_grade;
  if (!m || typeof m.template !== "string" || !Array.isArray(m.exercises)) {
    throw new RangeError(
      "the notebook has no metadata.amsgrad_grade {template, exercises}: is it one of " +
        "notebooks/exercises/?",
    );
  }
  return m;
}

/** A deep copy of `nb` with outputs and execution counts cleared. */
export function cleared(nb: Notebook): Notebook {
  const copy: Notebook = structuredClone(nb);
  for (const c of copy.cells) {
    if (c.cell_type === "code") {
      c.outputs = [];
      c.execution_count = null;
    }
  }
  return copy;
}

/**
 * A copy of `template` whose student cells with the given ids hold `code`.
 * An id that is not a student cell of the template is an error, so a test's
 * fixture cannot silently miss its cell.
 */
export function withStudentCode(template: Notebook, code: Record<string, string>): Notebook {
  const nb = cleared(template);
  const ids = new Set(nb.cells.filter(isStudentCell).map((c) => c.id));
  for (const id of Object.keys(code)) {
    if (!ids.has(id)) {
      throw new RangeError(`no student cell "${id}"; the template has ${[...ids].join(", ")}`);
    }
  }
  for (const c of nb.cells) {
    if (isStudentCell(c) && c.id !== undefined && c.id in code) {
      c.source = sourceLines(code[c.id]!);
    }
  }
  return nb;
}

/**
 * The template with the submission's student cells in it (matched by id), so
 * that the markdown, setup and check cells graded are the lecturer's, whatever
 * the submission did to its own. Notes say which cells were missing or ignored.
 */
export function mergeSubmission(
  template: Notebook,
  submission: Notebook,
): { notebook: Notebook; notes: string[] } {
  const notes: string[] = [];
  const given = studentSources(submission);
  const wanted = [...studentSources(template).keys()];
  const code: Record<string, string> = {};
  for (const id of wanted) {
    const src = given.get(id) ?? byDefinition(submission, id, wanted);
    if (src === undefined) {
      notes.push(
        `student cell "${id}" is not in the submission (deleted, or its tag or id changed): ` +
          "graded with the starter code",
      );
    } else code[id] = src;
  }
  for (const id of given.keys()) {
    if (!wanted.includes(id)) {
      notes.push(`student cell "${id}" is not part of the exercise: ignored`);
    }
  }
  // A cell is the template's by id or, when a front end dropped or renewed the ids
  // (Notebook 6 saves without them), by its unchanged source.
  const fromTemplate = (c: Cell) =>
    template.cells.some((t) => t.id === c.id || cellSource(t) === cellSource(c));
  const extra =
    submission.cells.filter((c) => c.cell_type === "code" && !isStudentCell(c) && !fromTemplate(c))
      .length;
  if (extra > 0) {
    notes.push(
      `${extra} code cell(s) added outside the student cells were not run: only cells ` +
        "tagged `student` are graded",
    );
  }
  return { notebook: withStudentCode(template, code), notes };
}

/**
 * A student cell without a known id (a front end may drop or renew cell ids on
 * save) that defines the exercise's function, if exactly one does.
 */
function byDefinition(nb: Notebook, id: string, known: readonly string[]): string | undefined {
  const fn = EXERCISES.find((e) => studentCellId(e.id) === id)?.fn;
  if (fn === undefined) return undefined;
  const defines = new RegExp(`\\b(function\\s+${fn}\\s*\\(|(const|let|var)\\s+${fn}\\s*=)`);
  const hits = nb.cells.filter((c) =>
    isStudentCell(c) && !known.includes(c.id ?? "") && defines.test(cellSource(c))
  );
  return hits.length === 1 ? cellSource(hits[0]!) : undefined;
}

/** Whether `v` has the shape of an {@link ExerciseReport}. */
function isReport(v: unknown): v is ExerciseReport {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.format === GRADE_FORMAT && typeof r.exercise === "string" &&
    typeof r.points === "number" && typeof r.maxPoints === "number" && Array.isArray(r.checks);
}

/** A grade report left by a check cell, with the cell it came from (0-based). */
export interface FoundReport {
  cell: number;
  report: ExerciseReport;
}

/** Every {@link GRADE_MIME} output of an executed notebook, in cell order. */
export function readReports(nb: Notebook): FoundReport[] {
  const found: FoundReport[] = [];
  nb.cells.forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      let v = o.data?.[GRADE_MIME];
      if (typeof v === "string") {
        try {
          v = JSON.parse(v);
        } catch {
          continue;
        }
      }
      if (isReport(v)) found.push({ cell: i, report: v });
    }
  });
  return found;
}
