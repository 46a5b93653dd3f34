/**
 * The one generic step: Algorithm 1 of Reddi, Kale & Kumar (2018),
 *
 * ```
 * m_t = φ_t(g_1..g_t),  V_t = ψ_t(g_1²..g_t²)
 * x̂_{t+1} = x_t − α_t m_t / √V_t,   x_{t+1} = Π_{F, √V_t}(x̂_{t+1})
 * ```
 *
 * in the generalised form documented on {@link StepScalars}. Every named
 * optimizer in `lib/optimizers` is a {@link MethodSpec} handed to
 * {@link makeOptimizer}.
 *
 * Coordinates are processed in tiles that fit in the L1/L2 cache: within a tile,
 * phi updates its slots, psi updates its slots, then one loop forms the
 * learning rate η_i, the update and a separable projection. Each array is thus
 * read from memory once per step, and no block's loop sees another block's types.
 *
 * What makes it fast (measured by `deno task bench`): the learning rate is
 * formed inside the update loop, not stored and re-read; everything that does
 * not depend on the coordinate is resolved once per step, written straight
 * into the loops' scalars record (`scalars.ts`), calling a β_t schedule
 * directly where φ's or ψ's `prepare` does nothing else; what a recipe fixes
 * for its lifetime (φ's and ψ's `fixed`, and the neutral decay and bounds of a
 * recipe without transforms) is set once and folded into its loops; the loops are
 * generated from one description of the update (`_update.ts`), folded where
 * the step's scalars allow, one copy per array type; and for Adam's family (φ
 * and ψ moving averages, declared by their `movingAverage`) one loop runs φ, ψ
 * and the update together. The step itself is a few short functions, so that
 * V8 inlines them into one another, with what is rare (errors, huge gradients,
 * L2 decay, weights) kept out of them; this is what a 1-D step's speed depends on.
 *
 * A method built with `arithmetic: "float32"` (Adam's family, Float32Array
 * state) computes in float32 instead (`_float32.ts`): its state lives in
 * WebAssembly memory (`_arena.ts`) and a SIMD kernel steps four coordinates per
 * instruction (`restoreState` puts a float32 state back in such memory); a state
 * whose arrays are ordinary ones is stepped by the plain loop that defines the
 * kernel, with the same result.
 *
 * @module
 */
import type { MethodSpec, Optimizer, ResolvedSpec, State, StepScalars, Vec } from "./types.ts";
import { fixLifetime, makePrepare, newScalars } from "./scalars.ts";
export { newScalars };
import { unconstrained } from "./projection.ts";
import { oneOf } from "./validate.ts";
import { NonFiniteGradientError, NonFiniteStateError } from "./errors.ts";
import { loops } from "./_loops.ts";
import { fixScalars, nameScalars, SCALARS } from "./_update.ts";
import { loopCode, runner } from "./_kernels.ts";
import type { Kernel } from "./_codegen.ts";
import { adamSlotOf, float32Unsupported } from "./_float32.ts";
import { allocate, arenaOf, type Float32Arena } from "./_arena.ts";

/** Coordinates per tile: 5 arrays × 2048 × 8 bytes = 80 KiB, within L2. */
const TILE = 2048;

/**
 * Gradients at least this large (by the state's array type) are stepped with a
 * check: their square, or the square of a difference of two of them, could
 * overflow (2^120 < float32's 2^128, 2^1002 < float64's 2^1024). Such a step
 * keeps a copy of the state, and undoes itself if any value came out non-finite.
 */
const SUSPECT_32 = 2 ** 60;
const SUSPECT_64 = 2 ** 500;

/** The first non-finite value among x and the slots, as [array, coordinate], or null. */
function firstNonFiniteIn(state: State): [string, number] | null {
  const i = loops.firstNonFinite(state.x);
  if (i >= 0) return ["x", i];
  for (const [name, v] of Object.entries(state.slots)) {
    const j = loops.firstNonFinite(v);
    if (j >= 0) return [name, j];
  }
  return null;
}

/**
 * Computes the scalars of step `t` into `s` (pure in `state`): the one
 * combination of `scalars.ts`. For reading a recipe's scalars outside a step;
 * an optimizer keeps its own records and allocates nothing per step.
 */
export function prepare(spec: MethodSpec, state: State, s: StepScalars, t: number): void {
  const resolved = resolve(spec);
  const S = new Float64Array(SCALARS.length);
  fixScalars(S, { epsIn: 0, epsOut: 0, lo: -Infinity, hi: Infinity, p: 0.5 });
  fixLifetime(resolved, S);
  Object.assign(s, newScalars()); // the neutral values of what no block contributes
  makePrepare(resolved)(state, S, s, t);
  nameScalars(S, s);
}

/**
 * `spec` with its defaults filled in (see {@link MethodSpec}); a RangeError for
 * a legacy `hooks` list that is not empty.
 */
export function resolve(spec: MethodSpec): ResolvedSpec {
  if (spec.hooks !== undefined && spec.hooks.length > 0) {
    throw new RangeError(`${spec.name}: hooks were replaced by named transforms (spec.transforms)`);
  }
  return {
    ...spec,
    alpha: spec.alpha ?? (() => 1e-3),
    projection: spec.projection ?? unconstrained(),
    epsIn: spec.epsIn ?? 0,
    epsOut: spec.epsOut ?? 1e-8,
    p: spec.p ?? 0.5,
    transforms: spec.transforms ?? [],
    arithmetic: spec.arithmetic ?? "float64",
  };
}

function zeros(x: Vec, n: number, fill: number): Vec {
  const out = x instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  if (fill !== 0) out.fill(fill);
  return out;
}

/** What the step needs of F and ψ that is fixed for a recipe. */
interface Fixed {
  /** Uniform box bounds (±∞ when none or per coordinate). */
  lo: number;
  hi: number;
  /** Per-coordinate box bounds, or null. */
  loAt: Vec | null;
  hiAt: Vec | null;
  /** √ of the slot (every method of the paper) or the slot itself (AdaMax). */
  sqrt: boolean;
}

function fixedOf(spec: ResolvedSpec): Fixed {
  const proj = spec.projection;
  const scalar = (b: number | Vec | null, none: number) =>
    proj.separable && typeof b === "number" ? b : none;
  const perCoordinate = (b: number | Vec | null) =>
    proj.separable && b !== null && typeof b !== "number" ? b : null;
  return {
    lo: scalar(proj.lo, -Infinity),
    hi: scalar(proj.hi, Infinity),
    loAt: perCoordinate(proj.lo),
    hiAt: perCoordinate(proj.hi),
    sqrt: spec.psi.root === "sqrt",
  };
}

/**
 * Builds an optimizer from a method's recipe. The returned `step` validates the
 * gradient first (so a bad gradient leaves the state untouched), then runs
 * Algorithm 1 over tiles of coordinates.
 */
export function makeOptimizer(recipe: MethodSpec): Optimizer {
  const spec = resolve(recipe);
  oneOf("arithmetic", spec.arithmetic, ["float64", "float32", "auto"]);
  const { phi, psi, projection } = spec;
  const s = newScalars();
  const k = fixedOf(spec);
  const prepareStep = makePrepare(spec);
  // The loops' codes (see `loopCode`): what is fixed for this recipe, set once.
  const perCoordinate = k.loAt !== null || k.hiAt !== null;
  const fixed = loopCode(
    "adam",
    {
      hasMax: false,
      useDen: false,
      pow: spec.p !== 0.5,
      weights: !projection.separable,
      boundsAt: perCoordinate,
    },
    false,
    false,
  );
  const LOOP_ADAM = fixed;
  const LOOP_UPDATE = fixed |
    loopCode("update", { hasMax: false, useDen: false, linear: !k.sqrt }, false, false);
  const LOOP_ETA = loopCode(
    "eta",
    {
      hasMax: false,
      useDen: false,
      pow: spec.p !== 0.5,
      linear: !k.sqrt,
    },
    false,
    false,
  );
  /** What this optimizer's steps call, by loop code (one lookup per step). */
  const runners: Kernel[] = [];
  const runOf = (code: number, f32: boolean, array32: boolean): Kernel => {
    const c = code | (f32 ? 256 : 0) | (array32 ? 512 : 0);
    return runners[c] ??= runner(c, S, lifetime);
  };
  /** The step's scalars record, in the order of the description's `SCALARS`. */
  const S = new Float64Array(SCALARS.length);
  fixScalars(S, { epsIn: spec.epsIn, epsOut: spec.epsOut, lo: k.lo, hi: k.hi, p: spec.p });
  /** The scalars fixed for this recipe's lifetime, which its loops are folded by. */
  const lifetime = fixLifetime(spec, S);
  /** A uniform bound as an array, for a box whose other bound is per coordinate. */
  const boundArrays = new Map<number, Vec>();
  const filled = (n: number, value: number): Vec => {
    let a = boundArrays.get(value);
    if (a === undefined || a.length !== n) {
      a = new Float64Array(n).fill(value);
      boundArrays.set(value, a);
    }
    return a;
  };
  const adamSlot = adamSlotOf(spec);
  /** The slots the step reads by name, looked up once: m_t, and AMSGrad's v̂_t over Adam's v_t. */
  const numSlot = phi.numSlot;
  const maxSlot = adamSlot !== undefined && psi.denSlot !== adamSlot ? psi.denSlot : null;
  /** Whether F is a box or ℝ^d, projected by the loops' clamp (no weights). */
  const separable = projection.separable;
  /** Whether φ or ψ has a `finish` (Nadam's product of μ's). */
  const hasFinish = phi.finish !== undefined || psi.finish !== undefined;
  const why = float32Unsupported(spec);
  if (spec.arithmetic === "float32" && why !== null) {
    throw new RangeError(`${spec.name}: arithmetic "float32" needs Adam's family; ${why}`);
  }
  /** Float32 arithmetic always, or for a Float32Array iterate (`"auto"`, Adam's family). */
  const always32 = spec.arithmetic === "float32";
  const auto32 = spec.arithmetic === "auto" && why === null;
  /** Whether a state with iterate `x` is stepped in float32 arithmetic. */
  const float32For = (x: Vec) => always32 || (auto32 && x instanceof Float32Array);
  // g_t + λ x_t for L2 weight decay, allocated on first use.
  let decayed: Vec | null = null;
  const slotNames = Object.keys({ ...phi.slots, ...psi.slots });
  // Weights √V_t for a non-separable projection, allocated on first use.
  let weights: Vec | null = null;

  function init(x0: Vec): State {
    if (!projection.contains(x0, 0)) {
      throw new RangeError(`x1 must lie in the feasible set F (${projection.name})`);
    }
    const fills = { ...phi.slots, ...psi.slots };
    if (float32For(x0)) {
      if (!(x0 instanceof Float32Array)) {
        throw new TypeError(`${spec.name}: arithmetic "float32" needs a Float32Array x1`);
      }
      // In WebAssembly memory, where the SIMD kernel steps it in place.
      const { x, slots } = allocate(x0.length, Object.keys(fills));
      x.set(x0);
      for (const [name, fill] of Object.entries(fills)) slots[name]!.fill(fill);
      return { t: 0, x, slots, scalars: {} };
    }
    const x = x0.slice() as Vec;
    const slots: Record<string, Vec> = {};
    for (const [name, fill] of Object.entries(fills)) slots[name] = zeros(x, x.length, fill);
    return { t: 0, x, slots, scalars: {} };
  }

  /** The slots object last found to be this method's (checked again when it changes). */
  let checked: Record<string, Vec> | null = null;
  /** The first slot's name, whose length the step compares with x's (null: no slots). */
  const firstSlot = slotNames[0] ?? null;

  /** The state's slots, checked to be this method's before anything is touched. */
  function checkSlots(state: State, n: number): void {
    for (const name of slotNames) {
      const v = state.slots[name];
      if (v === undefined || v.length !== n) {
        throw new TypeError(
          `${spec.name}: the state has no slot "${name}" of length ${n} ` +
            `(its slots: ${Object.keys(state.slots).join(", ") || "none"}); ` +
            `was it made by another optimizer?`,
        );
      }
    }
    checked = state.slots;
  }

  // Why the step is cut into small functions: V8 inlines a function into its
  // caller only when its bytecode is short (460 bytes), and each call that is
  // not inlined costs a few nanoseconds. So `step`, `advance` and `runAdam`
  // hold the path every step takes, and what is rare (errors, huge gradients,
  // L2 decay, weights, per-coordinate bounds) lives in functions of its own.
  // Measured by `deno task bench "1-D"`: about 31 → 28 ns per 1-D step with one
  // optimizer, 55 → 49 ns once several were built.

  function step(state: State, g: Vec): void {
    const x = state.x;
    const n = x.length;
    if (g.length !== n) {
      throw new RangeError(`gradient has length ${g.length}, the iterate has ${n}`);
    }
    // The slots object seen last, with the first slot still of x's length, needs no new check.
    if (
      state.slots !== checked || (firstSlot !== null && state.slots[firstSlot]!.length !== n)
    ) checkSlots(state, n);
    const t = state.t + 1;
    if (always32 || (auto32 && x instanceof Float32Array)) {
      stepFloat32(state, g, t);
      return;
    }
    const limit = x.BYTES_PER_ELEMENT === 4 ? SUSPECT_32 : SUSPECT_64;
    // One coordinate is checked here, the same test as the loop's: calling the
    // loop cost about 1 ns of a 1-D step's 25 (`deno task bench "1-D"`).
    const ok = n === 1 ? Math.abs(g[0]!) < limit : loops.firstBeyond(g, limit) < 0;
    if (ok) advance(state, g, t, false, undefined);
    else stepWithCare(state, g, t, false, undefined);
  }

  /** {@link step} in float32 arithmetic (the state in WebAssembly memory, or in ordinary Float32Arrays). */
  function stepFloat32(state: State, g: Vec, t: number): void {
    const x = state.x;
    if (!(x instanceof Float32Array && g instanceof Float32Array)) {
      throw new TypeError(`${spec.name}: arithmetic "float32" needs Float32Array x and gradient`);
    }
    // Ordinary Float32Arrays (not in WebAssembly memory) are stepped by the plain loop.
    const arena = arenaOf(x, state.slots);
    const suspect = arena !== undefined
      ? arena.loadGradient(g, SUSPECT_32)
      : loops.firstBeyond(g, SUSPECT_32);
    if (suspect < 0) advance(state, g, t, true, arena);
    else stepWithCare(state, g, t, true, arena);
  }

  /**
   * A step on a gradient with a value at least SUSPECT_32 or SUSPECT_64: a
   * non-finite one is refused; a huge finite one is stepped on a copy's worth of
   * care, and undone if the state came out non-finite.
   */
  function stepWithCare(
    state: State,
    g: Vec,
    t: number,
    f32: boolean,
    arena: Float32Arena | undefined,
  ): void {
    const bad = loops.firstNonFinite(g);
    if (bad >= 0) throw new NonFiniteGradientError(t, bad, g[bad]!);
    const x = state.x;
    const before = {
      x: x.slice(),
      slots: Object.entries(state.slots).map(([k, v]) => [k, v.slice()] as const),
      scalars: { ...state.scalars },
    };
    advance(state, g, t, f32, arena);
    const where = firstNonFiniteIn(state);
    if (where === null) return;
    x.set(before.x);
    for (const [k, v] of before.slots) state.slots[k]!.set(v);
    state.scalars = before.scalars;
    state.t = t - 1;
    throw new NonFiniteStateError(t, where[1], where[0], g[where[1]]!);
  }

  /** Step t of Algorithm 1 on a checked gradient (in the arena when there is one). */
  function advance(
    state: State,
    gt: Vec,
    t: number,
    f32: boolean,
    arena: Float32Arena | undefined,
  ): void {
    prepareStep(state, S, s, t);
    const g = s.l2 === 0 ? gt : decayedGradient(state.x, gt, f32, arena);
    const w = separable ? null : weightsFor(state.x);
    if (arena !== undefined) {
      arena.adam(S, numSlot!, adamSlot!, maxSlot, s.adaptive);
    } else if (adamSlot !== undefined) {
      runAdam(state, g, f32, w);
    } else {
      runBlocks(state, g, w);
    }
    if (w !== null) projection.project!(state.x, w);
    if (hasFinish) {
      nameScalars(S, s);
      phi.finish?.(state, s);
      psi.finish?.(state, s);
    }
    state.t = t;
  }

  /** g_t + λ x_t for L2 weight decay (in the arena, its gradient region), which φ and ψ see. */
  function decayedGradient(x: Vec, gt: Vec, f32: boolean, arena: Float32Arena | undefined): Vec {
    const n = x.length;
    if (arena === undefined && (decayed === null || decayed.length !== n)) {
      decayed = zeros(x, n, 0);
    }
    const g = arena !== undefined ? arena.arrays.g! : decayed!;
    if (f32) {
      const l2 = Math.fround(s.l2);
      for (let i = 0; i < n; i++) g[i] = Math.fround(gt[i]! + Math.fround(l2 * x[i]!));
    } else {
      for (let i = 0; i < n; i++) g[i] = gt[i]! + s.l2 * x[i]!;
    }
    return g;
  }

  /** The weights' array for a non-separable projection, allocated on first use. */
  function weightsFor(x: Vec): Vec {
    if (weights === null || weights.length !== x.length) weights = zeros(x, x.length, 0);
    return weights;
  }

  /** Adam's family in plain JavaScript: φ, ψ and the update in one generated loop. */
  function runAdam(state: State, g: Vec, f32: boolean, w: Vec | null): void {
    const x = state.x;
    const n = x.length;
    const slots = state.slots;
    const m = slots[numSlot!]!;
    const vAvg = slots[adamSlot!]!;
    const vHat = maxSlot === null ? null : slots[maxSlot]!;
    const adaptive = s.adaptive;
    const run = runOf(
      LOOP_ADAM | (vHat !== null ? 4 : 0) | (adaptive ? 8 : 0),
      f32,
      x.BYTES_PER_ELEMENT === 4,
    );
    const loAt = perCoordinate ? boundAt(k.loAt, k.lo, n) : null;
    const hiAt = perCoordinate ? boundAt(k.hiAt, k.hi, n) : null;
    // One tile is one call (every 1-D and small problem); larger ones go tile by tile.
    if (n <= TILE) run(S, x, g, m, vAvg, vHat, w, loAt, hiAt, 0, n);
    else {
      for (let lo = 0; lo < n; lo += TILE) {
        const hi = lo + TILE < n ? lo + TILE : n;
        run(S, x, g, m, vAvg, vHat, w, loAt, hiAt, lo, hi);
      }
    }
  }

  /** Any other method: per tile, φ's loop, ψ's loop, then the generated update. */
  function runBlocks(state: State, g: Vec, w: Vec | null): void {
    const x = state.x;
    const n = x.length;
    const slots = state.slots;
    const m = phi.numSlot === null ? g : slots[phi.numSlot]!;
    const v = psi.denSlot === null || !s.adaptive ? null : slots[psi.denSlot]!;
    const run = runOf(LOOP_UPDATE | (v !== null ? 8 : 0), false, x.BYTES_PER_ELEMENT === 4);
    nameScalars(S, s);
    const loAt = perCoordinate ? boundAt(k.loAt, k.lo, n) : null;
    const hiAt = perCoordinate ? boundAt(k.hiAt, k.hi, n) : null;
    for (let lo = 0; lo < n; lo += TILE) {
      const hi = lo + TILE < n ? lo + TILE : n;
      phi.update(state, g, s, lo, hi);
      psi.update(state, g, s, lo, hi);
      run(S, x, g, m, v, null, w, loAt, hiAt, lo, hi);
    }
  }

  /** A per-coordinate bound, or a uniform one as an array (a box with the other per coordinate). */
  function boundAt(at: Vec | null, uniform: number, n: number): Vec {
    return at ?? filled(n, uniform);
  }

  /** Second scalars records, so that reading η never disturbs a step's. */
  const r = newScalars();
  const R = S.slice();

  function learningRate(state: State, out: Vec): void {
    if (state.t === 0) {
      out.fill(0);
      return;
    }
    prepareStep(state, R, r, state.t);
    const v = psi.denSlot === null || !r.adaptive ? null : state.slots[psi.denSlot]!;
    // η_i from the description the step runs, in the step's arithmetic.
    const eta = LOOP_ETA | (v !== null ? 8 : 0);
    const run = runOf(eta, float32For(state.x), out.BYTES_PER_ELEMENT === 4);
    const x = state.x;
    run(R, x, x, x, v, null, out, null, null, 0, out.length);
  }

  function gradientBuffer(state: State): Vec {
    const arena = float32For(state.x) ? arenaOf(state.x as Float32Array, state.slots) : undefined;
    return arena?.arrays.g ?? zeros(state.x, state.x.length, 0);
  }

  return { name: spec.name, spec, init, step, learningRate, gradientBuffer };
}
