import assert from "node:assert/strict";
import { CIFARNET_CLAIM, readmeWith, summaryMarkdown, VERDICT_RULE } from "./summary.ts";

Deno.test("summaryMarkdown: the verdict rule comes before the numbers; CIFARNET is a row", async () => {
  const claim = {
    where: "§5 Logistic Regression: training loss",
    quote: "We can see that AMSGRAD performs better than ADAM",
    judged: "final training loss",
    ours: "AMSGrad − Adam = 0.0030, 95% CI [-0.0004, 0.0063]",
    verdict: "inconclusive" as const,
  };
  const md = summaryMarkdown([claim, CIFARNET_CLAIM], { logreg: 100 }, 400, "1.0, 1.0, 1.0");
  assert.ok(md.indexOf(VERDICT_RULE) < md.indexOf("0.0030"));
  assert.match(md, /\*\*not reproduced\*\*: .*CIFARNET/);
  assert.match(md, /1 inconclusive, 1 not reproduced/);
  const dir = await Deno.makeTempDir();
  const readme = `${dir}/README.md`;
  await Deno.writeTextFile(
    readme,
    "# T\n\n<!-- results:begin (written by `deno task reproduce`; do not edit by hand) -->\nold\n" +
      "<!-- results:end -->\n\ntail\n",
  );
  const next = await readmeWith(readme, md);
  assert.ok(!next.includes("\nold\n") && next.includes("tail") && next.includes("CIFARNET"));
  await Deno.writeTextFile(readme, "no markers\n");
  await assert.rejects(readmeWith(readme, md), /no results block/);
  await Deno.remove(dir, { recursive: true });
});
