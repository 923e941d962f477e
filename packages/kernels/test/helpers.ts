import { loadConformance } from '@tensorseq/test-utils/conformance';
import { expect } from 'vitest';
import type { KernelActivation, RnnCellKind, RnnSequenceArgs } from '../src/index';

/** A tensor of the conformance fixtures: flat row-major data with its shape. */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export interface RnnFixtureCase {
  id: string;
  layer: 'SimpleRNN' | 'LSTM' | 'GRU';
  config: {
    units: number;
    activation: string;
    recurrent_activation?: string;
    use_bias: boolean;
    return_sequences: boolean;
    go_backwards: boolean;
    reset_after?: boolean;
  };
  inputs: { x: FixtureTensor; mask?: FixtureTensor };
  weights: { name: string; shape: number[]; data: number[] }[];
  output: FixtureTensor;
  final_states: FixtureTensor[];
  loss: { R: FixtureTensor };
  grads: Record<string, FixtureTensor>;
}

/** Loads every case of the shared conformance fixture `layers/<name>.json`. */
export function loadRnnCases(name: 'simple_rnn' | 'lstm' | 'gru'): RnnFixtureCase[] {
  return loadConformance<{ cases: RnnFixtureCase[] }>(`layers/${name}`).cases;
}

const ACTIVATIONS: Record<string, KernelActivation> = {
  tanh: 'tanh',
  relu: 'relu',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hardSigmoid',
  linear: 'linear',
};

const CELLS: Record<RnnFixtureCase['layer'], RnnCellKind> = {
  SimpleRNN: 'simpleRnn',
  LSTM: 'lstm',
  GRU: 'gru',
};

/** Translates a fixture case into kernel arguments (zero initial states, no dropout). */
export function fixtureArgs(c: RnnFixtureCase): RnnSequenceArgs {
  const [batch, time, features] = c.inputs.x.shape;
  const units = c.config.units;
  const weight = (name: string) => c.weights.find((w) => w.name === name);
  const cell = CELLS[c.layer];
  return {
    cell,
    batch,
    time,
    features,
    units,
    x: Float32Array.from(c.inputs.x.data),
    kernel: Float32Array.from(weight('kernel')!.data),
    recurrentKernel: Float32Array.from(weight('recurrent_kernel')!.data),
    bias: weight('bias') ? Float32Array.from(weight('bias')!.data) : null,
    initialStates: (cell === 'lstm' ? [0, 1] : [0]).map(() => new Float32Array(batch * units)),
    mask: c.inputs.mask ? Float32Array.from(c.inputs.mask.data) : null,
    inputDropoutMask: null,
    recurrentDropoutMask: null,
    activation: ACTIVATIONS[c.config.activation],
    recurrentActivation: ACTIVATIONS[c.config.recurrent_activation ?? 'sigmoid'],
    resetAfter: c.config.reset_after ?? false,
    goBackwards: c.config.go_backwards,
  };
}

/** Asserts |actual - expected| <= atol + rtol*|expected| element-wise, naming the first offender. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  rtol: number,
  label: string,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const excess = Math.abs(actual[i] - expected[i]) - (atol + rtol * Math.abs(expected[i]));
    if (!(excess <= worstExcess)) {
      worst = i;
      worstExcess = Number.isNaN(excess) ? Number.POSITIVE_INFINITY : excess;
    }
  }
  if (worst >= 0) {
    expect.fail(
      `${label}[${worst}]: got ${actual[worst]}, expected ${expected[worst]} (atol ${atol}, rtol ${rtol})`,
    );
  }
}
