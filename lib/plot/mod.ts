/**
 * Charts from tidy rows that show in every notebook frontend and in `results/`.
 * Observable Plot and Vega-Lite render on the server (linkedom, vega's "none"
 * renderer) to standalone SVG with explicit colours on a white background; the
 * SVG is rasterised in-process (resvg, bundled DejaVu fonts) to a PNG that is
 * byte-identical on every machine. This module knows nothing about training:
 * give it row objects.
 *
 * What a chart's display output carries, and who shows what:
 *
 * | MIME type | shown by |
 * |---|---|
 * | `application/vnd.vegalite.v5+json` (Vega-Lite charts only) | JupyterLab, VS Code: interactive |
 * | `image/png` | untrusted classic Notebook, GitHub, nbconvert HTML, everyone as fallback |
 * | `image/svg+xml` | trusted classic Notebook, JupyterLab |
 *
 * The API:
 * - Line charts: {@link lineChart} (options: `series`, `dash`, `facet`, `band`
 *   for a 95% interval from `lo`/`hi` fields, `marker`, `yRules`, `xType`/`yType`
 *   `"log"`, `yDomain`, texts); {@link theorem1Chart} (faceted or dashed by C,
 *   numeric order); {@link alphaSweepChart} (final value against α per schedule).
 * - Heatmaps: {@link heatmap} (any grid, value printed in each cell),
 *   {@link gridHeatmap} (Figure 2's (α, β2) grid per optimizer),
 *   {@link phaseDiagramChart} ((β1, 1 − β2) cells with the curve β1 = √β2).
 * - Look: {@link OPTIMIZER_STYLES}, {@link seriesStyle}, {@link seriesStyles}, {@link seriesOrder},
 *   {@link colorScale}, {@link dashScale} (one colour and dash per optimizer
 *   label, everywhere), {@link THEME}; tick labels {@link plainNumber},
 *   {@link logTickLabel} (no SI prefixes).
 * - Any spec: {@link plot} (Observable Plot), {@link vegaLite} (Vega-Lite; the
 *   bundle leads with the spec, then PNG and SVG).
 * - Output: {@link display} (one output with PNG drawn at the SVG's size),
 *   {@link writeChart} (`.svg` and `.png`), {@link writeSvg}, {@link svgToPng}.
 *
 * A notebook cell (Deno kernel; the notebook lives in `notebooks/`):
 *
 * ```ts ignore
 * import { display, lineChart } from "../lib/plot/mod.ts";
 *
 * const rows = runs; // e.g. [{ optimizer: "Adam", t: 1, avgRegret: 0.3 }, ...]
 * await display(lineChart(rows, {
 *   x: "t", y: "avgRegret", series: "optimizer", xType: "log", yType: "log",
 * }));
 * ```
 *
 * Tag such a cell `plot` (cell metadata `"tags": ["plot"]`): the notebook
 * runner then checks it produced a chart (PNG and SVG). Long runs are thinned
 * by `downsampleLog` (log-spaced x), which `lineChart` applies by itself.
 *
 * @module
 */

export { Chart, type ChartOptions } from "./chart.ts";
export { display, type Displayable, inJupyter, type MimeBundle } from "./jupyter.ts";
export { downsampleLog, type DownsampleOptions, logSpacedIndices } from "./downsample.ts";
export { plot } from "./observable.ts";
export { DASHES, lineChart, type LineChartOptions } from "./lines.ts";
export {
  alphaSweepChart,
  type AlphaSweepOptions,
  theorem1Chart,
  type Theorem1ChartOptions,
} from "./charts.ts";
export {
  gridHeatmap,
  type GridHeatmapOptions,
  heatmap,
  type HeatmapCurve,
  type HeatmapOptions,
  phaseDiagramChart,
  type PhaseDiagramOptions,
} from "./heatmap.ts";
export {
  colorScale,
  dashScale,
  OPTIMIZER_STYLES,
  seriesOrder,
  type SeriesStyle,
  seriesStyle,
  THEME,
} from "./palette.ts";
export { logAxisTicks, logTickLabel, plainNumber } from "./ticks.ts";
export { type Png, type PngOptions, svgToPng } from "./png.ts";
export { VEGA_LITE_CONFIG, VEGA_LITE_MIME, vegaLite } from "./vega_lite.ts";
export { writeChart, writeSvg } from "./write.ts";
export { compactNumbers, withXmlns } from "./svg.ts";
