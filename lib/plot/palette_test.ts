import assert from "node:assert/strict";
import { colorScale, dashScale, OPTIMIZER_STYLES, seriesOrder, seriesStyle } from "./palette.ts";

Deno.test("every optimizer has its own colour", () => {
  const colors = Object.values(OPTIMIZER_STYLES).map((s) => s.color);
  assert.equal(new Set(colors).size, colors.length);
});

Deno.test("labels are matched whatever their case, and variants get a lighter shade and a dash", () => {
  assert.deepEqual(seriesStyle("adamnc"), OPTIMIZER_STYLES.AdamNC);
  const variant = seriesStyle("AMSGrad (PyTorch)");
  assert.notEqual(variant.color, OPTIMIZER_STYLES.AMSGrad!.color);
  assert.equal(variant.dash, "6 3");
  assert.deepEqual(seriesStyle("Adam (paper)"), OPTIMIZER_STYLES.Adam);
});

Deno.test("other labels get the same colour every time", () => {
  assert.deepEqual(seriesStyle("theorem1, C = 3"), seriesStyle("theorem1, C = 3"));
  assert.equal(seriesStyle("x").dash, "");
});

Deno.test("scales list labels in legend order with their colours and dashes", () => {
  assert.deepEqual(seriesOrder(["SGD", "AMSGrad", "Adam", "SGD"]), ["Adam", "AMSGrad", "SGD"]);
  const c = colorScale(["AMSGrad", "Adam"]);
  assert.deepEqual(c.domain, ["Adam", "AMSGrad"]);
  assert.deepEqual(c.range, [OPTIMIZER_STYLES.Adam!.color, OPTIMIZER_STYLES.AMSGrad!.color]);
  assert.deepEqual(dashScale(["AdamNC", "Adam"]).range, [[1, 0], [8, 4]]);
});
