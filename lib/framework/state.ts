/**
 * Saving and restoring optimizer state. The JSON form keeps every number
 * exactly (JavaScript prints the shortest decimal that reads back to the same
 * double, and every float32 is a double), so a restored run continues
 * bit-identically.
 *
 * @module
 */
import type { State, Vec } from "./types.ts";

/** The JSON form of a {@link State}. */
export interface StateJSON {
  t: number;
  dtype: "float64" | "float32";
  x: number[];
  slots: Record<string, number[]>;
  scalars: Record<string, number>;
}

/** A plain-object copy of `state`, ready for `JSON.stringify`. */
export function saveState(state: State): StateJSON {
  const slots: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(state.slots)) slots[k] = Array.from(v);
  return {
    t: state.t,
    dtype: state.x instanceof Float32Array ? "float32" : "float64",
    x: Array.from(state.x),
    slots,
    scalars: { ...state.scalars },
  };
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
  const slots: Record<string, Vec> = {};
  for (const [k, v] of Object.entries(json.slots)) slots[k] = make(v, `slots.${k}`);
  return { t: json.t, x: make(json.x, "x"), slots, scalars: { ...json.scalars } };
}
