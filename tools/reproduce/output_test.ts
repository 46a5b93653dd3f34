import assert from "node:assert/strict";
import { Staged, writeAtomic } from "./output.ts";

Deno.test("Staged: nothing is written before commit; commit writes every file, no temporaries left", async () => {
  const dir = await Deno.makeTempDir();
  const s = new Staged(dir);
  s.json("a.json", { x: NaN, y: 1 });
  s.text("sub/b.md", "hello\n");
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await s.commit();
  assert.equal(await Deno.readTextFile(`${dir}/a.json`), '{\n "x": null,\n "y": 1\n}\n');
  assert.equal(await Deno.readTextFile(`${dir}/sub/b.md`), "hello\n");
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["a.json", "sub"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("writeAtomic: replaces a file whole", async () => {
  const dir = await Deno.makeTempDir();
  await writeAtomic(`${dir}/f.txt`, "old");
  await writeAtomic(`${dir}/f.txt`, "new");
  assert.equal(await Deno.readTextFile(`${dir}/f.txt`), "new");
  assert.equal([...Deno.readDirSync(dir)].length, 1);
  await Deno.remove(dir, { recursive: true });
});
