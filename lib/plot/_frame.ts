/**
 * The frame around a chart's plot area: background, title, subtitle, legend
 * (line samples with each series' colour and dash) and caption, all inside ONE
 * standalone SVG with explicit colours.
 *
 * @module
 */

import { escapeXml } from "./svg.ts";
import { THEME } from "./palette.ts";

/** One legend entry: a short line in the series' colour and dash, and its label. */
export interface LegendItem {
  /** Text after the sample. */
  label: string;
  /** Line colour. */
  color: string;
  /** SVG dash array (`""` solid). */
  dash?: string;
  /** Draw the sample as a dot instead of a line (for dot charts). */
  dot?: boolean;
}

/** The parts of a framed chart. */
export interface FrameParts {
  /** Width of the whole chart in px (the plot's own width). */
  width: number;
  /** Bold title. */
  title?: string;
  /** Smaller line under the title (wrapped to the width). */
  subtitle?: string;
  /** Legend entries, wrapped into rows. */
  legend?: readonly LegendItem[];
  /** Standalone SVG blocks stacked below the legend (the plot, a colour ramp...). */
  blocks: readonly string[];
  /** Text under the plot (wrapped). */
  caption?: string;
}

const SAMPLE = 24, GAP = 6, ROW = 18;

/** Approximate width of `text` at `size` px in DejaVu Sans / system-ui. */
function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) [lines[lines.length], line] = [line, word];
    else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function textLines(lines: string[], y: number, size: number, attrs: string): string {
  return lines.map((l, i) =>
    `<text x="0" y="${y + size + i * size * 1.35}" font-size="${size}" ${attrs}>${
      escapeXml(l)
    }</text>`
  ).join("");
}

function legendSvg(items: readonly LegendItem[], top: number, width: number) {
  let x = 0, y = top, out = "";
  for (const item of items) {
    const w = SAMPLE + GAP + textWidth(item.label, 11) + 14;
    if (x > 0 && x + w > width) [x, y] = [0, y + ROW];
    const dash = item.dash ? ` stroke-dasharray="${item.dash}"` : "";
    const color = escapeXml(item.color);
    out += item.dot
      ? `<circle cx="${x + SAMPLE / 2}" cy="${y + 8}" r="3.5" fill="${color}"/>`
      : `<line x1="${x}" x2="${x + SAMPLE}" y1="${y + 8}" y2="${y + 8}" stroke="${color}" ` +
        `stroke-width="2.5"${dash}/>`;
    out += `<text x="${x + SAMPLE + GAP}" y="${y + 12}" font-size="11" fill="${THEME.ink}">${
      escapeXml(item.label)
    }</text>`;
    x += w;
  }
  return { svg: out, height: y - top + ROW + 4 };
}

/** Height of a standalone `<svg height="...">` block. */
function heightOf(svg: string): number {
  const m = svg.match(/^<svg[^>]*\sheight="([\d.]+)"/);
  if (!m) throw new TypeError("a frame block must be an <svg> with a height attribute");
  return Number(m[1]);
}

/**
 * Stack the parts top to bottom into one SVG with a white background rectangle.
 *
 * @param parts title, subtitle, legend, blocks and caption
 * @returns standalone SVG markup
 */
export function frame(parts: FrameParts): string {
  const { width } = parts;
  let y = 0, body = "";
  if (parts.title) {
    const lines = wrap(parts.title, 15, width);
    body += textLines(lines, y, 15, `font-weight="bold" fill="${THEME.ink}"`);
    y += lines.length * 20 + 4;
  }
  if (parts.subtitle) {
    const lines = wrap(parts.subtitle, 12, width);
    body += textLines(lines, y, 12, `fill="${THEME.muted}"`);
    y += lines.length * 16 + 6;
  }
  if (parts.legend && parts.legend.length > 0) {
    const legend = legendSvg(parts.legend, y, width);
    body += legend.svg;
    y += legend.height;
  }
  for (const block of parts.blocks) {
    body += block.replace(/^<svg/, `<svg y="${y}"`);
    y += heightOf(block);
  }
  if (parts.caption) {
    const lines = wrap(parts.caption, 11, width);
    body += textLines(lines, y + 4, 11, `fill="${THEME.muted}"`);
    y += lines.length * 15 + 10;
  }
  const height = Math.ceil(y);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="${THEME.font}" ` +
    `style="background: ${THEME.background}; max-width: 100%; height: auto">` +
    `<rect width="100%" height="100%" fill="${THEME.background}"/>${body}</svg>`;
}

/**
 * Make a renderer's SVG theme-proof: `currentColor` (which a dark notebook
 * theme would turn light) becomes the theme's ink.
 *
 * @param svg SVG markup
 * @returns the markup with explicit colours
 */
export function explicitColors(svg: string): string {
  return svg.replaceAll("currentColor", THEME.ink);
}
