import { describe, expect, it } from 'vitest';
import {
  type KernelsBackend,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsBackend,
  sgemm,
} from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { expectClose } from './helpers';
import { randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

const backends: KernelsBackend[] = wasmSupported() ? ['js', 'wasm'] : ['js'];

describe.each(backends)('semantics on %s', (backend) => {
  it('applies the recurrent dropout mask to h before the recurrent matmul (hand-computed)', () => {
    // h1 = x1*k + (h0*m)*u = 1 + 2*0.5*3 = 4 ; h2 = 1 + 4*0.5*3 = 7
    const r = rnnSequenceForward(
      {
        cell: 'simpleRnn',
        batch: 1,
        time: 2,
        features: 1,
        units: 1,
        x: Float32Array.of(1, 1),
        kernel: Float32Array.of(1),
        recurrentKernel: Float32Array.of(3),
        bias: null,
        initialStates: [Float32Array.of(2)],
        mask: null,
        inputDropoutMask: null,
        recurrentDropoutMask: Float32Array.of(0.5),
        activation: 'linear',
        recurrentActivation: 'sigmoid',
        resetAfter: false,
        goBackwards: false,
      },
      { backend },
    );
    expect(Array.from(r.outputs)).toEqual([4, 7]);
    expect(Array.from(r.finalStates[0])).toEqual([7]);
  });

  it('treats the input dropout mask as x multiplied by it, and routes dx through it', () => {
    const args = randomArgs({ cell: 'lstm', batch: 3, time: 4, features: 5, units: 3, inputDropout: true });
    const { batch: B, time: T, features: F } = args;
    const dm = args.inputDropoutMask!;
    const premultiplied = {
      ...args,
      inputDropoutMask: null,
      x: args.x.map((v, i) => v * dm[Math.floor(i / (T * F)) * F + (i % F)]),
    };
    const a = rnnSequenceForward(args, { backend });
    const b = rnnSequenceForward(premultiplied, { backend });
    expectClose(a.outputs, b.outputs, 1e-6, 1e-6, 'outputs');
    const { dOutputs } = randomUpstream(args);
    const ga = rnnSequenceBackward(args, a, dOutputs, [null, null], { backend });
    const gb = rnnSequenceBackward(premultiplied, b, dOutputs, [null, null], { backend });
    const expectedDx = gb.dx.map((v, i) => v * dm[Math.floor(i / (T * F)) * F + (i % F)]);
    expect(B).toBe(3);
    expectClose(ga.dx, expectedDx, 1e-6, 1e-5, 'dx');
    expectClose(ga.dKernel, gb.dKernel, 1e-5, 1e-5, 'dKernel');
  });

  it('gives the same outputs with training false, and refuses a backward from it', () => {
    const args = randomArgs({
      cell: 'gru',
      batch: 2,
      time: 3,
      features: 2,
      units: 3,
      mask: true,
      recurrentDropout: true,
    });
    const a = rnnSequenceForward(args, { backend, training: true });
    const b = rnnSequenceForward(args, { backend, training: false });
    expect(Array.from(b.outputs)).toEqual(Array.from(a.outputs));
    expect(Array.from(b.finalStates[0])).toEqual(Array.from(a.finalStates[0]));
    expect(() => rnnSequenceBackward(args, b, null, [null], { backend })).toThrow(
      'rnnSequenceBackward: forward must come from rnnSequenceForward with training: true. Received: forward.saved.complete=false.',
    );
  });

  it('carries state through a fully masked row: outputs repeat h0 and every gradient but dh0 is zero', () => {
    const args = randomArgs({ cell: 'lstm', batch: 1, time: 3, features: 2, units: 2, initialStates: true });
    args.mask = new Float32Array(3);
    const r = rnnSequenceForward(args, { backend });
    const h0 = Array.from(args.initialStates[0]);
    expect(Array.from(r.outputs)).toEqual([...h0, ...h0, ...h0]);
    expect(Array.from(r.finalStates[1])).toEqual(Array.from(args.initialStates[1]));
    const g = rnnSequenceBackward(args, r, Float32Array.of(1, 2, 3, 4, 5, 6), [null, Float32Array.of(7, 8)], {
      backend,
    });
    expect(Array.from(g.dInitialStates[0])).toEqual([9, 12]);
    expect(Array.from(g.dInitialStates[1])).toEqual([7, 8]);
    expect(g.dKernel.every((v) => v === 0)).toBe(true);
    expect(g.dx.every((v) => v === 0)).toBe(true);
  });
});

describe.each(backends)('sgemm on %s', (backend) => {
  function naive(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
  ) {
    const c = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++)
        for (let p = 0; p < k; p++)
          c[i * n + j] += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
    return c;
  }

  it.each([
    [false, false, 7, 13, 5],
    [true, false, 9, 6, 11],
    [false, true, 17, 3, 33],
    [true, true, 5, 19, 8],
    [false, false, 70, 129, 65],
    [true, false, 33, 130, 257],
    [false, true, 130, 31, 67],
    [false, false, 1, 1, 1],
  ] as const)(
    'transA=%s transB=%s %i×%i×%i matches a naive product, with and without accumulate',
    (ta, tb, m, n, k) => {
      setKernelsBackend(backend);
      const rand = seededRandom(m * 1000 + n * 10 + k);
      const a = Float32Array.from({ length: m * k }, () => rand(-1, 1));
      const b = Float32Array.from({ length: k * n }, () => rand(-1, 1));
      const expected = naive(ta, tb, m, n, k, a, b);
      const c = Float32Array.from({ length: m * n }, () => 5);
      sgemm(ta, tb, m, n, k, a, b, c);
      expectClose(c, expected, 1e-5 * k, 1e-5, 'c');
      sgemm(ta, tb, m, n, k, a, b, c, true);
      expectClose(
        c,
        expected.map((v) => 2 * v),
        2e-5 * k,
        1e-5,
        'c accumulated',
      );
    },
  );
});
