/**
 * The paper's fully connected network for MNIST (Section 5): one hidden layer
 * of 100 rectified linear units, softmax cross-entropy on 10 outputs.
 *
 * ```
 * h = relu(x·W1 + b1)        W1 ∈ ℝ^{784×100}, b1 ∈ ℝ^100
 * z = h·W2 + b2              W2 ∈ ℝ^{100×10},  b2 ∈ ℝ^10
 * f = (1/B) Σ_i [ log Σ_c exp(z_ic) − z_{i,y_i} ]
 * backward:  δz = (softmax(Z) − Y)/B,  ∂f/∂W2 = Hᵀ·δz,  ∂f/∂b2 = Σ_i δz_i,
 *            δh = (δz·W2ᵀ) ⊙ [H > 0],  ∂f/∂W1 = Xᵀ·δh,   ∂f/∂b1 = Σ_i δh_i
 * ```
 *
 * The flat parameter vector is `[W1, b1, W2, b2]` (weights inputs×outputs,
 * row-major): 79,510 parameters for 784 → 100 → 10. Initialisation schemes:
 * - `"he-glorot"` (default): W1_ij ~ U(−√(6/inputs), √(6/inputs)) (He uniform, for
 *   the ReLU layer: ±0.08748 for 784 inputs); W2_ij ~ U(−√(6/(hidden+classes)),
 *   √(6/(hidden+classes))) (Glorot uniform: ±0.23355 for 100 → 10); b1 = b2 = 0.
 *   Draws fill W1 then W2 in row-major order.
 * - `"pytorch"`: PyTorch's `nn.Linear` default, every weight and bias of a layer
 *   ~ U(−1/√fan_in, 1/√fan_in); draws fill W1, b1, W2, b2 in that order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mlp } from "./mlp.ts";
 * import { Rng } from "../random/rng.ts";
 * const model = mlp();
 * assert.equal(model.size, 784 * 100 + 100 + 100 * 10 + 10);
 * const params = model.init(new Rng(1));
 * assert.ok(model.views(params).W1!.every((w) => Math.abs(w) <= Math.sqrt(6 / 784)));
 * ```
 *
 * @module
 */
import { reluBackward } from "../kernels/relu.ts";
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
import { fillUniform, glorotUniformBound, heUniformBound, torchLinearBound } from "./init.ts";
import type { Model } from "./types.ts";

/** Sizes of {@link mlp} (defaults: the paper's 784 → 100 → 10). */
export interface MlpOptions extends InputOptions {
  /** Units of the hidden ReLU layer (default 100). */
  hidden?: number;
  /** Output classes (default 10). */
  classes?: number;
}

/** The one-hidden-layer ReLU network as a {@link Model}; see the module documentation. */
export function mlp(opts: MlpOptions = {}): Model {
  const inputs = opts.inputs ?? 784;
  const hidden = opts.hidden ?? 100;
  const classes = opts.classes ?? 10;
  const sparseDensity = opts.sparseDensity ?? SPARSE_DENSITY;
  const name = "mlp";
  const { layout, size } = layOut([
    ["W1", [inputs, hidden]],
    ["b1", [hidden]],
    ["W2", [hidden, classes]],
    ["b2", [classes]],
  ]);
  // Scratch, grown to the largest batch seen: h (activations), z (logits, then δz), δh.
  let h = new Float32Array(0);
  let z = new Float32Array(0);
  let dh = new Float32Array(0);
  const xSparse = emptySparse(); // the batch in CSR, when sparse enough

  function forward(params: Float32Array, x: LayerInput, n: number): Float32Array {
    if (h.length < n * hidden) {
      h = new Float32Array(n * hidden);
      z = new Float32Array(n * classes);
    }
    const p = viewsOf(layout, params);
    denseForward(x, p.W1!, p.b1!, n, h, true); // h = relu(x·W1 + b1)
    denseForward(h, p.W2!, p.b2!, n, z);
    return z;
  }

  function init(rng: Rng, scheme = "he-glorot"): Float32Array {
    const params = new Float32Array(size);
    const p = viewsOf(layout, params);
    if (scheme === "he-glorot") {
      fillUniform(p.W1!, heUniformBound(inputs), rng);
      fillUniform(p.W2!, glorotUniformBound(hidden, classes), rng);
    } else if (scheme === "pytorch") {
      fillUniform(p.W1!, torchLinearBound(inputs), rng);
      fillUniform(p.b1!, torchLinearBound(inputs), rng);
      fillUniform(p.W2!, torchLinearBound(hidden), rng);
      fillUniform(p.b2!, torchLinearBound(hidden), rng);
    } else {
      throw new RangeError(
        `${name}: unknown init scheme "${scheme}", expected "he-glorot" or "pytorch"`,
      );
    }
    return params;
  }

  return {
    name,
    size,
    inputs,
    classes,
    layout,
    schemes: ["he-glorot", "pytorch"],
    init,
    views: (params) => viewsOf(layout, params),
    lossAndGrad(params, x, y, batch, grad): number {
      checkSize("params", params, size, name);
      checkSize("grad", grad, size, name);
      checkBatch(x, y, batch, inputs, name);
      const input = sparseInput(x, batch, inputs, xSparse, sparseDensity);
      const dz = forward(params, input, batch);
      const loss = softmaxCrossEntropy(dz, y, batch, classes, dz);
      if (dh.length < batch * hidden) dh = new Float32Array(batch * hidden);
      const p = viewsOf(layout, params);
      const g = viewsOf(layout, grad);
      denseBackward(h, p.W2!, dz, batch, g.W2!, g.b2!, dh);
      reluBackward(dh, h, batch * hidden);
      denseBackward(input, p.W1!, dh, batch, g.W1!, g.b1!, null);
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
        (xs, m) => forward(params, sparseInput(xs, m, inputs, xSparse, sparseDensity, true), m),
      );
    },
  };
}
