/**
 * The WebAssembly side of the kernels: assembles {@link GEMM_WAT} once, at
 * module load (npm `wabt`, about 20 ms), and lends its linear memory out as a
 * scratch workspace. Everything that calls into the module copies its operands
 * into that workspace first, so no caller's array ever has to live in it.
 *
 * @module
 */
import wabtInit from "wabt";
import { GEMM_WAT } from "./_gemm_wat.ts";

function assemble(): WebAssembly.Instance {
  const parsed = wabt.parseWat("gemm.wat", GEMM_WAT, { simd: true, relaxed_simd: true });
  try {
    parsed.validate();
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    return new WebAssembly.Instance(new WebAssembly.Module(bytes));
  } finally {
    parsed.destroy();
  }
}

const wabt = await wabtInit();
const instance = assemble();
const memory = instance.exports.memory as WebAssembly.Memory;

/** The micro-kernel; see `_gemm_wat.ts` for its arguments (byte addresses and strides). */
export const gemmKernel = instance.exports.gemm as (
  a: number,
  rsA: number,
  csA: number,
  b: number,
  rsB: number,
  panelB: number,
  k: number,
  c: number,
  ldc: number,
  mBlocks: number,
  nPanels: number,
) => void;

const PAGE = 65536;
let view = new Float32Array(memory.buffer);

/**
 * The workspace as floats, grown to hold at least `floats` of them. Growing
 * replaces the buffer, so take the view again after every call.
 */
export function workspace(floats: number): Float32Array {
  const bytes = floats * 4;
  if (bytes > memory.buffer.byteLength) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
  return view;
}
