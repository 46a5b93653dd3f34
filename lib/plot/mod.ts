/**
 * Charts from tidy rows, shown inline in Jupyter and saved as standalone SVG.
 * Observable Plot and Vega-Lite render on the server (linkedom, vega's "none"
 * renderer); a chart is ONE display output carrying `image/svg+xml` and
 * `text/html` (and, for Vega-Lite, the spec). This module knows nothing about
 * optimizers or training: give it any row objects.
 *
 * A notebook cell (Deno kernel; the notebook lives in `notebooks/`):
 *
 * ```ts ignore
 * import { display, lineChart, writeSvg } from "../lib/plot/mod.ts";
 *
 * const quick = Deno.env.get("AMSGRAD_QUICK") === "1"; // set by `deno task notebooks --quick`
 * const rows = runs; // e.g. [{ optimizer: "adam", t: 1, avgRegret: 0.3 }, ...]
 * const chart = lineChart(rows, { x: "t", y: "avgRegret", series: "optimizer", xType: "log" });
 * await display(chart); // or make `chart` the cell's last expression
 * if (!quick) await writeSvg(chart, "../results/figure1_regret.svg"); // quick runs leave results/ alone
 * ```
 *
 * Tag such a cell `plot` (cell metadata `"tags": ["plot"]`): the notebook
 * runner then checks it produced an SVG. Any Observable Plot spec works through
 * `plot({ marks: [...] })`, and any Vega-Lite spec through `await vegaLite(spec)`.
 * Long runs are thinned by `downsampleLog` (log-spaced x), which `lineChart`
 * applies by itself.
 *
 * @module
 */

export { Chart } from "./chart.ts";
export { display, type Displayable, inJupyter, type MimeBundle } from "./jupyter.ts";
export { downsampleLog, type DownsampleOptions, logSpacedIndices } from "./downsample.ts";
export { plot } from "./observable.ts";
export { lineChart, type LineChartOptions } from "./lines.ts";
export { VEGA_LITE_MIME, vegaLite } from "./vega_lite.ts";
export { writeSvg } from "./write.ts";
export { compactNumbers, withXmlns } from "./svg.ts";
