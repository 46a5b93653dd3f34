/**
 * MNIST-style data, verified end to end: the IDX reader, gzip, SHA-256 checks
 * against pinned digests, the source order (a named folder, the cache, the npm
 * package, system folders, a download) and byte-to-float minibatches.
 *
 * @example
 * ```ts ignore
 * import { fillBatch, loadMnist } from "./mod.ts";
 * const { train, source } = await loadMnist({ dataset: "mnist" });
 * const x = new Float32Array(32 * 784), y = new Uint8Array(32);
 * fillBatch(train, Array.from({ length: 32 }, (_, i) => i), x, y);
 * console.log(source, y);
 * ```
 *
 * @module
 */
export { loadMnist, type LoadOptions } from "./load.ts";
export { type SplitRanges, splitRanges, trainValidationSplit, VALIDATION_SIZE } from "./split.ts";
export { fillBatch, type LabelArray, PIXEL_LUT } from "./batch.ts";
export { DATASETS, FASHION_MNIST, MNIST } from "./checksums.ts";
export {
  encodeIdx,
  IDX_UNSIGNED_BYTE,
  type IdxArray,
  type IdxImages,
  type IdxLabels,
  parseIdx,
  parseIdxImages,
  parseIdxLabels,
} from "./idx.ts";
export { gunzip, type GunzipOptions, isGzip } from "./gzip.ts";
export { sha256Hex } from "./sha256.ts";
export { type VerifiedFile, verifyFile } from "./verify.ts";
export { type DownloadedFile, type DownloadOptions, downloadVerified } from "./download.ts";
export {
  defaultCacheDir,
  type DirSource,
  envDataDir,
  npmPackageDirs,
  projectRoot,
  searchDirs,
} from "./sources.ts";
export {
  ChecksumError,
  DataUnavailableError,
  DownloadError,
  GzipError,
  IdxFormatError,
} from "./errors.ts";
export type * from "./types.ts";
export {
  CIFAR10,
  CIFAR10_HINT,
  type Cifar10Dataset,
  type Cifar10Options,
  type Cifar10Spec,
  loadCifar10,
} from "./cifar10.ts";
export {
  CIFAR10_CLASSES,
  CIFAR_IMAGE_BYTES,
  CIFAR_RECORD_BYTES,
  type CifarBatch,
  CifarFormatError,
  encodeCifarBatch,
  parseCifarBatch,
} from "./cifar10_format.ts";
export { ArchiveError, untarGz } from "./cifar10_archive.ts";
export { downloadArchive } from "./cifar10_download.ts";
export { md5Hex } from "./md5.ts";
export { padSplit } from "./pad.ts";
export { sliceSplit } from "./slice.ts";
