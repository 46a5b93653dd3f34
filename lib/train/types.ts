/**
 * What the training loop needs from a data set and a model, as structural
 * types (lib/data and lib/models satisfy them).
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** Images as bytes (pixel values 0..255), row-major, one image after another. */
export interface ImageSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

/** A classifier whose parameters live in one Float32Array. */
export interface Model {
  readonly name: string;
  /** Number of parameters. */
  readonly size: number;
  /** Input features per example. */
  readonly inputs: number;
  /** Fresh parameters; `scheme` names the initialisation. */
  init(rng: Rng, scheme?: string): Float32Array;
  /** Mean cross-entropy over the batch; writes its gradient into `grad`. */
  lossAndGrad(
    params: Float32Array,
    x: Float32Array,
    y: Uint8Array,
    batch: number,
    grad: Float32Array,
  ): number;
  /** Mean loss and accuracy over n examples. */
  evaluate(
    params: Float32Array,
    x: Float32Array,
    y: Uint8Array,
    n: number,
  ): { loss: number; accuracy: number };
}
