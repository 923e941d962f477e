import * as tf from '@tensorflow/tfjs-core';
import { RNN_SEQUENCE_KERNELS, type RnnSequenceKernelAttrs } from '@tensorseq/kernels';
import type { FusedCellSpec } from '../rnn-cell';
import type { SequenceRunOptions, SequenceRunResult } from './sequence-run';

/**
 * Why the fused kernel cannot run a cell on the active backend, or null when it can. Conditions: the cell
 * describes itself with a {@link FusedCellSpec} (the built-in cells do; every activation they accept is
 * fused) and the active backend has registered the cell's `Tensorseq*Sequence` kernel (the adapters
 * `@tensorseq/backend-cpu`, `-wasm` and `-node-gpu` do, through `useBackend()`).
 *
 * @example
 * fusedIneligibility(new LSTMCell({ units: 2 }).fusedSpec()) // → null after `await useBackend('cpu')` (once built)
 */
export function fusedIneligibility(spec: FusedCellSpec | null): string | null {
  if (!spec) return 'the cell has no fused kernel';
  const backend = tf.getBackend();
  const name = RNN_SEQUENCE_KERNELS[spec.cell].forward;
  if (!tf.getKernel(name, backend)) {
    return `the "${backend}" backend has no ${name} kernel registered; select it with useBackend() from a @tensorseq/backend-* adapter, which registers it`;
  }
  return null;
}

/**
 * Runs a whole sequence as ONE registered kernel, `Tensorseq{SimpleRnn,Lstm,Gru}Sequence`, whose inputs
 * are the weight variables themselves (so `tf.variableGrads` reaches them) and whose registered gradient
 * is the backend's backpropagation through time. Masks, dropout masks and embedding ids are
 * non-differentiated inputs (with ids, `x` is the embedding table, whose gradient the kernel returns).
 *
 * @example
 * const run = fusedSequence(cell.fusedSpec(), x, options); // run.outputs: [batch, time, units]
 */
export function fusedSequence(
  spec: FusedCellSpec,
  x: tf.Tensor,
  options: SequenceRunOptions,
): SequenceRunResult {
  const inputs: tf.NamedTensorMap = {
    x,
    kernel: spec.kernel,
    recurrentKernel: spec.recurrentKernel,
    h0: options.initialStates[0],
  };
  if (spec.bias) inputs.bias = spec.bias;
  if (options.initialStates[1]) inputs.c0 = options.initialStates[1];
  if (options.ids) inputs.ids = options.ids;
  if (options.mask) inputs.mask = options.mask;
  if (options.dropout.input) inputs.inputDropoutMask = options.dropout.input;
  if (options.dropout.recurrent) inputs.recurrentDropoutMask = options.dropout.recurrent;
  // The contract's typed attrs, checked by the compiler, are also the engine's attribute map.
  const attrs: RnnSequenceKernelAttrs & tf.NamedAttrMap = {
    activation: spec.activation,
    recurrentActivation: spec.recurrentActivation,
    resetAfter: spec.resetAfter,
    goBackwards: options.goBackwards,
    returnSequences: options.returnSequences,
    training: options.training,
  };
  const name = RNN_SEQUENCE_KERNELS[spec.cell].forward;
  const out = tf.engine().runKernel(name, inputs, attrs) as tf.Tensor[];
  const finalStates = (options.returnSequences ? out.slice(1) : out) as tf.Tensor2D[];
  return {
    outputs: options.returnSequences ? (out[0] as tf.Tensor3D) : null,
    // Built-in cells output their first state, and a masked step repeats it: the last output is h_T.
    lastOutput: finalStates[0],
    finalStates,
  };
}
