/**
 * What every model of the MNIST experiments offers: its parameters live in ONE
 * `Float32Array`, so an optimizer steps them all at once (`opt.step(state, grad)`
 * with `state.x` that array), and named views show the layers inside it.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** One named block of the flat parameter vector. */
export interface ParamBlock {
  /** E.g. `"W1"`, `"b1"`. */
  readonly name: string;
  /** Index of its first element in the flat vector. */
  readonly offset: number;
  /** Row-major shape: `[inputs, outputs]` for a weight, `[outputs]` for a bias. */
  readonly shape: readonly number[];
}

/** A classifier trained with mean softmax cross-entropy. */
export interface Model {
  /** A short name for tables, e.g. `"logreg"`, `"mlp"`. */
  readonly name: string;
  /** Number of parameters (the length of the flat vector). */
  readonly size: number;
  /** Input features per example (784 for MNIST). */
  readonly inputs: number;
  /** Number of classes (10 for MNIST). */
  readonly classes: number;
  /** The blocks of the flat vector, in order. */
  readonly layout: readonly ParamBlock[];
  /** Initialisation schemes accepted by {@link init}; the first is the default. */
  readonly schemes: readonly string[];
  /** Fresh parameters drawn from `rng` with `scheme` (default: the first of {@link schemes}). */
  init(rng: Rng, scheme?: string): Float32Array;
  /** Named views into `params` (they share its memory), one per {@link ParamBlock}. */
  views(params: Float32Array): Record<string, Float32Array>;
  /**
   * Mean cross-entropy over the `batch` examples of `x` (row-major batch×inputs)
   * with labels `y`; writes its gradient w.r.t. the parameters into `grad`.
   * Allocates no buffer per call once it has seen the largest batch.
   */
  lossAndGrad(
    params: Float32Array,
    x: Float32Array,
    y: Uint8Array,
    batch: number,
    grad: Float32Array,
  ): number;
  /** Mean loss and the fraction classified correctly over `n` examples (in chunks). */
  evaluate(
    params: Float32Array,
    x: Float32Array,
    y: Uint8Array,
    n: number,
  ): { loss: number; accuracy: number };
}
