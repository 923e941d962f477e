import * as tf from '@tensorflow/tfjs-core';

/**
 * The activations a recurrent cell accepts. These are exactly the ones the fused sequence kernels
 * implement, so every built-in cell is eligible for the fast path.
 *
 * `hardSigmoid` is Keras 2's `clip(0.2 x + 0.5, 0, 1)` (the book's LSTM/GRU default), not Keras 3's
 * `x / 6 + 0.5` variant.
 */
export type RecurrentActivation = 'tanh' | 'relu' | 'sigmoid' | 'hardSigmoid' | 'linear';

/** Every accepted activation name, for option checks. */
export const RECURRENT_ACTIVATIONS: readonly RecurrentActivation[] = [
  'tanh',
  'relu',
  'sigmoid',
  'hardSigmoid',
  'linear',
];

/**
 * Applies a recurrent activation with differentiable tfjs-core ops.
 *
 * @example
 * applyActivation('hardSigmoid', tf.tensor([-3, 0, 1])) // → [0, 0.5, 0.7]
 */
export function applyActivation(name: RecurrentActivation, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'tanh':
      return tf.tanh(x);
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'hardSigmoid':
      return tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);
    case 'linear':
      return x;
  }
}
