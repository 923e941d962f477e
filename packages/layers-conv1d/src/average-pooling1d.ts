import { TensorseqAvgPool1D } from '@tensorseq/kernels';
import type { LayerConfig } from '@tensorseq/layers-core';
import { avgPool1dReference } from './pool1d-reference';
import { type Pool1DKernels, Pooling1D, type Pooling1DOptions } from './pooling1d';

/**
 * Mean over windows of steps (Keras' `AveragePooling1D`). Under 'same', a window that overlaps the
 * padding averages its real cells only (TensorFlow's convention), not `poolSize` cells.
 *
 * @example
 * const pool = new AveragePooling1D({ poolSize: 2, padding: 'same' });
 * pool.apply(tf.tensor3d([1, 3, 5], [1, 3, 1])) // → [[[2], [5]]]
 */
export class AveragePooling1D extends Pooling1D {
  static override readonly className: string = 'AveragePooling1D';
  protected readonly kernels: Pool1DKernels = {
    kernelName: TensorseqAvgPool1D,
    reference: avgPool1dReference,
  };

  /** Rebuilds a layer from its `getConfig()` output. */
  static fromConfig(config: LayerConfig): AveragePooling1D {
    return new AveragePooling1D(config as Pooling1DOptions);
  }
}
