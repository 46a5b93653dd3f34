import assert from "node:assert/strict";
import { join } from "node:path";
import { lineChart } from "../../lib/plot/mod.ts";
import { notebookJson } from "./_fixtures.ts";
import { ensureBrowserTools } from "./python.ts";
import { ensureKernelspec } from "./kernelspec.ts";
import { checkRendering } from "./render.ts";

// Chromium, the classic Notebook and nbconvert come from Debian; install them when allowed.
const missing = await ensureBrowserTools().then(() => ensureKernelspec()).then(
  () => undefined,
  (e) => (e as Error).message,
);
if (missing) console.warn(`SKIPPED: ${missing}`);

/** A notebook of one cell whose only output carries `data`. */
function withOutput(data: Record<string, unknown>): string {
  const nb = JSON.parse(notebookJson([{ source: "chart", tags: ["plot"] }]));
  nb.cells[0].execution_count = 1;
  nb.cells[0].outputs = [{ output_type: "display_data", data, metadata: {} }];
  return JSON.stringify(nb);
}

Deno.test({
  name: "the browser check passes a PNG+SVG chart and catches SVG-only and HTML-twin charts",
  ignore: missing !== undefined,
  async fn() {
    const dir = await Deno.makeTempDir();
    const chart = lineChart([1, 2, 3].map((t) => ({ t, y: t * t, optimizer: "Adam" })), {
      x: "t",
      y: "y",
      series: "optimizer",
    });
    const files = {
      good: withOutput(chart.bundle()),
      svgOnly: withOutput({ "image/svg+xml": chart.svg }),
      htmlTwin: withOutput({ "image/svg+xml": chart.svg, "text/html": chart.svg }),
    };
    const paths = Object.fromEntries(Object.keys(files).map((k) => [k, join(dir, `${k}.ipynb`)]));
    for (const [k, text] of Object.entries(files)) await Deno.writeTextFile(paths[k]!, text);
    try {
      const r = await checkRendering(Object.values(paths));
      const about = (name: string, mode: string) =>
        r.problems.filter((p) => p.startsWith(`${name}.ipynb (${mode})`));
      assert.deepEqual(r.problems.filter((p) => p.startsWith("good.ipynb")), []);
      assert.equal(r.charts.filter((c) => c.notebook === paths.good).length, 2, "seen twice");
      assert.equal(about("svgOnly", "classic-untrusted").length, 1, "untrusted SVG is not shown");
      assert.equal(about("svgOnly", "nbconvert").length, 1, "nbconvert 6.5 strips inline SVG");
      assert.equal(about("htmlTwin", "classic-untrusted").length, 1, "sanitised HTML is text");
      assert.deepEqual(about("htmlTwin", "nbconvert"), [], "nbconvert keeps the HTML twin");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
