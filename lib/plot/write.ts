/**
 * Saving charts as files (for `results/`).
 *
 * @module
 */

import { mkdir, writeFile } from "node:fs/promises";
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
  await writeFile(path, svg);
  return path;
}
