import type { KernelActivation, RnnCellKind } from '../types';

/**
 * Kernel name of the fused SimpleRNN sequence (forward). tfjs' pattern: the name is declared once here,
 * each backend adapter registers a `KernelConfig` under it, and one `GradConfig` differentiates it.
 * @example
 * ```ts
 * tf.getKernel(TensorseqSimpleRnnSequence, tf.getBackend()); // → the config once an adapter registered it
 * ```
 */
export const TensorseqSimpleRnnSequence = 'TensorseqSimpleRnnSequence';
/**
 * Kernel name of the fused LSTM sequence (forward).
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqLstmSequence, inputs, attrs); // → [outputs?, h, c]
 * ```
 */
export const TensorseqLstmSequence = 'TensorseqLstmSequence';
/**
 * Kernel name of the fused GRU sequence (forward).
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqGruSequence, inputs, attrs); // → [outputs?, h]
 * ```
 */
export const TensorseqGruSequence = 'TensorseqGruSequence';
/**
 * Kernel name of the SimpleRNN sequence's backward pass (BPTT), run by its gradient.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqSimpleRnnSequenceGrad, gradInputs, attrs); // → [dx, dKernel, …]
 * ```
 */
export const TensorseqSimpleRnnSequenceGrad = 'TensorseqSimpleRnnSequenceGrad';
/**
 * Kernel name of the LSTM sequence's backward pass (BPTT), run by its gradient.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqLstmSequenceGrad, gradInputs, attrs); // → [dx, dKernel, …]
 * ```
 */
export const TensorseqLstmSequenceGrad = 'TensorseqLstmSequenceGrad';
/**
 * Kernel name of the GRU sequence's backward pass (BPTT), run by its gradient.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqGruSequenceGrad, gradInputs, attrs); // → [dx, dKernel, …]
 * ```
 */
export const TensorseqGruSequenceGrad = 'TensorseqGruSequenceGrad';

/**
 * The forward and backward kernel names of each cell family.
 * @example
 * ```ts
 * RNN_SEQUENCE_KERNELS.lstm.forward; // → 'TensorseqLstmSequence'
 * ```
 */
export const RNN_SEQUENCE_KERNELS: Readonly<Record<RnnCellKind, { forward: string; backward: string }>> = {
  simpleRnn: { forward: TensorseqSimpleRnnSequence, backward: TensorseqSimpleRnnSequenceGrad },
  lstm: { forward: TensorseqLstmSequence, backward: TensorseqLstmSequenceGrad },
  gru: { forward: TensorseqGruSequence, backward: TensorseqGruSequenceGrad },
};

/**
 * Inputs of a `Tensorseq*Sequence` kernel, by name (`T` is the tensor type: tfjs' `TensorInfo` in the
 * adapters, `Tensor` in the layers; this package does not depend on tfjs). Shapes use B batch, T time,
 * F features, U units, G gates (1, 4, 3).
 * @example
 * ```ts
 * const inputs: RnnSequenceKernelInputs<tf.Tensor> = { x, kernel, recurrentKernel, h0 };
 * ```
 */
export interface RnnSequenceKernelInputs<T> {
  /** [B, T, F] float32; with `ids`, an embedding table [V, F]. */
  x: T;
  /**
   * Embedding ids [B, T] int32 in [0, V), or absent: step t of row b then reads `x[ids[b, t]]` (an
   * `Embedding` fused into the layer; `x`'s gradient is the table's). Not with `inputDropoutMask`. Not
   * differentiated.
   */
  ids?: T;
  /** [F, G·U]. */
  kernel: T;
  /** [U, G·U]. */
  recurrentKernel: T;
  /** [G·U], or [2, 3U] for a GRU with `resetAfter`; absent without bias. */
  bias?: T;
  /** Initial hidden state [B, U]. */
  h0: T;
  /** Initial carry [B, U] (lstm only). */
  c0?: T;
  /** [B, T], 1 = real step, 0 = masked (carried); absent = no mask. Not differentiated. */
  mask?: T;
  /** [B, F], already scaled by 1/(1-rate). Not differentiated. */
  inputDropoutMask?: T;
  /** [B, U], already scaled. Not differentiated. */
  recurrentDropoutMask?: T;
}

/**
 * Attributes of a `Tensorseq*Sequence` kernel (and of its backward kernel).
 * @example
 * ```ts
 * const attrs: RnnSequenceKernelAttrs = { activation: 'tanh', recurrentActivation: 'sigmoid',
 *   resetAfter: true, goBackwards: false, returnSequences: false, training: true };
 * ```
 */
export interface RnnSequenceKernelAttrs {
  /** Cell activation. */
  activation: KernelActivation;
  /** Gate activation (lstm, gru). */
  recurrentActivation: KernelActivation;
  /** GRU: reset gate after the recurrent matmul. */
  resetAfter: boolean;
  /** Process t = T-1 … 0 (outputs stay in processing order). */
  goBackwards: boolean;
  /** Whether the kernel returns the per-step outputs as its first output. */
  returnSequences: boolean;
  /** Keep what the backward pass needs (else the gradient recomputes the forward). */
  training: boolean;
}

/**
 * Inputs of a `Tensorseq*SequenceGrad` kernel: the gradients of the forward's outputs (absent = zero).
 * The backward kernel is run with the forward call's own attrs object (tfjs hands the same object to the
 * gradient), which identifies the forward run whose saved buffers it reads; a backend keeps them in a
 * `WeakMap` keyed by that object, so they live exactly as long as the tape node.
 * Its outputs, in order: dx, dKernel, dRecurrentKernel, dBias (when the forward had a bias), dh0, dc0 (lstm).
 * @example
 * ```ts
 * const gradInputs: RnnSequenceGradKernelInputs<tf.Tensor> = { dH: dy };
 * tf.engine().runKernel(TensorseqLstmSequenceGrad, gradInputs, forwardAttrs);
 * ```
 */
export interface RnnSequenceGradKernelInputs<T> {
  /** dL/d(outputs) [B, T, U] (only when the forward returned sequences). */
  dOutputs?: T;
  /** dL/d(final h) [B, U]. */
  dH?: T;
  /** dL/d(final c) [B, U] (lstm). */
  dC?: T;
}

/**
 * The number of states of a cell family (lstm has h and c).
 * @example
 * ```ts
 * rnnStateCount('lstm'); // → 2
 * ```
 */
export function rnnStateCount(cell: RnnCellKind): number {
  return cell === 'lstm' ? 2 : 1;
}
