/**
 * A mean curve per series with its 95% band shaded, drawn with Observable Plot
 * through lib/plot's `plot` (until lib/plot has a band option of its own).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Chart, plot } from "../../lib/plot/mod.ts";

/** A row of a banded chart. */
export interface BandRow {
  /** The series, e.g. "AMSGrad". */
  series: string;
  /** x. */
  x: number;
  /** The mean. */
  mean: number;
  /** Lower end of the band. */
  lo: number;
  /** Upper end of the band. */
  hi: number;
}

/** Mean lines with shaded 95% bands, one colour per series. */
export function bandChart(
  rows: readonly BandRow[],
  o: {
    title: string;
    subtitle?: string;
    caption?: string;
    xLabel: string;
    yLabel: string;
    xType?: "linear" | "log";
    yType?: "linear" | "log";
  },
): Chart {
  const data = [...rows];
  return plot({
    title: o.title,
    subtitle: o.subtitle,
    caption: o.caption,
    width: 640,
    height: 400,
    x: { type: o.xType ?? "linear", label: o.xLabel, grid: true },
    y: { type: o.yType ?? "linear", label: o.yLabel, grid: true },
    color: { legend: true },
    marks: [
      Plot.areaY(data, { x: "x", y1: "lo", y2: "hi", fill: "series", fillOpacity: 0.2 }),
      Plot.lineY(data, { x: "x", y: "mean", stroke: "series" }),
    ],
  });
}
