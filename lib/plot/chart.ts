/**
 * A rendered chart: standalone SVG markup plus the Jupyter bundle that shows it.
 *
 * @module
 */

import type { MimeBundle } from "./jupyter.ts";
import { withXmlns } from "./svg.ts";

const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * A chart ready to show or save. As a notebook cell's last value it displays
 * itself (the Deno kernel calls `Symbol.for("Jupyter.display")`); `display(chart)`
 * shows it from anywhere in a cell; `writeSvg(chart, path)` saves it.
 *
 * The bundle carries the same SVG twice, as `image/svg+xml` and `text/html`:
 * nbconvert 6's HTML export strips `image/svg+xml` but keeps `text/html`.
 */
export class Chart {
  /** Standalone SVG markup (with `xmlns`), ready to write as a `.svg` file. */
  readonly svg: string;
  /** Extra MIME types shown alongside the SVG, e.g. the Vega-Lite spec. */
  readonly extra: MimeBundle;

  /**
   * @param svg SVG markup; `xmlns` is added when missing
   * @param extra further MIME entries for the bundle
   */
  constructor(svg: string, extra: MimeBundle = {}) {
    this.svg = withXmlns(svg);
    this.extra = extra;
  }

  /** Size of the SVG in bytes (UTF-8). */
  get bytes(): number {
    return new TextEncoder().encode(this.svg).length;
  }

  /**
   * The Jupyter MIME bundle: `image/svg+xml`, `text/html`, a `text/plain`
   * summary, and any extra entries.
   *
   * @returns a fresh bundle object
   */
  bundle(): MimeBundle {
    const size = `${(this.bytes / 1024).toFixed(1)} KB`;
    return {
      ...this.extra,
      "image/svg+xml": this.svg,
      "text/html": this.svg,
      "text/plain": `Chart (SVG, ${size})`,
    };
  }

  /** The hook the Deno Jupyter kernel calls to display a cell's value. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle();
  }
}
