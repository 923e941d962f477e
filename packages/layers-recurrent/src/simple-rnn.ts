import type { LayerConfig } from '@tensorseq/layers-core';
import { builtInLayerOptions } from './built-in-layer-options';
import { readLayerConfig } from './recurrent-config';
import { type RecurrentLayerOptions, RNN } from './rnn';
import { SimpleRNNCell, type SimpleRNNCellOptions } from './simple-rnn-cell';
import { flatCellConfig } from './split-recurrent-options';

/** Options of {@link SimpleRNN}: the cell's ({@link SimpleRNNCellOptions}) plus the loop's. */
export interface SimpleRNNOptions extends SimpleRNNCellOptions, RecurrentLayerOptions {}

/**
 * h_t = act(x_t @ kernel + h_{t-1} @ recurrentKernel + bias): an {@link RNN} running a {@link SimpleRNNCell}, with Keras' options and weight layout.
 *
 * @example
 * new SimpleRNN({ units: 32 }).apply(tf.ones([2, 500, 32])); // → Tensor [2, 32]; 2,080 parameters
 */
export class SimpleRNN extends RNN {
  static override readonly className: string = 'SimpleRNN';

  constructor(options: SimpleRNNOptions) {
    super(builtInLayerOptions('simpleRnn', options, new.target.className, (cell) => new SimpleRNNCell(cell)));
  }

  protected override cellConfig(): LayerConfig {
    return flatCellConfig(this.cell.getConfig());
  }

  static override fromConfig(config: LayerConfig): SimpleRNN {
    return new SimpleRNN(readLayerConfig(config, SimpleRNN.className));
  }
}
