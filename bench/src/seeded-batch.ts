import * as tf from '@tensorflow/tfjs-core';

/** The input side of a chapter model: IMDB int ids [batch, time] into `vocab`, or Jena floats [batch, time, features]. */
export interface BatchSpec {
  input: { batch: number; time: number; features?: number; vocab?: number };
  loss: 'bce' | 'mae';
}

/**
 * Seeded inputs: ids in [1, vocab) or N(0,1) features, and 0/1 (bce) or N(0,1) (mae) targets [batch, 1].
 *
 * @example
 * const { x, y } = seededBatch({ input: { batch: 128, time: 240, features: 14 }, loss: 'mae' });
 */
export function seededBatch(spec: BatchSpec): { x: tf.Tensor; y: tf.Tensor } {
  const { batch, time: steps, features, vocab } = spec.input;
  const x = vocab
    ? tf.cast(tf.randomUniform([batch, steps], 1, vocab, 'float32', 1), 'int32')
    : tf.randomNormal([batch, steps, features as number], 0, 1, 'float32', 2);
  const y =
    spec.loss === 'bce'
      ? tf.cast(tf.greater(tf.randomUniform([batch, 1], 0, 1, 'float32', 3), 0.5), 'float32')
      : tf.randomNormal([batch, 1], 0, 1, 'float32', 4);
  return { x, y };
}
