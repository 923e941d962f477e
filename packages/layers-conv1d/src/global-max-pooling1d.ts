import * as tf from '@tensorflow/tfjs-core';
import { TensorseqMaxPool1D } from '@tensorseq/kernels';
import type { LayerConfig } from '@tensorseq/layers-core';
import { assertRank3 } from './assert';
import { window1d } from './conv-utils';
import { GlobalPooling1D, type GlobalPooling1DOptions } from './global-pooling1d';
import { pool1dKernel } from './run-kernel';

/**
 * Max over all steps (Keras' `GlobalMaxPooling1D`): `[batch, steps, channels]` → `[batch, channels]`.
 * Like Keras, it ignores an incoming mask. The gradient goes to each channel's single arg-max (the first
 * on ties), as in MaxPooling1D.
 *
 * @example
 * new GlobalMaxPooling1D().apply(tf.tensor3d([1, 5, 3, 2], [1, 2, 2])) // → [[3, 5]]
 */
export class GlobalMaxPooling1D extends GlobalPooling1D {
  static override readonly className: string = 'GlobalMaxPooling1D';

  call(inputs: tf.Tensor): tf.Tensor {
    assertRank3(inputs.shape, this.className);
    const [batch, length, channels] = inputs.shape as [number, number, number];
    if (!tf.getKernel(TensorseqMaxPool1D, tf.getBackend())) return tf.max(inputs, 1, this.keepdims);
    // One window over all steps: the max pooling kernel, whose gradient goes to the single arg-max.
    return tf.tidy(() => {
      const pooled = pool1dKernel(
        TensorseqMaxPool1D,
        inputs as tf.Tensor3D,
        window1d(length, { size: length }),
      );
      return tf.reshape(pooled, this.keepdims ? [batch, 1, channels] : [batch, channels]);
    });
  }

  /** Rebuilds a layer from its `getConfig()` output. */
  static fromConfig(config: LayerConfig): GlobalMaxPooling1D {
    return new GlobalMaxPooling1D(config as GlobalPooling1DOptions);
  }
}
