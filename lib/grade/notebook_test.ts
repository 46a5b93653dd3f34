import assert from "node:assert/strict";
import {
  type Cell,
  cellSource,
  cleared,
  gradeMetadata,
  mergeSubmission,
  type Notebook,
  readReports,
  sourceLines,
  studentSources,
  withStudentCode,
} from "./notebook.ts";
import { GRADE_MIME } from "./types.ts";

const code = (id: string, source: string, tags?: string[]): Cell => ({
  cell_type: "code",
  id,
  source: sourceLines(source),
  metadata: tags ? { tags } : {},
  outputs: [],
  execution_count: null,
});

function template(): Notebook {
  return {
    cells: [
      { cell_type: "markdown", id: "intro", source: "# Ex", metadata: {} },
      code("setup", 'import { check } from "../../lib/grade/mod.ts";'),
      code("student-a", "function a() {\n  throw new Error('a: not implemented yet');\n}\n", [
        "student",
      ]),
      code("check-a", "check.a(() => a)", ["check"]),
    ],
    metadata: { amsgrad_grade: { template: "t", exercises: ["a"] } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const report = (exercise: string, points: number) => ({
  format: 1,
  exercise,
  title: "T",
  bonus: false,
  points,
  maxPoints: 4,
  checks: [],
});

Deno.test("sourceLines and cellSource round-trip nbformat's list of lines", () => {
  assert.deepEqual(sourceLines("a\nb\n"), ["a\n", "b\n"]);
  assert.deepEqual(sourceLines("a\nb"), ["a\n", "b"]);
  assert.deepEqual(sourceLines(""), []);
  const c = code("x", "one\ntwo");
  assert.equal(cellSource(c), "one\ntwo");
  assert.equal(cellSource({ ...c, source: "plain" }), "plain");
});

Deno.test("withStudentCode: replaces student cells by id, clears outputs, rejects unknown ids", () => {
  const t = template();
  t.cells[3]!.outputs = [{ output_type: "stream", text: "old" }];
  t.cells[3]!.execution_count = 7;
  const nb = withStudentCode(t, { "student-a": "function a() { return 1; }" });
  assert.equal(cellSource(nb.cells[2]!), "function a() { return 1; }");
  assert.deepEqual(nb.cells[3]!.outputs, []);
  assert.equal(nb.cells[3]!.execution_count, null);
  assert.equal(t.cells[3]!.execution_count, 7, "the template is not modified");
  assert.throws(() => withStudentCode(t, { "check-a": "x" }), /no student cell "check-a"/);
  assert.deepEqual([...studentSources(nb).keys()], ["student-a"]);
  assert.deepEqual(cleared(t).cells[3]!.outputs, []);
});

Deno.test("mergeSubmission: the template's check cells run, whatever the submission did to its own", () => {
  const sub = withStudentCode(template(), { "student-a": "function a() { return 2; }" });
  // A tampered check cell and an extra cell in the submission.
  sub.cells[3]!.source = sourceLines("({ [Symbol.for('Jupyter.display')]: () => ({}) })");
  sub.cells.push(code("extra", "const helper = 1;"));
  const { notebook, notes } = mergeSubmission(template(), sub);
  assert.equal(cellSource(notebook.cells[2]!), "function a() { return 2; }");
  assert.equal(cellSource(notebook.cells[3]!), "check.a(() => a)");
  assert.equal(notebook.cells.length, 4);
  assert.deepEqual(notes, [
    "1 code cell(s) added outside the student cells were not run: only cells tagged `student` are graded",
  ]);
});

Deno.test("mergeSubmission: a deleted or untagged student cell falls back to the starter, with a note", () => {
  const sub = template();
  sub.cells[2]!.metadata = {};
  const { notebook, notes } = mergeSubmission(template(), sub);
  assert.match(cellSource(notebook.cells[2]!), /not implemented/);
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /student cell "student-a" is not in the submission/);
});

Deno.test("gradeMetadata: present, or a RangeError saying what is missing", () => {
  assert.deepEqual(gradeMetadata(template()), { template: "t", exercises: ["a"] });
  const bare = { ...template(), metadata: {} };
  assert.throws(() => gradeMetadata(bare), /no metadata.amsgrad_grade/);
});

Deno.test("readReports: grade outputs as objects or JSON strings; malformed ones ignored", () => {
  const nb = template();
  nb.cells[3]!.outputs = [
    { output_type: "stream", text: "noise" },
    { output_type: "execute_result", data: { [GRADE_MIME]: report("a", 3), "text/plain": "x" } },
  ];
  nb.cells[1]!.outputs = [
    { output_type: "display_data", data: { [GRADE_MIME]: JSON.stringify(report("b", 1)) } },
    { output_type: "display_data", data: { [GRADE_MIME]: "{not json" } },
    { output_type: "display_data", data: { [GRADE_MIME]: { exercise: "c" } } },
  ];
  const found = readReports(nb);
  assert.deepEqual(found.map((f) => [f.cell, f.report.exercise, f.report.points]), [
    [1, "b", 1],
    [3, "a", 3],
  ]);
});

Deno.test("mergeSubmission: a student cell whose id was dropped is found by the function it defines", () => {
  const t: Notebook = {
    ...template(),
    cells: [
      code("student-regret", "function regret() {\n  throw new Error('x');\n}\n", ["student"]),
      code("check-regret", "check.regret(() => regret)", ["check"]),
    ],
  };
  const sub = structuredClone(t);
  for (const c of sub.cells) delete c.id;
  sub.cells[1]!.id = "renewed-by-the-front-end";
  sub.cells[0]!.source = sourceLines("const regret = () => 0;");
  const { notebook, notes } = mergeSubmission(t, sub);
  assert.equal(cellSource(notebook.cells[0]!), "const regret = () => 0;");
  assert.deepEqual(notes, []);
  // Two candidates: ambiguous, so the starter is kept (and said so).
  sub.cells.push(code("", "function regret() { return 1; }", ["student"]));
  delete sub.cells[2]!.id;
  const twice = mergeSubmission(t, sub);
  assert.match(cellSource(twice.notebook.cells[0]!), /throw/);
  assert.equal(twice.notes.length, 1);
});
