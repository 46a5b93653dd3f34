/**
 * Heatmaps of grid results: one cell per grid point, its value printed in the
 * cell (so the chart needs no hovering), panels per optimizer. Cells sit on
 * index axes (one column per distinct x, one row per distinct y), so they
 * never overlap however the grid values are spaced; tick labels give the values.
 *
 * @module
 */

import * as Plot from "@observablehq/plot";
import { Chart } from "./chart.ts";
import { explicitColors, frame } from "./_frame.ts";
import { serverDocument } from "./dom.ts";
import { orderedValues } from "./lines.ts";
import { THEME } from "./palette.ts";
import { compactNumbers, escapeXml } from "./svg.ts";
import { plainNumber } from "./ticks.ts";

type Row = Record<string, unknown>;

/** A curve drawn over a heatmap, in data coordinates (interpolated between grid values). */
export interface HeatmapCurve {
  /** Points `{ x, y }` in the units of the heatmap's x and y fields. */
  points: readonly { x: number; y: number }[];
  /** The curve's legend entry. */
  label?: string;
}

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  /** Field of the columns, e.g. `"alpha"`. */
  x: string;
  /** Field of the rows, e.g. `"beta2"`. */
  y: string;
  /** Field of the cell value, e.g. `"trainLoss"`; null, undefined or non-finite is "missing". */
  value: string;
  /** Field whose values become side-by-side panels, e.g. `"optimizer"`. */
  facet?: string;
  /** Order of the panels (default: values in order of appearance, numbers ascending). */
  facetOrder?: readonly unknown[];
  /** Column order: `"ascending"` (default) or `"descending"` numeric order of x. */
  xOrder?: "ascending" | "descending";
  /** Transform of a column's value before it is printed as a tick (e.g. `b2 => 1 - b2`). */
  xTick?: (value: number) => number;
  /** Axis labels and the colour legend's title. */
  xLabel?: string;
  /** y-axis label (default: the field name). */
  yLabel?: string;
  /** Title of the colour legend. */
  valueLabel?: string;
  /** Text of a cell (default 3 significant digits); `missing` for a missing value. */
  format?: (value: number) => string;
  /** Text of a cell without a value (default "–"), e.g. "diverged". */
  missing?: string;
  /** Colour scale: `"log"` for losses over decades (default `"linear"`). */
  colorType?: "linear" | "log";
  /** A d3 colour scheme name (default `"viridis"`; `"rdbu"` for signed values). */
  scheme?: string;
  /** Colour domain (default: the values' extent). */
  domain?: [number, number];
  /** Reverse the scheme (e.g. low loss bright). */
  reverse?: boolean;
  /** Curves over the cells, e.g. the boundary β1 = √β2. */
  curves?: readonly HeatmapCurve[];
  /** Title, subtitle and caption (inside the SVG). */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
  /** Size of one panel's cell area in px (default 56 × 36 per cell). */
  cellWidth?: number;
  /** Height of one cell in px. */
  cellHeight?: number;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Position of `v` on an index axis through sorted `values` (piecewise linear, clamped). */
function indexOf(values: readonly number[], v: number, log: boolean): number | undefined {
  const f = (u: number) => (log ? Math.log(u) : u);
  const asc = values[0]! <= values[values.length - 1]!;
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i]!, b = values[i + 1]!;
    if ((asc && v >= a && v <= b) || (!asc && v <= a && v >= b)) {
      return i + (f(v) - f(a)) / (f(b) - f(a));
    }
  }
  return undefined;
}

/** About five round tick values in [lo, hi] (log: 1, 2 and 5 times powers of ten). */
function ticksOf(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(Number(v.toPrecision(6)));
      }
    }
    return out.length > 6 ? out.filter((v) => Math.abs(Math.log10(v) % 1) < 1e-9) : out;
  }
  const raw = (hi - lo) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Number(v.toPrecision(6)));
  }
  return out;
}

/** A horizontal colour ramp (64 steps) with ticks and a title, as a standalone SVG block. */
function colorRamp(
  color: (v: number) => string,
  [lo, hi]: [number, number],
  log: boolean,
  label: string,
): string {
  const width = 260, left = 10, top = 16, bar = 10, n = 64;
  const at = (u: number) => (log ? lo * (hi / lo) ** u : lo + (hi - lo) * u);
  const pos = (v: number) =>
    left + width * (log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo));
  let out = `<text x="${left}" y="11" font-size="10" font-weight="bold" fill="${THEME.ink}">${
    escapeXml(label)
  }</text>`;
  for (let k = 0; k < n; k++) {
    out += `<rect x="${left + (width * k) / n}" y="${top}" width="${width / n + 0.5}" ` +
      `height="${bar}" fill="${color(at((k + 0.5) / n))}"/>`;
  }
  for (const t of ticksOf(lo, hi, log)) {
    const x = pos(t).toFixed(1);
    out += `<line x1="${x}" x2="${x}" y1="${top + bar}" y2="${
      top + bar + 4
    }" stroke="${THEME.ink}"/>`;
    out += `<text x="${x}" y="${
      top + bar + 15
    }" font-size="10" text-anchor="middle" fill="${THEME.ink}">${escapeXml(plainNumber(t))}</text>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${
    left + width + 20
  }" height="50">${out}</svg>`;
}

/** Black or white text, whichever reads on `color` (`#rrggbb` or `rgb(r, g, b)`). */
function inkOn(color: string): string {
  const rgb = color.startsWith("#")
    ? [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
    : (color.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((c) => c! / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.5 ? THEME.ink : THEME.background;
}

/**
 * A heatmap: one cell per (x, y) grid point, coloured by and labelled with its
 * value, with optional panels and curves.
 *
 * @param cells tidy rows, one per grid point (and panel)
 * @param options fields and look
 * @returns the chart
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { heatmap } from "./heatmap.ts";
 * const cells = [0.01, 0.1].flatMap((alpha) =>
 *   [0.99, 0.999].map((beta2) => ({ alpha, beta2, loss: alpha + beta2 }))
 * );
 * const chart = heatmap(cells, { x: "alpha", y: "beta2", value: "loss" });
 * assert.ok(chart.svg.includes(">1.00<") || chart.svg.includes(">1<"));
 * ```
 */
export function heatmap(cells: readonly object[], options: HeatmapOptions): Chart {
  const rows = cells as readonly Row[];
  const { x, y, value, facet } = options;
  const xs = orderedValues(rows, x) as number[];
  if (options.xOrder === "descending") xs.reverse();
  const ys = orderedValues(rows, y) as number[];
  const values = rows.map((r) => r[value]).filter(finite);
  const log = options.colorType === "log";
  const domain = options.domain ??
    [Math.min(...values), Math.max(...values)] as [number, number];
  const colorOptions = {
    type: log ? "log" : "linear",
    scheme: (options.scheme ?? "viridis") as Plot.ColorScheme,
    domain,
    reverse: options.reverse,
  } as const;
  const color = Plot.scale({ color: colorOptions });
  const format = options.format ?? ((v: number) => plainNumber(Number(v.toPrecision(3))));
  const data = rows.map((r) => {
    const v = r[value];
    const fill = finite(v) ? String(color.apply(v)) : THEME.missing;
    return {
      i: xs.indexOf(r[x] as number),
      j: ys.indexOf(r[y] as number),
      fx: facet === undefined ? undefined : r[facet],
      fill,
      ink: finite(v) ? inkOn(fill) : THEME.muted,
      text: finite(v) ? format(v) : options.missing ?? "–",
    };
  });
  const panels = facet === undefined
    ? 1
    : (options.facetOrder ?? orderedValues(rows, facet)).length;
  const cw = options.cellWidth ?? 56, ch = options.cellHeight ?? 36;
  const marginLeft = 70, marginBottom = 40, marginTop = facet === undefined ? 10 : 28;
  const width = marginLeft + panels * xs.length * cw + (panels - 1) * 16 + 10;
  const height = marginTop + ys.length * ch + marginBottom;
  const fxOpt = facet === undefined ? {} : { fx: "fx" };
  const xTick = options.xTick ?? ((v: number) => v);
  const marks: Plot.Markish[] = [
    Plot.rect(data, {
      x1: (d) => d.i - 0.5,
      x2: (d) => d.i + 0.5,
      y1: (d) => d.j - 0.5,
      y2: (d) => d.j + 0.5,
      fill: "fill",
      inset: 0.5,
      ...fxOpt,
    }),
    Plot.text(data, { x: "i", y: "j", text: "text", fill: "ink", fontSize: 10, ...fxOpt }),
  ];
  for (const curve of options.curves ?? []) {
    const pts = curve.points
      .map((p) => ({ i: indexOf(xs, p.x, true), j: indexOf(ys, p.y, false) }))
      .filter((p): p is { i: number; j: number } => p.i !== undefined && p.j !== undefined);
    marks.push(
      Plot.line(pts, { x: "i", y: "j", stroke: THEME.ink, strokeWidth: 2, strokeDasharray: "6 3" }),
    );
  }
  const svg = (Plot.plot({
    document: serverDocument(),
    width,
    height,
    marginLeft,
    marginBottom,
    marginTop,
    marginRight: 10,
    style: { background: THEME.background, color: THEME.ink },
    x: {
      domain: [-0.5, xs.length - 0.5],
      ticks: xs.map((_, i) => i),
      tickFormat: (i: number) => plainNumber(xTick(xs[i]!)),
      label: options.xLabel ?? x,
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [-0.5, ys.length - 0.5],
      ticks: ys.map((_, j) => j),
      tickFormat: (j: number) => plainNumber(ys[j]!),
      label: options.yLabel ?? y,
      labelArrow: "none",
    },
    fx: facet === undefined ? undefined : {
      label: null,
      domain: options.facetOrder ?? orderedValues(rows, facet),
      padding: 0.06,
    },
    marks,
  }) as Element).outerHTML;
  const ramp = colorRamp((v) => String(color.apply(v)), domain, log, options.valueLabel ?? value);
  return new Chart(frame({
    width,
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    legend: (options.curves ?? []).filter((c) => c.label)
      .map((c) => ({ label: c.label!, color: THEME.ink, dash: "6 3" })),
    blocks: [ramp, explicitColors(compactNumbers(svg))],
  }));
}

/** Options of {@link phaseDiagramChart}. */
export interface PhaseDiagramOptions {
  /** Field of the value (default `"x"`, the final iterate). */
  value?: string;
  /** Colour domain (default [−1, 1], the feasible set of the online problem). */
  domain?: [number, number];
  /** Title, subtitle and caption. */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
  /** Legend title of the value (default "x_T"). */
  valueLabel?: string;
}

/**
 * Adam's phase diagram: cells `{ beta1, beta2, x }`, columns by 1 − β2 (large to
 * small, left to right), rows by β1, coloured red (x_T = 1, the worst point)
 * to blue (x_T = −1, the optimum), with the curve β1 = √β2 (above it, γ = β1²/β2 > 1).
 *
 * @param cells one row per (β1, β2), e.g. from `phaseDiagram()`
 * @param options value field and texts
 * @returns the chart
 */
export function phaseDiagramChart(
  cells: readonly { beta1: number; beta2: number }[],
  options: PhaseDiagramOptions = {},
): Chart {
  const beta2s = [...new Set(cells.map((c) => c.beta2))].sort((a, b) => a - b);
  const lo = beta2s[0] ?? 0.5, hi = beta2s[beta2s.length - 1] ?? 0.9999;
  const points = Array.from({ length: 200 }, (_, k) => {
    const beta2 = 1 - (1 - lo) * ((1 - hi) / (1 - lo)) ** (k / 199);
    return { x: beta2, y: Math.sqrt(beta2) };
  });
  return heatmap(cells, {
    x: "beta2",
    y: "beta1",
    value: options.value ?? "x",
    xTick: (b2) => Number((1 - b2).toPrecision(6)),
    xLabel: "1 − β2",
    yLabel: "β1",
    valueLabel: options.valueLabel ?? "x_T",
    scheme: "rdbu",
    domain: options.domain ?? [-1, 1],
    reverse: true,
    format: (v) => v.toFixed(2).replace("-", "−"),
    curves: [{ points, label: "β1 = √β2" }],
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption ??
      "The dashed curve β1 = √β2 is placed between the grid's cells by interpolation " +
        "(linear in β1, logarithmic in 1 − β2).",
  });
}

/** Options of {@link gridHeatmap}. */
export interface GridHeatmapOptions {
  /** Field of the value (default `"trainLoss"`). */
  value?: string;
  /** Field naming the optimizer (default `"optimizer"`); one panel each. */
  optimizer?: string;
  /** Legend title (default "final training loss"). */
  valueLabel?: string;
  /** Text of a cell without a value (default "diverged"). */
  missing?: string;
  /** Title, subtitle and caption. */
  title?: string;
  /** Smaller text under the title. */
  subtitle?: string;
  /** Text under the chart. */
  caption?: string;
}

/**
 * Figure 2's grid: one panel per optimizer, cells (α, β2) coloured on a log
 * scale by the final loss (dark = low), each labelled with its value.
 *
 * @param cells rows `{ optimizer, alpha, beta2, trainLoss }` (null loss = diverged)
 * @param options value field and texts
 * @returns the chart
 */
export function gridHeatmap(cells: readonly object[], options: GridHeatmapOptions = {}): Chart {
  const optimizer = options.optimizer ?? "optimizer";
  const rows = (cells as readonly Row[]).map((r) => ({ ...r, beta2: Number(r.beta2) }));
  return heatmap(rows, {
    x: "alpha",
    y: "beta2",
    value: options.value ?? "trainLoss",
    facet: optimizer,
    xLabel: "α",
    yLabel: "β2",
    valueLabel: options.valueLabel ?? "final training loss",
    missing: options.missing ?? "diverged",
    colorType: "log",
    scheme: "viridis",
    format: (v) => plainNumber(Number(v.toPrecision(3))),
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
  });
}
