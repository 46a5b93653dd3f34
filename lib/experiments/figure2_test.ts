import assert from "node:assert/strict";
import type { TrainResult } from "../train/run.ts";
import { bestOf, extraRuns, figure2Grid, gridRuns, runLabel } from "./figure2.ts";

function result(
  optimizer: string,
  alpha: number,
  trainLoss: number,
  diverged = false,
): TrainResult {
  const settings = { ...gridRuns(figure2Grid("logreg"))[0]!, optimizer, alpha };
  return {
    settings,
    curve: [],
    final: { trainLoss, testLoss: trainLoss, testAccuracy: 0.9, diverged, steps: 10 },
    seconds: 0,
  };
}

Deno.test("figure2Grid: the paper's fixed settings; one run per optimizer × β2 × α", () => {
  for (const model of ["logreg", "mlp"] as const) {
    const g = figure2Grid(model);
    const runs = gridRuns(g);
    assert.equal(runs.length, g.optimizers.length * g.beta2s.length * g.alphas.length);
    assert.deepEqual(g.beta2s, [0.99, 0.999]);
    assert.ok(runs.every((r) => r.beta1 === 0.9 && r.batch === 128 && r.model === model));
    assert.ok(runs.every((r) => r.schedule === (model === "logreg" ? "invsqrt" : "constant")));
  }
  assert.ok(figure2Grid("mlp", true).steps < figure2Grid("mlp").steps);
});

Deno.test("bestOf: lowest final training loss; diverged runs never win; none left is an error", () => {
  const rs = [
    result("adam", 0.1, 0.3),
    result("adam", 1, 0.1, true),
    result("adam", 0.01, 0.2),
    result("amsgrad", 0.1, 0.05),
  ];
  assert.equal(bestOf(rs, "adam").settings.alpha, 0.01);
  assert.equal(bestOf(rs, "amsgrad").settings.alpha, 0.1);
  assert.throws(() => bestOf([result("adam", 1, 0.1, true)], "adam"), /no converging run/);
});

Deno.test("extraRuns: the extra lines at AMSGrad's best setting, with their own optimizer and variant", () => {
  const g = figure2Grid("mlp");
  const best = { ...gridRuns(g)[5]!, optimizer: "amsgrad" };
  const extras = extraRuns(g, best);
  assert.deepEqual(extras.map(runLabel), ["AdamNC", "AMSGrad (pytorch)"]);
  assert.ok(extras.every((e) => e.alpha === best.alpha && e.beta2 === best.beta2));
});
