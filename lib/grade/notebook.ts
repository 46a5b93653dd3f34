/**
 * The exercise notebooks as JSON: parsing one strictly, their answer cells
 * (tagged `student`, with ids `student-<exercise>`), and substituting code into
 * them. No file system here.
 *
 * @module
 */
import { SubmissionError } from "./errors.ts";

/** A Jupyter output (only the fields the grader reads). */
export interface Output {
  /** `stream`, `display_data`, `execute_result` or `error`. */
  output_type: string;
  /** The output's data, by MIME type. */
  data?: Record<string, unknown>;
  /** An error's name. */
  ename?: string;
  /** An error's message. */
  evalue?: string;
  /** Any other field. */
  [key: string]: unknown;
}

/** A notebook cell (nbformat 4.5, with an id). */
export interface Cell {
  /** The cell's kind. */
  cell_type: "code" | "markdown" | "raw";
  /** Its id (nbformat 4.5). */
  id?: string;
  /** Its text, whole or as lines. */
  source: string | string[];
  /** Its metadata; `tags` mark answer (`student`) and `check` cells. */
  metadata: { tags?: string[]; [key: string]: unknown };
  /** A code cell's outputs. */
  outputs?: Output[];
  /** A code cell's execution count. */
  execution_count?: number | null;
  /** Any other field. */
  [key: string]: unknown;
}

/** A notebook, with this kit's metadata under `amsgrad_grade`. */
export interface Notebook {
  /** Its cells, in order. */
  cells: Cell[];
  /** Its metadata: the kernel, and the sheet under `amsgrad_grade`. */
  metadata: {
    amsgrad_grade?: { template: string; exercises: string[] };
    [key: string]: unknown;
  };
  /** The nbformat major version (4). */
  nbformat: number;
  /** The nbformat minor version. */
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

/** The most bytes of a notebook the grader reads. */
export const MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024;

/**
 * A notebook from its JSON text, checked for the shape the grader relies on
 * (cells with a type, a source and metadata).
 *
 * @throws SubmissionError saying, in plain words, what is wrong
 */
export function parseNotebook(text: string): Notebook {
  if (text.length > MAX_NOTEBOOK_BYTES) {
    throw new SubmissionError("the file is too large to be an exercise notebook");
  }
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new SubmissionError(
      `the file is not a notebook (it is not valid JSON: ${(e as Error).message})`,
    );
  }
  const bad = (what: string) =>
    new SubmissionError(`the file is not a Jupyter notebook that can be graded (${what})`);
  if (typeof nb !== "object" || nb === null || Array.isArray(nb)) throw bad("not an object");
  const o = nb as Record<string, unknown>;
  if (!Array.isArray(o.cells)) throw bad("no list of cells");
  if (typeof o.metadata !== "object" || o.metadata === null) o.metadata = {};
  for (const [i, c] of (o.cells as unknown[]).entries()) {
    if (typeof c !== "object" || c === null) throw bad(`cell ${i + 1} is not an object`);
    const cell = c as Record<string, unknown>;
    if (!["code", "markdown", "raw"].includes(cell.cell_type as string)) {
      throw bad(`cell ${i + 1} has no known type`);
    }
    const src = cell.source;
    if (
      !(typeof src === "string" || (Array.isArray(src) && src.every((l) => typeof l === "string")))
    ) {
      throw bad(`cell ${i + 1} has no text`);
    }
    if (cell.id !== undefined && typeof cell.id !== "string") delete cell.id;
    if (typeof cell.metadata !== "object" || cell.metadata === null) cell.metadata = {};
    const tags = (cell.metadata as Record<string, unknown>).tags;
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === "string"))) {
      delete (cell.metadata as Record<string, unknown>).tags;
    }
  }
  return nb as Notebook;
}
