import type { LayerConfig } from '@tensorseq/layers-core';
import { builtInLayerOptions } from './built-in-layer-options';
import { GRUCell, type GRUCellOptions } from './gru-cell';
import { readLayerConfig } from './recurrent-config';
import { type RecurrentLayerOptions, RNN } from './rnn';
import { flatCellConfig } from './split-recurrent-options';

/** Options of {@link GRU}: the cell's ({@link GRUCellOptions}) plus the loop's. */
export interface GRUOptions extends GRUCellOptions, RecurrentLayerOptions {}

/**
 * Gated Recurrent Unit (Cho et al., 2014): an {@link RNN} running a {@link GRUCell}, with Keras' options and weight layout.
 *
 * @example
 * new GRU({ units: 32 }).apply(tf.ones([2, 240, 14])); // → Tensor [2, 32]; 4,608 parameters (resetAfter)
 * new GRU({ units: 32, resetAfter: false, recurrentActivation: 'hardSigmoid' }); // the book's Keras 2.0 GRU: 4,512
 */
export class GRU extends RNN {
  static override readonly className: string = 'GRU';

  constructor(options: GRUOptions) {
    super(builtInLayerOptions('gru', options, new.target.className, (cell) => new GRUCell(cell)));
  }

  protected override cellConfig(): LayerConfig {
    return flatCellConfig(this.cell.getConfig());
  }

  static override fromConfig(config: LayerConfig): GRU {
    return new GRU(readLayerConfig(config, GRU.className));
  }
}
