/**
 * WebAssembly text to bytes, with npm `wabt`. Only the build (`deno task wasm`)
 * and its test import this: the library loads committed bytes and never an
 * assembler.
 *
 * @module
 */
import wabtInit from "wabt";

let wabt: Awaited<ReturnType<typeof wabtInit>> | null = null;

/**
 * WebAssembly text to validated bytes, with SIMD on and, when `relaxed`, the
 * relaxed SIMD instructions too; with `threads`, shared memories and atomics
 * (each off unless a module needs it, so that none slips into one that should
 * run everywhere).
 */
export async function assembleWat(
  name: string,
  wat: string,
  relaxed = false,
  threads = false,
): Promise<Uint8Array<ArrayBuffer>> {
  wabt ??= await wabtInit();
  const features = { simd: true, relaxed_simd: relaxed, threads };
  const parsed = wabt.parseWat(name, wat, features);
  try {
    // wabt's validate takes the features too (its .d.ts leaves the parameter out).
    const validate = parsed.validate as unknown as (f: typeof features) => void;
    validate.call(parsed, features);
    return new Uint8Array(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}
