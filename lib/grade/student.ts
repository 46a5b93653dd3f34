/**
 * Reaching the student's code safely: a check cell passes a thunk
 * (`() => amsgradPsi`), so that a missing definition becomes a failed check
 * with a hint instead of a crashed cell.
 *
 * @module
 */

/** The student's function, or why it could not be reached. */
export type Resolved<F> =
  | { ok: true; fn: F }
  | { ok: false; message: string; hint: string };

/**
 * Calls `get` and checks that it returns a function.
 *
 * @param name the name the notebook defines, for messages
 * @param get a thunk returning the student's definition (`() => amsgradPsi`)
 */
export function resolveStudent<F>(name: string, get: () => unknown): Resolved<F> {
  let value: unknown;
  try {
    value = get();
  } catch (e) {
    if (e instanceof ReferenceError) {
      return {
        ok: false,
        message: `\`${name}\` is not defined`,
        hint: `run the cell that defines \`${name}\` first; if that cell failed, fix its error`,
      };
    }
    return { ok: false, message: `reading \`${name}\` threw ${errorText(e)}`, hint: "" };
  }
  if (typeof value !== "function") {
    return {
      ok: false,
      message: `\`${name}\` is ${value === null ? "null" : typeof value}, not a function`,
      hint: `define \`${name}\` with the signature given in its cell`,
    };
  }
  return { ok: true, fn: value as F };
}

/** "Error: message" for anything thrown. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** The hint for an exception thrown by the student's code. */
export function throwHint(name: string, e: unknown): string {
  const text = errorText(e);
  if (/not implemented/i.test(text)) {
    return `replace the \`throw\` under YOUR CODE HERE in \`${name}\` with your implementation`;
  }
  return `\`${name}\` must not throw on these inputs; run it by hand on them to see why`;
}
