import type * as tf from '@tensorflow/tfjs-core';
import { Layer, type LayerConfig, type LayerOptions, type Shape } from '@tensorseq/layers-core';
import { assertRank3 } from './assert';

/** Options of {@link GlobalMaxPooling1D} and {@link GlobalAveragePooling1D}. */
export interface GlobalPooling1DOptions extends LayerOptions {
  /** Keep the step axis with length 1 (`[batch, 1, channels]`) instead of dropping it. @defaultValue false */
  keepdims?: boolean;
}

/**
 * The shared part of global 1D pooling (Keras' `BaseGlobalPooling` for rank 1): the step axis is reduced,
 * so no mask goes downstream.
 *
 * @example
 * new GlobalMaxPooling1D().computeOutputShape([null, 100, 32]) // → [null, 32]
 */
export abstract class GlobalPooling1D extends Layer {
  readonly keepdims: boolean;

  constructor(options: GlobalPooling1DOptions = {}) {
    super(options);
    this.keepdims = options.keepdims ?? false;
  }

  computeOutputShape(inputShape: Shape): Shape {
    assertRank3(inputShape, this.className);
    return this.keepdims ? [inputShape[0], 1, inputShape[2]] : [inputShape[0], inputShape[2]];
  }

  override computeMask(_inputs: tf.Tensor, _mask: tf.Tensor | null): tf.Tensor | null {
    return null;
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepdims: this.keepdims };
  }
}
