/**
 * The flat parameter vector of a model: named blocks laid end to end.
 *
 * @module
 */
import type { ParamBlock } from "./types.ts";

/** Lays out `[name, shape]` blocks one after another; returns them and the total size. */
export function layOut(
  blocks: readonly (readonly [string, readonly number[]])[],
): { layout: ParamBlock[]; size: number } {
  const layout: ParamBlock[] = [];
  let offset = 0;
  for (const [name, shape] of blocks) {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 1) {
        throw new RangeError(`${name}: every dimension must be an integer ≥ 1, got [${shape}]`);
      }
    }
    layout.push({ name, offset, shape });
    offset += shape.reduce((a, b) => a * b, 1);
  }
  return { layout, size: offset };
}

/** Views of `a` named after the blocks (sharing its memory). */
export function viewsOf(
  layout: readonly ParamBlock[],
  a: Float32Array,
): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const { name, offset, shape } of layout) {
    out[name] = a.subarray(offset, offset + shape.reduce((x, y) => x * y, 1));
  }
  return out;
}

/** Throws unless `a` holds exactly `size` parameters. */
export function checkSize(what: string, a: Float32Array, size: number, model: string): void {
  if (a.length !== size) {
    throw new RangeError(`${model}: ${what} has ${a.length} elements, the model has ${size}`);
  }
}

/** Throws unless `x` holds `n` examples of `inputs` features and `y` their n labels. */
export function checkBatch(
  x: Float32Array,
  y: Uint8Array,
  n: number,
  inputs: number,
  model: string,
): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${model}: the batch size must be an integer ≥ 1, got ${n}`);
  }
  if (x.length < n * inputs) {
    throw new RangeError(`${model}: x has ${x.length} values, ${n} examples need ${n * inputs}`);
  }
  if (y.length < n) throw new RangeError(`${model}: y has ${y.length} labels, expected ${n}`);
}
