/**
 * One training run from its settings: build the model and the optimizer, train,
 * and return the curve in the JSON form `deno task train --json` prints.
 *
 * @module
 */
import { logisticRegression } from "../models/logistic_regression.ts";
import { mlp } from "../models/mlp.ts";
import { cifarnet } from "../models/cifarnet.ts";
import type { Model } from "../models/types.ts";
import { byName } from "../optimizers/registry.ts";
import { float32Unsupported } from "../framework/mod.ts";
import type { ImageSplit } from "../data/types.ts";
import { trainValidationSplit } from "../data/split.ts";
import { type CurvePoint, type TrainFinal, trainLoop } from "./loop.ts";
import type { TrainSettings } from "./settings.ts";

/** The result of one run: its settings, the curve and the final numbers. */
export interface TrainResult {
  /** The settings the run was made with. */
  settings: TrainSettings;
  /** The training curve, a point every `evalEvery` steps. */
  curve: CurvePoint[];
  /** Losses and accuracy after the last step. */
  final: TrainFinal;
  /** Wall time of the run in seconds (not part of any comparison). */
  seconds: number;
}

/**
 * The model a setting names. CIFARNET takes the images' channels and size, and
 * draws its dropout masks from the stream seeded −(seed + 1), apart from the
 * loop's streams 2·seed and 2·seed + 1.
 */
export function makeModel(
  name: TrainSettings["model"],
  images: { channels?: number; rows: number } = { rows: 28 },
  seed = 0,
): Model {
  if (name === "logreg") return logisticRegression();
  if (name === "mlp") return mlp({ hidden: 100 });
  if (name === "cifarnet") {
    return cifarnet({
      channels: images.channels ?? 1,
      size: images.rows,
      // Its own stream, apart from the initialisation's (2s) and the shuffling's (2s + 1).
      dropoutSeed: 2 ** 52 + seed,
    });
  }
  throw new RangeError(`model must be "logreg", "mlp" or "cifarnet", got "${name}"`);
}

/** The model's scheme for `init`: its default, or zeros where it has one. */
function scheme(model: Model, init: TrainSettings["init"]): string | undefined {
  if (init === "default") return undefined;
  if (!model.schemes.includes("zeros")) {
    throw new RangeError(
      `model ${model.name} has no "zeros" initialisation (schemes: ${model.schemes.join(", ")})`,
    );
  }
  return "zeros";
}

/** Trains one run on the given data, holding out `settings.validation` training examples. */
export function trainRun(
  settings: TrainSettings,
  data: { train: ImageSplit; test: ImageSplit },
  onProgress?: (step: number) => void,
): TrainResult {
  const model = makeModel(settings.model, data.train, settings.seed);
  const options = {
    alpha: settings.alpha,
    schedule: settings.schedule,
    beta1: settings.beta1,
    beta2: settings.beta2,
    eps: settings.eps,
    variant: settings.variant,
  };
  let arithmetic = settings.arithmetic;
  if (arithmetic === "auto") {
    const spec = byName(settings.optimizer, options).spec;
    arithmetic = float32Unsupported(spec) === null ? "float32" : "float64";
  }
  const optimizer = byName(settings.optimizer, { ...options, arithmetic });
  const t0 = performance.now();
  const held = settings.validation > 0
    ? { ...trainValidationSplit(data.train, settings.validation), test: data.test }
    : data;
  const { curve, final } = trainLoop(model, optimizer, held, {
    steps: settings.steps,
    batch: settings.batch,
    seed: settings.seed,
    init: scheme(model, settings.init),
    trainLimit: settings.trainLimit,
    shuffle: settings.shuffle,
    evalEvery: settings.evalEvery,
    onProgress,
  });
  return {
    settings: { ...settings, arithmetic },
    curve,
    final,
    seconds: (performance.now() - t0) / 1000,
  };
}
