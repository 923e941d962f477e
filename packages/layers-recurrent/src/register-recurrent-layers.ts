import { registerLayer } from '@tensorseq/layers-core';
import { Bidirectional } from './bidirectional';
import { GRU } from './gru';
import { GRUCell } from './gru-cell';
import { LSTM } from './lstm';
import { LSTMCell } from './lstm-cell';
import { RNN } from './rnn';
import { SimpleRNN } from './simple-rnn';
import { SimpleRNNCell } from './simple-rnn-cell';

let registered = false;

/**
 * Makes the recurrent layers and cells known to layers-core's `deserializeLayer` / model loading. An
 * explicit call instead of an import side effect keeps the package tree-shakable. Configs of the
 * built-in layers round-trip without it (`LSTM.fromConfig`, Bidirectional copies); call it before
 * loading a saved model or rebuilding an `RNN` that runs a custom cell.
 *
 * @example
 * registerRecurrentLayers(); // then loadModel(dir) can rebuild LSTM, GRU, Bidirectional…
 */
export function registerRecurrentLayers(): void {
  if (registered) return;
  registered = true;
  for (const cls of [RNN, SimpleRNN, LSTM, GRU, Bidirectional, SimpleRNNCell, LSTMCell, GRUCell]) {
    registerLayer(cls);
  }
}
