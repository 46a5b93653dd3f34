/**
 * The sparse kernels in WebAssembly text, assembled with the dense micro-kernel
 * into one module by `_kernels_wat.ts` (same memory, same workspace); `csr.ts` and
 * `spmm.ts` pack their operands.
 *
 * - `csr` compresses a dense row-major m×k matrix X into CSR form (row
 *   pointers, column indices, values), four columns at a time: a group of four
 *   zeros costs one compare and one `v128.any_true`; otherwise each lane is
 *   stored unconditionally and the count advances by one when the lane is
 *   nonzero (branch-free compaction). Entries equal to ±0 are dropped, NaN kept.
 * - `csrT` turns that CSR into the CSR of Xᵀ by counting sort: count per
 *   column, prefix sum, scatter in row order, so each row of Xᵀ keeps its
 *   entries in ascending order.
 * - `spmm1` … `spmm8` compute C = S·B for a CSR S, one panel of V f32x4 columns
 *   of C at a time (V = 1 … 8): for every row i and panel, the V accumulators
 *   stay in locals while the loop over the row's nonzeros splats S_iq, loads the
 *   V vectors of row q of B and issues V `f32x4.relaxed_madd`s:
 *
 * ```
 * C[i, 4V·jp .. 4V·jp + 4V − 1] = Σ_{q : S_iq ≠ 0, ascending} S_iq · B[q, 4V·jp .. ]
 * ```
 *
 * The nonzeros are summed in ascending column order with the same fused
 * multiply-add as the dense kernel, which sums over every p in ascending
 * order; a skipped term is fma(0, b, acc) = acc for finite b, so C is
 * bit-identical to the dense product whenever B is finite.
 *
 * Addresses are bytes. `spmmV(rowPtr, colIdx, vals, m, b, rsB, c, ldc, nPanels,
 * bias, hasBias, relu)`: row i's nonzeros are entries rowPtr[i] .. rowPtr[i+1] − 1
 * of colIdx/vals; B's element (q, j) is at `b + q·rsB + 4j`; C's at
 * `c + i·ldc + 4j`, for j < 16V·nPanels / 4. With `hasBias` 1, bias_j (at
 * `bias + 4j`) is added to each sum in float32, which rounds exactly as adding
 * two floats in double precision and storing the result does; with `relu` 1,
 * C_ij = max(C_ij, 0) after that (`pmax`: −0 and NaN stay).
 *
 * @module
 */

const zero = "(v128.const i64x2 0 0)";

/** The text of `spmmV`, the sparse product with V accumulators of 4 floats. */
function spmmFunc(v: number): string {
  const lanes = Array.from({ length: v }, (_, r) => r);
  const accs = lanes.map((r) => `(local $c${r} v128)`).join(" ");
  const clear = lanes.map((r) => `(local.set $c${r} ${zero})`).join(" ");
  const madds = lanes.map((r) =>
    `(local.set $c${r} (f32x4.relaxed_madd (local.get $x)
            (v128.load offset=${16 * r} (local.get $bp)) (local.get $c${r})))`
  ).join("\n          ");
  const stores = lanes.map((r) =>
    `(v128.store offset=${16 * r} (local.get $cp) (local.get $c${r}))`
  )
    .join(" ");
  // C ← C + bias (one float32 rounding, as the copy back's double add then store), then ReLU.
  const addBias = lanes.map((r) =>
    `(local.set $c${r} (f32x4.add (local.get $c${r})
          (v128.load offset=${16 * r} (local.get $bb))))`
  ).join(" ");
  const relu = lanes.map((r) => `(local.set $c${r} (f32x4.pmax (local.get $c${r}) ${zero}))`).join(
    " ",
  );
  return `
  (func (export "spmm${v}")
    (param $rowPtr i32) (param $colIdx i32) (param $vals i32) (param $m i32)
    (param $b i32) (param $rsB i32) (param $c i32) (param $ldc i32) (param $nPanels i32)
    (param $bias i32) (param $hasBias i32) (param $relu i32)
    (local $i i32) (local $jp i32) (local $q i32) (local $q0 i32) (local $end i32)
    (local $toVals i32) (local $panel i32) (local $bp i32) (local $cp i32) (local $row i32)
    (local $bb i32) (local $x v128) ${accs}
    (local.set $toVals (i32.sub (local.get $vals) (local.get $colIdx)))
    (local.set $row (local.get $c))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_u (local.get $i) (local.get $m)))
      ;; byte addresses of row i's first and one-past-last column index
      (local.set $q0 (i32.add (local.get $colIdx)
        (i32.shl (i32.load (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2))))
                 (i32.const 2))))
      (local.set $end (i32.add (local.get $colIdx)
        (i32.shl (i32.load offset=4 (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2))))
                 (i32.const 2))))
      (local.set $jp (i32.const 0))
      (local.set $panel (local.get $b))
      (local.set $cp (local.get $row))
      (local.set $bb (local.get $bias))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.ge_u (local.get $jp) (local.get $nPanels)))
        ${clear}
        (local.set $q (local.get $q0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_u (local.get $q) (local.get $end)))
          (local.set $x (v128.load32_splat (i32.add (local.get $q) (local.get $toVals))))
          (local.set $bp (i32.add (local.get $panel)
            (i32.mul (i32.load (local.get $q)) (local.get $rsB))))
          ${madds}
          (local.set $q (i32.add (local.get $q) (i32.const 4)))
          (br $qLoop)))
        (if (local.get $hasBias) (then ${addBias}))
        (if (local.get $relu) (then ${relu}))
        ${stores}
        (local.set $bb (i32.add (local.get $bb) (i32.const ${16 * v})))
        (local.set $panel (i32.add (local.get $panel) (i32.const ${16 * v})))
        (local.set $cp (i32.add (local.get $cp) (i32.const ${16 * v})))
        (local.set $jp (i32.add (local.get $jp) (i32.const 1)))
        (br $jLoop)))
      (local.set $row (i32.add (local.get $row) (local.get $ldc)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))`;
}

/** One lane of the compaction: store column j + l and the value, count it if nonzero. */
function lane(l: number): string {
  return `
          (i32.store (local.get $out) (i32.add (local.get $j) (i32.const ${l})))
          (f32.store (i32.add (local.get $out) (local.get $toVals))
            (f32x4.extract_lane ${l} (local.get $v)))
          (local.set $out (i32.sub (local.get $out)
            (i32.shl (i32x4.extract_lane ${l} (local.get $nz)) (i32.const 2))))`;
}

const CSR_FUNCS = `
  ;; CSR of the row-major m×k matrix at $x; returns nnz, or −1 once nnz > cap
  ;; (colIdx and vals then need room for cap + 4 entries).
  (func (export "csr")
    (param $x i32) (param $m i32) (param $k i32)
    (param $rowPtr i32) (param $colIdx i32) (param $vals i32) (param $cap i32) (result i32)
    (local $i i32) (local $j i32) (local $k4 i32) (local $out i32) (local $limit i32)
    (local $toVals i32) (local $v v128) (local $nz v128) (local $s f32)
    (local.set $toVals (i32.sub (local.get $vals) (local.get $colIdx)))
    (local.set $out (local.get $colIdx))
    (local.set $limit (i32.add (local.get $colIdx) (i32.shl (local.get $cap) (i32.const 2))))
    (local.set $k4 (i32.and (local.get $k) (i32.const -4)))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_u (local.get $i) (local.get $m)))
      (i32.store (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))
        (i32.shr_u (i32.sub (local.get $out) (local.get $colIdx)) (i32.const 2)))
      (local.set $j (i32.const 0))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.ge_u (local.get $j) (local.get $k4)))
        (local.set $v (v128.load (local.get $x)))
        (local.set $nz (f32x4.ne (local.get $v) ${zero}))
        (if (v128.any_true (local.get $nz)) (then ${lane(0)} ${lane(1)} ${lane(2)} ${lane(3)}
          (if (i32.gt_u (local.get $out) (local.get $limit)) (then (return (i32.const -1))))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $jLoop)))
      (block $tDone (loop $tLoop
        (br_if $tDone (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $s (f32.load (local.get $x)))
        (i32.store (local.get $out) (local.get $j))
        (f32.store (i32.add (local.get $out) (local.get $toVals)) (local.get $s))
        (local.set $out (i32.add (local.get $out)
          (i32.shl (f32.ne (local.get $s) (f32.const 0)) (i32.const 2))))
        (if (i32.gt_u (local.get $out) (local.get $limit)) (then (return (i32.const -1))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tLoop)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop)))
    (local.set $out (i32.shr_u (i32.sub (local.get $out) (local.get $colIdx)) (i32.const 2)))
    (i32.store (i32.add (local.get $rowPtr) (i32.shl (local.get $m) (i32.const 2))) (local.get $out))
    (local.get $out))

  ;; CSR of Xᵀ (k rows) from the CSR of X (m rows, nnz entries); tPtr needs k + 2 entries.
  (func (export "csrT")
    (param $rowPtr i32) (param $colIdx i32) (param $vals i32) (param $m i32) (param $k i32)
    (param $tPtr i32) (param $tIdx i32) (param $tVals i32)
    (local $i i32) (local $q i32) (local $end i32) (local $a i32) (local $sum i32) (local $pos i32)
    (local $nnz i32)
    (memory.fill (local.get $tPtr) (i32.const 0) (i32.shl (i32.add (local.get $k) (i32.const 2))
      (i32.const 2)))
    (local.set $nnz (i32.load (i32.add (local.get $rowPtr) (i32.shl (local.get $m) (i32.const 2)))))
    ;; count column c's entries in tPtr[c + 2]
    (block $cDone (loop $cLoop
      (br_if $cDone (i32.ge_u (local.get $q) (local.get $nnz)))
      (local.set $a (i32.add (local.get $tPtr)
        (i32.shl (i32.load (i32.add (local.get $colIdx) (i32.shl (local.get $q) (i32.const 2))))
                 (i32.const 2))))
      (i32.store offset=8 (local.get $a) (i32.add (i32.load offset=8 (local.get $a)) (i32.const 1)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $cLoop)))
    ;; prefix sums: tPtr[c + 1] = start of column c
    (local.set $a (i32.add (local.get $tPtr) (i32.const 8)))
    (local.set $end (i32.add (local.get $tPtr) (i32.shl (i32.add (local.get $k) (i32.const 2))
      (i32.const 2))))
    (block $sDone (loop $sLoop
      (br_if $sDone (i32.ge_u (local.get $a) (local.get $end)))
      (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $a))))
      (i32.store (local.get $a) (local.get $sum))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (br $sLoop)))
    ;; scatter in row order, advancing tPtr[c + 1]: it ends at the start of column c + 1
    (local.set $q (i32.const 0))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $end (i32.load offset=4
        (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))))
      (block $qDone (loop $qLoop
        (br_if $qDone (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $a (i32.add (local.get $tPtr)
          (i32.shl (i32.load (i32.add (local.get $colIdx) (i32.shl (local.get $q) (i32.const 2))))
                   (i32.const 2))))
        (local.set $pos (i32.shl (i32.load offset=4 (local.get $a)) (i32.const 2)))
        (i32.store offset=4 (local.get $a) (i32.add (i32.load offset=4 (local.get $a)) (i32.const 1)))
        (i32.store (i32.add (local.get $tIdx) (local.get $pos)) (local.get $i))
        (f32.store (i32.add (local.get $tVals) (local.get $pos))
          (f32.load (i32.add (local.get $vals) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $qLoop)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))
`;

/** Panel widths (in f32x4 vectors) of the exported `spmmV` functions. */
export const SPMM_WIDTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** The functions `csr`, `csrT` and `spmm1` … `spmm8`, to splice into a module. */
export const SPMM_FUNCS: string = CSR_FUNCS + SPMM_WIDTHS.map(spmmFunc).join("\n");
