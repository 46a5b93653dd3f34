/**
 * Ready-made charts for the paper's synthetic experiments, built on
 * {@link lineChart}: the α sweep and Theorem 1's counterexample.
 *
 * @module
 */

import type { Chart } from "./chart.ts";
import { lineChart } from "./lines.ts";

/** Options of {@link alphaSweepChart}. */
export interface AlphaSweepOptions {
  /** Field of the value drawn against α (default `"x"`, the final iterate). */
  y?: string;
  /** y-axis label (default "x_T"). */
  yLabel?: string;
  /** Fixed y domain (default [−1, 1] when y is `"x"`). */
  yDomain?: [number, number];
  /** Panel title of a schedule (default: "α_t = α" for constant, "α_t = α/√t" for invsqrt). */
  scheduleLabel?: (schedule: unknown) => string;
  /** Title, subtitle and caption. */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
}

const SCHEDULES: Record<string, string> = { constant: "α_t = α", invsqrt: "α_t = α/√t" };

/**
 * The α sweep: the final value of each optimizer against α (log axis, one dot
 * per run), one panel per step-size schedule.
 *
 * @param cells rows `{ optimizer, schedule, alpha, x }`, e.g. from `alphaSweep()`
 * @param options value field and texts
 * @returns the chart
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { alphaSweepChart } from "./charts.ts";
 * const cells = [0.01, 0.1, 1].flatMap((alpha) =>
 *   ["Adam", "AMSGrad"].map((optimizer) => ({ optimizer, schedule: "constant", alpha, x: 0 }))
 * );
 * assert.ok(alphaSweepChart(cells).svg.includes("α_t = α"));
 * ```
 */
export function alphaSweepChart(cells: readonly object[], options: AlphaSweepOptions = {}): Chart {
  const y = options.y ?? "x";
  return lineChart(cells, {
    x: "alpha",
    y,
    series: "optimizer",
    facet: "schedule",
    facetLabel: options.scheduleLabel ?? ((s) => SCHEDULES[String(s)] ?? String(s)),
    marker: true,
    xType: "log",
    xLabel: "α",
    yLabel: options.yLabel ?? (y === "x" ? "x_T" : y),
    yDomain: options.yDomain ?? (y === "x" ? [-1, 1] : undefined),
    width: 720,
    height: 300,
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
  });
}

/** Options of {@link theorem1Chart}. */
export interface Theorem1ChartOptions {
  /** `"facet"` (default): one panel per C; `"dash"`: one panel, one dash per C. */
  layout?: "facet" | "dash";
  /** Field of the value (default `"x"`). */
  y?: string;
  /** y-axis label (default "x_t"). */
  yLabel?: string;
  /** Title, subtitle and caption. */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
}

/**
 * Theorem 1's iterates for several C: x_t against t (log axis), coloured by
 * optimizer, with C in numeric order (panels, or dashes in one panel), and
 * the optimum x* = −1 drawn as a reference line.
 *
 * @param rows tidy rows `{ optimizer, C, t, x }` (C a number)
 * @param options layout and texts
 * @returns the chart
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { theorem1Chart } from "./charts.ts";
 * const rows = [10, 3].flatMap((C) => [1, 2].map((t) => ({ optimizer: "Adam", C, t, x: 1 })));
 * const svg = theorem1Chart(rows).svg;
 * assert.ok(svg.indexOf("C = 3") < svg.indexOf("C = 10"));
 * ```
 */
export function theorem1Chart(rows: readonly object[], options: Theorem1ChartOptions = {}): Chart {
  const y = options.y ?? "x";
  const dashed = options.layout === "dash";
  return lineChart(rows, {
    x: "t",
    y,
    series: "optimizer",
    ...(dashed ? { dash: "C" } : { facet: "C" }),
    xType: "log",
    yRules: y === "x" ? [-1] : undefined,
    yLabel: options.yLabel ?? (y === "x" ? "x_t" : y),
    width: dashed ? 640 : 900,
    height: dashed ? 400 : 280,
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
  });
}
