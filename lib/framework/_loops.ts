/**
 * The step's scans of a gradient or a state: the first non-finite value, the
 * first value beyond a limit (the updates' loops are generated from one
 * description: `_update.ts` for the step, `_blocks.ts` for the blocks φ and ψ).
 *
 * Why they are built by a factory and copied: V8 specialises a function to the
 * array types it has seen, and a loop that has seen both Float64Array and
 * Float32Array tests the type at every access, which made every loop here
 * 2–3x slower on both (`deno task bench`: the 10M Float32 step after the 1-D
 * Float64 problem). Each array type therefore gets its own copy of
 * {@link makeLoops}, compiled from its source text with a tag that keeps V8 from
 * sharing the compiled copy (and its type feedback) between the two. The
 * factory reads nothing but its arguments and `Math`, so a copy computes exactly
 * what the original does; where `new Function` is not allowed the original is
 * used. {@link loops} sends each call to the copy for its arrays' type.
 *
 * @module
 */
import type { Vec } from "./types.ts";

/** The loops; see the module's doc for why they come from a factory. */
export function makeLoops() {
  /** The index of the first non-finite g_i, or −1. */
  function firstNonFinite(g: Vec): number {
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]!;
      // NaN and ±∞ are exactly the values for which gi − gi is not 0.
      if (gi - gi !== 0) return i;
    }
    return -1;
  }

  /** The index of the first g_i that is not below `limit` in magnitude (NaN included), or −1. */
  function firstBeyond(g: Vec, limit: number): number {
    for (let i = 0; i < g.length; i++) {
      if (!(Math.abs(g[i]!) < limit)) return i;
    }
    return -1;
  }

  return { firstNonFinite, firstBeyond };
}

/** The loops, one function each. */
export type Loops = ReturnType<typeof makeLoops>;

/** A copy of the loops with type feedback of its own (see the module's doc). */
function copyLoops(tag: string): Loops {
  try {
    // The tag makes the source text unique: V8 caches compiled code by source.
    const factory = new Function(`"use strict"; return (${makeLoops.toString()}); // ${tag}`);
    return factory()() as Loops;
  } catch {
    return makeLoops();
  }
}

const F32 = copyLoops("Float32Array");
const F64 = copyLoops("Float64Array");
const is32 = (x: Vec) => x.BYTES_PER_ELEMENT === 4;

/**
 * The loops, each call sent to the copy for the type of its first array. Every
 * line names both copies, so that each call site in it only ever sees one
 * function: V8 then inlines it, which a 1-D step's speed depends on.
 */
export const loops: Loops = {
  firstNonFinite: (g) => is32(g) ? F32.firstNonFinite(g) : F64.firstNonFinite(g),
  firstBeyond: (g, limit) => is32(g) ? F32.firstBeyond(g, limit) : F64.firstBeyond(g, limit),
};

/** The copy of the loops for arrays of `x`'s type (for tests). */
export function loopsFor(x: Vec): Loops {
  return is32(x) ? F32 : F64;
}
