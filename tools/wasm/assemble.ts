/**
 * WebAssembly text to bytes with npm `wabt` (SIMD on), for `tools/wasm.ts` and
 * the test that checks the committed bytes.
 *
 * @module
 */
import wabtInit from "wabt";

/** Assembles and validates `wat`; `name` appears in error messages. */
export async function assembleWat(name: string, wat: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(name, wat, { simd: true });
  try {
    parsed.validate();
    return new Uint8Array(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}
