import { describe, expect, it } from 'vitest';
import { seededPermutation } from '../src/seeded-permutation';

describe('seededPermutation', () => {
  it('holds every index exactly once', () => {
    const order = seededPermutation(1000, 42);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('is the same for the same seed and differs for another seed', () => {
    expect(seededPermutation(100, 1)).toEqual(seededPermutation(100, 1));
    expect(seededPermutation(100, 1)).not.toEqual(seededPermutation(100, 2));
  });

  it('actually shuffles', () => {
    const order = seededPermutation(100, 7);
    const fixedPoints = [...order].filter((v, i) => v === i).length;
    expect(fixedPoints).toBeLessThan(10);
  });

  it('rejects a bad n with an exact message', () => {
    expect(() => seededPermutation(-1, 1)).toThrow(
      'seededPermutation: n must be a non-negative integer. Received: n=-1.',
    );
  });
});
