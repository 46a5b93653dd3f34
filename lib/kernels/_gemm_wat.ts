/**
 * The one compute kernel that is not TypeScript: the 6×8 register-blocked
 * micro-kernel of the matrix product, in WebAssembly text with 128-bit SIMD.
 * `deno task wasm` assembles it (with `_kernels_wat.ts`) into committed bytes that
 * `_wasm.ts` loads; `gemm.ts` packs the operands.
 *
 * It computes, for every 6-row block `ib` of A and 8-column panel `jp` of B,
 *
 * ```
 * C[6ib .. 6ib+5, 8jp .. 8jp+7] = Σ_{p<k} A[6ib .. 6ib+5, p] ⊗ B[p, 8jp .. 8jp+7]
 * ```
 *
 * (overwriting C). The 6×8 tile is 12 `f32x4` accumulators that stay in
 * registers for the whole sum over p: each step loads two vectors of B, splats
 * six scalars of A and issues twelve fused multiply-adds. 6×8 measured fastest
 * here among 4×8, 6×8, 8×8, 4×12, 4×16 and 3×16: x86-64 has 16 vector registers,
 * and 12 accumulators + 2 of B + 1 of A fit where 16 accumulators spill.
 *
 * Operands, all byte addresses and byte strides into the module's memory:
 * - A is read in place: element (i, p) at `a + i·rsA + p·csA`, so a row-major
 *   A (rsA = 4k, csA = 4) and a transposed one (rsA = 4, csA = 4m) cost the same.
 *   Rows past m of the last block may be read; they must be addressable and
 *   land only in rows of C that the caller discards.
 * - B is read 8 consecutive columns at a time: element (p, 8jp + j) at
 *   `b + jp·panelB + p·rsB + 4j`. A row-major B (rsB = 4n, panelB = 32) is read
 *   in place; a transposed one is first packed into panels (rsB = 32,
 *   panelB = 32k). The last panel may read up to 7 floats past row p's end: they
 *   must be addressable and only feed columns of C that the caller discards.
 *   The loop over blocks of A is inside the loop over panels of B, so a panel
 *   stays in cache while all of A streams past it.
 * - C is row-major with row stride `ldc` bytes, at least 6·mBlocks rows and
 *   8·nPanels columns.
 *
 * `f32x4.relaxed_madd` is a fused multiply-add where the CPU has one (x86-64
 * with FMA3, arm64), otherwise a multiply then an add; the result is
 * deterministic on a given machine. It measured 20% faster than `mul` + `add`.
 * The kernel runs at about 40 GFLOP/s on this project's 2.6 GHz AMD EPYC, close
 * to the 41.6 GFLOP/s peak of two 4-lane FMAs a cycle: 128-bit WebAssembly SIMD
 * cannot reach what PyTorch's AVX-512 kernels do.
 *
 * @module
 */

/** The WebAssembly text of the micro-kernel, the function `gemm`, to splice into a module. */
export const GEMM_FUNC = `
  (func (export "gemm")
    (param $a i32) (param $rsA i32) (param $csA i32)
    (param $b i32) (param $rsB i32) (param $panelB i32) (param $k i32)
    (param $c i32) (param $ldc i32)
    (param $mBlocks i32) (param $nPanels i32)
    (local $jp i32) (local $ib i32) (local $p i32) (local $panel i32) (local $bp i32)
    (local $cp i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $a4 i32) (local $a5 i32)
    (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $c40 v128) (local $c41 v128) (local $c50 v128) (local $c51 v128)
    (block $jDone (loop $jLoop
      (br_if $jDone (i32.ge_u (local.get $jp) (local.get $nPanels)))
      (local.set $panel
        (i32.add (local.get $b) (i32.mul (local.get $jp) (local.get $panelB))))
      (local.set $ib (i32.const 0))
      (block $iDone (loop $iLoop
        (br_if $iDone (i32.ge_u (local.get $ib) (local.get $mBlocks)))
        ;; the six rows of this block of A
        (local.set $a0
          (i32.add (local.get $a) (i32.mul (i32.mul (local.get $ib) (i32.const 6)) (local.get $rsA))))
        (local.set $a1 (i32.add (local.get $a0) (local.get $rsA)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $rsA)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $rsA)))
        (local.set $a4 (i32.add (local.get $a3) (local.get $rsA)))
        (local.set $a5 (i32.add (local.get $a4) (local.get $rsA)))
        (local.set $bp (local.get $panel))
        (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
        (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
        (local.set $c20 (v128.const i64x2 0 0)) (local.set $c21 (v128.const i64x2 0 0))
        (local.set $c30 (v128.const i64x2 0 0)) (local.set $c31 (v128.const i64x2 0 0))
        (local.set $c40 (v128.const i64x2 0 0)) (local.set $c41 (v128.const i64x2 0 0))
        (local.set $c50 (v128.const i64x2 0 0)) (local.set $c51 (v128.const i64x2 0 0))
        (local.set $p (local.get $k))
        (block $pDone (loop $pLoop
          (br_if $pDone (i32.eqz (local.get $p)))
          (local.set $b0 (v128.load offset=0 (local.get $bp)))
          (local.set $b1 (v128.load offset=16 (local.get $bp)))
          (local.set $x (v128.load32_splat (local.get $a0)))
          (local.set $c00 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
          (local.set $c01 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
          (local.set $x (v128.load32_splat (local.get $a1)))
          (local.set $c10 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
          (local.set $c11 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
          (local.set $x (v128.load32_splat (local.get $a2)))
          (local.set $c20 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
          (local.set $c21 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
          (local.set $x (v128.load32_splat (local.get $a3)))
          (local.set $c30 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
          (local.set $c31 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
          (local.set $x (v128.load32_splat (local.get $a4)))
          (local.set $c40 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c40)))
          (local.set $c41 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c41)))
          (local.set $x (v128.load32_splat (local.get $a5)))
          (local.set $c50 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c50)))
          (local.set $c51 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c51)))
          (local.set $a0 (i32.add (local.get $a0) (local.get $csA)))
          (local.set $a1 (i32.add (local.get $a1) (local.get $csA)))
          (local.set $a2 (i32.add (local.get $a2) (local.get $csA)))
          (local.set $a3 (i32.add (local.get $a3) (local.get $csA)))
          (local.set $a4 (i32.add (local.get $a4) (local.get $csA)))
          (local.set $a5 (i32.add (local.get $a5) (local.get $csA)))
          (local.set $bp (i32.add (local.get $bp) (local.get $rsB)))
          (local.set $p (i32.sub (local.get $p) (i32.const 1)))
          (br $pLoop)))
        ;; C[6ib + r, 8jp .. 8jp+7] = (c_r0, c_r1)
        (local.set $cp (i32.add (local.get $c)
          (i32.add (i32.mul (i32.mul (local.get $ib) (i32.const 6)) (local.get $ldc))
                   (i32.shl (local.get $jp) (i32.const 5)))))
        (v128.store offset=0 (local.get $cp) (local.get $c00))
        (v128.store offset=16 (local.get $cp) (local.get $c01))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c10))
        (v128.store offset=16 (local.get $cp) (local.get $c11))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c20))
        (v128.store offset=16 (local.get $cp) (local.get $c21))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c30))
        (v128.store offset=16 (local.get $cp) (local.get $c31))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c40))
        (v128.store offset=16 (local.get $cp) (local.get $c41))
        (local.set $cp (i32.add (local.get $cp) (local.get $ldc)))
        (v128.store offset=0 (local.get $cp) (local.get $c50))
        (v128.store offset=16 (local.get $cp) (local.get $c51))
        (local.set $ib (i32.add (local.get $ib) (i32.const 1)))
        (br $iLoop)))
      (local.set $jp (i32.add (local.get $jp) (i32.const 1)))
      (br $jLoop))))
`;
