/**
 * The vocabulary of the paper's Algorithm 1 (Reddi, Kale & Kumar, ICLR 2018):
 *
 * ```
 * g_t = ∇f_t(x_t)
 * m_t = φ_t(g_1, …, g_t)          first-moment estimator  ("phi")
 * V_t = ψ_t(g_1, …, g_t)          second-moment estimator ("psi"), diagonal
 * x̂_{t+1} = x_t − α_t m_t / √V_t
 * x_{t+1} = Π_{F, √V_t}(x̂_{t+1})
 * ```
 *
 * Everything here is a type; the one generic step lives in `generic.ts`.
 *
 * @module
 */

/** A parameter vector. Optimizer state uses the same array type as the iterate. */
export type Vec = Float64Array | Float32Array;

/**
 * Optimizer state: plain typed arrays and numbers, no closures, so that it
 * saves to JSON and restores bit-identically (see `state.ts`).
 */
export interface State {
  /** Number of steps taken so far; the next step is step `t + 1`. */
  t: number;
  /** The current iterate x_{t+1} (x_1 before the first step). */
  x: Vec;
  /** Per-coordinate arrays owned by the blocks, e.g. `m`, `v`, `vHat`. */
  slots: Record<string, Vec>;
  /** Scalars carried across steps, e.g. Nadam's running product of μ_t. */
  scalars: Record<string, number>;
}

/**
 * What φ contributes to a step: it reads `t` and writes the rest, in a record of
 * its own (reset before each step), so no block sees or overwrites another's.
 */
export interface PhiScalars {
  /** The step being taken (1-based). */
  t: number;
  /** β_{1t} used by phi in this step (0 when phi has none). */
  beta1T: number;
  /** Weight of the first-moment slot in the numerator. */
  a: number;
  /** Weight of the raw gradient in the numerator. */
  b: number;
  /** φ's factor of the step size (Kingma & Ba's 1/(1 − β1^t)); 1 when none. */
  c: number;
}

/** What ψ contributes to a step, in a record of its own (see {@link PhiScalars}). */
export interface PsiScalars {
  /** The step being taken (1-based). */
  t: number;
  /** β_{2t} used by psi in this step (0 when psi has none). */
  beta2T: number;
  /** Scale of the second-moment slot inside the square root (e.g. 1/(1−β2^t)). */
  s2: number;
  /** ψ's factor of the step size (Keras' √(1 − β2^t)); 1 when none. */
  c: number;
  /**
   * AMSGrad's running max is v̂_t = max(maxPrev·v̂_{t−1}, maxIn·v_t): both 1 in the
   * paper; maxIn = 1/(1 − β2^t) for optax's max over the corrected v_t, maxPrev
   * AdamX's ((1 − β_{1t})/(1 − β_{1,t−1}))².
   */
  maxIn: number;
  /** The factor on v̂_{t−1} in the running max (see `maxIn`); 1 except for AdamX. */
  maxPrev: number;
}

/**
 * What a {@link Transform} contributes to a step, in a record of its own reset
 * to the neutral values shown: it reads `t` and `alphaT` and writes the rest.
 */
export interface TransformScalars {
  /** The step being taken (1-based). */
  readonly t: number;
  /** α_t, the step size (before any factor). */
  readonly alphaT: number;
  /** A factor of the step size (RAdam's r_t with its corrections); 1. */
  c: number;
  /** A factor on x_t before the step (decoupled weight decay 1 − α_t λ); 1. */
  decay: number;
  /** λ of L2 weight decay, g_t ← g_t + λ x_t before φ and ψ see it; 0. */
  l2: number;
  /** A lower bound on η_i (AdaBound); −∞. */
  lower: number;
  /** An upper bound on η_i (AdaBound); +∞. */
  upper: number;
  /** False for a step that ignores the denominator (RAdam before rectification); true. */
  adaptive: boolean;
}

/**
 * Scalars of one step: the one combination of what φ, ψ and the transforms
 * contributed (see `prepare` in `generic.ts`):
 *
 * ```
 * c = c_φ · c_ψ · Π c_k        decay = Π decay_k      l2 = Σ l2_k
 * lower = max_k lower_k        upper = min_k upper_k  adaptive = ∧_k adaptive_k
 * ```
 *
 * (a transform's c_k and the order φ, ψ, transforms in the list fix the
 * rounding). The update of coordinate i is then
 *
 * ```
 * n_i = a·m_i + b·g_i                                   (numerator, from phi)
 * D_i = ((s2·v_i + epsIn)^(1/2) + epsOut)^(2p)          (denominator, from psi)
 * η_i = clamp(α_t·c / D_i, lower, upper)                (per-coordinate learning rate)
 * x̂_i = decay·x_i − η_i·n_i
 * ```
 *
 * With a = c = s2 = decay = 1, b = epsIn = epsOut = 0, p = 1/2 and no bounds this
 * is exactly Algorithm 1's x̂_{t+1} = x_t − α_t m_t/√V_t.
 */
export interface StepScalars extends PhiScalars, PsiScalars {
  /** α_t, the step size. */
  alphaT: number;
  /** The combined factor of the step size: c_φ · c_ψ · Π c_k. */
  c: number;
  /** False for a step that ignores the denominator (RAdam before rectification). */
  adaptive: boolean;
  /** Lower bound on the per-coordinate learning rate η_i (AdaBound); −∞ if none. */
  lower: number;
  /** Upper bound on the per-coordinate learning rate η_i (AdaBound); +∞ if none. */
  upper: number;
  /** Multiplies x_t before the step (decoupled weight decay: 1 − α_t λ). */
  decay: number;
  /** L2 weight decay: the step's φ and ψ see g_t + l2·x_t. */
  l2: number;
}

/** φ_t: the first-moment estimator. It owns its slots and writes m_t in place. */
export interface FirstMoment {
  /** A short name for tables and errors, e.g. `"ema"`. */
  readonly name: string;
  /** Slots it owns, with their initial value. */
  readonly slots: Readonly<Record<string, number>>;
  /** The slot holding m_t for the numerator, or null when the numerator is g_t alone. */
  readonly numSlot: string | null;
  /**
   * Writes its contribution to step `s.t` (`beta1T`, `a`, `b`, `c`) into its
   * own record. One made by `beta1Prepare` (`scalars.ts`) carries its β_{1t}
   * schedule, which the generic step calls instead.
   */
  prepare(state: State, s: PhiScalars): void;
  /**
   * Optional, for speed: the numerator's weights `a`, `b` when they are the
   * same at every step (a moving average's a = 1, b = 0), which `prepare` then
   * leaves as they are or writes with these values. The generic step sets them
   * once instead of every step, and folds them into its loops. Like
   * `movingAverage`, it describes `prepare`: a φ made by spreading another and
   * replacing `prepare` drops it (`fixed: undefined`) unless the new one keeps it true.
   */
  readonly fixed?: { readonly a: number; readonly b: number };
  /** Updates its slots on coordinates [lo, hi) from the gradient. */
  update(state: State, g: Vec, s: StepScalars, lo: number, hi: number): void;
  /** Optional: advances scalars carried across steps, after the step. */
  finish?(state: State, s: StepScalars): void;
  /**
   * For speed; true only when `update` is exactly the moving average
   * m_i ← β_{1t}·m_i + (1 − β_{1t})·g_i (β_{1t} = `s.beta1T`) on `numSlot`. With a
   * ψ that is one too, the generic step runs both in one call of its own.
   */
  readonly movingAverage?: boolean;
}

/** ψ_t: the second-moment estimator, diagonal. It owns its slots and writes v_t in place. */
export interface SecondMoment {
  /** A short name for tables and errors, e.g. `"ema"`. */
  readonly name: string;
  /** Slots it owns, with their initial value. */
  readonly slots: Readonly<Record<string, number>>;
  /** The slot holding the diagonal of V_t, or null for V_t = I (SGD). */
  readonly denSlot: string | null;
  /**
   * How the denominator is formed from the slot: `"sqrt"` gives √V_t (every
   * method of the paper); `"linear"` uses the slot as is (AdaMax's u_t = ‖g‖_∞).
   */
  readonly root: "sqrt" | "linear";
  /**
   * Optional, for checking a restored state: the slot that `denSlot` is a running
   * maximum of, so that v̂_i ≥ v_i holds in every state this ψ produces.
   */
  readonly maxOf?: string;
  /**
   * Writes its contribution to step `s.t` (`beta2T`, `s2`, `c`, `maxIn`,
   * `maxPrev`) into its own record. One made by `beta2Prepare` (`scalars.ts`)
   * carries its β_{2t} schedule, which the generic step calls instead.
   */
  prepare(state: State, s: PsiScalars): void;
  /**
   * Optional, for speed: `s2`, `maxIn` and `maxPrev` when they are the same at
   * every step (1, 1, 1 without a correction inside the root), which `prepare`
   * then leaves as they are or writes with these values. The generic step sets
   * them once instead of every step, and folds them into its loops. A ψ made
   * by spreading another and replacing `prepare` drops it (see `FirstMoment.fixed`).
   */
  readonly fixed?: { readonly s2: number; readonly maxIn: number; readonly maxPrev: number };
  /** Updates its slots on coordinates [lo, hi); may read phi's slots (AdaBelief). */
  update(state: State, g: Vec, s: StepScalars, lo: number, hi: number): void;
  /** Optional: advances scalars carried across steps, after the step. */
  finish?(state: State, s: StepScalars): void;
  /**
   * For speed; set only when `update` is exactly v_i ← β_{2t}·v_i + (1 − β_{2t})·g_i²
   * (β_{2t} = `s.beta2T`) on the slot named here, followed, when `denSlot` is
   * another slot, by AMSGrad's v̂_i ← max(s.maxPrev·v̂_i, s.maxIn·v_i) on `denSlot`.
   */
  readonly movingAverage?: string;
}

/** α_t as a function of the 1-based step t. */
export type StepSize = (t: number) => number;

/**
 * Π_{F, A}: the projection onto the feasible set F in the norm ‖A^{1/2}(x − y)‖,
 * called with A = √V_t, i.e. per-coordinate weights w_i = √v_i (or D_i).
 */
export interface Projection {
  /** A short name for tables and errors, e.g. `"box"`. */
  readonly name: string;
  /**
   * Separable projections (none, box) act per coordinate inside the step:
   * `lo[i] ≤ x_i ≤ hi[i]`, with scalars when uniform.
   */
  readonly separable: boolean;
  /** Lower bounds of a separable projection (a scalar when uniform); null when none. */
  readonly lo: number | Vec | null;
  /** Upper bounds of a separable projection (a scalar when uniform); null when none. */
  readonly hi: number | Vec | null;
  /** For non-separable projections: project `x` in place under weights `w`. */
  project?(x: Vec, w: Vec): void;
  /** Whether x lies in F (within `tol`). */
  contains(x: Vec, tol?: number): boolean;
}

/**
 * A named change to the step beyond φ and ψ (decoupled or L2 weight decay,
 * bounds on the step size, RAdam's rectification; see `transforms.ts`). Each
 * writes its contribution into a record of its own; `prepare` combines them.
 */
export interface Transform {
  /** A short name for tables and errors, e.g. `"decoupled weight decay (λ = 0.01)"`. */
  readonly name: string;
  /** Writes its contribution to step `s.t` into `s` (reset to neutral values first). */
  prepare(s: TransformScalars): void;
}

/** How a coordinate's update is computed; see {@link MethodSpec.arithmetic}. */
export type Arithmetic = "float64" | "float32" | "auto";

/**
 * The recipe of one method in Algorithm 1's terms. Only `name`, `phi` and `psi`
 * are required; the rest default to α_t = 10⁻³, F = ℝ^d, ε = 10⁻⁸ outside the
 * root (none inside), p = 1/2, no transforms and float64 arithmetic.
 */
export interface MethodSpec {
  /** The method's display name, e.g. `"AMSGrad"`. */
  readonly name: string;
  /** φ_t, the first-moment estimator giving m_t. */
  readonly phi: FirstMoment;
  /** ψ_t, the second-moment estimator giving the diagonal of V_t. */
  readonly psi: SecondMoment;
  /** α_t, the step-size schedule (default a constant 10⁻³). */
  readonly alpha?: StepSize;
  /** Π_{F, √V_t}, the projection onto the feasible set F (default unconstrained). */
  readonly projection?: Projection;
  /** ε added to the slot inside the square root (the paper's eq. (3)); default 0. */
  readonly epsIn?: number;
  /** ε added to the square root (PyTorch, Keras, optax); default 10⁻⁸. */
  readonly epsOut?: number;
  /** Padam's partial exponent p in D^(2p); 1/2 (the default) for every other method. */
  readonly p?: number;
  /** Named transforms (weight decay, bounds, rectification), combined as `StepScalars` says. */
  readonly transforms?: readonly Transform[];
  /**
   * Replaced by `transforms`; accepted only empty (older recipes spell `hooks: []`).
   *
   * @deprecated write `transforms` instead.
   */
  readonly hooks?: readonly never[];
  /**
   * How a coordinate's update is computed. `"float64"` (default): in double
   * precision, rounded once when stored, for Float64Array and Float32Array
   * states alike. `"float32"`: every operation rounded to float32, as PyTorch's
   * and TensorFlow's float32 kernels do; Adam's family on a Float32Array state
   * only, stepped by a WebAssembly SIMD kernel (see `_float32.ts`). `"auto"`:
   * float32 for a Float32Array state of a method that supports it, else float64.
   */
  readonly arithmetic?: Arithmetic;
}

/** A {@link MethodSpec} with every default filled in (what an optimizer reports). */
export interface ResolvedSpec extends MethodSpec {
  /** α_t (default a constant 10⁻³). */
  readonly alpha: StepSize;
  /** Π_F (default unconstrained). */
  readonly projection: Projection;
  /** ε inside the root (default 0). */
  readonly epsIn: number;
  /** ε outside the root (default 10⁻⁸). */
  readonly epsOut: number;
  /** The exponent p of D^(2p) (default 1/2). */
  readonly p: number;
  /** The named transforms (default none). */
  readonly transforms: readonly Transform[];
  /** The arithmetic (default `"float64"`). */
  readonly arithmetic: Arithmetic;
}

/** A ready optimizer: `init` then `step` repeatedly. */
export interface Optimizer {
  /** The method's display name (the spec's `name`). */
  readonly name: string;
  /** The recipe it was built from, defaults filled in. */
  readonly spec: ResolvedSpec;
  /** A fresh state at x_1 = x0 (copied; x0 is not modified). */
  init(x0: Vec): State;
  /** One step of Algorithm 1 with gradient g_t = `grad`, in place, without allocating. */
  step(state: State, grad: Vec): void;
  /**
   * The per-coordinate learning rate α_t·c/D_i of the last step taken (the
   * paper's α_t V_t^{-1/2}), written into `out`; 0 before the first step.
   */
  learningRate(state: State, out: Vec): void;
  /**
   * An array for g_t, of the state's type and length, that `step(state, it)`
   * reads without a copy where it can: for float32 arithmetic, the gradient's
   * region of the state's WebAssembly memory; otherwise a new array.
   */
  gradientBuffer(state: State): Vec;
}
