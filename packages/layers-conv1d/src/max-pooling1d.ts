import { TensorseqMaxPool1D } from '@tensorseq/kernels';
import type { LayerConfig } from '@tensorseq/layers-core';
import { maxPool1dReference } from './pool1d-reference';
import { type Pool1DKernels, Pooling1D, type Pooling1DOptions } from './pooling1d';

/**
 * Max over windows of steps (Keras' `MaxPooling1D`): `[batch, steps, channels]` →
 * `[batch, pooledSteps, channels]`. Padding cells under 'same' never win; the gradient goes to each
 * window's single arg-max.
 *
 * @example
 * const pool = new MaxPooling1D({ poolSize: 5 });
 * pool.apply(tf.zeros([2, 494, 32])).shape // → [2, 98, 32]
 */
export class MaxPooling1D extends Pooling1D {
  static override readonly className: string = 'MaxPooling1D';
  protected readonly kernels: Pool1DKernels = {
    kernelName: TensorseqMaxPool1D,
    reference: maxPool1dReference,
  };

  /** Rebuilds a layer from its `getConfig()` output. */
  static fromConfig(config: LayerConfig): MaxPooling1D {
    return new MaxPooling1D(config as Pooling1DOptions);
  }
}
