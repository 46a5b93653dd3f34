/**
 * A rendered chart: standalone SVG markup, its PNG, and the Jupyter bundle that
 * shows it in every frontend.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import type { MimeBundle } from "./jupyter.ts";
import { type Png, svgToPng } from "./png.ts";
import { withXmlns } from "./svg.ts";

const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** Options of a {@link Chart}. */
export interface ChartOptions {
  /** PNG pixels per SVG pixel (default 2). The PNG is shown at the SVG's size. */
  pngScale?: number;
}

/**
 * A chart ready to show or save. As a notebook cell's last value it displays
 * itself (the Deno kernel calls `Symbol.for("Jupyter.display")`); `await
 * display(chart)` shows it from anywhere in a cell (and tells the frontend to
 * draw the PNG at the SVG's size); `writeChart(chart, path)` saves SVG and PNG.
 *
 * The bundle holds, in this order: any extra entries (a Vega-Lite spec, so that
 * JupyterLab and VS Code draw the interactive chart), `image/png` (shown by an
 * untrusted classic Notebook, GitHub and nbconvert), `image/svg+xml` (trusted
 * frontends) and a `text/plain` summary. No `text/html`: it would outrank the
 * Vega-Lite spec in JupyterLab and shows as garbled text when untrusted.
 */
export class Chart {
  /** Standalone SVG markup (with `xmlns`), ready to write as a `.svg` file. */
  readonly svg: string;
  /** Extra MIME types shown alongside the images, e.g. the Vega-Lite spec. */
  readonly extra: MimeBundle;
  /** PNG pixels per SVG pixel. */
  readonly pngScale: number;
  #png?: Png;

  /**
   * Wrap SVG markup as a chart (the PNG is rendered on first use).
   *
   * @param svg SVG markup; `xmlns` is added when missing
   * @param extra further MIME entries for the bundle (they lead it)
   * @param options PNG resolution
   */
  constructor(svg: string, extra: MimeBundle = {}, options: ChartOptions = {}) {
    this.svg = withXmlns(svg);
    this.extra = extra;
    this.pngScale = options.pngScale ?? 2;
  }

  /** Size of the SVG in bytes (UTF-8). */
  get bytes(): number {
    return new TextEncoder().encode(this.svg).length;
  }

  /** Width and height of the SVG in px (from its root attributes; NaN when absent). */
  get size(): { width: number; height: number } {
    const root = this.svg.slice(0, this.svg.indexOf(">"));
    const attr = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)"`))?.[1]);
    return { width: attr("width"), height: attr("height") };
  }

  /** The PNG rendering (made on first use, then kept). */
  get png(): Png {
    this.#png ??= svgToPng(this.svg, { scale: this.pngScale });
    return this.#png;
  }

  /**
   * The Jupyter MIME bundle: extra entries, `image/png` (base64), `image/svg+xml`
   * and a `text/plain` summary.
   *
   * @returns a fresh bundle object
   */
  bundle(): MimeBundle {
    const png = this.png;
    return {
      ...this.extra,
      "image/png": Buffer.from(png.bytes).toString("base64"),
      "image/svg+xml": this.svg,
      "text/plain": `Chart (${png.width / this.pngScale}×${png.height / this.pngScale} px)`,
    };
  }

  /**
   * Display metadata: draw the PNG at the SVG's size, whatever its pixel density.
   *
   * @returns `{ "image/png": { width, height } }`
   */
  metadata(): Record<string, unknown> {
    const png = this.png;
    return {
      "image/png": {
        width: Math.round(png.width / this.pngScale),
        height: Math.round(png.height / this.pngScale),
      },
    };
  }

  /** The hook the Deno Jupyter kernel calls to display a cell's value. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle();
  }
}
