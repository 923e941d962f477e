import {
  assertPositiveInteger,
  type InitializerIdentifier,
  type LayerConfig,
  type LayerOptions,
  type SerializedInitializer,
  serializeInitializer,
} from '@tensorseq/layers-core';
import { assertOneOf, assertRate } from './check-options';
import { RECURRENT_ACTIVATIONS, type RecurrentActivation } from './recurrent-activation';

/** Options every built-in cell (and its layer) accepts. */
export interface BaseCellOptions extends LayerOptions {
  /** Dimensionality of the output and of every state. */
  units: number;
  /** Activation of the output / candidate. @defaultValue 'tanh' */
  activation?: RecurrentActivation;
  /** Whether the cell has a bias. @defaultValue true */
  useBias?: boolean;
  /** Initializer of the input kernel `[features, gates·units]`. @defaultValue 'glorotUniform' */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the recurrent kernel `[units, gates·units]`. @defaultValue 'orthogonal' */
  recurrentInitializer?: InitializerIdentifier;
  /** Initializer of the bias. @defaultValue 'zeros' */
  biasInitializer?: InitializerIdentifier;
  /** Fraction of the input features dropped in training (one mask per sequence). @defaultValue 0 */
  dropout?: number;
  /** Fraction of the recurrent state dropped in training (one mask per sequence). @defaultValue 0 */
  recurrentDropout?: number;
}

/** {@link BaseCellOptions} with every default filled in. */
export interface CheckedCellOptions {
  units: number;
  activation: RecurrentActivation;
  useBias: boolean;
  kernelInitializer: InitializerIdentifier;
  recurrentInitializer: InitializerIdentifier;
  biasInitializer: InitializerIdentifier;
  dropout: number;
  recurrentDropout: number;
}

/**
 * Validates the options shared by all cells and fills in Keras' defaults; errors name `owner`
 * (the layer the user constructed, e.g. `LSTM`).
 *
 * @example
 * checkCellOptions({ units: 0 }, 'LSTM') // throws 'LSTM: units must be a positive integer. Received: units=0.'
 */
export function checkCellOptions(options: BaseCellOptions, owner: string): CheckedCellOptions {
  const {
    units,
    activation = 'tanh',
    useBias = true,
    kernelInitializer = 'glorotUniform',
    recurrentInitializer = 'orthogonal',
    biasInitializer = 'zeros',
    dropout = 0,
    recurrentDropout = 0,
  } = options;
  assertPositiveInteger(owner, 'units', units);
  assertOneOf(owner, 'activation', activation, RECURRENT_ACTIVATIONS);
  assertRate(owner, 'dropout', dropout);
  assertRate(owner, 'recurrentDropout', recurrentDropout);
  return {
    units,
    activation,
    useBias,
    kernelInitializer,
    recurrentInitializer,
    biasInitializer,
    dropout,
    recurrentDropout,
  };
}

/**
 * Validates a gate activation option (LSTM / GRU `recurrentActivation`).
 *
 * @example
 * checkRecurrentActivation(undefined, 'GRU') // → 'sigmoid'
 */
export function checkRecurrentActivation(
  value: RecurrentActivation | undefined,
  owner: string,
): RecurrentActivation {
  const recurrentActivation = value ?? 'sigmoid';
  assertOneOf(owner, 'recurrentActivation', recurrentActivation, RECURRENT_ACTIVATIONS);
  return recurrentActivation;
}

/**
 * The JSON config of the shared cell options (initializers in their serialized form).
 *
 * @example
 * serializeCellOptions(checkCellOptions({ units: 2 }, 'LSTM')).recurrentInitializer // → 'orthogonal'
 */
export function serializeCellOptions(options: CheckedCellOptions): LayerConfig {
  const { units, activation, useBias, dropout, recurrentDropout } = options;
  return {
    units,
    activation,
    useBias,
    kernelInitializer: serializeIdentifier(options.kernelInitializer),
    recurrentInitializer: serializeIdentifier(options.recurrentInitializer),
    biasInitializer: serializeIdentifier(options.biasInitializer),
    dropout,
    recurrentDropout,
  };
}

/** Names stay names; initializer objects become their `{ className, config }` form. */
function serializeIdentifier(id: InitializerIdentifier): string | SerializedInitializer {
  return typeof id !== 'string' && 'apply' in id ? serializeInitializer(id) : id;
}
