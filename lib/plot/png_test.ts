import assert from "node:assert/strict";
import { svgToPng } from "./png.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">' +
  '<text x="2" y="15" font-family="system-ui, sans-serif" font-size="12">Γ_t ≥ 0</text></svg>';

Deno.test("svgToPng is deterministic and draws text with the bundled font", () => {
  const a = svgToPng(SVG), b = svgToPng(SVG);
  assert.deepEqual(a.bytes, b.bytes);
  assert.deepEqual([a.width, a.height], [120, 40]);
  const blank = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"></svg>');
  assert.notDeepEqual(a.bytes, blank.bytes, "the text left pixels");
});

Deno.test("svgToPng refuses a silly scale", () => {
  assert.throws(() => svgToPng(SVG, { scale: 0 }), /scale must be in \(0, 8\], got 0/);
});
