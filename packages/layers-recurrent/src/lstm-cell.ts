import type { LayerConfig } from '@tensorseq/layers-core';
import { BuiltInCell } from './built-in-cell';
import type { BaseCellOptions } from './cell-options';
import type { RecurrentActivation } from './recurrent-activation';
import { readCellConfig } from './recurrent-config';

/** Options of {@link LSTMCell}. */
export interface LSTMCellOptions extends BaseCellOptions {
  /**
   * Activation of the input, forget and output gates: `'sigmoid'` (today's Keras) or `'hardSigmoid'`
   * (Keras 2.0, the book). @defaultValue 'sigmoid'
   */
  recurrentActivation?: RecurrentActivation;
  /** Initialize the forget-gate bias to 1 (Jozefowicz et al., 2015), as Keras does. @defaultValue true */
  unitForgetBias?: boolean;
}

/**
 * One LSTM step (Keras gate order i, f, c, o):
 * `z = x@K + h@U + b; i, f, o = ra(z_i, z_f, z_o); c' = f*c + i*act(z_c); h' = o*act(c')`.
 * Weights (Keras order): kernel `[features, 4·units]`, recurrentKernel `[units, 4·units]`, bias `[4·units]`.
 *
 * @example
 * const cell = new LSTMCell({ units: 32, recurrentActivation: 'hardSigmoid' }); // the book's Keras 2 LSTM
 */
export class LSTMCell extends BuiltInCell {
  static override readonly className: string = 'LSTMCell';

  constructor(options: LSTMCellOptions) {
    super('lstm', options);
  }

  static fromConfig(config: LayerConfig): LSTMCell {
    return new LSTMCell(readCellConfig(config, LSTMCell.className));
  }
}
