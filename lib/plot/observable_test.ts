import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plot } from "./observable.ts";

const rows = [
  { t: 1, y: 1, method: "adam" },
  { t: 2, y: 2, method: "adam" },
  { t: 1, y: 3, method: "amsgrad" },
  { t: 2, y: 1, method: "amsgrad" },
];

Deno.test("a bare Plot chart becomes standalone SVG with xmlns and its line paths", () => {
  const chart = plot({ marks: [Plot.lineY(rows, { x: "t", y: "y", stroke: "method" })] });
  assert.match(chart.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((chart.svg.match(/<path[^>]* d="M[^"]*L/g) ?? []).length >= 2, true);
  assert.ok(chart.svg.endsWith("</svg>"));
});

Deno.test("a figure (title, legend, caption) is redrawn inside one SVG", () => {
  const chart = plot({
    title: "Regret <&>",
    subtitle: "online problem",
    caption: "quick mode",
    color: { legend: true },
    marks: [Plot.lineY(rows, { x: "t", y: "y", stroke: "method" })],
  });
  assert.match(chart.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="\d+"/);
  assert.doesNotMatch(chart.svg, /<(figure|div|span|h2|h3|figcaption)[\s>]/);
  assert.match(chart.svg, /<text[^>]*>Regret &#60;&#38;&#62;<\/text>/);
  for (const label of ["online problem", "quick mode", ">adam<", ">amsgrad<"]) {
    assert.ok(chart.svg.includes(label), `missing ${label}`);
  }
  assert.equal((chart.svg.match(/<rect [^>]*fill="#/g) ?? []).length, 2, "two legend swatches");
  const height = Number(chart.svg.match(/height="(\d+)"/)?.[1]);
  assert.ok(height > 400, `the stacked figure is taller than the 400 px plot, got ${height}`);
});
