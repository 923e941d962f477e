import * as tf from '@tensorflow/tfjs-core';

/** The activation names Keras knows (camelCase; Keras' snake_case spellings are accepted too). */
export type ActivationName =
  | 'linear'
  | 'relu'
  | 'sigmoid'
  | 'hardSigmoid'
  | 'tanh'
  | 'softmax'
  | 'elu'
  | 'selu'
  | 'softplus'
  | 'softsign'
  | 'swish'
  | 'silu';

/** An elementwise (or last-axis, for softmax) activation: a differentiable tfjs-core op plus its name. */
export interface ActivationFunction {
  readonly name: ActivationName;
  readonly apply: (x: tf.Tensor) => tf.Tensor;
}

const table: Record<ActivationName, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  sigmoid: (x) => tf.sigmoid(x),
  // Keras 2's piecewise-linear form (Keras 3 uses x/6 + 0.5); the book's LSTM/GRU default.
  hardSigmoid: (x) => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1),
  tanh: (x) => tf.tanh(x),
  softmax: (x) => tf.softmax(x, -1),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  softplus: (x) => tf.softplus(x),
  softsign: (x) => tf.div(x, tf.add(tf.abs(x), 1)),
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
};

/**
 * Every accepted activation name.
 *
 * @example
 * activationNames.includes('hardSigmoid') // → true
 */
export const activationNames = Object.keys(table) as ActivationName[];

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Resolves an activation by name (`'relu'`, `'hardSigmoid'`, Keras' `'hard_sigmoid'`); `null`/`undefined`
 * mean `'linear'`, as in Keras.
 *
 * @example
 * const act = resolveActivation('hard_sigmoid');
 * act.name; // → 'hardSigmoid'
 * act.apply(tf.tensor([-3, 0, 1])); // → [0, 0.5, 0.7]
 */
export function resolveActivation(name: string | null | undefined, owner = 'activation'): ActivationFunction {
  const key = camelCase(name ?? 'linear') as ActivationName;
  const apply = table[key];
  if (!Object.hasOwn(table, key)) {
    throw new RangeError(
      `${owner}: activation must be one of ${activationNames.map((n) => `"${n}"`).join(', ')}. Received: activation="${name}".`,
    );
  }
  return { name: key, apply };
}
