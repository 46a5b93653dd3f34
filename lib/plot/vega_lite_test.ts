import assert from "node:assert/strict";
import { VEGA_LITE_MIME, vegaLite } from "./vega_lite.ts";

const spec = {
  data: { values: [{ t: 1, loss: 2, m: "adam" }, { t: 2, loss: 1, m: "adam" }] },
  mark: "line" as const,
  encoding: {
    x: { field: "t", type: "quantitative" as const },
    y: { field: "loss", type: "quantitative" as const },
    color: { field: "m", type: "nominal" as const },
  },
};

Deno.test("a Vega-Lite chart carries the spec and a server-rendered SVG in one bundle", async () => {
  const chart = await vegaLite(spec);
  const bundle = chart.bundle();
  const sent = bundle[VEGA_LITE_MIME] as Record<string, unknown>;
  assert.equal(sent.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
  assert.deepEqual(sent.encoding, spec.encoding);
  assert.match(
    bundle["image/svg+xml"] as string,
    /^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/,
  );
  assert.equal(bundle["text/html"], undefined);
  assert.deepEqual(Object.keys(bundle).slice(0, 3), [VEGA_LITE_MIME, "image/png", "image/svg+xml"]);
  assert.equal((sent.config as Record<string, unknown>).background, "#ffffff");
  assert.ok(chart.svg.includes(">adam<"), "legend label rendered");
});

Deno.test("a broken Vega-Lite spec is reported as such", async () => {
  await assert.rejects(
    () => vegaLite({ mark: "nonsense" } as unknown as typeof spec),
    /invalid Vega-Lite spec/,
  );
});
