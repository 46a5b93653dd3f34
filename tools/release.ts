/**
 * `deno task release [--out DIR]`: the student version of every exercise
 * notebook, written into a folder (default `release/`): outputs and execution
 * counts cleared, answer cells holding only their starter code, and the
 * metadata reduced to the kernel and the sheet's name. It refuses a template
 * whose answer cell holds more than starter code (a solution saved by mistake).
 * The folder gets a short README for students.
 *
 * @module
 */
import { join } from "node:path";
import {
  cellSource,
  isStudentCell,
  type Notebook,
  parseNotebook,
  TEMPLATES,
} from "../lib/grade/mod.ts";
import { parseFlags, runCli, UsageError } from "./_cli.ts";
import { EXERCISES_DIR } from "./grade/submission.ts";

const USAGE = `usage: deno task release [--out DIR]

Writes the student version of every exercise notebook into DIR (default release/):
no outputs, starter code only in the answer cells, no grading metadata but the sheet's
name, and a README for students.`;

/** Whether an answer cell holds only starter code: comments and the "not implemented" throw. */
export function isStarter(code: string): boolean {
  const open = code.indexOf("{", code.indexOf("function"));
  const body = code.slice(open + 1, code.lastIndexOf("}"));
  const statements = body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//"));
  return statements.length === 1 && /^throw new Error\(".*: not implemented yet"\);$/.test(
    statements[0]!,
  );
}

/**
 * The student version of a template.
 *
 * @throws RangeError when an answer cell holds more than starter code
 */
export function studentVersion(name: string, template: Notebook): Notebook {
  const nb: Notebook = structuredClone(template);
  for (const c of nb.cells) {
    if (c.cell_type === "code") {
      c.outputs = [];
      c.execution_count = null;
    }
    if (isStudentCell(c) && !isStarter(cellSource(c))) {
      throw new RangeError(
        `${name}: answer cell ${c.id} holds more than starter code (a solution?); refusing ` +
          "to release it",
      );
    }
  }
  const { kernelspec, language_info } = nb.metadata;
  const exercises = [...(template.metadata.amsgrad_grade?.exercises ?? [])];
  nb.metadata = { kernelspec, language_info, amsgrad_grade: { template: name, exercises } };
  return nb;
}

const STUDENT_README = `# Exercises: On the Convergence of Adam and Beyond

Each notebook explains one idea of Reddi, Kale & Kumar (ICLR 2018) and asks you to write
a small function in the cells marked \`YOUR CODE HERE\`.

1. Put these notebooks in \`notebooks/exercises/\` of the course repository (their
   cells import the library from \`../../lib/\`), and open them with the Deno kernel.
2. Write your answer in the marked cell. Keep the function's name and signature, and put
   any helper you need inside that cell: only the answer cells are graded.
3. Run the check cell below it for feedback: PASS, or where your values first differ
   from the library's, and a hint.
4. Before handing in, check that the notebook can be graded:
   \`deno task grade --validate my_notebook.ipynb\`.
5. Hand in the .ipynb file.

When grading, each answer runs on its own in a sandbox, with no network and no files but
the course library; printing is fine, but only the values your functions return count.
`;

/** Writes the release; returns the files written. */
export async function release(out: string): Promise<string[]> {
  await Deno.mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const name of TEMPLATES) {
    const template = parseNotebook(await Deno.readTextFile(join(EXERCISES_DIR, `${name}.ipynb`)));
    const path = join(out, `${name}.ipynb`);
    await Deno.writeTextFile(path, JSON.stringify(studentVersion(name, template), null, 1) + "\n");
    written.push(path);
  }
  const readme = join(out, "README.md");
  await Deno.writeTextFile(readme, STUDENT_README);
  written.push(readme);
  return written;
}

if (import.meta.main) {
  await runCli(USAGE, async () => {
    const { values, positionals } = parseFlags(Deno.args, {
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) return console.log(USAGE);
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(" ")}`);
    const files = await release((values.out as string | undefined) ?? "release");
    for (const f of files) console.log(f);
  });
}
