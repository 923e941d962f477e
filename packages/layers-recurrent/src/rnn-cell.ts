import * as tf from '@tensorflow/tfjs-core';
import { type CallArgs, Layer, type Shape } from '@tensorseq/layers-core';
import type { DropoutMasks } from './dropout-masks';
import type { RecurrentActivation } from './recurrent-activation';

/** Per-step extras handed to {@link RnnCell.step}. */
export interface RnnStepArgs {
  /** Input dropout mask `[batch, features]` of this sequence, or null. */
  inputDropoutMask?: tf.Tensor | null;
  /** Recurrent dropout mask `[batch, units]` of this sequence, or null. */
  recurrentDropoutMask?: tf.Tensor | null;
}

/** What one step returns: the output and the new states (each `[batch, units]`). */
export interface RnnStepResult {
  output: tf.Tensor2D;
  states: tf.Tensor2D[];
}

/** The built-in cell families, named as in the whole-sequence kernel contract. */
export type RnnCellKind = 'simpleRnn' | 'lstm' | 'gru';

/**
 * Everything a whole-sequence fused kernel needs to run a cell: its family, activations and weights
 * (the weight variables themselves, so gradients reach them).
 */
export interface FusedCellSpec {
  cell: RnnCellKind;
  activation: RecurrentActivation;
  recurrentActivation: RecurrentActivation;
  resetAfter: boolean;
  kernel: tf.Variable;
  recurrentKernel: tf.Variable;
  bias: tf.Variable | null;
}

/**
 * A recurrent cell: one timestep of a recurrence (Keras' cell contract). {@link RNN} runs any cell over
 * time. A cell is a {@link Layer} (it owns its weights); applied on its own to `[batch, features]` it runs
 * one step from zero states.
 *
 * Subclasses define `units`, `stateCount` (every state is `[batch, units]`, output = first state),
 * `dropoutMasks`, `build` and `step`, and may describe themselves to the fused kernels with `fusedSpec`.
 *
 * @example
 * const cell = new LSTMCell({ units: 4 });
 * const out = cell.apply(tf.ones([2, 3])); // → Tensor [2, 4] (one step from zero states)
 */
export abstract class RnnCell extends Layer {
  /** Size of the output and of every state. */
  abstract readonly units: number;
  /** Number of states (1, or 2 for LSTM's [h, c]). */
  abstract readonly stateCount: number;
  /** The cell's dropout masks (one per sequence, drawn by the RNN loop). */
  abstract readonly dropoutMasks: DropoutMasks;

  /** One timestep: `input` `[batch, features]`, `states` each `[batch, units]`. */
  abstract step(input: tf.Tensor2D, states: tf.Tensor2D[], args: RnnStepArgs): RnnStepResult;

  /** The fused-kernel description of this cell, or null when only the reference loop can run it. */
  fusedSpec(): FusedCellSpec | null {
    return null;
  }

  computeOutputShape(inputShape: Shape): Shape {
    return [inputShape[0] ?? null, this.units];
  }

  call(inputs: tf.Tensor, _args: CallArgs): tf.Tensor {
    return tf.tidy(() => {
      const batch = inputs.shape[0];
      const states = Array.from(
        { length: this.stateCount },
        () => tf.zeros([batch, this.units]) as tf.Tensor2D,
      );
      return this.step(inputs as tf.Tensor2D, states, {}).output;
    });
  }
}
