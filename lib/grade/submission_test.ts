import assert from "node:assert/strict";
import { type Cell, type Notebook, sourceLines } from "./notebook.ts";
import {
  answerModule,
  chooseTemplate,
  exercisesOf,
  findAnswers,
  SubmissionError,
  TEMPLATES,
} from "./submission.ts";

const code = (id: string | undefined, source: string, tags?: string[]): Cell => ({
  cell_type: "code",
  ...(id === undefined ? {} : { id }),
  source: sourceLines(source),
  metadata: tags ? { tags } : {},
  outputs: [],
  execution_count: null,
});

const STARTER =
  'function beta2T(t: number): number {\n  throw new Error("beta2T: not implemented yet");\n}\n';

function template(): Notebook {
  return {
    cells: [
      { cell_type: "markdown", id: "intro", source: "# Ex 2", metadata: {} },
      code("c02", 'import { adamNC } from "../../lib/mod.ts";'),
      code("grader-import", 'import { check } from "../../lib/grade/mod.ts";', ["check"]),
      code("student-adamnc-beta2", STARTER, ["student"]),
      code("check-adamnc-beta2", "check.beta2T(() => beta2T)", ["check"]),
      code("after", "console.log(beta2T(2));"),
    ],
    metadata: { amsgrad_grade: { template: "02_adamnc_beta2", exercises: ["adamnc-beta2"] } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const ex2 = exercisesOf("02_adamnc_beta2");

Deno.test("chooseTemplate: a registry name is used; anything else is matched by the cells", () => {
  assert.ok(TEMPLATES.includes("02_adamnc_beta2"));
  assert.deepEqual(chooseTemplate(template()), { template: "02_adamnc_beta2", notes: [] });
  const nb = template();
  nb.metadata.amsgrad_grade = { template: "../../tools/grade_fixtures/snippets", exercises: [] };
  const r = chooseTemplate(nb);
  assert.equal(r.template, "02_adamnc_beta2");
  assert.match(r.notes[0]!, /names an exercise sheet that does not exist/);
  delete nb.metadata.amsgrad_grade;
  assert.equal(chooseTemplate(nb).template, "02_adamnc_beta2");
  nb.cells = [code("x", "const y = 1;")];
  assert.throws(() => chooseTemplate(nb), SubmissionError);
});

Deno.test("findAnswers: by id, repeated, re-created by content, missing; added cells reported", () => {
  const answer = "function beta2T(t: number): number {\n  return 1 - 1 / t;\n}\n";
  const sub = template();
  sub.cells[3] = code("student-adamnc-beta2", answer, ["student"]);
  let r = findAnswers(template(), sub, ex2);
  assert.deepEqual([r.answers[0]!.foundBy, r.answers[0]!.code, r.notes], ["id", answer, []]);

  sub.cells.push(code("student-adamnc-beta2", "const beta2T = (t: number) => 0;", ["student"]));
  r = findAnswers(template(), sub, ex2);
  assert.match(r.answers[0]!.notes[0]!, /appears 2 times; the last one was graded/);
  assert.match(r.answers[0]!.code!, /=> 0/);

  const recreated = template();
  recreated.cells[3] = code(undefined, answer);
  recreated.cells.push(code("mine", "const helper = 2;"));
  r = findAnswers(template(), recreated, ex2);
  assert.deepEqual([r.answers[0]!.foundBy, r.answers[0]!.code], ["content", answer]);
  assert.match(r.answers[0]!.notes[0]!, /not in its answer cell/);
  assert.match(r.notes[0]!, /1 code cell\(s\) you added or changed outside the answer cells/);

  const gone = template();
  gone.cells.splice(3, 1);
  r = findAnswers(template(), gone, ex2);
  assert.deepEqual([r.answers[0]!.foundBy, r.answers[0]!.code], ["missing", null]);
  assert.match(r.answers[0]!.notes[0]!, /no answer found for beta2T/);
});

Deno.test("answerModule: given cells and the answer, no check cells, nothing after the answer", () => {
  const m = answerModule(template(), new Map([["adamnc-beta2", "function beta2T() {}"]]), ex2[0]!);
  assert.match(m, /import \{ adamNC \} from "\.\.\/\.\.\/lib\/mod\.ts";/);
  assert.match(m, /function beta2T\(\) \{\}/);
  assert.doesNotMatch(m, /lib\/grade|check\.beta2T|console\.log/);
  assert.match(m, /export const __exerciseFunctions = \{ beta2T: \(\) => beta2T \};\n$/);
});
