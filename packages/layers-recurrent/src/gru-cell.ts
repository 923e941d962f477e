import type { LayerConfig } from '@tensorseq/layers-core';
import { BuiltInCell } from './built-in-cell';
import type { BaseCellOptions } from './cell-options';
import type { RecurrentActivation } from './recurrent-activation';
import { readCellConfig } from './recurrent-config';

/** Options of {@link GRUCell}. */
export interface GRUCellOptions extends BaseCellOptions {
  /**
   * Activation of the update and reset gates: `'sigmoid'` (today's Keras) or `'hardSigmoid'` (Keras 2.0,
   * the book). @defaultValue 'sigmoid'
   */
  recurrentActivation?: RecurrentActivation;
  /**
   * Apply the reset gate after the recurrent matmul (TF2 / cuDNN convention, bias `[2, 3·units]`: input and
   * recurrent bias) instead of before it (Keras 2.0, bias `[3·units]`). @defaultValue true
   */
  resetAfter?: boolean;
}

/**
 * One GRU step (Keras gate order z, r, h). `resetAfter: false`:
 * `hh = act(x@K_h + b_h + (r*h)@U_h)`; `resetAfter: true`: `hh = act(x@K_h + bi_h + r*(h@U_h + br_h))`;
 * then `h' = z*h + (1-z)*hh`. Weights (Keras order): kernel `[features, 3·units]`, recurrentKernel
 * `[units, 3·units]`, bias `[3·units]` or `[2, 3·units]`.
 *
 * @example
 * const cell = new GRUCell({ units: 32, resetAfter: false, recurrentActivation: 'hardSigmoid' }); // Keras 2.0
 */
export class GRUCell extends BuiltInCell {
  static override readonly className: string = 'GRUCell';

  constructor(options: GRUCellOptions) {
    super('gru', options);
  }

  static fromConfig(config: LayerConfig): GRUCell {
    return new GRUCell(readCellConfig(config, GRUCell.className));
  }
}
