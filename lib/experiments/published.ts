/**
 * A published reproduction, quoted as data: Korzeniowski's logistic regression
 * on MNIST (https://github.com/fdlm/amsgrad_experiments, commit b4366da, the
 * files experiments/logreg_mnist_…/train_log.yaml). Each cell lists, for its
 * five runs, the minimum over the 150 epochs of the validation loss, the
 * last epoch's validation loss, and the last epoch's mean training minibatch
 * loss, rounded to 5 decimals. These numbers are read from those logs, not
 * computed here.
 *
 * His protocol differs from ours: 150 epochs of 50,000 images (the last
 * 10,000 of the training set are his validation set, as ours), inputs
 * mean-subtracted, the learning rate annealed linearly to 0 over the 150
 * epochs (not α/√t), lr ∈ {1e-4, 1e-3, 1e-2} × β2 ∈ {0.99, 0.999} × bias
 * correction on/off, and runs not seeded in pairs (so his comparisons are
 * unpaired).
 *
 * @module
 */

import { type MeanInterval, meanInterval } from "../stats/interval.ts";

/** One grid cell of the published reproduction. */
export interface PublishedCell {
  /** `"adam"` or `"amsgrad"`. */
  optimizer: "adam" | "amsgrad";
  /** The initial learning rate (then annealed linearly to 0). */
  lr: number;
  /** β2. */
  beta2: number;
  /** Bias correction folded into the step size (Keras-style) or not (the paper's). */
  biasCorrection: boolean;
  /** Per run: the minimum over epochs of the validation loss. */
  minValidationLoss: number[];
  /** Per run: the last epoch's validation loss. */
  finalValidationLoss: number[];
  /** Per run: the last epoch's mean training minibatch loss. */
  finalTrainLoss: number[];
}

/** The source of {@link FDLM_LOGREG}, for citations. */
export const FDLM_SOURCE: string =
  "Korzeniowski, fdlm/amsgrad_experiments (https://github.com/fdlm/amsgrad_experiments), " +
  "commit b4366da, experiments/logreg_mnist_…/train_log.yaml";

/** Every cell of the published logistic-regression grid, 5 runs each. */
export const FDLM_LOGREG: readonly PublishedCell[] = [
  {
    optimizer: "adam",
    lr: 0.0001,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.26584, 0.26578, 0.26551, 0.26637, 0.26622],
    finalValidationLoss: [0.26584, 0.26578, 0.26551, 0.26637, 0.26622],
    finalTrainLoss: [0.26841, 0.26823, 0.26804, 0.26821, 0.26848],
  },
  {
    optimizer: "adam",
    lr: 0.0001,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.26558, 0.26595, 0.26614, 0.26630, 0.26594],
    finalValidationLoss: [0.26558, 0.26595, 0.26614, 0.26630, 0.26594],
    finalTrainLoss: [0.26842, 0.26838, 0.26850, 0.26823, 0.26853],
  },
  {
    optimizer: "adam",
    lr: 0.0001,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.26590, 0.26603, 0.26626, 0.26611, 0.26578],
    finalValidationLoss: [0.26590, 0.26603, 0.26626, 0.26611, 0.26578],
    finalTrainLoss: [0.26768, 0.26777, 0.26727, 0.26780, 0.26781],
  },
  {
    optimizer: "adam",
    lr: 0.0001,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.26673, 0.26694, 0.26658, 0.26700, 0.26670],
    finalValidationLoss: [0.26673, 0.26694, 0.26658, 0.26700, 0.26670],
    finalTrainLoss: [0.26894, 0.26897, 0.26881, 0.26879, 0.26907],
  },
  {
    optimizer: "adam",
    lr: 0.001,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.25390, 0.25492, 0.25480, 0.25447, 0.25513],
    finalValidationLoss: [0.26015, 0.26011, 0.26026, 0.26011, 0.26021],
    finalTrainLoss: [0.22239, 0.22251, 0.22236, 0.22257, 0.22242],
  },
  {
    optimizer: "adam",
    lr: 0.001,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.25408, 0.25457, 0.25460, 0.25487, 0.25481],
    finalValidationLoss: [0.25996, 0.26010, 0.26009, 0.26007, 0.26014],
    finalTrainLoss: [0.22252, 0.22277, 0.22262, 0.22262, 0.22246],
  },
  {
    optimizer: "adam",
    lr: 0.001,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.25484, 0.25569, 0.25558, 0.25507, 0.25453],
    finalValidationLoss: [0.26060, 0.26084, 0.26090, 0.26060, 0.26078],
    finalTrainLoss: [0.22062, 0.22068, 0.22068, 0.22086, 0.22072],
  },
  {
    optimizer: "adam",
    lr: 0.001,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.25521, 0.25487, 0.25502, 0.25495, 0.25504],
    finalValidationLoss: [0.26032, 0.26017, 0.26023, 0.25999, 0.26010],
    finalTrainLoss: [0.22143, 0.22127, 0.22114, 0.22117, 0.22114],
  },
  {
    optimizer: "adam",
    lr: 0.01,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.27085, 0.27327, 0.27335, 0.27228, 0.27508],
    finalValidationLoss: [0.30031, 0.30035, 0.30036, 0.30032, 0.30022],
    finalTrainLoss: [0.20052, 0.20058, 0.20066, 0.20089, 0.20101],
  },
  {
    optimizer: "adam",
    lr: 0.01,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.27146, 0.26852, 0.27500, 0.27471, 0.26991],
    finalValidationLoss: [0.30023, 0.30015, 0.30002, 0.30007, 0.30015],
    finalTrainLoss: [0.20074, 0.20073, 0.20075, 0.20057, 0.20065],
  },
  {
    optimizer: "adam",
    lr: 0.01,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.28318, 0.27758, 0.28093, 0.27997, 0.27780],
    finalValidationLoss: [0.30384, 0.30418, 0.30379, 0.30392, 0.30404],
    finalTrainLoss: [0.19835, 0.19852, 0.19835, 0.19839, 0.19858],
  },
  {
    optimizer: "adam",
    lr: 0.01,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.27400, 0.26974, 0.26926, 0.27442, 0.27103],
    finalValidationLoss: [0.30293, 0.30318, 0.30328, 0.30294, 0.30315],
    finalTrainLoss: [0.19859, 0.19848, 0.19852, 0.19872, 0.19863],
  },
  {
    optimizer: "amsgrad",
    lr: 0.0001,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.29276, 0.29282, 0.29278, 0.29307, 0.29289],
    finalValidationLoss: [0.29276, 0.29282, 0.29278, 0.29307, 0.29289],
    finalTrainLoss: [0.30692, 0.30631, 0.30678, 0.30688, 0.30650],
  },
  {
    optimizer: "amsgrad",
    lr: 0.0001,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.29463, 0.29441, 0.29472, 0.29414, 0.29446],
    finalValidationLoss: [0.29463, 0.29441, 0.29472, 0.29414, 0.29446],
    finalTrainLoss: [0.30910, 0.30935, 0.30963, 0.30907, 0.30943],
  },
  {
    optimizer: "amsgrad",
    lr: 0.0001,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.27361, 0.27358, 0.27413, 0.27385, 0.27354],
    finalValidationLoss: [0.27361, 0.27358, 0.27413, 0.27385, 0.27354],
    finalTrainLoss: [0.27898, 0.27851, 0.27906, 0.27862, 0.27931],
  },
  {
    optimizer: "amsgrad",
    lr: 0.0001,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.28016, 0.28149, 0.28021, 0.28127, 0.28068],
    finalValidationLoss: [0.28016, 0.28149, 0.28021, 0.28127, 0.28068],
    finalTrainLoss: [0.28947, 0.28970, 0.28978, 0.29075, 0.28976],
  },
  {
    optimizer: "amsgrad",
    lr: 0.001,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.25576, 0.25577, 0.25570, 0.25607, 0.25603],
    finalValidationLoss: [0.25641, 0.25643, 0.25631, 0.25659, 0.25643],
    finalTrainLoss: [0.23339, 0.23346, 0.23349, 0.23362, 0.23367],
  },
  {
    optimizer: "amsgrad",
    lr: 0.001,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.25595, 0.25595, 0.25600, 0.25601, 0.25591],
    finalValidationLoss: [0.25628, 0.25631, 0.25637, 0.25626, 0.25621],
    finalTrainLoss: [0.23541, 0.23597, 0.23549, 0.23560, 0.23554],
  },
  {
    optimizer: "amsgrad",
    lr: 0.001,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.25543, 0.25534, 0.25490, 0.25508, 0.25518],
    finalValidationLoss: [0.25949, 0.25949, 0.25935, 0.25958, 0.25940],
    finalTrainLoss: [0.22292, 0.22280, 0.22310, 0.22296, 0.22283],
  },
  {
    optimizer: "amsgrad",
    lr: 0.001,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.25539, 0.25538, 0.25536, 0.25493, 0.25528],
    finalValidationLoss: [0.25802, 0.25819, 0.25812, 0.25802, 0.25797],
    finalTrainLoss: [0.22595, 0.22553, 0.22571, 0.22552, 0.22579],
  },
  {
    optimizer: "amsgrad",
    lr: 0.01,
    beta2: 0.99,
    biasCorrection: false,
    minValidationLoss: [0.26887, 0.27016, 0.26650, 0.26466, 0.26871],
    finalValidationLoss: [0.28786, 0.28835, 0.28795, 0.28798, 0.28810],
    finalTrainLoss: [0.20362, 0.20319, 0.20323, 0.20361, 0.20333],
  },
  {
    optimizer: "amsgrad",
    lr: 0.01,
    beta2: 0.99,
    biasCorrection: true,
    minValidationLoss: [0.26787, 0.26503, 0.26838, 0.26834, 0.26779],
    finalValidationLoss: [0.28724, 0.28756, 0.28741, 0.28739, 0.28817],
    finalTrainLoss: [0.20341, 0.20346, 0.20348, 0.20343, 0.20354],
  },
  {
    optimizer: "amsgrad",
    lr: 0.01,
    beta2: 0.999,
    biasCorrection: false,
    minValidationLoss: [0.27953, 0.27871, 0.28248, 0.28085, 0.27672],
    finalValidationLoss: [0.29856, 0.29839, 0.29870, 0.29886, 0.29854],
    finalTrainLoss: [0.19968, 0.19981, 0.19991, 0.19970, 0.19970],
  },
  {
    optimizer: "amsgrad",
    lr: 0.01,
    beta2: 0.999,
    biasCorrection: true,
    minValidationLoss: [0.27037, 0.26808, 0.27179, 0.27135, 0.27017],
    finalValidationLoss: [0.29719, 0.29722, 0.29730, 0.29725, 0.29696],
    finalTrainLoss: [0.20029, 0.19981, 0.19989, 0.20000, 0.20009],
  },
];

/** One optimizer's best published cell on a quantity, with the mean's 95% interval over runs. */
export interface PublishedBest {
  /** The cell. */
  cell: PublishedCell;
  /** Mean over its runs and the Student-t interval (runs are not paired across optimizers). */
  interval: MeanInterval;
}

/**
 * Each optimizer's best published cell on `quantity` (lowest mean over runs),
 * among the cells with or without bias correction.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { publishedBest } from "./published.ts";
 * const best = publishedBest("minValidationLoss", false);
 * assert.equal(best.adam.cell.lr, 0.001);
 * ```
 */
export function publishedBest(
  quantity: "minValidationLoss" | "finalValidationLoss" | "finalTrainLoss",
  biasCorrection: boolean,
): Record<"adam" | "amsgrad", PublishedBest> {
  const best = (optimizer: "adam" | "amsgrad"): PublishedBest => {
    const cells = FDLM_LOGREG.filter((c) =>
      c.optimizer === optimizer && c.biasCorrection === biasCorrection
    );
    const scored = cells.map((cell) => ({ cell, interval: meanInterval(cell[quantity]) }));
    return scored.reduce((a, b) => (b.interval.mean < a.interval.mean ? b : a));
  };
  return { adam: best("adam"), amsgrad: best("amsgrad") };
}
