import assert from "node:assert/strict";
import { CIFAR10, type Cifar10Spec, loadCifar10 } from "./cifar10.ts";
import { ArchiveError, untarGz } from "./cifar10_archive.ts";
import { downloadArchive } from "./cifar10_download.ts";
import {
  CIFAR_IMAGE_BYTES,
  CifarFormatError,
  encodeCifarBatch,
  parseCifarBatch,
} from "./cifar10_format.ts";
import { DataUnavailableError, DownloadError } from "./errors.ts";
import { md5Hex } from "./md5.ts";
import { gzip, serveRoutes } from "./_testing.ts";
import { fillBatch } from "./batch.ts";
import { Rng } from "../random/rng.ts";

const RECORDS = 4;

/** Six small CIFAR-format files (4 records each), their tar.gz and a spec pinning its MD5. */
async function makeTinyCifar(seed = 1) {
  const rng = new Rng(seed);
  const files = new Map<string, { labels: Uint8Array; images: Uint8Array }>();
  const dir = await Deno.makeTempDir({ prefix: "cifar-src-" });
  await Deno.mkdir(`${dir}/cifar-10-batches-bin`);
  for (const name of [...CIFAR10.trainFiles, CIFAR10.testFile]) {
    const labels = Uint8Array.from({ length: RECORDS }, () => rng.int(10));
    const images = Uint8Array.from({ length: RECORDS * CIFAR_IMAGE_BYTES }, () => rng.int(256));
    files.set(name, { labels, images });
    await Deno.writeFile(`${dir}/cifar-10-batches-bin/${name}`, encodeCifarBatch(labels, images));
  }
  await Deno.writeTextFile(`${dir}/cifar-10-batches-bin/batches.meta.txt`, "airplane\n");
  const tar = new Deno.Command("tar", { args: ["-C", dir, "-cf", "-", "cifar-10-batches-bin"] });
  const out = await tar.output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  await Deno.remove(dir, { recursive: true });
  const archive = await gzip(out.stdout);
  const spec: Cifar10Spec = {
    ...CIFAR10,
    id: `tiny-cifar${seed}`,
    archiveMd5: md5Hex(archive),
    maxArchiveBytes: archive.length + 10_000,
    recordsPerFile: RECORDS,
    envVar: undefined,
  };
  return { files, archive, spec };
}

const tiny = await makeTinyCifar();

async function withDir(body: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "cifar-" });
  try {
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function listDir(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

function assertTinyContent(got: Awaited<ReturnType<typeof loadCifar10>>) {
  assert.equal(got.train.count, 5 * RECORDS);
  assert.equal(got.test.count, RECORDS);
  assert.equal(got.train.channels, 3);
  const third = tiny.files.get("data_batch_3.bin")!;
  const at = 2 * RECORDS;
  assert.deepEqual(got.train.labels.subarray(at, at + RECORDS), third.labels);
  assert.deepEqual(
    got.train.images.subarray(at * CIFAR_IMAGE_BYTES, (at + RECORDS) * CIFAR_IMAGE_BYTES),
    third.images,
  );
  assert.deepEqual(got.test.labels, tiny.files.get("test_batch.bin")!.labels);
}

Deno.test("parseCifarBatch splits records and rejects bad lengths and labels", () => {
  const { labels, images } = tiny.files.get("test_batch.bin")!;
  const bytes = encodeCifarBatch(labels, images);
  const b = parseCifarBatch(bytes, "t.bin", RECORDS);
  assert.deepEqual(b.labels, labels);
  assert.deepEqual(b.images, images);
  assert.equal(b.images[CIFAR_IMAGE_BYTES], bytes[3073 + 1], "record 1's first red pixel");
  assert.throws(() => parseCifarBatch(bytes.subarray(1), "t.bin"), CifarFormatError);
  assert.throws(() => parseCifarBatch(bytes, "t.bin", 10_000), /4 records; expected 10000/);
  const bad = bytes.slice();
  bad[3073] = 10;
  assert.throws(() => parseCifarBatch(bad, "t.bin"), /record 1 has label 10/);
});

Deno.test("fillBatch reads three planes per CIFAR image", () => {
  const { labels, images } = tiny.files.get("test_batch.bin")!;
  const split = { images, labels, count: RECORDS, rows: 32, cols: 32, channels: 3 };
  const x = new Float32Array(2 * 3072);
  fillBatch(split, [3, 0], x);
  assert.equal(x[3071], Math.fround(images[4 * 3072 - 1]! / 255));
  assert.equal(x[3072], Math.fround(images[0]! / 255));
});

Deno.test("untarGz keeps regular files by base name; a cut archive is an error", async () => {
  const files = await untarGz(tiny.archive, "a.tar.gz");
  assert.deepEqual([...files.keys()].sort(), [
    "batches.meta.txt",
    "data_batch_1.bin",
    "data_batch_2.bin",
    "data_batch_3.bin",
    "data_batch_4.bin",
    "data_batch_5.bin",
    "test_batch.bin",
  ]);
  const tar = await untarGz(tiny.archive, "a", (n) => n === "test_batch.bin");
  assert.deepEqual([...tar.keys()], ["test_batch.bin"]);
  const plain = await new Response(
    new Blob([tiny.archive as Uint8Array<ArrayBuffer>]).stream()
      .pipeThrough(new DecompressionStream("gzip")),
  ).arrayBuffer();
  const cut = new Uint8Array(plain).subarray(0, 3 * 512 + 5000);
  await assert.rejects(untarGz(cut, "cut.tar"), (e: Error) => {
    assert.ok(e instanceof ArchiveError, String(e));
    assert.match(e.message, /cut\.tar: damaged tar archive: .*Truncated/);
    return true;
  });
});

Deno.test("a named folder with the archive: MD5 checked, unpacked, loaded", async () => {
  await withDir(async (dir) => {
    await Deno.writeFile(`${dir}/cifar-10-binary.tar.gz`, tiny.archive);
    const got = await loadCifar10({ spec: tiny.spec, dataDir: dir });
    assert.equal(got.verifiedBy, "archive-md5");
    assertTinyContent(got);
  });
});

Deno.test("a named folder with unpacked files is format-checked and says so", async () => {
  await withDir(async (dir) => {
    await Deno.mkdir(`${dir}/cifar-10-batches-bin`);
    for (const [name, f] of tiny.files) {
      await Deno.writeFile(
        `${dir}/cifar-10-batches-bin/${name}`,
        encodeCifarBatch(f.labels, f.images),
      );
    }
    const got = await loadCifar10({ spec: tiny.spec, dataDir: dir });
    assert.equal(got.verifiedBy, "format-only");
    assert.match(got.source, /no published per-file checksum/);
    assertTinyContent(got);
    await Deno.remove(`${dir}/cifar-10-batches-bin/data_batch_4.bin`);
    await assert.rejects(loadCifar10({ spec: tiny.spec, dataDir: dir }), /lacks data_batch_4\.bin/);
  });
});

Deno.test("a corrupt archive in a named folder is an error naming both MD5s", async () => {
  await withDir(async (dir) => {
    const bad = tiny.archive.slice();
    bad[100]! ^= 0xff;
    await Deno.writeFile(`${dir}/cifar-10-binary.tar.gz`, bad);
    await assert.rejects(loadCifar10({ spec: tiny.spec, dataDir: dir }), (e: Error) => {
      assert.ok(e instanceof DataUnavailableError);
      assert.ok(e.message.includes(tiny.spec.archiveMd5));
      assert.ok(e.message.includes(md5Hex(bad)));
      return true;
    });
  });
});

Deno.test("nothing found without a download: one hint, the cache named", async () => {
  await withDir(async (dir) => {
    await assert.rejects(
      loadCifar10({ spec: tiny.spec, cacheDir: dir, useEnv: false }),
      (e: Error) => {
        assert.ok(e instanceof DataUnavailableError);
        assert.match(e.message, /cache .*no cifar-10-binary\.tar\.gz/);
        assert.match(e.message, /--download/);
        return true;
      },
    );
  });
});

Deno.test("download: good archive is renamed into the cache, then read from there", async () => {
  const server = serveRoutes({ "/c/cifar-10-binary.tar.gz": { kind: "ok", body: tiny.archive } });
  try {
    await withDir(async (dir) => {
      const spec = {
        ...tiny.spec,
        urls: [`${server.base}missing.tar.gz`, `${server.base}c/cifar-10-binary.tar.gz`],
      };
      const got = await loadCifar10({ spec, cacheDir: dir, download: true, useEnv: false });
      assertTinyContent(got);
      assert.match(got.source, /download from .*\/c\/cifar-10-binary\.tar\.gz/);
      assert.deepEqual(await listDir(dir), ["cifar-10-binary.tar.gz"]);
      const again = await loadCifar10({ spec: tiny.spec, cacheDir: dir, useEnv: false });
      assert.equal(again.source, `${dir}/cifar-10-binary.tar.gz`);
      assert.equal(server.requests.length, 2, "the second load used the cache");
    });
  } finally {
    await server.close();
  }
});

Deno.test("download: truncated, corrupt and interrupted bodies leave nothing", async () => {
  const corrupt = tiny.archive.slice();
  corrupt[50]! ^= 0x0f;
  const server = serveRoutes({
    "/short.tar.gz": { kind: "ok", body: tiny.archive.subarray(0, tiny.archive.length - 100) },
    "/corrupt.tar.gz": { kind: "ok", body: corrupt },
    "/cut.tar.gz": { kind: "cut", body: tiny.archive, sendBytes: 1000 },
  });
  try {
    await withDir(async (dir) => {
      for (
        const [path, pattern] of [
          ["short.tar.gz", /checksum mismatch/],
          ["corrupt.tar.gz", /checksum mismatch/],
          ["cut.tar.gz", /(interrupted|closed) after 1000/],
        ] as const
      ) {
        await assert.rejects(
          downloadArchive(`${server.base}${path}`, tiny.spec, dir, 10_000),
          (e: Error) => {
            assert.ok(e instanceof DownloadError, String(e));
            assert.match(e.message, pattern);
            assert.ok(e.message.includes(tiny.spec.archiveMd5), "expected MD5");
            assert.match(e.message, /nothing was kept/);
            return true;
          },
        );
      }
      assert.deepEqual(await listDir(dir), []);
      const spec = { ...tiny.spec, urls: [`${server.base}corrupt.tar.gz`] };
      await assert.rejects(
        loadCifar10({ spec, cacheDir: dir, download: true, useEnv: false }),
        DataUnavailableError,
      );
      assert.deepEqual(await listDir(dir), []);
    });
  } finally {
    await server.close();
  }
});
