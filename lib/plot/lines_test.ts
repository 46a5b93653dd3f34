import assert from "node:assert/strict";
import { lineChart } from "./lines.ts";
import { logSpacedIndices } from "./downsample.ts";
import { seriesStyle } from "./palette.ts";

Deno.test("a line chart of three long series (t up to 10^7) stays under 300 KB", () => {
  // 10^7-step runs recorded every 25 steps: 400 000 rows per series
  const T = 10_000_000, every = 25;
  const rows = ["adam", "amsgrad", "sgd"].flatMap((optimizer, k) =>
    Array.from({ length: T / every }, (_, i) => {
      const t = (i + 1) * every;
      return { optimizer, t, avgRegret: (k + 1) / Math.sqrt(t) + (i % 2 ? 0.01 : -0.01) };
    })
  );
  const chart = lineChart(rows, { x: "t", y: "avgRegret", series: "optimizer", xType: "log" });
  assert.ok(chart.bytes < 300 * 1024, `chart is ${chart.bytes} bytes`);
  for (const name of ["adam", "amsgrad", "sgd"]) assert.ok(chart.svg.includes(`>${name}<`));
  assert.ok((chart.svg.match(/<path [^>]*d="M/g) ?? []).length >= 3, "one path per series");
});

Deno.test("a line chart of log-spaced steps keeps the run's first and last step on the axis", () => {
  const rows = logSpacedIndices(10_000_000, 200).map((i) => ({ t: i + 1, loss: 1 / (i + 1) }));
  const chart = lineChart(rows, { x: "t", y: "loss", xType: "log", yType: "log" });
  assert.match(chart.svg, /<svg xmlns=/);
  assert.ok(chart.svg.includes(">10⁷<"), "x axis reaches 10^7, labelled without SI prefix");
  assert.doesNotMatch(chart.svg, />\d+(\.\d+)?[kmMµ]</, "no SI-prefixed tick label");
  assert.ok(chart.bytes < 60 * 1024, `chart is ${chart.bytes} bytes`);
});

Deno.test("each series takes its palette colour and dash, whatever the chart", () => {
  const rows = ["AdamNC", "Adam"].flatMap((optimizer) =>
    [1, 2, 3].map((t) => ({ optimizer, t, loss: t }))
  );
  for (const chart of [lineChart(rows, { x: "t", y: "loss", series: "optimizer" })]) {
    for (const name of ["Adam", "AdamNC"]) {
      const { color, dash } = seriesStyle(name);
      assert.ok(chart.svg.includes(`stroke="${color}"`), `${name} drawn in ${color}`);
      if (dash) assert.ok(chart.svg.includes(`stroke-dasharray="${dash}"`));
    }
    // legend in palette order: Adam before AdamNC although AdamNC came first
    assert.ok(chart.svg.indexOf(">Adam<") < chart.svg.indexOf(">AdamNC<"));
    assert.doesNotMatch(chart.svg, /currentColor/);
    assert.match(chart.svg, /<rect width="100%" height="100%" fill="#ffffff"\/>/);
  }
});

Deno.test("a band draws one filled area per series between lo and hi", () => {
  const rows = [1, 2, 3].map((t) => ({ optimizer: "Adam", t, y: t, lo: t - 0.5, hi: t + 0.5 }));
  const chart = lineChart(rows, {
    x: "t",
    y: "y",
    series: "optimizer",
    band: { lo: "lo", hi: "hi" },
  });
  const color = seriesStyle("Adam").color;
  assert.equal(
    (chart.svg.match(new RegExp(`fill-opacity="0.15" fill="${color}"`, "g")) ?? []).length,
    1,
  );
});

Deno.test("facets and dashes follow numeric order (C = 3 before C = 10)", () => {
  const rows = [10, 3, 5].flatMap((C) => [1, 2].map((t) => ({ optimizer: "Adam", C, t, x: C })));
  for (const opts of [{ facet: "C" }, { dash: "C" }]) {
    const svg = lineChart(rows, { x: "t", y: "x", series: "optimizer", ...opts }).svg;
    const at = (s: string) => svg.indexOf(s);
    assert.ok(at("C = 3") >= 0 && at("C = 3") < at("C = 5") && at("C = 5") < at("C = 10"));
  }
});
