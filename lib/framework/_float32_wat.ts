/**
 * The WebAssembly text of the float32 step of Adam's family, generated from the
 * description of `_update.ts` (`_codegen.ts`), as is its definition, `adam32`
 * of `_float32.ts`: 128-bit SIMD, four coordinates per instruction. Only IEEE operations whose result WebAssembly fixes exactly
 * (`f32x4.add/sub/mul/div/sqrt`, `pmin/pmax`, comparisons), never a fused or
 * relaxed one, so the kernel equals the loop bit for bit on every machine.
 * The clamps and the max are `pmax`/`pmin`, which are JavaScript's
 * `a < b ? b : a` and `b < a ? b : a`, the loop's own choices.
 *
 * The module imports its memory (`env.memory`), one per optimizer state (see
 * `_arena.ts`). Exports:
 * - `adam<M><D><P>(x, g, m, v, vh, n, sc)`: one step on `n` coordinates (a
 *   multiple of 4) of the float32 arrays at byte addresses x, g, m, v and vh,
 *   with the scalars record (float32, in the order of `SCALARS`) at byte
 *   address sc. Eight copies, one per shape, each digit 0 or 1: M, AMSGrad's
 *   max (v̂ at vh); D, the step uses D_i (else η_i = α_t·c); P, "plain": the
 *   description folded by the plain facts (`PLAIN` of `_update.ts`), used when
 *   the facts the folding used hold ({@link shapeStep}).
 * - `firstBeyond(g, n, limit)`: the index of the first group of four
 *   coordinates holding one that is not below `limit` in magnitude (NaN, ±∞, or
 *   a value so large that its square would overflow), or −1.
 *
 * `_float32_wasm.ts` holds the assembled bytes; `deno task wasm` rewrites it
 * from this text and a test checks that the two agree.
 *
 * @module
 */
import { adamStep, fold, type Folded, PLAIN } from "./_update.ts";
import { watFunction } from "./_codegen.ts";

/** One shape of the kernel: AMSGrad's max, the denominator, the plain scalars. */
export interface KernelShape {
  hasMax: boolean;
  useDen: boolean;
  plain: boolean;
}

/** The export name of a shape's kernel, e.g. `adam111`. */
export function adamName({ hasMax, useDen, plain }: KernelShape): string {
  return `adam${+hasMax}${+useDen}${+plain}`;
}

/** Every shape, in the order of their names. */
export const SHAPES: readonly KernelShape[] = [false, true].flatMap((hasMax) =>
  [false, true].flatMap((useDen) => [false, true].map((plain) => ({ hasMax, useDen, plain })))
);

/**
 * A shape's statements: the description's step, folded by the plain facts for
 * a plain shape; `used` is the condition under which the kernel applies.
 */
export function shapeStep({ hasMax, useDen, plain }: KernelShape): Folded {
  const body = adamStep({ hasMax, useDen });
  return plain ? fold(body, PLAIN) : { body, used: {} };
}

/** See the module documentation. */
export const FLOAT32_WAT = `
(module
  (import "env" "memory" (memory 1))
  (func (export "firstBeyond") (param $g i32) (param $n i32) (param $limit f32) (result i32)
    (local $o i32) (local $end i32) (local $lim v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $lim (f32x4.splat (local.get $limit)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      ;; |g| < limit is false for NaN, for +-inf and for the huge
      (if (v128.any_true (v128.not (f32x4.lt
            (f32x4.abs (v128.load (i32.add (local.get $g) (local.get $o))))
            (local.get $lim))))
        (then (return (i32.shr_u (local.get $o) (i32.const 2)))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next)))
    (i32.const -1))
  ${SHAPES.map((shape) => watFunction(adamName(shape), shapeStep(shape).body)).join("\n")})
`;
