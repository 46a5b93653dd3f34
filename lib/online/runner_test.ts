import assert from "node:assert/strict";
import { box } from "../framework/projection.ts";
import { adam } from "../optimizers/adam.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { sgd } from "../optimizers/sgd.ts";
import { figure1Online, theorem1, theorem1Beta2 } from "./problems.ts";
import { runOnline } from "./runner.ts";

const F = box(-1, 1);

Deno.test("runOnline: regret and x_t match a hand-written loop (projected SGD)", () => {
  const opt = sgd({ alpha: 0.1, schedule: "invsqrt", projection: F });
  const r = runOnline(theorem1(3), opt, { steps: 50, x1: 0.2, points: 50 });
  let x = 0.2;
  let cum = 0;
  let S = 0;
  for (let t = 1; t <= 50; t++) {
    const c = t % 3 === 1 ? 3 : -1;
    const row = r.rows[t - 1]!;
    assert.equal(row.t, t);
    assert.equal(row.x, x);
    cum += c * x;
    S += c;
    assert.ok(Math.abs(row.regret - (cum - Math.min(S, -S))) < 1e-12);
    x = Math.min(1, Math.max(-1, x - (0.1 / Math.sqrt(t)) * c));
  }
  assert.ok(Math.abs(r.xFinal - x) < 1e-15);
  assert.ok(Math.abs(r.avgRegret - r.regret / 50) < 1e-15);
});

Deno.test("runOnline: Theorem 1 — Adam stays at +1 with non-vanishing regret, AMSGrad goes to -1", () => {
  const C = 3;
  const opts = {
    alpha: 0.5,
    beta1: 0,
    beta2: theorem1Beta2(C),
    schedule: "invsqrt" as const,
    projection: F,
  };
  const a = runOnline(theorem1(C), adam(opts), { steps: 3000, x1: 1 });
  const m = runOnline(theorem1(C), amsgrad(opts), { steps: 3000, x1: 1 });
  assert.equal(a.xFinal, 1);
  assert.ok(a.avgRegret > 0.5, `Adam R_T/T ${a.avgRegret}`);
  assert.ok(m.xFinal < -0.9, `AMSGrad x_T ${m.xFinal}`);
  assert.ok(m.avgRegret < 0.1, `AMSGrad R_T/T ${m.avgRegret}`);
  // Γ_t: indefinite for Adam, positive semidefinite for AMSGrad with non-increasing α_t.
  assert.ok(a.gammaMin < 0, `Adam gammaMin ${a.gammaMin}`);
  assert.ok(m.gammaMin >= 0, `AMSGrad gammaMin ${m.gammaMin}`);
});

Deno.test("runOnline: rows are log-spaced and the result is deterministic", () => {
  const opt = () =>
    amsgrad({ alpha: 0.5, beta1: 0.9, beta2: 0.99, schedule: "invsqrt", projection: F });
  const a = runOnline(figure1Online(), opt(), { steps: 100_000, points: 100 });
  const b = runOnline(figure1Online(), opt(), { steps: 100_000, points: 100 });
  assert.ok(a.rows.length <= 101);
  assert.deepEqual(a.rows, b.rows);
  assert.equal(a.rows[a.rows.length - 1]!.t, 100_000);
});

Deno.test("runOnline: rejects an optimizer that does not project onto F, and x1 outside F", () => {
  assert.throws(() => runOnline(theorem1(3), adam({}), { steps: 10 }), /projects onto/);
  assert.throws(
    () => runOnline(theorem1(3), adam({ projection: F }), { steps: 10, x1: 2 }),
    /x1 must lie in F/,
  );
});
