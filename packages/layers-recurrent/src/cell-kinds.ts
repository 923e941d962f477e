import type * as tf from '@tensorflow/tfjs-core';
import type { LayerConfig } from '@tensorseq/layers-core';
import {
  type BaseCellOptions,
  type CheckedCellOptions,
  checkCellOptions,
  checkRecurrentActivation,
  serializeCellOptions,
} from './cell-options';
import { gruStep, lstmStep, simpleRnnStep } from './cell-steps';
import type { CellWeights } from './cell-weights';
import type { RecurrentActivation } from './recurrent-activation';
import type { RnnCellKind, RnnStepResult } from './rnn-cell';

/** The options only some cells take (LSTM and GRU), beyond {@link BaseCellOptions}. */
export interface GateOptions {
  /** Activation of the gates (LSTM, GRU). */
  recurrentActivation?: RecurrentActivation;
  /** Initialize the forget-gate bias to 1 (LSTM). */
  unitForgetBias?: boolean;
  /** Reset gate after the recurrent matmul (GRU). */
  resetAfter?: boolean;
}

/** What any built-in cell accepts: each cell reads the {@link GateOptions} its row owns. */
export interface AnyCellOptions extends BaseCellOptions, GateOptions {}

/** A cell's options with every default filled in; a cell without a gate option gets a neutral value. */
export interface ResolvedCellOptions extends CheckedCellOptions, Required<GateOptions> {}

/** One timestep of a cell family, from its weights, the dropped-out x_t and h_{t-1}, and all states. */
export type CellStep = (
  weights: CellWeights,
  x: tf.Tensor2D,
  hDropped: tf.Tensor2D,
  states: tf.Tensor2D[],
  options: ResolvedCellOptions,
) => RnnStepResult;

/** A row of {@link CELL_KINDS}: everything that tells one built-in cell family from another. */
export interface CellKind {
  /** Name of the cell inside its thin layer (`lstm/lstm_cell`, as Keras). */
  cellName: string;
  /** Gate blocks in the kernels (`[features, gates·units]`). */
  gates: number;
  /** States carried between steps (LSTM: h and c). */
  stateCount: number;
  /** The gate options this family takes, in config order. */
  gateOptions: readonly (keyof GateOptions)[];
  step: CellStep;
}

/**
 * The built-in cell families, one row each (Keras gate orders: LSTM i, f, c, o; GRU z, r, h). The cells
 * and the thin layers are built from these rows.
 *
 * @example
 * CELL_KINDS.gru.gates // → 3
 */
export const CELL_KINDS: Readonly<Record<RnnCellKind, CellKind>> = {
  simpleRnn: { cellName: 'simple_rnn_cell', gates: 1, stateCount: 1, gateOptions: [], step: simpleRnnStep },
  lstm: {
    cellName: 'lstm_cell',
    gates: 4,
    stateCount: 2,
    gateOptions: ['recurrentActivation', 'unitForgetBias'],
    step: lstmStep,
  },
  gru: {
    cellName: 'gru_cell',
    gates: 3,
    stateCount: 1,
    gateOptions: ['recurrentActivation', 'resetAfter'],
    step: gruStep,
  },
};

/**
 * Validates a cell family's options once and fills in Keras' defaults; errors name `owner` (the class
 * the user constructed, `LSTM` or `LSTMCell`). Gate options outside the family's row are ignored.
 *
 * @example
 * resolveCellOptions('gru', { units: 4 }, 'GRU').resetAfter // → true
 * resolveCellOptions('lstm', { units: 0 }, 'LSTM') // throws 'LSTM: units must be a positive integer. Received: units=0.'
 */
export function resolveCellOptions(
  kind: RnnCellKind,
  options: AnyCellOptions,
  owner: string,
): ResolvedCellOptions {
  const checked = checkCellOptions(options, owner);
  const owns = (key: keyof GateOptions) => CELL_KINDS[kind].gateOptions.includes(key);
  return {
    ...checked,
    recurrentActivation: owns('recurrentActivation')
      ? checkRecurrentActivation(options.recurrentActivation, owner)
      : 'sigmoid',
    unitForgetBias: owns('unitForgetBias') && checkFlag(owner, 'unitForgetBias', options.unitForgetBias),
    resetAfter: owns('resetAfter') && checkFlag(owner, 'resetAfter', options.resetAfter),
  };
}

/**
 * The JSON config of a cell family's resolved options: the shared ones, then the family's gate options.
 *
 * @example
 * serializeCellConfig('lstm', resolveCellOptions('lstm', { units: 2 }, 'LSTM')).unitForgetBias // → true
 */
export function serializeCellConfig(kind: RnnCellKind, options: ResolvedCellOptions): LayerConfig {
  const config = serializeCellOptions(options);
  for (const key of CELL_KINDS[kind].gateOptions) config[key] = options[key];
  return config;
}

/** A boolean option that defaults to true. */
function checkFlag(owner: string, arg: string, value: unknown): boolean {
  const flag = value ?? true;
  if (typeof flag !== 'boolean') {
    throw new TypeError(`${owner}: ${arg} must be a boolean. Received: ${arg}=${String(value)}.`);
  }
  return flag;
}
