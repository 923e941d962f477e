export { initKernels, kernelsBackend, setKernelsBackend } from './backend';
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
export { rnnSequenceBackward } from './rnn-sequence-backward';
export { rnnSequenceForward } from './rnn-sequence-forward';
export { sgemm } from './sgemm';
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
