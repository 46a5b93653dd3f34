/**
 * Tests of the exercise kit end to end. The fast part checks that the
 * committed notebooks hold starter code only and match the catalogue, and runs
 * every reference solution and wrong answer of tools/grade_fixtures through
 * the checks by compiling it as a module. The sandboxed part grades
 * submissions made from those snippets as `deno task grade` does (each
 * exercise in bubblewrap), and runs the command on a folder. The attacks are
 * in tools/grade/attacks_test.ts.
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
import { FIXTURES, type WrongAnswer } from "./grade_fixtures/snippets.ts";
import { ensureJupyterClient, executeNotebook, missingModules } from "./notebooks/mod.ts";
import { EXERCISES_DIR, gradeSubmission } from "./grade.ts";

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
// Sandboxed: submissions graded as `deno task grade` does.

/** Grades `name` with `code` in its answer cells, from a submission in a temp dir. */
async function gradeWith(
  name: string,
  code: Record<string, string>,
  timeoutSeconds = 30,
): Promise<NotebookScore> {
  const dir = await Deno.makeTempDir({ prefix: "grade-test-" });
  try {
    const path = join(dir, `${name}.ipynb`);
    await Deno.writeTextFile(path, JSON.stringify(withStudentCode(template(name), code)));
    return await gradeSubmission(path, { limits: { timeoutSeconds } });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const byId = (s: NotebookScore, id: string) => s.exercises.find((e) => e.exercise === id)!;

for (const [name, f] of Object.entries(FIXTURES)) {
  Deno.test(`sandboxed: ${name} unsolved, solved, and with a wrong answer in each cell`, async (t) => {
    await t.step(
      "starter code: every exercise graded, 0 points, 'not implemented' hints",
      async () => {
        const s = await gradeWith(name, {});
        assert.equal(s.points, 0);
        for (const e of s.exercises) {
          assert.ok(e.graded, `${e.exercise}: ${e.note}`);
          assert.ok(e.checks.every((c) => !c.pass && /not implemented/.test(c.message)));
          assert.ok(e.checks.some((c) => /replace the `throw`/.test(c.hint ?? "")));
        }
      },
    );
    await t.step("reference solutions: full marks, bonus included", async () => {
      const s = await gradeWith(name, f.reference);
      assert.equal(
        s.points,
        s.maxPoints,
        JSON.stringify(s.exercises.map((e) => [e.exercise, e.points, e.note, e.checks])),
      );
      assert.equal(s.bonusPoints, s.bonusMaxPoints);
      assert.ok(s.maxPoints > 0);
    });
    // The compiled-snippet tests above cover every wrong answer; here one per cell
    // shows that the values coming back from the sandbox are judged the same way.
    const picked = Object.keys(f.reference)
      .map((cell) => f.wrong.find((w) => w.cell === cell))
      .filter((w): w is WrongAnswer => w !== undefined);
    await t.step(`wrong: ${picked.map((w) => w.name).join(" + ")}`, async () => {
      const code = { ...f.reference, ...Object.fromEntries(picked.map((w) => [w.cell, w.code])) };
      const s = await gradeWith(name, code);
      for (const w of picked) assertDiagnosed(byId(s, w.exercise), w);
    });
  });
}

Deno.test("sandboxed: an answer that does not parse costs its own exercise only", async () => {
  const f = FIXTURES["01_amsgrad_psi"]!;
  const s = await gradeWith("01_amsgrad_psi", {
    ...f.reference,
    "student-amsgrad-psi":
      "function amsgradPsi(s: Moments, g: number, beta2: number): number {\n  return (;\n}\n",
  });
  const broken = byId(s, "amsgrad-psi");
  assert.equal(broken.points, 0);
  assert.match(broken.checks[0]!.message, /does not parse: SyntaxError: .* \(line 2, column \d+\)/);
  assert.equal(byId(s, "pytorch-denominator").points, 3, "the other exercise is still graded");
});

Deno.test("sandboxed: an answer cell deleted and re-created without its id or tag is still graded", async () => {
  const f = FIXTURES["02_adamnc_beta2"]!;
  const nb = withStudentCode(template("02_adamnc_beta2"), {});
  const i = nb.cells.findIndex((c) => c.id === "student-adamnc-beta2");
  nb.cells[i] = {
    cell_type: "code",
    id: "f00d",
    metadata: {},
    source: f.reference["student-adamnc-beta2"]!,
    outputs: [],
    execution_count: null,
  };
  const dir = await Deno.makeTempDir({ prefix: "grade-test-" });
  try {
    const path = join(dir, "mine.ipynb");
    await Deno.writeTextFile(path, JSON.stringify(nb));
    const s = await gradeSubmission(path);
    assert.deepEqual([s.points, s.maxPoints], [3, 3]);
    assert.match(s.exercises[0]!.note ?? "", /not in its answer cell.*found by the function/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task grade: a folder into a CSV gradebook and HTML pages; --validate; --json", async () => {
  const dir = await Deno.makeTempDir({ prefix: "grade-cli-" });
  try {
    const subs = join(dir, "submissions");
    await Deno.mkdir(subs);
    const write = (file: string, name: string, code: Record<string, string>) =>
      Deno.writeTextFile(join(subs, file), JSON.stringify(withStudentCode(template(name), code)));
    await write("alice.ipynb", "04_regret", FIXTURES["04_regret"]!.reference);
    await write("bob.ipynb", "02_adamnc_beta2", {});
    await Deno.writeTextFile(join(subs, "carol.ipynb"), "not a notebook");
    const run = (args: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", join(ROOT, "tools/grade.ts"), ...args],
        cwd: ROOT,
      }).output();
    const csv = join(dir, "grades.csv");
    const pages = join(dir, "feedback");
    const out = await run([subs, "--csv", csv, "--feedback", pages, "--jobs", "2"]);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const rows = (await Deno.readTextFile(csv)).trim().split("\n");
    assert.equal(rows.length, 4);
    assert.match(rows[0]!, /^student,file,sheet,adamnc-beta2,regret,points,max_points,/);
    assert.match(rows[1]!, /^alice,.*,04_regret,,3,3,3,0,0,graded$/);
    assert.match(rows[2]!, /^bob,.*,02_adamnc_beta2,0,,0,3,0,0,graded$/);
    assert.match(rows[3]!, /^carol,.*not graded: the file is not a notebook/);
    const html = await Deno.readTextFile(join(pages, "bob.html"));
    assert.match(html, /<title>Feedback: bob<\/title>/);
    assert.match(html, /FAIL/);
    assert.match(html, /replace the `throw`/);
    assert.deepEqual(
      [...Deno.readDirSync(pages)].map((e) => e.name).sort(),
      ["alice.html", "bob.html", "carol.html"],
    );
    const json = await run(["--json", join(subs, "alice.ipynb")]);
    assert.equal(json.code, 0);
    const score = JSON.parse(new TextDecoder().decode(json.stdout));
    assert.deepEqual([score.template, score.points, score.maxPoints], ["04_regret", 3, 3]);
    const ok = await run(["--validate", join(subs, "bob.ipynb")]);
    assert.equal(ok.code, 0);
    assert.match(new TextDecoder().decode(ok.stdout), /beta2T: not answered yet/);
    const bad = await run(["--validate", join(subs, "carol.ipynb")]);
    assert.equal(bad.code, 1);
    const malformed = await run([join(subs, "carol.ipynb")]);
    assert.equal(malformed.code, 1, "one file that is not a notebook is a data error");
    const said = new TextDecoder().decode(malformed.stdout) +
      new TextDecoder().decode(malformed.stderr);
    assert.match(said, /not graded: the file is not a notebook/);
    assert.doesNotMatch(said, /Uncaught|^ {4}at /m);
    assert.equal((await run([])).code, 2, "usage error");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task grade: refuses without a sandbox, and --unsandboxed says what it does", async () => {
  const dir = await Deno.makeTempDir({ prefix: "grade-cli-" });
  try {
    const path = join(dir, "mine.ipynb");
    const nb = withStudentCode(template("04_regret"), FIXTURES["04_regret"]!.reference);
    await Deno.writeTextFile(path, JSON.stringify(nb));
    // No bwrap, prlimit or apt-get on this PATH: the sandbox cannot be set up.
    const run = (args: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", join(ROOT, "tools/grade.ts"), ...args, path],
        cwd: ROOT,
        clearEnv: true,
        env: { PATH: join(dir, "empty"), HOME: Deno.env.get("HOME") ?? "/tmp", NO_COLOR: "1" },
      }).output();
    const refused = await run([]);
    const err = new TextDecoder().decode(refused.stderr);
    assert.equal(refused.code, 1, err);
    assert.match(err, /bubblewrap, which is not installed.*--unsandboxed/s);
    assert.equal(new TextDecoder().decode(refused.stdout), "", "nothing was graded");
    const unsafe = await run(["--unsandboxed"]);
    assert.equal(unsafe.code, 0, new TextDecoder().decode(unsafe.stderr));
    assert.match(new TextDecoder().decode(unsafe.stderr), /WITHOUT the sandbox/);
    assert.match(new TextDecoder().decode(unsafe.stdout), /total 3\/3/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// ---------------------------------------------------------------------------
// The student's side: the check cells give feedback in the Deno Jupyter kernel.

await ensureJupyterClient().catch((e) =>
  console.warn(`could not install the Jupyter client: ${e}`)
);
const missing = await missingModules(["nbclient", "nbformat", "jupyter_client"]);

Deno.test({
  name: "kernel: a sheet's check cells show PASS for the reference (the student's feedback)",
  ignore: missing.length > 0,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    // A private Jupyter data folder with a kernelspec for this deno, so that another
    // test re-pinning the user's kernelspec meanwhile cannot break this run.
    const dir = await Deno.makeTempDir({ prefix: "grade-test-kernel-" });
    try {
      const env = { XDG_DATA_HOME: join(dir, "data") };
      const install = await new Deno.Command(Deno.execPath(), {
        args: ["jupyter", "--install", "--force", "--name", "deno"],
        env,
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.ok(install.success, new TextDecoder().decode(install.stderr));
      const name = "02_adamnc_beta2";
      const input = join(dir, "in.ipynb");
      const output = join(dir, "out.ipynb");
      const nb = withStudentCode(template(name), FIXTURES[name]!.reference);
      await Deno.writeTextFile(input, JSON.stringify(nb));
      const r = await executeNotebook(input, output, {
        cwd: EXERCISES_DIR,
        env,
        timeoutSeconds: 120,
      });
      assert.ok(r.ok, r.message);
      const done: Notebook = JSON.parse(await Deno.readTextFile(output));
      const check = done.cells.find((c) => c.id === checkCellId("adamnc-beta2"))!;
      const text = (check.outputs ?? []).map((o) => String(o.data?.["text/plain"] ?? ""));
      assert.match(text.join("\n"), /adamnc-beta2: .* 3\/3/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
