import type * as tf from '@tensorflow/tfjs-core';
import type { CallArgs } from './layer';

/**
 * What an {@link Embedding} hands the layer after it when the two run as one op: its table and the ids
 * (int32, checked to be in range), instead of the gathered vectors `table[ids]`.
 * @example
 * ```ts
 * const embedded: EmbeddedIds = { table: embeddings.read(), ids };
 * ```
 */
export interface EmbeddedIds {
  /** The embedding table [inputDim, outputDim] (the weight itself: gradients reach it). */
  table: tf.Tensor;
  /** The ids [batch, steps], int32. */
  ids: tf.Tensor;
}

/**
 * A layer that can run directly on an embedding's table and ids, computing what it would compute on
 * `table[ids]` with less work (Conv1D: per-tap products of the whole vocabulary, then a gather). A
 * `Sequential` uses it for an `Embedding` followed by such a layer.
 * @example
 * ```ts
 * const y = conv.applyToEmbedding({ table, ids }, { training: true }); // null: not worth it here
 * ```
 */
export interface EmbeddingConsumer {
  /** The output of this layer on `table[ids]`, or null when the direct path does not apply or pay off. */
  applyToEmbedding(embedded: EmbeddedIds, args: CallArgs): tf.Tensor | null;
}

/**
 * Whether `layer` implements {@link EmbeddingConsumer}.
 * @example
 * ```ts
 * isEmbeddingConsumer(new Conv1D({ filters: 32, kernelSize: 7 })); // → true
 * ```
 */
export function isEmbeddingConsumer(layer: object): layer is EmbeddingConsumer {
  return typeof (layer as Partial<EmbeddingConsumer>).applyToEmbedding === 'function';
}
