import assert from "node:assert/strict";
import { loadMnist } from "../data/load.ts";
import { threadsPerWorker, trainGrid } from "./pool.ts";
import { trainRun } from "./run.ts";
import { defaultSettings, type TrainSettings } from "./settings.ts";

const base: TrainSettings = {
  ...defaultSettings("logreg"),
  steps: 30,
  evalEvery: 15,
  trainLimit: 1024,
};

Deno.test("trainGrid: results on workers equal in-process runs, in input order", async () => {
  const runs = [base, { ...base, seed: 1 }, { ...base, optimizer: "adam", alpha: 0.03 }];
  const onWorkers = await trainGrid(runs, { workers: 2 });
  const data = await loadMnist({ dataset: "mnist" });
  for (let i = 0; i < runs.length; i++) {
    const local = trainRun(runs[i]!, data);
    // "auto" resolves to float32 arithmetic for these optimizers of Adam's family.
    assert.deepEqual(onWorkers[i]!.settings, { ...runs[i], arithmetic: "float32" });
    assert.deepEqual(onWorkers[i]!.curve, local.curve);
    assert.deepEqual(onWorkers[i]!.final, local.final);
  }
});

Deno.test("trainGrid: one worker multiplies on the free cores too, with the same results", async () => {
  const runs = [{ ...base, model: "mlp" as const }];
  const [onWorker] = await trainGrid(runs, { workers: 1 });
  const local = trainRun(runs[0]!, await loadMnist({ dataset: "mnist" }));
  assert.deepEqual(onWorker!.curve, local.curve);
  assert.deepEqual(onWorker!.final, local.final);
});

Deno.test("threadsPerWorker: the cores shared among the workers, at least 1", () => {
  const cores = navigator.hardwareConcurrency;
  assert.equal(threadsPerWorker(cores), 1);
  assert.equal(threadsPerWorker(2 * cores), 1);
  assert.equal(threadsPerWorker(1), Math.min(2, cores));
});

Deno.test("trainGrid: a failing run rejects with the worker's error", async () => {
  await assert.rejects(trainGrid([{ ...base, optimizer: "nope" }], { workers: 1 }), /optimizer/);
});
