/**
 * Observable Plot rendered on the server (linkedom), returned as a `Chart`.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { Chart } from "./chart.ts";
import { serverDocument } from "./dom.ts";
import { figureToSvg } from "./_figure_svg.ts";
import { compactNumbers } from "./svg.ts";
import { explicitColors, frame } from "./_frame.ts";

/**
 * Render an Observable Plot specification to a standalone SVG chart. Titles,
 * captions and legends (which Plot puts in an HTML `<figure>`) are redrawn
 * inside the SVG so the file is self-contained; the background is white and
 * `currentColor` becomes the theme's ink, so the chart reads in dark themes.
 *
 * @param options any `Plot.plot` options; `document` is supplied here
 * @returns the chart (show it with `display`, save it with `writeSvg`)
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./observable.ts";
 * import assert from "node:assert/strict";
 * const chart = plot({ marks: [Plot.lineY([1, 3, 2])] });
 * assert.ok(chart.svg.startsWith("<svg"));
 * ```
 */
export function plot(options: Plot.PlotOptions): Chart {
  const element = Plot.plot({ ...options, document: serverDocument() }) as Element;
  const svg = element.tagName.toLowerCase() === "svg"
    ? frame({ width: Number(element.getAttribute("width")), blocks: [element.outerHTML] })
    : figureToSvg(element);
  return new Chart(explicitColors(compactNumbers(svg)));
}
