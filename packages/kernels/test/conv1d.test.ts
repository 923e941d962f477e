import { afterAll, describe, expect, it } from 'vitest';
import { wasmKernels } from '../src/backend';
import {
  type Conv1dArgs,
  conv1dBackward,
  conv1dBackwardInput,
  conv1dBackwardWeights,
  conv1dForward,
  setKernelsThreads,
} from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { expectClose } from './helpers';
import { randomConv } from './random-conv';
import { seededRandom } from './seeded-random';

/** Direct definition: y[b,t,o] = bias[o] + Σ_j Σ_c x[b, t + j·d, c] · K[j, c, o], and its gradients. */
function naive(a: Conv1dArgs, dy: Float32Array) {
  const { batch: B, span: S, channels: C, filters: F, size: K, dilation: D, outLength: L } = a;
  const y = new Float32Array(B * L * F);
  const dx = new Float32Array(a.x.length);
  const dk = new Float32Array(a.kernel.length);
  const db = new Float32Array(F);
  for (let b = 0; b < B; b++)
    for (let t = 0; t < L; t++)
      for (let o = 0; o < F; o++) {
        let s = a.bias ? a.bias[o] : 0;
        const g = dy[(b * L + t) * F + o];
        db[o] += g;
        for (let j = 0; j < K; j++)
          for (let c = 0; c < C; c++) {
            const xi = (b * S + t + j * D) * C + c;
            const ki = (j * C + c) * F + o;
            s += a.x[xi] * a.kernel[ki];
            dx[xi] += g * a.kernel[ki];
            dk[ki] += g * a.x[xi];
          }
        y[(b * L + t) * F + o] = s;
      }
  return { y, dx, dk, db };
}

const shapes = [
  { batch: 3, span: 17, channels: 5, filters: 6, size: 3, dilation: 1, bias: true },
  { batch: 2, span: 30, channels: 9, filters: 4, size: 4, dilation: 3, bias: false },
  { batch: 5, span: 7, channels: 2, filters: 11, size: 7, dilation: 1, bias: true },
  // Over 2,048 rows: dK is summed from several partials (1,024 rows each) that the threads share.
  { batch: 3, span: 700, channels: 3, filters: 5, size: 3, dilation: 1, bias: true },
];
const paths: [string, 'js' | 'wasm', number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm, 1 thread', 'wasm', 1]);
  if (threadedUnsupported(2) === null)
    paths.push(['wasm, 2 threads', 'wasm', 2], ['wasm, 3 threads', 'wasm', 3]);
}

describe('conv1dForward / conv1dBackward', () => {
  afterAll(() => setKernelsThreads(1));

  it('computes the documented example', () => {
    const args = {
      batch: 1,
      span: 3,
      channels: 1,
      filters: 1,
      size: 2,
      dilation: 1,
      outLength: 2,
      x: Float32Array.of(1, 2, 3),
      kernel: Float32Array.of(1, 10),
      bias: null,
    };
    expect(conv1dForward(args)).toEqual(Float32Array.of(21, 32));
    expect(conv1dBackward(args, Float32Array.of(1, 1)).dKernel).toEqual(Float32Array.of(3, 5));
  });

  it.each(paths)(
    'matches the direct definition on %s, and every path gives the same bits',
    (_, backend, threads) => {
      setKernelsThreads(threads);
      for (const [i, shape] of shapes.entries()) {
        const a = randomConv(shape, i + 1);
        const dy = randomConv(
          { ...shape, channels: shape.filters, span: a.outLength, size: 1, dilation: 1 },
          9,
        ).x;
        const ref = naive(a, dy);
        const y = conv1dForward(a, { backend });
        const g = conv1dBackward(a, dy, { backend });
        expectClose(y, ref.y, 1e-5, 1e-5, 'y');
        expectClose(g.dx, ref.dx, 1e-5, 1e-5, 'dx');
        // dK sums thousands of products per element here, in another order than the float32 reference.
        const sums = a.batch * a.outLength > 1024 ? 1e-4 : 1e-5;
        expectClose(g.dKernel, ref.dk, sums, sums, 'dKernel');
        if (shape.bias) expectClose(g.dBias!, ref.db, sums, sums, 'dBias');
        else expect(g.dBias).toBeNull();
        if (backend === 'wasm') {
          setKernelsThreads(1);
          expect(conv1dForward(a)).toEqual(y);
          expect(conv1dBackward(a, dy)).toEqual(g);
          setKernelsThreads(threads);
        }
      }
    },
  );

  it.each(paths.filter(([, backend]) => backend === 'wasm'))(
    "skips the zeros of a mostly-zero dy with the dense path's bits on %s",
    (_, __, threads) => {
      setKernelsThreads(threads);
      const kernels = wasmKernels();
      const bits = (v: Float32Array | null) =>
        v === null ? null : Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));
      const sparseShapes = [
        shapes[3],
        // Several chunks of dK, each of several blocks, and wider taps.
        { batch: 4, span: 600, channels: 7, filters: 8, size: 5, dilation: 1, bias: true },
      ];
      for (const [i, shape] of sparseShapes.entries()) {
        for (const activation of ['linear', 'relu'] as const) {
          const a: Conv1dArgs = { ...randomConv(shape, i + 20), activation };
          const rand = seededRandom(i + 30);
          const L = a.outLength;
          // One nonzero per sample and filter (a global max pooling's gradient), then a few more at
          // random: under one element in sixteen, several per row and per block of rows.
          const dy = new Float32Array(a.batch * L * a.filters);
          for (let b = 0; b < a.batch; b++)
            for (let f = 0; f < a.filters; f++)
              dy[(b * L + Math.floor(rand(0, L))) * a.filters + f] = rand(-1, 1);
          for (let k = 0; k < dy.length; k++) if (rand(0, 1) < 0.01) dy[k] = rand(-1, 1);
          const y = activation === 'relu' ? conv1dForward(a) : undefined;
          const runs = kernels.sparseConvGradRuns();
          const sparse = conv1dBackward(a, dy, { y });
          expect(kernels.sparseConvGradRuns()).toBe(runs + 1);
          kernels.allowSparseConvGrads(false);
          const dense = conv1dBackward(a, dy, { y });
          kernels.allowSparseConvGrads(true);
          expect(kernels.sparseConvGradRuns()).toBe(runs + 1);
          expect(bits(sparse.dx)).toEqual(bits(dense.dx));
          expect(bits(sparse.dKernel)).toEqual(bits(dense.dKernel));
          expect(bits(sparse.dBias)).toEqual(bits(dense.dBias));
          const masked = y === undefined ? dy : dy.map((g, k) => (y[k] > 0 ? g : 0));
          const ref = naive(a, masked);
          expectClose(sparse.dx, ref.dx, 1e-5, 1e-5, 'dx');
          expectClose(sparse.dKernel, ref.dk, 1e-5, 1e-5, 'dKernel');
          expect(conv1dBackwardInput(a, dy, { y })).toEqual(sparse.dx);
          expect(conv1dBackwardWeights(a, dy, { y }).dKernel).toEqual(sparse.dKernel);
        }
      }
    },
  );

  it.each(paths)(
    'pads, applies relu and masks dy by the outputs on %s, whole or in parts',
    (_, backend, threads) => {
      setKernelsThreads(threads);
      for (const [i, shape] of shapes.entries()) {
        const [padLeft, padRight] = [
          [2, 0],
          [1, 3],
          [0, 4],
          [1, 1],
        ][i];
        const padded = randomConv({ ...shape, span: shape.span + padLeft + padRight }, i + 1);
        const inLength = shape.span;
        const c = shape.channels;
        // Zero the padding steps of the explicit batch; the kernel-padded call gets the real steps only.
        const x = new Float32Array(shape.batch * inLength * c);
        for (let b = 0; b < shape.batch; b++) {
          const at = (b * padded.span + padLeft) * c;
          x.set(padded.x.subarray(at, at + inLength * c), b * inLength * c);
          padded.x.fill(0, b * padded.span * c, at);
          padded.x.fill(0, at + inLength * c, (b + 1) * padded.span * c);
        }
        const a: Conv1dArgs = { ...padded, x, padLeft, padRight, activation: 'relu' };
        const dy = randomConv(
          { ...shape, channels: shape.filters, span: a.outLength, size: 1, dilation: 1 },
          9,
        ).x;
        const ref = naive(padded, dy);
        const yRef = ref.y.map((v) => Math.max(v, 0));
        const y = conv1dForward(a, { backend });
        expectClose(y, yRef, 1e-5, 1e-5, 'y');
        expect(y.some((v) => v === 0) && y.some((v) => v > 0)).toBe(true);
        const masked = naive(
          padded,
          dy.map((g, k) => (yRef[k] > 0 ? g : 0)),
        );
        const dxRef = new Float32Array(x.length);
        for (let b = 0; b < shape.batch; b++) {
          const at = (b * padded.span + padLeft) * c;
          dxRef.set(masked.dx.subarray(at, at + inLength * c), b * inLength * c);
        }
        const g = conv1dBackward(a, dy, { backend, y });
        expectClose(g.dx, dxRef, 1e-5, 1e-5, 'dx');
        expectClose(g.dKernel, masked.dk, 1e-5, 1e-5, 'dKernel');
        if (shape.bias) expectClose(g.dBias!, masked.db, 1e-5, 1e-5, 'dBias');
        expect(conv1dBackwardWeights(a, dy, { backend, y })).toEqual({ dKernel: g.dKernel, dBias: g.dBias });
        expect(conv1dBackwardInput(a, dy, { backend, y })).toEqual(g.dx);
        // Arrays to write into arrive dirty (recycled): every element must be overwritten.
        const into = new Float32Array(y.length).fill(Number.NaN);
        expect(conv1dForward(a, { backend, into })).toBe(into);
        expect(into).toEqual(y);
        const dxInto = new Float32Array(x.length).fill(Number.NaN);
        expect(conv1dBackwardInput(a, dy, { backend, y, dxInto })).toBe(dxInto);
        expect(dxInto).toEqual(g.dx);
        dxInto.fill(7);
        expect(conv1dBackward(a, dy, { backend, y, dxInto }).dx).toBe(dxInto);
        expect(dxInto).toEqual(g.dx);
        if (backend === 'wasm') {
          setKernelsThreads(1);
          expect(conv1dForward(a)).toEqual(y);
          expect(conv1dBackward(a, dy, { y })).toEqual(g);
          setKernelsThreads(threads);
        }
      }
    },
  );

  it('names the argument that does not fit', () => {
    const a = randomConv(shapes[0]);
    expect(() => conv1dForward({ ...a, outLength: a.outLength + 1 })).toThrow(
      'conv1dForward: outLength must be at most span - (size - 1) * dilation = 15. Received: outLength=16.',
    );
    expect(() => conv1dBackward(a, new Float32Array(3))).toThrow(
      'conv1dBackward: dy must be a Float32Array of batch*outLength*filters = 270 elements. Received: dy.length=3.',
    );
    expect(() => conv1dBackwardWeights({ ...a, activation: 'relu' }, new Float32Array(270))).toThrow(
      "conv1dBackwardWeights: options.y must be a Float32Array of batch*outLength*filters (activation 'relu') = 270 elements. Received: options.y.length=undefined.",
    );
    expect(() => conv1dForward(a, { into: new Float32Array(2) })).toThrow(
      'conv1dForward: options.into must be a Float32Array of batch*outLength*filters = 270 elements. Received: options.into.length=2.',
    );
    expect(() => conv1dBackwardInput(a, new Float32Array(270), { dxInto: new Float32Array(2) })).toThrow(
      'conv1dBackwardInput: options.dxInto must be a Float32Array of the length of x = 255 elements. Received: options.dxInto.length=2.',
    );
    expect(() => conv1dForward({ ...a, padLeft: 1 })).toThrow(
      'conv1dForward: x must be a Float32Array of batch*(span-padLeft-padRight)*channels = 240 elements. Received: x.length=255.',
    );
  });
});
