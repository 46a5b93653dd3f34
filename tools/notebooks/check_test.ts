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
const chartOut = {
  output_type: "display_data",
  data: { "image/png": "iVBORw0KGgo=", "image/svg+xml": ["<svg>", "</svg>"] },
};
const svgOnlyOut = { output_type: "display_data", data: { "image/svg+xml": "<svg></svg>" } };
const textOut = { output_type: "execute_result", data: { "text/plain": "42" } };

Deno.test("a clean executed notebook passes: each plot cell carries PNG and SVG", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "# Title", metadata: {} },
      code("1 + 1", [textOut]),
      code("chart", [chartOut], ["plot"]),
      code("", [], [], null),
    ],
  };
  assert.deepEqual(checkNotebook(nb), []);
});

Deno.test("a plot cell without an SVG, an error output and an unexecuted cell are each named", () => {
  const nb = {
    cells: [
      code("chart // forgot to render", [textOut], ["plot"]),
      code("svgOnly", [svgOnlyOut], ["plot"]),
      code("throw new Error()", [{ output_type: "error", ename: "Error", evalue: "boom" }], [], 2),
      code("later()", [], [], null),
      code("skipped()", [], ["skip-execution"], null),
    ],
  };
  assert.deepEqual(checkNotebook(nb), [
    "cell 1/5 (`chart // forgot to render`): tagged `plot` but has no output with image/png and image/svg+xml",
    "cell 2/5 (`svgOnly`): tagged `plot` but has no output with image/png and image/svg+xml",
    "cell 3/5 (`throw new Error()`): error output Error: boom",
    "cell 4/5 (`later()`): was not executed",
  ]);
});

Deno.test("something that is not a notebook is reported", () => {
  assert.deepEqual(checkNotebook({ nbformat: 4 }), [
    "not a notebook: expected a JSON object with a `cells` array",
  ]);
});
