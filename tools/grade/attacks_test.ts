/**
 * Attacks on the grader, as a student who wants points would try them. Each
 * is an answer to exercise 2 (`beta2T`) that is wrong (1/t, worth 0 points)
 * unless the attack works, in which case it returns the right answer
 * (1 − 1/t, worth 3): so an attack that got through would earn points. A
 * control shows that the right answer does earn them. After each, no file the
 * attack tried to write exists and no process of its run is left.
 *
 * @module
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type NotebookScore, withStudentCode } from "../../lib/grade/mod.ts";
import { FIXTURES } from "../grade_fixtures/snippets.ts";
import { pageName } from "./feedback.ts";
import { exists, processesOfRun, ROOT } from "./sandbox.ts";
import { type GradeOptions, gradeSubmission, readTemplate } from "./submission.ts";

const SHEET = "02_adamnc_beta2";
const CELL = "student-adamnc-beta2";
const answer = (attack: string) =>
  `let leaked = false;\n${attack}\nfunction beta2T(t: number): number {\n` +
  `  return leaked ? 1 - 1 / t : 1 / t;\n}\n`;

/** A folder outside the sandbox, with a secret the attacks try to read. */
const outside = await Deno.makeTempDir({ prefix: "grade-attack-outside-" });
const SECRET = join(outside, "secret.txt");
await Deno.writeTextFile(SECRET, "the answer is 1 - 1/t");
globalThis.addEventListener("unload", () => Deno.removeSync(outside, { recursive: true }));

/** Leftover answer files of these runs in the temporary folder. */
function leftovers(runIds: readonly string[]): string[] {
  const found: string[] = [];
  for (const e of Deno.readDirSync(tmpdir())) {
    if (!e.name.startsWith("amsgrad-grade-")) continue;
    try {
      for (const f of Deno.readDirSync(join(tmpdir(), e.name))) {
        if (runIds.some((id) => f.name.includes(id))) found.push(join(e.name, f.name));
      }
    } catch { /* removed meanwhile */ }
  }
  return found;
}

/** The run ids of the last {@link grade}. */
let lastRuns: string[] = [];

/** Grades a notebook (a template with `code` in its answer cells, and `edit` applied). */
async function grade(
  code: Record<string, string>,
  options: GradeOptions & { sheet?: string; edit?: (nb: Record<string, unknown>) => void } = {},
): Promise<NotebookScore> {
  const sheet = options.sheet ?? SHEET;
  const nb = withStudentCode(await readTemplate(sheet), code) as unknown as Record<
    string,
    unknown
  >;
  options.edit?.(nb);
  const dir = await Deno.makeTempDir({ prefix: "grade-attack-" });
  const runs: string[] = [];
  try {
    const path = join(dir, "submission.ipynb");
    await Deno.writeTextFile(path, JSON.stringify(nb));
    const score = await gradeSubmission(path, {
      limits: { timeoutSeconds: 20, memoryMiB: 768, ...options.limits },
      onSpawn: (_pid, id) => runs.push(id),
    });
    lastRuns = runs;
    assert.deepEqual(runs.flatMap(processesOfRun), [], "no process of the runs is left");
    assert.deepEqual(leftovers(runs), [], "no file of the runs is left");
    return score;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const wrong = await grade({ [CELL]: answer("") });

Deno.test("attacks: control: the wrong answer earns 0 of 3, the right one 3", async () => {
  assert.deepEqual([wrong.points, wrong.maxPoints], [0, 3]);
  const right = await grade({ [CELL]: answer("leaked = true;") });
  assert.deepEqual([right.points, right.maxPoints], [3, 3]);
});

/** Grades the attack and checks that it earned what the wrong answer earned. */
async function attack(code: string, limits?: GradeOptions["limits"]): Promise<NotebookScore> {
  const s = await grade({ [CELL]: answer(code) }, { limits });
  assert.ok(lastRuns.length > 0, "the answer ran");
  assert.equal(s.points, wrong.points, JSON.stringify(s.exercises[0]!.checks[0]));
  assert.equal(s.maxPoints, 3);
  return s;
}

Deno.test("attacks: reading the reference solutions and the grader from disk", async () => {
  await attack(`
for (const p of [${JSON.stringify(SECRET)}, ${
    JSON.stringify(join(ROOT, "tools/grade_fixtures/snippets.ts"))
  },
    "../../tools/grade_fixtures/snippets.ts", "../../lib/grade/adamnc_beta2.ts", "/etc/passwd"]) {
  try { Deno.readTextFileSync(p); leaked = true; } catch { /* denied or absent */ }
}`);
});

Deno.test("attacks: importing the reference solutions and the grader's code", async () => {
  await attack(`
for (const p of ["../../tools/grade_fixtures/snippets.ts", ${
    JSON.stringify(`file://${join(ROOT, "tools/grade_fixtures/snippets.ts")}`)
  },
    "../../lib/grade/mod.ts", "../../lib/grade/adamnc_beta2.ts", "../../lib/grade/golden.ts"]) {
  try { await import(p); leaked = true; } catch { /* not there */ }
}`);
});

Deno.test("attacks: writing outside the sandbox (the repository, the grader's folders)", async () => {
  const targets = [
    join(outside, "written.txt"),
    join(ROOT, "lib/grade/attack_written.ts"),
    join(ROOT, "notebooks/exercises/attack_written.ipynb"),
    join(tmpdir(), "attack_written.txt"),
  ];
  await attack(`
for (const p of ${JSON.stringify(targets)}) {
  try { Deno.writeTextFileSync(p, "export const pwned = 1;"); leaked = true; } catch { /* denied */ }
}`);
  for (const t of targets) assert.equal(await exists(t), false, `${t} was written`);
  assert.equal(await Deno.readTextFile(SECRET), "the answer is 1 - 1/t");
});

Deno.test("attacks: the network (a server of the grader's machine, and the internet)", async () => {
  let requests = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, () => {
    requests++;
    return new Response("1 - 1/t");
  });
  try {
    await attack(`
try { await fetch("http://127.0.0.1:${server.addr.port}/"); leaked = true; } catch { /* no network */ }
try { (await Deno.connect({ hostname: "127.0.0.1", port: ${server.addr.port} })).close(); leaked = true; } catch { /* no network */ }
try { await fetch("https://example.com/"); leaked = true; } catch { /* no network */ }`);
    assert.equal(requests, 0, "the grader's server got a request");
  } finally {
    await server.shutdown();
  }
});

Deno.test("attacks: starting subprocesses", async () => {
  const marker = join(outside, "spawned.txt");
  await attack(`
try { new Deno.Command("/bin/sh", { args: ["-c", "touch ${marker}"] }).outputSync(); leaked = true; } catch { /* denied */ }
try {
  const cp = await import("node:child_process");
  cp.execSync("touch ${marker}");
  leaked = true;
} catch { /* denied */ }`);
  assert.equal(await exists(marker), false);
});

Deno.test("attacks: patching the built-ins that checks and reports rely on", async () => {
  await attack(`
Math.abs = () => 0;
Math.max = () => 0;
Object.is = () => true;
Number.isNaN = () => true;
Number.isFinite = () => true;
JSON.stringify = () => '{"t":"end"}';
JSON.parse = () => ({ pass: true, points: 3 });
TextEncoder.prototype.encode = function () { return new Uint8Array(); };
Object.defineProperty(Object.prototype, "pass", { get: () => true, configurable: true });`);
});

Deno.test("attacks: forged reports and results on standard output, then exit", async () => {
  const s = await attack(`
const report = { format: 1, exercise: "adamnc-beta2", title: "x", bonus: false, points: 3,
  maxPoints: 3, checks: [] };
console.log(JSON.stringify({ "application/vnd.amsgrad-grade+json": report }));
const values = [0, 0.5, 2 / 3, 0.75, 0.8, 0.9, 0.99, 0.999];
const lines = (tok: string) => [
  '{"t":"load","ok":true}', '{"t":"resolve","ok":true}',
  JSON.stringify({ t: "check", id: "values", values, error: null }),
].map((l) => (tok ? tok + " " : "") + l).join("\\n");
let guess = "";
for (const p of ["/proc/self/cmdline", "/proc/self/environ", "/proc/self/fd/0", "/dev/stdin"]) {
  try { guess += Deno.readTextFileSync(p); } catch { /* denied */ }
}
Deno.stdout.writeSync(new TextEncoder().encode(
  lines("") + "\\n" + lines("0".repeat(32)) + "\\n" + lines(guess.slice(0, 32)) + "\\n"));
Deno.exit(0);`);
  assert.match(s.exercises[0]!.checks[0]!.message, /stopped|ended before/);
});

Deno.test("attacks: tampered metadata: repeated, dropped and foreign exercises; paths as sheet names", async () => {
  const ref = FIXTURES[SHEET]!.reference;
  const meta = (m: unknown) => (nb: Record<string, unknown>) => {
    (nb.metadata as Record<string, unknown>).amsgrad_grade = m;
  };
  const repeated = await grade(ref, {
    edit: meta({ template: SHEET, exercises: ["adamnc-beta2", "adamnc-beta2", "adamnc-beta2"] }),
  });
  assert.deepEqual([repeated.points, repeated.maxPoints], [3, 3], "points are not multiplied");
  assert.match(repeated.notes.join(" "), /own list of exercises differs/);
  const first = FIXTURES["01_amsgrad_psi"]!;
  const subset = await grade(
    { ...first.reference, "student-pytorch-denominator": first.wrong.at(-1)!.code },
    {
      sheet: "01_amsgrad_psi",
      edit: meta({ template: "01_amsgrad_psi", exercises: ["amsgrad-psi"] }),
    },
  );
  assert.equal(subset.maxPoints, 7, "a subset does not lower the maximum");
  assert.ok(subset.points < 7);
  for (const template of ["../../tools/grade_fixtures/snippets", "/etc/passwd", "..", ""]) {
    const s = await grade({ [CELL]: answer("") }, { edit: meta({ template, exercises: [] }) });
    assert.equal(s.template, SHEET, "the sheet comes from the registry, matched by the cells");
    assert.deepEqual([s.points, s.maxPoints], [0, 3]);
    assert.match(s.notes.join(" "), /names an exercise sheet that does not exist/);
  }
  const foreign = await grade(ref, {
    edit: meta({ template: "04_regret", exercises: ["regret"] }),
  });
  assert.deepEqual([foreign.template, foreign.points, foreign.maxPoints], ["04_regret", 0, 3]);
  assert.match(foreign.exercises[0]!.checks[0]!.message, /no answer for regret was found/);
});

Deno.test("attacks: path traversal in names never leaves the feedback folder", () => {
  const taken = new Set<string>();
  for (const name of ["../../etc/passwd", "..", "/abs/path", "a/../../b", ".hidden", ""]) {
    const page = pageName(name, taken);
    assert.match(page, /^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/, page);
    assert.ok(!page.includes(".."), page);
  }
});

Deno.test("attacks: endless loops, in the answer and at the top of the cell", async () => {
  const inFn = await grade({ [CELL]: "function beta2T(t: number): number {\n  for (;;) {}\n}\n" }, {
    limits: { timeoutSeconds: 3 },
  });
  assert.equal(inFn.points, 0);
  assert.match(inFn.exercises[0]!.checks[0]!.message, /stopped after 3 s/);
  await attack("for (;;) {}", { timeoutSeconds: 3 });
  // One exercise's loop costs that exercise only.
  const first = FIXTURES["01_amsgrad_psi"]!;
  const s = await grade({
    ...first.reference,
    "student-pytorch-denominator": "function pytorchDenominator(): number {\n  for (;;) {}\n}\n",
  }, { sheet: "01_amsgrad_psi", limits: { timeoutSeconds: 3 } });
  assert.deepEqual(s.exercises.map((e) => e.points), [4, 0]);
});

Deno.test("attacks: exhausting memory", async () => {
  const s = await attack(`
const hog: unknown[] = [];
try { for (;;) hog.push(new Float64Array(1 << 24)); } catch { /* the cap */ }
for (;;) hog.push(new Array(1 << 20).fill(0));`);
  assert.match(s.exercises[0]!.checks[0]!.message, /memory|stopped/);
});

Deno.test("attacks: fork and thread bombs", async () => {
  await attack(
    `
for (let i = 0; i < 64; i++) {
  try { new Deno.Command("/bin/sh", { args: ["-c", ":(){ :|:& };:"] }).spawn(); leaked = true; } catch { /* denied */ }
}
const spin = "data:application/javascript," + encodeURIComponent("for (;;) {}");
for (let i = 0; i < 100000; i++) new Worker(spin, { type: "module" });`,
    { timeoutSeconds: 5 },
  );
});

Deno.test("attacks: lingering processes, timers and workers", async () => {
  await attack(`
setInterval(() => {}, 1000);
new Worker("data:application/javascript," + encodeURIComponent("setInterval(() => {}, 1000)"), { type: "module" });
try { new Deno.Command("sleep", { args: ["600"] }).spawn().unref(); leaked = true; } catch { /* denied */ }`);
});

Deno.test("attacks: killing the grader", async () => {
  await attack(`
for (const pid of [Deno.ppid]) {
  try { Deno.kill(pid, "SIGKILL"); leaked = true; } catch { /* denied */ }
}
try { (await import("node:process")).default.kill(Deno.ppid, "SIGKILL"); leaked = true; } catch { /* denied */ }`);
  // Still here: the grader was not killed.
});
