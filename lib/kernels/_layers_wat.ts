/**
 * The convolutional network's layer kernels in WebAssembly text (SIMD, float32),
 * assembled with the product kernels into one module by `_kernels_wat.ts`; the
 * wrappers `lrn_pool.ts` and `im2col.ts` copy their operands into the workspace.
 *
 * - `lrnPool` (forward) computes, for each 2×2 pooling window of NHWC maps z
 *   (B × H × W × C; an odd last row or column is dropped), ReLU with a bias,
 *   local response normalisation across channels (β = 3/4) and the maximum:
 *
 * ```
 * a_c = max(z_c + bias_c, 0)      s_c = k + α Σ_{d<n} q_{c−⌊n/2⌋+d},  q_c = a_c² (0 outside)
 * w_c = 1 / (√s_c · √√s_c) = s_c^(−3/4)      l_c = a_c w_c
 * out[window, c] = max over the window's pixels of l_c    codes[window, c] = its position 0 … 3
 * ```
 *
 *   (the first maximum in row-major order on ties, NaN propagating), one byte
 *   per code.
 * - `lrnPoolBack` recomputes a, s, w pixel by pixel (the same operations, so
 *   the same bits) and writes ∂L/∂z over z in place:
 *
 * ```
 * g_c = ∂L/∂out[window, c] if codes[window, c] is this pixel's position, else 0
 * t_c = g_c a_c w_c / s_c      ∂L/∂a_j = g_j w_j − coef · a_j Σ_{d<n} t_{j−⌊n/2⌋+d}   (coef = 2αβ)
 * ∂L/∂z_j = ∂L/∂a_j · [a_j > 0]          (0 for pixels no window covers)
 * ```
 *
 *   1/s_c is taken as w_c²·√s_c (multiplications instead of a division; within
 *   a few ulps). The bias's gradient Σ_pixels ∂L/∂z_c is summed on the way, in
 *   float64, pixels in ascending order (the bits of `columnSums`).
 * - `im2col` copies runs of K·C floats, four at a time, each run's last vector
 *   overrunning by up to 3 floats that the next run overwrites (so `cols` and
 *   `x` need 3 floats of slack); `col2im` adds the runs back, the vectors in
 *   the same order as a scalar loop would (same bits).
 *
 * Channel loops run four channels per f32x4 and finish with the same arithmetic
 * on single floats, so any C works and every lane rounds as the scalar code.
 * No fused multiply-add, no relaxed instructions: the results are the same on
 * every machine. Addresses are bytes; `scr` is a scratch area of
 * {@link layersScratchFloats} floats.
 *
 * @module
 */

/**
 * Floats of scratch that `lrnPool` and `lrnPoolBack` need for C channels and
 * window n: two zero-padded arrays of (C + n + 11) & ~3 floats (q and t), then
 * a, w, g and four slots of l, C floats each.
 */
export function layersScratchFloats(c: number, n: number): number {
  return 2 * (c + n + 11) + 7 * c + 8;
}

/** One way of running a channel loop: four floats per step (vector) or one (scalar). */
interface Lane {
  readonly v: boolean;
  /** Bytes per step. */
  readonly step: number;
  /** f32x4 or f32. */
  readonly f: string;
  /** A local's name, suffixed by the lane kind. */
  l(name: string): string;
  load(addr: string): string;
  store(addr: string, val: string): string;
  /** Where `mask` (all ones / i32 nonzero) holds take `a`, else `b`. */
  select(a: string, b: string, mask: string): string;
  /** A comparison as a mask: `op` is gt, eq, ne, lt. */
  cmp(op: string, a: string, b: string): string;
  and(a: string, b: string): string;
  or(a: string, b: string): string;
  zero: string;
}

const VEC: Lane = {
  v: true,
  step: 16,
  f: "f32x4",
  l: (name) => `$${name}_v`,
  load: (a) => `(v128.load ${a})`,
  store: (a, v) => `(v128.store ${a} ${v})`,
  select: (a, b, m) => `(v128.bitselect ${a} ${b} ${m})`,
  cmp: (op, a, b) => `(f32x4.${op} ${a} ${b})`,
  and: (a, b) => `(v128.and ${a} ${b})`,
  or: (a, b) => `(v128.or ${a} ${b})`,
  zero: "(v128.const i64x2 0 0)",
};

const SCA: Lane = {
  v: false,
  step: 4,
  f: "f32",
  l: (name) => `$${name}_s`,
  load: (a) => `(f32.load ${a})`,
  store: (a, v) => `(f32.store ${a} ${v})`,
  select: (a, b, m) => `(select ${a} ${b} ${m})`,
  cmp: (op, a, b) => `(f32.${op} ${a} ${b})`,
  and: (a, b) => `(i32.and ${a} ${b})`,
  or: (a, b) => `(i32.or ${a} ${b})`,
  zero: "(f32.const 0)",
};

const get = (x: string) => `(local.get ${x})`;
const set = (x: string, v: string) => `(local.set ${x} ${v})`;
const add = (a: string, b: string) => `(i32.add ${a} ${b})`;
const mul = (a: string, b: string) => `(i32.mul ${a} ${b})`;
/** `base + o`, o being the channel loop's byte offset. */
const at = (base: string) => add(get(base), get("$o"));

let labels = 0;

/**
 * A loop over channels c < C: `body` runs with `$o` = 4c, first four channels
 * at a time while four remain, then one at a time.
 */
function channels(body: (l: Lane) => string): string {
  const id = labels++;
  const part = (l: Lane, cond: string) => `
    (block $done${id}${l.v ? "v" : "s"} (loop $next${id}${l.v ? "v" : "s"}
      (br_if $done${id}${l.v ? "v" : "s"} ${cond})
      ${set("$o", `(i32.shl ${get("$c")} (i32.const 2))`)}
      ${body(l)}
      ${set("$c", add(get("$c"), `(i32.const ${l.step / 4})`))}
      (br $next${id}${l.v ? "v" : "s"})))`;
  return `${set("$c", "(i32.const 0)")}
    ${part(VEC, `(i32.gt_s ${add(get("$c"), "(i32.const 4)")} ${get("$C")})`)}
    ${part(SCA, `(i32.ge_s ${get("$c")} ${get("$C")})`)}`;
}

/** The float locals of both lanes. */
function laneLocals(names: string[]): string {
  return names.map((n) => `(local ${VEC.l(n)} v128) (local ${SCA.l(n)} f32)`).join(" ");
}

/** Sets the constants' vector copies (`$k_v` = splat k, …) from the f32 params. */
function splats(names: string[]): string {
  return names.map((n) =>
    `${set(VEC.l(n), `(f32x4.splat ${get(`$${n}`)})`)} ${set(SCA.l(n), get(`$${n}`))}`
  ).join(" ");
}

/** Pass 1 of a pixel: a = ReLU(z + bias) into $A, a² into the padded squares at $qr. */
const pass1 = channels((l) =>
  `${set(l.l("x"), `(${l.f}.add ${l.load(at("$zp"))} ${l.load(at("$bias"))})`)}
      ${
    set(
      l.l("x"),
      l.v ? `(f32x4.pmax ${get(l.l("x"))} ${l.zero})` : l.select(
        l.zero,
        get(l.l("x")),
        l.cmp("lt", get(l.l("x")), l.zero),
      ),
    )
  }
      ${l.store(at("$A"), get(l.l("x")))}
      ${l.store(at("$qr"), `(${l.f}.mul ${get(l.l("x"))} ${get(l.l("x"))})`)}`
);

/**
 * Σ_{d<n} (window sum) of the padded array at `$base` into `sum`, in ascending d;
 * unrolled for n = 5 (CIFARNET's), a loop otherwise (the same additions).
 */
function windowSum(l: Lane, base: string): string {
  const id = labels++;
  const five = [1, 2, 3, 4].map((d) =>
    set(l.l("sum"), `(${l.f}.add ${get(l.l("sum"))} ${l.load(`offset=${4 * d} ${at(base)}`)})`)
  ).join(" ");
  return `${set(l.l("sum"), l.load(at(base)))}
      (if (i32.eq ${get("$n")} (i32.const 5)) (then ${five}) (else
      ${set("$d", add(at(base), "(i32.const 4)"))}
      ${set("$dEnd", add(at(base), `(i32.shl ${get("$n")} (i32.const 2))`))}
      (block $wd${id} (loop $wl${id}
        (br_if $wd${id} (i32.ge_u ${get("$d")} ${get("$dEnd")}))
        ${set(l.l("sum"), `(${l.f}.add ${get(l.l("sum"))} ${l.load(get("$d"))})`)}
        ${set("$d", add(get("$d"), "(i32.const 4)"))}
        (br $wl${id})))))`;
}

/** Pass 2 of a pixel: s and w = s^(−3/4); `then` uses them (and a from $A). */
function pass2(then: (l: Lane) => string): string {
  return channels((l) =>
    `${windowSum(l, "$q")}
      ${
      set(
        l.l("s"),
        `(${l.f}.add ${get(l.l("k"))} (${l.f}.mul ${get(l.l("alpha"))} ${get(l.l("sum"))}))`,
      )
    }
      ${set(l.l("x"), `(${l.f}.sqrt ${get(l.l("s"))})`)}
      ${
      set(
        l.l("w"),
        `(${l.f}.div ${get(l.l("one"))} (${l.f}.mul ${get(l.l("x"))} (${l.f}.sqrt ${
          get(l.l("x"))
        })))`,
      )
    }
      ${then(l)}`
  );
}

/** Zeroes `floats` floats (a multiple of 4) from byte address `p`. */
function zeroFloats(p: string, floats: string): string {
  const id = labels++;
  return `${set("$d", p)} ${set("$dEnd", add(p, `(i32.shl ${floats} (i32.const 2))`))}
    (block $zd${id} (loop $zl${id}
      (br_if $zd${id} (i32.ge_u ${get("$d")} ${get("$dEnd")}))
      (v128.store ${get("$d")} ${VEC.zero})
      ${set("$d", add(get("$d"), "(i32.const 16)"))}
      (br $zl${id})))`;
}

/** Scratch layout (bytes from $scr): padded q, padded t, then A, W, G and 4 slots of l. */
const LAYOUT = `
    ${set("$pad", `(i32.and ${add(add(get("$C"), get("$n")), "(i32.const 11)")} (i32.const -4))`)}
    ${set("$q", get("$scr"))}
    ${set("$t", add(get("$q"), `(i32.shl ${get("$pad")} (i32.const 2))`))}
    ${set("$A", add(get("$t"), `(i32.shl ${get("$pad")} (i32.const 2))`))}
    ${set("$W", add(get("$A"), `(i32.shl ${get("$C")} (i32.const 2))`))}
    ${set("$G", add(get("$W"), `(i32.shl ${get("$C")} (i32.const 2))`))}
    ${set("$L", add(get("$G"), `(i32.shl ${get("$C")} (i32.const 2))`))}
    ${set("$qr", add(get("$q"), `(i32.shl (i32.shr_u ${get("$n")} (i32.const 1)) (i32.const 2))`))}
    ${set("$tr", add(get("$t"), `(i32.shl (i32.shr_u ${get("$n")} (i32.const 1)) (i32.const 2))`))}
    ${zeroFloats(get("$q"), `(i32.shl ${get("$pad")} (i32.const 1))`)}
    ${set("$OH", `(i32.shr_u ${get("$H")} (i32.const 1))`)}
    ${set("$OW", `(i32.shr_u ${get("$W_")} (i32.const 1))`)}
    ${splats(["k", "alpha"])}
    ${set(VEC.l("one"), "(f32x4.splat (f32.const 1))")} ${set(SCA.l("one"), "(f32.const 1)")}`;

const COMMON_LOCALS = `(local $c i32) (local $o i32) (local $d i32) (local $dEnd i32)
    (local $pad i32) (local $q i32) (local $t i32) (local $qr i32) (local $tr i32)
    (local $A i32) (local $W i32) (local $G i32) (local $L i32)
    (local $OH i32) (local $OW i32) (local $b i32) (local $y i32) (local $x i32)
    (local $zp i32) (local $pos i32)
    ${laneLocals(["x", "u", "sum", "s", "w", "k", "alpha", "one", "coef", "g"])}
    (local $m_v v128) (local $m_s i32) (local $code_v v128) (local $code_s i32)`;

/** The byte address of pixel (b, y, x)'s first channel in z. */
const PIXEL = set(
  "$zp",
  add(
    get("$z"),
    `(i32.shl ${
      mul(add(mul(add(mul(get("$b"), get("$H")), get("$y")), get("$W_")), get("$x")), get("$C"))
    } (i32.const 2))`,
  ),
);

/** Pooling of the four l slots at $L into out/codes (at $op, $cp). */
const POOL = channels((l) => {
  const slot = (p: number) => add(at("$L"), mul(get("$C"), `(i32.const ${4 * p})`));
  const steps = [1, 2, 3].map((p) => {
    // take u where u > x, or u is NaN and x is not: where x is not NaN and !(u ≤ x)
    const cond = l.v
      ? `(v128.andnot ${l.cmp("eq", get(l.l("x")), get(l.l("x")))} ${
        l.cmp("le", get(l.l("u")), get(l.l("x")))
      })`
      : `(i32.and ${l.cmp("eq", get(l.l("x")), get(l.l("x")))} (i32.eqz ${
        l.cmp("le", get(l.l("u")), get(l.l("x")))
      }))`;
    const code = l.v ? `(i32x4.splat (i32.const ${p}))` : `(i32.const ${p})`;
    return `${set(l.l("u"), l.load(slot(p)))}
      ${set(`$m_${l.v ? "v" : "s"}`, cond)}
      ${set(l.l("x"), l.select(get(l.l("u")), get(l.l("x")), get(`$m_${l.v ? "v" : "s"}`)))}
      ${
      set(
        `$code_${l.v ? "v" : "s"}`,
        l.select(code, get(`$code_${l.v ? "v" : "s"}`), get(`$m_${l.v ? "v" : "s"}`)),
      )
    }`;
  }).join("\n      ");
  const codeAddr = add(get("$cp"), get("$c"));
  const storeCode = l.v
    ? `${set("$code_v", `(i16x8.narrow_i32x4_u ${get("$code_v")} ${get("$code_v")})`)}
      (i32.store ${codeAddr} (i32x4.extract_lane 0
        (i8x16.narrow_i16x8_u ${get("$code_v")} ${get("$code_v")})))`
    : `(i32.store8 ${codeAddr} ${get("$code_s")})`;
  return `${set(l.l("x"), l.load(slot(0)))}
      ${set(`$code_${l.v ? "v" : "s"}`, l.v ? VEC.zero : "(i32.const 0)")}
      ${steps}
      ${l.store(at("$op"), get(l.l("x")))}
      ${storeCode}`;
});

const LRN_POOL = `
  (func (export "lrnPool")
    (param $z i32) (param $bias i32) (param $out i32) (param $codes i32) (param $scr i32)
    (param $B i32) (param $H i32) (param $W_ i32) (param $C i32) (param $n i32)
    (param $k f32) (param $alpha f32)
    ${COMMON_LOCALS} (local $i i32) (local $j i32) (local $op i32) (local $cp i32)
    ${LAYOUT}
    ${set("$op", get("$out"))} ${set("$cp", get("$codes"))}
    (block $bd (loop $bl (br_if $bd (i32.ge_u ${get("$b")} ${get("$B")}))
      ${set("$i", "(i32.const 0)")}
      (block $id (loop $il (br_if $id (i32.ge_u ${get("$i")} ${get("$OH")}))
        ${set("$j", "(i32.const 0)")}
        (block $jd (loop $jl (br_if $jd (i32.ge_u ${get("$j")} ${get("$OW")}))
          ${set("$pos", "(i32.const 0)")}
          (block $pd (loop $pl (br_if $pd (i32.ge_u ${get("$pos")} (i32.const 4)))
            ${
  set("$y", add(`(i32.shl ${get("$i")} (i32.const 1))`, `(i32.shr_u ${get("$pos")} (i32.const 1))`))
}
            ${
  set("$x", add(`(i32.shl ${get("$j")} (i32.const 1))`, `(i32.and ${get("$pos")} (i32.const 1))`))
}
            ${PIXEL}
            ${pass1}
            ${set("$d", "(i32.const 0)")}
            ${
  pass2((l) =>
    l.store(
      add(at("$L"), mul(get("$pos"), `(i32.shl ${get("$C")} (i32.const 2))`)),
      `(${l.f}.mul ${l.load(at("$A"))} ${get(l.l("w"))})`,
    )
  )
}
            ${set("$pos", add(get("$pos"), "(i32.const 1)"))}
            (br $pl)))
          ${POOL}
          ${set("$op", add(get("$op"), `(i32.shl ${get("$C")} (i32.const 2))`))}
          ${set("$cp", add(get("$cp"), get("$C")))}
          ${set("$j", add(get("$j"), "(i32.const 1)"))}
          (br $jl)))
        ${set("$i", add(get("$i"), "(i32.const 1)"))}
        (br $il)))
      ${set("$b", add(get("$b"), "(i32.const 1)"))}
      (br $bl))))`;

/**
 * gb_c ← gb_c + v_c in float64 (gb: C doubles at $gb): the bias's gradient,
 * the rows summed in ascending order in double precision as `columnSums` does.
 */
function sumInto(l: Lane, v: string): string {
  const g = add(get("$gb"), `(i32.shl ${get("$c")} (i32.const 3))`);
  if (!l.v) return `(f64.store ${g} (f64.add (f64.load ${g}) (f64.promote_f32 ${v})))`;
  return `${set("$m_v", v)}
      (v128.store ${g} (f64x2.add (v128.load ${g}) (f64x2.promote_low_f32x4 ${get("$m_v")})))
      (v128.store offset=16 ${g} (f64x2.add (v128.load offset=16 ${g})
        (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${get("$m_v")} ${get("$m_v")}))))`;
}

/** The code byte(s) of this channel (group) equal to $pos, as a mask. */
function codeIs(l: Lane): string {
  const addr = add(get("$cp"), get("$c"));
  return l.v
    ? `(i32x4.eq (i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (i32x4.splat (i32.load ${addr}))))
        (i32x4.splat ${get("$pos")}))`
    : `(i32.eq (i32.load8_u ${addr}) ${get("$pos")})`;
}

const LRN_POOL_BACK = `
  (func (export "lrnPoolBack")
    (param $z i32) (param $bias i32) (param $dp i32) (param $codes i32) (param $scr i32)
    (param $B i32) (param $H i32) (param $W_ i32) (param $C i32) (param $n i32)
    (param $k f32) (param $alpha f32) (param $coef f32) (param $gb i32)
    ${COMMON_LOCALS} (local $gp i32) (local $cp i32) (local $win i32)
    ${LAYOUT}
    ${splats(["coef"])}
    (block $bd (loop $bl (br_if $bd (i32.ge_u ${get("$b")} ${get("$B")}))
      ${set("$y", "(i32.const 0)")}
      (block $yd (loop $yl (br_if $yd (i32.ge_u ${get("$y")} ${get("$H")}))
        ${set("$x", "(i32.const 0)")}
        (block $xd (loop $xl (br_if $xd (i32.ge_u ${get("$x")} ${get("$W_")}))
          ${PIXEL}
          (if (i32.and
                (i32.lt_u (i32.shr_u ${get("$y")} (i32.const 1)) ${get("$OH")})
                (i32.lt_u (i32.shr_u ${get("$x")} (i32.const 1)) ${get("$OW")}))
            (then
              ${
  set(
    "$win",
    mul(
      add(
        mul(add(mul(get("$b"), get("$OH")), `(i32.shr_u ${get("$y")} (i32.const 1))`), get("$OW")),
        `(i32.shr_u ${get("$x")} (i32.const 1))`,
      ),
      get("$C"),
    ),
  )
}
              ${set("$gp", add(get("$dp"), `(i32.shl ${get("$win")} (i32.const 2))`))}
              ${set("$cp", add(get("$codes"), get("$win")))}
              ${
  set(
    "$pos",
    `(i32.or (i32.shl (i32.and ${get("$y")} (i32.const 1)) (i32.const 1)) (i32.and ${
      get("$x")
    } (i32.const 1)))`,
  )
}
              ${pass1}
              ${
  pass2((l) =>
    `${l.store(at("$W"), get(l.l("w")))}
      ${set(l.l("g"), l.select(l.load(at("$gp")), l.zero, codeIs(l)))}
      ${l.store(at("$G"), get(l.l("g")))}
      ${
      l.store(
        at("$tr"),
        `(${l.f}.mul (${l.f}.mul (${l.f}.mul ${get(l.l("g"))} ${l.load(at("$A"))}) ${
          get(l.l("w"))
        }) (${l.f}.mul (${l.f}.mul ${get(l.l("w"))} ${get(l.l("w"))}) ${get(l.l("x"))}))`,
      )
    }`
  )
}
              ${
  channels((l) =>
    `${windowSum(l, "$t")}
      ${set(l.l("x"), l.load(at("$A")))}
      ${
      set(
        l.l("u"),
        `(${l.f}.sub (${l.f}.mul ${l.load(at("$G"))} ${l.load(at("$W"))})
          (${l.f}.mul (${l.f}.mul ${get(l.l("coef"))} ${get(l.l("x"))}) ${get(l.l("sum"))}))`,
      )
    }
      ${set(l.l("u"), l.select(get(l.l("u")), l.zero, l.cmp("gt", get(l.l("x")), l.zero)))}
      ${l.store(at("$zp"), get(l.l("u")))}
      ${sumInto(l, get(l.l("u")))}`
  )
}
            )
            (else ${channels((l) => `${l.store(at("$zp"), l.zero)} ${sumInto(l, l.zero)}`)}))
          ${set("$x", add(get("$x"), "(i32.const 1)"))}
          (br $xl)))
        ${set("$y", add(get("$y"), "(i32.const 1)"))}
        (br $yl)))
      ${set("$b", add(get("$b"), "(i32.const 1)"))}
      (br $bl))))`;

/** The sizes of a valid K × K patch grid: OH, OW, and a run (K·C floats) and an image row in bytes. */
const PATCH_SIZES = `
    ${set("$OH", add(`(i32.sub ${get("$H")} ${get("$K")})`, "(i32.const 1)"))}
    ${set("$OW", add(`(i32.sub ${get("$W")} ${get("$K")})`, "(i32.const 1)"))}
    ${set("$run", `(i32.shl ${mul(get("$K"), get("$C"))} (i32.const 2))`)}
    ${set("$row", `(i32.shl ${mul(get("$W"), get("$C"))} (i32.const 2))`)}`;

/**
 * The loops over every patch of B NHWC images: for image b, output pixel
 * (y, xo) and kernel row ky, `ptr` points at the run of K·C floats of the
 * image at pixel (y + ky, xo) of `image`, and `$end` just past it; `inner`
 * handles the run (moving the patch matrix's own pointer).
 */
function overPatches(ptr: string, image: string, inner: string): string {
  const offset = mul(
    add(mul(add(mul(get("$b"), get("$H")), get("$y")), get("$W")), get("$xo")),
    get("$C"),
  );
  return `
    (block $bd (loop $bl (br_if $bd (i32.ge_u ${get("$b")} ${get("$B")}))
      ${set("$y", "(i32.const 0)")}
      (block $yd (loop $yl (br_if $yd (i32.ge_u ${get("$y")} ${get("$OH")}))
        ${set("$xo", "(i32.const 0)")}
        (block $xd (loop $xl (br_if $xd (i32.ge_u ${get("$xo")} ${get("$OW")}))
          ${set(ptr, add(get(image), `(i32.shl ${offset} (i32.const 2))`))}
          ${set("$ky", "(i32.const 0)")}
          (block $kd (loop $kl (br_if $kd (i32.ge_u ${get("$ky")} ${get("$K")}))
            ${set("$end", add(get(ptr), get("$run")))}
            ${inner}
            ${set(ptr, add(`(i32.sub ${get("$end")} ${get("$run")})`, get("$row")))}
            ${set("$ky", add(get("$ky"), "(i32.const 1)"))}
            (br $kl)))
          ${set("$xo", add(get("$xo"), "(i32.const 1)"))}
          (br $xl)))
        ${set("$y", add(get("$y"), "(i32.const 1)"))}
        (br $yl)))
      ${set("$b", add(get("$b"), "(i32.const 1)"))}
      (br $bl)))`;
}

const PATCH_LOCALS = `(local $b i32) (local $y i32) (local $xo i32) (local $ky i32) (local $OH i32)
    (local $OW i32) (local $src i32) (local $dst i32) (local $end i32) (local $run i32)
    (local $row i32)`;

/** im2col and col2im on NHWC images; see the module documentation. */
const IM2COL = `
  (func (export "im2col")
    (param $x i32) (param $B i32) (param $H i32) (param $W i32) (param $C i32) (param $K i32)
    (param $cols i32)
    ${PATCH_LOCALS}
    ${PATCH_SIZES}
    ${set("$dst", get("$cols"))}
    ${
  overPatches(
    "$src",
    "$x",
    `(block $cd (loop $cl
              (v128.store ${get("$dst")} (v128.load ${get("$src")}))
              ${set("$src", add(get("$src"), "(i32.const 16)"))}
              ${set("$dst", add(get("$dst"), "(i32.const 16)"))}
              (br_if $cl (i32.lt_u ${get("$src")} ${get("$end")}))))
            ;; back up over the overrun
            ${set("$dst", `(i32.sub ${get("$dst")} (i32.sub ${get("$src")} ${get("$end")}))`)}`,
  )
})

  (func (export "col2im")
    (param $dcols i32) (param $B i32) (param $H i32) (param $W i32) (param $C i32) (param $K i32)
    (param $dx i32)
    ${PATCH_LOCALS}
    ${PATCH_SIZES}
    ${set("$src", get("$dcols"))}
    ${
  overPatches(
    "$dst",
    "$dx",
    `(block $vd (loop $vl
              (br_if $vd (i32.gt_u (i32.add ${get("$dst")} (i32.const 16)) ${get("$end")}))
              (v128.store ${get("$dst")} (f32x4.add (v128.load ${get("$dst")}) (v128.load ${
      get("$src")
    })))
              ${set("$src", add(get("$src"), "(i32.const 16)"))}
              ${set("$dst", add(get("$dst"), "(i32.const 16)"))}
              (br $vl)))
            (block $sd (loop $sl (br_if $sd (i32.ge_u ${get("$dst")} ${get("$end")}))
              (f32.store ${get("$dst")} (f32.add (f32.load ${get("$dst")}) (f32.load ${
      get("$src")
    })))
              ${set("$src", add(get("$src"), "(i32.const 4)"))}
              ${set("$dst", add(get("$dst"), "(i32.const 4)"))}
              (br $sl)))`,
  )
})`;

/** The functions of this file, for the kernels module. */
export const LAYERS_FUNCS = `${LRN_POOL} ${LRN_POOL_BACK} ${IM2COL}`;
