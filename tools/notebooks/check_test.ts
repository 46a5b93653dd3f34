import assert from "node:assert/strict";
import { checkNotebook } from "./check.ts";

const code = (
  source: string,
  outputs: unknown[],
  tags: string[] = [],
  count: number | null = 1,
) => ({
  cell_type: "code",
  source,
  execution_count: count,
  metadata: { tags },
  outputs,
});
const svgOut = { output_type: "display_data", data: { "image/svg+xml": "<svg></svg>" } };
const htmlSvgOut = {
  output_type: "display_data",
  data: { "text/html": ["<div>", "<svg></svg></div>"] },
};
const textOut = { output_type: "execute_result", data: { "text/plain": "42" } };

Deno.test("a clean executed notebook passes, with SVG as image/svg+xml or inside text/html", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# Title", metadata: {} },
      code("1 + 1", [textOut]),
      code("chart", [svgOut], ["plot"]),
      code("display(chart)", [htmlSvgOut], ["plot"]),
      code("", [], [], null),
    ],
  };
  assert.deepEqual(checkNotebook(nb), []);
});

Deno.test("a plot cell without an SVG, an error output and an unexecuted cell are each named", () => {
  const nb = {
    cells: [
      code("chart // forgot to render", [textOut], ["plot"]),
      code("throw new Error()", [{ output_type: "error", ename: "Error", evalue: "boom" }], [], 2),
      code("later()", [], [], null),
      code("skipped()", [], ["skip-execution"], null),
    ],
  };
  assert.deepEqual(checkNotebook(nb), [
    "cell 1/4 (`chart // forgot to render`): tagged `plot` but has no image/svg+xml or <svg> text/html output",
    "cell 2/4 (`throw new Error()`): error output Error: boom",
    "cell 3/4 (`later()`): was not executed",
  ]);
});

Deno.test("something that is not a notebook is reported", () => {
  assert.deepEqual(checkNotebook({ nbformat: 4 }), [
    "not a notebook: expected a JSON object with a `cells` array",
  ]);
});
