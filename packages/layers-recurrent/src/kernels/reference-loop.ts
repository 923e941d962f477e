import * as tf from '@tensorflow/tfjs-core';
import type { RnnCell } from '../rnn-cell';
import type { SequenceRunOptions, SequenceRunResult } from './sequence-run';

/**
 * Runs any cell over time with plain tfjs-core ops, one {@link RnnCell.step} per timestep (Keras 2's
 * `K.rnn`): the fallback for cells and backends without a fused kernel, and the in-repo numerical oracle
 * for the fused path. Gradients come from tfjs' tape (one node per op per step).
 *
 * Masked step (mask 0): the output is the previous first state and every state keeps its value.
 *
 * @example
 * const { outputs } = referenceLoop(cell, x, { initialStates, mask: null, goBackwards: false,
 *   dropout: { input: null, recurrent: null }, returnSequences: true, training: false });
 * // outputs: [batch, time, units]
 */
export function referenceLoop(cell: RnnCell, x: tf.Tensor3D, options: SequenceRunOptions): SequenceRunResult {
  const { initialStates, mask, goBackwards, dropout, returnSequences } = options;
  const time = x.shape[1];
  const steps = tf.unstack(x, 1) as tf.Tensor2D[];
  const maskSteps = mask ? (tf.unstack(tf.cast(mask, 'bool'), 1) as tf.Tensor1D[]) : null;
  const stepArgs = { inputDropoutMask: dropout.input, recurrentDropoutMask: dropout.recurrent };
  let states = initialStates;
  let output: tf.Tensor2D = states[0];
  const outputs: tf.Tensor2D[] = [];
  for (let i = 0; i < time; i++) {
    const t = goBackwards ? time - 1 - i : i;
    const next = cell.step(steps[t], states, stepArgs);
    if (maskSteps) {
      const keep = tf.tile(tf.reshape(maskSteps[t], [-1, 1]), [1, cell.units]);
      output = tf.where(keep, next.output, states[0]);
      states = next.states.map((s, k) => tf.where(keep, s, states[k]));
    } else {
      output = next.output;
      states = next.states;
    }
    if (returnSequences) outputs.push(output);
  }
  return {
    outputs: returnSequences ? (tf.stack(outputs, 1) as tf.Tensor3D) : null,
    lastOutput: output,
    finalStates: states,
  };
}
