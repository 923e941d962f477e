import * as tf from '@tensorflow/tfjs-core';
import { RNN_SEQUENCE_KERNELS, type RnnCellKind, type RnnSequenceKernelAttrs } from '@tensorseq/kernels';

const CELLS: readonly RnnCellKind[] = ['simpleRnn', 'lstm', 'gru'];

/**
 * The gradients of the `Tensorseq*Sequence` kernels, declared once for every backend (tfjs'
 * `GradConfig`): they run the backend's `Tensorseq*SequenceGrad` kernel with the forward's attrs
 * object (which identifies the forward run), eagerly, once for all inputs. Masks, dropout masks and ids are constants and get no gradient.
 *
 * @example
 * rnnSequenceGradConfigs.map((g) => g.kernelName); // → ['TensorseqSimpleRnnSequence', …]
 */
export const rnnSequenceGradConfigs: readonly tf.GradConfig[] = CELLS.map((cell) => ({
  kernelName: RNN_SEQUENCE_KERNELS[cell].forward,
  gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const dys = Array.isArray(dy) ? dy : [dy];
    const { returnSequences } = attrs as unknown as RnnSequenceKernelAttrs;
    const states = returnSequences ? dys.slice(1) : dys;
    const inputs: tf.NamedTensorMap = {};
    if (returnSequences && dys[0]) inputs.dOutputs = dys[0];
    if (states[0]) inputs.dH = states[0];
    if (states[1]) inputs.dC = states[1];
    const grads = tf.engine().runKernel(RNN_SEQUENCE_KERNELS[cell].backward, inputs, attrs) as tf.Tensor[];
    const [dx, dKernel, dRecurrentKernel] = grads;
    // With a bias the outputs are dx, dKernel, dRecurrentKernel, dBias, states; without, no dBias.
    const stateCount = cell === 'lstm' ? 2 : 1;
    const hasBias = grads.length === 3 + stateCount + 1;
    const first = hasBias ? 4 : 3;
    const result: Record<string, () => tf.Tensor> = {
      x: () => dx,
      kernel: () => dKernel,
      recurrentKernel: () => dRecurrentKernel,
      h0: () => grads[first],
    };
    if (hasBias) result.bias = () => grads[3];
    if (stateCount === 2) result.c0 = () => grads[first + 1];
    return result;
  },
}));
