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

/**
 * Render an Observable Plot specification to a standalone SVG chart. Titles,
 * captions and legends (which Plot puts in an HTML `<figure>`) are redrawn
 * inside the SVG so the file is self-contained.
 *
 * @param options any `Plot.plot` options; `document` is supplied here
 * @returns the chart (show it with `display`, save it with `writeSvg`)
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./observable.ts";
 * const chart = plot({ marks: [Plot.lineY([1, 3, 2])] });
 * console.assert(chart.svg.startsWith("<svg"));
 * ```
 */
export function plot(options: Plot.PlotOptions): Chart {
  const element = Plot.plot({ ...options, document: serverDocument() }) as Element;
  const svg = element.tagName.toLowerCase() === "svg" ? element.outerHTML : figureToSvg(element);
  return new Chart(compactNumbers(svg));
}
