import type { LayerConfig } from '@tensorseq/layers-core';
import { checkCellOptions, checkRecurrentActivation } from './cell-options';
import { GRUCell, type GRUCellOptions } from './gru-cell';
import { type RecurrentLayerOptions, RNN } from './rnn';
import { flatCellConfig, splitRecurrentOptions } from './split-recurrent-options';

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
    checkCellOptions(options, new.target.className);
    checkRecurrentActivation(options.recurrentActivation, new.target.className);
    const { loop, cell } = splitRecurrentOptions(options);
    super({ ...loop, cell: (layerName) => new GRUCell({ ...cell, name: `${layerName}/gru_cell` }) });
  }

  protected override cellConfig(): LayerConfig {
    return flatCellConfig(this.cell.getConfig());
  }

  static override fromConfig(config: LayerConfig): GRU {
    return new GRU(config as unknown as GRUOptions);
  }
}
