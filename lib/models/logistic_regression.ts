/**
 * Multinomial logistic regression, the paper's first MNIST model (Section 5):
 *
 * ```
 * z = x·W + b            x ∈ ℝ^784, W ∈ ℝ^{784×10}, b ∈ ℝ^10
 * f(W, b) = (1/B) Σ_i [ log Σ_c exp(z_ic) − z_{i,y_i} ]
 * ∂f/∂W = Xᵀ·(softmax(Z) − Y)/B,   ∂f/∂b = Σ_i (softmax(z_i) − y_i)/B
 * ```
 *
 * The flat parameter vector is `[W (inputs×classes, row-major), b (classes)]`:
 * 7,850 parameters for MNIST. Initialisation schemes:
 * - `"zeros"` (default): W = 0, b = 0; the loss is convex, so this is a fine start.
 * - `"uniform"`: W_ij ~ U(−1/√inputs, 1/√inputs) (±0.0357 for 784 inputs), b = 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logisticRegression } from "./logistic_regression.ts";
 * import { Rng } from "../random/rng.ts";
 * const model = logisticRegression({ inputs: 2, classes: 3 });
 * const params = model.init(new Rng(0));
 * const grad = new Float32Array(model.size);
 * const loss = model.lossAndGrad(params, new Float32Array([1, 0]), new Uint8Array([2]), 1, grad);
 * assert.ok(Math.abs(loss - Math.log(3)) < 1e-6); // all logits 0: uniform prediction
 * ```
 *
 * @module
 */
import { softmaxCrossEntropy } from "../kernels/softmax_cross_entropy.ts";
import type { Rng } from "../random/rng.ts";
import {
  denseBackward,
  denseForward,
  type InputOptions,
  type LayerInput,
  SPARSE_DENSITY,
  sparseInput,
} from "./_dense.ts";
import { emptySparse } from "../kernels/csr.ts";
import { evaluateInChunks } from "./_evaluate.ts";
import { checkBatch, checkSize, layOut, viewsOf } from "./_layout.ts";
import { fillUniform, torchLinearBound } from "./init.ts";
import type { Model } from "./types.ts";

/** Sizes of {@link logisticRegression} (defaults: MNIST's 784 inputs, 10 classes). */
export interface LogisticRegressionOptions extends InputOptions {
  /** Output classes (default 10). */
  classes?: number;
}

/** Multinomial logistic regression as a {@link Model}; see the module documentation. */
export function logisticRegression(opts: LogisticRegressionOptions = {}): Model {
  const inputs = opts.inputs ?? 784;
  const classes = opts.classes ?? 10;
  const sparseDensity = opts.sparseDensity ?? SPARSE_DENSITY;
  const name = "logreg";
  const { layout, size } = layOut([["W", [inputs, classes]], ["b", [classes]]]);
  let z = new Float32Array(0); // logits, then ∂f/∂z in place
  const xSparse = emptySparse(); // the batch in CSR, when sparse enough

  function logits(params: Float32Array, x: LayerInput, n: number): Float32Array {
    if (z.length < n * classes) z = new Float32Array(n * classes);
    const p = viewsOf(layout, params);
    denseForward(x, p.W!, p.b!, n, z);
    return z;
  }

  return {
    name,
    size,
    inputs,
    classes,
    layout,
    schemes: ["zeros", "uniform"],
    init(rng: Rng, scheme = "zeros"): Float32Array {
      const params = new Float32Array(size);
      if (scheme === "uniform") {
        fillUniform(viewsOf(layout, params).W!, torchLinearBound(inputs), rng);
      } else if (scheme !== "zeros") {
        throw new RangeError(
          `${name}: unknown init scheme "${scheme}", expected "zeros" or "uniform"`,
        );
      }
      return params;
    },
    views: (params) => viewsOf(layout, params),
    lossAndGrad(params, x, y, batch, grad): number {
      checkSize("params", params, size, name);
      checkSize("grad", grad, size, name);
      checkBatch(x, y, batch, inputs, name);
      const input = sparseInput(x, batch, inputs, xSparse, sparseDensity);
      const dz = logits(params, input, batch);
      const loss = softmaxCrossEntropy(dz, y, batch, classes, dz);
      const g = viewsOf(layout, grad);
      denseBackward(input, viewsOf(layout, params).W!, dz, batch, g.W!, g.b!, null);
      return loss;
    },
    evaluate(params, x, y, n) {
      checkSize("params", params, size, name);
      checkBatch(x, y, n, inputs, name);
      return evaluateInChunks(
        x,
        y,
        n,
        inputs,
        classes,
        (xs, m) => logits(params, sparseInput(xs, m, inputs, xSparse, sparseDensity, true), m),
      );
    },
  };
}
