/**
 * The two models of the paper's MNIST experiments, each with its parameters in
 * one `Float32Array`: multinomial logistic regression (784 → 10) and the
 * one-hidden-layer ReLU network (784 → 100 → 10).
 *
 * @module
 */
export type { Model, ParamBlock } from "./types.ts";
export { logisticRegression, type LogisticRegressionOptions } from "./logistic_regression.ts";
export { mlp, type MlpOptions } from "./mlp.ts";
export { fillUniform, glorotUniformBound, heUniformBound, torchLinearBound } from "./init.ts";
export { EVAL_CHUNK } from "./_evaluate.ts";
export { type InputOptions, SPARSE_DENSITY } from "./_dense.ts";
export { cifarnet, type CifarnetOptions } from "./cifarnet.ts";
export { type BlockHook, ConvLayer, type ConvSizes } from "./conv.ts";
export { type MapShape, maxPool2, maxPool2Backward } from "./max_pool.ts";
export { lrn, LRN_DEFAULTS, lrnBackward, type LrnParams } from "./lrn.ts";
export { applyMask, drawMask } from "./dropout.ts";
