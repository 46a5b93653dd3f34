import assert from "node:assert/strict";
import {
  type Cell,
  cellSource,
  cleared,
  gradeMetadata,
  type Notebook,
  parseNotebook,
  sourceLines,
  studentSources,
  withStudentCode,
} from "./notebook.ts";

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

Deno.test("gradeMetadata: present, or a RangeError saying what is missing", () => {
  assert.deepEqual(gradeMetadata(template()), { template: "t", exercises: ["a"] });
  const bare = { ...template(), metadata: {} };
  assert.throws(() => gradeMetadata(bare), /no metadata.amsgrad_grade/);
});

Deno.test("parseNotebook: JSON that is not a notebook is refused in plain words", () => {
  assert.throws(() => parseNotebook("{"), /not valid JSON/);
  assert.throws(() => parseNotebook("[]"), /not a Jupyter notebook/);
  assert.throws(() => parseNotebook('{"cells": 3}'), /no list of cells/);
  assert.throws(() => parseNotebook('{"cells": [{"cell_type": "code"}]}'), /cell 1 has no text/);
  const nb = parseNotebook('{"cells": [{"cell_type": "code", "source": "x", "id": 5}]}');
  assert.equal(nb.cells[0]!.id, undefined, "a non-string id is dropped");
  assert.deepEqual(nb.cells[0]!.metadata, {});
});
