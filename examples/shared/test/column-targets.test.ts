import { windowGenerator } from '@tensorseq/datasets-jena';
import { describe, expect, it } from 'vitest';
import { columnTargets } from '../src/jena/column-targets';

describe('columnTargets', () => {
  it('yields the generator batches with [batch, 1] targets and the same values', () => {
    const rows = 40;
    const data = { data: Float32Array.from({ length: rows * 2 }, (_, i) => i), shape: [rows, 2] };
    const options = { lookback: 4, delay: 2, step: 1, batchSize: 3, steps: 2, targetColumn: 1 };
    const plain = [...windowGenerator(data, options)];
    const shaped = [...columnTargets(windowGenerator(data, options))];
    expect(shaped).toHaveLength(2);
    expect(shaped[0].ys.shape).toEqual([3, 1]);
    expect(shaped[0].ys.data).toEqual(plain[0].ys.data);
    expect(shaped[1].xs).toEqual(plain[1].xs);
  });
});
