import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { missingModules, PYTHON } from "./python.ts";

Deno.test({
  name: "missingModules names exactly the modules Debian's Python cannot import",
  ignore: !existsSync(PYTHON),
  async fn() {
    assert.deepEqual(await missingModules(["json", "no_such_module_for_this_test", "os"]), [
      "no_such_module_for_this_test",
    ]);
  },
});
