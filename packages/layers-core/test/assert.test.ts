import { describe, expect, it } from 'vitest';
import {
  assertInRange,
  assertNonNegativeInteger,
  assertOneOf,
  assertPositiveInteger,
  assertRank,
} from '../src/index';

describe('assert helpers', () => {
  it('assertPositiveInteger', () => {
    expect(() => assertPositiveInteger('LSTM', 'units', 0)).toThrow(
      'LSTM: units must be a positive integer. Received: units=0.',
    );
    expect(() => assertPositiveInteger('LSTM', 'units', 1.5)).toThrow('Received: units=1.5.');
    expect(() => assertPositiveInteger('LSTM', 'units', 3)).not.toThrow();
  });

  it('assertNonNegativeInteger', () => {
    expect(() => assertNonNegativeInteger('fit', 'verbose', -1)).toThrow(
      'fit: verbose must be a non-negative integer. Received: verbose=-1.',
    );
    expect(() => assertNonNegativeInteger('fit', 'verbose', 0)).not.toThrow();
  });

  it('assertOneOf', () => {
    expect(() => assertOneOf('padSequences', 'padding', 'mid', ['pre', 'post'])).toThrow(
      'padSequences: padding must be one of "pre", "post". Received: padding="mid".',
    );
    expect(() => assertOneOf('x', 'y', 'pre', ['pre', 'post'])).not.toThrow();
  });

  it('assertRank', () => {
    expect(() => assertRank('LSTM', 'input', [32, 10], 3)).toThrow(
      'LSTM: input must have rank 3. Received: input shape=[32, 10] (rank 2).',
    );
    expect(() => assertRank('Conv1D', 'input', { shape: [null, 5] }, [3, 4])).toThrow(
      'Conv1D: input must have rank 3 or 4. Received: input shape=[null, 5] (rank 2).',
    );
    expect(() => assertRank('LSTM', 'input', [1, 2, 3], 3)).not.toThrow();
  });

  it('assertInRange', () => {
    expect(() => assertInRange('Dropout', 'rate', 1, { min: 0, max: 1, maxInclusive: false })).toThrow(
      'Dropout: rate must be a number in [0, 1). Received: rate=1.',
    );
    expect(() => assertInRange('RMSprop', 'rho', Number.NaN, { min: 0 })).toThrow(
      'RMSprop: rho must be a number in [0, Infinity). Received: rho=NaN.',
    );
    expect(() => assertInRange('Dropout', 'rate', 0.5, { min: 0, max: 1 })).not.toThrow();
  });
});
