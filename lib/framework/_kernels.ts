/**
 * The step's loops, generated from the description of `_update.ts` on first
 * use and kept: for each shape (AMSGrad's max, the denominator, p ≠ 1/2, a
 * non-separable projection's weights, per-coordinate bounds, a linear root),
 * each arithmetic (float64, float32) and each array type (so that every copy
 * sees one type), a general copy and one folded by the plain facts, which the
 * step uses when they hold.
 *
 * @module
 */
import { dispatch, factsTest, jsKernel, type Kernel } from "./_codegen.ts";
import {
  adamStep,
  AT,
  blockUpdate,
  type Facts,
  FIXED,
  fold,
  learningRateStep,
  PLAIN,
  type Scalar,
  type Shape,
  type Stmt,
} from "./_update.ts";

/** Which loop: Adam's whole step, the update after the blocks, or η alone. */
export type LoopKind = "adam" | "update" | "eta";

/** A generated loop, general and folded, and the test of when the folded copy applies. */
export interface Loop {
  /** The loop as described. */
  readonly general: Kernel;
  /** The loop folded by the plain facts (see `PLAIN`). */
  readonly plain: Kernel;
  /** Whether the plain facts the folding used hold for a scalars record. */
  readonly applies: (S: ArrayLike<number>) => boolean;
  /** The facts the plain loop's folding used. */
  readonly used: Facts;
  /** The loop's shape. */
  readonly shape: Shape;
}

const KINDS: readonly LoopKind[] = ["adam", "update", "eta"];

const BODY: Record<LoopKind, (shape: Shape) => Stmt[]> = {
  adam: adamStep,
  update: blockUpdate,
  eta: learningRateStep,
};

const cache: (Loop | undefined)[] = [];

/**
 * A small integer naming a loop: its kind, shape, arithmetic and array type
 * (computed every step; the loop itself is built once, by {@link loop}).
 */
export function loopCode(
  kind: LoopKind,
  shape: Shape,
  float32: boolean,
  array32: boolean,
): number {
  return KINDS.indexOf(kind) | (+shape.hasMax << 2) | (+shape.useDen << 3) |
    (+!!shape.pow << 4) | (+!!shape.weights << 5) | (+!!shape.boundsAt << 6) |
    (+!!shape.linear << 7) | (+float32 << 8) | (+array32 << 9);
}

/** The loop named by `code` (see {@link loopCode}), generated on first use. */
export function loop(code: number): Loop {
  let entry = cache[code];
  if (entry === undefined) {
    const shape: Shape = {
      hasMax: !!(code & 4),
      useDen: !!(code & 8),
      pow: !!(code & 16),
      weights: !!(code & 32),
      boundsAt: !!(code & 64),
      linear: !!(code & 128),
    };
    const float32 = !!(code & 256);
    const reread = !float32 && !!(code & 512);
    const body = BODY[KINDS[code & 3]!](shape);
    const folded = fold(body, PLAIN);
    const general = jsKernel(body, float32, reread);
    const plain = jsKernel(folded.body, float32, reread);
    entry = { general, plain, applies: factsTest(folded.used), used: folded.used, shape };
    cache[code] = entry;
  }
  return entry;
}

const runners = new Map<string, Kernel>();

/**
 * What a step calls for the loop named by `code`, given the recipe's fixed
 * scalars in `S` (its ε's, uniform box bounds, 2p) and the names of those it
 * fixes for its lifetime (`lifetime`, see `fixLifetime` in `scalars.ts`): the
 * description folded by the fixed values and by the lifetime ones that have
 * their plain values (see `PLAIN`), then a general copy and one also folded by
 * the plain facts that can vary from step to step, chosen each step by those
 * facts (see `dispatch`). Where no such fact is left (the paper's AMSGrad
 * without transforms), the folded copy alone: no test per step (part of the
 * gain `scalars.ts` notes for `fixed`). Kept per code and folded values, so
 * recipes that agree share their loops. Only lifetime values equal to the
 * plain facts' are folded, so each fold is one that `PLAIN` documents as exact.
 */
export function runner(
  code: number,
  S: ArrayLike<number>,
  lifetime: readonly Scalar[] = [],
): Kernel {
  const plainValue = PLAIN.equal ?? {};
  const names = [...FIXED, ...lifetime.filter((name) => S[AT[name]] === plainValue[name])];
  const key = `${code}:${names.map((name) => `${name}=${S[AT[name]]}`).join(",")}`;
  let run = runners.get(key);
  if (run === undefined) {
    const L = loop(code);
    const shape = L.shape;
    const float32 = !!(code & 256);
    const reread = !float32 && !!(code & 512);
    const fixed = Object.fromEntries(names.map((name) => [name, S[AT[name]]!]));
    const body = fold(BODY[KINDS[code & 3]!](shape), { equal: fixed }).body;
    const varying: Facts = {
      equal: Object.fromEntries(
        Object.entries(PLAIN.equal ?? {}).filter(([k]) => !names.includes(k as Scalar)),
      ),
      positive: (PLAIN.positive ?? []).filter((k) => !names.includes(k)),
    };
    const folded = fold(body, varying);
    const plain = jsKernel(folded.body, float32, reread);
    run = isEmpty(folded.used)
      ? plain
      : dispatch(folded.used, plain, jsKernel(body, float32, reread));
    runners.set(key, run);
  }
  return run;
}

/** Whether `facts` assume nothing. */
function isEmpty(facts: Facts): boolean {
  return Object.keys(facts.equal ?? {}).length === 0 && (facts.positive ?? []).length === 0;
}
