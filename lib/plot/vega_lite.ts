/**
 * Vega-Lite charts: the spec for frontends that render it interactively
 * (`application/vnd.vegalite.v5+json`) plus a server-rendered SVG fallback
 * (vega View with renderer "none", `toSVG`) in the same display bundle.
 *
 * @module
 */

import * as vega from "vega";
import * as vl from "vega-lite";
import { Chart } from "./chart.ts";
import { compactNumbers } from "./svg.ts";
import { explicitColors } from "./_frame.ts";
import { THEME } from "./palette.ts";

/** The Vega-Lite version whose MIME type and schema the bundle declares. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Explicit colours for Vega-Lite (white background, dark ink), merged under a
 * spec's own `config`, so the interactive chart and its SVG/PNG read in dark themes.
 */
export const VEGA_LITE_CONFIG = {
  background: THEME.background,
  font: THEME.font,
  title: { color: THEME.ink, subtitleColor: THEME.muted },
  axis: {
    labelColor: THEME.ink,
    titleColor: THEME.ink,
    domainColor: THEME.ink,
    tickColor: THEME.ink,
    gridColor: THEME.grid,
  },
  legend: { labelColor: THEME.ink, titleColor: THEME.ink },
  header: { labelColor: THEME.ink, titleColor: THEME.ink },
} as const;

/**
 * Compile and render a Vega-Lite spec on the server. The display bundle leads
 * with the spec (`application/vnd.vegalite.v5+json`, drawn interactively by
 * JupyterLab and VS Code), then the PNG and SVG renderings for every other
 * frontend. {@link VEGA_LITE_CONFIG} is merged under the spec's `config`; use
 * `colorScale`/`dashScale` from the palette for optimizer colours.
 *
 * @param spec a Vega-Lite (v5) specification with inline data (`data.values`)
 * @returns a chart whose bundle holds the spec and its SVG rendering
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { vegaLite } from "./vega_lite.ts";
 * const chart = await vegaLite({
 *   data: { values: [{ t: 1, loss: 2 }, { t: 2, loss: 1 }] },
 *   mark: "line",
 *   encoding: { x: { field: "t", type: "quantitative" }, y: { field: "loss", type: "quantitative" } },
 * });
 * assert.ok(chart.svg.includes("<svg"));
 * ```
 */
export async function vegaLite(spec: vl.TopLevelSpec): Promise<Chart> {
  const own = (spec as { config?: Record<string, unknown> }).config ?? {};
  const full = {
    $schema: SCHEMA,
    ...spec,
    config: { ...VEGA_LITE_CONFIG, ...own },
  } as vl.TopLevelSpec;
  let compiled;
  try {
    compiled = vl.compile(full).spec;
  } catch (e) {
    throw new TypeError(`invalid Vega-Lite spec: ${(e as Error).message}`);
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return new Chart(explicitColors(compactNumbers(svg)), { [VEGA_LITE_MIME]: full });
  } finally {
    view.finalize();
  }
}
