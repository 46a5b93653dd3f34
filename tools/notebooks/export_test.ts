import assert from "node:assert/strict";
import { join } from "node:path";
import { notebookJson } from "./_fixtures.ts";
import { exportSite } from "./export.ts";
import { ensureJupyterClient } from "./python.ts";

const missing = await ensureJupyterClient({ html: true }).then(
  () => undefined,
  (e) => (e as Error).message,
);
if (missing) console.warn(`SKIPPED: ${missing}`);

Deno.test({
  name: "the export holds every notebook page and each figure once (PNG over SVG), indexed",
  ignore: missing !== undefined,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const results = join(dir, "results"), site = join(dir, "site");
      await Deno.mkdir(results);
      for (const f of ["a.svg", "a.png", "b.svg", "notes.md"]) {
        await Deno.writeTextFile(join(results, f), "x");
      }
      const nb = JSON.parse(notebookJson([{ source: "1 + 1" }]));
      nb.cells.unshift({ id: "t", cell_type: "markdown", metadata: {}, source: "# A <title>" });
      await Deno.writeTextFile(join(dir, "01_x.ipynb"), JSON.stringify(nb));
      const manifest = await exportSite([join(dir, "01_x.ipynb")], site, results);
      assert.deepEqual(manifest.figures, ["figures/a.png", "figures/b.svg"]);
      assert.deepEqual(manifest.notebooks, [{
        notebook: join(dir, "01_x.ipynb"),
        page: "notebooks/01_x.html",
      }]);
      const index = await Deno.readTextFile(join(site, "index.html"));
      assert.match(index, /<a href="notebooks\/01_x.html">A &lt;title&gt;<\/a>/);
      assert.match(index, /<img src="figures\/a.png"/);
      assert.doesNotMatch(index, /figures\/a.svg/);
      assert.ok((await Deno.stat(join(site, "notebooks", "01_x.html"))).isFile);
      assert.deepEqual(
        JSON.parse(await Deno.readTextFile(join(site, "manifest.json"))),
        manifest,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
