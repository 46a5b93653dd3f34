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

/** The Vega-Lite version whose MIME type and schema the bundle declares. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Compile and render a Vega-Lite spec on the server.
 *
 * @param spec a Vega-Lite (v5) specification with inline data (`data.values`)
 * @returns a chart whose bundle holds the spec and its SVG rendering
 * @example
 * ```ts
 * import { vegaLite } from "./vega_lite.ts";
 * const chart = await vegaLite({
 *   data: { values: [{ t: 1, loss: 2 }, { t: 2, loss: 1 }] },
 *   mark: "line",
 *   encoding: { x: { field: "t", type: "quantitative" }, y: { field: "loss", type: "quantitative" } },
 * });
 * console.assert(chart.svg.includes("<svg"));
 * ```
 */
export async function vegaLite(spec: vl.TopLevelSpec): Promise<Chart> {
  const full = { $schema: SCHEMA, ...spec } as vl.TopLevelSpec;
  let compiled;
  try {
    compiled = vl.compile(full).spec;
  } catch (e) {
    throw new TypeError(`invalid Vega-Lite spec: ${(e as Error).message}`);
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return new Chart(compactNumbers(svg), { [VEGA_LITE_MIME]: full });
  } finally {
    view.finalize();
  }
}
