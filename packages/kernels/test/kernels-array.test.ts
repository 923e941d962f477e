import { afterAll, describe, expect, it } from 'vitest';
import {
  type Conv1dArgs,
  conv1dBackward,
  conv1dForward,
  kernelsArray,
  type MaxPool1dArgs,
  maxPool1dBackward,
  maxPool1dForward,
  releaseKernelsArray,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
  sgemm,
  type TapGatherArgs,
  tapBiasGrad,
  tapGather,
  tapScatter,
} from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

const canThread = wasmSupported() && threadedUnsupported(2) === null;

/** `values` in an array from kernelsArray (shared memory on the threaded kernels). */
function inKernels(values: Float32Array): Float32Array {
  const array = kernelsArray(values.length);
  array.set(values);
  return array;
}

function fill(n: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length: n }, () => rand(-1, 1));
}

/** The same bits (NaN payloads and signed zeros included), in Node and in browsers. */
function expectSameBits(actual: Float32Array, expected: Float32Array): void {
  const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
  expect(bits(actual)).toEqual(bits(expected));
}

const conv: Conv1dArgs = {
  batch: 3,
  span: 21,
  channels: 5,
  filters: 8,
  size: 4,
  dilation: 1,
  outLength: 18,
  x: fill(3 * 21 * 5, 1),
  kernel: fill(4 * 5 * 8, 2),
  bias: fill(8, 3),
  activation: 'relu',
};

const pool: MaxPool1dArgs = {
  batch: 3,
  inLength: 18,
  channels: 8,
  size: 3,
  stride: 3,
  padLeft: 0,
  outLength: 6,
  x: fill(3 * 18 * 8, 4),
};

describe('kernelsArray', () => {
  afterAll(() => setKernelsThreads(1));

  it('rejects a length that is not a count', () => {
    expect(() => kernelsArray(-1)).toThrow(
      'kernelsArray: length must be an integer ≥ 0. Received: length=-1.',
    );
  });

  it.skipIf(!wasmSupported())(
    'is an ordinary array on one thread (growing the memory would detach it)',
    () => {
      setKernelsThreads(1);
      const array = kernelsArray(16);
      expect(array.buffer).toBeInstanceOf(ArrayBuffer);
      expect(array.length).toBe(16);
    },
  );

  it.skipIf(!canThread)('lives in the shared memory on threads, and survives its growth', () => {
    setKernelsThreads(2);
    const array = inKernels(Float32Array.of(1, 2, 3));
    expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    // A call larger than the memory grows it; the array keeps its values.
    const big = { ...conv, batch: 40000, x: fill(40000 * 21 * 5, 5) };
    conv1dForward(big);
    expect(Array.from(array)).toEqual([1, 2, 3]);
    releaseKernelsArray(array);
  });

  it.skipIf(!canThread)('is handed out again once released', () => {
    setKernelsThreads(2);
    const first = kernelsArray(64);
    releaseKernelsArray(first);
    const second = kernelsArray(64);
    expect(second.byteOffset).toBe(first.byteOffset);
    releaseKernelsArray(second);
    releaseKernelsArray(Float32Array.of(1)); // an ordinary array: a no-op
  });

  it.skipIf(!canThread)('gives the conv kernels the same bits read and written in place', () => {
    setKernelsThreads(2);
    const dy = fill(conv.batch * conv.outLength * conv.filters, 6);
    const y = conv1dForward(conv);
    const g = conv1dBackward(conv, dy, { y });
    const into = kernelsArray(y.length);
    const sharedY = conv1dForward({ ...conv, x: inKernels(conv.x) }, { into });
    expect(sharedY).toBe(into);
    expectSameBits(sharedY, y);
    const dxInto = kernelsArray(conv.x.length);
    const sg = conv1dBackward({ ...conv, x: inKernels(conv.x) }, inKernels(dy), { y: sharedY, dxInto });
    expect(sg.dx).toBe(dxInto);
    expectSameBits(sg.dx, g.dx);
    expectSameBits(sg.dKernel, g.dKernel);
    expectSameBits(sg.dBias as Float32Array, g.dBias as Float32Array);
  });

  it.skipIf(!canThread)('writes an output into its own input only through a copy, as before', () => {
    setKernelsThreads(2);
    // span·channels = outLength·filters: x and y have one length, so `into` may be x itself (written in
    // place, the second panel of rows would read inputs the first one overwrote).
    const square = {
      ...conv,
      span: 9,
      channels: 8,
      filters: 9,
      size: 2,
      outLength: 8,
      x: fill(3 * 9 * 8, 11),
      kernel: fill(2 * 8 * 9, 9),
      bias: fill(9, 10),
    };
    const y = conv1dForward(square);
    const x = inKernels(square.x);
    expectSameBits(conv1dForward({ ...square, x }, { into: x }), y);
  });

  it.skipIf(!canThread)('copies a padded conv input in, and a padded dx out, as before', () => {
    setKernelsThreads(2);
    const padded = { ...conv, span: 24, padLeft: 1, padRight: 2 };
    const dy = fill(conv.batch * conv.outLength * conv.filters, 7);
    const y = conv1dForward(padded);
    const dx = conv1dBackward(padded, dy, { y }).dx;
    const sharedY = conv1dForward({ ...padded, x: inKernels(conv.x) }, { into: kernelsArray(y.length) });
    expectSameBits(sharedY, y);
    const dxInto = kernelsArray(conv.x.length);
    expectSameBits(conv1dBackward(padded, inKernels(dy), { y: sharedY, dxInto }).dx, dx);
  });

  it.skipIf(!canThread)('gives max pooling the same bits read and written in place', () => {
    setKernelsThreads(2);
    const dy = fill(pool.batch * pool.outLength * pool.channels, 8);
    const y = maxPool1dForward(pool);
    const dx = maxPool1dBackward(pool, dy);
    const shared = { ...pool, x: inKernels(pool.x) };
    expectSameBits(maxPool1dForward(shared, { into: kernelsArray(y.length) }), y);
    const into = kernelsArray(pool.x.length);
    expect(maxPool1dBackward(shared, inKernels(dy), { into })).toBe(into);
    expectSameBits(into, dx);
  });

  it.skipIf(!canThread)('gives a GRU sequence the same bits with x and dx in place', () => {
    setKernelsThreads(2);
    const args = randomArgs({
      cell: 'gru',
      batch: 6,
      time: 7,
      features: 5,
      units: 4,
      resetAfter: false,
      inputDropout: true,
      recurrentDropout: true,
      recurrentActivation: 'hardSigmoid',
    });
    const { dOutputs, dFinal } = randomUpstream(args);
    const fwd = rnnSequenceForward(args, { backend: 'wasm' });
    const g = rnnSequenceBackward(args, fwd, dOutputs, dFinal, { backend: 'wasm' });
    const shared = { ...args, x: inKernels(args.x) };
    const sfwd = rnnSequenceForward(shared, { backend: 'wasm' });
    const dxInto = kernelsArray(args.x.length);
    const sg = rnnSequenceBackward(shared, sfwd, dOutputs && inKernels(dOutputs), dFinal, {
      backend: 'wasm',
      dxInto,
    });
    expectSameBits(sfwd.outputs, fwd.outputs);
    expect(sg.dx).toBe(dxInto);
    expectSameBits(sg.dx, g.dx);
    expectSameBits(sg.dKernel, g.dKernel);
    expectSameBits(sg.dRecurrentKernel, g.dRecurrentKernel);
  });

  it.skipIf(!canThread)('gives sgemm the same bits with A, B and C in place, accumulating or not', () => {
    setKernelsThreads(2);
    // Large enough for the threaded path (m·n·k ≥ 2^19).
    const [m, n, k] = [96, 80, 72];
    const a = fill(m * k, 12);
    const b = fill(k * n, 13);
    const c0 = fill(m * n, 14);
    for (const [transA, transB] of [
      [false, false],
      [true, false],
      [false, true],
    ] as const) {
      for (const accumulate of [false, true]) {
        const plain = c0.slice();
        sgemm(transA, transB, m, n, k, a, b, plain, accumulate);
        const c = inKernels(c0);
        sgemm(transA, transB, m, n, k, inKernels(a), inKernels(b), c, accumulate);
        expectSameBits(c, plain);
      }
    }
    // C that is also A: never written over while read (scratch, then a copy).
    const square = fill(m * m, 15);
    const expected = new Float32Array(m * m);
    sgemm(false, false, m, m, m, square, square, expected);
    const both = inKernels(square);
    sgemm(false, false, m, m, m, both, both, both);
    expectSameBits(both, expected);
  });

  it.skipIf(!canThread)('gives the tap gather and scatter the same bits read and written in place', () => {
    setKernelsThreads(2);
    const shape = { batch: 4, steps: 11, filters: 8, size: 3, vocab: 9 };
    const rand = seededRandom(16);
    const args: TapGatherArgs = {
      ...shape,
      activation: 'relu',
      ids: Int32Array.from({ length: 4 * 11 }, () => Math.floor(rand(0, 9))),
      table: fill(9 * 3 * 8, 17),
      bias: fill(8, 18),
    };
    const y = tapGather(args);
    const dy = fill(y.length, 19);
    const g = tapScatter({ ...args, hasBias: false }, dy, y);
    const bias = tapBiasGrad(args, dy, y);
    const into = kernelsArray(y.length);
    const sharedY = tapGather({ ...args, table: inKernels(args.table) }, { into });
    expect(sharedY).toBe(into);
    expectSameBits(sharedY, y);
    const tableInto = kernelsArray(g.dTable.length);
    const sharedDy = inKernels(dy);
    const sg = tapScatter({ ...args, hasBias: false }, sharedDy, sharedY, { into: tableInto });
    expect(sg.dTable).toBe(tableInto);
    expectSameBits(sg.dTable, g.dTable);
    expectSameBits(tapBiasGrad(args, sharedDy, sharedY), bias);
  });

  it.skipIf(!canThread)("writes a recurrent sequence's outputs in place", () => {
    setKernelsThreads(2);
    const args = randomArgs({ cell: 'lstm', batch: 5, time: 6, features: 3, units: 4 });
    const plain = rnnSequenceForward(args, { backend: 'wasm' });
    const outputsInto = kernelsArray(plain.outputs.length);
    const shared = rnnSequenceForward({ ...args, x: inKernels(args.x) }, { backend: 'wasm', outputsInto });
    expect(shared.outputs).toBe(outputsInto);
    expectSameBits(shared.outputs, plain.outputs);
  });

  it.skipIf(!canThread)('is an ordinary array while large saved buffers stay in the memory', () => {
    setKernelsThreads(2);
    // An LSTM training forward keeps [T, B, 4U] gates and more resident: 20 MB here, above the 16 MB
    // beside which shared arrays are handed out (a block above them would leave a hole once they go).
    const args = randomArgs({ cell: 'lstm', batch: 64, time: 300, features: 8, units: 64 });
    const fwd = rnnSequenceForward(args, { backend: 'wasm' });
    expect(kernelsArray(16).buffer).toBeInstanceOf(ArrayBuffer);
    // Once the backward used them, the next forward replaces them: small saved buffers leave sharing on.
    rnnSequenceBackward(args, fwd, null, randomUpstream(args).dFinal, { backend: 'wasm' });
    const small = randomArgs({ cell: 'gru', batch: 4, time: 5, features: 3, units: 4 });
    rnnSequenceForward(small, { backend: 'wasm' });
    expect(kernelsArray(16).buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
