import assert from "node:assert/strict";
import { formatScore, scoreNotebook } from "./score.ts";
import type { CheckResult, ExerciseReport } from "./types.ts";

const check = (exercise: string, id: string, pass: boolean): CheckResult => ({
  exercise,
  check: id,
  title: id,
  pass,
  points: pass ? 1 : 0,
  maxPoints: 1,
  message: pass ? "fine" : `${id} diverged`,
  hint: pass ? null : `hint for ${exercise}`,
  mistake: null,
});

function report(exercise: string, passes: boolean[], bonus = false): ExerciseReport {
  const checks = passes.map((p, i) => check(exercise, `c${i}`, p));
  return {
    format: 1,
    exercise,
    title: `title of ${exercise}`,
    bonus,
    points: checks.filter((c) => c.pass).length,
    maxPoints: checks.length,
    checks,
  };
}

const base = { notebook: "nb.ipynb", template: "03_weighted_projection" };

Deno.test("scoreNotebook: regular and bonus points apart; a missing report scores 0 with a note", () => {
  const s = scoreNotebook({
    ...base,
    exercises: ["interval-projection", "ball-projection"],
    reports: [{ cell: 4, report: report("interval-projection", [true, true, false, true]) }],
  });
  assert.deepEqual([s.points, s.maxPoints, s.bonusPoints, s.bonusMaxPoints], [3, 4, 0, 3]);
  const ball = s.exercises[1]!;
  assert.deepEqual([ball.graded, ball.points, ball.bonus], [false, 0, true]);
  assert.match(ball.note!, /not graded/);
});

Deno.test("scoreNotebook: points are recomputed from the checks; the last report counts", () => {
  const forged = { ...report("regret", [false, false, false]), points: 3 };
  const s = scoreNotebook({
    ...base,
    exercises: ["regret"],
    reports: [
      { cell: 1, report: report("regret", [true, true, true]) },
      { cell: 2, report: forged },
    ],
  });
  assert.equal(s.points, 0);
  assert.match(s.exercises[0]!.note!, /disagree/);
});

Deno.test("scoreNotebook: a failure zeroes its exercise; foreign reports are noted and ignored", () => {
  const s = scoreNotebook({
    ...base,
    exercises: ["regret"],
    reports: [
      { cell: 1, report: report("regret", [true, true, true]) },
      { cell: 5, report: report("amsgrad-psi", [true, true, true, true]) },
    ],
    failures: { regret: "cell 3/7 failed: SyntaxError" },
    notes: ["a note"],
  });
  assert.deepEqual([s.points, s.maxPoints], [0, 3]);
  assert.equal(s.exercises[0]!.note, "cell 3/7 failed: SyntaxError");
  assert.deepEqual(s.notes, [
    "a note",
    'a report for "amsgrad-psi" (cell 6) is not an exercise of this notebook: ignored',
  ]);
});

Deno.test("formatScore: a line per exercise, failing checks with one hint each, the total", () => {
  const s = scoreNotebook({
    ...base,
    exercises: ["interval-projection", "ball-projection"],
    reports: [
      { cell: 4, report: report("interval-projection", [true, false, false, true]) },
      { cell: 7, report: report("ball-projection", [true, true, true], true) },
    ],
  });
  const text = formatScore(s);
  assert.match(text, /interval-projection\s+2\/4 {2}title of interval-projection/);
  assert.match(text, /ball-projection\s+3\/3 \(bonus\)/);
  assert.equal((text.match(/hint for interval-projection/g) ?? []).length, 1, "same hint once");
  assert.equal((text.match(/FAIL/g) ?? []).length, 2);
  assert.doesNotMatch(text, /PASS/);
  assert.match(formatScore(s, { verbose: true }), /PASS c0: fine/);
  assert.match(text, /total 2\/4 \+ 3\/3 bonus$/);
});
