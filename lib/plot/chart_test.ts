import assert from "node:assert/strict";
import { Chart } from "./chart.ts";
import { display, inJupyter } from "./jupyter.ts";

const SVG = '<svg width="10" height="10"><rect width="10" height="10"/></svg>';

Deno.test("a chart's bundle carries the same standalone SVG as image/svg+xml and text/html", () => {
  const bundle = new Chart(SVG).bundle();
  assert.match(bundle["image/svg+xml"] as string, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(bundle["text/html"], bundle["image/svg+xml"]);
  assert.match(bundle["text/plain"] as string, /^Chart \(SVG, 0\.1 KB\)$/);
});

Deno.test("extra MIME entries join the bundle without replacing the SVG", () => {
  const spec = { mark: "point" };
  const bundle = new Chart(SVG, { "application/vnd.vegalite.v5+json": spec }).bundle();
  assert.deepEqual(bundle["application/vnd.vegalite.v5+json"], spec);
  assert.ok(bundle["image/svg+xml"]);
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
