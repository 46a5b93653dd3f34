import assert from "node:assert/strict";
import { loadMnist } from "../data/load.ts";
import { trainGrid } from "./pool.ts";
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

Deno.test("trainGrid: a failing run rejects with the worker's error", async () => {
  await assert.rejects(trainGrid([{ ...base, optimizer: "nope" }], { workers: 1 }), /optimizer/);
});
