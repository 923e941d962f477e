import type { LayerConfig, LayerOptions } from '@tensorseq/layers-core';
import type { AnyCellOptions } from './cell-kinds';
import {
  BOOLEAN,
  type ConfigSchema,
  INITIALIZER,
  NUMBER,
  oneOf,
  readConfig,
  SHAPE,
  STRING,
} from './config-schema';
import { RECURRENT_ACTIVATIONS } from './recurrent-activation';
import type { RecurrentLayerOptions } from './rnn';

const LAYER_SCHEMA: ConfigSchema<LayerOptions> = {
  name: STRING,
  trainable: BOOLEAN,
  inputShape: SHAPE,
  batchInputShape: SHAPE,
  batchSize: NUMBER,
  seed: NUMBER,
};

const ACTIVATION = oneOf(RECURRENT_ACTIVATIONS);

const CELL_SCHEMA: ConfigSchema<AnyCellOptions> = {
  ...LAYER_SCHEMA,
  units: NUMBER,
  activation: ACTIVATION,
  useBias: BOOLEAN,
  kernelInitializer: INITIALIZER,
  recurrentInitializer: INITIALIZER,
  biasInitializer: INITIALIZER,
  dropout: NUMBER,
  recurrentDropout: NUMBER,
  recurrentActivation: ACTIVATION,
  unitForgetBias: BOOLEAN,
  resetAfter: BOOLEAN,
};

const LOOP_SCHEMA: ConfigSchema<RecurrentLayerOptions> = {
  ...LAYER_SCHEMA,
  returnSequences: BOOLEAN,
  returnState: BOOLEAN,
  goBackwards: BOOLEAN,
  stateful: BOOLEAN,
  useFusedKernel: oneOf(['auto', true, false]),
};

/**
 * A built-in cell's options from its `getConfig()` output (or a hand-written config), type-checked.
 *
 * @throws TypeError naming the key when a value has the wrong type or `units` is missing.
 * @example
 * new LSTMCell(readCellConfig({ units: 4, unitForgetBias: false }, 'LSTMCell'));
 */
export function readCellConfig(config: LayerConfig, owner: string): AnyCellOptions {
  const options = readConfig(config, CELL_SCHEMA, owner);
  const { units } = options;
  if (units === undefined) {
    throw new TypeError(`${owner}.fromConfig: units must be present. Received: no units.`);
  }
  return { ...options, units };
}

/**
 * The options of the recurrent loop (`RNN`) from a config, type-checked.
 *
 * @example
 * readLoopConfig({ returnSequences: true }, 'RNN') // → { returnSequences: true }
 */
export function readLoopConfig(config: LayerConfig, owner: string): RecurrentLayerOptions {
  return readConfig(config, LOOP_SCHEMA, owner);
}

/**
 * A thin layer's options (`LSTM`, `GRU`, `SimpleRNN`): the flattened cell options plus the loop's.
 *
 * @example
 * new GRU(readLayerConfig(new GRU({ units: 2 }).getConfig(), 'GRU'));
 */
export function readLayerConfig(config: LayerConfig, owner: string): AnyCellOptions & RecurrentLayerOptions {
  return { ...readLoopConfig(config, owner), ...readCellConfig(config, owner) };
}
