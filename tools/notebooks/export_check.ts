/**
 * The browser check of an export made by {@link exportSite}: the index page
 * shows every figure (loaded, with ink) and links every notebook page, and each
 * notebook page shows every chart of its notebook.
 *
 * @module
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.ts";
import type { SiteManifest } from "./export.ts";
import { decodePng, inkFraction } from "./png_pixels.ts";
import { type ChartView, checkRendering, type RenderReport } from "./render.ts";

/**
 * @param dir an export folder (with `index.html` and `manifest.json`)
 * @param options where to keep screenshots
 * @returns the problems found and every chart seen
 */
export async function checkExport(
  dir: string,
  options: { screenshots?: string } = {},
): Promise<RenderReport> {
  const manifest = JSON.parse(
    await Deno.readTextFile(join(dir, "manifest.json")),
  ) as SiteManifest;
  const html = Object.fromEntries(manifest.notebooks.map((n) => [n.notebook, join(dir, n.page)]));
  const report = await checkRendering(manifest.notebooks.map((n) => n.notebook), {
    modes: ["nbconvert"],
    html,
    screenshots: options.screenshots && join(options.screenshots, "export"),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage(1280, 1000);
    await page.goto(pathToFileURL(resolve(join(dir, "index.html"))).href);
    await page.waitFor("[...document.images].every((i) => i.complete)", 30, "the index's images");
    const links = await page.evaluate<string[]>(
      "[...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))",
    );
    for (const n of manifest.notebooks) {
      if (!links.includes(n.page)) report.problems.push(`index.html: no link to ${n.page}`);
    }
    const count = await page.evaluate<number>("document.images.length");
    if (count !== manifest.figures.length) {
      report.problems.push(`index.html: ${count} images for ${manifest.figures.length} figures`);
    }
    for (let k = 0; k < count; k++) {
      const box = await page.evaluate<
        { x: number; y: number; width: number; height: number; ok: boolean; src: string }
      >(`(() => {
        const i = document.images[${k}]; i.scrollIntoView();
        const r = i.getBoundingClientRect();
        return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height,
          ok: i.complete && i.naturalWidth > 0, src: i.getAttribute("src") };
      })()`);
      if (!box.ok || box.width < 150 || box.height < 80) {
        report.problems.push(`index.html: ${box.src} did not load as an image`);
        continue;
      }
      const png = await page.screenshot(box);
      const ink = inkFraction(await decodePng(png));
      const view: ChartView = {
        notebook: "index.html",
        mode: "nbconvert",
        cell: k + 1,
        width: box.width,
        height: box.height,
        ink,
      };
      if (options.screenshots) {
        await mkdir(join(options.screenshots, "export"), { recursive: true });
        view.screenshot = join(options.screenshots, "export", `index-${k + 1}.png`);
        await writeFile(view.screenshot, png);
      }
      report.charts.push(view);
      if (ink < 0.005) report.problems.push(`index.html: ${box.src} is blank`);
    }
    await page.close();
  } finally {
    await browser.close();
  }
  return report;
}
