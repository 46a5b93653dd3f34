/**
 * Optimizer state that lives in WebAssembly memory, so that the float32 SIMD
 * kernel (`_float32_wat.ts`) steps it in place, with no copies but the
 * gradient's, and none at all when the caller writes g_t into the region that
 * `Optimizer.gradientBuffer` hands out. Each state gets a memory of its own,
 * sized once and never grown (growing would detach the arrays a caller holds,
 * such as `state.x`), laid out as regions of n floats rounded up to a multiple
 * of 4 (the padding stays 0 in g, so the kernel's extra lanes change nothing seen):
 *
 * ```
 * [ x | g | slot | slot | … ]
 * ```
 *
 * The arrays handed out are ordinary `Float32Array` views of that memory:
 * saving, restoring and reading them work as for any other state.
 *
 * @module
 */
import { loops } from "./_loops.ts";
import { FLOAT32_WASM_BASE64 } from "./_float32_wasm.ts";
import { adamName, SHAPES, shapeStep } from "./_float32_wat.ts";
import { factsTest } from "./_codegen.ts";
import { SCALARS } from "./_update.ts";

/** When each shape's kernel applies, from the facts its folding used (the order of `SHAPES`). */
const APPLIES = SHAPES.map((shape) => factsTest(shapeStep(shape).used));

/** Bytes of the scalars record at the end of the memory (a multiple of 16). */
const SCALAR_BYTES = Math.ceil((SCALARS.length * 4) / 16) * 16;

const PAGE = 65536;

/** One shape's kernel (see `_float32_wat.ts`): byte addresses, n, the scalars' address. */
type AdamKernel = (
  x: number,
  g: number,
  m: number,
  v: number,
  vh: number,
  n: number,
  sc: number,
) => void;

/** The module's exports. */
interface Exports {
  firstBeyond(g: number, n: number, limit: number): number;
  [shape: string]: AdamKernel | ((g: number, n: number, limit: number) => number);
}

let compiled: WebAssembly.Module | null = null;

function module(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(
    Uint8Array.from(atob(FLOAT32_WASM_BASE64), (c) => c.charCodeAt(0)),
  );
  return compiled;
}

/** A state's memory: its arrays and the kernels bound to it. */
export class Float32Arena {
  /** x, g and each slot, by name, as views of the memory. */
  readonly arrays: Readonly<Record<string, Float32Array>>;
  readonly #kernels: Exports;
  /** The kernel of each shape, at 4·hasMax + 2·useDen + plain (the order of `SHAPES`). */
  readonly #adam: readonly AdamKernel[];
  /** Coordinates per region, n rounded up to a multiple of 4. */
  readonly #n4: number;
  readonly #at: Readonly<Record<string, number>>;
  /** The scalars record's byte address, and the record (float32). */
  readonly #sc: number;
  readonly #scalars: Float32Array;

  /** Memory for `n` coordinates of x, g and the slots named in `slots`. */
  constructor(n: number, slots: readonly string[]) {
    const names = ["x", "g", ...slots];
    this.#n4 = Math.ceil(n / 4) * 4;
    const bytes = names.length * this.#n4 * 4 + SCALAR_BYTES;
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    const instance = new WebAssembly.Instance(module(), { env: { memory } });
    this.#kernels = instance.exports as unknown as Exports;
    this.#adam = SHAPES.map((shape) => this.#kernels[adamName(shape)] as AdamKernel);
    const at: Record<string, number> = {};
    const arrays: Record<string, Float32Array> = {};
    names.forEach((name, r) => {
      at[name] = r * this.#n4 * 4;
      arrays[name] = new Float32Array(memory.buffer, at[name], n);
    });
    this.#sc = names.length * this.#n4 * 4;
    this.#scalars = new Float32Array(memory.buffer, this.#sc, SCALARS.length);
    this.#at = at;
    this.arrays = arrays;
  }

  /**
   * Copies g_t into the memory; returns the index of its first coordinate that
   * is not below `limit` in magnitude (NaN and ±∞ included), or −1.
   */
  loadGradient(g: Float32Array, limit: number): number {
    const own = this.arrays.g!;
    if (g !== own) own.set(g);
    const group = this.#kernels.firstBeyond(this.#at.g!, this.#n4, limit);
    return group < 0 ? -1 : group + loops.firstBeyond(own.subarray(group, group + 4), limit);
  }

  /**
   * One float32 step of Adam's family (`adam32` of `_float32.ts`) on the loaded
   * gradient, with the scalars record `S`: m and v are the moving averages'
   * slots, vHat AMSGrad's (or null). The plain kernel runs when the facts its
   * folding used hold for the scalars as the kernel sees them (float32).
   */
  adam(S: Float64Array, m: string, v: string, vHat: string | null, useDen: boolean): void {
    const at = this.#at;
    this.#scalars.set(S);
    const shape = 4 * +(vHat !== null) + 2 * +useDen;
    const plain = +APPLIES[shape + 1]!(this.#scalars);
    this.#adam[shape + plain]!(
      at.x!,
      at.g!,
      at[m]!,
      at[v]!,
      vHat === null ? 0 : at[vHat]!,
      this.#n4,
      this.#sc,
    );
  }

  /** Whether `x` and every slot of `slots` are still this memory's own arrays. */
  holds(x: Float32Array, slots: Record<string, unknown>): boolean {
    if (x !== this.arrays.x) return false;
    for (const name in slots) if (slots[name] !== this.arrays[name]) return false;
    return true;
  }
}

/** The arena each state's x belongs to (a WeakMap: states are collected as usual). */
const ARENAS = new WeakMap<Float32Array, Float32Arena>();

/** Allocates a state's x and slots in a new arena (the gradient's region stays private). */
export function allocate(
  n: number,
  slots: readonly string[],
): { x: Float32Array; slots: Record<string, Float32Array> } {
  const arena = new Float32Arena(n, slots);
  const { x, g: _, ...own } = arena.arrays;
  ARENAS.set(x!, arena);
  return { x: x!, slots: own };
}

/** The arena holding this state's x and slots, or undefined (e.g. a restored state). */
export function arenaOf(x: Float32Array, slots: Record<string, unknown>): Float32Arena | undefined {
  const arena = ARENAS.get(x);
  return arena !== undefined && arena.holds(x, slots) ? arena : undefined;
}
