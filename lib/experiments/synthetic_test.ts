import assert from "node:assert/strict";
import { figure1 } from "./figure1.ts";
import { alphaSweep, periodSweep, phaseDiagram, phaseDiagramUntilStable } from "./sweeps.ts";
import { theorem1Demo, theorem2Demo, theorem3Demo } from "./theorems.ts";
import { figure1Seeds } from "./seeded.ts";
import { figure1Claims, theoremClaims } from "./synthetic_claims.ts";

Deno.test("figure1: both settings, both optimizers, deterministic; Adam ends above AMSGrad", () => {
  const a = figure1({ steps: 20_000, points: 50 });
  const b = figure1({ steps: 20_000, points: 50 });
  assert.deepEqual(a, b);
  assert.deepEqual(a.final.map((f) => `${f.setting} ${f.optimizer}`), [
    "online Adam",
    "online AMSGrad",
    "stochastic Adam",
    "stochastic AMSGrad",
  ]);
  const online = (name: string) =>
    a.final.find((f) => f.setting === "online" && f.optimizer === name)!;
  assert.ok(online("Adam").x > online("AMSGrad").x);
  assert.ok(a.rows.every((r) => r.x >= -1 && r.x <= 1));
  assert.equal(a.settings.beta1, 0.9);
  assert.equal(a.settings.beta2, 0.99);
});

Deno.test("theorem demos: Theorem 1 traps Adam at +1; Theorem 2 rejects β1 ≥ √β2; Theorem 3 averages seeds", () => {
  const t1 = theorem1Demo({ Cs: [3], steps: 3000 });
  assert.equal(t1.outcomes.find((o) => o.optimizer === "Adam")!.x, 1);
  assert.ok(t1.outcomes.find((o) => o.optimizer === "AMSGrad")!.x < -0.9);
  assert.throws(() => theorem2Demo({ beta1: 0.99, beta2: 0.9 }), /β1 < √β2/);
  const t2 = theorem2Demo({ Cs: [4], steps: 2000 });
  assert.equal(t2.outcomes.length, 2);
  const t3 = theorem3Demo({ seeds: 3, steps: 2000 });
  assert.equal(t3.perSeed.length, 6);
  const mean = t3.perSeed.filter((o) => o.optimizer === "Adam").reduce((s, o) => s + o.x, 0) / 3;
  assert.ok(Math.abs(t3.summary[0]!.meanX - mean) < 1e-15);
  const band = t3.bands.filter((b) => b.optimizer === "Adam" && b.quantity === "x");
  assert.ok(band.length > 10 && band.every((b) => b.n === 3 && b.lo <= b.mean && b.mean <= b.hi));
});

Deno.test("figure1Seeds and the synthetic claims: paired over seeds, judged by the declared rule", () => {
  const seeds = figure1Seeds({ steps: 20_000, points: 40 }, 4);
  assert.deepEqual(seeds.ends.map((e) => e.seed), [0, 0, 1, 1, 2, 2, 3, 3]);
  assert.deepEqual(figure1Seeds({ steps: 20_000, points: 40 }, 4), seeds);
  assert.throws(() => figure1Seeds({}, 1), /seeds/);
  const fig = figure1({ steps: 20_000, points: 40 });
  const [online, stochastic] = figure1Claims(fig, seeds);
  assert.match(online!.quote, /does not converge to 0/);
  assert.match(online!.ours, /2·10\/101 = 0\.1980/);
  const d = stochastic!.statistic!;
  assert.equal(stochastic!.verdict, d.hi < 0 ? "agrees" : d.lo > 0 ? "differs" : "inconclusive");
  const t3 = theorem3Demo({ seeds: 3, steps: 2000 });
  const claims = theoremClaims(
    theorem1Demo({ Cs: [3], steps: 3000 }),
    theorem2Demo({ Cs: [4], steps: 2000 }),
    t3,
  );
  assert.equal(claims[0]!.verdict, "agrees");
  assert.match(claims[1]!.judged, /one pair/);
  assert.match(claims[2]!.ours, /net displacement per step/);
});

Deno.test("alphaSweep and phaseDiagram: one cell per combination, with its hyperparameters", () => {
  const sweep = alphaSweep({ alphas: [0.1, 0.5], schedules: ["invsqrt"], steps: 1000 });
  assert.equal(sweep.length, 4);
  assert.deepEqual(sweep.map((c) => [c.optimizer, c.alpha]), [["Adam", 0.1], ["AMSGrad", 0.1], [
    "Adam",
    0.5,
  ], [
    "AMSGrad",
    0.5,
  ]]);
  const phase = phaseDiagram({ beta1s: [0, 0.9], beta2s: [0.99], steps: 1000 });
  assert.deepEqual(phase.map((c) => [c.beta1, c.beta2]), [[0, 0.99], [0.9, 0.99]]);
  assert.ok(phase.every((c) => c.optimizer === "Adam" && Number.isFinite(c.x)));
});

Deno.test("phaseDiagramUntilStable: T grows tenfold until no cell moves; periodSweep: one cell per (P, β2)", () => {
  const steps = phaseDiagramUntilStable({
    start: 1000,
    max: 100_000,
    beta1s: [0.9],
    beta2s: [0.9, 0.999],
  });
  assert.deepEqual(steps.map((s) => s.steps).slice(0, 2), [1000, 10_000]);
  assert.ok(Number.isNaN(steps[0]!.moved));
  const last = steps.at(-1)!;
  assert.ok(last.moved === 0 || last.steps === 100_000);
  assert.equal(last.cells.length, 2);
  assert.ok(last.cells.every((c) => c.steps <= last.steps));
  const cells = periodSweep({ periods: [11, 101], beta2s: [0.9, 0.999], steps: 20_000 });
  assert.deepEqual(cells.map((c) => [c.period, c.beta2]), [[11, 0.9], [11, 0.999], [101, 0.9], [
    101,
    0.999,
  ]]);
  // Period 101 with β2 = 0.9 is Figure 1's trap for Adam.
  assert.ok(cells[2]!.x > 0.9);
});
