import { describe, expect, it } from 'vitest';
import { denormalize, normalize } from '../src/index';

describe('normalize', () => {
  const data = { data: Float32Array.from([1, 10, 3, 20, 100, 1000]), shape: [3, 2] };

  it('uses the mean and population std of the first rows only', () => {
    const { data: out, mean, std } = normalize(data, { rows: 2 });
    expect([...mean]).toEqual([2, 15]);
    expect([...std]).toEqual([1, 5]);
    expect([...out.data]).toEqual([-1, -1, 1, 1, 98, 197]);
    expect(out.shape).toEqual([3, 2]);
    expect([...data.data]).toEqual([1, 10, 3, 20, 100, 1000]);
  });

  it('round-trips a column with denormalize', () => {
    const stats = normalize(data, { rows: 2 });
    expect([...denormalize([-1, 1, 98], stats, 0)]).toEqual([1, 3, 100]);
  });

  it('rejects rows outside the data', () => {
    expect(() => normalize(data, { rows: 4 })).toThrow(
      'normalize: rows must be an integer in [1, 3]. Received: rows=4.',
    );
  });
});
