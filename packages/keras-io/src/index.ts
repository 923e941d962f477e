export { encodeKerasModel, type KerasFormat, type SaveKerasModelOptions } from './encode-keras-model';
export { KerasIoError, type KerasIoErrorCode } from './keras-io-error';
export { type LoadKerasModelOptions, loadKerasModel } from './load-keras-model';
export { type LoadKerasWeightsOptions, loadKerasWeights } from './load-keras-weights';
export type { KerasSource } from './read-source';
