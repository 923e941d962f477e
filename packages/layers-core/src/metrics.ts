import * as tf from '@tensorflow/tfjs-core';
import type { LossName } from './losses';
import { resolveLoss } from './losses';

/** A metric: per-sample values `[batch]` and the key it gets in logs and `History` (`acc`, `mae`...). */
export interface MetricFunction {
  readonly name: string;
  readonly perSample: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
}

// Keras 2 binary_accuracy: mean(equal(y, round(p))); TF rounds half to even, so 0.5 → 0 as p > 0.5 does.
const binaryAccuracy = (t: tf.Tensor, p: tf.Tensor) =>
  tf.mean(tf.cast(tf.equal(t, tf.cast(tf.greater(p, 0.5), t.dtype)), 'float32'), -1);

const categoricalAccuracy = (t: tf.Tensor, p: tf.Tensor) =>
  tf.cast(tf.equal(tf.argMax(t, -1), tf.argMax(p, -1)), 'float32');

const sparseCategoricalAccuracy = (t: tf.Tensor, p: tf.Tensor) =>
  tf.cast(tf.equal(tf.cast(tf.reshape(t, p.shape.slice(0, -1)), 'int32'), tf.argMax(p, -1)), 'float32');

/**
 * Metric names `compile` accepts besides any loss name.
 *
 * @example
 * metricNames.includes('acc') // → true
 */
export const metricNames = [
  'acc',
  'accuracy',
  'binaryAccuracy',
  'categoricalAccuracy',
  'sparseCategoricalAccuracy',
];

/**
 * Resolves a metric name. `'acc'`/`'accuracy'` pick binary, categorical or sparse-categorical accuracy
 * from the loss and output width, as Keras does; loss names (`'mae'`, `'mse'`...) are metrics too.
 *
 * @example
 * resolveMetric('acc', 'binaryCrossentropy', 1).name // → 'acc' (binary accuracy)
 */
export function resolveMetric(name: string, loss: LossName, outputWidth: number | null): MetricFunction {
  if (name === 'acc' || name === 'accuracy') {
    if (loss === 'sparseCategoricalCrossentropy') return { name, perSample: sparseCategoricalAccuracy };
    if (loss === 'binaryCrossentropy' || outputWidth === 1) return { name, perSample: binaryAccuracy };
    return { name, perSample: categoricalAccuracy };
  }
  const named: Record<string, MetricFunction['perSample']> = {
    binaryAccuracy,
    binary_accuracy: binaryAccuracy,
    categoricalAccuracy,
    categorical_accuracy: categoricalAccuracy,
    sparseCategoricalAccuracy,
    sparse_categorical_accuracy: sparseCategoricalAccuracy,
  };
  if (Object.hasOwn(named, name)) return { name, perSample: named[name] };
  try {
    return { name, perSample: resolveLoss(name).perSample };
  } catch {
    throw new RangeError(
      `compile: metrics must be one of ${metricNames.map((n) => `"${n}"`).join(', ')} or a loss name. Received: metric="${name}".`,
    );
  }
}
