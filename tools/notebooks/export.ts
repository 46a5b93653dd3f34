/**
 * A browsable export: every notebook as nbconvert HTML (charts as PNG) and
 * every figure of `results/`, in one folder with an `index.html` that links
 * the notebooks and shows the figures. `manifest.json` lists which page came
 * from which notebook, for the browser check.
 *
 * @module
 */

import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { exportHtml } from "./html.ts";

/** What {@link exportSite} wrote. */
export interface SiteManifest {
  /** Notebook pages: the notebook's absolute path and its page, relative to the folder. */
  notebooks: { notebook: string; page: string }[];
  /** Figures copied from results/, relative to the folder. */
  figures: string[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The first markdown heading of a notebook, or its file name. */
async function titleOf(notebook: string): Promise<string> {
  const nb = JSON.parse(await Deno.readTextFile(notebook));
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source);
    const heading = text.match(/^#\s+(.+)$/m);
    if (heading) return heading[1]!.trim();
  }
  return basename(notebook);
}

/**
 * Export notebooks (as they are, outputs included) and results figures into `dir`.
 *
 * @param notebooks `.ipynb` files with outputs
 * @param dir the folder to write (created; existing files with the same names are replaced)
 * @param results the folder whose `.svg` and `.png` figures are copied (e.g. `results/`)
 * @returns the manifest (also written as `dir/manifest.json`)
 */
export async function exportSite(
  notebooks: readonly string[],
  dir: string,
  results: string,
): Promise<SiteManifest> {
  await mkdir(join(dir, "notebooks"), { recursive: true });
  await mkdir(join(dir, "figures"), { recursive: true });
  const manifest: SiteManifest = { notebooks: [], figures: [] };
  const items: string[] = [];
  for (const nb of notebooks) {
    const page = `notebooks/${basename(nb).replace(/\.ipynb$/, ".html")}`;
    await exportHtml(nb, join(dir, page));
    manifest.notebooks.push({ notebook: resolve(nb), page });
    items.push(
      `<li><a href="${escapeHtml(page)}">${escapeHtml(await titleOf(nb))}</a> ` +
        `<code>${escapeHtml(basename(nb))}</code></li>`,
    );
  }
  const files = (await readdir(results).catch(() => [] as string[]))
    .filter((f) => /\.(svg|png)$/.test(f)).sort();
  // a figure written as both .svg and .png is shown once, as PNG (identical in every browser)
  const shown = files.filter((f) =>
    !(f.endsWith(".svg") && files.includes(f.replace(/svg$/, "png")))
  );
  const figures: string[] = [];
  for (const f of shown) {
    await copyFile(join(results, f), join(dir, "figures", f));
    manifest.figures.push(`figures/${f}`);
    figures.push(
      `<figure><img src="figures/${escapeHtml(f)}" alt="${escapeHtml(f)}">` +
        `<figcaption><code>results/${escapeHtml(f)}</code></figcaption></figure>`,
    );
  }
  const index = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>On the Convergence of Adam and Beyond: notebooks and figures</title>
<style>
  body { background: #ffffff; color: #1f1f1f; font-family: system-ui, sans-serif;
    max-width: 1000px; margin: 2em auto; padding: 0 1em; }
  figure { margin: 1.5em 0; } img { max-width: 100%; border: 1px solid #dddddd; }
  figcaption { color: #555555; font-size: 0.9em; }
</style></head>
<body>
<h1>On the Convergence of Adam and Beyond: a reproduction</h1>
<p>Exported by <code>deno task notebooks --html</code>: the committed notebooks with their
outputs, and the figures of <code>results/</code> written by <code>deno task reproduce</code>.</p>
<h2>Notebooks</h2>
<ul>
${items.join("\n")}
</ul>
<h2>Figures</h2>
${figures.join("\n")}
</body></html>
`;
  await writeFile(join(dir, "index.html"), index);
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
  return manifest;
}
