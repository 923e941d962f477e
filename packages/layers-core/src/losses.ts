import * as tf from '@tensorflow/tfjs-core';

/** The loss names `compile` accepts (camelCase; Keras' snake_case spellings are accepted too). */
export type LossName =
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError';

/** A loss: per-sample values `[batch]` (averaged over the last axis, as Keras does) and its name. */
export interface LossFunction {
  readonly name: LossName;
  readonly perSample: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
}

/**
 * Keras' backend epsilon (`K.epsilon()`), used to clip probabilities.
 *
 * @example
 * tf.clipByValue(p, EPSILON, 1 - EPSILON) // how binaryCrossentropy clips probabilities
 */
export const EPSILON = 1e-7;

// Keras 2 (TF backend): clip p, go back to logits, then the numerically stable logistic loss.
function binaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
  const z = tf.log(tf.div(p, tf.sub(1, p)));
  const l = tf.add(tf.sub(tf.relu(z), tf.mul(z, yTrue)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.mean(l, -1);
}

function categoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);
  return tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1));
}

function sparseCategoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const classes = yPred.shape[yPred.rank - 1] as number;
  const ids = tf.cast(tf.reshape(yTrue, yPred.shape.slice(0, -1)), 'int32');
  return categoricalCrossentropy(tf.oneHot(ids, classes), yPred);
}

const table: Record<LossName, LossFunction['perSample']> = {
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  meanSquaredError: (t, p) => tf.mean(tf.squaredDifference(p, t), -1),
  meanAbsoluteError: (t, p) => tf.mean(tf.abs(tf.sub(p, t)), -1),
};

const aliases: Record<string, LossName> = {
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
};

/**
 * Every accepted loss name.
 *
 * @example
 * lossNames.includes('mae') // → true
 */
export const lossNames = [...Object.keys(table), ...Object.keys(aliases)];

/**
 * Resolves a loss name (`'binaryCrossentropy'`, `'binary_crossentropy'`, `'mse'`, `'mae'`...).
 *
 * @example
 * resolveLoss('mae').perSample(tf.tensor2d([[1]]), tf.tensor2d([[0.5]])) // → [0.5]
 */
export function resolveLoss(name: string): LossFunction {
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const key = (Object.hasOwn(aliases, camel) ? aliases[camel] : camel) as LossName;
  if (!Object.hasOwn(table, key)) {
    throw new RangeError(
      `compile: loss must be one of ${lossNames.map((n) => `"${n}"`).join(', ')}. Received: loss="${name}".`,
    );
  }
  return { name: key, perSample: table[key] };
}
