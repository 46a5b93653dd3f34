import assert from "node:assert/strict";
import type { TrainResult } from "../train/run.ts";
import { extraRuns, figure2Grid, type Figure2Result, gridRuns } from "./figure2.ts";
import {
  cellStats,
  compareCells,
  curveBand,
  gridRobustness,
  runLabel,
  selectCell,
} from "./figure2_analysis.ts";
import { figure2Claims } from "./figure2_claims.ts";

Deno.test("figure2Grid: the paper's fixed settings; every cell over the same ≥ 5 seeds", () => {
  for (const model of ["logreg", "mlp"] as const) {
    const g = figure2Grid(model);
    const runs = gridRuns(g);
    assert.equal(runs.length, g.optimizers.length * g.beta2s.length * g.alphas.length * 5);
    assert.deepEqual(g.beta2s, [0.99, 0.999]);
    assert.equal(g.validation, 10_000);
    assert.ok(runs.every((r) => r.beta1 === 0.9 && r.batch === 128 && r.model === model));
    assert.ok(runs.every((r) => r.schedule === (model === "logreg" ? "invsqrt" : "constant")));
    for (const opt of g.optimizers) {
      const seeds = runs.filter((r) => r.optimizer === opt && r.alpha === g.alphas[0])
        .map((r) => r.seed);
      assert.deepEqual(seeds, [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    }
  }
  assert.ok(figure2Grid("mlp", true).steps < figure2Grid("mlp").steps);
});

Deno.test("extraRuns: each extra at the given cell, over the grid's seeds, with its own variant", () => {
  const g = figure2Grid("mlp");
  const extras = extraRuns(g, { alpha: 0.003, beta2: 0.999 });
  assert.equal(extras.length, 2 * 5);
  assert.deepEqual([...new Set(extras.map(runLabel))], ["AdamNC", "AMSGrad (pytorch)"]);
  assert.ok(extras.every((e) => e.alpha === 0.003 && e.beta2 === 0.999));
});

/**
 * A constructed grid with known answers: at every seed AMSGrad's training loss
 * is 0.01 lower than Adam's at the same cell, its test loss is the same ± a
 * coin-flip 0.001, and Adam diverges at α = 1.
 */
function constructed(): Figure2Result {
  const grid = { ...figure2Grid("logreg"), alphas: [0.1, 0.3, 1], seeds: [0, 1, 2, 3, 4] };
  const shape: Record<number, number> = { 0.1: 0.3, 0.3: 0.25, 1: 0.28 };
  const runs: TrainResult[] = gridRuns(grid).map((s) => {
    const seedShift = [0, 0.02, -0.01, 0.015, -0.005][s.seed]!;
    const ams = s.optimizer === "amsgrad";
    const train = shape[s.alpha]! + seedShift - (ams ? 0.01 : 0);
    const test = train + 0.05 + (ams ? 0.02 + (s.seed % 2 ? 0.001 : -0.001) : 0);
    const diverged = !ams && s.alpha === 1;
    return {
      settings: { ...s, arithmetic: "float32" },
      curve: [100, 200].map((step) => ({
        step,
        trainLoss: train,
        trainLossAvg: train + 1 / step,
        testLoss: test,
        validationLoss: test,
      })),
      final: {
        trainLoss: train,
        testLoss: test,
        validationLoss: test,
        testAccuracy: 0.9,
        diverged,
        steps: diverged ? 7 : s.steps,
      },
      seconds: 0,
    };
  });
  const cells = cellStats(runs);
  const pick = (by: "validationLoss" | "trainLoss") => ({
    adam: selectCell(cells, "adam", by),
    amsgrad: selectCell(cells, "amsgrad", by),
  });
  return {
    grid,
    runs,
    extras: [],
    cells,
    selected: { validation: pick("validationLoss"), train: pick("trainLoss") },
    seconds: 0,
  };
}

Deno.test("figure2 analysis: cells averaged over seeds; diverged cells never selected", () => {
  const r = constructed();
  assert.equal(r.cells.length, 2 * 2 * 3);
  const adam1 = r.cells.find((c) => c.optimizer === "adam" && c.alpha === 1)!;
  assert.equal(adam1.diverged, 5);
  assert.equal(adam1.trainLoss, Infinity);
  assert.equal(r.selected.train.adam.alpha, 0.3);
  assert.equal(r.selected.train.amsgrad.alpha, 0.3);
  const d = compareCells(r.runs, r.selected.train.amsgrad, r.selected.train.adam, "trainLoss")!;
  assert.ok(Math.abs(d.mean + 0.01) < 1e-12);
  assert.deepEqual([d.below, d.n], [5, 5]);
  assert.equal(compareCells(r.runs, { ...adam1, alpha: 1 }, adam1, "trainLoss"), null);
  const band = curveBand(r.runs, r.selected.train.adam, "trainLossAvg");
  assert.deepEqual(band.map((p) => p.x), [100, 200]);
  assert.ok(band.every((p) => p.lo < p.mean && p.mean < p.hi));
  assert.throws(() => selectCell(r.cells.filter((c) => c.alpha === 1), "adam", "trainLoss"));
});

Deno.test("figure2 robustness: ratios against the best of both; Adam's diverged corner is ∞", () => {
  const g = gridRobustness(constructed().runs, "trainLoss");
  assert.equal(g.grid.b.worstRatio, Infinity);
  assert.equal(g.grid.a.wins, 6);
  assert.ok(g.difference !== null && g.difference.hi < 0);
});

Deno.test("figure2Claims: quotes the paper; each verdict follows the declared rule", () => {
  const claims = figure2Claims(constructed());
  const [train, test, robustTrain] = claims;
  assert.match(train!.quote, /both train and test loss/);
  assert.equal(train!.verdict, "agrees"); // lower by 0.01 on every seed
  assert.equal(test!.verdict, "differs"); // higher by 0.01 ± 0.001 on every seed
  assert.equal(robustTrain!.verdict, "agrees");
  assert.match(robustTrain!.quote, /relatively more robust/);
  assert.ok(claims.slice(4).every((c) => c.verdict === "info"), "published rows are info");
  const mlp = constructed();
  mlp.grid = { ...mlp.grid, model: "mlp" };
  const rows = figure2Claims(mlp);
  assert.ok(rows.filter((c) => /robust/.test(c.quote)).every((c) => c.verdict === "info"));
  assert.ok(rows.filter((c) => c.where.startsWith("Beyond")).every((c) => c.verdict === "info"));
});
