import assert from "node:assert/strict";
import { gridHeatmap, heatmap, phaseDiagramChart } from "./heatmap.ts";

Deno.test("a heatmap prints every cell's value and marks missing cells", () => {
  const cells = [0.01, 0.1].flatMap((alpha) =>
    [0.99, 0.999].map((beta2) => ({ optimizer: "Adam", alpha, beta2, loss: alpha * 10 }))
  );
  cells[0]!.loss = NaN;
  const svg = gridHeatmap(cells, { value: "loss" }).svg;
  assert.equal((svg.match(/>diverged</g) ?? []).length, 1);
  assert.equal((svg.match(/y="0.32em">1</g) ?? []).length, 2, "the two cells of α = 0.1");
  assert.ok(svg.includes(">Adam<"), "panel title");
});

Deno.test("heatmap cells never overlap: one column per distinct x", () => {
  const cells = [0.9, 0.99, 0.999].map((beta2) => ({ beta1: 0.9, beta2, x: 0 }));
  const svg = heatmap(cells, { x: "beta2", y: "beta1", value: "x" }).svg;
  const cell = /<rect fill="[^"]*" height="[\d.]+" width="([\d.]+)" y="[\d.]+" x="([\d.]+)"/g;
  const widths = [...svg.matchAll(cell)].map((m) => [Number(m[2]), Number(m[1])] as const);
  assert.equal(widths.length, 3);
  const sorted = [...widths].sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < sorted.length; k++) {
    assert.ok(sorted[k]![0] >= sorted[k - 1]![0] + sorted[k - 1]![1] - 0.01, "cells side by side");
  }
});

Deno.test("the phase diagram draws the curve β1 = √β2 and labels 1 − β2", () => {
  const cells = [0, 0.5, 0.9, 0.99].flatMap((beta1) =>
    [0.5, 0.9, 0.99, 0.999].map((beta2) => ({ beta1, beta2, x: beta1 < Math.sqrt(beta2) ? 1 : -1 }))
  );
  const svg = phaseDiagramChart(cells).svg;
  assert.ok(svg.includes("β1 = √β2"));
  assert.ok(svg.includes(">0.001<") && svg.includes(">0.5<"), "ticks show 1 − β2");
  assert.ok(svg.includes('stroke-dasharray="6 3"'), "the dashed curve");
});
