import * as tf from '@tensorflow/tfjs-core';

/** Activation names Conv1D accepts (Keras' names in camelCase). */
export type ActivationName =
  | 'linear'
  | 'relu'
  | 'tanh'
  | 'sigmoid'
  | 'hardSigmoid'
  | 'elu'
  | 'selu'
  | 'softplus';

/** The activation names, in a stable order (for error messages). */
export const ACTIVATIONS: readonly ActivationName[] = [
  'linear',
  'relu',
  'tanh',
  'sigmoid',
  'hardSigmoid',
  'elu',
  'selu',
  'softplus',
];

/**
 * Applies a named activation with differentiable tfjs-core ops. `hardSigmoid` is Keras 2's
 * `clip(0.2·x + 0.5, 0, 1)`.
 *
 * @example
 * applyActivation('relu', tf.tensor1d([-1, 2])) // → [0, 2]
 */
export function applyActivation(name: ActivationName, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'hardSigmoid':
      return tf.tidy(() => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1));
    case 'elu':
      return tf.elu(x);
    case 'selu':
      return tf.selu(x);
    case 'softplus':
      return tf.softplus(x);
  }
}
