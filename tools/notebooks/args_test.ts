import assert from "node:assert/strict";
import { defaultCellTimeout, parseNotebookArgs } from "./args.ts";

Deno.test("flags of the notebook runner", () => {
  assert.deepEqual(parseNotebookArgs(["--quick", "--into-temp"]), {
    quick: true,
    intoTemp: true,
    env: {},
    help: false,
    paths: [],
  });
  const a = parseNotebookArgs([
    "--env",
    "A=1=2",
    "--out",
    "o.ipynb",
    "--timeout",
    "30",
    "x.ipynb",
  ]);
  assert.deepEqual(a.env, { A: "1=2" });
  assert.equal(a.out, "o.ipynb");
  assert.equal(a.timeoutSeconds, 30);
  assert.deepEqual(a.paths, ["x.ipynb"]);
  assert.equal(parseNotebookArgs(["--html"]).html, "results/tmp/html");
  assert.equal(parseNotebookArgs(["--html=out/h"]).html, "out/h");
});

Deno.test("bad flags are named", () => {
  assert.throws(() => parseNotebookArgs(["--fast"]), /unknown flag --fast/);
  assert.throws(
    () => parseNotebookArgs(["--env", "NOEQUALS"]),
    /--env expects KEY=VALUE, got "NOEQUALS"/,
  );
  assert.throws(
    () => parseNotebookArgs(["--timeout", "soon"]),
    /positive number of seconds, got soon/,
  );
  assert.throws(() => parseNotebookArgs(["--out"]), /--out expects a value/);
  assert.throws(() => parseNotebookArgs(["--out", "a", "--into-temp"]), /exclude each other/);
  assert.throws(() => parseNotebookArgs(["--html", "--quick"]), /takes no execution flags/);
});

Deno.test("every run has a cell time limit: 600 s quick, 3600 s full, unless --timeout says", () => {
  assert.equal(defaultCellTimeout(true), 600);
  assert.equal(defaultCellTimeout(false), 3600);
  assert.equal(parseNotebookArgs(["--timeout", "5"]).timeoutSeconds, 5);
});
