import type { LayerOptions } from '@tensorseq/layers-core';
import { type AnyCellOptions, CELL_KINDS, resolveCellOptions } from './cell-kinds';
import type { RecurrentLayerOptions, RNNOptions } from './rnn';
import type { RnnCell, RnnCellKind } from './rnn-cell';
import { splitRecurrentOptions } from './split-recurrent-options';

/**
 * The {@link RNN} options of a thin layer (`LSTM`, `GRU`, `SimpleRNN`): its options are checked once with
 * errors naming the layer, and its cell is built by `makeCell` with Keras' name (`lstm/lstm_cell`).
 *
 * @example
 * super(builtInLayerOptions('lstm', options, 'LSTM', (cell) => new LSTMCell(cell)));
 */
export function builtInLayerOptions<T extends AnyCellOptions & RecurrentLayerOptions>(
  kind: RnnCellKind,
  options: T,
  owner: string,
  makeCell: (cell: Omit<T, keyof RecurrentLayerOptions> & LayerOptions) => RnnCell,
): RNNOptions {
  resolveCellOptions(kind, options, owner);
  const { loop, cell } = splitRecurrentOptions(options);
  const cellName = CELL_KINDS[kind].cellName;
  return { ...loop, cell: (layerName) => makeCell({ ...cell, name: `${layerName}/${cellName}` }) };
}
