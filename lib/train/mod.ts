/**
 * Training on MNIST: the minibatch loop, run settings, and grids on workers.
 *
 * @module
 */
export { BatchSampler } from "./batches.ts";
export {
  type CurvePoint,
  evaluateSet,
  type LoopOptions,
  type TrainFinal,
  trainLoop,
} from "./loop.ts";
export { makeModel, type TrainResult, trainRun } from "./run.ts";
export { defaultSettings, type TrainSettings } from "./settings.ts";
export { defaultWorkers, trainGrid } from "./pool.ts";
export { loadTrainingData, type TrainingData, type TrainingDataOptions } from "./data.ts";
