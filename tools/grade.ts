/**
 * `deno task grade`: grade exercise notebooks, or check one before handing in.
 *
 * Every exercise of every submission runs in its own fresh process inside an
 * operating-system sandbox (bubblewrap; see tools/grade/sandbox.ts) that sees
 * only the student-facing library and the answer; the values it hands back
 * are judged here, against the library, by the grader. The lecturer's
 * template decides the exercises, the points and which cells are answers.
 *
 * @module
 */
import { join } from "node:path";
import { formatScore, SubmissionError } from "../lib/grade/mod.ts";
import { int, parseFlags, runCli, UsageError } from "./_cli.ts";
import { SandboxUnavailable } from "./grade/bubblewrap.ts";
import { feedbackHtml, pageName } from "./grade/feedback.ts";
import { gradebookCsv, type Graded } from "./grade/gradebook.ts";
import { ensureSandbox } from "./grade/sandbox.ts";
import { type GradeOptions, gradeSubmission } from "./grade/submission.ts";
import { validateSubmission } from "./grade/validate.ts";

export { EXERCISES_DIR, gradeSubmission } from "./grade/submission.ts";

const USAGE = `usage: deno task grade [flags] <submission.ipynb | folder>...
       deno task grade --validate <my.ipynb>...

Grades exercise notebooks. Each answer runs in its own sandboxed process (bubblewrap:
no network, no files but the course library, memory and time limits); the grader
compares the values it hands back with the library's.

  --csv FILE       write the gradebook (one row per submission) to FILE
  --feedback DIR   write one HTML feedback page per submission into DIR
  --json           print the scores as JSON
  --verbose        list passing checks too
  --jobs N         submissions graded at the same time (default: one per CPU core)
  --timeout S      seconds per exercise (default 60; the whole notebook gets 4 times that)
  --memory MIB     memory per exercise, in MiB (default 1024; at least 640, which Deno
                   itself reserves)
  --validate       check that a notebook can be graded (answers found, no syntax
                   errors), without running it: for students, before handing in
  --unsandboxed    run answers without the sandbox (Deno's permissions only). Only
                   for grading your own work on your own machine.`;

/** The .ipynb files named, folders expanded (sorted, checkpoints skipped). */
export async function collectNotebooks(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(p);
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    if (!info.isDirectory) {
      out.push(p);
      continue;
    }
    const found: string[] = [];
    const walk = async (dir: string) => {
      for await (const e of Deno.readDir(dir)) {
        if (e.name.startsWith(".")) continue;
        const path = join(dir, e.name);
        if (e.isDirectory) await walk(path);
        else if (e.isFile && e.name.endsWith(".ipynb")) found.push(path);
      }
    };
    await walk(p);
    if (found.length === 0) throw new UsageError(`${p}: no .ipynb files in this folder`);
    out.push(...found.sort());
  }
  return out;
}

/** The student's name: the file's name without `.ipynb`. */
const studentOf = (file: string) => file.split("/").at(-1)!.replace(/\.ipynb$/, "");

/**
 * Grades many submissions, `jobs` at a time, in the given order.
 *
 * @returns one {@link Graded} per file; a submission that cannot be graded has its reason
 */
export async function gradeMany(
  files: readonly string[],
  options: GradeOptions & { jobs?: number; onDone?: (g: Graded) => void } = {},
): Promise<Graded[]> {
  const results: Graded[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      let g: Graded;
      try {
        g = {
          student: studentOf(file),
          file,
          score: await gradeSubmission(file, options),
          error: null,
        };
      } catch (e) {
        if (!(e instanceof SubmissionError)) throw e;
        g = { student: studentOf(file), file, score: null, error: e.message };
      }
      results[i] = g;
      options.onDone?.(g);
    }
  };
  const jobs = Math.max(1, options.jobs ?? navigator.hardwareConcurrency);
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  return results;
}

/** Writes one feedback page per submission into `dir`; returns the pages' paths. */
export async function writeFeedback(dir: string, rows: readonly Graded[]): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const taken = new Set<string>();
  const paths: string[] = [];
  for (const g of rows) {
    const path = join(dir, pageName(g.student, taken));
    await Deno.writeTextFile(path, feedbackHtml(g));
    paths.push(path);
  }
  return paths;
}

if (import.meta.main) {
  await runCli(USAGE, async () => {
    const { values, positionals } = parseFlags(Deno.args, {
      csv: { type: "string" },
      feedback: { type: "string" },
      json: { type: "boolean" },
      verbose: { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      memory: { type: "string" },
      validate: { type: "boolean" },
      unsandboxed: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) return console.log(USAGE);
    if (positionals.length === 0) throw new UsageError("name at least one notebook or folder");
    const files = await collectNotebooks(positionals);
    if (values.validate) {
      let ok = true;
      for (const f of files) {
        const v = await validateSubmission(f);
        console.log(v.lines.join("\n"));
        ok &&= v.ok;
      }
      if (!ok) Deno.exitCode = 1;
      return;
    }
    const unsandboxed = values.unsandboxed === true;
    if (unsandboxed) {
      console.error(
        "warning: --unsandboxed: the answers run WITHOUT the sandbox, with your user's access " +
          "to files and processes (Deno's permissions only). Use this only for your own work.",
      );
    } else {
      try {
        await ensureSandbox();
      } catch (e) {
        if (!(e instanceof SandboxUnavailable)) throw e;
        console.error(`error: ${e.message}`);
        Deno.exit(1);
      }
    }
    const many = files.length > 1;
    const rows = await gradeMany(files, {
      unsandboxed,
      jobs: int(values, "jobs", navigator.hardwareConcurrency),
      limits: {
        timeoutSeconds: int(values, "timeout", 60),
        memoryMiB: int(values, "memory", 1024),
      },
      onDone: many && !values.json ? (g) => console.error(`graded ${g.file}`) : undefined,
    });
    if (values.json) {
      console.log(JSON.stringify(many ? rows : rows[0]!.score ?? rows[0], null, 2));
    } else {
      for (const g of rows) {
        console.log(
          g.score
            ? formatScore(g.score, { verbose: values.verbose === true })
            : `${g.file}: not graded: ${g.error}`,
        );
      }
    }
    if (typeof values.csv === "string") {
      await Deno.writeTextFile(values.csv, gradebookCsv(rows));
      console.error(`gradebook: ${values.csv}`);
    }
    if (typeof values.feedback === "string") {
      const pages = await writeFeedback(values.feedback, rows);
      console.error(`feedback: ${pages.length} pages in ${values.feedback}`);
    }
    // One submission that could not be graded is a data error (exit 1), as for the other commands.
    if (!many && rows[0]!.score === null) Deno.exitCode = 1;
  });
}
