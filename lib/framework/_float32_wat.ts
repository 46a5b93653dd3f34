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
 * - `adam(x, g, m, v, vh, n, hasMax, useDen, b1, k1, b2, k2, kIn, kPrev, step,
 *   s2, epsIn, epsOut, lower, upper, a, b, decay, lo, hi)`: one step on `n`
 *   coordinates (a multiple of 4) of the float32 arrays at byte addresses x, g,
 *   m, v and vh (AMSGrad's v̂, read only when `hasMax` is 1).
 * - `firstNonFinite(g, n)`: the index of the first group of four coordinates
 *   holding a NaN or ±∞ (g − g ≠ 0), or −1.
 *
 * `_float32_wasm.ts` holds the assembled bytes; `deno task wasm` rewrites it
 * from this text and a test checks that the two agree.
 *
 * @module
 */

/** See the module documentation. */
export const FLOAT32_WAT = `
(module
  (import "env" "memory" (memory 1))
  (func (export "firstNonFinite") (param $g i32) (param $n i32) (result i32)
    (local $o i32) (local $end i32) (local $gi v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      ;; g - g is 0 for a finite g, NaN for NaN and for +-inf
      (local.set $gi (v128.load (i32.add (local.get $g) (local.get $o))))
      (if (v128.any_true (f32x4.ne (f32x4.sub (local.get $gi) (local.get $gi))
                                   (f32x4.splat (f32.const 0))))
        (then (return (i32.shr_u (local.get $o) (i32.const 2)))))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next)))
    (i32.const -1))
  (func (export "adam")
    (param $x i32) (param $g i32) (param $m i32) (param $v i32) (param $vh i32) (param $n i32)
    (param $hasMax i32) (param $useDen i32)
    (param $b1 f32) (param $k1 f32) (param $b2 f32) (param $k2 f32)
    (param $kIn f32) (param $kPrev f32) (param $step f32) (param $s2 f32)
    (param $epsIn f32) (param $epsOut f32) (param $lower f32) (param $upper f32)
    (param $a f32) (param $b f32) (param $decay f32) (param $lo f32) (param $hi f32)
    (local $o i32) (local $end i32)
    (local $gi v128) (local $mi v128) (local $vi v128) (local $di v128) (local $den v128)
    (local $e v128) (local $xi v128)
    (local $B1 v128) (local $K1 v128) (local $B2 v128) (local $K2 v128) (local $KIN v128)
    (local $KPREV v128) (local $STEP v128) (local $S2 v128) (local $EPSIN v128)
    (local $EPSOUT v128) (local $LOWER v128) (local $UPPER v128) (local $A v128) (local $B v128)
    (local $DECAY v128) (local $LO v128) (local $HI v128) (local $ATINF v128) (local $ZERO v128)
    (local.set $B1 (f32x4.splat (local.get $b1)))
    (local.set $K1 (f32x4.splat (local.get $k1)))
    (local.set $B2 (f32x4.splat (local.get $b2)))
    (local.set $K2 (f32x4.splat (local.get $k2)))
    (local.set $KIN (f32x4.splat (local.get $kIn)))
    (local.set $KPREV (f32x4.splat (local.get $kPrev)))
    (local.set $STEP (f32x4.splat (local.get $step)))
    (local.set $S2 (f32x4.splat (local.get $s2)))
    (local.set $EPSIN (f32x4.splat (local.get $epsIn)))
    (local.set $EPSOUT (f32x4.splat (local.get $epsOut)))
    (local.set $LOWER (f32x4.splat (local.get $lower)))
    (local.set $UPPER (f32x4.splat (local.get $upper)))
    (local.set $A (f32x4.splat (local.get $a)))
    (local.set $B (f32x4.splat (local.get $b)))
    (local.set $DECAY (f32x4.splat (local.get $decay)))
    (local.set $LO (f32x4.splat (local.get $lo)))
    (local.set $HI (f32x4.splat (local.get $hi)))
    (local.set $ATINF (f32x4.div (local.get $STEP) (f32x4.splat (f32.const inf))))
    (local.set $ZERO (f32x4.splat (f32.const 0)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      (local.set $gi (v128.load (i32.add (local.get $g) (local.get $o))))
      ;; m <- b1 m + k1 g
      (local.set $mi (f32x4.add
        (f32x4.mul (local.get $B1) (v128.load (i32.add (local.get $m) (local.get $o))))
        (f32x4.mul (local.get $K1) (local.get $gi))))
      (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $mi))
      ;; v <- b2 v + (k2 g) g
      (local.set $vi (f32x4.add
        (f32x4.mul (local.get $B2) (v128.load (i32.add (local.get $v) (local.get $o))))
        (f32x4.mul (f32x4.mul (local.get $K2) (local.get $gi)) (local.get $gi))))
      (v128.store (i32.add (local.get $v) (local.get $o)) (local.get $vi))
      (local.set $di (local.get $vi))
      ;; vHat <- (cur > prev ? cur : prev) = pmax(prev, cur)
      (if (local.get $hasMax) (then
        (local.set $di (f32x4.pmax
          (f32x4.mul (local.get $KPREV) (v128.load (i32.add (local.get $vh) (local.get $o))))
          (f32x4.mul (local.get $KIN) (local.get $vi))))
        (v128.store (i32.add (local.get $vh) (local.get $o)) (local.get $di))))
      ;; e = step / D, D = sqrt(s2 d + epsIn) + epsOut; step / inf where D = 0
      (local.set $e (local.get $STEP))
      (if (local.get $useDen) (then
        (local.set $den (f32x4.add
          (f32x4.sqrt (f32x4.add (f32x4.mul (local.get $S2) (local.get $di)) (local.get $EPSIN)))
          (local.get $EPSOUT)))
        (local.set $e (v128.bitselect
          (local.get $ATINF)
          (f32x4.div (local.get $STEP) (local.get $den))
          (f32x4.eq (local.get $den) (local.get $ZERO))))))
      ;; eta = clamp(e, lower, upper); x <- clamp(decay x - eta (a m + b g), lo, hi)
      (local.set $xi (f32x4.sub
        (f32x4.mul (local.get $DECAY) (v128.load (i32.add (local.get $x) (local.get $o))))
        (f32x4.mul
          (f32x4.pmin (f32x4.pmax (local.get $e) (local.get $LOWER)) (local.get $UPPER))
          (f32x4.add (f32x4.mul (local.get $A) (local.get $mi))
                     (f32x4.mul (local.get $B) (local.get $gi))))))
      (v128.store (i32.add (local.get $x) (local.get $o))
        (f32x4.pmin (f32x4.pmax (local.get $xi) (local.get $LO)) (local.get $HI)))
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next)))))
`;
