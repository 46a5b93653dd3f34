/**
 * Minibatches: a seeded permutation per epoch (or file order), full batches
 * only (an epoch's last partial batch is dropped), over the first `limit`
 * examples. Scaling the pixels is `fillBatch` of lib/data.
 *
 * @module
 */
import type { Rng } from "../random/rng.ts";

/** Yields the example indices of successive minibatches. */
export class BatchSampler {
  /** Examples per minibatch. */
  readonly batch: number;
  /** Examples drawn from: indices 0 … limit − 1. */
  readonly limit: number;
  #order: Int32Array;
  #pos: number;
  #rng: Rng | null;
  /** Epochs started so far. */
  epoch = 0;

  /**
   * A sampler over the first `limit` examples; throws a RangeError unless
   * `batch` is an integer ≥ 1 and `limit` an integer ≥ `batch`.
   *
   * @param limit examples to draw from (the first `limit` in file order)
   * @param batch minibatch size (≤ limit)
   * @param rng the shuffling stream, or null for file order
   */
  constructor(limit: number, batch: number, rng: Rng | null) {
    if (!Number.isInteger(batch) || batch < 1) {
      throw new RangeError(`batch must be an integer ≥ 1, got ${batch}`);
    }
    if (!Number.isInteger(limit) || limit < batch) {
      throw new RangeError(
        `the training set (${limit} examples) must hold at least one batch of ${batch}`,
      );
    }
    this.batch = batch;
    this.limit = limit;
    this.#rng = rng;
    this.#order = new Int32Array(limit);
    this.#pos = limit; // start a new epoch on the first call
  }

  /** The indices of the next minibatch (a view valid until the next call). */
  next(): Int32Array {
    if (this.#pos + this.batch > this.limit) {
      for (let i = 0; i < this.limit; i++) this.#order[i] = i;
      if (this.#rng) this.#rng.shuffle(this.#order);
      this.#pos = 0;
      this.epoch++;
    }
    const out = this.#order.subarray(this.#pos, this.#pos + this.batch);
    this.#pos += this.batch;
    return out;
  }
}
