import assert from "node:assert/strict";
import { loadMnist } from "../data/load.ts";
import { trainRun } from "./run.ts";
import type { ImageSplit } from "../data/types.ts";
import { defaultSettings, type TrainSettings } from "./settings.ts";

const base: TrainSettings = {
  ...defaultSettings("logreg"),
  steps: 4,
  evalEvery: 2,
  trainLimit: 256,
};

Deno.test("trainRun: arithmetic auto is float32 for Adam's family, float64 for the others", async () => {
  const data = await loadMnist({ dataset: "mnist" });
  assert.equal(trainRun(base, data).settings.arithmetic, "float32");
  const adagrad = trainRun({ ...base, optimizer: "adagrad" }, data);
  assert.equal(adagrad.settings.arithmetic, "float64");
  assert.throws(
    () => trainRun({ ...base, optimizer: "adagrad", arithmetic: "float32" }, data),
    /arithmetic "float32" needs Adam's family/,
  );
  // float32 and float64 arithmetic are different computations of the same method.
  const f64 = trainRun({ ...base, arithmetic: "float64" }, data);
  const f32 = trainRun(base, data);
  assert.notDeepEqual(f32.final, f64.final);
  assert.ok(Math.abs(f32.final.trainLoss - f64.final.trainLoss) < 1e-4);
});

Deno.test("trainRun: validation holds out the last examples, and trains on the rest", async () => {
  const data = await loadMnist({ dataset: "mnist" });
  const r = trainRun({ ...base, trainLimit: undefined, validation: 10_000, steps: 2 }, data);
  assert.ok(Number.isFinite(r.final.validationLoss));
  assert.ok(Number.isFinite(r.curve[0]!.validationLoss));
  assert.throws(
    () => trainRun({ ...base, trainLimit: 55_000, validation: 10_000 }, data),
    /trainLimit/,
  );
});

Deno.test("trainRun: CIFARNET trains for any seed; the same seed gives the same bits, dropout included", () => {
  const split = (count: number, offset: number): ImageSplit => ({
    count,
    rows: 32,
    cols: 32,
    channels: 1,
    images: Uint8Array.from({ length: count * 1024 }, (_, i) => (i * 7 + offset) % 251),
    labels: Uint8Array.from({ length: count }, (_, i) => (i * 3 + offset) % 10),
  });
  const data = { train: split(256, 0), test: split(128, 5) };
  const settings = (seed: number): TrainSettings => ({
    ...defaultSettings("cifarnet"),
    steps: 2,
    evalEvery: 2,
    seed,
    validation: 0,
  });
  const a = trainRun(settings(0), data).final;
  assert.deepEqual(trainRun(settings(0), data).final, a);
  assert.notDeepEqual(trainRun(settings(1), data).final, a);
  assert.ok(Number.isFinite(trainRun(settings(2 ** 32 - 1), data).final.trainLoss));
});
