import * as tf from '@tensorflow/tfjs-core';
import type { CallArgs, LayerConfig } from '@tensorseq/layers-core';
import { assertRank3 } from './assert';
import { GlobalPooling1D, type GlobalPooling1DOptions } from './global-pooling1d';

/**
 * Mean over all steps (Keras' `GlobalAveragePooling1D`): `[batch, steps, channels]` →
 * `[batch, channels]`. With a mask (e.g. from `Embedding({ maskZero: true })`) it averages the real
 * steps only: `Σ_t x_t·m_t / Σ_t m_t` (a fully masked row gives NaN, as in Keras).
 *
 * @example
 * const x = tf.tensor3d([2, 4, 9], [1, 3, 1]);
 * new GlobalAveragePooling1D().apply(x, { mask: tf.tensor2d([[1, 1, 0]]) }) // → [[3]]
 */
export class GlobalAveragePooling1D extends GlobalPooling1D {
  static override readonly className: string = 'GlobalAveragePooling1D';

  constructor(options: GlobalPooling1DOptions = {}) {
    super(options);
    this.supportsMasking = true;
  }

  call(inputs: tf.Tensor, args: CallArgs = {}): tf.Tensor {
    assertRank3(inputs.shape, this.className);
    const mask = args.mask ?? null;
    if (mask === null) return tf.mean(inputs, 1, this.keepdims);
    return tf.tidy(() => {
      const weights = tf.expandDims(tf.cast(mask, inputs.dtype), 2);
      return tf.div(tf.sum(tf.mul(inputs, weights), 1, this.keepdims), tf.sum(weights, 1, this.keepdims));
    });
  }

  /** Rebuilds a layer from its `getConfig()` output. */
  static fromConfig(config: LayerConfig): GlobalAveragePooling1D {
    return new GlobalAveragePooling1D(config as GlobalPooling1DOptions);
  }
}
