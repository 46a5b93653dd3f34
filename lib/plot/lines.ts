/**
 * The chart most notebooks need: y against x, one line per series, drawn from
 * tidy rows and thinned to log-spaced points first.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import type { Chart } from "./chart.ts";
import { downsampleLog } from "./downsample.ts";
import { plot } from "./observable.ts";

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Field on the x axis, e.g. `"t"`. */
  x: string;
  /** Field on the y axis, e.g. `"avgRegret"`. */
  y: string;
  /** Field naming the series (one coloured line each, with a legend), e.g. `"optimizer"`. */
  series?: string;
  /** x scale type (default `"linear"`); `"log"` for runs spanning decades. */
  xType?: "linear" | "log";
  /** y scale type (default `"linear"`); `"symlog"` handles negative regret on a log-like axis. */
  yType?: "linear" | "log" | "symlog";
  /** Log-spaced points kept per series before drawing (default 300; each bin's y extremes too). */
  points?: number;
  /** Chart title, subtitle and caption (drawn inside the SVG). */
  title?: string;
  /** @see title */
  subtitle?: string;
  /** @see title */
  caption?: string;
  /** Axis labels (default: the field names). */
  xLabel?: string;
  /** @see xLabel */
  yLabel?: string;
  /** Size in px (default 640 × 400). */
  width?: number;
  /** @see width */
  height?: number;
}

/**
 * Draw y against x with one line per series.
 *
 * @param rows tidy rows, e.g. `{ optimizer, t, avgRegret }`
 * @param options fields to draw and how
 * @returns the chart
 * @example
 * ```ts
 * import { lineChart } from "./lines.ts";
 * const rows = [1, 2, 3].map((t) => ({ t, loss: 1 / t, method: "sgd" }));
 * const chart = lineChart(rows, { x: "t", y: "loss", series: "method" });
 * console.assert(chart.svg.includes("sgd"));
 * ```
 */
export function lineChart(rows: readonly object[], options: LineChartOptions): Chart {
  const { x, y, series, points = 300 } = options;
  const data = downsampleLog(rows, { x, y, by: series, points });
  return plot({
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    width: options.width,
    height: options.height,
    x: { type: options.xType ?? "linear", label: options.xLabel ?? x },
    y: { type: options.yType ?? "linear", label: options.yLabel ?? y, grid: true },
    color: series === undefined ? undefined : { legend: true },
    marks: [Plot.lineY(data, { x, y, stroke: series, z: series })],
  });
}
