import { describe, expect, it } from 'vitest';
import { assertInRange, assertOneOf, assertPositiveInteger, assertRank, formatValue } from '../src/index';

describe('argument checks', () => {
  it('name the owner, the argument, the expectation and the received value', () => {
    expect(() => assertPositiveInteger('Dense', 'units', 0)).toThrow(
      new RangeError('Dense: units must be a positive integer. Received: units=0.'),
    );
    expect(() => assertOneOf('Conv1D', 'padding', 'mid', ['valid', 'same'])).toThrow(
      'Conv1D: padding must be one of "valid", "same". Received: padding="mid".',
    );
    expect(() => assertInRange('Dropout', 'rate', 1, { min: 0, max: 1, maxInclusive: false })).toThrow(
      'Dropout: rate must be a number in [0, 1). Received: rate=1.',
    );
    expect(() => assertRank('LSTM', 'input', [32, 10], 3)).toThrow(
      'LSTM: input must have rank 3. Received: input shape=[32, 10] (rank 2).',
    );
  });

  it('accept valid values', () => {
    expect(() => assertPositiveInteger('Dense', 'units', 3)).not.toThrow();
    expect(() => assertRank('LSTM', 'input', { shape: [1, 2, 3] }, [2, 3])).not.toThrow();
  });

  it('formatValue quotes strings and brackets arrays', () => {
    expect(formatValue('mid')).toBe('"mid"');
    expect(formatValue([null, 3])).toBe('[null, 3]');
  });
});
