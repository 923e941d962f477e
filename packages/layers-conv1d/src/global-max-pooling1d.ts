import * as tf from '@tensorflow/tfjs-core';
import type { LayerConfig } from '@tensorseq/layers-core';
import { assertRank3 } from './assert';
import { GlobalPooling1D, type GlobalPooling1DOptions } from './global-pooling1d';

/**
 * Max over all steps (Keras' `GlobalMaxPooling1D`): `[batch, steps, channels]` → `[batch, channels]`.
 * Like Keras, it ignores an incoming mask.
 *
 * @example
 * new GlobalMaxPooling1D().apply(tf.tensor3d([1, 5, 3, 2], [1, 2, 2])) // → [[3, 5]]
 */
export class GlobalMaxPooling1D extends GlobalPooling1D {
  static override readonly className: string = 'GlobalMaxPooling1D';

  call(inputs: tf.Tensor): tf.Tensor {
    assertRank3(inputs.shape, this.className);
    return tf.max(inputs, 1, this.keepdims);
  }

  /** Rebuilds a layer from its `getConfig()` output. */
  static fromConfig(config: LayerConfig): GlobalMaxPooling1D {
    return new GlobalMaxPooling1D(config as GlobalPooling1DOptions);
  }
}
