/**
 * A server-side DOM (linkedom) for Observable Plot, which builds its charts with
 * `document.createElementNS`. No browser, no canvas: SVG markup only.
 *
 * @module
 */

import { parseHTML } from "linkedom";

let shared: Document | undefined;

/**
 * The shared linkedom document that charts are built in. Plot only creates
 * detached elements in it, so one document serves every chart.
 *
 * @returns a DOM `Document` implemented by linkedom
 */
export function serverDocument(): Document {
  shared ??= parseHTML("<!DOCTYPE html><html><head></head><body></body></html>")
    .document as unknown as Document;
  return shared;
}
