export { AveragePooling1D } from './average-pooling1d';
export {
  type ConvPadding,
  convOutputLength,
  type Window1D,
  type Window1DOptions,
  window1d,
} from './conv-utils';
export { Conv1D, type Conv1DOptions } from './conv1d';
export { GlobalAveragePooling1D } from './global-average-pooling1d';
export { GlobalMaxPooling1D } from './global-max-pooling1d';
export { GlobalPooling1D, type GlobalPooling1DOptions } from './global-pooling1d';
export { MaxPooling1D } from './max-pooling1d';
export { type Pool1DKernels, Pooling1D, type Pooling1DOptions } from './pooling1d';
export { registerConv1dLayers } from './register';
