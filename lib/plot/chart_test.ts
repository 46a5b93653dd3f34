import assert from "node:assert/strict";
import { Chart } from "./chart.ts";
import { display, inJupyter } from "./jupyter.ts";

const SVG = '<svg width="10" height="10"><rect width="10" height="10"/></svg>';

Deno.test("a chart's bundle carries PNG and standalone SVG, and no text/html twin", () => {
  const bundle = new Chart(SVG).bundle();
  assert.match(bundle["image/svg+xml"] as string, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(bundle["text/html"], undefined);
  const png = Uint8Array.from(atob(bundle["image/png"] as string), (c) => c.charCodeAt(0));
  assert.deepEqual([...png.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(bundle["text/plain"], "Chart (10×10 px)");
  assert.deepEqual(Object.keys(bundle), ["image/png", "image/svg+xml", "text/plain"]);
});

Deno.test("the PNG is twice the SVG's size and its metadata draws it at the SVG's size", () => {
  const chart = new Chart(SVG);
  assert.deepEqual([chart.png.width, chart.png.height], [20, 20]);
  assert.deepEqual(chart.metadata(), { "image/png": { width: 10, height: 10 } });
  assert.deepEqual(chart.size, { width: 10, height: 10 });
});

Deno.test("extra MIME entries lead the bundle, before PNG and SVG", () => {
  const spec = { mark: "point" };
  const bundle = new Chart(SVG, { "application/vnd.vegalite.v5+json": spec }).bundle();
  assert.deepEqual(bundle["application/vnd.vegalite.v5+json"], spec);
  assert.deepEqual(Object.keys(bundle).slice(0, 3), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "image/svg+xml",
  ]);
});

Deno.test("the Deno kernel's display hook returns the bundle", () => {
  const chart = new Chart(SVG);
  const hook = (chart as unknown as Record<symbol, () => unknown>)[Symbol.for("Jupyter.display")];
  assert.deepEqual(hook?.call(chart), chart.bundle());
});

Deno.test("outside the kernel, display shows nothing and returns the bundle", async () => {
  assert.equal(inJupyter(), false);
  const chart = new Chart(SVG);
  assert.deepEqual(await display(chart), chart.bundle());
  assert.deepEqual(await display({ "text/plain": "x" }), { "text/plain": "x" });
});
