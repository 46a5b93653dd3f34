import assert from "node:assert/strict";
import { lineChart } from "./lines.ts";
import { logSpacedIndices } from "./downsample.ts";

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
  assert.ok(
    chart.svg.includes(">10M<") || chart.svg.includes(">10,000,000<"),
    "x axis reaches 10^7",
  );
  assert.ok(chart.bytes < 60 * 1024, `chart is ${chart.bytes} bytes`);
});
