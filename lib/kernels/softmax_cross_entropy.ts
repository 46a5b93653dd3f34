/**
 * Softmax cross-entropy over a batch of logits, and its gradient:
 *
 * ```
 * loss = (1/B) Σ_b [ log Σ_c exp(z_bc) − z_{b,y_b} ]
 * ∂loss/∂z_bc = (softmax(z_b)_c − [c = y_b]) / B,    softmax(z)_c = exp(z_c − max) / Σ_d exp(z_d − max)
 * ```
 *
 * Numerically stable: lse(z) = max(z) + log Σ_c exp(z_c − max(z)), so no
 * exponent exceeds 0; sums run in double precision.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";
 * // Two equal logits: loss log 2, gradient (½ − 1, ½) for label 0.
 * const grad = new Float32Array(2);
 * const loss = softmaxCrossEntropy(new Float32Array([3, 3]), new Uint8Array([0]), 1, 2, grad);
 * assert.ok(Math.abs(loss - Math.LN2) < 1e-12);
 * assert.deepEqual(Array.from(grad), [-0.5, 0.5]);
 * ```
 *
 * @module
 */

/** exp(z_c − max) of the current row, in double precision (grown to the most classes seen). */
let exps = new Float64Array(16);

function checkLabel(labels: Uint8Array, b: number, classes: number): number {
  const y = labels[b];
  if (y === undefined || y >= classes) {
    throw new RangeError(
      `label ${b} is ${y}, expected an integer class in [0, ${classes})` +
        (y === undefined ? ` (labels has ${labels.length} entries)` : ""),
    );
  }
  return y;
}

/**
 * Mean softmax cross-entropy of `batch` rows of `logits` (row-major batch×classes)
 * against `labels`; writes ∂loss/∂logits into `grad` when given. `grad` may be
 * `logits` itself (in place).
 *
 * @returns the mean loss over the batch
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Uint8Array,
  batch: number,
  classes: number,
  grad?: Float32Array,
): number {
  if (logits.length < batch * classes) {
    throw new RangeError(`logits has ${logits.length} entries, expected ${batch}×${classes}`);
  }
  if (grad !== undefined && grad.length < batch * classes) {
    throw new RangeError(`grad has ${grad.length} entries, expected ${batch}×${classes}`);
  }
  if (exps.length < classes) exps = new Float64Array(classes);
  let total = 0;
  const scale = 1 / batch;
  for (let b = 0; b < batch; b++) {
    const y = checkLabel(labels, b, classes);
    const row = b * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) if (logits[row + c]! > max) max = logits[row + c]!;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[row + c]! - max);
      exps[c] = e;
      sum += e;
    }
    total += max + Math.log(sum) - logits[row + y]!;
    if (grad !== undefined) {
      // softmax(z)_c = exp(z_c − max) / Σ: one exponential per logit
      const share = scale / sum;
      for (let c = 0; c < classes; c++) grad[row + c] = exps[c]! * share - (c === y ? scale : 0);
    }
  }
  return total * scale;
}

/**
 * How many of `n` rows of `logits` (row-major n×classes) have their largest
 * logit at the label; a tie goes to the first index of the maximum.
 */
export function countCorrect(
  logits: Float32Array,
  labels: Uint8Array,
  n: number,
  classes: number,
): number {
  let correct = 0;
  for (let b = 0; b < n; b++) {
    const row = b * classes;
    let arg = 0;
    for (let c = 1; c < classes; c++) if (logits[row + c]! > logits[row + arg]!) arg = c;
    if (arg === checkLabel(labels, b, classes)) correct++;
  }
  return correct;
}
