/**
 * Evaluation in chunks, shared by the models: the mean loss and the accuracy
 * over n examples without buffers of n rows.
 *
 * @module
 */
import { countCorrect, softmaxCrossEntropy } from "../kernels/softmax_cross_entropy.ts";

/** Examples per chunk: 512 × 100 hidden floats = 200 KiB of scratch for the MLP. */
export const EVAL_CHUNK = 512;

/**
 * Mean softmax cross-entropy and fraction correct over `n` examples; `logitsOf`
 * writes the logits of `m ≤ EVAL_CHUNK` examples into its scratch and returns it.
 */
export function evaluateInChunks(
  x: Float32Array,
  y: Uint8Array,
  n: number,
  inputs: number,
  classes: number,
  logitsOf: (x: Float32Array, m: number) => Float32Array,
): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  for (let lo = 0; lo < n; lo += EVAL_CHUNK) {
    const m = Math.min(EVAL_CHUNK, n - lo);
    const z = logitsOf(x.subarray(lo * inputs, (lo + m) * inputs), m);
    const ys = y.subarray(lo, lo + m);
    loss += softmaxCrossEntropy(z, ys, m, classes) * m;
    correct += countCorrect(z, ys, m, classes);
  }
  return { loss: loss / n, accuracy: correct / n };
}
