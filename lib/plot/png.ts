/**
 * SVG → PNG in the process itself (npm `@resvg/resvg-wasm`), with the DejaVu
 * Sans fonts of npm `dejavu-fonts-ttf` (pinned in deno.json) and no system fonts,
 * so the same chart gives the same PNG bytes on every machine. The WebAssembly
 * module and the fonts load once, when this module is first imported.
 *
 * @module
 */

import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { THEME } from "./palette.ts";

const require = createRequire(import.meta.url);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

await initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
const FONTS = FONT_FILES.map((f) =>
  new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${f}`)))
);

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Pixels per SVG pixel (default 2: sharp on high-density screens). */
  scale?: number;
  /** Background colour (default the theme's white). */
  background?: string;
}

/** A rasterised image: PNG bytes and its size in pixels. */
export interface Png {
  /** The PNG file's bytes. */
  bytes: Uint8Array;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

/**
 * Rasterise standalone SVG markup to PNG. Deterministic: the renderer, its
 * fonts and its options are fixed, so equal SVG gives equal bytes.
 *
 * @param svg standalone SVG markup (with `xmlns`)
 * @param options scale and background
 * @returns the PNG bytes and pixel size
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgToPng } from "./png.ts";
 * const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>';
 * const png = svgToPng(svg, { scale: 1 });
 * assert.deepEqual([png.width, png.height], [4, 3]);
 * assert.deepEqual([...png.bytes.slice(1, 4)], [80, 78, 71]); // "PNG"
 * ```
 */
export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`scale must be in (0, 8], got ${scale}`);
  const resvg = new Resvg(svg, {
    background: options.background ?? THEME.background,
    fitTo: { mode: "zoom", value: scale },
    font: {
      fontBuffers: FONTS,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  try {
    const image = resvg.render();
    try {
      return { bytes: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
