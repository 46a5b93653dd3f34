import assert from "node:assert/strict";
import { ChecksumError, DataUnavailableError } from "./errors.ts";
import { loadMnist } from "./load.ts";
import { makeTinyDataset, serveRoutes, writeFiles } from "./_testing.ts";
import type { DatasetSpec } from "./types.ts";

const tiny = await makeTinyDataset(7);
const { spec } = tiny;
const names = Object.values(spec.files).map((f) => f.name);

async function tempDir(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "mnist-load-" });
}

function pick(files: Record<string, Uint8Array>, keep: string[]): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).filter(([n]) => keep.includes(n)));
}

Deno.test("a named folder of raw files loads, with counts, sizes and provenance", async () => {
  const dir = await tempDir();
  await writeFiles(dir, tiny.raw);
  const data = await loadMnist({ spec, dataDir: dir });
  assert.deepEqual([data.train.count, data.train.rows, data.train.cols], [12, 4, 3]);
  assert.equal(data.test.count, 5);
  assert.deepEqual(data.train.images, tiny.content.trainPixels);
  assert.deepEqual(data.train.labels, tiny.content.trainLabels);
  assert.deepEqual(data.test.images, tiny.content.testPixels);
  assert.equal(data.source, `folder ${dir} (from dataDir / --data-dir)`);
  assert.ok(data.files.every((f) => f.verifiedBy === "idx-sha256"));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a named folder of .gz files loads, verified by the gzip digests", async () => {
  const dir = await tempDir();
  await writeFiles(dir, tiny.gz, ".gz");
  const data = await loadMnist({ spec, dataDir: dir });
  assert.deepEqual(data.train.images, tiny.content.trainPixels);
  assert.ok(data.files.every((f) => f.verifiedBy === "gz-sha256" && f.path.endsWith(".gz")));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a named folder with a bad file is an error, even when the cache is good", async () => {
  const named = await tempDir();
  const cache = await tempDir();
  await writeFiles(cache, tiny.raw);
  const bad = { ...tiny.raw };
  const labels = bad[spec.files.testLabels.name]!.slice();
  labels[labels.length - 1] = (labels[labels.length - 1]! + 1) % 10;
  bad[spec.files.testLabels.name] = labels;
  await writeFiles(named, bad);
  await assert.rejects(
    loadMnist({ spec, dataDir: named, cacheDir: cache }),
    (e: Error) =>
      e instanceof ChecksumError && e.source === `${named}/${spec.files.testLabels.name}` &&
      e.expected[0] === spec.files.testLabels.idxSha256,
  );
  await Deno.remove(named, { recursive: true });
  await Deno.remove(cache, { recursive: true });
});

Deno.test("a named folder missing a file says which", async () => {
  const dir = await tempDir();
  await writeFiles(dir, pick(tiny.raw, names.slice(0, 3)));
  await assert.rejects(
    loadMnist({ spec, dataDir: dir }),
    (e: Error) =>
      e instanceof DataUnavailableError && /missing t10k-labels-idx1-ubyte/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("the data set's environment variable names a folder; useEnv: false ignores it", async () => {
  const dir = await tempDir();
  await writeFiles(dir, tiny.gz, ".gz");
  const envSpec: DatasetSpec = { ...spec, envVar: "TINY7_LOAD_TEST_DATA_DIR" };
  Deno.env.set("TINY7_LOAD_TEST_DATA_DIR", dir);
  try {
    const data = await loadMnist({ spec: envSpec });
    assert.equal(data.source, `folder ${dir} (from $TINY7_LOAD_TEST_DATA_DIR)`);
    const empty = await tempDir();
    await assert.rejects(
      loadMnist({ spec: envSpec, useEnv: false, cacheDir: empty }),
      DataUnavailableError,
    );
    await Deno.remove(empty);
  } finally {
    Deno.env.delete("TINY7_LOAD_TEST_DATA_DIR");
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("search order: cache first, then later folders fill the gaps per file", async () => {
  const cache = await tempDir();
  const system = await tempDir();
  await writeFiles(cache, pick(tiny.raw, names.slice(0, 2)));
  const corrupt = tiny.gz[names[2]!]!.slice(0, 40);
  await Deno.writeFile(`${cache}/${names[2]}.gz`, corrupt); // a bad cached copy: skipped
  await writeFiles(system, tiny.gz, ".gz");
  const log: string[] = [];
  const data = await loadMnist({
    spec: { ...spec, systemDirs: [system] },
    cacheDir: cache,
    log: (l) => log.push(l),
  });
  const bySource = data.files.map((f) => f.source);
  assert.deepEqual(bySource, [
    `cache ${cache}`,
    `cache ${cache}`,
    `system folder ${system}`,
    `system folder ${system}`,
  ]);
  assert.match(data.source, /train-images-idx3-ubyte: cache .*; t10k-labels-idx1-ubyte: system/);
  assert.equal(log.length, 1);
  assert.match(log[0]!, /skipped t10k-images-idx3-ubyte in cache .*checksum mismatch/);
  await Deno.remove(cache, { recursive: true });
  await Deno.remove(system, { recursive: true });
});

Deno.test("without a copy and without download, the error lists sources and hints", async () => {
  const cache = await tempDir();
  await assert.rejects(loadMnist({ spec, cacheDir: cache }), (e: Error) => {
    assert.ok(e instanceof DataUnavailableError);
    assert.match(e.message, new RegExp(`missing ${names.join(", ")} after looking in cache`));
    assert.match(e.message, /--download/);
    return true;
  });
  await Deno.remove(cache);
});

Deno.test("download: a failing mirror is skipped, files land in the cache, then are reused", async () => {
  const cache = await tempDir();
  const routes = Object.fromEntries(
    names.map((n) => [`/good/${n}.gz`, { kind: "ok" as const, body: tiny.gz[n]! }]),
  );
  const server = serveRoutes(routes);
  try {
    const mirrors = [`${server.base}missing/`, `${server.base}good/`];
    const lines: string[] = [];
    const data = await loadMnist({
      spec: { ...spec, mirrors },
      cacheDir: cache,
      download: true,
      timeoutMs: 10_000,
      log: (l) => lines.push(l),
    });
    assert.equal(data.source, `download from ${server.base}good/`);
    assert.deepEqual(data.train.images, tiny.content.trainPixels);
    assert.equal(lines.length, 8, "each file: the missing mirror, then the good one");
    const cached: string[] = [];
    for await (const e of Deno.readDir(cache)) cached.push(e.name);
    assert.deepEqual(cached.sort(), names.map((n) => `${n}.gz`).sort());
    const before = server.requests.length;
    const again = await loadMnist({ spec: { ...spec, mirrors }, cacheDir: cache, download: true });
    assert.equal(again.source, `cache ${cache}`);
    assert.equal(server.requests.length, before, "no new request");
  } finally {
    await server.close();
    await Deno.remove(cache, { recursive: true });
  }
});

Deno.test("download: when every mirror fails, the error carries each failure", async () => {
  const cache = await tempDir();
  const wrong = await makeTinyDataset(8);
  const routes = Object.fromEntries(
    names.map((n) => [`/bad/${n}.gz`, { kind: "ok" as const, body: wrong.gz[n]! }]),
  );
  const server = serveRoutes(routes);
  try {
    await assert.rejects(
      loadMnist({
        spec: { ...spec, mirrors: [`${server.base}bad/`] },
        cacheDir: cache,
        download: true,
        timeoutMs: 10_000,
      }),
      (e: Error) => {
        assert.ok(e instanceof DataUnavailableError);
        assert.equal(e.attempts.filter((a) => /checksum mismatch/.test(a)).length, 4);
        return true;
      },
    );
    const left: string[] = [];
    for await (const e of Deno.readDir(cache)) left.push(e.name);
    assert.deepEqual(left, [], "nothing kept");
  } finally {
    await server.close();
    await Deno.remove(cache, { recursive: true });
  }
});

Deno.test("images and labels with different counts are rejected", async () => {
  const other = await makeTinyDataset(9, { train: 11, test: 5, rows: 4, cols: 3 });
  const mixed: DatasetSpec = {
    ...spec,
    files: { ...spec.files, trainLabels: other.spec.files.trainLabels },
  };
  const dir = await tempDir();
  await writeFiles(dir, { ...tiny.raw, [names[1]!]: other.raw[names[1]!]! });
  await assert.rejects(
    loadMnist({ spec: mixed, dataDir: dir }),
    /has 12 images but .* has 11 labels/,
  );
  await Deno.remove(dir, { recursive: true });
});
