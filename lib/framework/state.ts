/**
 * Saving and restoring optimizer state. The JSON form keeps every number
 * exactly (JavaScript prints the shortest decimal that reads back to the same
 * double, and every float32 is a double), so a restored run continues
 * bit-identically. A restored float32 state is placed in WebAssembly memory
 * (see `_arena.ts`), so that an optimizer built with `arithmetic: "float32"`
 * steps it with its SIMD kernel, as it does a state of its own `init`.
 *
 * @module
 */
import { allocate } from "./_arena.ts";
import type { Optimizer, State, Vec } from "./types.ts";

/** The JSON form of a {@link State}. */
export interface StateJSON {
  /** {@link State.t}: steps taken so far, an integer ≥ 0. */
  t: number;
  /** The array type of x and the slots: `"float64"` (Float64Array) or `"float32"`. */
  dtype: "float64" | "float32";
  /** {@link State.x}, the current iterate. */
  x: number[];
  /** {@link State.slots}, each the same length as `x`. */
  slots: Record<string, number[]>;
  /** {@link State.scalars}. */
  scalars: Record<string, number>;
  /**
   * Where an array holds −0, which JSON prints as 0: `"x"` or a slot name → indices.
   * Present only when some array has one.
   */
  negativeZeros?: Record<string, number[]>;
}

/** A plain-object copy of `state`, ready for `JSON.stringify`. */
export function saveState(state: State): StateJSON {
  const slots: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(state.slots)) slots[k] = Array.from(v);
  const json: StateJSON = {
    t: state.t,
    dtype: state.x instanceof Float32Array ? "float32" : "float64",
    x: Array.from(state.x),
    slots,
    scalars: { ...state.scalars },
  };
  const negativeZeros: Record<string, number[]> = {};
  for (const [k, v] of [["x", state.x] as const, ...Object.entries(state.slots)]) {
    const at: number[] = [];
    for (let i = 0; i < v.length; i++) if (Object.is(v[i], -0)) at.push(i);
    if (at.length > 0) negativeZeros[k] = at;
  }
  if (Object.keys(negativeZeros).length > 0) json.negativeZeros = negativeZeros;
  return json;
}

/**
 * Rebuilds a state from {@link saveState}'s output. Everything is checked before
 * anything is built, and a malformed record throws a RangeError naming the
 * field: t an integer ≥ 0; x and every slot arrays of the same length, of
 * numbers finite in the record's dtype (a value beyond float32's range is
 * refused for `"float32"`, not turned into ∞); finite scalars. Given the
 * `optimizer` that will step it, the record must also be that optimizer's:
 * exactly its slots, the float32 dtype for `arithmetic: "float32"`, every ψ slot
 * ≥ 0 (second moments are), and AMSGrad's v̂ ≥ v coordinate by coordinate.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { amsgrad, adam } from "../optimizers/mod.ts";
 * import { restoreState, saveState } from "./state.ts";
 * const opt = amsgrad({ alpha: 0.1 });
 * const state = opt.init(new Float64Array([1, 2]));
 * opt.step(state, new Float64Array([0.5, -1]));
 * const json = JSON.parse(JSON.stringify(saveState(state)));
 * assert.deepEqual(restoreState(json, opt).x, state.x);
 * assert.throws(() => restoreState(json, adam()), /slots/);
 * json.slots.v[0] = -1;
 * assert.throws(() => restoreState(json, opt), /≥ 0/);
 * ```
 */
export function restoreState(json: StateJSON, optimizer?: Optimizer): State {
  if (typeof json !== "object" || json === null) {
    throw new RangeError(`state must be an object, got ${JSON.stringify(json)}`);
  }
  if (!Number.isInteger(json.t) || json.t < 0) {
    throw new RangeError(`state.t must be an integer ≥ 0, got ${json.t}`);
  }
  if (json.dtype !== "float32" && json.dtype !== "float64") {
    throw new RangeError(`state.dtype must be "float32" or "float64", got ${json.dtype}`);
  }
  const finite = json.dtype === "float32"
    ? (n: unknown) => typeof n === "number" && Number.isFinite(Math.fround(n))
    : (n: unknown) => typeof n === "number" && Number.isFinite(n);
  const make = (a: number[], what: string): Vec => {
    if (!Array.isArray(a) || !a.every(finite)) {
      const range = json.dtype === "float32" ? " within float32's range" : "";
      throw new RangeError(`state.${what} must be an array of finite numbers${range}`);
    }
    if (a.length !== json.x.length) {
      throw new RangeError(`state.${what} has length ${a.length}, x has ${json.x.length}`);
    }
    return json.dtype === "float32" ? Float32Array.from(a) : Float64Array.from(a);
  };
  const x = make(json.x, "x");
  for (const key of ["slots", "scalars"] as const) {
    if (typeof json[key] !== "object" || json[key] === null || Array.isArray(json[key])) {
      throw new RangeError(`state.${key} must be an object, got ${JSON.stringify(json[key])}`);
    }
  }
  for (const [k, v] of Object.entries(json.scalars)) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`state.scalars.${k} must be a finite number, got ${v}`);
    }
  }
  if (optimizer !== undefined) belongsTo(json, optimizer);
  const slots: Record<string, Vec> = {};
  for (const [k, v] of Object.entries(json.slots)) slots[k] = make(v, `slots.${k}`);
  for (const [k, at] of Object.entries(json.negativeZeros ?? {})) {
    const v = k === "x" ? x : slots[k];
    if (v === undefined || !Array.isArray(at)) {
      throw new RangeError(`state.negativeZeros names ${k}, which is not x or a slot`);
    }
    for (const i of at) {
      if (!Number.isInteger(i) || v[i] !== 0) {
        throw new RangeError(`state.negativeZeros.${k} lists ${i}, which is not a zero of ${k}`);
      }
      v[i] = -0;
    }
  }
  if (json.dtype === "float32") {
    const arena = allocate(x.length, Object.keys(slots));
    arena.x.set(x);
    for (const [k, v] of Object.entries(slots)) arena.slots[k]!.set(v);
    return { t: json.t, x: arena.x, slots: arena.slots, scalars: { ...json.scalars } };
  }
  return { t: json.t, x, slots, scalars: { ...json.scalars } };
}

/** Checks that `json` is a state of `optimizer` (see {@link restoreState}). */
function belongsTo(json: StateJSON, optimizer: Optimizer): void {
  const { name, phi, psi, arithmetic } = optimizer.spec;
  const want = Object.keys({ ...phi.slots, ...psi.slots }).sort();
  const have = Object.keys(json.slots).sort();
  if (want.join() !== have.join()) {
    throw new RangeError(
      `state.slots are ${have.join(", ") || "none"}, but ${name} keeps ${
        want.join(", ") || "none"
      }` +
        ` (a state of another optimizer?)`,
    );
  }
  if (arithmetic === "float32" && json.dtype !== "float32") {
    throw new RangeError(
      `${name} computes in float32 and needs a "float32" state, got ${json.dtype}`,
    );
  }
  for (const k of Object.keys(psi.slots)) {
    const i = json.slots[k]!.findIndex((n) => !(n >= 0));
    if (i >= 0) {
      throw new RangeError(
        `state.slots.${k}[${i}] must be ≥ 0 (a second moment), got ${json.slots[k]![i]}`,
      );
    }
  }
  if (psi.maxOf !== undefined && psi.denSlot !== null) {
    const v = json.slots[psi.maxOf]!, vHat = json.slots[psi.denSlot]!;
    const i = vHat.findIndex((h, j) => !(h >= v[j]!));
    if (i >= 0) {
      throw new RangeError(
        `state.slots.${psi.denSlot}[${i}] = ${vHat[i]} is below ${psi.maxOf}[${i}] = ${v[i]}, ` +
          `but a running maximum is never below what it is the maximum of`,
      );
    }
  }
}
