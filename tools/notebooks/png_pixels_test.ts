import assert from "node:assert/strict";
import { svgToPng } from "../../lib/plot/png.ts";
import { decodePng, inkFraction } from "./png_pixels.ts";

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">${body}</svg>`;

Deno.test("decodePng reads resvg's PNG back pixel for pixel", async () => {
  const png = svgToPng(svg('<rect x="0" y="0" width="10" height="20" fill="#ff0000"/>'), {
    scale: 1,
  });
  const pixels = await decodePng(png.bytes);
  assert.deepEqual([pixels.width, pixels.height], [40, 20]);
  assert.deepEqual([...pixels.rgba.subarray(0, 4)], [255, 0, 0, 255], "a red pixel at (0, 0)");
  assert.deepEqual(
    [...pixels.rgba.subarray(4 * 39, 4 * 40)],
    [255, 255, 255, 255],
    "white at x=39",
  );
  assert.equal(inkFraction(pixels), 0.25);
});

Deno.test("a blank image has no ink; a non-PNG is refused", async () => {
  const blank = await decodePng(svgToPng(svg(""), { scale: 1 }).bytes);
  assert.equal(inkFraction(blank), 0);
  await assert.rejects(() => decodePng(new Uint8Array(16)), /not a PNG file/);
});
