import assert from "node:assert/strict";
import { l2Ball } from "../framework/projection.ts";
import { AMSGRAD_PSI_MISTAKES, type AmsgradPsi, checkAmsgradPsi } from "./amsgrad_psi.ts";
import { type Beta2T, BETA2T_MISTAKES, checkBeta2T } from "./adamnc_beta2.ts";
import { checkProjectBall, PROJECT_BALL_MISTAKES, type ProjectBall } from "./ball_projection.ts";
import { exercise, EXERCISES } from "./exercises.ts";
import {
  checkProjectInterval,
  PROJECT_INTERVAL_MISTAKES,
  type ProjectInterval,
} from "./projection.ts";
import {
  checkPytorchDenominator,
  PYTORCH_DENOMINATOR_MISTAKES,
  type PytorchDenominator,
} from "./pytorch_denominator.ts";
import { checkRegret, type Regret, REGRET_MISTAKES } from "./regret.ts";
import type { DisplayedReport } from "./report.ts";
import type { Mistake } from "./types.ts";

// Reference solutions, written independently of the grader's own reference (the library).
const amsgradPsi: AmsgradPsi = (s, g, b) => {
  s.v = b * s.v + (1 - b) * g * g;
  if (s.v > s.vHat) s.vHat = s.v;
  return s.vHat;
};
const pytorchDenominator: PytorchDenominator = (s, g, b, t, eps) => {
  s.v = b * s.v + (1 - b) * g * g;
  s.vHat = Math.max(s.vHat, s.v);
  return Math.sqrt(s.vHat / (1 - b ** t)) + eps;
};
const beta2T: Beta2T = (t) => (t - 1) / t;
const projectInterval: ProjectInterval = (y, a, b) => (y < a ? a : y > b ? b : y);
const projectBall: ProjectBall = (y, r, w) => {
  const x = (lam: number) => y.map((v, i) => (w[i]! * v) / (w[i]! + lam));
  const n = (lam: number) => Math.hypot(...x(lam));
  if (n(0) <= r) return [...y];
  let [lo, hi] = [0, 1];
  while (n(hi) > r) hi *= 2;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (n(mid) > r) lo = mid;
    else hi = mid;
  }
  return x(hi);
};
const regret: Regret = (xs, c, lo, hi) => {
  let loss = 0;
  let sum = 0;
  xs.forEach((x, t) => {
    loss += c[t]! * x;
    sum += c[t]!;
  });
  return loss - Math.min(lo * sum, hi * sum);
};

type Case = {
  id: string;
  check: (get: () => unknown) => DisplayedReport;
  reference: unknown;
  mistakes: readonly Mistake<unknown>[];
};
const CASES: Case[] = [
  {
    id: "amsgrad-psi",
    check: checkAmsgradPsi,
    reference: amsgradPsi,
    mistakes: AMSGRAD_PSI_MISTAKES,
  },
  {
    id: "pytorch-denominator",
    check: checkPytorchDenominator,
    reference: pytorchDenominator,
    mistakes: PYTORCH_DENOMINATOR_MISTAKES,
  },
  { id: "adamnc-beta2", check: checkBeta2T, reference: beta2T, mistakes: BETA2T_MISTAKES },
  {
    id: "interval-projection",
    check: checkProjectInterval,
    reference: projectInterval,
    mistakes: PROJECT_INTERVAL_MISTAKES,
  },
  {
    id: "ball-projection",
    check: checkProjectBall,
    reference: projectBall,
    mistakes: PROJECT_BALL_MISTAKES,
  },
  { id: "regret", check: checkRegret, reference: regret, mistakes: REGRET_MISTAKES },
] as Case[];

Deno.test("catalogue: one case per exercise, and the catalogue's checker is the exercise's", () => {
  assert.deepEqual(CASES.map((c) => c.id), EXERCISES.map((e) => e.id));
  for (const c of CASES) assert.equal(exercise(c.id).check, c.check);
  assert.throws(() => exercise("nope"), /unknown exercise "nope"; known: amsgrad-psi/);
});

for (const c of CASES) {
  Deno.test(`${c.id}: an independent reference solution gets full marks`, () => {
    const r = c.check(() => c.reference);
    const failed = r.checks.filter((x) => !x.pass).map((x) => `${x.check}: ${x.message}`);
    assert.deepEqual(failed, []);
    assert.equal(r.points, exercise(c.id).maxPoints);
    assert.equal(r.maxPoints, exercise(c.id).maxPoints);
    assert.equal(r.bonus, exercise(c.id).bonus);
    assert.equal(r.title, exercise(c.id).title);
    assert.ok(r.checks.every((x) => x.exercise === c.id && x.hint === null));
  });

  Deno.test(`${c.id}: every known mistake loses points and is named by a check`, () => {
    assert.equal(new Set(c.mistakes.map((m) => m.id)).size, c.mistakes.length, "unique ids");
    for (const m of c.mistakes) {
      const r = c.check(() => m.impl);
      assert.ok(r.points < r.maxPoints, `${m.id} must lose points`);
      const named = r.checks.filter((x) => !x.pass && x.mistake === m.id);
      assert.ok(
        named.length > 0,
        `${m.id}: named ${JSON.stringify(r.checks.map((x) => x.mistake))}`,
      );
      assert.ok(named.every((x) => x.hint === m.hint));
    }
  });

  Deno.test(`${c.id}: starter code and a missing definition fail every check with a hint`, () => {
    const starter = c.check(() => () => {
      throw new Error("f: not implemented yet");
    });
    assert.equal(starter.points, 0);
    assert.ok(starter.checks.every((x) => /not implemented/.test(x.message)));
    assert.ok(starter.checks.every((x) => /replace the `throw`/.test(x.hint ?? "")));
    const missing = c.check(() => {
      throw new ReferenceError("f is not defined");
    });
    assert.ok(missing.checks.every((x) => !x.pass && /is not defined/.test(x.message)));
  });
}

Deno.test("amsgrad-psi: Theorem 1 pass message reports Adam trapped at +1 and AMSGrad near −1", () => {
  const r = checkAmsgradPsi(() => amsgradPsi);
  const t1 = r.checks.find((x) => x.check === "theorem1")!;
  assert.match(t1.message, /Adam ends at x = \+1\.000 .*your AMSGrad ends at x = -0\.99\d/);
});

Deno.test("amsgrad-psi: the golden gradients cannot tell Adam's ψ from AMSGrad's (raw v never shrinks)", () => {
  // The notebook asks students why; keep the claim true.
  const noMax = AMSGRAD_PSI_MISTAKES.find((m) => m.id === "no-max")!;
  const r = checkAmsgradPsi(() => noMax.impl);
  assert.deepEqual(r.checks.map((x) => [x.check, x.pass]), [
    ["shrink", false],
    ["drift", false],
    ["golden", true],
    ["theorem1", false],
  ]);
});

Deno.test("pytorch-denominator: optax's max over corrected v first diverges at step 3", () => {
  const optax = PYTORCH_DENOMINATOR_MISTAKES.find((m) => m.id === "max-over-corrected")!;
  const r = checkPytorchDenominator(() => optax.impl);
  const trace = r.checks.find((x) => x.check === "trace")!;
  assert.match(trace.message, /^step 3 \(g = 0\.5\), denominator:/);
  const golden = r.checks.find((x) => x.check === "golden")!;
  assert.match(golden.message, /^x after step 3 /);
});

Deno.test("adamnc-beta2: a β_2t outside [0, 1] that AdamNC rejects gets a specific hint", () => {
  const r = checkBeta2T(() => (t: number) => 1 - 1 / (t - 1));
  const mean = r.checks.find((x) => x.check === "mean")!;
  assert.match(mean.message, /RangeError: beta2Schedule\(1\) must be in \[0, 1\]/);
  assert.match(mean.hint!, /AdamNC rejected your β_2t/);
});

Deno.test("interval-projection: the in-step check sees an iterate leave F", () => {
  const r = checkProjectInterval(() => (y: number) => y);
  const inStep = r.checks.find((x) => x.check === "in-step")!;
  assert.match(inStep.message, /outside F = \[−1, 1\]/);
  assert.equal(inStep.mistake, "not-applied");
});

Deno.test("ball-projection: a Newton-free reference agrees with the library to the tolerance", () => {
  // The check's tolerance (1e-7) is far above the two methods' disagreement.
  const y = [3, -1, 2];
  const w = [0.01, 1, 100];
  const x = Float64Array.from(y);
  l2Ball(1.5).project!(x, Float64Array.from(w));
  projectBall(y, 1.5, w).forEach((v, i) => assert.ok(Math.abs(v - x[i]!) < 1e-12));
});

Deno.test("regret: the Theorem 1 pass message reports Adam's R_T/T away from 0", () => {
  const r = checkRegret(() => regret);
  const t1 = r.checks.find((x) => x.check === "theorem1")!;
  assert.match(t1.message, /Adam 0\.67\d .*AMSGrad 0\.0\d\d/);
});
