import type { LayerConfig } from '@tensorseq/layers-core';
import { builtInLayerOptions } from './built-in-layer-options';
import { LSTMCell, type LSTMCellOptions } from './lstm-cell';
import { readLayerConfig } from './recurrent-config';
import { type RecurrentLayerOptions, RNN } from './rnn';
import { flatCellConfig } from './split-recurrent-options';

/** Options of {@link LSTM}: the cell's ({@link LSTMCellOptions}) plus the loop's. */
export interface LSTMOptions extends LSTMCellOptions, RecurrentLayerOptions {}

/**
 * Long Short-Term Memory (Hochreiter & Schmidhuber, 1997): an {@link RNN} running a {@link LSTMCell}, with Keras' options and weight layout.
 *
 * @example
 * new LSTM({ units: 32 }).apply(tf.ones([2, 500, 32])); // → Tensor [2, 32]; 8,320 parameters
 * new LSTM({ units: 32, recurrentActivation: 'hardSigmoid' }); // the book's Keras 2.0 LSTM
 */
export class LSTM extends RNN {
  static override readonly className: string = 'LSTM';

  constructor(options: LSTMOptions) {
    super(builtInLayerOptions('lstm', options, new.target.className, (cell) => new LSTMCell(cell)));
  }

  protected override cellConfig(): LayerConfig {
    return flatCellConfig(this.cell.getConfig());
  }

  static override fromConfig(config: LayerConfig): LSTM {
    return new LSTM(readLayerConfig(config, LSTM.className));
  }
}
