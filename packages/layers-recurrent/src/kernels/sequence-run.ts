import type * as tf from '@tensorflow/tfjs-core';
import type { SequenceDropoutMasks } from '../dropout-masks';

/** What the RNN loop hands to a sequence implementation (reference loop or fused kernel). */
export interface SequenceRunOptions {
  /** Initial states, each `[batch, units]`. */
  initialStates: tf.Tensor2D[];
  /** `[batch, time]` mask (nonzero = real step), or null. Masked steps carry output and states. */
  mask: tf.Tensor2D | null;
  /** Process t = T-1 … 0; outputs stay in processing order (Keras). */
  goBackwards: boolean;
  /** This sequence's dropout masks (null entries outside training). */
  dropout: SequenceDropoutMasks;
  /** Whether the per-step outputs `[batch, time, units]` are needed. */
  returnSequences: boolean;
  /** Training call (the fused kernel then keeps what backpropagation needs). */
  training: boolean;
  /**
   * Embedding ids `[batch, time]` (int32), or null: the inputs are then an embedding table `[V, features]`
   * and step t of row b reads its row `ids[b, t]` (fused kernel only).
   */
  ids?: tf.Tensor | null;
}

/** What a sequence implementation returns. */
export interface SequenceRunResult {
  /** `[batch, time, units]` in processing order, when `returnSequences` was asked for; else null. */
  outputs: tf.Tensor3D | null;
  /** The output of the last processed step, `[batch, units]`. */
  lastOutput: tf.Tensor2D;
  /** Final states, each `[batch, units]`. */
  finalStates: tf.Tensor2D[];
}
