import type { LayerConfig } from '@tensorseq/layers-core';
import type { BaseCellOptions } from './cell-options';
import type { RecurrentLayerOptions } from './rnn';

/**
 * Splits a thin layer's options (`LSTM({ units, returnSequences, ... })`) into the loop's options and
 * the cell's, so neither receives the other's (and the caller's object is never mutated).
 *
 * @example
 * splitRecurrentOptions({ units: 4, returnSequences: true }) // → { loop: { returnSequences: true }, cell: { units: 4 } }
 */
export function splitRecurrentOptions<T extends BaseCellOptions & RecurrentLayerOptions>(
  options: T,
): { loop: RecurrentLayerOptions; cell: Omit<T, keyof RecurrentLayerOptions> & { seed?: number } } {
  const {
    name,
    trainable,
    inputShape,
    batchInputShape,
    batchSize,
    seed,
    returnSequences,
    returnState,
    goBackwards,
    stateful,
    useFusedKernel,
    ...cell
  } = options;
  const loop: RecurrentLayerOptions = {
    name,
    trainable,
    inputShape,
    batchInputShape,
    batchSize,
    seed,
    returnSequences,
    returnState,
    goBackwards,
    stateful,
    useFusedKernel,
  };
  return { loop, cell: { ...cell, seed, trainable } };
}

/**
 * The cell's config without its own identity (name, trainable), to flatten into the layer's config as
 * Keras' `LSTM.get_config()` does.
 *
 * @example
 * flatCellConfig(new LSTMCell({ units: 2 }).getConfig()).units // → 2
 */
export function flatCellConfig(config: LayerConfig): LayerConfig {
  const { name: _name, trainable: _trainable, ...rest } = config;
  return rest;
}
