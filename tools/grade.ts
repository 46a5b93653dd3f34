/**
 * `deno task grade <notebook.ipynb>`: grade one exercise notebook headless.
 *
 * By default the submission's cells tagged `student` are put into a fresh copy
 * of its template from notebooks/exercises/ (named by the notebook's
 * `metadata.amsgrad_grade.template`), so the markdown, setup and check cells
 * that run are the lecturer's. The copy is executed through the Deno Jupyter
 * kernel (tools/notebooks), and the score is read from the
 * `application/vnd.amsgrad-grade+json` outputs of its check cells. A student
 * cell that does not run (a syntax error, a top-level throw) or a check cell
 * that does not finish is replaced by the starter code and re-run, so one
 * broken exercise costs its own points only.
 *
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cellSource,
  checkCellId,
  cleared,
  exercise as lookup,
  formatScore,
  gradeMetadata,
  mergeSubmission,
  type Notebook,
  type NotebookScore,
  readReports,
  scoreNotebook,
  studentCellId,
  studentSources,
  withStudentCode,
} from "../lib/grade/mod.ts";
import { executeNotebook } from "./notebooks/mod.ts";
import { int, parseFlags, runCli, UsageError } from "./_cli.ts";

/** notebooks/exercises/, where the templates live and the kernel runs. */
export const EXERCISES_DIR = fileURLToPath(new URL("../notebooks/exercises/", import.meta.url));

const USAGE = `usage: deno task grade [flags] <notebook.ipynb>

Executes an exercise notebook headless and prints a score per exercise.

  --json          print one JSON object (per-exercise scores, checks, hints)
  --verbose       list passing checks too
  --as-is         run the submission itself (its own check cells, its folder as the
                  working directory) instead of its student cells in the template
  --output PATH   also save the executed notebook (with the check reports) there
  --timeout S     seconds allowed per cell (default 120)`;

/** Options of {@link gradeNotebookFile}. */
export interface GradeOptions {
  asIs?: boolean;
  /** Save the executed notebook here. */
  output?: string;
  timeoutSeconds?: number;
  /** Extra environment for the kernel. */
  env?: Record<string, string>;
  /** Where the templates are (default {@link EXERCISES_DIR}). */
  templates?: string;
}

async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new RangeError(`${path}: no such file`);
    throw e;
  }
  try {
    return JSON.parse(text) as Notebook;
  } catch (e) {
    throw new RangeError(`${path} is not a notebook (invalid JSON: ${(e as Error).message})`);
  }
}

/** ANSI colour codes. */
const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/**
 * The Deno kernel reports a cell that does not parse only as "Execution
 * failed"; Deno's formatter parses without type-checking and names the error.
 *
 * @returns e.g. "SyntaxError: Expression expected (line 2, column 11)", or null
 */
export async function syntaxError(code: string): Promise<string | null> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "ts", "-"],
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(code));
  await writer.close();
  const out = await child.output();
  if (out.success) return null;
  // deno fmt may colour its message whatever NO_COLOR says.
  const text = new TextDecoder().decode(out.stderr).replaceAll(ANSI, "");
  const what = /(SyntaxError: [^\n]*)/.exec(text)?.[1];
  if (!what) return null;
  const at = /:(\d+):(\d+)\s*$/m.exec(text.split("Stack backtrace")[0] ?? "");
  return at ? `${what} (line ${at[1]}, column ${at[2]})` : what;
}

/** The exercise a cell belongs to, from its id (`student-<id>` or `check-<id>`). */
function exerciseOfCell(nb: Notebook, index: number, exercises: readonly string[]): string | null {
  const id = nb.cells[index]?.id;
  return exercises.find((e) => id === studentCellId(e) || id === checkCellId(e)) ?? null;
}

/**
 * Grades one notebook: merge (unless `asIs`), execute, and score.
 *
 * @param path the submission
 * @returns the score; throws when the kernel cannot run at all
 */
export async function gradeNotebookFile(
  path: string,
  options: GradeOptions = {},
): Promise<NotebookScore> {
  const submission = await readNotebook(path);
  const meta = gradeMetadata(submission);
  const templates = options.templates ?? EXERCISES_DIR;
  let notebook: Notebook;
  let starter: Map<string, string>;
  let cwd: string;
  const notes: string[] = [];
  if (options.asIs) {
    notebook = cleared(submission);
    starter = studentSources(await readNotebook(join(templates, `${meta.template}.ipynb`)));
    cwd = dirname(resolve(path));
  } else {
    const template = await readNotebook(join(templates, `${meta.template}.ipynb`));
    const merged = mergeSubmission(template, submission);
    notebook = merged.notebook;
    notes.push(...merged.notes);
    starter = studentSources(template);
    cwd = templates;
  }
  const failures: Record<string, string> = {};
  const work = await Deno.makeTempDir({ prefix: "grade-" });
  try {
    for (let attempt = 0; attempt <= meta.exercises.length; attempt++) {
      const input = join(work, `input-${attempt}.ipynb`);
      const output = join(work, `output-${attempt}.ipynb`);
      await Deno.writeTextFile(input, JSON.stringify(notebook, null, 1));
      const r = await executeNotebook(input, output, {
        cwd,
        env: options.env,
        timeoutSeconds: options.timeoutSeconds ?? 120,
      });
      if (r.ok) {
        const executed = await readNotebook(output);
        if (options.output) await Deno.copyFile(output, options.output);
        return scoreNotebook({
          notebook: path,
          template: meta.template,
          exercises: meta.exercises,
          reports: readReports(executed),
          failures,
          notes,
        });
      }
      // executeNotebook keeps a failed run's partial notebook in a temporary folder.
      const partial = r.partial ? await readNotebook(r.partial) : null;
      if (r.partial) await Deno.remove(dirname(r.partial), { recursive: true }).catch(() => {});
      const index = Number(/cell (\d+)\//.exec(r.where ?? "")?.[1] ?? NaN) - 1;
      const ex = Number.isInteger(index) ? exerciseOfCell(notebook, index, meta.exercises) : null;
      const cell = notebook.cells[index];
      const parsed = cell && ex !== null && cell.id === studentCellId(ex)
        ? await syntaxError(cellSource(cell))
        : null;
      const why = `${r.where ?? "the kernel"} failed: ${
        parsed ?? (r.message ?? "").split("\n")[0]
      }`;
      const cellId = ex === null ? undefined : studentCellId(ex);
      if (ex === null || cellId === undefined || ex in failures || !starter.has(cellId)) {
        if (r.where === undefined) throw new Error(`cannot execute ${path}: ${r.message}`);
        // Not attributable to one exercise (or already neutralised): score what ran.
        const missing = Object.fromEntries(meta.exercises.map((e) => [e, why]));
        const reports = readReports(partial ?? notebook);
        for (const f of reports) delete missing[f.report.exercise];
        return scoreNotebook({
          notebook: path,
          template: meta.template,
          exercises: meta.exercises,
          reports,
          failures: { ...missing, ...failures },
          notes,
        });
      }
      failures[ex] = `${why} (${lookup(ex).fn} graded 0; its starter code was run instead ` +
        "so that the other exercises could be graded)";
      notebook = withStudentCode(notebook, { [cellId]: starter.get(cellId)! });
    }
    throw new Error(`cannot execute ${path}: every exercise failed`);
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

if (import.meta.main) {
  await runCli(USAGE, async () => {
    const { values, positionals } = parseFlags(Deno.args, {
      json: { type: "boolean" },
      verbose: { type: "boolean" },
      "as-is": { type: "boolean" },
      output: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) return console.log(USAGE);
    if (positionals.length !== 1) {
      throw new UsageError(`expected one notebook, got ${positionals.length}`);
    }
    const score = await gradeNotebookFile(positionals[0]!, {
      asIs: values["as-is"] === true,
      output: values.output as string | undefined,
      timeoutSeconds: int(values, "timeout", 120),
    });
    console.log(
      values.json
        ? JSON.stringify(score, null, 2)
        : formatScore(score, { verbose: values.verbose === true }),
    );
  });
}
