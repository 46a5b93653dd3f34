/**
 * The WebAssembly text of the float32 step of Adam's family: `adam32` of
 * `_float32.ts`, the definition, written with 128-bit SIMD, four coordinates per
 * instruction. Only IEEE operations whose result WebAssembly fixes exactly
 * (`f32x4.add/sub/mul/div/sqrt`, `pmin/pmax`, comparisons), never a fused or
 * relaxed one, so the kernel equals the loop bit for bit on every machine.
 * The clamps and the max are `pmax`/`pmin`, which are JavaScript's
 * `a < b ? b : a` and `b < a ? b : a`, the loop's own choices.
 *
 * The module imports its memory (`env.memory`), one per optimizer state (see
 * `_arena.ts`). Exports:
 * - `adam<M><D><P>(x, g, m, v, vh, n, b1, k1, b2, k2, kIn, kPrev, step, s2,
 *   epsIn, epsOut, lower, upper, a, b, decay, lo, hi)`: one step on `n`
 *   coordinates (a multiple of 4) of the float32 arrays at byte addresses x, g,
 *   m, v and vh. Eight copies, one per shape, each digit 0 or 1: M, AMSGrad's
 *   max (v̂ at vh); D, the step uses D_i (else η_i = α_t·c); P, "plain": the
 *   copy leaves out the operations that are exact identities when
 *   kIn = kPrev = a = decay = 1, b = epsIn = 0, no bounds and epsOut > 0 (then
 *   1·y = y, y + 0 = y for the y ≥ +0 it meets, a·m + 0·g = a·m since m = −0
 *   only when g's sign bit is set, clamps to ±∞ change nothing, and D_i ≥
 *   epsOut > 0). Fewer live constants also keep the loop in registers.
 * - `firstBeyond(g, n, limit)`: the index of the first group of four
 *   coordinates holding one that is not below `limit` in magnitude (NaN, ±∞, or
 *   a value so large that its square would overflow), or −1.
 *
 * `_float32_wasm.ts` holds the assembled bytes; `deno task wasm` rewrites it
 * from this text and a test checks that the two agree.
 *
 * @module
 */

/** One shape of the kernel: AMSGrad's max, the denominator, the plain scalars. */
interface Shape {
  hasMax: boolean;
  useDen: boolean;
  plain: boolean;
}

/** The export name of a shape's kernel, e.g. `adam111`. */
export function adamName({ hasMax, useDen, plain }: Shape): string {
  return `adam${+hasMax}${+useDen}${+plain}`;
}

/** Every shape, in the order of their names. */
export const SHAPES: readonly Shape[] = [false, true].flatMap((hasMax) =>
  [false, true].flatMap((useDen) => [false, true].map((plain) => ({ hasMax, useDen, plain })))
);

/** The text of one shape's kernel; see the module documentation. */
function adamFunc(shape: Shape): string {
  const { hasMax, useDen, plain } = shape;
  /** `k·y` as text, or `y` when the plain copy drops the factor k. */
  const times = (k: string, y: string) => plain ? y : `(f32x4.mul (local.get ${k}) ${y})`;
  /** `y + k`, or `y`. */
  const plus = (y: string, k: string) => plain ? y : `(f32x4.add ${y} (local.get ${k}))`;
  /** clamp(y, lo, hi) = pmin(pmax(y, lo), hi), or `y`. */
  const clamp = (y: string, lo: string, hi: string) =>
    plain ? y : `(f32x4.pmin (f32x4.pmax ${y} (local.get ${lo})) (local.get ${hi}))`;
  const splats = [
    ["B1", "b1"],
    ["K1", "k1"],
    ["B2", "b2"],
    ["K2", "k2"],
    ["STEP", "step"],
    ...(useDen ? [["S2", "s2"], ["EPSOUT", "epsOut"]] : []),
    ...(plain ? [] : [
      ["KIN", "kIn"],
      ["KPREV", "kPrev"],
      ["EPSIN", "epsIn"],
      ["LOWER", "lower"],
      ["UPPER", "upper"],
      ["A", "a"],
      ["B", "b"],
      ["DECAY", "decay"],
      ["LO", "lo"],
      ["HI", "hi"],
    ]),
  ];
  const at = (p: string) => `(i32.add (local.get ${p}) (local.get $o))`;
  // η_i: step / D_i, or step / ∞ where D_i = 0 (impossible in the plain copy: D_i ≥ epsOut > 0)
  const quotient = `(f32x4.div (local.get $STEP) (local.get $den))`;
  const eta = !useDen ? "(local.get $STEP)" : plain ? quotient : `(v128.bitselect
          (f32x4.div (local.get $STEP) (f32x4.splat (f32.const inf)))
          ${quotient}
          (f32x4.eq (local.get $den) (f32x4.splat (f32.const 0))))`;
  return `
  (func (export "${adamName(shape)}")
    (param $x i32) (param $g i32) (param $m i32) (param $v i32) (param $vh i32) (param $n i32)
    (param $b1 f32) (param $k1 f32) (param $b2 f32) (param $k2 f32)
    (param $kIn f32) (param $kPrev f32) (param $step f32) (param $s2 f32)
    (param $epsIn f32) (param $epsOut f32) (param $lower f32) (param $upper f32)
    (param $a f32) (param $b f32) (param $decay f32) (param $lo f32) (param $hi f32)
    (local $o i32) (local $end i32)
    (local $gi v128) (local $mi v128) (local $vi v128) (local $di v128) (local $den v128)
    ${splats.map(([c]) => `(local $${c} v128)`).join(" ")}
    ${splats.map(([c, p]) => `(local.set $${c} (f32x4.splat (local.get $${p})))`).join("\n    ")}
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      (local.set $gi (v128.load ${at("$g")}))
      ;; m <- b1 m + k1 g
      (local.set $mi (f32x4.add (f32x4.mul (local.get $B1) (v128.load ${at("$m")}))
                                (f32x4.mul (local.get $K1) (local.get $gi))))
      (v128.store ${at("$m")} (local.get $mi))
      ;; v <- b2 v + (k2 g) g
      (local.set $vi (f32x4.add
        (f32x4.mul (local.get $B2) (v128.load ${at("$v")}))
        (f32x4.mul (f32x4.mul (local.get $K2) (local.get $gi)) (local.get $gi))))
      (v128.store ${at("$v")} (local.get $vi))
      ${
    hasMax
      ? `;; vHat <- (cur > prev ? cur : prev) = pmax(prev, cur)
      (local.set $di (f32x4.pmax ${times("$KPREV", `(v128.load ${at("$vh")})`)}
                                 ${times("$KIN", "(local.get $vi)")}))
      (v128.store ${at("$vh")} (local.get $di))`
      : "(local.set $di (local.get $vi))"
  }
      ${
    useDen
      ? `;; D = sqrt(s2 d + epsIn) + epsOut
      (local.set $den (f32x4.add
        (f32x4.sqrt ${plus("(f32x4.mul (local.get $S2) (local.get $di))", "$EPSIN")})
        (local.get $EPSOUT)))`
      : ""
  }
      ;; x <- clamp(decay x - clamp(eta, lower, upper) (a m + b g), lo, hi)
      (v128.store ${at("$x")} ${
    clamp(
      `(f32x4.sub ${times("$DECAY", `(v128.load ${at("$x")})`)}
        (f32x4.mul ${clamp(eta, "$LOWER", "$UPPER")}
          ${
        plain ? "(local.get $mi)" : `(f32x4.add (f32x4.mul (local.get $A) (local.get $mi))
                     (f32x4.mul (local.get $B) (local.get $gi)))`
      }))`,
      "$LO",
      "$HI",
    )
  })
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next))))`;
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
  ${SHAPES.map(adamFunc).join("\n")})
`;
