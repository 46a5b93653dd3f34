/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna 2018), 32-bit
 * operations only, seeded through SplitMix32 so that any seed gives a
 * well-mixed state, and no two seeds the same stream. Its state is four numbers, so a run can save and resume it.
 * Nothing in `lib/` calls the global, unseeded generator.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Rng } from "./rng.ts";
 * const a = new Rng(42), b = new Rng(42);
 * assert.equal(a.next(), b.next());
 * assert.notEqual(new Rng(2 ** 32).next(), new Rng(0).next());
 * assert.throws(() => new Rng(-1), RangeError);
 * ```
 *
 * @module
 */

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** xoshiro128**: 2^128 − 1 period, passes BigCrush. */
export class Rng {
  #s: Uint32Array;

  /**
   * A generator seeded from `seed` through SplitMix32; throws a RangeError if
   * `seed` is not an integer in [0, 2^53). Seeds below 2^32 (what the command
   * lines accept) seed SplitMix32 directly; a larger one (a derived seed such as
   * 2·seed + 1) also folds its high word into the second state word, so that no
   * two seeds share a stream (2^32 does not run as 0 would).
   *
   * @param seed an integer in [0, 2^53); equal seeds give equal streams.
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be an integer in [0, 2^53), got ${seed}`);
    }
    const sm = splitmix32(seed % 2 ** 32);
    this.#s = new Uint32Array([sm(), sm(), sm(), sm()]);
    const high = Math.floor(seed / 2 ** 32);
    if (high > 0) this.#s[1] = (this.#s[1]! ^ high) >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) {
      throw new RangeError(`n must be a positive integer, got ${n}`);
    }
    return Math.floor(this.next() * n);
  }

  /** A standard normal draw (Box–Muller; one value per call, no caching). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Shuffles `a` in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  /** The generator's state, to save. */
  getState(): number[] {
    return Array.from(this.#s);
  }

  /** Resumes from {@link getState}'s output. */
  setState(state: number[]): void {
    if (state.length !== 4 || state.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffffffff)) {
      throw new RangeError("rng state must be four unsigned 32-bit integers");
    }
    this.#s = Uint32Array.from(state);
  }
}
