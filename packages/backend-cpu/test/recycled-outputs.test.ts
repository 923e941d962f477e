import * as tf from '@tensorflow/tfjs-core';
import { kernelsInfo } from '@tensorseq/kernels';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../src/index';
import type { HostBackend } from '../src/kernels/host-backend';
import { lendOutput, readFloat32Adopted, takeOutput } from '../src/kernels/recycled-outputs';

/** A tensor of this backend over an array from `takeOutput`, as a kernel would return it. */
function lent(values: number[]): { tensor: tf.Tensor; array: Float32Array } {
  const backend = tf.backend() as unknown as HostBackend;
  const array = takeOutput(backend, values.length);
  array.set(values);
  const info = lendOutput(backend, array, [values.length]);
  return { tensor: tf.engine().makeTensorFromTensorInfo(info), array };
}

/** The array `takeOutput` hands out next for `length` floats (kept out of the pool: a fresh tensor). */
function next(length: number): Float32Array {
  return takeOutput(tf.backend() as unknown as HostBackend, length);
}

/** Runs `f` as a kernel would (reads inside kernels are not the caller's). */
function insideKernel<T>(f: () => T): T {
  const state = tf.engine().state;
  state.kernelDepth++;
  try {
    return f();
  } finally {
    state.kernelDepth--;
  }
}

/** The threaded wasm kernels run, so kernel outputs live in their shared memory. */
const threaded = kernelsInfo().mode === 'multi-thread';

describe('recycled kernel outputs (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('hands a disposed, unshared output array out again', () => {
    const { tensor, array } = lent([1, 2, 3, 5]);
    tensor.dispose();
    expect(next(4)).toBe(array);
  });

  it('never recycles an array read outside a kernel (dataSync returns it to the caller)', () => {
    const { tensor } = lent([1, 2, 3, 6]);
    const held = tensor.dataSync();
    tensor.dispose();
    const other = next(4);
    expect(other).not.toBe(held);
    other.fill(9);
    expect(Array.from(held)).toEqual([1, 2, 3, 6]);
  });

  it('never lets a recycled array change a tensor that viewed it (Slice returns subarrays)', () => {
    const { tensor } = lent([1, 2, 3, 7]);
    const tail = tf.slice(tensor, [2], [2]);
    tensor.dispose();
    // A plain array is never handed out again; a shared one is, as the slice stored a copy.
    next(4).fill(9);
    expect(Array.from(tail.dataSync())).toEqual([3, 7]);
    tail.dispose();
  });

  it('never recycles an array disposed with force (a move to another backend keeps it)', () => {
    const { tensor, array } = lent([1, 2, 3, 9]);
    (tf.backend() as unknown as { disposeData(id: object, force: boolean): boolean }).disposeData(
      tensor.dataId,
      true,
    );
    expect(next(4)).not.toBe(array);
    tensor.dispose();
  });

  it('waits for the last tensor sharing the data (Reshape) to be disposed', () => {
    const { tensor, array } = lent([1, 2, 3, 8]);
    const square = tf.reshape(tensor, [2, 2]);
    tensor.dispose();
    expect(next(4)).not.toBe(array);
    square.dispose();
    expect(next(4)).toBe(array);
  });

  it("leaves the kernels' results and the tensor count unchanged", () => {
    const table = tf.tensor2d([0, 1, 2, 3, 4, 5], [3, 2]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const out = tf.gather(table, ids);
      expect(Array.from(out.dataSync())).toEqual([4, 5, 0, 1, 4, 5]);
      out.dispose();
      // Disposed without being read: its array is recycled, and the next lookup overwrites all of it.
      tf.dispose(tf.tidy(() => tf.sum(tf.gather(table, tf.tensor1d([1, 1, 1], 'int32')))));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([table, ids]);
  });

  it.skipIf(!threaded)("hands out the kernels' shared memory, and callers plain copies of it", () => {
    const { tensor, array } = lent([1, 2, 3, 4]);
    expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    const values = tensor.dataSync();
    expect(values.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(values)).toEqual([1, 2, 3, 4]);
    // The shared memory went back to the kernels: reusing it leaves the tensor as it was.
    const again = next(4);
    again.fill(9);
    expect(Array.from(tensor.dataSync())).toEqual([1, 2, 3, 4]);
    tensor.dispose();
  });

  it.skipIf(!threaded)('stores a copy when shared memory is written as another tensor (no aliasing)', () => {
    const { tensor, array } = lent([5, 6, 7, 8]);
    const copy = tf.tensor(array);
    array.fill(0);
    expect(Array.from(copy.dataSync())).toEqual([5, 6, 7, 8]);
    tf.dispose([tensor, copy]);
  });

  it.skipIf(!threaded)(
    'moves a large input into shared memory once; callers still read plain copies, and it is recycled',
    () => {
      const backend = tf.backend() as unknown as HostBackend;
      const values = Float32Array.from({ length: 1 << 14 }, (_, i) => i);
      const x = tf.tensor(values);
      const adopted = insideKernel(() => readFloat32Adopted(backend, x));
      expect(adopted.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(insideKernel(() => readFloat32Adopted(backend, x))).toBe(adopted); // in place from now on
      expect(Array.from(adopted.subarray(0, 3))).toEqual([0, 1, 2]);
      values.fill(-1); // the caller's array no longer backs the tensor
      const read = x.dataSync();
      expect(read.buffer).not.toBeInstanceOf(SharedArrayBuffer);
      expect(read[100]).toBe(100);
      x.dispose();
      // Small or int32 tensors stay where they are.
      const small = tf.tensor([1, 2, 3]);
      const ids = tf.tensor(new Int32Array(1 << 14), undefined, 'int32');
      expect(insideKernel(() => readFloat32Adopted(backend, small)).buffer).not.toBeInstanceOf(
        SharedArrayBuffer,
      );
      expect(insideKernel(() => readFloat32Adopted(backend, ids)).buffer).not.toBeInstanceOf(
        SharedArrayBuffer,
      );
      tf.dispose([small, ids]);
    },
  );

  it.skipIf(!threaded)('gives an adopted input that was never read back to the pool when disposed', () => {
    const backend = tf.backend() as unknown as HostBackend;
    const x = tf.tensor(new Float32Array(1 << 14).fill(3));
    const adopted = insideKernel(() => readFloat32Adopted(backend, x));
    x.dispose();
    expect(next(1 << 14)).toBe(adopted);
  });
});
