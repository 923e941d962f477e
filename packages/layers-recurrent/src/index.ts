export { Bidirectional, type BidirectionalOptions, type MergeMode } from './bidirectional';
export type { BaseCellOptions } from './cell-options';
export { DropoutMasks, type SequenceDropoutMasks } from './dropout-masks';
export { GRU, type GRUOptions } from './gru';
export { GRUCell, type GRUCellOptions } from './gru-cell';
export { LSTM, type LSTMOptions } from './lstm';
export { LSTMCell, type LSTMCellOptions } from './lstm-cell';
export type { RecurrentActivation } from './recurrent-activation';
export { registerRecurrentLayers } from './register-recurrent-layers';
export { type RecurrentLayerOptions, RNN, type RNNOptions } from './rnn';
export {
  type FusedCellSpec,
  RnnCell,
  type RnnCellKind,
  type RnnStepArgs,
  type RnnStepResult,
} from './rnn-cell';
export { SimpleRNN, type SimpleRNNOptions } from './simple-rnn';
export { SimpleRNNCell, type SimpleRNNCellOptions } from './simple-rnn-cell';
