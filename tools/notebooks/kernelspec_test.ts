import assert from "node:assert/strict";
import { join } from "node:path";
import { ensureKernelspec, kernelJsonPath, kernelspecDeno } from "./kernelspec.ts";

// A private XDG_DATA_HOME, so the user's real kernelspec is never touched.
async function withDataHome(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir(), before = Deno.env.get("XDG_DATA_HOME");
  Deno.env.set("XDG_DATA_HOME", dir);
  try {
    await fn(dir);
  } finally {
    if (before === undefined) Deno.env.delete("XDG_DATA_HOME");
    else Deno.env.set("XDG_DATA_HOME", before);
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("ensureKernelspec installs a spec running this deno, then leaves it alone", async () => {
  await withDataHome(async (dir) => {
    const path = kernelJsonPath("deno-test");
    assert.equal(path, join(dir, "jupyter", "kernels", "deno-test", "kernel.json"));
    assert.equal(await ensureKernelspec({ name: "deno-test" }), true);
    const argv0 = await kernelspecDeno("deno-test");
    assert.equal(await Deno.realPath(argv0!), await Deno.realPath(Deno.execPath()));
    assert.equal(await ensureKernelspec({ name: "deno-test" }), false, "idempotent");
  });
});

Deno.test("a kernelspec pinned to another (moved) deno is rewritten", async () => {
  await withDataHome(async () => {
    const path = kernelJsonPath("deno-test");
    await Deno.mkdir(join(path, ".."), { recursive: true });
    await Deno.writeTextFile(path, JSON.stringify({ argv: ["/gone/npx-cache/deno", "jupyter"] }));
    assert.equal(await ensureKernelspec({ name: "deno-test" }), true);
    assert.notEqual(await kernelspecDeno("deno-test"), "/gone/npx-cache/deno");
  });
});
