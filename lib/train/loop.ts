/**
 * The minibatch training loop of the paper's MNIST experiments: at step t a
 * batch of 128 examples gives f_t, its gradient g_t, and one optimizer step.
 *
 * @module
 */
import { NonFiniteGradientError } from "../framework/errors.ts";
import type { Optimizer } from "../framework/types.ts";
import { Rng } from "../random/rng.ts";
import { fillBatch } from "../data/batch.ts";
import type { ImageSplit } from "../data/types.ts";
import type { Model } from "../models/types.ts";
import { BatchSampler } from "./batches.ts";

/** One point of a training curve. */
export interface CurvePoint {
  /** Updates taken so far (a multiple of `evalEvery`, or the last step). */
  step: number;
  /** The mean loss of the minibatch used at `step`, before the update. */
  trainLoss: number;
  /** The mean of the minibatch losses since the previous point (a smoother curve). */
  trainLossAvg: number;
  /** The mean loss over the whole test set after `step` updates. */
  testLoss: number;
  /** The mean loss over the validation set, when the run holds one out. */
  validationLoss?: number;
}

/** The end of a run. */
export interface TrainFinal {
  /** Mean loss over the training examples used (all of them, or the first trainLimit). */
  trainLoss: number;
  /** Mean loss over the whole test set. */
  testLoss: number;
  /** Fraction of the test set classified correctly, in [0, 1]. */
  testAccuracy: number;
  /** Mean loss over the validation set, when the run holds one out. */
  validationLoss?: number;
  /** True when the loss or a gradient became non-finite; the run stopped there. */
  diverged: boolean;
  /** Steps actually taken. */
  steps: number;
}

/** Options of {@link trainLoop}. */
export interface LoopOptions {
  /** Optimizer steps to take, one per minibatch. */
  steps: number;
  /** Examples per minibatch (the paper: 128). */
  batch: number;
  /** Integer seed: 2·seed seeds the initialisation, 2·seed + 1 the shuffling. */
  seed: number;
  /** Initialisation scheme passed to the model (undefined: its default). */
  init?: string;
  /** Use the first `trainLimit` training examples (default all). */
  trainLimit?: number;
  /** Draw each epoch's minibatches from a seeded permutation (false: file order). */
  shuffle: boolean;
  /** Evaluate the test (and validation) loss every this many steps (and at the last step). */
  evalEvery: number;
  /** Called after every step with the number of steps taken. */
  onProgress?: (step: number) => void;
}

/** Mean loss and accuracy of `params` over the first `n` examples of `set`, in chunks. */
export function evaluateSet(
  model: Model,
  params: Float32Array,
  set: ImageSplit,
  n: number = set.count,
  chunk = 1000,
): { loss: number; accuracy: number } {
  const pixels = (set.channels ?? 1) * set.rows * set.cols;
  const x = new Float32Array(Math.min(chunk, n) * pixels);
  const idx = new Int32Array(Math.min(chunk, n));
  let loss = 0;
  let correct = 0;
  for (let lo = 0; lo < n; lo += chunk) {
    const m = Math.min(chunk, n - lo);
    for (let i = 0; i < m; i++) idx[i] = lo + i;
    fillBatch(set, idx.subarray(0, m), x);
    const r = model.evaluate(params, x, set.labels.subarray(lo, lo + m), m);
    loss += r.loss * m;
    correct += r.accuracy * m;
  }
  return { loss: loss / n, accuracy: correct / n };
}

/**
 * Trains `model` with `optimizer` and records the curve. The seed fixes the
 * initialisation and the shuffling (two independent streams), so a run is
 * bit-identical given its settings.
 */
export function trainLoop(
  model: Model,
  optimizer: Optimizer,
  data: { train: ImageSplit; test: ImageSplit; validation?: ImageSplit },
  opts: LoopOptions,
): { curve: CurvePoint[]; final: TrainFinal } {
  const { train, test, validation } = data;
  const pixels = (train.channels ?? 1) * train.rows * train.cols;
  if (pixels !== model.inputs) {
    throw new RangeError(`the model takes ${model.inputs} inputs, the images have ${pixels}`);
  }
  const limit = opts.trainLimit ?? train.count;
  if (limit > train.count) {
    throw new RangeError(`trainLimit ${limit} exceeds the ${train.count} training examples`);
  }
  const sampler = new BatchSampler(
    limit,
    opts.batch,
    opts.shuffle ? new Rng(opts.seed * 2 + 1) : null,
  );
  const state = optimizer.init(model.init(new Rng(opts.seed * 2), opts.init));
  const params = state.x as Float32Array;
  const x = new Float32Array(opts.batch * pixels);
  const y = new Uint8Array(opts.batch);
  const grad = optimizer.gradientBuffer(state) as Float32Array;
  const curve: CurvePoint[] = [];
  let sinceLast = 0;
  let count = 0;
  let diverged = false;
  let t = 0;
  while (t < opts.steps) {
    const idx = sampler.next();
    fillBatch(train, idx, x, y);
    const loss = model.lossAndGrad(params, x, y, opts.batch, grad);
    if (!Number.isFinite(loss)) {
      diverged = true;
      break;
    }
    try {
      optimizer.step(state, grad);
    } catch (e) {
      if (!(e instanceof NonFiniteGradientError)) throw e;
      diverged = true;
      break;
    }
    t++;
    sinceLast += loss;
    count++;
    if (t % opts.evalEvery === 0 || t === opts.steps) {
      const testLoss = evaluateSet(model, params, test).loss;
      const point: CurvePoint = {
        step: t,
        trainLoss: loss,
        trainLossAvg: sinceLast / count,
        testLoss,
      };
      if (validation) point.validationLoss = evaluateSet(model, params, validation).loss;
      curve.push(point);
      sinceLast = 0;
      count = 0;
    }
    opts.onProgress?.(t);
  }
  const tr = evaluateSet(model, params, train, limit);
  const te = evaluateSet(model, params, test);
  const final: TrainFinal = {
    trainLoss: tr.loss,
    testLoss: te.loss,
    testAccuracy: te.accuracy,
    diverged,
    steps: t,
  };
  if (validation) final.validationLoss = evaluateSet(model, params, validation).loss;
  return { curve, final };
}
