/**
 * Tests of the exercise kit end to end. The fast part (no kernel) checks that
 * the committed notebooks hold starter code only and match the catalogue, and
 * runs every reference solution and wrong answer of tools/grade_fixtures
 * through the grader by compiling it as a module. The slow part executes each
 * notebook through the Deno Jupyter kernel with those snippets substituted
 * into its `student` cells, as `deno task grade` does.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cellSource,
  checkCellId,
  EXERCISES,
  gradeMetadata,
  isStudentCell,
  type Notebook,
  type NotebookScore,
  studentCellId,
  withStudentCode,
} from "../lib/grade/mod.ts";
import { ensureJupyterClient, missingModules } from "./notebooks/mod.ts";
import { FIXTURES, type WrongAnswer } from "./grade_fixtures/snippets.ts";
import { EXERCISES_DIR, gradeNotebookFile } from "./grade.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const NAMES = Object.keys(FIXTURES);

function template(name: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(join(EXERCISES_DIR, `${name}.ipynb`)));
}

Deno.test("exercise notebooks: one per catalogue notebook, each exercise with a student and a check cell", () => {
  const onDisk = [...Deno.readDirSync(EXERCISES_DIR)]
    .filter((e) => e.name.endsWith(".ipynb"))
    .map((e) => e.name.replace(/\.ipynb$/, ""))
    .sort();
  assert.deepEqual(onDisk, [...new Set(EXERCISES.map((e) => e.notebook))].sort());
  assert.deepEqual([...NAMES].sort(), onDisk, "every notebook has fixtures");
  for (const name of onDisk) {
    const nb = template(name);
    const meta = gradeMetadata(nb);
    assert.equal(meta.template, name);
    assert.deepEqual(meta.exercises, EXERCISES.filter((e) => e.notebook === name).map((e) => e.id));
    for (const id of meta.exercises) {
      const fn = EXERCISES.find((e) => e.id === id)!.fn;
      const student = nb.cells.find((c) => c.id === studentCellId(id));
      const check = nb.cells.find((c) => c.id === checkCellId(id));
      assert.ok(student && isStudentCell(student), `${name}: student cell of ${id}`);
      assert.ok(check, `${name}: check cell of ${id}`);
      assert.ok(
        nb.cells.indexOf(check!) > nb.cells.indexOf(student!),
        `${name}: ${id}'s check comes after its student cell`,
      );
      assert.match(cellSource(check!), new RegExp(`check\\.${fn}\\(\\(\\) => ${fn}\\)`));
      assert.match(cellSource(student!), new RegExp(`function ${fn}\\(`));
    }
    assert.equal(
      nb.cells.filter(isStudentCell).length,
      meta.exercises.length,
      `${name}: student cells`,
    );
  }
});

Deno.test("exercise notebooks: committed without outputs and with starter code only (no solutions)", () => {
  for (const name of NAMES) {
    const nb = template(name);
    for (const c of nb.cells) {
      if (c.cell_type !== "code") continue;
      assert.deepEqual(c.outputs, [], `${name}: cell ${c.id} has outputs`);
      assert.equal(c.execution_count, null, `${name}: cell ${c.id} has an execution count`);
      if (!isStudentCell(c)) continue;
      const src = cellSource(c);
      assert.match(src, /YOUR CODE HERE/, `${name}: ${c.id} says where to write`);
      // The body holds comments and the "not implemented" throw, nothing else.
      const body = src.slice(src.indexOf("{", src.indexOf("function")) + 1, src.lastIndexOf("}"));
      const statements = body.split("\n").map((l) => l.trim()).filter((l) =>
        l && !l.startsWith("//")
      );
      assert.equal(
        statements.length,
        1,
        `${name}: ${c.id} has code beyond the starter: ${statements}`,
      );
      assert.match(statements[0]!, /^throw new Error\(".*: not implemented yet"\);$/);
    }
  }
});

Deno.test("fixtures: every snippet targets a student cell of its notebook", () => {
  for (const [name, f] of Object.entries(FIXTURES)) {
    const nb = template(name);
    withStudentCode(nb, f.reference); // throws on an unknown cell
    for (const w of f.wrong) withStudentCode(nb, { [w.cell]: w.code });
    const ids = nb.cells.filter(isStudentCell).map((c) => c.id!).sort();
    assert.deepEqual(Object.keys(f.reference).sort(), ids, `${name}: a reference for every cell`);
  }
});

// ---------------------------------------------------------------------------
// Fast: the snippets compiled as modules (the notebook's given code first).

/** The student's function from a snippet, compiled with the notebook's given cells. */
async function compile(name: string, cell: string, code: string): Promise<unknown> {
  const given = template(name).cells.filter((c) => c.id?.startsWith("given-")).map(cellSource);
  const fn = EXERCISES.find((e) => studentCellId(e.id) === cell)!.fn;
  const source = [...given, code, `export { ${fn} };`].join("\n");
  const url = `data:application/typescript;base64,${btoa(unescape(encodeURIComponent(source)))}`;
  return (await import(url))[fn];
}

function assertDiagnosed(
  report: { points: number; maxPoints: number; checks: unknown[] },
  w: WrongAnswer,
) {
  const checks = report.checks as { pass: boolean; mistake: string | null; hint: string | null }[];
  assert.ok(report.points < report.maxPoints, `"${w.name}" must lose points`);
  const named = checks.filter((c) => !c.pass && c.mistake === w.mistake);
  assert.ok(
    named.length > 0,
    `"${w.name}": expected a failing check diagnosed as ${w.mistake}, got ` +
      JSON.stringify(checks.map((c) => [c.pass, c.mistake])),
  );
  assert.ok(
    named.some((c) => w.hint.test(c.hint ?? "")),
    `"${w.name}": hint should match ${w.hint}`,
  );
}

for (const [name, f] of Object.entries(FIXTURES)) {
  Deno.test(`grader on compiled snippets (${name}): references pass, wrong answers get their hint`, async () => {
    for (const [cell, code] of Object.entries(f.reference)) {
      const ex = EXERCISES.find((e) => studentCellId(e.id) === cell)!;
      const fn = await compile(name, cell, code);
      const r = ex.check(() => fn);
      assert.equal(
        r.points,
        r.maxPoints,
        `${cell}: ${r.checks.filter((c) => !c.pass).map((c) => c.message)}`,
      );
      assert.equal(r.maxPoints, ex.maxPoints);
    }
    for (const w of f.wrong) {
      const ex = EXERCISES.find((e) => e.id === w.exercise)!;
      const fn = await compile(name, w.cell, w.code);
      assertDiagnosed(ex.check(() => fn), w);
    }
  });
}

// ---------------------------------------------------------------------------
// Slow: the notebooks through the Deno Jupyter kernel.

// On a fresh machine (CI) the Jupyter client is installed here, as root, as the notebook
// runner does; where that is not possible the kernel tests are skipped with a warning.
await ensureJupyterClient().catch((e) =>
  console.warn(`could not install the Jupyter client: ${e}`)
);
const missing = await missingModules(["nbclient", "nbformat", "jupyter_client"]);
if (missing.length > 0) {
  console.warn(
    `SKIPPING the notebook-executing tests of tools/grade_test.ts: /usr/bin/python3 cannot ` +
      `import ${missing.join(", ")} (apt-get install python3-nbclient python3-nbformat)`,
  );
}

// A private Jupyter data dir for the kernels started here, holding a kernelspec that
// runs this deno: another tool re-pinning the user's `deno` kernelspec meanwhile (as
// tools/notebooks' tests may) cannot break these runs. The process's own environment
// is left alone, since test files may share it.
const dataHome = await Deno.makeTempDir({ prefix: "grade-test-jupyter-" });
globalThis.addEventListener("unload", () => Deno.removeSync(dataHome, { recursive: true }));
const env = { XDG_DATA_HOME: dataHome };
if (missing.length === 0) {
  const install = await new Deno.Command(Deno.execPath(), {
    args: ["jupyter", "--install", "--force", "--name", "deno"],
    env,
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!install.success) throw new Error(new TextDecoder().decode(install.stderr));
}

/** Grades `name` with `code` in its student cells, from a submission in a temp dir. */
async function gradeWith(
  name: string,
  code: Record<string, string>,
  timeoutSeconds = 120,
): Promise<NotebookScore> {
  const dir = await Deno.makeTempDir({ prefix: "grade-test-" });
  try {
    const path = join(dir, `${name}.ipynb`);
    await Deno.writeTextFile(path, JSON.stringify(withStudentCode(template(name), code)));
    return await gradeNotebookFile(path, { env, timeoutSeconds });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const byId = (s: NotebookScore, id: string) => s.exercises.find((e) => e.exercise === id)!;

for (const [name, f] of Object.entries(FIXTURES)) {
  Deno.test({
    name: `kernel: ${name} unsolved, solved, and with each common wrong answer`,
    ignore: missing.length > 0,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async (t) => {
      await t.step(
        "starter code: every exercise graded, 0 points, 'not implemented' hints",
        async () => {
          const s = await gradeWith(name, {});
          assert.equal(s.points, 0);
          for (const e of s.exercises) {
            assert.ok(e.graded, `${e.exercise}: ${e.note}`);
            assert.ok(e.checks.every((c) => !c.pass && /not implemented/.test(c.message)));
          }
        },
      );
      await t.step("reference solutions: full marks, bonus included", async () => {
        const s = await gradeWith(name, f.reference);
        assert.equal(
          s.points,
          s.maxPoints,
          JSON.stringify(s.exercises.map((e) => [e.exercise, e.points, e.note])),
        );
        assert.equal(s.bonusPoints, s.bonusMaxPoints);
        assert.ok(s.maxPoints > 0);
      });
      // Wrong answers of different cells share a run; the other cells hold the reference.
      const rounds = Math.max(
        ...Object.keys(f.reference).map((cell) => f.wrong.filter((w) => w.cell === cell).length),
      );
      for (let k = 0; k < rounds; k++) {
        const picked = Object.keys(f.reference)
          .map((cell) => f.wrong.filter((w) => w.cell === cell)[k])
          .filter((w): w is WrongAnswer => w !== undefined);
        await t.step(`wrong: ${picked.map((w) => w.name).join(" + ")}`, async () => {
          const code = {
            ...f.reference,
            ...Object.fromEntries(picked.map((w) => [w.cell, w.code])),
          };
          const s = await gradeWith(name, code);
          for (const w of picked) assertDiagnosed(byId(s, w.exercise), w);
          for (const e of s.exercises) {
            if (!picked.some((w) => w.exercise === e.exercise)) assert.equal(e.points, e.maxPoints);
          }
        });
      }
    },
  });
}

Deno.test({
  name: "kernel: a student cell that does not compile costs its own exercise only",
  ignore: missing.length > 0,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const f = FIXTURES["01_amsgrad_psi"]!;
    const s = await gradeWith("01_amsgrad_psi", {
      ...f.reference,
      "student-amsgrad-psi":
        "function amsgradPsi(s: Moments, g: number, beta2: number): number {\n  return (;\n}\n",
    });
    const broken = byId(s, "amsgrad-psi");
    assert.equal(broken.points, 0);
    assert.equal(broken.graded, false);
    assert.match(broken.note ?? "", /SyntaxError: .* \(line 2, column \d+\)/);
    assert.deepEqual(broken.checks, [], "no checks listed for the starter code run instead");
    assert.equal(byId(s, "pytorch-denominator").points, 3, "the other exercise is still graded");
  },
});

Deno.test({
  name: "kernel: student code that never returns times out and costs its own exercise only",
  ignore: missing.length > 0,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const f = FIXTURES["01_amsgrad_psi"]!;
    const loop = "function pytorchDenominator(s: Moments, g: number, beta2: number, t: number, " +
      "eps: number): number {\n  while (true) {}\n}\n";
    const s = await gradeWith(
      "01_amsgrad_psi",
      { ...f.reference, "student-pytorch-denominator": loop },
      10,
    );
    const stuck = byId(s, "pytorch-denominator");
    assert.deepEqual([stuck.points, stuck.graded], [0, false]);
    assert.match(stuck.note ?? "", /check-pytorch-denominator|Grades `pytorchDenominator`/);
    assert.match(stuck.note ?? "", /timed out/);
    assert.equal(byId(s, "amsgrad-psi").points, 4);
  },
});

Deno.test({
  name: "kernel: deno task grade --json, and --as-is on a committed notebook",
  ignore: missing.length > 0,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "grade-cli-" });
    try {
      const path = join(dir, "submission.ipynb");
      const nb = withStudentCode(template("04_regret"), FIXTURES["04_regret"]!.reference);
      await Deno.writeTextFile(path, JSON.stringify(nb));
      const run = (args: string[]) =>
        new Deno.Command(Deno.execPath(), {
          args: ["run", "-A", join(ROOT, "tools/grade.ts"), ...args],
          env,
          cwd: ROOT,
        }).output();
      const out = await run(["--json", path]);
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      const score = JSON.parse(new TextDecoder().decode(out.stdout));
      assert.equal(score.template, "04_regret");
      assert.deepEqual([score.points, score.maxPoints], [3, 3]);
      assert.equal(score.exercises[0].checks.length, 3);
      const asIs = await run(["--as-is", "notebooks/exercises/02_adamnc_beta2.ipynb"]);
      assert.equal(asIs.code, 0, new TextDecoder().decode(asIs.stderr));
      assert.match(new TextDecoder().decode(asIs.stdout), /adamnc-beta2\s+0\/3[\s\S]*total 0\/3/);
      const bad = await run([]);
      assert.equal(bad.code, 2, "usage error");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
