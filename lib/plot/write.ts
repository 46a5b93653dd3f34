/**
 * Saving charts as files (for `results/`).
 *
 * @module
 */

import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Chart } from "./chart.ts";
import { withXmlns } from "./svg.ts";

/**
 * Write a chart's standalone SVG to `path`, creating parent folders.
 *
 * @param chart the chart, or SVG markup (`xmlns` is added when missing)
 * @param path a file path ending in `.svg`
 * @returns the path written
 */
export async function writeSvg(chart: Chart | string, path: string): Promise<string> {
  if (!path.endsWith(".svg")) throw new TypeError(`expected a path ending in .svg, got "${path}"`);
  const svg = typeof chart === "string" ? withXmlns(chart) : chart.svg;
  await mkdir(dirname(path), { recursive: true });
  await atomicWrite(path, svg);
  return path;
}

/** Write to a temporary file beside `path`, then rename: readers never see half a file. */
async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${Deno.pid}`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/**
 * Write a chart as `<base>.svg` and `<base>.png` (the PNG the notebooks show,
 * byte-identical on every machine), creating parent folders; each file is
 * written to a temporary name and renamed.
 *
 * @param chart the chart
 * @param path `<base>.svg`, `<base>.png` or `<base>` (both files are written either way)
 * @returns the two paths written
 */
export async function writeChart(
  chart: Chart,
  path: string,
): Promise<{ svg: string; png: string }> {
  const base = path.replace(/\.(svg|png)$/, "");
  const out = { svg: `${base}.svg`, png: `${base}.png` };
  await mkdir(dirname(base), { recursive: true });
  await atomicWrite(out.svg, chart.svg);
  await atomicWrite(out.png, chart.png.bytes);
  return out;
}
