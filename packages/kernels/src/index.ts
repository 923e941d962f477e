export { initKernels, kernelsBackend, setKernelsBackend, setKernelsThreads } from './backend';
export {
  type Conv1DGradKernelInputs,
  type Conv1DKernelActivation,
  type Conv1DKernelAttrs,
  type Conv1DKernelInputs,
  TensorseqConv1D,
  TensorseqConv1DGrad,
  TensorseqConv1DInputGrad,
  type Window1DKernelAttrs,
} from './contract/conv1d-kernel';
export {
  POOL1D_KERNELS,
  type Pool1DGradKernelInputs,
  type Pool1DKernelAttrs,
  type Pool1DKernelInputs,
  type Pool1DMode,
  TensorseqAvgPool1D,
  TensorseqAvgPool1DGrad,
  TensorseqMaxPool1D,
  TensorseqMaxPool1DGrad,
} from './contract/pool1d-kernel';
export {
  RNN_SEQUENCE_KERNELS,
  type RnnSequenceGradKernelInputs,
  type RnnSequenceKernelAttrs,
  type RnnSequenceKernelInputs,
  rnnStateCount,
  TensorseqGruSequence,
  TensorseqGruSequenceGrad,
  TensorseqLstmSequence,
  TensorseqLstmSequenceGrad,
  TensorseqSimpleRnnSequence,
  TensorseqSimpleRnnSequenceGrad,
} from './contract/rnn-sequence-kernel';
export {
  type TapGatherKernelAttrs,
  type TapScatterKernelAttrs,
  TensorseqTapGather,
  TensorseqTapScatter,
} from './contract/tap-gather-kernel';
export { TensorseqWeightUpdate, type WeightUpdateKernelAttrs } from './contract/weight-update-kernel';
export { conv1dBackward, conv1dBackwardInput, conv1dBackwardWeights, conv1dForward } from './conv1d';
export type {
  Conv1dArgs,
  Conv1dBackwardOptions,
  Conv1dGrads,
  Conv1dOptions,
  Conv1dWeightGrads,
} from './conv1d-types';
export { type EmbeddingRowsOptions, gatherRows, scatterAddRows } from './embedding-rows';
export { rmspropUpdateJs } from './js/rmsprop-update-js';
export { kernelsArray, releaseKernelsArray } from './kernels-array';
export { type KernelsInfo, kernelsInfo } from './kernels-info';
export { maxPool1dBackward, maxPool1dForward } from './max-pool1d';
export type { MaxPool1dArgs, MaxPool1dOptions } from './max-pool1d-types';
export type { RmspropArgs } from './rmsprop-types';
export { rmspropUpdate } from './rmsprop-update';
export { rnnSequenceBackward } from './rnn-sequence-backward';
export { rnnSequenceForward } from './rnn-sequence-forward';
export { sgemm } from './sgemm';
export { releaseSlotArray, type SlotArrayAllocator, setSlotArrayAllocator, slotArray } from './slot-arrays';
export { tapBiasGrad, tapGather, tapScatter } from './tap-gather';
export type {
  TapBiasArgs,
  TapGatherArgs,
  TapScatterArgs,
  TapScatterGrads,
  TapShape,
} from './tap-gather-types';
export type {
  KernelActivation,
  KernelsBackend,
  RnnCellKind,
  RnnSequenceArgs,
  RnnSequenceBackwardOptions,
  RnnSequenceForwardOptions,
  RnnSequenceGrads,
  RnnSequenceResult,
  RnnSequenceSaved,
} from './types';
