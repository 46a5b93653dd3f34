/**
 * The numeric kernels of the MNIST models, on row-major `Float32Array`s: the
 * matrix product (a WebAssembly SIMD micro-kernel behind {@link gemm}, split
 * over {@link setThreads} threads with the same bits for any count), softmax
 * cross-entropy, ReLU and column sums, the sparse product {@link spmm} of a CSR
 * matrix ({@link sparsify}) with a dense one, plus the naive product they are tested
 * and benchmarked against.
 *
 * @module
 */
export {
  gemm,
  gemmBackend,
  type GemmOptions,
  matmul,
  matmulNT,
  matmulTN,
  useSystemBlas,
  useWebAssemblyGemm,
} from "./gemm.ts";
export { defaultThreads, MAX_THREADS, setThreads, startThreads, threads } from "./threads.ts";
export { OPENBLAS_PATHS, openSystemBlas, type SystemBlas } from "./system_blas.ts";
export { naiveMatmul } from "./naive_matmul.ts";
export { countCorrect, softmaxCrossEntropy } from "./softmax_cross_entropy.ts";
export { relu, reluBackward } from "./relu.ts";
export { columnSums } from "./column_sums.ts";
export { type Csr, emptySparse, type SparseMatrix, sparsify } from "./csr.ts";
export { col2im, convOutputSize, type ConvShape, im2col } from "./im2col.ts";
export {
  type LrnWindow,
  type MapsShape,
  pooledSize,
  reluLrnPool,
  reluLrnPoolBackward,
} from "./lrn_pool.ts";
export { spmm, SPMM_PANEL, type SpmmOptions } from "./spmm.ts";
