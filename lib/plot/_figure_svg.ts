/**
 * Turn Plot's `<figure>` (made when a chart has a title, subtitle, caption or
 * legend) into ONE standalone SVG, so that the legend survives in `.svg` files
 * and in `image/svg+xml`. Parts are stacked top to bottom: h2 title, h3 subtitle,
 * swatch legends (HTML in Plot, redrawn here as SVG), the plot's own `<svg>`
 * elements (nested as they are), figcaption.
 *
 * @module
 */

import { escapeXml } from "./svg.ts";

const SWATCH = 15, GAP = 6, CHAR = 6.2, ROW = 22;

function text(x: number, y: number, s: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(s.trim())}</text>`;
}

/** Swatch legend spans → rows of coloured squares and labels, wrapped at `width`. */
function swatches(div: Element, top: number, width: number): { svg: string; height: number } {
  let x = 0, y = top, out = "";
  for (const span of Array.from(div.children).filter((c) => c.tagName === "SPAN")) {
    const swatch = span.querySelector("svg");
    const fill = swatch?.getAttribute("fill") ?? swatch?.getAttribute("stroke") ?? "currentColor";
    const label = span.textContent?.trim() ?? "";
    const w = SWATCH + GAP + label.length * CHAR + 16;
    if (x > 0 && x + w > width) [x, y] = [0, y + ROW];
    out += `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${
      escapeXml(fill)
    }"/>`;
    out += text(x + SWATCH + GAP, y + 11.5, label, 'font-size="10"');
    x += w;
  }
  return { svg: out, height: y - top + ROW + 4 };
}

/**
 * @param figure the `<figure>` element returned by `Plot.plot`
 * @returns standalone SVG markup containing every part of the figure
 */
export function figureToSvg(figure: Element): string {
  const svgs = Array.from(figure.children).filter((c) => c.tagName.toLowerCase() === "svg");
  const width = Math.max(0, ...svgs.map((s) => Number(s.getAttribute("width") ?? 0)));
  let y = 0, body = "";
  for (const part of Array.from(figure.children)) {
    const tag = part.tagName.toLowerCase();
    if (tag === "h2") {
      body += text(0, y + 17, part.textContent ?? "", 'font-size="17" font-weight="bold"');
      y += 26;
    } else if (tag === "h3") {
      body += text(0, y + 14, part.textContent ?? "", 'font-size="13" fill-opacity="0.7"');
      y += 22;
    } else if (tag === "div" && part.querySelector("span svg")) {
      const legend = swatches(part, y, width);
      body += legend.svg;
      y += legend.height;
    } else if (tag === "svg") {
      part.setAttribute("y", String(y));
      body += part.outerHTML;
      y += Number(part.getAttribute("height") ?? 0);
    } else if (tag === "figcaption") {
      body += text(0, y + 14, part.textContent ?? "", 'font-size="11" fill-opacity="0.7"');
      y += 22;
    }
  }
  const height = Math.ceil(y);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" ` +
    `style="background: white; max-width: 100%; height: auto">` +
    `<rect width="100%" height="100%" fill="white"/>${body}</svg>`;
}
