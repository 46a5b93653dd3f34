/**
 * Are the charts visible where readers look? Each notebook is opened in
 * headless Chromium the ways readers see it: in the classic Notebook,
 * UNTRUSTED (a fresh clone), and as nbconvert's HTML export. Every output that
 * carries a picture (PNG, JPEG, SVG, or HTML with an SVG or image) must show
 * as an image of at least 150 × 80 px that has loaded and has ink on it (≥ 0.5%
 * of its pixels differ from white; a chart's axes and labels alone give about
 * 1%): an SVG stripped to bare text, a sanitised HTML twin or a blank image fails.
 *
 * @module
 */

import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, launchChromium, type Page } from "./chromium.ts";
import { startClassicServer } from "./classic.ts";
import { exportHtml } from "./html.ts";
import { decodePng, inkFraction } from "./png_pixels.ts";

/** How a notebook is viewed. */
export type ViewMode = "classic-untrusted" | "nbconvert";

/** One chart as seen in the browser. */
export interface ChartView {
  /** The notebook file. */
  notebook: string;
  /** How it was viewed. */
  mode: ViewMode;
  /** 1-based index of the code cell. */
  cell: number;
  /** Size on screen in CSS px. */
  width: number;
  /** @see width */
  height: number;
  /** Share of pixels that are not background. */
  ink: number;
  /** Where its screenshot was saved, when screenshots are kept. */
  screenshot?: string;
}

/** The outcome of {@link checkRendering}. */
export interface RenderReport {
  /** One line per problem, naming notebook, view and cell; empty when every chart shows. */
  problems: string[];
  /** Every chart found. */
  charts: ChartView[];
}

/** Options of {@link checkRendering}. */
export interface RenderOptions {
  /** Views to check (default both). */
  modes?: readonly ViewMode[];
  /** Folder for screenshots (per chart and per page); none kept when absent. */
  screenshots?: string;
  /** Ready-made HTML exports by notebook path (else nbconvert writes them to a temp folder). */
  html?: Readonly<Record<string, string>>;
}

const MIN_WIDTH = 150, MIN_HEIGHT = 80, MIN_INK = 0.005;

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: { data?: Record<string, unknown> }[];
}

/** An output meant as a picture: PNG, JPEG or SVG, or HTML carrying an SVG or an image. */
function isChart(data: Record<string, unknown>): boolean {
  const html = data["text/html"];
  const text = Array.isArray(html) ? html.join("") : typeof html === "string" ? html : "";
  return ["image/png", "image/jpeg", "image/svg+xml"].some((t) => data[t] !== undefined) ||
    /<(svg|img)[\s>]/.test(text);
}

/** Per code cell (in order): how many outputs carry a chart, and the cell's first line. */
async function expectedCharts(path: string): Promise<{ charts: number; first: string }[]> {
  const nb = JSON.parse(await Deno.readTextFile(path)) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => ({
    charts: (c.outputs ?? []).filter((o) => o.data !== undefined && isChart(o.data)).length,
    first: (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n")[0]!.slice(0, 60),
  }));
}

/** In the page: per code cell, the boxes of the images in its outputs (root SVGs and IMGs). */
const FIND_CHARTS = (cellSelector: string, outputSelector: string) =>
  `(() => {
  const cells = [...document.querySelectorAll(${JSON.stringify(cellSelector)})];
  return cells.map((cell) =>
    [...cell.querySelectorAll(${JSON.stringify(outputSelector)})]
      .filter((e) => !e.parentElement.closest("svg"))
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { tag: e.tagName.toLowerCase(), width: r.width, height: r.height,
          loaded: e.tagName !== "IMG" || (e.complete && e.naturalWidth > 0) };
      }));
})()`;

const SCROLL_TO = (cellSelector: string, outputSelector: string, cell: number, k: number) =>
  `(() => {
  const cell = document.querySelectorAll(${JSON.stringify(cellSelector)})[${cell}];
  const e = [...cell.querySelectorAll(${JSON.stringify(outputSelector)})]
    .filter((e) => !e.parentElement.closest("svg"))[${k}];
  e.scrollIntoView({ block: "start" });
  const r = e.getBoundingClientRect();
  return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
})()`;

const VIEWS: Record<ViewMode, { cell: string; output: string }> = {
  "classic-untrusted": {
    cell: "#notebook-container > .cell.code_cell",
    output: ".output_area img, .output_area svg",
  },
  nbconvert: {
    cell: ".jp-Cell.jp-CodeCell",
    output: ".jp-OutputArea-output img, .jp-OutputArea-output svg",
  },
};

async function inspect(
  page: Page,
  notebook: string,
  mode: ViewMode,
  options: RenderOptions,
): Promise<RenderReport> {
  const { cell: cellSel, output: outSel } = VIEWS[mode];
  const expected = await expectedCharts(notebook);
  const found = await page.evaluate<
    { tag: string; width: number; height: number; loaded: boolean }[][]
  >(
    FIND_CHARTS(cellSel, outSel),
  );
  const name = basename(notebook);
  const problems: string[] = [];
  const charts: ChartView[] = [];
  if (found.length !== expected.length) {
    problems.push(
      `${name} (${mode}): the page shows ${found.length} code cells, the notebook has ${expected.length}`,
    );
    return { problems, charts };
  }
  const shots = options.screenshots ? join(options.screenshots, mode) : undefined;
  if (shots) {
    await mkdir(shots, { recursive: true });
    await writeFile(join(shots, `${name}.png`), await page.screenshot());
  }
  for (let i = 0; i < expected.length; i++) {
    const where = `${name} (${mode}): code cell ${i + 1} (\`${expected[i]!.first}\`)`;
    const images = found[i]!.filter((b) => b.width >= MIN_WIDTH && b.height >= MIN_HEIGHT);
    if (images.length < expected[i]!.charts) {
      problems.push(
        `${where}: ${
          expected[i]!.charts
        } chart(s) in the notebook, ${images.length} shown as an image`,
      );
      continue;
    }
    for (let k = 0; k < found[i]!.length; k++) {
      const box = found[i]![k]!;
      if (box.width < MIN_WIDTH || box.height < MIN_HEIGHT) continue;
      if (!box.loaded) {
        problems.push(`${where}: image ${k + 1} did not load`);
        continue;
      }
      const clip = await page.evaluate<{ x: number; y: number; width: number; height: number }>(
        SCROLL_TO(cellSel, outSel, i, k),
      );
      await new Promise((r) => setTimeout(r, 100)); // let the scroll paint
      const png = await page.screenshot(clip);
      const ink = inkFraction(await decodePng(png));
      const view: ChartView = {
        notebook,
        mode,
        cell: i + 1,
        width: clip.width,
        height: clip.height,
        ink,
      };
      if (shots) {
        view.screenshot = join(shots, `${name}-cell${i + 1}-${k + 1}.png`);
        await writeFile(view.screenshot, png);
      }
      charts.push(view);
      if (ink < MIN_INK) {
        problems.push(`${where}: image ${k + 1} is blank (${(ink * 100).toFixed(2)}% ink)`);
      }
    }
  }
  return { problems, charts };
}

async function classic(browser: Browser, notebooks: readonly string[], options: RenderOptions) {
  const folder = await Deno.makeTempDir({ prefix: "classic-" });
  const names = notebooks.map((nb, i) => `${String(i).padStart(2, "0")}_${basename(nb)}`);
  await Promise.all(notebooks.map((nb, i) => copyFile(nb, join(folder, names[i]!))));
  const server = await startClassicServer(folder);
  const report: RenderReport = { problems: [], charts: [] };
  try {
    for (let i = 0; i < notebooks.length; i++) {
      const page = await browser.newPage(1280, 1000);
      try {
        await page.goto(`${server.url}/notebooks/${encodeURIComponent(names[i]!)}`);
        await page.waitFor(
          "window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded",
          60,
          `${basename(notebooks[i]!)} to load in the classic Notebook`,
        );
        const trusted = await page.evaluate<boolean>("Jupyter.notebook.trusted");
        if (trusted) {
          report.problems.push(
            `${basename(notebooks[i]!)}: the classic Notebook trusts it; expected untrusted`,
          );
        }
        await page.waitFor(
          "[...document.images].every((i) => i.complete)",
          30,
          "the images to load",
        );
        const r = await inspect(page, notebooks[i]!, "classic-untrusted", options);
        report.problems.push(...r.problems);
        report.charts.push(...r.charts.map((c) => ({ ...c, notebook: notebooks[i]! })));
      } finally {
        await page.close();
      }
    }
  } finally {
    await server.stop();
    await Deno.remove(folder, { recursive: true });
  }
  return report;
}

async function nbconvert(browser: Browser, notebooks: readonly string[], options: RenderOptions) {
  const folder = await Deno.makeTempDir({ prefix: "nbconvert-" });
  const report: RenderReport = { problems: [], charts: [] };
  try {
    for (const nb of notebooks) {
      const html = options.html?.[nb] ??
        await exportHtml(nb, join(folder, basename(nb).replace(/\.ipynb$/, ".html")));
      const page = await browser.newPage(1280, 1000);
      try {
        await page.goto(pathToFileURL(resolve(html)).href);
        await page.waitFor("[...document.images].every((i) => i.complete)", 30, "the images");
        const r = await inspect(page, nb, "nbconvert", options);
        report.problems.push(...r.problems);
        report.charts.push(...r.charts);
      } finally {
        await page.close();
      }
    }
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
  return report;
}

/**
 * Open each notebook in headless Chromium the ways readers see it and check
 * that every chart is visible.
 *
 * @param notebooks `.ipynb` files (with outputs)
 * @param options which views, where to keep screenshots, ready-made HTML exports
 * @returns the problems found and every chart seen
 */
export async function checkRendering(
  notebooks: readonly string[],
  options: RenderOptions = {},
): Promise<RenderReport> {
  const modes = options.modes ?? ["classic-untrusted", "nbconvert"];
  const browser = await launchChromium();
  const report: RenderReport = { problems: [], charts: [] };
  try {
    for (const mode of modes) {
      const r = mode === "classic-untrusted"
        ? await classic(browser, notebooks, options)
        : await nbconvert(browser, notebooks, options);
      report.problems.push(...r.problems);
      report.charts.push(...r.charts);
    }
  } finally {
    await browser.close();
  }
  return report;
}
