import assert from "node:assert/strict";
import { join } from "node:path";
import { Chart } from "./chart.ts";
import { writeChart, writeSvg } from "./write.ts";

Deno.test("writeSvg writes the standalone SVG, creating folders", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "results", "fig.svg");
    await writeSvg(new Chart("<svg><rect/></svg>"), path);
    assert.equal(
      await Deno.readTextFile(path),
      '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    );
    await writeSvg("<svg></svg>", path);
    assert.match(await Deno.readTextFile(path), /^<svg xmlns=/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeSvg refuses a non-.svg path and non-SVG markup", async () => {
  await assert.rejects(() => writeSvg("<svg></svg>", "fig.png"), /ending in \.svg, got "fig.png"/);
  await assert.rejects(() => writeSvg("<div></div>", "/tmp/x.svg"), /expected SVG markup/);
});

Deno.test("writeChart writes the SVG and the same PNG the notebook shows", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const chart = new Chart('<svg width="8" height="4"><rect width="8" height="4"/></svg>');
    const out = await writeChart(chart, join(dir, "a", "fig.svg"));
    assert.deepEqual(out, { svg: join(dir, "a", "fig.svg"), png: join(dir, "a", "fig.png") });
    assert.equal(await Deno.readTextFile(out.svg), chart.svg);
    assert.deepEqual(await Deno.readFile(out.png), chart.png.bytes);
    assert.deepEqual([...Deno.readDirSync(join(dir, "a"))].map((e) => e.name).sort(), [
      "fig.png",
      "fig.svg",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
