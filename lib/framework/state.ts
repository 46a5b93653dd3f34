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
import type { State, Vec } from "./types.ts";

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

/** Rebuilds a state from {@link saveState}'s output; throws on a malformed record. */
export function restoreState(json: StateJSON): State {
  if (!Number.isInteger(json.t) || json.t < 0) {
    throw new RangeError(`state.t must be an integer ≥ 0, got ${json.t}`);
  }
  const make = (a: number[], what: string): Vec => {
    if (!Array.isArray(a) || a.some((n) => typeof n !== "number" || !Number.isFinite(n))) {
      throw new RangeError(`state.${what} must be an array of finite numbers`);
    }
    if (a.length !== json.x.length) {
      throw new RangeError(`state.${what} has length ${a.length}, x has ${json.x.length}`);
    }
    return json.dtype === "float32" ? Float32Array.from(a) : Float64Array.from(a);
  };
  if (json.dtype !== "float32" && json.dtype !== "float64") {
    throw new RangeError(`state.dtype must be "float32" or "float64", got ${json.dtype}`);
  }
  const x = make(json.x, "x");
  for (const key of ["slots", "scalars"] as const) {
    if (typeof json[key] !== "object" || json[key] === null || Array.isArray(json[key])) {
      throw new RangeError(`state.${key} must be an object, got ${JSON.stringify(json[key])}`);
    }
  }
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
