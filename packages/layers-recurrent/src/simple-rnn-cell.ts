import type { LayerConfig } from '@tensorseq/layers-core';
import { BuiltInCell } from './built-in-cell';
import type { BaseCellOptions } from './cell-options';
import { readCellConfig } from './recurrent-config';

/** Options of {@link SimpleRNNCell}. */
export type SimpleRNNCellOptions = BaseCellOptions;

/**
 * One step of a fully connected recurrence: `h_t = activation(x_t @ kernel + h_{t-1} @ recurrentKernel + bias)`.
 * Weights (Keras order): kernel `[features, units]`, recurrentKernel `[units, units]`, bias `[units]`.
 *
 * @example
 * const cell = new SimpleRNNCell({ units: 32 });
 * const layer = new RNN({ cell }); // same as new SimpleRNN({ units: 32 })
 */
export class SimpleRNNCell extends BuiltInCell {
  static override readonly className: string = 'SimpleRNNCell';

  constructor(options: SimpleRNNCellOptions) {
    super('simpleRnn', options);
  }

  static fromConfig(config: LayerConfig): SimpleRNNCell {
    return new SimpleRNNCell(readCellConfig(config, SimpleRNNCell.className));
  }
}
