/**
 * The chart most notebooks need: y against x, one line per series, drawn from
 * tidy rows and thinned to log-spaced points first. Each series takes its
 * colour and dash from the palette; options add a 95% band, log axes, column
 * facets, point markers and a second dash grouping.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { Chart } from "./chart.ts";
import { downsampleLog } from "./downsample.ts";
import { explicitColors, frame, type LegendItem } from "./_frame.ts";
import { serverDocument } from "./dom.ts";
import { seriesOrder, type SeriesStyle, seriesStyle, seriesStyles, THEME } from "./palette.ts";
import { compactNumbers } from "./svg.ts";
import { logAxisTicks, logTickLabel, plainNumber } from "./ticks.ts";

/** Dashes given to the values of a `dash` field, in (numeric) order. */
export const DASHES: readonly string[] = ["", "7 4", "2 3", "9 3 2 3", "4 2", "1 4"];

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Field on the x axis, e.g. `"t"`. */
  x: string;
  /** Field on the y axis, e.g. `"avgRegret"`. */
  y: string;
  /** Field naming the series (one line each, palette colour and dash, in the legend). */
  series?: string;
  /**
   * A second grouping drawn as dashes, e.g. `"C"`: lines keep their series'
   * colour and take one dash per value of this field (numbers in numeric order),
   * listed in the legend as `dashLabel(value)`.
   */
  dash?: string;
  /** Legend text of a dash value (default `${field} = ${value}`). */
  dashLabel?: (value: unknown) => string;
  /** Field whose values become side-by-side panels (numbers in numeric order). */
  facet?: string;
  /** Panel title of a facet value (default `${field} = ${value}`). */
  facetLabel?: (value: unknown) => string;
  /** A band around each line, e.g. a 95% interval: fields of its lower and upper edge. */
  band?: { lo: string; hi: string };
  /** Draw a dot at every point (for sweeps with few x values). */
  marker?: boolean;
  /** `"line"` (default), or `"dot"`: dots only, for series that jump at every step. */
  mark?: "line" | "dot";
  /** Horizontal reference lines at these y values (e.g. `[0]`, or x* = −1). */
  yRules?: readonly number[];
  /** x scale type (default `"linear"`); `"log"` for runs spanning decades. */
  xType?: "linear" | "log";
  /** y scale type (default `"linear"`); `"log"` for losses; `"symlog"` is kept for old callers. */
  yType?: "linear" | "log" | "symlog";
  /** Fixed y domain, e.g. `[-1, 1]`. */
  yDomain?: [number, number];
  /** Log-spaced points kept per series before drawing (default 300; each bin's y extremes too). */
  points?: number;
  /** Style overrides by series label (default: {@link seriesStyle}). */
  styles?: Readonly<Record<string, SeriesStyle>>;
  /** Chart title, subtitle and caption (drawn inside the SVG). */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
  /** Axis labels (default: the field names). */
  xLabel?: string;
  /** y-axis label (default: the field name). */
  yLabel?: string;
  /** Size of the plot area in px (default 640 × 400; with facets, the whole row). */
  width?: number;
  /** Height in px. */
  height?: number;
}

type Row = Record<string, unknown>;

/** Distinct values of a field, numbers in numeric order, others in order of appearance. */
export function orderedValues(rows: readonly Row[], field: string): unknown[] {
  const values = [...new Set(rows.map((r) => r[field]))];
  return values.every((v) => typeof v === "number")
    ? (values as number[]).sort((a, b) => a - b)
    : values;
}

function axisFormat(type: string | undefined): (x: number) => string {
  return type === "log" ? logTickLabel : plainNumber;
}

/** Round ticks for a log y-axis over less than a factor of 30, from the drawn values. */
function narrowLogTicks(data: readonly Row[], options: LineChartOptions): number[] | undefined {
  let lo = Infinity, hi = -Infinity;
  if (options.yDomain !== undefined) {
    [lo, hi] = options.yDomain;
  } else {
    const fields = [options.y, options.band?.lo, options.band?.hi].filter((f) => f !== undefined);
    for (const r of data) {
      for (const f of fields) {
        const v = r[f as string];
        if (typeof v === "number" && v > 0 && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  return logAxisTicks(lo, hi);
}

/**
 * Draw y against x with one line per series (per series and dash value when
 * `dash` is given), in the palette's colours and dashes, with a legend.
 *
 * @param rows tidy rows, e.g. `{ optimizer, t, avgRegret }`
 * @param options fields to draw and how
 * @returns the chart
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lineChart } from "./lines.ts";
 * const rows = [1, 2, 3].map((t) => ({ t, loss: 1 / t, method: "SGD" }));
 * const chart = lineChart(rows, { x: "t", y: "loss", series: "method", yType: "log" });
 * assert.ok(chart.svg.includes(">SGD<"));
 * ```
 */
export function lineChart(rows: readonly object[], options: LineChartOptions): Chart {
  const { x, y, series, dash, facet, band, points = 300 } = options;
  const by = [series, dash, facet].filter((f): f is string => f !== undefined);
  const data = downsampleLog(rows, { x, y, by, points }) as Row[];
  const labels = series === undefined ? [""] : seriesOrder(data.map((r) => String(r[series])));
  const dashValues = dash === undefined ? [undefined] : orderedValues(data, dash);
  const dashLabel = options.dashLabel ?? ((v: unknown) => `${dash} = ${v}`);
  const palette = seriesStyles(labels);
  const style = (label: string) =>
    options.styles?.[label] ??
      (series === undefined
        ? { color: THEME.ink, dash: "" }
        : palette.get(label) ?? seriesStyle(label));
  const marks: Plot.Markish[] = [];
  for (const r of options.yRules ?? []) {
    marks.push(Plot.ruleY([r], { stroke: THEME.muted, strokeOpacity: 0.6 }));
  }
  for (const label of labels) {
    dashValues.forEach((dv, k) => {
      const part = data.filter((r) =>
        (series === undefined || String(r[series]) === label) &&
        (dash === undefined || r[dash] === dv)
      );
      if (part.length === 0) return;
      const s = style(label);
      const dasharray = dash === undefined ? s.dash : DASHES[k % DASHES.length]!;
      const common = { x, fx: facet };
      if (band) {
        marks.push(
          Plot.areaY(part, {
            ...common,
            y1: band.lo,
            y2: band.hi,
            fill: s.color,
            fillOpacity: 0.15,
          }),
        );
      }
      if (options.mark === "dot") {
        marks.push(Plot.dot(part, { ...common, y, fill: s.color, r: 1.6 }));
        return;
      }
      if (options.marker) marks.push(Plot.dot(part, { ...common, y, fill: s.color, r: 2.5 }));
      marks.push(
        Plot.lineY(part, {
          ...common,
          y,
          stroke: s.color,
          strokeWidth: 1.75,
          strokeDasharray: dasharray || undefined,
        }),
      );
    });
  }
  const facetLabel = options.facetLabel ?? ((v: unknown) => `${facet} = ${v}`);
  const yTicks = options.yType === "log" ? narrowLogTicks(data, options) : undefined;
  const svg = (Plot.plot({
    document: serverDocument(),
    width: options.width ?? 640,
    height: options.height ?? 400,
    marginLeft: 60,
    marginTop: facet === undefined ? 20 : 30,
    style: { background: THEME.background, color: THEME.ink },
    x: {
      type: options.xType ?? "linear",
      label: options.xLabel ?? x,
      tickFormat: axisFormat(options.xType),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      type: options.yType ?? "linear",
      label: options.yLabel ?? y,
      grid: true,
      domain: options.yDomain,
      ticks: yTicks,
      tickFormat: yTicks === undefined ? axisFormat(options.yType) : plainNumber,
      labelArrow: "none",
    },
    fx: facet === undefined ? undefined : {
      label: null,
      domain: orderedValues(data, facet),
      tickFormat: facetLabel,
    },
    marks,
  }) as Element).outerHTML;
  const legend: LegendItem[] = [];
  if (series !== undefined && labels.length > 0) {
    legend.push(
      ...labels.map((label) => ({ label, ...style(label), dot: options.mark === "dot" })),
    );
  }
  if (dash !== undefined) {
    dashValues.forEach((v, k) => {
      legend.push({ label: dashLabel(v), color: THEME.muted, dash: DASHES[k % DASHES.length] });
    });
  }
  return new Chart(frame({
    width: options.width ?? 640,
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    legend,
    blocks: [explicitColors(compactNumbers(svg))],
  }));
}
