import { afterEach, describe, expect, it } from 'vitest';
import {
  kernelsArray,
  kernelsInfo,
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

  it('with kernelsArray, hands out zero-filled arrays, in the shared memory where the threaded kernels run', () => {
    setSlotArrayAllocator({ take: kernelsArray, release: releaseKernelsArray });
    const used = slotArray(1024);
    used.fill(5);
    releaseSlotArray(used);
    const a = slotArray(1024);
    expect(a.length).toBe(1024);
    expect(a.every((v) => v === 0)).toBe(true);
    if (kernelsInfo().mode === 'multi-thread') expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    releaseSlotArray(a);
  });
});
