import assert from "node:assert/strict";
import { join } from "node:path";
import { withStudentCode } from "../lib/grade/mod.ts";
import { FIXTURES } from "./grade_fixtures/snippets.ts";
import { EXERCISES_DIR } from "./grade/submission.ts";
import { isStarter, release, studentVersion } from "./release.ts";

/** The lines of the reference solutions that give something away (not signatures or braces). */
function solutionLines(): string[] {
  const lines = new Set<string>();
  for (const f of Object.values(FIXTURES)) {
    for (const code of Object.values(f.reference)) {
      for (const raw of code.split("\n")) {
        const l = raw.trim();
        if (l.length < 12 || l.startsWith("//") || l.startsWith("function ")) continue;
        if (/^(return|const|let|if|for|while|s\.|lo|hi|x|y)\b/.test(l) || /[=(]/.test(l)) {
          lines.add(l);
        }
      }
    }
  }
  return [...lines];
}

Deno.test("release: every sheet, no outputs, and not one line of a reference solution", async () => {
  const out = await Deno.makeTempDir({ prefix: "release-test-" });
  try {
    const files = await release(out);
    assert.deepEqual(
      files.map((f) => f.slice(out.length + 1)).sort(),
      [...Object.keys(FIXTURES).map((n) => `${n}.ipynb`), "README.md"].sort(),
    );
    const secrets = solutionLines();
    assert.ok(secrets.length > 20, `${secrets.length} solution lines to look for`);
    for (const f of files) {
      const text = await Deno.readTextFile(f);
      for (const line of secrets) {
        assert.ok(!text.includes(line), `${f} contains a solution line: ${line}`);
        assert.ok(!text.includes(JSON.stringify(line).slice(1, -1)), `${f}: ${line}`);
      }
      assert.ok(!/grade_fixtures|MISTAKES|GOLDEN_X/.test(text), `${f} names grader internals`);
      if (!f.endsWith(".ipynb")) continue;
      const nb = JSON.parse(text);
      assert.deepEqual(Object.keys(nb.metadata).sort(), [
        "amsgrad_grade",
        "kernelspec",
        "language_info",
      ]);
      for (const c of nb.cells) {
        if (c.cell_type === "code") assert.deepEqual([c.outputs, c.execution_count], [[], null]);
      }
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("release: refuses a template whose answer cell holds a solution", async () => {
  const name = "02_adamnc_beta2";
  const template = JSON.parse(await Deno.readTextFile(join(EXERCISES_DIR, `${name}.ipynb`)));
  assert.doesNotThrow(() => studentVersion(name, template));
  const solved = withStudentCode(template, FIXTURES[name]!.reference);
  assert.throws(() => studentVersion(name, solved), /more than starter code/);
  assert.equal(
    isStarter('function f() {\n  // hint\n  throw new Error("f: not implemented yet");\n}'),
    true,
  );
  assert.equal(isStarter("function f() {\n  return 1;\n}"), false);
});
