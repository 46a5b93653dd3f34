import assert from "node:assert/strict";
import { assembleWat } from "../lib/kernels/_wasm.ts";
import { moduleText } from "./wasm.ts";
import { FLOAT32_WAT } from "../lib/framework/_float32_wat.ts";

Deno.test("lib/framework/_float32_wasm.ts holds the bytes of _float32_wat.ts (deno task wasm)", async () => {
  const committed = await Deno.readTextFile(
    new URL("../lib/framework/_float32_wasm.ts", import.meta.url),
  );
  assert.equal(committed, moduleText(await assembleWat("float32.wat", FLOAT32_WAT)));
});
