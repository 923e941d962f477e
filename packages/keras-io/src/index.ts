export { KerasIoError, type KerasIoErrorCode } from './keras-io-error';
export { type LoadKerasModelOptions, loadKerasModel } from './load-keras-model';
export type { KerasSource } from './read-source';
