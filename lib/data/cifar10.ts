/**
 * Loads CIFAR-10 (binary version), from the same order of sources as MNIST:
 *
 * 1. a folder the user names (`dataDir`, `--data-dir`, or `$CIFAR10_DATA_DIR`): the
 *    only source then. It holds either the archive `cifar-10-binary.tar.gz`
 *    (checked against its published MD5, then unpacked) or the unpacked
 *    `data_batch_1.bin` … `data_batch_5.bin` and `test_batch.bin` (directly or in
 *    `cifar-10-batches-bin/`). Unpacked files are checked for their format only
 *    (30 730 000 bytes, every label 0–9): the publisher gives no checksum for them,
 *    and this project could not compute one, having no copy of the data.
 * 2. the project's cache, `data/cache/cifar10/cifar-10-binary.tar.gz` (MD5 checked);
 * 3. with `download: true`, the canonical site, into a temporary file in the cache
 *    that is renamed only after its MD5 matches.
 *
 * The splits are {@link ImageSplit}s with `channels: 3`, 32 × 32, each image as
 * red, green, blue planes: 50 000 training and 10 000 test images (184 MB as bytes).
 *
 * @example
 * ```ts ignore
 * import { loadCifar10 } from "./cifar10.ts";
 * const { train, test, source } = await loadCifar10({ download: true });
 * console.log(train.count, test.count, source); // 50000 10000 download from https://…
 * ```
 *
 * @module
 */
import { join } from "node:path";
import { untarGz } from "./cifar10_archive.ts";
import { downloadArchive } from "./cifar10_download.ts";
import { CIFAR_IMAGE_BYTES, parseCifarBatch } from "./cifar10_format.ts";
import { DataUnavailableError } from "./errors.ts";
import { md5Hex } from "./md5.ts";
import { projectRoot } from "./sources.ts";
import type { ImageSplit, SourceOptions } from "./types.ts";

/** Where CIFAR-10 comes from and what it must match; tests inject small ones. */
export interface Cifar10Spec {
  /** Cache folder name and data set id: `cifar10`. */
  id: string;
  /** The archive's file name: `cifar-10-binary.tar.gz`. */
  archive: string;
  /** The archive's MD5 as published on the canonical page (hex). */
  archiveMd5: string;
  /** A download larger than this is stopped (bytes). */
  maxArchiveBytes: number;
  /** Full URLs of the archive, tried in order. */
  urls: readonly string[];
  /** The training files, in order. */
  trainFiles: readonly string[];
  /** The test file. */
  testFile: string;
  /** Records each file must hold (10 000). */
  recordsPerFile: number;
  /** The folder inside the archive: `cifar-10-batches-bin`. */
  folder: string;
  /** The environment variable naming a folder with the files. */
  envVar?: string;
}

/**
 * CIFAR-10, binary version, as published at https://www.cs.toronto.edu/~kriz/cifar.html
 * ("CIFAR-10 binary version (suitable for C programs)", 162 MB, MD5
 * c32a1d4ab5d03f1284b67883e8d87530).
 */
export const CIFAR10: Cifar10Spec = {
  id: "cifar10",
  archive: "cifar-10-binary.tar.gz",
  archiveMd5: "c32a1d4ab5d03f1284b67883e8d87530",
  maxArchiveBytes: 200_000_000,
  urls: ["https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"],
  trainFiles: [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`),
  testFile: "test_batch.bin",
  recordsPerFile: 10_000,
  folder: "cifar-10-batches-bin",
  envVar: "CIFAR10_DATA_DIR",
};

/** The one line that tells a user how to get CIFAR-10. */
export const CIFAR10_HINT: string = "CIFAR-10 is not installed: download it with " +
  "`deno task train --model cifarnet --dataset cifar10 --download` (162 MB from " +
  "https://www.cs.toronto.edu/~kriz/cifar.html, MD5-checked), or point --data-dir / " +
  "$CIFAR10_DATA_DIR at a folder with cifar-10-binary.tar.gz or its .bin files.";

/** Options of {@link loadCifar10}. */
export interface Cifar10Options extends SourceOptions {
  /** The data set's description (default {@link CIFAR10}). */
  spec?: Cifar10Spec;
}

/** A loaded CIFAR-10 and how it was checked. */
export interface Cifar10Dataset {
  /** `"cifar10"`. */
  dataset: string;
  /** 50 000 training images (channels 3, 32 × 32). */
  train: ImageSplit;
  /** 10 000 test images. */
  test: ImageSplit;
  /** Where the files came from. */
  source: string;
  /** `"archive-md5"`: the archive matched its MD5; `"format-only"`: unpacked files. */
  verifiedBy: "archive-md5" | "format-only";
}

/**
 * Loads CIFAR-10's train and test splits; see the module documentation.
 *
 * @param options where to look, whether to download
 * @returns both splits, the source and how they were checked
 * @throws {DataUnavailableError} if no source gives a verified copy (the message
 *   lists each source tried and why it was not used)
 */
export async function loadCifar10(options: Cifar10Options = {}): Promise<Cifar10Dataset> {
  const spec = options.spec ?? CIFAR10;
  const named = options.dataDir ?? (options.useEnv === false ? undefined : envDir(spec));
  if (named !== undefined) {
    try {
      const got = await fromFolder(spec, named);
      if (got) return got;
    } catch (e) {
      throw new DataUnavailableError(spec.id, [`folder ${named}: ${(e as Error).message}`], "");
    }
    throw new DataUnavailableError(
      spec.id,
      [`folder ${named}: neither ${spec.archive} nor ${spec.testFile} and the training files`],
      CIFAR10_HINT,
    );
  }
  const root = projectRoot();
  const cacheDir = options.cacheDir ?? (root && join(root, "data", "cache", spec.id));
  const attempts: string[] = [];
  if (cacheDir !== undefined) {
    try {
      const got = await fromFolder(spec, cacheDir);
      if (got) return got;
      attempts.push(`cache ${cacheDir}: no ${spec.archive}`);
    } catch (e) {
      attempts.push(`cache ${cacheDir}: ${(e as Error).message}`);
    }
  }
  if (options.download && cacheDir !== undefined) {
    for (const url of spec.urls) {
      try {
        options.log?.(`downloading ${url}`);
        const path = await downloadArchive(url, spec, cacheDir, options.timeoutMs);
        const bytes = await Deno.readFile(path);
        return { ...(await unpack(spec, bytes, path)), source: `download from ${url}` };
      } catch (e) {
        attempts.push((e as Error).message);
      }
    }
  }
  throw new DataUnavailableError(spec.id, attempts, CIFAR10_HINT);
}

function envDir(spec: Cifar10Spec): string | undefined {
  if (!spec.envVar) return undefined;
  try {
    return Deno.env.get(spec.envVar) || undefined;
  } catch {
    return undefined; // no --allow-env: treated as unset
  }
}

/** The archive (MD5-checked) or the unpacked files in `dir`; undefined when neither is there. */
async function fromFolder(spec: Cifar10Spec, dir: string): Promise<Cifar10Dataset | undefined> {
  const archive = join(dir, spec.archive);
  const bytes = await readIfThere(archive);
  if (bytes) return { ...(await unpack(spec, bytes, archive)), source: `${archive}` };
  for (const folder of [dir, join(dir, spec.folder)]) {
    const files = new Map<string, Uint8Array>();
    for (const name of [...spec.trainFiles, spec.testFile]) {
      const b = await readIfThere(join(folder, name));
      if (b) files.set(name, b);
    }
    if (files.size === 0) continue;
    return {
      ...splits(spec, files, folder),
      source: `unpacked files in ${folder} (format checked; no published per-file checksum)`,
      verifiedBy: "format-only",
    };
  }
  return undefined;
}

async function unpack(spec: Cifar10Spec, bytes: Uint8Array, path: string) {
  const got = md5Hex(bytes);
  if (got !== spec.archiveMd5) {
    throw new Error(
      `checksum mismatch for ${path}: expected MD5 ${spec.archiveMd5}, got ${got} ` +
        `(${bytes.length} bytes)`,
    );
  }
  const wanted = new Set([...spec.trainFiles, spec.testFile]);
  const files = await untarGz(bytes, path, (name) => wanted.has(name));
  return { ...splits(spec, files, path), verifiedBy: "archive-md5" as const, dataset: spec.id };
}

function splits(spec: Cifar10Spec, files: Map<string, Uint8Array>, where: string) {
  const missing = [...spec.trainFiles, spec.testFile].filter((f) => !files.has(f));
  if (missing.length > 0) throw new Error(`${where} lacks ${missing.join(", ")}`);
  const batch = (name: string) =>
    parseCifarBatch(files.get(name)!, `${where}: ${name}`, spec.recordsPerFile);
  const parts = spec.trainFiles.map(batch);
  const n = parts.length * spec.recordsPerFile;
  const train: ImageSplit = {
    images: new Uint8Array(n * CIFAR_IMAGE_BYTES),
    labels: new Uint8Array(n),
    count: n,
    rows: 32,
    cols: 32,
    channels: 3,
  };
  parts.forEach((p, i) => {
    train.images.set(p.images, i * spec.recordsPerFile * CIFAR_IMAGE_BYTES);
    train.labels.set(p.labels, i * spec.recordsPerFile);
  });
  const t = batch(spec.testFile);
  const test: ImageSplit = { ...t, rows: 32, cols: 32, channels: 3 };
  return { dataset: spec.id, train, test };
}

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}
