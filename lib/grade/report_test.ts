import assert from "node:assert/strict";
import { exerciseReport, formatHtml, formatText } from "./report.ts";
import { type CheckResult, GRADE_MIME } from "./types.ts";

const result = (check: string, pass: boolean, maxPoints = 1): CheckResult => ({
  exercise: "ex",
  check,
  title: `title of ${check}`,
  pass,
  points: pass ? maxPoints : 0,
  maxPoints,
  message: pass ? "fine" : "step 3: expected 1, got <2>",
  hint: pass ? null : "a hint & more",
  mistake: pass ? null : "m",
});

Deno.test("exerciseReport: sums points; displays text, HTML and the grade MIME type", () => {
  const r = exerciseReport({ exercise: "ex", title: "An exercise" }, [
    result("a", true, 2),
    result("b", false),
  ]);
  assert.deepEqual([r.points, r.maxPoints, r.bonus, r.format], [2, 3, false, 1]);
  const bundle = r[Symbol.for("Jupyter.display")]!();
  assert.deepEqual(Object.keys(bundle).sort(), [GRADE_MIME, "text/html", "text/plain"].sort());
  assert.deepEqual(bundle[GRADE_MIME], JSON.parse(JSON.stringify(r)), "plain JSON payload");
  assert.equal(Object.keys(r).includes("undefined"), false);
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(r))).sort(), [
    "bonus",
    "checks",
    "exercise",
    "format",
    "maxPoints",
    "points",
    "title",
  ]);
});

Deno.test("formatText and formatHtml: PASS/FAIL per check, hints on failures, HTML escaped", () => {
  const r = exerciseReport({ exercise: "ex", title: "T", bonus: true }, [
    result("a", true),
    result("b", false),
  ]);
  const text = formatText(r);
  assert.match(text, /^ex: T {2}1\/2 \(bonus\)/);
  assert.match(text, /PASS {2}a: title of a/);
  assert.match(
    text,
    /FAIL {2}b: title of b\n {8}step 3: expected 1, got <2>\n {8}hint: a hint & more/,
  );
  assert.equal((text.match(/hint:/g) ?? []).length, 1, "no hint under a pass");
  const html = formatHtml(r);
  assert.match(html, /got &lt;2&gt;/);
  assert.match(html, /a hint &amp; more/);
  assert.equal((html.match(/FAIL/g) ?? []).length, 1);
});

Deno.test("formatText: a hint repeated by the next failing check is shown once", () => {
  const r = exerciseReport({ exercise: "ex", title: "T" }, [
    result("a", false),
    result("b", false),
    result("c", true),
  ]);
  const text = formatText(r);
  assert.equal((text.match(/hint: a hint & more/g) ?? []).length, 1);
  assert.match(text, /FAIL {2}b: [^\n]*\n[^\n]*\n {8}hint: as above/);
});
