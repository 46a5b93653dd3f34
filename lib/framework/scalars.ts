/**
 * The one combination of a step's scalars: φ, ψ and each transform write their
 * contributions into records of their own, reset before each step, and
 * {@link makePrepare}'s function combines them, as {@link StepScalars}
 * documents:
 *
 * ```
 * c = c_φ · c_ψ · Π c_k        decay = Π decay_k      l2 = Σ l2_k
 * lower = max_k lower_k        upper = min_k upper_k  adaptive = ∧_k adaptive_k
 * ```
 *
 * No block reads or overwrites another's contribution.
 *
 * The combination is written straight into the loops' scalars record `S`
 * (`_update.ts`), which the step's loops read; the {@link StepScalars} record
 * keeps what `S` has no entry for (t, α_t, c, l2, adaptive and the
 * transforms' contributions), and gets the rest of its fields from `S` by
 * `nameScalars` only where something reads them by name (φ's and ψ's own
 * loops, `finish`, `prepare` in `generic.ts`). Writing each value once,
 * instead of into `StepScalars` and then copying it into `S`, took a 1-D step
 * of the paper's AMSGrad from about 28 to 21 ns with one optimizer, 48 to 43 ns
 * once several were built (`deno task bench "1-D"`, medians of 7 runs).
 *
 * What φ and ψ declare `fixed` (see `FirstMoment.fixed`) starts in their
 * records and in `S` and is neither reset nor copied by any step; with the
 * transforms' neutral values of a recipe without transforms, these are the
 * scalars {@link fixLifetime} names, which the step's loops are folded by.
 *
 * @module
 */
import type {
  PhiScalars,
  PsiScalars,
  ResolvedSpec,
  State,
  StepScalars,
  TransformScalars,
} from "./types.ts";
import {
  fillDenominator,
  fillMoments,
  fillNumerator,
  fillTransforms,
  type Scalar,
} from "./_update.ts";

/** Where a `prepare` made by {@link beta1Prepare} or {@link beta2Prepare} keeps its schedule. */
const SCHEDULE = Symbol("schedule");

/** A β_t schedule: t ↦ β_{1t} or β_{2t}. */
type Schedule = (t: number) => number;

/**
 * φ's `prepare` when all it does is s.beta1T = schedule(s.t) (a, b, c keeping
 * their neutral or `fixed` values). It carries its schedule, which the step
 * calls itself instead (see {@link scheduleOf}): with ψ's alike, about 39 → 36
 * ns per 1-D step of the paper's AMSGrad once several optimizers were built
 * (`deno task bench "1-D"`), one call and its checks fewer each. A `prepare`
 * written otherwise, or one that replaces it in a spread, carries none.
 */
export function beta1Prepare(schedule: Schedule): (state: State, s: PhiScalars) => void {
  const prepare = (_state: State, s: PhiScalars) => {
    s.beta1T = schedule(s.t);
  };
  return Object.assign(prepare, { [SCHEDULE]: schedule });
}

/** ψ's `prepare` when all it does is s.beta2T = schedule(s.t) (see {@link beta1Prepare}). */
export function beta2Prepare(schedule: Schedule): (state: State, s: PsiScalars) => void {
  const prepare = (_state: State, s: PsiScalars) => {
    s.beta2T = schedule(s.t);
  };
  return Object.assign(prepare, { [SCHEDULE]: schedule });
}

/** The schedule a `prepare` made by {@link beta1Prepare} or {@link beta2Prepare} carries, else undefined. */
export function scheduleOf(prepare: object): Schedule | undefined {
  return (prepare as { [SCHEDULE]?: Schedule })[SCHEDULE];
}

/** A fresh scalars record (one per optimizer, reused every step). */
export function newScalars(): StepScalars {
  return {
    t: 0,
    alphaT: 0,
    beta1T: 0,
    beta2T: 0,
    a: 1,
    b: 0,
    c: 1,
    s2: 1,
    adaptive: true,
    lower: -Infinity,
    upper: Infinity,
    decay: 1,
    l2: 0,
    maxIn: 1,
    maxPrev: 1,
  };
}

/**
 * Computes step `t`'s scalars (pure in `state`): the per-step entries of the
 * loops' record `S`, and of `s` what `S` has no entry for (see the module
 * documentation; `nameScalars` fills in the rest).
 */
export type Prepare = (state: State, S: Float64Array, s: StepScalars, t: number) => void;

/** The combination for one recipe, with its blocks' records allocated once. */
export function makePrepare(spec: ResolvedSpec): Prepare {
  const { phi, psi, alpha, transforms } = spec;
  // φ's and ψ's records start from their fixed values where they declare them
  // (see `FirstMoment.fixed`), which no step then resets or copies into `S`:
  // with the folds this allows (`fixLifetime`), about 20.5 → 20 ns per 1-D
  // step with one optimizer, 41 → 39 ns once several were built.
  const ph: PhiScalars = { t: 0, beta1T: 0, a: 1, b: 0, c: 1, ...phi.fixed };
  const ps: PsiScalars = { t: 0, beta2T: 0, s2: 1, c: 1, maxIn: 1, maxPrev: 1, ...psi.fixed };
  const numeratorVaries = phi.fixed === undefined;
  const denominatorVaries = psi.fixed === undefined;
  // Where φ's or ψ's prepare only sets β_t from a schedule, the schedule itself.
  const beta1T = scheduleOf(phi.prepare);
  const beta2T = scheduleOf(psi.prepare);
  const tr: TransformScalars[] = transforms.map(() => ({
    t: 0,
    alphaT: 0,
    c: 1,
    decay: 1,
    l2: 0,
    lower: -Infinity,
    upper: Infinity,
    adaptive: true,
  }));
  // The refusal and the transforms' combination are functions of their own, so
  // that what every step runs stays short: V8 inlines only short functions (see
  // `generic.ts`), and φ's and ψ's `prepare` are inlined into this one.
  return (state, S, s, t) => {
    const alphaT = alpha(t);
    if (!(alphaT >= 0 && alphaT < Infinity)) refuseStepSize(t, alphaT);
    ph.t = t;
    ph.beta1T = 0;
    ph.c = 1;
    if (numeratorVaries) {
      ph.a = 1;
      ph.b = 0;
    }
    if (beta1T !== undefined) ph.beta1T = beta1T(t);
    else phi.prepare(state, ph);
    ps.t = t;
    ps.beta2T = 0;
    ps.c = 1;
    if (denominatorVaries) {
      ps.s2 = 1;
      ps.maxIn = 1;
      ps.maxPrev = 1;
    }
    if (beta2T !== undefined) ps.beta2T = beta2T(t);
    else psi.prepare(state, ps);
    s.t = t;
    s.alphaT = alphaT;
    // c_φ · c_ψ, and the transforms' contributions after them.
    const c = ps.c === 1 ? ph.c : ph.c * ps.c;
    if (tr.length === 0) {
      // Without transforms, decay, l2, lower, upper and adaptive keep the
      // neutral values that `newScalars` and `fixScalars` gave `s` and `S`.
      s.c = c;
    } else {
      combineTransforms(transforms, tr, s, c, t, alphaT);
      fillTransforms(s, S);
    }
    fillMoments(ph, ps, alphaT * s.c, S);
    if (numeratorVaries) fillNumerator(ph, S);
    if (denominatorVaries) fillDenominator(ps, S);
  };
}

/**
 * Sets in `S` the scalars that a recipe fixes for its lifetime, and returns
 * their names: a and b where φ declares them `fixed`, s2 and the running
 * max's factors where ψ does, and without transforms the neutral decay and
 * bounds on η_i (set by `fixScalars`). No step writes them again, so the
 * step's loops may be folded by their values (see `runner` in `_kernels.ts`).
 */
export function fixLifetime(spec: ResolvedSpec, S: Float64Array): Scalar[] {
  const names: Scalar[] = [];
  if (spec.phi.fixed !== undefined) {
    fillNumerator(spec.phi.fixed, S);
    names.push("A", "B");
  }
  if (spec.psi.fixed !== undefined) {
    fillDenominator(spec.psi.fixed, S);
    names.push("S2", "KIN", "KPREV");
  }
  if (spec.transforms.length === 0) names.push("DECAY", "LOWER", "UPPER");
  return names;
}

/** A step size that is not a finite number ≥ 0: a RangeError, before anything changed. */
function refuseStepSize(t: number, alphaT: number): never {
  throw new RangeError(
    `α_t must be a finite number ≥ 0, but the step size at step ${t} is ${alphaT} ` +
      `(the optimizer state was left unchanged)`,
  );
}

/** The transforms' contributions, each into its record `tr[k]`, combined into `s` after c_φ · c_ψ = `c`. */
function combineTransforms(
  transforms: ResolvedSpec["transforms"],
  tr: TransformScalars[],
  s: StepScalars,
  c: number,
  t: number,
  alphaT: number,
): void {
  let decay = 1, l2 = 0, lower = -Infinity, upper = Infinity, adaptive = true;
  for (let k = 0; k < tr.length; k++) {
    const r = tr[k]! as { -readonly [K in keyof TransformScalars]: TransformScalars[K] };
    r.t = t;
    r.alphaT = alphaT;
    r.c = 1;
    r.decay = 1;
    r.l2 = 0;
    r.lower = -Infinity;
    r.upper = Infinity;
    r.adaptive = true;
    transforms[k]!.prepare(r);
    if (r.c !== 1) c = c === 1 ? r.c : c * r.c;
    if (r.decay !== 1) decay = decay === 1 ? r.decay : decay * r.decay;
    l2 += r.l2;
    if (r.lower > lower) lower = r.lower;
    if (r.upper < upper) upper = r.upper;
    adaptive &&= r.adaptive;
  }
  s.c = c;
  s.decay = decay;
  s.l2 = l2;
  s.lower = lower;
  s.upper = upper;
  s.adaptive = adaptive;
}
