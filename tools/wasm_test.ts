import assert from "node:assert/strict";
import { generated } from "./wasm.ts";
import { MODULES } from "./wasm/modules.ts";

for (const m of MODULES) {
  Deno.test(`${m.target} holds the bytes of ${m.source} (deno task wasm)`, async () => {
    const committed = await Deno.readTextFile(new URL(`../${m.target}`, import.meta.url));
    assert.equal(committed, await generated(m));
  });
}

Deno.test("the library never loads an assembler: nothing under lib/ imports wabt", async () => {
  const found: string[] = [];
  async function walk(dir: URL): Promise<void> {
    for await (const e of Deno.readDir(dir)) {
      const url = new URL(e.name + (e.isDirectory ? "/" : ""), dir);
      if (e.isDirectory) await walk(url);
      else if (
        e.name.endsWith(".ts") && /from "wabt"|"npm:wabt/.test(await Deno.readTextFile(url))
      ) {
        found.push(url.pathname);
      }
    }
  }
  await walk(new URL("../lib/", import.meta.url));
  assert.deepEqual(found, []);
});
