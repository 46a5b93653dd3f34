/**
 * Small string-level fixes that make a browser-DOM SVG a standalone file.
 *
 * @module
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const GEOMETRY_ATTR = /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|dx|dy|points|viewBox)="([^"]*)"/g;
const DECIMAL = /-?\d*\.\d+(?:e[-+]?\d+)?/g;

/**
 * Add `xmlns="http://www.w3.org/2000/svg"` to the root `<svg>` when it is missing:
 * without it the markup is not a valid SVG file or `<img>` source.
 *
 * @param svg markup whose first element is `<svg ...>`
 * @returns the same markup with the SVG namespace declared on the root
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withXmlns } from "./svg.ts";
 * assert.ok(withXmlns("<svg></svg>") === '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
 * ```
 */
export function withXmlns(svg: string): string {
  const start = svg.search(/<svg[\s>]/);
  if (start < 0) {
    throw new TypeError(`expected SVG markup starting with <svg>, got "${svg.slice(0, 40)}"`);
  }
  const end = svg.indexOf(">", start);
  if (/\sxmlns=/.test(svg.slice(start, end))) return svg;
  return `${svg.slice(0, start + 4)} xmlns="${SVG_NS}"${svg.slice(start + 4)}`;
}

/**
 * Round the numbers inside geometry attributes (`d`, `transform`, `x`, ...) to
 * `digits` decimals. Text content (tick labels such as `0.0001`) is untouched.
 * Plot writes coordinates like `159.99999999999997`; rounding roughly halves a
 * line chart's size with no visible change.
 *
 * @param svg SVG markup
 * @param digits decimals to keep (default 2, i.e. 1/100 px)
 * @returns the markup with shorter numbers
 */
export function compactNumbers(svg: string, digits = 2): string {
  const scale = 10 ** digits;
  const round = (s: string) => String(Math.round(Number(s) * scale) / scale);
  return svg.replace(
    GEOMETRY_ATTR,
    (_, name: string, value: string) => ` ${name}="${value.replace(DECIMAL, round)}"`,
  );
}

/**
 * Escape text for use inside SVG/XML element content or attribute values.
 *
 * @param text any string
 * @returns the string with `& < > " '` escaped
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
