import assert from "node:assert/strict";
import { reproduceCifarnet } from "./cifarnet.ts";
import { Staged } from "./output.ts";

Deno.test("without CIFAR-10 the part prints one line on how to get it and claims nothing", async () => {
  const cacheDir = await Deno.makeTempDir({ prefix: "cifar-none-" });
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(" "));
  try {
    const stage = new Staged(cacheDir);
    const claims = await reproduceCifarnet(stage, { download: false, quick: true, cacheDir });
    assert.deepEqual(claims, []);
    assert.deepEqual(stage.names, [], "nothing staged");
  } finally {
    console.log = log;
    await Deno.remove(cacheDir, { recursive: true });
  }
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^skipped CIFARNET: CIFAR-10 is not installed: .*--cifar/);
});
