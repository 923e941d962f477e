import { afterEach, describe, expect, it } from 'vitest';
import {
  kernelsArray,
  releaseKernelsArray,
  releaseSlotArray,
  setSlotArrayAllocator,
  slotArray,
} from '../src/index';

describe('slotArray', () => {
  afterEach(() => setSlotArrayAllocator(null));

  it('is an ordinary zero-filled array until an allocator is set', () => {
    const a = slotArray(5);
    expect(a).toBeInstanceOf(Float32Array);
    expect(Array.from(a)).toEqual([0, 0, 0, 0, 0]);
    releaseSlotArray(a); // a no-op
  });

  it('takes from the allocator, zero-filled, and gives back to it', () => {
    const taken: Float32Array[] = [];
    const released: Float32Array[] = [];
    setSlotArrayAllocator({
      take: (n) => {
        const a = new Float32Array(n).fill(7);
        taken.push(a);
        return a;
      },
      release: (a) => released.push(a),
    });
    const a = slotArray(3);
    expect(taken).toEqual([a]);
    expect(Array.from(a)).toEqual([0, 0, 0]);
    releaseSlotArray(a);
    expect(released[0]).toBe(a);
  });

  it('with kernelsArray, hands out the kernels’ shared memory where the threaded kernels run', () => {
    setSlotArrayAllocator({ take: kernelsArray, release: releaseKernelsArray });
    const a = slotArray(1024);
    expect(Array.from(a.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(a.length).toBe(1024);
    releaseSlotArray(a);
  });
});
