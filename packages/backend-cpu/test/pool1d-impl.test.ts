import { describe, expect, it } from 'vitest';
import { maxPool1dArgmax, maxPool1dImpl, type Pool1DDims } from '../src/kernels/pool1d-impl';

function dims(
  inLength: number,
  size: number,
  stride: number,
  padLeft: number,
  outLength: number,
): Pool1DDims {
  return {
    batch: 2,
    inLength,
    channels: 3,
    w: { size, stride, dilation: 1, padLeft, padRight: 0, outLength },
  };
}

describe('maxPool1dImpl', () => {
  it.each([
    ['valid', dims(7, 3, 2, 0, 3)],
    ['same (padding cells never win)', dims(7, 3, 2, 1, 4)],
    ['overlapping windows', dims(7, 4, 1, 0, 4)],
  ])('returns the values at maxPool1dArgmax, %s', (_name, d) => {
    const x = Float32Array.from({ length: 2 * 7 * 3 }, (_, i) => ((i * 37) % 11) - 5);
    x[4] = Number.NaN;
    const argmax = maxPool1dArgmax(x, d);
    expect(Array.from(maxPool1dImpl(x, d))).toEqual(Array.from(argmax, (i) => x[i]));
  });
});
